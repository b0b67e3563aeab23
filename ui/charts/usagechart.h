// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QWidget>

class PoolSeriesModel;
class QChartView;
class QValueAxis;

/// Cores in use over time, stacked by top-level group, with the idle cores on top and the pool size as the
/// ceiling. Reads the same PoolSeriesModel as the table beside it; Qt Charts stays inside ui/charts/.
class UsageChart : public QWidget
{
    Q_OBJECT
public:
    explicit UsageChart(PoolSeriesModel* model, QWidget* parent = nullptr);
    /// Zooms the time axis to [from, to], seconds since the start of the run (the shared period).
    void setVisibleRange(double fromSeconds, double toSeconds);

private:
    void rebuild();
    PoolSeriesModel* m_model;
    QChartView* m_view;
    QValueAxis* m_timeAxis = nullptr;
    double m_unit = 3600; // seconds per axis unit
};
