// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Priority preemption as docs/HTCONDOR.md §4 describes it, on small pools built here.
#include "simtestutil.h"

#include "config/config.h"
#include "policy/policyfromconfig.h"
#include "sim/simulator.h"

#include <QtTest>

#include <algorithm>

using namespace pp;
using namespace pptest;

namespace {

const std::string twoGroups = "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 5\nGROUP_QUOTA_b = 5\nGROUP_ACCEPT_SURPLUS = True\n";
const std::string downToQuota = "PREEMPTION_REQUIREMENTS = (SubmitterGroupResourcesInUse < SubmitterGroupQuota) && "
                                "(RemoteGroupResourcesInUse > RemoteGroupQuota)\n";

// a fills ten 1-core slots through surplus at t = 0; b, with the same quota, arrives at t = 30.
Scenario aThenB(const std::string& extraConfig)
{
    return makeScenario(twoGroups + extraConfig, std::vector<int>(10, 1),
        concat(jobs("a.u", 10, 20000), jobs("b.u", 10, 20000, 1, 30)));
}

} // namespace

class PreemptionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nothingIsPreemptedByDefault()
    {
        // PREEMPTION_REQUIREMENTS defaults to False: b waits for a's jobs to end, whatever its quota.
        Result result;
        auto cores = coresAt(aThenB(""), 3600, &result);
        QCOMPARE(cores["a.u"], 10);
        QCOMPARE(cores["b.u"], 0);
        const Result full = simulate(aThenB(""));
        QCOMPARE(full.groups.at(static_cast<std::size_t>(groupIndex(full, "a"))).preemptions, 0L);
        // a's claims are older than CLAIM_WORKLIFE when its jobs end at 20000, so they are released, and b's
        // first job starts at the next negotiation cycle.
        QCOMPARE(full.jobs.at(10).firstStart, 20040);
    }

    void downToQuotaStopsAtTheQuota()
    {
        // §4.5: b (below quota) preempts a (above quota) until a is back at 5, not one slot further:
        // the requirement is evaluated before each match with the usage of that moment.
        Result result;
        auto cores = coresAt(aThenB(downToQuota), 60, &result, true);
        QCOMPARE(cores["a.u"], 5);
        QCOMPARE(cores["b.u"], 5);
        const Result full = simulate(aThenB(downToQuota));
        const auto& a = full.groups.at(static_cast<std::size_t>(groupIndex(full, "a")));
        QCOMPARE(a.preemptions, 5L);
        // Badput: five 1-core runs of 60 s each (preempted by the cycle at t = 60).
        QVERIFY(qAbs(a.badputCoreHours - 5 * 60 / 3600.0) < 1e-9);
        // Preempted jobs run again later: every core-hour submitted is still delivered.
        QVERIFY(qAbs(full.coreHoursDelivered - full.coreHoursDemanded) < 1e-6);
        QCOMPARE(full.jobsCompleted, 20L);
    }

    void retirementShieldsRunningJobs()
    {
        // MAXJOBRETIREMENTTIME = 3600: a's jobs cannot be victims before they have run an hour (§4.2–4.3).
        Result result;
        auto early = coresAt(aThenB(downToQuota + "MAXJOBRETIREMENTTIME = 3600\n"), 3540, &result);
        QCOMPARE(early["b.u"], 0);
        auto later = coresAt(aThenB(downToQuota + "MAXJOBRETIREMENTTIME = 3600\n"), 3600, &result);
        QCOMPARE(later["b.u"], 5);
        QCOMPARE(result.jobs.at(10).firstStart, 3600);
    }

    void earlyPreemptionLetsTheVictimRetire()
    {
        // §4.3: early preemption matches b to a's slots inside their retirement, but the slots go Claimed/Retiring:
        // a's jobs run on until the startd soft-kills them at start + 3600 - MachineMaxVacateTime (600) = 3000
        // (§10.13), and only then do b's jobs start.
        const std::string eager
            = downToQuota + "MAXJOBRETIREMENTTIME = 3600\nNEGOTIATOR_CONSIDER_EARLY_PREEMPTION = True\n";
        Result result;
        auto retiring = coresAt(aThenB(eager), 2999, &result);
        QCOMPARE(retiring["a.u"], 10);
        QCOMPARE(retiring["b.u"], 0);
        // The accountant charges a slot to the user whose job runs on it (RemoteUser), not to the one waiting for
        // it (Accountant::CheckMatches): at the cycle after the first, b again looks idle below its quota and a
        // above it, so b preempts a's other five slots too. Each of b's ten jobs waits for one slot of a's.
        auto handedOver = coresAt(aThenB(eager), 3000, &result);
        QCOMPARE(handedOver["a.u"], 0);
        QCOMPARE(handedOver["b.u"], 10);
        QCOMPARE(result.jobs.at(10).firstStart, 3000);
        Scenario untilTheHandOver = aThenB(eager);
        untilTheHandOver.horizonSeconds = 3001;
        result = simulate(untilTheHandOver);
        const auto& a = result.groups.at(static_cast<std::size_t>(groupIndex(result, "a")));
        QCOMPARE(a.preemptions, 10L);
        // Badput: ten 1-core runs of 3000 s.
        QVERIFY(qAbs(a.badputCoreHours - 10 * 3000 / 3600.0) < 1e-9);
        // From the hand-over on, the negotiator counts b's ten running jobs as b's usage, though in the cycles
        // before b had nothing idle and nothing running (its jobs were waiting for the slots).
        SimulationOptions recording;
        recording.recordCycles = true;
        Scenario pastTheHandOver = aThenB(eager);
        pastTheHandOver.horizonSeconds = 3100;
        const Result cycles = simulate(pastTheHandOver, recording);
        const auto b = static_cast<std::size_t>(groupIndex(cycles, "b"));
        const auto after = std::find_if(
            cycles.cycles.begin(), cycles.cycles.end(), [](const CycleRecord& c) { return c.time >= 3000; });
        QVERIFY(after != cycles.cycles.end());
        QCOMPARE(after->groups.at(b).usageBefore, 10.0F);
    }

    void aVacateLongerThanTheRetirementEvictsAtOnce()
    {
        // MachineMaxVacateTime 3600 >= the retirement: the soft kill is due at once, as without early preemption
        // once the shield is over; b takes a's slots at the cycle at t = 60, down to the quota.
        Result result;
        auto cores = coresAt(aThenB(downToQuota
                                 + "MAXJOBRETIREMENTTIME = 3600\nMachineMaxVacateTime = 3600\n"
                                   "NEGOTIATOR_CONSIDER_EARLY_PREEMPTION = True\n"),
            60, &result);
        QCOMPARE(cores["a.u"], 5);
        QCOMPARE(cores["b.u"], 5);
    }

    void aRetiringJobThatEndsHandsItsSlotOver()
    {
        // a's jobs run 1000 s, well inside their retirement: they end by themselves, nothing is evicted, and each
        // slot passes to b's waiting job at 1000 (the preempting claim activates; no new negotiation needed).
        const Scenario scenario = makeScenario(
            twoGroups + downToQuota + "MAXJOBRETIREMENTTIME = 3600\nNEGOTIATOR_CONSIDER_EARLY_PREEMPTION = True\n",
            std::vector<int>(10, 1), concat(jobs("a.u", 10, 1000), jobs("b.u", 10, 20000, 1, 30)));
        const Result result = simulate(scenario);
        const auto& a = result.groups.at(static_cast<std::size_t>(groupIndex(result, "a")));
        QCOMPARE(a.preemptions, 0L);
        QCOMPARE(a.badputCoreHours, 0.0);
        for (std::size_t b = 10; b < 20; ++b)
            QCOMPARE(result.jobs.at(b).firstStart, 1000);
        QCOMPARE(result.jobsCompleted, 20L);
    }

    void retiringDynamicSlotsAreNoPslotVictims()
    {
        // pslotMultiMatch skips children with retirement left whatever NEGOTIATOR_CONSIDER_EARLY_PREEMPTION says
        // (§4.4): b's 4-core job cannot make room on a's retiring 1-core slots before their shield ends at 3600.
        const Scenario scenario = makeScenario("GROUP_NAMES = a, b\nGROUP_QUOTA_a = 2\nGROUP_QUOTA_b = 2\n"
                                               "GROUP_ACCEPT_SURPLUS = True\n"
                + downToQuota
                + "MAXJOBRETIREMENTTIME = 3600\nNEGOTIATOR_CONSIDER_EARLY_PREEMPTION = True\n"
                  "ALLOW_PSLOT_PREEMPTION = True\n",
            {4}, concat(jobs("a.u", 4, 20000), jobs("b.u", 1, 20000, 4, 30)));
        Result result;
        auto cores = coresAt(scenario, 3599, &result);
        QCOMPARE(cores["b.u"], 0);
        cores = coresAt(scenario, 3600, &result);
        QCOMPARE(cores["b.u"], 4);
    }

    void aPreemptedDynamicSlotKeepsItsSize()
    {
        // §10.10: a 1-core job that preempts a 4-core dynamic slot runs on all 4 cores and is charged 4, so b
        // (quota 4) is at its quota after one job.
        const auto scenario
            = makeScenario("CONSUMPTION_POLICY = True\nCLAIM_PARTITIONABLE_LEFTOVERS = False\nCLAIM_WORKLIFE = 0\n"
                           "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 4\nGROUP_QUOTA_b = 4\nGROUP_ACCEPT_SURPLUS = True\n"
                    + downToQuota,
                {8}, concat(jobs("a.u", 2, 20000, 4), jobs("b.u", 4, 20000, 1, 30)));
        Result result;
        auto cores = coresAt(scenario, 60, &result, true);
        QCOMPARE(cores["a.u"], 4);
        QCOMPARE(cores["b.u"], 1);
        const int b = groupIndex(result, "b");
        const auto& cycle = result.cycles.back();
        QCOMPARE(cycle.time, 60);
        QCOMPARE(cycle.groups.at(static_cast<std::size_t>(b)).usageAfter, 4.0f);
        QCOMPARE(cycle.groups.at(static_cast<std::size_t>(b)).matches, 1u);
    }

    void victimIsTheWorstPriorityUser()
    {
        // Default PREEMPTION_RANK: RemoteUserPrio x 1e6 - runtime; the heavier user of a loses first.
        // a.heavy has run for a day on 8 slots before a.light and b arrive; b preempts one slot.
        std::vector<JobSpec> list = jobs("a.heavy", 8, 200000);
        auto light = jobs("a.light", 2, 200000, 1, 86400);
        list.insert(list.end(), light.begin(), light.end());
        auto b = jobs("b.u", 1, 200000, 1, 86400 + 30);
        list.insert(list.end(), b.begin(), b.end());
        const std::string config
            = "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 9\nGROUP_QUOTA_b = 1\nGROUP_ACCEPT_SURPLUS = True\n" + downToQuota;
        auto cores = coresAt(makeScenario(config, std::vector<int>(10, 1), list), 86400 + 60);
        QCOMPARE(cores["b.u"], 1);
        QCOMPARE(cores["a.heavy"], 7);
        QCOMPARE(cores["a.light"], 2);
    }

    void startdRankPrefersTheOwnersJobs()
    {
        // RANK = AcctGroup =?= "owner": the machines strictly prefer owner jobs, so they preempt guest jobs even
        // with PREEMPTION_REQUIREMENTS = False (the default), and guests never preempt them back (§4.1).
        const std::string config = "RANK = AcctGroup =?= \"owner\"\n";
        const auto list = concat(jobs("guest.g", 4, 20000), jobs("owner.o", 2, 20000, 1, 30));
        Result result;
        auto cores = coresAt(makeScenario(config, {1, 1, 1, 1}, list), 60, &result);
        QCOMPARE(cores["owner.o"], 2);
        QCOMPARE(cores["guest.g"], 2);
        auto later = coresAt(makeScenario(config, {1, 1, 1, 1}, list), 600);
        QCOMPARE(later["owner.o"], 2); // no flip-flop: the guests' RANK (0) is below CurrentRank (1)
        // The retirement shield holds for RANK preemption too.
        auto shielded = coresAt(makeScenario(config + "MAXJOBRETIREMENTTIME = 3600\n", {1, 1, 1, 1}, list), 3540);
        QCOMPARE(shielded["owner.o"], 0);
        // A constant RANK (HTCondor's default 0) prefers nothing.
        auto flat = coresAt(makeScenario("RANK = 0\n", {1, 1, 1, 1}, list), 600);
        QCOMPARE(flat["owner.o"], 0);
    }

    // HTCondor's surprise: in the first pie spin a submitter over its limit is offered only slots whose RANK prefers
    // its job (matchmaker.cpp: only_consider_startd_rank, which ignores unclaimed slots). At 60 s the owner uses 3 of
    // 5 cores, over its half of the pie, and its new job preempts the guest by RANK though a slot is idle; the guest's
    // job takes that slot at the next cycle.
    void anOwnerOverItsLimitPreemptsByRankBesideAnIdleSlot()
    {
        const std::string config = "RANK = AcctGroup =?= \"owner\"\n";
        const auto list
            = concat(concat(jobs("guest.g", 1, 20000), jobs("owner.o", 3, 20000)), jobs("owner.o", 1, 20000, 1, 30));
        auto first = coresAt(makeScenario(config, {1, 1, 1, 1, 1}, list), 90);
        QCOMPARE(first["owner.o"], 4);
        QCOMPARE(first["guest.g"], 0);
        auto next = coresAt(makeScenario(config, {1, 1, 1, 1, 1}, list), 150);
        QCOMPARE(next["owner.o"], 4);
        QCOMPARE(next["guest.g"], 1);
    }

    void pslotPreemptionMakesRoomForALargeJob_data()
    {
        QTest::addColumn<bool>("allow");
        QTest::addColumn<int>("owner");
        QTest::addRow("ALLOW_PSLOT_PREEMPTION = True: eight 1-core slots go for one 8-core job") << true << 8;
        QTest::addRow("default False: no single slot is large enough, the job waits") << false << 0;
    }
    void pslotPreemptionMakesRoomForALargeJob()
    {
        // §4.4: without the knob the negotiator preempts whole dynamic slots only, so an 8-core job cannot
        // evict eight 1-core jobs; with it, the children are added back (lowest CurrentRank first) until it fits.
        QFETCH(bool, allow);
        QFETCH(int, owner);
        const std::string config = std::string("RANK = AcctGroup =?= \"owner\"\nALLOW_PSLOT_PREEMPTION = ")
            + (allow ? "True" : "False") + "\n";
        Result result;
        auto cores
            = coresAt(makeScenario(config, {8}, concat(jobs("guest.g", 8, 20000), jobs("owner.o", 1, 20000, 8, 30))),
                60, &result);
        QCOMPARE(cores["owner.o"], owner);
        QCOMPARE(cores["guest.g"], 8 - owner);
    }

    void badExpressionsNameTheKnob_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown function")
            << QStringLiteral("\nPREEMPTION_REQUIREMENTS = frob(1)\n")
            << QStringLiteral("p.cfg:2: PREEMPTION_REQUIREMENTS: position 1: unknown function 'frob'");
        QTest::addRow("unbalanced") << QStringLiteral("PREEMPTION_RANK = (RemoteUserPrio\n")
                                    << QStringLiteral("p.cfg:1: PREEMPTION_RANK: position 16: expected ')'");
        QTest::addRow("retirement not constant")
            << QStringLiteral("MAXJOBRETIREMENTTIME = TotalJobRunTime\n")
            << QStringLiteral(
                   "p.cfg:1: MAXJOBRETIREMENTTIME: 'TotalJobRunTime' is not a constant number of seconds (0 to 1e12)");
    }
    void badExpressionsNameTheKnob()
    {
        QFETCH(QString, config);
        QFETCH(QString, message);
        const auto parsed = Config::fromText(config.toStdString(), "p.cfg");
        QVERIFY(parsed.ok());
        const auto policy = policyFromConfig(*parsed);
        QVERIFY(!policy.ok());
        QCOMPARE(QString::fromStdString(policy.error().message()), message);
    }

    void retirementAcceptsAnExpression()
    {
        const auto parsed = Config::fromText("MAXJOBRETIREMENTTIME = 3600 * 24\n", "p.cfg");
        QCOMPARE(policyFromConfig(*parsed)->maxJobRetirementTime, 86400.0);
    }
};

QTEST_GUILESS_MAIN(PreemptionTest)
#include "tst_preemption.moc"
