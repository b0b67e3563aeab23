// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Runtime limits as sites write them (docs/HTCONDOR.md §4.6): startd POLICY metaknobs and the schedd's
// SYSTEM_PERIODIC_REMOVE/HOLD, with evict-and-requeue, hold and remove, and badput as §4.7 counts it.
#include "simtestutil.h"

#include "config/config.h"
#include "policy/policyfromconfig.h"
#include "sim/simulator.h"

#include <QtTest>

using namespace pp;
using namespace pptest;

class RuntimeLimitsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void limitJobRuntimesEvictsAndRequeues()
    {
        // A 2-hour job under LIMIT_JOB_RUNTIMES(3600) is evicted every hour and never completes; a 30-minute job
        // completes. The evicted hours are badput.
        auto scenario = makeScenario("use POLICY : LIMIT_JOB_RUNTIMES(3600)\n", {1, 1},
            concat(jobs("long", 1, 7200), jobs("short", 1, 1800)), 4 * 3600);
        const Result result = simulate(scenario);
        QCOMPARE(result.jobs.at(0).end, -1);
        QCOMPARE(result.jobs.at(1).end, 1800);
        const auto& root = result.groups.at(0);
        QVERIFY(root.limitEvictions >= 3);
        QVERIFY(root.limitBadputCoreHours >= 3.0 - 1e-9);
        QCOMPARE(result.jobs.at(0).fate, static_cast<std::uint8_t>(Queued)); // requeued, not held
    }

    // HTCondor's templates (param_info.in): LIMIT_JOB_RUNTIMES(L) sets MaxJobRetirementTime = L + 120 and PREEMPTs
    // at L, so the job retires and is soft-killed MachineMaxVacateTime before its retirement ends, at L at the
    // earliest; PREEMPT_IF_RUNTIME_EXCEEDS(L) sets the retirement to -1 when it fires: gone at L.
    void limitJobRuntimesRetiresTheJob_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<double>("retirement");
        QTest::addColumn<int>("runEnds"); // when the first run of a 2-hour job ends
        QTest::addRow("LIMIT_JOB_RUNTIMES, vacate 600 > 120: soft kill at the limit")
            << QStringLiteral("use POLICY : LIMIT_JOB_RUNTIMES(3600)\n") << 3720.0 << 3600;
        QTest::addRow("LIMIT_JOB_RUNTIMES, vacate 10: 3600 + 120 - 10")
            << QStringLiteral("use POLICY : LIMIT_JOB_RUNTIMES(3600)\nMachineMaxVacateTime = 10\n") << 3720.0 << 3710;
        QTest::addRow("LIMIT_JOB_RUNTIMES, then an explicit retirement of 5000 s: 5000 - 10") << QStringLiteral(
            "use POLICY : LIMIT_JOB_RUNTIMES(3600)\nMAXJOBRETIREMENTTIME = 5000\n"
            "MachineMaxVacateTime = 10\n") << 5000.0 << 4990;
        QTest::addRow("an explicit retirement before the template: the template's") << QStringLiteral(
            "MAXJOBRETIREMENTTIME = 5000\nuse POLICY : LIMIT_JOB_RUNTIMES(3600)\n"
            "MachineMaxVacateTime = 10\n") << 3720.0 << 3710;
        QTest::addRow("PREEMPT_IF_RUNTIME_EXCEEDS, vacate 10: at the limit")
            << QStringLiteral("use POLICY : PREEMPT_IF_RUNTIME_EXCEEDS(3600)\nMachineMaxVacateTime = 10\n") << 0.0
            << 3600;
    }

    void limitJobRuntimesRetiresTheJob()
    {
        QFETCH(QString, config);
        QFETCH(double, retirement);
        QFETCH(int, runEnds);
        // Long enough for two cut runs (the second starts at the next cycle, within a minute), not for a third.
        auto scenario = makeScenario(config.toStdString(), {1}, jobs("long", 1, 7200), 2.0 * runEnds + 300);
        QCOMPARE(scenario.policy.maxJobRetirementTime, retirement);
        const Result result = simulate(scenario);
        const auto& root = result.groups.at(0);
        QCOMPARE(result.jobs.at(0).end, -1); // never completes: every run is cut
        // Two runs cut, each after exactly `runEnds` seconds: that is the badput, whatever the cycle's phase.
        QCOMPARE(root.limitEvictions, 2L);
        QVERIFY2(qAbs(root.limitBadputCoreHours * 3600 - 2.0 * runEnds) < 1e-6,
            qPrintable(QString::number(root.limitBadputCoreHours * 3600)));
    }

    void holdIfRuntimeExceedsHolds()
    {
        auto scenario = makeScenario("use POLICY : HOLD_IF_RUNTIME_EXCEEDS(3600)\n", {1}, jobs("long", 1, 7200));
        const Result result = simulate(scenario);
        QCOMPARE(result.jobs.at(0).fate, static_cast<std::uint8_t>(Held));
        QCOMPARE(result.groups.at(0).jobsHeld, 1L);
        QCOMPARE(result.groups.at(0).limitEvictions, 1L);
        QVERIFY(qAbs(result.groups.at(0).limitBadputCoreHours - 1.0) < 1e-9);
        QCOMPARE(result.simulatedSeconds, 3600); // nothing left to do once it is held
    }

    void periodicRemoveAppliesPerGroup()
    {
        // Analysis jobs may run 30 minutes; the schedd checks every 60 s, so the first check that sees more than
        // 1800 s of running is at 1860. Production jobs are not touched.
        const std::string config = "GROUP_NAMES = analysis, prod\nGROUP_QUOTA_analysis = 1\nGROUP_QUOTA_prod = 1\n"
                                   "SYSTEM_PERIODIC_REMOVE = JobStatus == 2 && time() - JobCurrentStartDate > 1800 && "
                                   "AcctGroup =?= \"analysis\"\n";
        auto scenario = makeScenario(config, {1, 1}, concat(jobs("analysis.ann", 1, 7200), jobs("prod.pat", 1, 7200)));
        const Result result = simulate(scenario);
        QCOMPARE(result.jobs.at(0).fate, static_cast<std::uint8_t>(Removed));
        QCOMPARE(result.jobs.at(1).end, 7200);
        const auto& analysis = result.groups.at(static_cast<std::size_t>(groupIndex(result, "analysis")));
        QCOMPARE(analysis.jobsRemoved, 1L);
        QVERIFY(qAbs(analysis.limitBadputCoreHours - 1860 / 3600.0) < 1e-9);
    }

    void periodicHoldOnRequestedResources()
    {
        // An expression that is true from the start fires at the first check.
        auto scenario = makeScenario("SYSTEM_PERIODIC_HOLD = RequestCpus > 4\n", {8},
            concat(jobs("wide", 1, 7200, 8), jobs("narrow", 1, 600, 1, 10)));
        const Result result = simulate(scenario);
        QCOMPARE(result.jobs.at(0).fate, static_cast<std::uint8_t>(Held));
        QCOMPARE(result.jobs.at(1).end - result.jobs.at(1).firstStart, 600);
    }

    void badLimitsAreErrors_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("message");
        QTest::addRow("metaknob argument")
            << QStringLiteral("use POLICY : LIMIT_JOB_RUNTIMES(soon)\n")
            << QStringLiteral(
                   "r.cfg:1: use POLICY : LIMIT_JOB_RUNTIMES(soon): the argument must be a positive number of seconds");
        QTest::addRow("expression")
            << QStringLiteral("\n\nSYSTEM_PERIODIC_REMOVE = JobStatus == \n")
            << QStringLiteral(
                   "r.cfg:3: SYSTEM_PERIODIC_REMOVE: position 13: expression ends where a value was expected");
    }
    void badLimitsAreErrors()
    {
        QFETCH(QString, config);
        QFETCH(QString, message);
        const auto parsed = Config::fromText(config.toStdString(), "r.cfg");
        QVERIFY(parsed.ok());
        const auto policy = policyFromConfig(*parsed);
        QVERIFY(!policy.ok());
        QCOMPARE(QString::fromStdString(policy.error().message()), message);
    }

    void metaknobDefaultsToADay()
    {
        const auto parsed = Config::fromText("use POLICY : HOLD_IF_RUNTIME_EXCEEDS\n", "r.cfg");
        const auto policy = policyFromConfig(*parsed);
        QCOMPARE(policy->runtimeLimitSeconds, 86400.0);
        QVERIFY(policy->runtimeLimitAction == Policy::RuntimeLimitAction::Hold);
    }
};

QTEST_GUILESS_MAIN(RuntimeLimitsTest)
#include "tst_runtimelimits.moc"
