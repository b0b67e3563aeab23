// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QColor>
#include <QStringList>

/// One colour per experiment in every view: a top-level group keeps its colour wherever it is drawn (the usage
/// chart, the flow diagram, reports); its sub-groups are darker shades of it, and `<none>` is grey.
/// `groupNames`: every group of the result, in the result's order (it fixes which experiment gets which colour).
QColor groupColour(const QString& group, const QStringList& groupNames);
