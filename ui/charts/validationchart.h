// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/validation.h"

#include <QColor>
#include <QWidget>

class QChartView;

/// One group of a validation over time: the cores its jobs really held (a line) against the range of the
/// replay's runs (a band), so that where the replay departs from the pool shows at a glance.
class ValidationChart : public QWidget
{
    Q_OBJECT
public:
    explicit ValidationChart(QWidget* parent = nullptr);
    /// Draws `validation.groups[group]`; an index out of range leaves an empty chart.
    void show(const pp::Validation& validation, std::size_t group, const QColor& colour);

private:
    QChartView* m_view;
};
