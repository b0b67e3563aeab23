// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QString>

/// A wait or a runtime as people read it, as the command line and the report write it (pp::human::duration):
/// "45 s", "2.5 min", "3.1 h", "1.5 d".
QString formatDuration(double seconds);
