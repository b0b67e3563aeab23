// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "model/result.h"
#include "model/scenario.h"
#include "scenario/whatif.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class SuggestRunner;

/// Planner → Suggest quotas (issue 16): targets per group (a metric, >= or <=, a value) and pledges per experiment
/// in, the search off the GUI thread, its answer as `poolplanner-cli suggest` writes it, and "Apply as a proposal",
/// which puts the suggested knobs in the planner's draft (one undo step).
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
    void search();

    std::shared_ptr<const pp::Scenario> m_base;
    pp::Config m_config;
    QStringList m_groups;
    QTableWidget* m_targets = nullptr;
    QTableWidget* m_pledges = nullptr;
    QPushButton* m_search = nullptr;
    QPushButton* m_apply = nullptr;
    QLabel* m_status = nullptr;
    QPlainTextEdit* m_answer = nullptr;
    SuggestRunner* m_runner = nullptr;
    pp::KnobEdits m_suggested;
};
