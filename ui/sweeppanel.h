// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "model/result.h"
#include "model/scenario.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class PlanningSession;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class SimulationRunner;
class SweepChart;

/// A sweep over one knob from the planner's current proposal: the knob, its values, and a chart of what each
/// experiment gets at each value (core-hours, wait p95, preemptions) — the command line's `sweep`, for one
/// knob, in the window. Runs one value after the other in the background; Stop keeps what is done.
class SweepPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SweepPanel(PlanningSession* session, QWidget* parent = nullptr);

    /// Starts a sweep; false with a message when the knob or values cannot be used.
    bool start(const QString& knob, const QStringList& values, QString* error);
    bool isRunning() const;
    /// The results so far, in the order of the values.
    const std::vector<std::shared_ptr<const pp::Result>>& results() const { return m_results; }

Q_SIGNALS:
    void finished();

private:
    void runNext();
    void plot();
    void chooseAndStart();

    PlanningSession* m_session;
    SimulationRunner* m_runner = nullptr;
    QLineEdit* m_knob = nullptr;
    QLineEdit* m_values = nullptr;
    QComboBox* m_metric = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_status = nullptr;
    SweepChart* m_chart = nullptr;
    void finish(const QString& message);

    pp::Scenario m_base; // what the sweep started from, copied: later planner edits do not mix in
    pp::Config m_baseConfig;
    std::vector<std::pair<std::string, std::optional<std::string>>> m_baseEdits;
    QString m_sweptKnob;
    QStringList m_sweptValues;
    std::vector<std::shared_ptr<const pp::Result>> m_results;
};
