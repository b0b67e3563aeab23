// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <vector>

class QChartView;

/// A sweep's outcome: one line per experiment, the swept values as categories along the bottom (in the order
/// given: they need not be numbers, "graceful, quick").
class SweepChart : public QWidget
{
    Q_OBJECT
public:
    struct Line
    {
        QString name;
        QColor colour;
        std::vector<double> values; ///< one per swept value done so far
    };

    explicit SweepChart(QWidget* parent = nullptr);
    /// Draws the lines; an empty `lines` leaves only the title.
    void show(const QString& title, const QString& knob, const QStringList& sweptValues, const QString& metric,
        const std::vector<Line>& lines);

private:
    QChartView* m_view;
};
