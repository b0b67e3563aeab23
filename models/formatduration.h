// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QString>

/// A wait or a runtime as people read it: "45 s", "2.5 min", "3.1 h".
QString formatDuration(double seconds);
