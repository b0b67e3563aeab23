// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/notebookactivity.h"

#include <QWidget>

class QChartView;
class QValueAxis;

/// Notebook sessions running over time, and how long the sessions asked for in the period took to start.
class NotebookCharts : public QWidget
{
    Q_OBJECT
public:
    explicit NotebookCharts(QWidget* parent = nullptr);

    void setActivity(const pp::NotebookActivity& activity, const std::vector<std::int64_t>& sampleTimes);
    void setPeriod(int firstSample, int lastSample);
    const pp::NotebookActivity& activity() const { return m_activity; }

private:
    void rebuildHistogram(const pp::NotebookActivity::Period& period);

    pp::NotebookActivity m_activity;
    std::vector<std::int64_t> m_times;
    QChartView* m_running = nullptr;
    QChartView* m_histogram = nullptr;
    QValueAxis* m_timeAxis = nullptr;
    double m_unit = 3600;
};
