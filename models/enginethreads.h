// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

class QThreadPool;

/// The threads the window's background engine work runs on: simulations, ensembles, file reads, validation.
/// Not QThreadPool::globalInstance(): Qt 6.4's raster painting hands parts of large fills and line drawing to the
/// global pool and waits for them, so engine work filling that pool froze the window until it was done (seen
/// as a 2 s stall opening a 51,200-core pool while the spread of the previous one was being run).
QThreadPool* engineThreadPool();
