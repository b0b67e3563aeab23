// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QString>

/// Copies what can still be read of a damaged workspace into a new one at `target` (never over an existing
/// file): every row of every table that reads back whole, with its id, so that scenarios keep their results. The
/// damaged file is only read. `summary` says per table how many rows were saved and how many were lost. False,
/// with `error` naming the file, when nothing could be read or the new file could not be written.
bool recoverWorkspace(const QString& damaged, const QString& target, QString* summary, QString* error);
