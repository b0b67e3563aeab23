// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Several pools side by side that flock to each other, against the hand-derived examples of docs/FLOCKING.md §8,
// the merged pool they are compared with, and the derivation of both variants of a merge study.
#include "simtestutil.h"

#include "analysis/mergestudy.h"
#include "config/config.h"
#include "io/resultjson.h"
#include "io/resultreader.h"
#include "policy/policyfromconfig.h"
#include "scenario/mergevariants.h"
#include "sim/federation.h"
#include "sim/simulator.h"

#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace pp;
using namespace pptest;

namespace {

Policy policyOf(const std::string& text)
{
    auto config = Config::fromText(text, "pool.config");
    return policyFromConfig(*config).value();
}

// Pools A (machines 0–99) and B (100–199) of one-core machines, as in FLOCKING.md §8: B's negotiator cycles at
// 0, 60, …; A's at 30, 90, …. The experiments are groups a and b; a's users submit to A's schedd, b's to B's.
std::string ownGroup(const std::string& g)
{
    return "GROUP_NAMES = " + g + "\nGROUP_QUOTA_DYNAMIC_" + g + " = 1.0\nGROUP_ACCEPT_SURPLUS = True\n";
}
const std::string preferOwner = "RANK = ifThenElse(regexp(\"@A$\", TARGET.User), 10, 0)\n";

Scenario twoPools(const std::string& extraA, const std::string& extraB, const std::vector<JobSpec>& jobList)
{
    Scenario s = makeScenario(
        "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 100\nGROUP_QUOTA_b = 100\n", std::vector<int>(200, 1), jobList);
    FederatedPool a {"A", {}, policyOf(ownGroup("a") + extraA), 30};
    FederatedPool b {"B", {}, policyOf(ownGroup("b") + extraB), 0};
    for (std::uint32_t m = 0; m < 200; ++m)
        (m < 100 ? a : b).machines.push_back(m);
    s.federation = {a, b};
    for (const auto& name : s.workload.submitters)
        s.submitterPool.push_back(name.rfind("a.", 0) == 0 ? 0 : 1);
    return s;
}

const auto bQueue = jobs("b.u", 300, 7200); // 300 two-hour jobs at t = 0
const auto aLater = jobs("a.u", 50, 7200, 1, 3600); // 50 two-hour jobs at 1 h

std::int64_t lastEnd(const Result& r, const Scenario& s, const std::string& submitter)
{
    std::int64_t last = -1;
    for (std::size_t j = 0; j < r.jobs.size(); ++j)
        if (s.workload.submitters[s.workload.jobs[j].submitter] == submitter)
            last = std::max<std::int64_t>(last, r.jobs[j].end);
    return last;
}

double exchanged(const Result& r, int home, int execute)
{
    for (const auto& e : r.exchanges)
        if (e.home == home && e.execute == execute)
            return e.coreHours;
    return 0;
}

double totalBadput(const Result& r)
{
    double sum = 0;
    for (const auto& g : r.groups)
        sum += g.badputCoreHours;
    return sum;
}

// On one-core machines a claim is never idle: every claimed core-hour is either delivered or lost to an eviction.
void verifyConservation(const Result& r)
{
    QVERIFY(!r.stoppedEarly);
    QCOMPARE(r.jobsCompleted, r.jobsTotal);
    QVERIFY(std::abs(r.coreHoursDelivered - r.coreHoursDemanded) < 1e-6);
    QVERIFY2(std::abs(r.claimedCoreHours - (r.coreHoursDelivered + totalBadput(r))) < 1e-6,
        qPrintable(QStringLiteral("claimed %1, delivered %2, badput %3")
                       .arg(r.claimedCoreHours)
                       .arg(r.coreHoursDelivered)
                       .arg(totalBadput(r))));
    double byGroup = 0;
    for (const auto& g : r.groups)
        byGroup += g.coreHours;
    QVERIFY(std::abs(byGroup - r.coreHoursDelivered) < 1e-6);
}

} // namespace

class FlockingTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutFlockingTheIdlePoolStaysIdle()
    {
        // Example 1 without FLOCK_TO: B runs 100 jobs at 0, 2 h and 4 h; A's 100 cores deliver nothing.
        const Scenario s = twoPools("", "", bQueue);
        QVERIFY(!federationProblem(s));
        const Result r = simulate(s);
        verifyConservation(r);
        QCOMPARE(lastEnd(r, s, "b.u"), std::int64_t {6 * 3600});
        QCOMPARE(exchanged(r, 1, 0), 0.0);
        QCOMPARE(exchanged(r, 1, 1), 600.0);
        QCOMPARE(r.poolCores, 200L);
        QCOMPARE(r.poolNames, (std::vector<std::string> {"A", "B"}));
    }

    void flockingUsesTheIdlePoolUntilHomeSatisfiesTheSubmitter()
    {
        // Example 1 with FLOCK_TO = A: B's cycle at 0 leaves 200 unmatched, so b flocks (level 1) and A's cycle at
        // 30 s takes 100. At 2 h B's own slots free and its cycle matches the last 100: satisfied at level 0, the
        // level drops and A's slots, free at 2 h 30 s, stay idle. b is done at 4 h; A delivered 200 core-hours.
        const Scenario s = twoPools("", "FLOCK_TO = A\n", bQueue);
        const Result r = simulate(s);
        verifyConservation(r);
        QCOMPARE(lastEnd(r, s, "b.u"), std::int64_t {4 * 3600});
        QCOMPARE(exchanged(r, 1, 0), 200.0);
        QCOMPARE(exchanged(r, 1, 1), 400.0);
        const int b = groupIndex(r, "b");
        QCOMPARE(r.groups[static_cast<std::size_t>(b)].waitP50, 30.0); // the 100 that ran in A
        QCOMPARE(r.groups[static_cast<std::size_t>(b)].preemptions, 0L);
    }

    void idleCoresWhileJobsWaitAreCountedSiteWide()
    {
        // Without flocking A's 100 cores idle while b's jobs wait at B: from the first sample after two cycles
        // (180 s) to the last before B starts its last jobs (14,340 s), 237 samples a minute apart, 395 core-hours.
        // With flocking, or in one merged pool with surplus, no core idles while a job waits.
        const Scenario separate = twoPools("", "", bQueue);
        const Scenario flocking = twoPools("", "FLOCK_TO = A\n", bQueue);
        const Scenario merged = makeScenario("GROUP_NAMES = a, b\nGROUP_QUOTA_a = 100\nGROUP_QUOTA_b = 100\n"
                                             "GROUP_ACCEPT_SURPLUS = True\n",
            std::vector<int>(200, 1), bQueue);
        const Result one = simulate(merged);
        QCOMPARE(one.sampleInterval, std::int64_t {60});
        const MergeStudy without = mergeStudy(simulate(separate), separate.workload, one, merged.workload);
        QCOMPARE(without.separate.idleCoreHoursWhileWaiting, 395.0);
        QCOMPARE(without.merged.idleCoreHoursWhileWaiting, 0.0);
        const MergeStudy with = mergeStudy(simulate(flocking), flocking.workload, one, merged.workload);
        QCOMPARE(with.separate.idleCoreHoursWhileWaiting, 0.0);
    }

    void aSatisfiedHomeNegotiationLowersTheLevel()
    {
        // As above, plus 10 jobs at 5 h 10 s. B's satisfied cycle at 2 h brought b back to level 0, so only B's
        // negotiator sees them: they start at B's cycle at 5 h 60 s (wait 50 s), although A's at 5 h 30 s
        // had free cores too.
        const Scenario s = twoPools("", "FLOCK_TO = A\n", concat(bQueue, jobs("b.u", 10, 600, 1, 18010)));
        const Result r = simulate(s);
        verifyConservation(r);
        QCOMPARE(exchanged(r, 1, 0), 200.0);
        for (std::size_t j = 300; j < r.jobs.size(); ++j)
            QCOMPARE(r.jobs[j].firstStart, 18060);
    }

    void aForeignClaimTakesJobsThePoolNoLongerSees()
    {
        // A keeps claims forever (CLAIM_WORKLIFE = -1). At 2 h B's cycle takes b's last idle jobs: satisfied, level 0.
        // 100 more arrive at 2 h 10 s and only B sees them, B being full. At 2 h 30 s b's flocked jobs in A end and
        // B's schedd, which still holds those claims, starts the new jobs on them (§5.4): no negotiation needed.
        const Scenario s
            = twoPools("CLAIM_WORKLIFE = -1\n", "FLOCK_TO = A\n", concat(bQueue, jobs("b.u", 100, 600, 1, 7210)));
        const Result r = simulate(s);
        verifyConservation(r);
        for (std::size_t j = 300; j < r.jobs.size(); ++j)
            QCOMPARE(r.jobs[j].firstStart, 7230);
        QCOMPARE(r.claimReuses, 100L);
    }

    void ownersPreemptFlockedJobsThroughTheStartdRank()
    {
        // Example 2, foreign retirement 0: at 1 h + 30 s A's cycle finds a's 50 jobs ranked 10 against the flocked
        // jobs' 0, so 50 of them are preempted after 1 h of running (50 core-hours of badput) and go back to B's
        // queue and, b still being at level 1, to A's. B's cycle at 2 h takes 100 of the 150; A's remaining 50
        // flocked jobs end at 2 h 30 s and A's cycle then starts the last 50, done at 4 h 30 s.
        const Scenario s = twoPools(preferOwner, "FLOCK_TO = A\n", concat(bQueue, aLater));
        const Result r = simulate(s);
        verifyConservation(r);
        const auto& a = r.groups[static_cast<std::size_t>(groupIndex(r, "a"))];
        const auto& b = r.groups[static_cast<std::size_t>(groupIndex(r, "b"))];
        QCOMPARE(b.preemptions, 50L);
        QCOMPARE(b.preemptionBadputCoreHours, 50.0);
        QCOMPARE(a.preemptions, 0L);
        QCOMPARE(a.waitP95, 30.0); // a waits for its own pool's next cycle only
        QCOMPARE(lastEnd(r, s, "b.u"), std::int64_t {4 * 3600 + 30});
        bool found = false;
        for (const auto& e : r.exchanges)
            if (e.home == 1 && e.execute == 0) {
                QCOMPARE(e.preemptions, 50L);
                found = true;
            }
        QVERIFY(found);
    }

    void aForeignRetirementShieldsFlockedJobs()
    {
        // Example 2 with MAXJOBRETIREMENTTIME 2 h for foreign jobs: no preemption, a waits until A's flocked jobs
        // end at 2 h 30 s and A's next cycle, 2 h 30 s, gives a its 50 slots (b no longer flocks by then).
        const Scenario s
            = twoPools(preferOwner + "MAXJOBRETIREMENTTIME = ifThenElse(regexp(\"@A$\", TARGET.User), 0, 7200)\n",
                "FLOCK_TO = A\n", concat(bQueue, aLater));
        const Result r = simulate(s);
        verifyConservation(r);
        const auto& a = r.groups[static_cast<std::size_t>(groupIndex(r, "a"))];
        const auto& b = r.groups[static_cast<std::size_t>(groupIndex(r, "b"))];
        QCOMPARE(b.preemptions, 0L);
        QCOMPARE(totalBadput(r), 0.0);
        QCOMPARE(a.waitP50, 3630.0);
        QCOMPARE(lastEnd(r, s, "b.u"), std::int64_t {4 * 3600});
    }

    void startKeepsForeignJobsOff()
    {
        // START admits only A's own users: b never runs in A, as without flocking.
        const Scenario s = twoPools("START = regexp(\"@A$\", TARGET.User)\n", "FLOCK_TO = A\n", bQueue);
        const Result r = simulate(s);
        verifyConservation(r);
        QCOMPARE(exchanged(r, 1, 0), 0.0);
        QCOMPARE(lastEnd(r, s, "b.u"), std::int64_t {6 * 3600});
    }

    void theFlockTimerRaisesALevelNoNegotiatorServes()
    {
        // b's home group has quota 0 and no surplus: B's negotiator never negotiates with b, so no negotiation is
        // unsatisfied. The schedd's count_jobs (every SCHEDD_INTERVAL = 300 s) raises the level once more than
        // 2 × 300 s passed without one: at 900 s. A's next cycle, at 930 s, starts b's jobs.
        Scenario s = twoPools("", "FLOCK_TO = A\n", jobs("b.u", 10, 3600));
        s.federation[1].policy.groups[0].staticQuota = true;
        s.federation[1].policy.groups[0].configQuota = 0;
        s.federation[1].policy.groups[0].acceptSurplus = false;
        const Result r = simulate(s);
        verifyConservation(r);
        QCOMPARE(r.groups[static_cast<std::size_t>(groupIndex(r, "b"))].waitP50, 930.0);
        QCOMPARE(exchanged(r, 1, 0), 10.0);
    }

    void mergedPoolRunsTheSameWorkWithoutPreemptionUnderQuota()
    {
        // One 200-core pool, a and b static quota 100 each, surplus accepted, preemption down to quota. b uses
        // exactly its quota: a's jobs at 1 h find free cores, nobody is preempted.
        const std::string merged = "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 100\nGROUP_QUOTA_b = 100\n"
                                   "GROUP_ACCEPT_SURPLUS = True\nPREEMPTION_REQUIREMENTS = "
                                   "(SubmitterGroupResourcesInUse < SubmitterGroupQuota) && "
                                   "(RemoteGroupResourcesInUse > RemoteGroupQuota)\n";
        {
            const Scenario s = makeScenario(merged, std::vector<int>(200, 1), concat(jobs("b.u", 100, 7200), aLater));
            const Result r = simulate(s);
            verifyConservation(r);
            QCOMPARE(totalBadput(r), 0.0);
            QCOMPARE(r.groups[static_cast<std::size_t>(groupIndex(r, "a"))].waitP95, 0.0);
        }
        // Example 3: b takes all 200 through surplus; at 1 h a is under quota and b over it, so 50 of b's jobs
        // are preempted (50 core-hours) and b still ends at 4 h.
        {
            const Scenario s = makeScenario(merged, std::vector<int>(200, 1), concat(bQueue, aLater));
            const Result r = simulate(s);
            verifyConservation(r);
            QCOMPARE(r.groups[static_cast<std::size_t>(groupIndex(r, "b"))].preemptions, 50L);
            QCOMPARE(totalBadput(r), 50.0);
            QCOMPARE(r.groups[static_cast<std::size_t>(groupIndex(r, "a"))].waitP95, 0.0);
            QCOMPARE(lastEnd(r, s, "b.u"), std::int64_t {4 * 3600});
        }
    }

    void deriveBothVariantsOfAThreeExperimentPool()
    {
        // x, y and z with half, 30 % and 20 % of ten 10-core machines; x has a queue x.q.
        Scenario base = makeScenario("GROUP_NAMES = x, x.q, y, z\nGROUP_QUOTA_DYNAMIC_x = 0.5\n"
                                     "GROUP_QUOTA_DYNAMIC_y = 0.3\nGROUP_QUOTA_DYNAMIC_z = 0.2\n"
                                     "GROUP_QUOTA_DYNAMIC_x.q = 0.5\nMAXJOBRETIREMENTTIME = 3600\n",
            std::vector<int>(10, 10),
            concat(concat(jobs("x.q.u1", 30, 3600), jobs("y.u2", 10, 3600)), jobs("z.u3", 60, 3600)));
        base.name = "three";
        QCOMPARE(experimentsOf(base.policy), (std::vector<std::string> {"x", "y", "z"}));

        auto separate = separatePoolsVariant(base);
        QVERIFY(separate);
        QVERIFY(!federationProblem(*separate));
        QCOMPARE(separate->name, std::string("three-separate"));
        QCOMPARE(contributedCores(separate->pool, {"x", "y", "z"}), (std::vector<long> {50, 30, 20}));
        QCOMPARE(separate->federation.size(), std::size_t {3});
        const auto& x = separate->federation[0];
        QCOMPARE(x.name, std::string("x"));
        QCOMPARE(x.machines.size(), std::size_t {5});
        QCOMPARE(x.policy.groups.size(), std::size_t {2}); // x with the whole pool, and its queue
        QCOMPARE(x.policy.groups[0].configQuota, 1.0);
        QVERIFY(!x.policy.groups[0].staticQuota);
        QCOMPARE(x.policy.groups[1].name, std::string("x.q"));
        QCOMPARE(x.policy.flockTo, (std::vector<std::string> {"y", "z"})); // the others, largest first
        QCOMPARE(separate->federation[2].policy.flockTo, (std::vector<std::string> {"x", "y"}));
        QCOMPARE(x.policy.startdRank, ownerRankExpression("x"));
        QVERIFY(x.policy.maxJobRetirementExpr.find("3600") != std::string::npos); // owners keep theirs
        QCOMPARE(separate->submitterPool, (std::vector<std::uint32_t> {0, 1, 2}));
        const Result rs = simulate(*separate);
        verifyConservation(rs);
        QVERIFY(exchanged(rs, 2, 0) > 0); // z's 60 jobs do not fit its 20 cores: they flock

        // FLOCK_TO on the scenario orders every schedd's pools (less itself): z first, and x never.
        Scenario ordered = base;
        ordered.policy.flockTo = {"z", "y"};
        const auto reordered = separatePoolsVariant(ordered);
        QVERIFY(reordered);
        QCOMPARE(reordered->federation[0].policy.flockTo, (std::vector<std::string> {"z", "y"}));
        QCOMPARE(reordered->federation[2].policy.flockTo, (std::vector<std::string> {"y"}));

        auto merged = mergedPoolVariant(base);
        QVERIFY(merged);
        QVERIFY(merged->federation.empty());
        for (const auto& [name, cores] : {std::pair {"x", 50.0}, std::pair {"y", 30.0}, std::pair {"z", 20.0}}) {
            const GroupConfig* g = merged->policy.group(name);
            QVERIFY(g && g->staticQuota && g->acceptSurplus);
            QCOMPARE(g->configQuota, cores);
        }
        QCOMPARE(merged->policy.group("x.q")->configQuota, 0.5);
        QVERIFY(merged->policy.preemptionRequirements.find("RemoteGroupQuota") != std::string::npos);
        const Result rm = simulate(*merged);
        verifyConservation(rm);
        QCOMPARE(rm.coreHoursDelivered, rs.coreHoursDelivered); // the same work, whichever way it is shared

        // The study: z's flocked core-hours are what it borrowed, and what x and y lent; merged, the surplus flows.
        const MergeStudy study = mergeStudy(rs, separate->workload, rm, merged->workload);
        QCOMPARE(study.rows.size(), std::size_t {3});
        const auto& z = study.rows[2];
        QCOMPARE(z.experiment, std::string("z"));
        QCOMPARE(z.separate.borrowedCoreHours, exchanged(rs, 2, 0) + exchanged(rs, 2, 1));
        QCOMPARE(study.rows[0].separate.lentCoreHours, exchanged(rs, 1, 0) + exchanged(rs, 2, 0));
        QCOMPARE(z.separate.contributedCores, 20L);
        double borrowed = 0, lent = 0;
        for (const auto& row : study.rows) {
            borrowed += row.merged.borrowedCoreHours;
            lent += row.merged.lentCoreHours;
        }
        QVERIFY(borrowed > 0 && std::abs(borrowed - lent) < 1e-6);
    }

    void poolsAndExchangesSurviveTheResultFile()
    {
        Scenario s = twoPools("", "FLOCK_TO = A\n", bQueue);
        s.pool.machines[0].owner = "a";
        const Result r = simulate(s);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("result.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(resultSummaryJson(r)));
        file.close();
        const auto read = readResultJson(path.toStdString());
        QVERIFY2(read, read ? "" : read.error().message().c_str());
        QCOMPARE(read->poolNames, r.poolNames);
        QCOMPARE(read->poolMachineCount, (std::vector<long> {100, 100}));
        QCOMPARE(read->exchanges.size(), r.exchanges.size());
        QCOMPARE(read->exchanges[0].home, r.exchanges[0].home);
        QCOMPARE(read->exchanges[0].execute, r.exchanges[0].execute);
        QCOMPARE(read->exchanges[0].coreHours, r.exchanges[0].coreHours);
        QCOMPARE(read->contributions, (std::vector<std::pair<std::string, long>> {{"a", 1}}));
    }

    void aPolicyThatEvictsForeverStillEnds()
    {
        // Every run is evicted after 10 minutes and the jobs need an hour: nothing ever completes, in either pool.
        // Without a horizon the run stops once nothing has completed for 30 days, and says why.
        const std::string limit = "use POLICY : PREEMPT_IF_RUNTIME_EXCEEDS(600)\n";
        const Scenario s = twoPools(limit, "FLOCK_TO = A\n" + limit, jobs("b.u", 10, 3600));
        const Result r = simulate(s);
        QCOMPARE(r.jobsCompleted, 0L);
        QVERIFY(r.simulatedSeconds >= 30 * 86400);
        QVERIFY(std::any_of(r.notes.begin(), r.notes.end(),
            [](const std::string& n) { return n.find("no job completed") != std::string::npos; }));
    }

    void badDescriptionsAreRefused()
    {
        Scenario s = twoPools("", "FLOCK_TO = C\n", bQueue);
        QVERIFY(federationProblem(s)->find("'C'") != std::string::npos);
        s = twoPools("", "", bQueue);
        s.federation[1].machines.push_back(0);
        QVERIFY(federationProblem(s)->find("two pools") != std::string::npos);
        s = twoPools("", "", bQueue);
        s.submitterPool.pop_back();
        QVERIFY(federationProblem(s));
        Scenario none = makeScenario("", {4}, jobs("u", 1));
        QVERIFY(!separatePoolsVariant(none));
    }
};

QTEST_APPLESS_MAIN(FlockingTest)
#include "tst_flocking.moc"
