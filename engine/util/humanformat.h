// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <string>

namespace pp::human {

/// Numbers as a person reads them in a summary or a table, the same bytes on every platform.

/// "45 s", "1.2 min" from a minute, "3.2 h" from 90 minutes, "1.5 d" from 36 hours.
std::string duration(double seconds);
/// "12,345" (whole numbers above 100, grouped by thousands); "3.4" below.
std::string quantity(double value);
/// A fraction as a percentage without sign: 0.4 → "40 %", 0.031 → "3.1 %", 0.002 → "0.2 %".
std::string percent(double fraction);
/// A level as a percentage with one decimal: 0.673 → "67.3 %" (utilization, shares).
std::string level(double fraction);
/// A change of a fraction in percentage points with its sign: 0.018 → "+1.8 pt".
std::string points(double fractionDelta);
/// A relative change with its sign: (100, 112) → "+12 %", (100, 88) → "−12 %", (0, 5) → "from nothing".
std::string relativeChange(double base, double now);

} // namespace pp::human
