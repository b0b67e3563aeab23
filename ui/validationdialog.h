// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "validationrunner.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class ValidationChart;

/// File → Validate Against History…: the pool's condor_history (and condor_q at the end, and the jobs' event
/// logs), its configuration and machines; the replay's range against what really ran, per group, in a table
/// and a chart — the window's `poolplanner-cli validate`. Bad input shows here, naming the file and line.
class ValidationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ValidationDialog(QWidget* parent = nullptr);

    void setInputs(const ValidationRunner::Inputs& inputs);
    ValidationRunner::Inputs inputs() const;
    /// Runs the validation with the inputs shown (what the Validate button does).
    void startValidation();

    QString verdictText() const;
    QString errorText() const;
    const QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    /// A validation's outcome (or its failure) is on show.
    void validationShown();

private:
    void showOutcome(const std::shared_ptr<const ValidationRunner::Outcome>& outcome);
    void showFailure(const QString& message);
    void showGroup(int row);
    QLineEdit* addPathRow(class QFormLayout* form, const QString& label, const QString& filter, bool many);

    ValidationRunner m_runner;
    std::shared_ptr<const ValidationRunner::Outcome> m_outcome;
    QLineEdit* m_history = nullptr;
    QLineEdit* m_events = nullptr;
    QLineEdit* m_config = nullptr;
    QRadioButton* m_useSlotAds = nullptr;
    QLineEdit* m_pool = nullptr;
    QSpinBox* m_cores = nullptr;
    QSpinBox* m_machineCores = nullptr;
    QSpinBox* m_runs = nullptr;
    QPushButton* m_validate = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_verdict = nullptr;
    QTableWidget* m_table = nullptr;
    ValidationChart* m_chart = nullptr;
};
