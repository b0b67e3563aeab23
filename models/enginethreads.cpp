// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "enginethreads.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace {

class EnginePool : public QThreadPool
{
public:
    EnginePool() { setMaxThreadCount(std::max(1, QThread::idealThreadCount())); }
};

// As Qt keeps its global pool: made on first use, and at exit waits for whatever still runs on it.
Q_GLOBAL_STATIC(EnginePool, enginePool)

} // namespace

QThreadPool* engineThreadPool()
{
    return enginePool();
}
