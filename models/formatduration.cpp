// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "formatduration.h"

#include "util/humanformat.h"

QString formatDuration(double seconds)
{
    return QString::fromStdString(pp::human::duration(seconds)); // the CLI's and the report's wording, to the digit
}
