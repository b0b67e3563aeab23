// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// condor_defrag as docs/HTCONDOR.md §5 describes it, on small pools built here (workload epoch 0, so clock
// hours begin at simulated multiples of 3600 s).
#include "simtestutil.h"

#include "config/config.h"
#include "policy/policyfromconfig.h"
#include "sim/defragmenter.h"
#include "sim/simulator.h"

#include <QtTest>

#include <cmath>

using namespace pp;
using namespace pptest;

namespace {

const std::string consumption
    = "CONSUMPTION_POLICY = True\nCLAIM_PARTITIONABLE_LEFTOVERS = False\nCLAIM_WORKLIFE = 0\n";

Result runTo(const Scenario& scenario, std::int64_t seconds)
{
    Simulator simulator(scenario);
    simulator.runUntil(seconds);
    return simulator.result();
}

// n machines of `cores`, each packed with 1-core jobs that run for `runtime`.
Scenario packed(
    const std::string& config, int machines, int cores, std::uint32_t runtime, std::vector<JobSpec> extra = {})
{
    return makeScenario(config, std::vector<int>(static_cast<std::size_t>(machines), cores),
        concat(jobs("small", machines * cores, runtime), extra));
}

} // namespace

class DefragTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rateIsSplitIntoPollHourAndDay_data()
    {
        QTest::addColumn<double>("perHour");
        QTest::addColumn<double>("interval");
        QTest::addColumn<int>("perPoll");
        QTest::addColumn<int>("hourly");
        QTest::addColumn<int>("daily");
        QTest::addRow("60 per hour every 30 s: 0.5 per poll floors to 0") << 60.0 << 30.0 << 0 << 60 << 0;
        QTest::addRow("2 per hour every 600 s") << 2.0 << 600.0 << 0 << 2 << 0;
        QTest::addRow("12 per hour every 600 s: 2 per poll") << 12.0 << 600.0 << 2 << 0 << 0;
        QTest::addRow("0.5 per hour: 12 a day") << 0.5 << 600.0 << 0 << 0 << 12;
        QTest::addRow("an interval over an hour zeroes the hourly rate") << 1.0 << 7200.0 << 2 << 0 << 0;
    }
    void rateIsSplitIntoPollHourAndDay()
    {
        QFETCH(double, perHour);
        QFETCH(double, interval);
        QFETCH(int, perPoll);
        QFETCH(int, hourly);
        QFETCH(int, daily);
        Policy policy;
        policy.defragDrainingMachinesPerHour = perHour;
        policy.defragInterval = interval;
        const Defragmenter defrag(policy, 1, 0);
        QCOMPARE(defrag.perPoll(), perPoll);
        QCOMPARE(defrag.perHour(), hourly);
        QCOMPARE(defrag.perDay(), daily);
    }

    void halfAMachinePerPollDrainsNothingWithinTheHour()
    {
        // §10.11: 60 per hour polled every 30 s is 0.5 per poll, floored to 0; the remainder arrives only when
        // the clock hour turns. Until then the 8-core job cannot start on the fragmented machines.
        const auto scenario = packed(consumption + "DEFRAG_INTERVAL = 30\nDEFRAG_DRAINING_MACHINES_PER_HOUR = 60\n", 2,
            8, 20000, jobs("big", 1, 3600, 8, 30));
        const Result before = runTo(scenario, 3599);
        QCOMPARE(before.drainsStarted, 0L);
        QCOMPARE(before.jobs.at(16).firstStart, -1);
        const Result after = runTo(scenario, 3600);
        QCOMPARE(after.drainsStarted, 2L); // both machines: the hourly allowance is 60
        QCOMPARE(after.jobs.at(16).firstStart, 3600); // whole again at once (retirement 0), matched in that cycle
    }

    void twoPerHourDrainsTwentyInTenHours()
    {
        // A long retirement keeps each drain going, so nothing else stops the rate: 2 per hour, 20 in 10 hours.
        const std::string config = "DEFRAG_DRAINING_MACHINES_PER_HOUR = 2\nMAXJOBRETIREMENTTIME = 1000000\n";
        QCOMPARE(runTo(packed(consumption + config, 30, 4, 2000000), 36000).drainsStarted, 20L);
        QCOMPARE(runTo(packed(consumption + config, 30, 4, 2000000), 35999).drainsStarted, 18L);
        // ... and DEFRAG_MAX_CONCURRENT_DRAINING stops it at 5.
        QCOMPARE(runTo(packed(consumption + config + "DEFRAG_MAX_CONCURRENT_DRAINING = 5\n", 30, 4, 2000000), 36000)
                     .drainsStarted,
            5L);
    }

    void enoughWholeMachinesStopDraining()
    {
        // Three machines stay empty (whole): with DEFRAG_MAX_WHOLE_MACHINES = 3 nothing is drained, with 4 it is.
        const std::string config = "DEFRAG_DRAINING_MACHINES_PER_HOUR = 2\nMAXJOBRETIREMENTTIME = 1000000\n";
        auto scenario = [&](int maxWhole) {
            Scenario s = packed(consumption + config + "DEFRAG_MAX_WHOLE_MACHINES = " + std::to_string(maxWhole) + "\n",
                10, 4, 2000000);
            for (int i = 0; i < 3; ++i)
                s.pool.machines.push_back({"empty" + std::to_string(i), 64, 64 * 2048L});
            return s;
        };
        QCOMPARE(runTo(scenario(3), 36000).drainsStarted, 0L);
        QCOMPARE(runTo(scenario(4), 36000).drainsStarted, 10L);
    }

    void drainingEvictsAndCountsBadput()
    {
        // Graceful draining with MAXJOBRETIREMENTTIME = 300 evicts whatever runs longer (§10.13): the jobs here need
        // 20000 s, so every drain kills every job after its 300 s of retirement, and their run so far is badput.
        const auto scenario
            = packed(consumption + "DEFRAG_DRAINING_MACHINES_PER_HOUR = 2\nMAXJOBRETIREMENTTIME = 300\n", 2, 4, 20000);
        const Result result = runTo(scenario, 3600 + 300);
        QCOMPARE(result.drainsStarted, 2L);
        Simulator simulator(scenario);
        simulator.runUntil(3600 + 299);
        QCOMPARE(simulator.runningJobs().size(), std::size_t(8)); // still retiring
        // Drained every hour, jobs of 20000 s never finish: a day later nothing has completed, all was badput.
        Scenario day = scenario;
        day.horizonSeconds = 86400;
        const Result full = simulate(day);
        const auto& root = full.groups.at(0);
        QCOMPARE(full.jobsCompleted, 0L);
        QVERIFY(root.drainEvictions >= 8 * 23);
        // The first drains evict 8 jobs that ran 3900 s each.
        QVERIFY(root.badputCoreHours >= 8 * 3900 / 3600.0 - 1e-9);
        // Without a horizon this would never end; the run stops and says why.
        const Result endless = simulate(scenario);
        QCOMPARE(endless.jobsCompleted, 0L);
        QVERIFY(!endless.notes.empty());
        QVERIFY(QString::fromStdString(endless.notes.back()).contains(QStringLiteral("no job completed")));
    }

    void quickScheduleEvictsAtOnce()
    {
        const auto scenario = packed(consumption
                + "DEFRAG_DRAINING_MACHINES_PER_HOUR = 1\nDEFRAG_DRAINING_SCHEDULE = quick\nMAXJOBRETIREMENTTIME = "
                  "100000\n",
            2, 4, 20000);
        Simulator simulator(scenario);
        simulator.runUntil(3600);
        const Result result = simulator.result();
        QCOMPARE(result.drainsStarted, 1L);
        QVERIFY(simulator.runningJobs().size() <= 4u + 4u);
        Scenario day = scenario;
        day.horizonSeconds = 86400;
        QVERIFY(simulate(day).groups.at(0).drainEvictions >= 4);
    }

    void customExpressionsAreEvaluatedAsWritten()
    {
        // With DEFRAG_WHOLE_MACHINE_EXPR = TotalSlotCpus >= 4 every machine counts as whole: none is a candidate.
        const std::string rate = "DEFRAG_DRAINING_MACHINES_PER_HOUR = 2\nMAXJOBRETIREMENTTIME = 1000000\n";
        QCOMPARE(
            runTo(packed(consumption + rate + "DEFRAG_WHOLE_MACHINE_EXPR = TotalSlotCpus >= 4\n", 4, 4, 2000000), 7200)
                .drainsStarted,
            0L);
        // DEFRAG_REQUIREMENTS restricts the candidates; DEFRAG_RANK orders them (here: any order, all qualify).
        QCOMPARE(runTo(packed(consumption + rate + "DEFRAG_REQUIREMENTS = TotalSlotCpus > 4\n", 4, 4, 2000000), 7200)
                     .drainsStarted,
            0L);
        QCOMPARE(
            runTo(packed(consumption + rate + "DEFRAG_RANK = TotalSlotCpus\n", 4, 4, 2000000), 7200).drainsStarted, 4L);
    }

    void badKnobsAreErrors_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("message");
        QTest::addRow("schedule")
            << QStringLiteral("DEFRAG_SCHEDULE = slow\n")
            << QStringLiteral("d.cfg:1: DEFRAG_SCHEDULE: 'slow' is not a draining schedule (graceful, quick or fast)");
        QTest::addRow("rank") << QStringLiteral("DEFRAG_RANK = -(\n")
                              << QStringLiteral(
                                     "d.cfg:1: DEFRAG_RANK: position 3: expression ends where a value was expected");
        QTest::addRow("negative rate")
            << QStringLiteral("DEFRAG_DRAINING_MACHINES_PER_HOUR = -1\n")
            << QStringLiteral("d.cfg:1: DEFRAG_DRAINING_MACHINES_PER_HOUR: -1.000000 is out of range [0, 1000000000]");
    }
    void badKnobsAreErrors()
    {
        QFETCH(QString, config);
        QFETCH(QString, message);
        const auto parsed = Config::fromText(config.toStdString(), "d.cfg");
        const auto policy = policyFromConfig(*parsed);
        QVERIFY(!policy.ok());
        QCOMPARE(QString::fromStdString(policy.error().message()), message);
    }

    // Graceful drains as the startd runs them (HTCONDOR.md §10.13): each job is soft-killed at
    // max(drain start, job start + MAXJOBRETIREMENTTIME - MachineMaxVacateTime) and exits on it, unless it finishes
    // first. One 4-core machine of four 1-core jobs that start at 0 (the first cycle);
    // DEFRAG_DRAINING_MACHINES_PER_HOUR = 1 drains it at the poll at 3600. Rows: retirement, vacate knob, runtime,
    // horizon; then what the horizon sees.
    void gracefulDrainsSoftKillBeforeTheRetirementEnds_data()
    {
        QTest::addColumn<QString>("knobs");
        QTest::addColumn<int>("runtime");
        QTest::addColumn<int>("horizon");
        QTest::addColumn<long>("evictions");
        QTest::addColumn<long>("completed");
        QTest::addColumn<double>("badputCoreHours");
        QTest::addColumn<double>("claimedCoreHours");
        // Vacate 600 s (the default) is longer than the 300 s retirement: soft kill at max(3600, 300 - 600) = 3600,
        // every job evicted at once after 3600 s of work (4 x 3600 core-s = 4 core-hours of badput); the machine is
        // whole, the drain ends, and the cycle of that same second (the poll runs first) starts the jobs again:
        // 59 s more on 4 cores by the horizon.
        QTest::addRow("vacate longer than the retirement: evicted at once")
            << QStringLiteral("MAXJOBRETIREMENTTIME = 300\n") << 20000 << 3659 << 4L << 0L << 4.0
            << (4 * 3600 + 4 * 59) / 3600.0;
        // The knob is spelled like the startd attribute; MACHINE_MAX_VACATE_TIME is read by nobody: same as above.
        QTest::addRow("MACHINE_MAX_VACATE_TIME is not a knob")
            << QStringLiteral("MAXJOBRETIREMENTTIME = 300\nMACHINE_MAX_VACATE_TIME = 10\n") << 20000 << 3659 << 4L << 0L
            << 4.0 << (4 * 3600 + 4 * 59) / 3600.0;
        // Retirement 5000 s, vacate 600 s, jobs of 20000 s: soft kill at 0 + 5000 - 600 = 4400, not before.
        QTest::addRow("a job longer than its retirement: soft kill at start + retirement - vacate (not yet)")
            << QStringLiteral("MAXJOBRETIREMENTTIME = 5000\n") << 20000 << 4399 << 0L << 0L << 0.0 << 4 * 4399 / 3600.0;
        QTest::addRow("a job longer than its retirement: soft kill at start + retirement - vacate") << QStringLiteral(
            "MAXJOBRETIREMENTTIME = 5000\n") << 20000 << 4400 << 4L << 0L << 4 * 4400 / 3600.0 << 4 * 4400 / 3600.0;
        // MachineMaxVacateTime = 10 and 7200 s of retirement: soft kill at 7190, after the jobs' 5000 s: they finish
        // by themselves, nothing is evicted, and 4 x 5000 core-s were claimed.
        QTest::addRow("vacate shorter: the jobs finish by themselves")
            << QStringLiteral("MAXJOBRETIREMENTTIME = 7200\nMachineMaxVacateTime = 10\n") << 5000 << 7000 << 0L << 4L
            << 0.0 << 4 * 5000 / 3600.0;
        // MaxVacateTime is MachineMaxVacateTime's default, as in HTCondor's own configuration.
        QTest::addRow("MaxVacateTime is the default vacate time")
            << QStringLiteral("MAXJOBRETIREMENTTIME = 7200\nMaxVacateTime = 10\n") << 5000 << 7000 << 0L << 4L << 0.0
            << 4 * 5000 / 3600.0;
    }
    void gracefulDrainsSoftKillBeforeTheRetirementEnds()
    {
        QFETCH(QString, knobs);
        QFETCH(int, runtime);
        QFETCH(int, horizon);
        QFETCH(long, evictions);
        QFETCH(long, completed);
        QFETCH(double, badputCoreHours);
        QFETCH(double, claimedCoreHours);
        Scenario scenario = packed(consumption + "DEFRAG_DRAINING_MACHINES_PER_HOUR = 1\n" + knobs.toStdString(), 1, 4,
            static_cast<std::uint32_t>(runtime));
        scenario.horizonSeconds = horizon;
        const Result result = simulate(scenario);
        QCOMPARE(result.drainsStarted, 1L);
        const auto& root = result.groups.at(0);
        QCOMPARE(root.drainEvictions, evictions);
        QCOMPARE(result.jobsCompleted, completed);
        QVERIFY2(std::abs(root.drainBadputCoreHours - badputCoreHours) < 1e-6,
            qPrintable(QString::number(root.drainBadputCoreHours)));
        QVERIFY2(std::abs(root.claimedCoreHours - claimedCoreHours) < 1e-6,
            qPrintable(QString::number(root.claimedCoreHours)));
        QVERIFY2(std::abs(result.claimedCoreHours - claimedCoreHours) < 1e-6, // one group: the pool's figure too
            qPrintable(QString::number(result.claimedCoreHours)));
    }

    // Two jobs end at 4000 s, two at 5000 s; with DEFRAG_WHOLE_MACHINE_EXPR = Cpus >= 2 the machine is whole
    // enough once two cores are free: the poll at 4200 cancels the drain (retirement 7200, vacate 10: nothing is
    // evicted), and two waiting jobs start on the freed cores at the next cycle, 4200.
    void aDrainIsCancelledOnceTheMachineIsWholeEnough()
    {
        Scenario scenario = makeScenario(consumption
                + "DEFRAG_DRAINING_MACHINES_PER_HOUR = 1\nDEFRAG_WHOLE_MACHINE_EXPR = Cpus >= 2\n"
                  "MAXJOBRETIREMENTTIME = 7200\nMachineMaxVacateTime = 10\n",
            {4}, concat(concat(jobs("a", 2, 4000), jobs("a", 2, 5000)), jobs("b", 2, 10000, 1, 100)));
        scenario.horizonSeconds = 4300;
        Simulator simulator(scenario);
        simulator.runUntil(4199);
        QCOMPARE(simulator.runningJobCount(), 2L); // b's jobs wait while the machine drains
        simulator.runUntil(4300);
        QCOMPARE(simulator.runningJobCount(), 4L); // cancelled at 4200: b's two jobs run
        const Result result = simulator.result();
        QCOMPARE(result.drainsStarted, 1L);
    }
};

QTEST_GUILESS_MAIN(DefragTest)
#include "tst_defrag.moc"
