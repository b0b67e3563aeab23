// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "io/pledgefiles.h"
#include "model/result.h"
#include "model/scenario.h"
#include "scenario/whatif.h"

#include <QDialog>

#include <memory>

class PledgeSheetTable;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class SuggestRunner;

/// Planner → Suggest quotas (issue 16): targets per group (a metric, >= or <=, a value) and pledges per experiment
/// in, the search off the GUI thread, its answer as `poolplanner-cli suggest` writes it, the pledge sheet of the
/// baseline and of the suggested setting (exported as WLCG-shaped CSV), and "Apply as a proposal", which puts the
/// suggested knobs in the planner's draft (one undo step).
class SuggestDialog : public QDialog
{
    Q_OBJECT
public:
    /// `baseline`, when given, proposes a first target: the longest p95 wait halved.
    SuggestDialog(std::shared_ptr<const pp::Scenario> base, pp::Config config,
        const std::shared_ptr<const pp::Result>& baseline, QWidget* parent = nullptr);

Q_SIGNALS:
    void applyRequested(const pp::KnobEdits& knobs);

private:
    void addTargetRow(const QString& group, const QString& metric, bool atLeast, double value);
    std::vector<pp::Pledge> pledges() const;
    void search();
    /// The baseline's sheet under the pledges as entered (the suggested one goes when a pledge changes).
    void showCurrentSheet();
    void exportSheet();

    std::shared_ptr<const pp::Scenario> m_base;
    std::shared_ptr<const pp::Result> m_baseline;
    pp::Config m_config;
    QStringList m_groups;
    QTableWidget* m_targets = nullptr;
    QTableWidget* m_pledges = nullptr;
    QPushButton* m_search = nullptr;
    QPushButton* m_apply = nullptr;
    QLabel* m_status = nullptr;
    QPlainTextEdit* m_answer = nullptr;
    PledgeSheetTable* m_sheet = nullptr;
    SuggestRunner* m_runner = nullptr;
    pp::KnobEdits m_suggested;
};
