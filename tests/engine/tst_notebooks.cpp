// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Jupyter notebooks started through BatchSpawner (docs/HTCONDOR.md §8): time-to-notebook and spawn failures.
#include "simtestutil.h"

#include "scenario/demo.h"
#include "sim/simulator.h"

#include <QtTest>

using namespace pp;
using namespace pptest;

namespace {

// One core, busy with a batch job until t = 1000; a notebook asks for it at t = 10.
Scenario busyPool(const std::string& config)
{
    auto scenario = makeScenario(config, {1}, concat(jobs("batch", 1, 1000), jobs("nb.alice", 1, 3600, 1, 10)));
    scenario.workload.jobs[1].kind = Notebook;
    return scenario;
}

} // namespace

class NotebooksTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aNotebookOnAnIdlePoolStartsAtTheNextCycle()
    {
        // The negotiator's cycles run at 0, 60, ... (a short batch job at 0 starts the clock).
        auto scenario = makeScenario("", {4}, concat(jobs("batch", 1, 5), jobs("nb.alice", 1, 3600, 1, 10)));
        scenario.workload.jobs[1].kind = Notebook;
        const Result result = simulate(scenario);
        const auto& root = result.groups.at(0);
        QCOMPARE(root.notebookSessions, 1L);
        QCOMPARE(root.notebookFailures, 0L);
        // Submitted at 10, matched by the cycle at 60, usable 10 s later (NOTEBOOK_STARTUP_TIME): 60 s.
        QCOMPARE(root.notebookStartP50, 60.0);
        QCOMPARE(result.jobsCompleted, 2L);
    }

    void aNotebookThatCannotStartInTimeIsASpawnFailure()
    {
        // start_timeout is 300 s: the core frees only at 1000, so JupyterHub removes the job at 300 (§8).
        const Result result = simulate(busyPool(""));
        const auto& root = result.groups.at(0);
        QCOMPARE(root.notebookSessions, 1L);
        QCOMPARE(root.notebookFailures, 1L);
        QCOMPARE(result.jobs.at(1).firstStart, -1);
        QCOMPARE(result.jobs.at(1).fate, static_cast<std::uint8_t>(SpawnFailed));
        QCOMPARE(root.jobsNeverStarted, 0L); // a failure is not left waiting in the queue
        QCOMPARE(result.jobsCompleted, 1L); // only the batch job
    }

    void aLongerStartTimeoutWaitsForTheCore()
    {
        // NOTEBOOK_START_TIMEOUT = 3600: the notebook starts at the cycle after the core frees (1020).
        const Result result = simulate(busyPool("NOTEBOOK_START_TIMEOUT = 3600\n"));
        const auto& root = result.groups.at(0);
        QCOMPARE(root.notebookFailures, 0L);
        QCOMPARE(result.jobs.at(1).firstStart, 1020);
        QCOMPARE(root.notebookStartP50, 1020.0 - 10 + 10);
    }

    void waitsAreSplitByJobSize()
    {
        auto scenario = makeScenario("", {8}, concat(jobs("u", 1, 600, 1, 10), jobs("v", 1, 600, 8, 10)));
        const Result result = simulate(scenario);
        QCOMPARE(result.waitsBySize.size(), std::size_t(4));
        QCOMPARE(result.waitsBySize[0].label, std::string("1 core"));
        QCOMPARE(result.waitsBySize[0].jobs, 1L);
        QCOMPARE(result.waitsBySize[2].jobs, 1L); // 5-8 cores
        QCOMPARE(result.waitsBySize[3].jobs, 0L);
    }

    void theDemoHasNotebookUsers()
    {
        const Result result = simulate(demoScenario(1, 0.05));
        const auto& notebooks = result.groups.at(static_cast<std::size_t>(groupIndex(result, "notebooks")));
        QVERIFY(notebooks.notebookSessions > 50);
        QVERIFY(notebooks.notebookStartP50 >= 10); // at least the start-up time
        QVERIFY(notebooks.notebookStartP95 >= notebooks.notebookStartP50);
    }
};

QTEST_GUILESS_MAIN(NotebooksTest)
#include "tst_notebooks.moc"
