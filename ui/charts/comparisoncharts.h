// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <QWidget>

class QChartView;

/// Two runs on shared axes: cores in use per experiment over time (the first run solid, the second dashed, in
/// the experiment's colour) and the wait by job size (p50 and p95 of each run side by side).
class ComparisonCharts : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonCharts(QWidget* parent = nullptr);
    void setRuns(
        const pp::Result& first, const QString& firstName, const pp::Result& second, const QString& secondName);
    void clear();
    /// The charts, for reports.
    QChartView* usageView() const { return m_usage; }
    QChartView* waitsView() const { return m_waits; }

private:
    QChartView* m_usage = nullptr;
    QChartView* m_waits = nullptr;
};
