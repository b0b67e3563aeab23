// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Negotiation cycles on small pools built here; the expected numbers follow docs/HTCONDOR.md §2–3.
#include "simtestutil.h"

#include "sim/accountant.h"
#include "sim/poolstate.h"
#include "sim/simulator.h"

#include <QtTest>

using namespace pp;
using namespace pptest;

class NegotiationTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void priorityDecaysWithHalflife_data()
    {
        QTest::addColumn<double>("halflives");
        QTest::addColumn<double>("expected");
        // RUP(t) = U + (RUP0 - U) x 0.5^(t/h), stepped every 60 s: U = 10, RUP0 = 0.5.
        QTest::addRow("one half-life") << 1.0 << 10.0 - 9.5 / 2;
        QTest::addRow("three half-lives") << 3.0 << 10.0 - 9.5 / 8;
        QTest::addRow("ten half-lives") << 10.0 << 10.0 - 9.5 / 1024;
    }
    void priorityDecaysWithHalflife()
    {
        QFETCH(double, halflives);
        QFETCH(double, expected);
        Accountant accountant(1, 86400, 0);
        accountant.changeUsage(0, 10, 0);
        const auto end = static_cast<std::int64_t>(halflives * 86400);
        for (std::int64_t t = 60; t <= end; t += 60)
            accountant.updatePriorities(t);
        QVERIFY2(qAbs(accountant.realPriority(0) - expected) < 1e-9,
            qPrintable(QString::number(accountant.realPriority(0), 'g', 12)));
        QCOMPARE(accountant.accumulatedUsage(0), 10.0 * static_cast<double>(end)); // never decays
    }

    void idlePriorityDecaysToTheFloor()
    {
        Accountant accountant(1, 86400, 0);
        accountant.changeUsage(0, 8, 0);
        accountant.updatePriorities(86400); // one step of a whole half-life: 8 + (0.5 - 8)/2 = 4.25
        QVERIFY(qAbs(accountant.realPriority(0) - 4.25) < 1e-12);
        accountant.changeUsage(0, -8, 86400);
        accountant.updatePriorities(2 * 86400); // no usage: halves to 2.125
        QVERIFY(qAbs(accountant.realPriority(0) - 2.125) < 1e-12);
        for (int day = 3; day < 12; ++day)
            accountant.updatePriorities(day * 86400);
        QCOMPARE(accountant.realPriority(0), Accountant::minimumPriority);
        QVERIFY(accountant.settled());
    }

    void pslotFitPrefersTheSmallestSlot()
    {
        // The default NEGOTIATOR_PRE_JOB_RANK ranks -100000*Cpus - Memory: the fewest free cores win.
        Pool pool;
        pool.machines = {{"m8", 8, 8192}, {"m4", 4, 4096}, {"m16", 16, 16384}};
        PoolState state(pool);
        QCOMPARE(state.bestFit(2, 0), 1); // m4
        state.carve(1, 0, 3, 0, 0); // m4 keeps 1 core
        QCOMPARE(state.bestFit(2, 0), 0); // m8 is now the smallest that fits
        QCOMPARE(state.bestFit(1, 0), 1); // but a 1-core job still packs onto m4
        QCOMPARE(state.bestFit(9, 0), 2);
        QCOMPARE(state.bestFit(17, 0), -1);
        QCOMPARE(state.bestFit(4, 9000), 2); // memory decides when cores do not
    }

    void machineSamplesAddUpToThePool()
    {
        // Three 4-core jobs and one 8-core job on an 8- and a 16-core machine, with CONSUMPTION_POLICY so that each
        // dynamic slot is the job's size: every machine sample must sum to the pool sample taken with it.
        const auto scenario = pptest::makeScenario("CONSUMPTION_POLICY = True\n", {8, 16},
            pptest::concat(pptest::jobs("alice", 3, 7200, 4), pptest::jobs("bob", 1, 7200, 8)), 4 * 3600.0);
        pp::Result result;
        pptest::coresAt(scenario, 4 * 3600, &result);
        QVERIFY(!result.machineSeries.empty());
        QCOMPARE(result.machineSampleStride, std::int64_t(1));
        QCOMPARE(result.machineSeries.size(), result.poolSeries.size());
        bool sawBoth = false;
        for (std::size_t k = 0; k < result.machineSeries.size(); ++k) {
            const auto& machines = result.machineSeries[k];
            QCOMPARE(machines.size(), std::size_t(2));
            const int claimed = machines[0].claimedCores + machines[1].claimedCores;
            QCOMPARE(static_cast<float>(claimed), result.poolSeries[k].claimedCores);
            const int dynamicSlots = machines[0].dynamicSlots + machines[1].dynamicSlots;
            if (claimed == 20) {
                QCOMPARE(dynamicSlots, 4); // one dynamic slot per job
                sawBoth = true;
            }
        }
        QVERIFY(sawBoth);
    }

    void equalSubmittersShareThePie()
    {
        // No groups: both submitters have EUP 0.5 x 1000, share 1/2 of 10 one-core slots each.
        const auto scenario = makeScenario("", std::vector<int>(10, 1), concat(jobs("u1", 10), jobs("u2", 10)));
        auto running = coresAt(scenario, 0);
        QCOMPARE(running["u1"], 5);
        QCOMPARE(running["u2"], 5);
    }

    void priorityFactorsSkewTheShares()
    {
        // A nice-user submitter has NICE_USER_PRIO_FACTOR 1e10: EUP 5e9 against alice's 500, a share of 1e-7.
        // alice's limit is 10 x (1 - 1e-7) = 9.999999, so her tenth slot (9 + 1 > limit) waits for the next spin,
        // and bob's positive sliver lets him round up to one whole slot first (§3.4): 9 and 1, not 10 and 0.
        const auto scenario
            = makeScenario("", std::vector<int>(10, 1), concat(jobs("alice", 10), jobs("nice-user.bob", 10)));
        auto running = coresAt(scenario, 0);
        QCOMPARE(running["alice"], 9);
        QCOMPARE(running["nice-user.bob"], 1);
    }

    void usageLowersTheNextShare()
    {
        // u1 runs alone for a day on 10 one-core slots (RUP -> 5.25 at one half-life), then u2 arrives;
        // u1's jobs end at t = 86400 too. Shares are 1/EUP: u2 (0.5) gets 10 x 5.25/5.75 = 9.13 -> 9 slots
        // plus its round-up: share limits are fractional, u1's limit 0.87 rounds up to one slot.
        std::vector<JobSpec> list = jobs("u1", 10, 86400);
        auto later = jobs("u1", 10, 3600, 1, 86400);
        list.insert(list.end(), later.begin(), later.end());
        auto u2 = jobs("u2", 10, 3600, 1, 86400);
        list.insert(list.end(), u2.begin(), u2.end());
        const auto scenario = makeScenario("", std::vector<int>(10, 1), list);
        Simulator simulator(scenario);
        simulator.runUntil(86401);
        const Result result = simulator.result();
        int u1 = 0;
        int u2Started = 0;
        for (std::size_t j = 0; j < scenario.workload.jobs.size(); ++j) {
            const auto& spec = scenario.workload.jobs[j];
            if (spec.submit != 86400 || result.jobs[j].firstStart != 86400)
                continue;
            (scenario.workload.submitters[spec.submitter] == "u1" ? u1 : u2Started) += 1;
        }
        QCOMPARE(u2Started, 9);
        QCOMPARE(u1, 1);
    }

    void autoregroupSoaksUpIdleSlots_data()
    {
        QTest::addColumn<QString>("autoregroup");
        QTest::addColumn<int>("running");
        QTest::addRow("GROUP_AUTOREGROUP = True: quota 1, then the rest through <none>") << QStringLiteral("True") << 4;
        QTest::addRow("GROUP_AUTOREGROUP = False: quota 1 only") << QStringLiteral("False") << 1;
    }
    void autoregroupSoaksUpIdleSlots()
    {
        QFETCH(QString, autoregroup);
        QFETCH(int, running);
        // The shared sample job_hgq_autoregroup: a and b static 1, no surplus, pool of 4 one-core slots.
        const std::string config = "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 1\nGROUP_QUOTA_b = 1\nGROUP_ACCEPT_SURPLUS = "
                                   "False\nGROUP_AUTOREGROUP = "
            + autoregroup.toStdString() + "\n";
        auto result = coresAt(makeScenario(config, {1, 1, 1, 1}, jobs("a.u", 10)), 0);
        QCOMPARE(result["a.u"], running);
    }

    void groupSortExprIsEvaluatedAsWritten()
    {
        // The GROUP_SORT_EXPR of HTCondor's own job_hgq_autoregroup test "sorts b before a": with one slot,
        // b gets it (under the default order a, alphabetically first among equals, would).
        const std::string config
            = "CONSUMPTION_POLICY = True\nGROUP_NAMES = a, b\nGROUP_QUOTA_a = 1\nGROUP_QUOTA_b = 1\n"
              "GROUP_SORT_EXPR = ifThenElse(AccountingGroup=?=\"a\", 2, ifThenElse(AccountingGroup=?=\"b\", 1, "
              "3.40282e+38))\n";
        auto cores = coresAt(makeScenario(config, {1}, concat(jobs("a.u", 2, 7200), jobs("b.u", 2, 7200))), 0);
        QCOMPARE(cores["b.u"], 1);
        QCOMPARE(cores["a.u"], 0);
        // An expression that does not give a number sorts the group last, as HTCondor's DBL_MAX fallback does.
        const std::string broken
            = "CONSUMPTION_POLICY = True\nGROUP_NAMES = a, b\nGROUP_QUOTA_a = 1\nGROUP_QUOTA_b = 1\n"
              "GROUP_SORT_EXPR = ifThenElse(AccountingGroup=?=\"a\", \"first\", 1)\n";
        auto second = coresAt(makeScenario(broken, {1}, concat(jobs("a.u", 2, 7200), jobs("b.u", 2, 7200))), 0);
        QCOMPARE(second["b.u"], 1);
    }

    void groupLimitsAreTruncated_data()
    {
        QTest::addColumn<bool>("truncate");
        QTest::addColumn<int>("started");
        // §10.5/10.6: d's quota is 0.1 x (16 - 13) = 0.3; floored to 0 it never starts a job.
        QTest::addRow("HTCondor: limit 0.3 becomes 0") << true << 0;
        QTest::addRow("switch off: 0.3 rounds up to one 1-core job") << false << 1;
    }
    void groupLimitsAreTruncated()
    {
        QFETCH(bool, truncate);
        QFETCH(int, started);
        auto scenario
            = makeScenario("CONSUMPTION_POLICY = True\nCLAIM_PARTITIONABLE_LEFTOVERS = False\nCLAIM_WORKLIFE = 0\n"
                           "GROUP_NAMES = a, b, d\nGROUP_QUOTA_a = 8\nGROUP_QUOTA_b = 5\nGROUP_QUOTA_DYNAMIC_d = 0.1\n",
                {16}, jobs("d.u", 4, 600), 3600);
        scenario.policy.truncateGroupLimits = truncate;
        const Result result = simulate(scenario);
        const int d = groupIndex(result, "d");
        QVERIFY(d >= 0);
        QCOMPARE(static_cast<int>(result.jobsStarted) > 0, started > 0);
        QCOMPARE(result.groups[static_cast<std::size_t>(d)].jobsNeverStarted, started > 0 ? 0L : 4L);
        if (started > 0) // one at a time: each cycle the limit 0.3 admits exactly one job (usage 0 < 0.3)
            QCOMPARE(result.jobs[1].firstStart, 600);
    }

    void conservationOfCoreHours()
    {
        // Everything submitted is delivered when the run goes to the end: core-hours in = core-hours out.
        std::vector<JobSpec> list;
        for (int i = 0; i < 200; ++i)
            list.push_back(
                {i % 3 == 0 ? "g1.alice" : (i % 3 == 1 ? "g2.bob" : "carol"), static_cast<std::uint32_t>(i * 37),
                    static_cast<std::uint32_t>(300 + (i * 7919) % 5000), static_cast<std::uint16_t>(1 + i % 4), 0});
        const auto scenario = makeScenario(
            "GROUP_NAMES = g1, g2\nGROUP_QUOTA_g1 = 6\nGROUP_QUOTA_DYNAMIC_g2 = 0.5\nGROUP_ACCEPT_SURPLUS = True\n",
            {8, 8, 4}, list);
        double demanded = 0;
        for (const auto& j : list)
            demanded += j.cores * static_cast<double>(j.runtime) / 3600.0;
        const Result result = simulate(scenario);
        QCOMPARE(result.jobsCompleted, 200L);
        QVERIFY(qAbs(result.coreHoursDelivered - demanded) < 1e-6);
        QVERIFY(qAbs(result.coreHoursDemanded - demanded) < 1e-6);
        double byGroup = 0;
        for (const auto& g : result.groups)
            byGroup += g.coreHours;
        QVERIFY(qAbs(byGroup - demanded) < 1e-6);
        QVERIFY(result.claimedCoreHours >= result.coreHoursDelivered - 1e-6);
        QVERIFY(result.utilization > 0 && result.utilization <= 1.0);
    }

    void sameSeedSameResult()
    {
        std::vector<JobSpec> list;
        for (int i = 0; i < 300; ++i)
            list.push_back({"u" + std::to_string(i % 7), static_cast<std::uint32_t>(i * 11),
                static_cast<std::uint32_t>(100 + (i * 131) % 2000), 1, 0});
        const auto scenario = makeScenario("", {4, 4}, list);
        const Result a = simulate(scenario);
        const Result b = simulate(scenario);
        QCOMPARE(a.jobs.size(), b.jobs.size());
        for (std::size_t j = 0; j < a.jobs.size(); ++j) {
            QCOMPARE(a.jobs[j].firstStart, b.jobs[j].firstStart);
            QCOMPARE(a.jobs[j].end, b.jobs[j].end);
        }
        QCOMPARE(a.matches, b.matches);
    }
};

QTEST_GUILESS_MAIN(NegotiationTest)
#include "tst_negotiation.moc"
