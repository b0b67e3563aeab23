// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "model/result.h"
#include "model/scenario.h"

#include <QWidget>

#include <functional>
#include <memory>

class ComparisonModel;
class GroupPolicyModel;
class PolicyDraft;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTimer;
class QUndoStack;
class ScenarioSet;
class SimulationRunner;

/// The planner: edit the policy of the open pool — quotas, surplus, priority factors, preemption, runtime
/// limits, defrag, notebooks — and see the outcome against the baseline while you work. Every edit is a named
/// undo command over HTCondor knobs; the proposal re-simulates in the background a moment after the last
/// edit, a newer edit cancelling the run under way.
class PlannerView : public QWidget
{
    Q_OBJECT
public:
    /// `scenarios`: where kept proposals go, shared with the Compare view.
    explicit PlannerView(ScenarioSet* scenarios, QWidget* parent = nullptr);
    ~PlannerView() override;

    /// The pool as opened and what it gave: the baseline every proposal is compared with.
    /// `keepEdits`: a new snapshot of the same pool; the edits and their history stay and are simulated again.
    void setBaseline(const pp::Scenario& scenario, const pp::Config& config, std::shared_ptr<const pp::Result> result,
        bool keepEdits = false);
    /// Stops the proposal's run and any pending one (another pool is being opened).
    void stop();
    PolicyDraft* draft() const { return m_draft; }
    QUndoStack* undoStack() const { return m_undo; }
    ComparisonModel* comparison() const { return m_comparison; }
    /// The proposal's last result (nullptr before the first one).
    std::shared_ptr<const pp::Result> proposalResult() const { return m_proposal; }
    std::shared_ptr<const pp::Result> baselineResult() const { return m_baselineResult; }
    bool isSimulating() const;
    /// The knobs that differ from the baseline, as a config.d snippet.
    QString configSnippet() const;
    /// Keeps the current proposal under a name (its result once simulated); returns the scenario's row.
    int keepProposal(const QString& name);
    /// Opens a kept scenario's edits in the planner, undoably.
    void openScenario(int row);
    const pp::Config& baseConfig() const;
    const pp::Scenario& baseScenario() const { return m_scenario; }

Q_SIGNALS:
    /// A proposal's result is in (after the debounce and the simulation).
    void proposalSimulated();

private:
    QWidget* buildEditors();
    QWidget* buildOutcome();
    /// A spin box bound to a numeric knob: shows the policy's value (through `read`), edits write the knob.
    /// `minimum` -1 stands for HTCondor's "no limit" (-1) and shows as such.
    QDoubleSpinBox* knobSpin(const QString& label, const std::string& knob, double scale, double minimum,
        double maximum, const std::function<double(const pp::Policy&)>& read);
    void draftChanged();
    void simulateSoon();
    void simulate();
    void showProposal(const pp::Result& result);
    void exportSnippet();
    void chooseKeep();

    pp::Scenario m_scenario;
    std::shared_ptr<const pp::Result> m_baselineResult;
    std::shared_ptr<const pp::Result> m_proposal;
    // The edits behind m_proposal and behind the run under way: a result is kept with a scenario only if it was
    // made from that scenario's edits.
    std::vector<std::pair<std::string, std::optional<std::string>>> m_proposalEdits, m_runningEdits;
    pp::Policy m_baselinePolicy;
    PolicyDraft* m_draft = nullptr;
    QUndoStack* m_undo = nullptr;
    GroupPolicyModel* m_groups = nullptr;
    ComparisonModel* m_comparison = nullptr;
    SimulationRunner* m_runner = nullptr;
    QTimer* m_debounce = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    QComboBox* m_preemption = nullptr;
    QComboBox* m_limitAction = nullptr;
    QDoubleSpinBox* m_limitHours = nullptr;
    QComboBox* m_defragSchedule = nullptr;
    std::vector<std::function<void(const pp::Policy&)>> m_refreshers; // put the policy's values back in the editors
    bool m_refreshing = false;
    ScenarioSet* m_scenarios = nullptr;
    QComboBox* m_scenarioChoice = nullptr;
    QString m_pendingKeep; // kept while simulating: its result is filled in when the run ends
};
