// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The behaviours a real HTCondor 25.14 pool showed (docs/HTCONDOR.md §10), each on a small pool built here.
#include "simtestutil.h"

#include "sim/simulator.h"

#include <QtTest>

using namespace pp;
using namespace pptest;

namespace {

const char* consumptionMode = "CONSUMPTION_POLICY = True\nCLAIM_PARTITIONABLE_LEFTOVERS = False\nCLAIM_WORKLIFE = 0\n";

} // namespace

class FidelityTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultModeHandsOutTheWholePslot()
    {
        // §10.1: two equal submitters, one empty 16-core machine. u1 sorts first, its limit is 8 but the p-slot
        // costs its whole remaining weight, 16; the round-up lets it match, and the schedd fills the leftovers.
        Result result;
        auto cores
            = coresAt(makeScenario("", {16}, concat(jobs("u1", 20, 7200), jobs("u2", 20, 7200))), 0, &result, true);
        QCOMPARE(cores["u1"], 16);
        QCOMPARE(cores["u2"], 0);
        QCOMPARE(result.cycles.size(), std::size_t(1));
        QCOMPARE(result.cycles[0].matches, 1u); // one match per p-slot per cycle
        QCOMPARE(result.matches, 1L);
    }

    void consumptionPolicyPricesEachJob()
    {
        // §10.3: with CONSUMPTION_POLICY every start is a match priced at the job's cores: 8 and 8.
        auto cores
            = coresAt(makeScenario(consumptionMode, {16}, concat(jobs("u1", 20, 7200), jobs("u2", 20, 7200))), 0);
        QCOMPARE(cores["u1"], 8);
        QCOMPARE(cores["u2"], 8);
    }

    void claimReuseOutlivesTheQuota()
    {
        // §10.2: group a has quota 5 and refuses surplus, yet after matching the whole machine its jobs keep
        // running on the claims (CLAIM_WORKLIFE 1200) as each one ends: at 600 s it still holds all 16 cores.
        const auto scenario = makeScenario("GROUP_NAMES = a\nGROUP_QUOTA_a = 5\n", {16}, jobs("a.u", 200, 120));
        Result result;
        auto cores = coresAt(scenario, 600, &result);
        QCOMPARE(cores["a.u"], 16);
        QVERIFY(result.claimReuses >= 16 * 4);
        // Without reuse (CLAIM_WORKLIFE = 0) the claims end with their jobs; the next match again costs all 16
        // free cores, which the round-up allows once per cycle, so a still fills the machine at each cycle.
        auto noReuse
            = makeScenario("CLAIM_WORKLIFE = 0\nGROUP_NAMES = a\nGROUP_QUOTA_a = 5\n", {16}, jobs("a.u", 200, 120));
        Result r2;
        coresAt(noReuse, 600, &r2);
        QCOMPARE(r2.claimReuses, 0L);
    }

    void strictEnforcementStarvesTheChildren()
    {
        // §10.4: parent p (static 8, no surplus) keeps quota 8 for its own submitters (oversubscription);
        // strict enforcement caps the whole subtree at 8. p's submitter negotiates first (ties follow the tree)
        // and takes all 8; the children, quota 5 and 2, get a limit of 0. Half the pool stays idle.
        const std::string config = std::string(consumptionMode)
            + "GROUP_NAMES = p, p.c1, p.c2\nGROUP_QUOTA_p = 8\nGROUP_QUOTA_p.c1 = 5\nGROUP_QUOTA_p.c2 = 2\n"
              "GROUP_ACCEPT_SURPLUS_p.c1 = True\nGROUP_ACCEPT_SURPLUS_p.c2 = True\n";
        Result result;
        auto cores
            = coresAt(makeScenario(config, {16},
                          concat(concat(jobs("p.own", 20, 7200), jobs("p.c1.u", 20, 7200)), jobs("p.c2.u", 20, 7200))),
                0, &result, true);
        QCOMPARE(cores["p.own"], 8);
        QCOMPARE(cores["p.c1.u"], 0);
        QCOMPARE(cores["p.c2.u"], 0);
        const int c1 = groupIndex(result, "p.c1");
        QCOMPARE(result.cycles.at(0).groups.at(static_cast<std::size_t>(c1)).limit, 0.0f);
    }

    void oneRoundUpPerSpin()
    {
        // §10.7: a group with limit 2 may take one 8-core job (its first match this spin), then stops.
        const std::string config = std::string(consumptionMode) + "GROUP_NAMES = a\nGROUP_QUOTA_a = 2\n";
        Result result;
        auto cores = coresAt(makeScenario(config, {16}, jobs("a.u", 3, 7200, 8)), 0, &result, true);
        QCOMPARE(cores["a.u"], 8);
        const int a = groupIndex(result, "a");
        QCOMPARE(result.cycles.at(0).groups.at(static_cast<std::size_t>(a)).limit, 2.0f);
        QCOMPARE(result.cycles.at(0).groups.at(static_cast<std::size_t>(a)).usageAfter, 8.0f);
        // A job larger than the free p-slot never matches, round-up or not.
        auto big = coresAt(makeScenario(config, {4, 4}, jobs("a.u", 3, 7200, 8)), 0);
        QCOMPARE(big["a.u"], 0);
    }

    void cyclesRecordTheTruncatedLimit()
    {
        // §10.6 made visible: quota 0.3, allocation 0.3, limit 0 — "why does d never run?"
        Result result;
        coresAt(makeScenario(std::string(consumptionMode)
                        + "GROUP_NAMES = a, b, d\nGROUP_QUOTA_a = 8\nGROUP_QUOTA_b = 5\nGROUP_QUOTA_DYNAMIC_d = 0.1\n",
                    {16}, jobs("d.u", 2, 600)),
            0, &result, true);
        const int d = groupIndex(result, "d");
        const auto& rec = result.cycles.at(0).groups.at(static_cast<std::size_t>(d));
        QVERIFY(qAbs(rec.quota - 0.3f) < 1e-6f);
        QVERIFY(qAbs(rec.allocated - 0.3f) < 1e-6f);
        QCOMPARE(rec.limit, 0.0f);
        QCOMPARE(rec.matches, 0u);
        QCOMPARE(result.cycles.at(0).poolSize, 16.0);
    }

    void laterRoundsReDealUnusedAllocation_data()
    {
        QTest::addColumn<int>("rounds");
        QTest::addColumn<int>("coresOfB");
        QTest::addRow("default 3 rounds: round 2 gives b what a could not use") << 3 << 14;
        QTest::addRow("one round: the cores stay idle this cycle") << 1 << 4;
    }
    void laterRoundsReDealUnusedAllocation()
    {
        // §10.9 / §2.7: a (quota 18) wants three 8-core jobs but only one machine has 8 cores; b (quota 4) wants
        // twenty 1-core jobs. Round 1: a uses 8 of its 18, b its 4. Round 2 resets a's request to its usage, so
        // its unused 10 becomes surplus for b, which now gets 14.
        QFETCH(int, rounds);
        QFETCH(int, coresOfB);
        const std::string withRounds = std::string(consumptionMode)
            + "GROUP_QUOTA_MAX_ALLOCATION_ROUNDS = " + std::to_string(rounds)
            + "\nGROUP_NAMES = a, b\nGROUP_QUOTA_a = 18\nGROUP_QUOTA_b = 4\nGROUP_ACCEPT_SURPLUS = True\n";
        Result result;
        auto cores
            = coresAt(makeScenario(withRounds, {7, 7, 8}, concat(jobs("a.u", 3, 7200, 8), jobs("b.u", 20, 7200))), 0,
                &result, true);
        QCOMPARE(cores["a.u"], 8);
        QCOMPARE(cores["b.u"], coresOfB);
        QCOMPARE(result.cycles.at(0).rounds, rounds == 1 ? 1 : 2);
    }

    void preemptionFlipFlopsWhenThePolicyAllowsIt_data()
    {
        QTest::addColumn<QString>("requirements");
        QTest::addColumn<bool>("flipFlops");
        QTest::addRow("PREEMPTION_REQUIREMENTS = True: slots change owner every cycle")
            << QStringLiteral("True") << true;
        QTest::addRow("the down-to-quota recipe: quiet") << QStringLiteral(
            "(SubmitterGroupResourcesInUse < SubmitterGroupQuota) && (RemoteGroupResourcesInUse > RemoteGroupQuota)")
                                                         << false;
    }
    void preemptionFlipFlopsWhenThePolicyAllowsIt()
    {
        // §10.9: p (8, no surplus) keeps its node quota 8 as surplus for its child p.c, which strict enforcement
        // then caps at 8. Round 2 hands that capped part to q as surplus; q preempts p.c, and p.c, back under
        // its limit, preempts q in return — in every cycle. The usage settles at 8 and 8 either way.
        QFETCH(QString, requirements);
        QFETCH(bool, flipFlops);
        const std::string config = std::string(consumptionMode)
            + "PREEMPTION_REQUIREMENTS = " + requirements.toStdString()
            + "\nGROUP_NAMES = p, p.c, q\nGROUP_QUOTA_p = 8\nGROUP_QUOTA_p.c = 8\nGROUP_QUOTA_q = 8\n"
              "GROUP_ACCEPT_SURPLUS_p.c = True\nGROUP_ACCEPT_SURPLUS_q = True\n";
        const auto scenario = makeScenario(
            config, std::vector<int>(16, 1), concat(jobs("p.c.u", 20, 7200), jobs("q.u", 20, 7200)), 600);
        auto cores = coresAt(scenario, 600);
        QCOMPARE(cores["p.c.u"], 8);
        QCOMPARE(cores["q.u"], 8);
        const Result result = simulate(scenario);
        const long preemptions = result.groups.at(static_cast<std::size_t>(groupIndex(result, "p.c"))).preemptions
            + result.groups.at(static_cast<std::size_t>(groupIndex(result, "q"))).preemptions;
        if (flipFlops)
            QVERIFY2(preemptions >= 10 * 8, qPrintable(QString::number(preemptions))); // at least 8 a cycle, 10 cycles
        else
            QCOMPARE(preemptions, 0L);
    }

    void tiesFollowTheConfigurationTree()
    {
        // §10.14: equally starved groups negotiate top-level first, alphabetically, whatever GROUP_NAMES says.
        const std::string config
            = std::string(consumptionMode) + "GROUP_NAMES = b, a\nGROUP_QUOTA_a = 1\nGROUP_QUOTA_b = 1\n";
        auto cores = coresAt(makeScenario(config, {1}, concat(jobs("b.u", 2, 7200), jobs("a.u", 2, 7200))), 0);
        QCOMPARE(cores["a.u"], 1);
        QCOMPARE(cores["b.u"], 0);
    }
};

QTEST_GUILESS_MAIN(FidelityTest)
#include "tst_fidelity.moc"
