// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <QImage>
#include <QPainter>
#include <QString>

/// Charts for reports, painted with QPainter so that they need no window system and look the same in a PDF
/// made by the command line as in one made by the window. Colours are the experiments' colours on screen.
namespace reportcharts {

/// Cores in use over the run, stacked by experiment, with the pool size as the ceiling.
void paintUsage(QPainter& painter, const pp::Result& result, const QString& title, QSize size);
QImage usage(const pp::Result& result, const QString& title, QSize size);

/// Cores in use per experiment for several runs on shared axes: the first solid, the others dashed.
void paintUsageComparison(
    QPainter& painter, const std::vector<const pp::Result*>& runs, const QStringList& names, QSize size);
QImage usageComparison(const std::vector<const pp::Result*>& runs, const QStringList& names, QSize size);

} // namespace reportcharts
