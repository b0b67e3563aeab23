// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "policy/policy.h"

#include <QWidget>

#include <functional>
#include <memory>

class ComparisonModel;
class GroupPolicyModel;
class PlanningSession;
class PolicyDraft;
class QComboBox;
class QDoubleSpinBox;
class OutcomeChart;
class QLabel;
class QSlider;
class QUndoStack;
class ScenarioSet;

/// The planner: edit the policy of the open pool — quotas, surplus, priority factors, preemption, runtime
/// limits, defrag, notebooks — and see the outcome against the baseline while you work. Every edit is a named
/// undo command over HTCondor knobs; the proposal re-simulates in the background a moment after the last
/// edit, a newer edit cancelling the run under way.
class PlannerView : public QWidget
{
    Q_OBJECT
public:
    /// Edits `session`'s draft and shows its proposal against its baseline; disabled until there is a baseline.
    explicit PlannerView(PlanningSession* session, QWidget* parent = nullptr);
    ~PlannerView() override;

    PlanningSession* session() const { return m_session; }
    ComparisonModel* comparison() const { return m_comparison; }

private:
    /// Opens Suggest quotas on the baseline; its answer, applied, is one undoable edit of the draft.
    void suggestQuotas();
    QWidget* buildEditors();
    QWidget* buildOutcome();
    /// A spin box bound to a numeric knob: shows the policy's value (through `read`), edits write the knob.
    /// `minimum` -1 stands for HTCondor's "no limit" (-1) and shows as such.
    QDoubleSpinBox* knobSpin(const QString& label, const std::string& knob, double scale, double minimum,
        double maximum, const std::function<double(const pp::Policy&)>& read);
    void draftChanged();
    /// The quota slider follows the group chosen in the table (its quota as the draft has it).
    void loadQuotaSlider(int row);
    void showProposal();
    void exportSnippet();
    void chooseKeep();

    PlanningSession* m_session;
    PolicyDraft* m_draft = nullptr;
    QUndoStack* m_undo = nullptr;
    GroupPolicyModel* m_groups = nullptr;
    ComparisonModel* m_comparison = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_headline = nullptr;
    OutcomeChart* m_outcomeChart = nullptr;
    QSlider* m_quotaSlider = nullptr;
    QLabel* m_quotaLabel = nullptr;
    int m_quotaRow = -1;
    int m_drag = 0; ///< one per press of the slider: a drag is one undo step
    bool m_loadingSlider = false;
    double m_poolCores = 0;
    QComboBox* m_preemption = nullptr;
    QComboBox* m_limitAction = nullptr;
    QDoubleSpinBox* m_limitHours = nullptr;
    QComboBox* m_defragSchedule = nullptr;
    std::vector<std::function<void(const pp::Policy&)>> m_refreshers; // put the policy's values back in the editors
    bool m_refreshing = false;
    ScenarioSet* m_scenarios = nullptr;
    QComboBox* m_scenarioChoice = nullptr;
};
