// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QString>

class QChart;
class QAbstractAxis;
class QChartView;
class QValueAxis;
class QWidget;

/// Ticks on whole, round steps (1, 2 or 5 times a power of ten) from zero, about eight across `span`: time axes
/// read "0 1 2 … 7 days", never "0 1.75 3.5".
void setRoundTicks(QValueAxis* axis, double span);

/// A new chart in the theme that suits the widget's palette: dark on a dark desktop, light otherwise.
QChart* newThemedChart(const QWidget* widget);

/// Shows a new chart in the view and deletes the old one (a QChartView does not own what it replaces).
void replaceChart(QChartView* view, QChart* chart);

/// Puts `x` at the bottom and `y` on the left, and plots every series of the chart against them.
void attachAxes(QChart* chart, QAbstractAxis* x, QAbstractAxis* y);

/// A legend label for a plain name: Qt Charts renders legend labels as rich text, so "<none>" (HTCondor's root
/// group) would vanish as an unknown tag.
QString legendLabel(const QString& plain);
