// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "formatduration.h"

QString formatDuration(double seconds)
{
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 0);
    if (seconds < 7200)
        return QStringLiteral("%1 min").arg(seconds / 60.0, 0, 'f', 1);
    return QStringLiteral("%1 h").arg(seconds / 3600.0, 0, 'f', 1);
}
