// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/ensemble.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <vector>

class PoolSeriesModel;
class QChartView;
class QLineSeries;
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
    /// The claimed cores' spread at each sample over an ensemble's runs, drawn as a band over the stack until the
    /// model's next result.
    void setSpread(const std::vector<pp::FigureSpread>& claimedCores, int runs);

private:
    void rebuild();
    /// Hands each band's edge the samples of [from, to] (axis units), averaged down to what the width can show.
    void showWindow(double from, double to);
    PoolSeriesModel* m_model;
    struct Edge
    {
        QLineSeries* series = nullptr;
        QList<QPointF> samples; // every sample of the run
    };
    std::vector<Edge> m_edges; // the bands' edges (stacked sums), and the spread band's
    QChartView* m_view;
    QValueAxis* m_timeAxis = nullptr;
    double m_unit = 3600; // seconds per axis unit
    std::vector<pp::FigureSpread> m_spread;
    int m_spreadRuns = 0;
};
