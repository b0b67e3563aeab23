// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The wait explainer (issue 15): for every reason a small pool where exactly that reason holds, with the
// core-hours worked out by hand. Cycles run every 60 s from 0; what a cycle leaves idle waits for its reason until
// the next cycle, so a job arriving between cycles counts from the first cycle that sees it.
#include "simtestutil.h"

#include "analysis/waitreasons.h"
#include "format/waitexplanation.h"
#include "io/resultjson.h"
#include "io/resultreader.h"
#include "scenario/scenarioinputs.h"
#include "sim/simulator.h"

#include "../realpoolfiles.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <map>

using namespace pp;
using namespace pptest;

namespace {

// Cycles every 60 s; the negotiator charges each match what it takes (CONSUMPTION_POLICY), so a group's limit
// counts cores and the schedd starts no jobs on leftovers of its own.
const std::string everyMinute = "NEGOTIATOR_INTERVAL = 60\nCONSUMPTION_POLICY = True\n";

// Checks a group's reasons: the expected core-hours for the reasons named, 0 for every other.
void expectReasons(const Result& result, const std::string& group, const std::map<WaitReason, double>& expected)
{
    const int g = groupIndex(result, group);
    QVERIFY(g >= 0);
    const auto& hours = result.groups.at(static_cast<std::size_t>(g)).whyIdleCoreHours;
    std::string all;
    for (std::size_t r = 0; r < waitReasonCount; ++r)
        if (hours[r] != 0)
            all += std::string(" ") + waitReasonCode(static_cast<WaitReason>(r)) + "=" + std::to_string(hours[r]);
    for (std::size_t r = 0; r < waitReasonCount; ++r) {
        const auto reason = static_cast<WaitReason>(r);
        const double want = expected.contains(reason) ? expected.at(reason) : 0.0;
        const std::string message = group + " " + waitReasonCode(reason) + ": " + std::to_string(hours[r])
            + " core-hours, expected " + std::to_string(want) + " (all:" + all + ")";
        QVERIFY2(std::abs(hours[r] - want) < 1e-6, message.c_str());
    }
}

const WaitDetails& detailsOf(const Result& result, const std::string& group)
{
    return result.groups.at(static_cast<std::size_t>(groupIndex(result, group))).whyIdleDetails;
}

} // namespace

class WaitReasonsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotaLimit()
    {
        // a (quota 2, no surplus) has 4 jobs on a 4-core machine: 2 run, 2 wait for the whole hour at its limit.
        const auto scenario = makeScenario(everyMinute + "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 2\nGROUP_QUOTA_b = 2\n",
            {4}, jobs("a.u", 4, 7200), 3600);
        const Result result = simulate(scenario);
        expectReasons(result, "a", {{WaitReason::QuotaLimit, 2.0}});
    }

    void ancestorCap()
    {
        // C3's tree on 16 cores: atlas (8, not accepting surplus) over prod (5) and analysis (2), both accepting.
        // analysis's 16 jobs get an allocation of 15 with the surplus, but atlas caps its subtree at 8: 8 wait.
        const std::string tree = "GROUP_NAMES = atlas, atlas.prod, atlas.analysis, star\nGROUP_QUOTA_atlas = 8\n"
                                 "GROUP_QUOTA_atlas.prod = 5\nGROUP_QUOTA_atlas.analysis = 2\nGROUP_QUOTA_star = 3\n"
                                 "GROUP_ACCEPT_SURPLUS = True\nGROUP_ACCEPT_SURPLUS_atlas = False\n";
        const Result result
            = simulate(makeScenario(everyMinute + tree, {16}, jobs("atlas.analysis.u", 16, 7200), 3600));
        expectReasons(result, "atlas.analysis", {{WaitReason::AncestorCap, 8.0}});
        QCOMPARE(detailsOf(result, "atlas.analysis").capAncestor, std::string("atlas"));
        QVERIFY(waitSentence(result, groupIndex(result, "atlas.analysis")).find("atlas (not accepting surplus) capped")
            != std::string::npos);
    }

    void limitFloored()
    {
        // A dynamic quota of 1 % of 16 cores is 0.16: the negotiator truncates the limit to 0 and nothing starts.
        // (A long job elsewhere keeps the run going: a pool where nothing can ever happen ends early.)
        const auto scenario = makeScenario(everyMinute + "GROUP_NAMES = c\nGROUP_QUOTA_DYNAMIC_c = 0.01\n", {16},
            concat(jobs("c.u", 2, 7200), jobs("other", 1, 7200)), 3600);
        const Result result = simulate(scenario);
        expectReasons(result, "c", {{WaitReason::LimitFloored, 2.0}});
        QVERIFY(waitSentence(result, groupIndex(result, "c")).find("floored") != std::string::npos);
    }

    void submitterShareStopsAUserBelowTheGroupLimit()
    {
        // a's limit of 4 on an empty 8-core machine is shared by u1 (1-core jobs) and u2 (a job wider than any
        // machine): 2 each. u1 takes its 2; u2 matches nothing. In the next spin u1 alone could have the other 2, but
        // what is left to it (2) is below the smallest slot weight of the cycle (the whole machine: 8), so the spin
        // gives nothing and a stays at 2 of 4 for a cycle: u1's 4 idle cores wait for their share. From the cycle at
        // 60 (smallest weight 1) u1 reaches the limit, and its last 2 jobs wait at it. u2's job can never run.
        const std::string config = everyMinute + "GROUP_NAMES = a\nGROUP_QUOTA_a = 4\n";
        const auto scenario = makeScenario(config, {8}, concat(jobs("a.u1", 6, 7200), jobs("a.u2", 1, 7200, 16)), 3600);
        const Result result = simulate(scenario);
        expectReasons(result, "a",
            {{WaitReason::SubmitterShare, 4.0 * 60 / 3600}, {WaitReason::QuotaLimit, 2.0 * 3540 / 3600},
                {WaitReason::Requirements, 16.0}});
        QCOMPARE(detailsOf(result, "a").shareSubmitter, std::string("a.u1"));
    }

    void groupOrderThenNoFittingSlot()
    {
        // One 8-core machine; a and b (equal quotas, no usage) each ask for all of it. The tie in the starvation
        // order goes to a, which takes the machine: b waits the first cycle because a group earlier in the order
        // took the cores, and from then on because no p-slot has 8 cores free (the pool is full).
        const std::string config
            = everyMinute + "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 4\nGROUP_QUOTA_b = 4\nGROUP_ACCEPT_SURPLUS = True\n";
        const auto scenario = makeScenario(config, {8}, concat(jobs("a.u", 1, 7200, 8), jobs("b.u", 1, 7200, 8)), 3600);
        const Result result = simulate(scenario);
        expectReasons(
            result, "b", {{WaitReason::GroupOrder, 8.0 * 60 / 3600}, {WaitReason::NoFittingSlot, 8.0 * 3540 / 3600}});
        QCOMPARE(detailsOf(result, "b").earlierGroup, std::string("a"));
        QCOMPARE(detailsOf(result, "b").neededCores, 8);
        QCOMPARE(detailsOf(result, "b").largestFreeCores, 0);
    }

    void noFittingSlotNamesTheLargestFreeSlot()
    {
        // a runs six 1-core jobs on an 8-core machine; b's 4-core job arrives at 100 and is first seen by the cycle
        // at 120: two cores are free, in the one p-slot. It waits 3,480 s for a slot of 4.
        const std::string config
            = everyMinute + "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 4\nGROUP_QUOTA_b = 4\nGROUP_ACCEPT_SURPLUS = True\n";
        const auto scenario
            = makeScenario(config, {8}, concat(jobs("a.u", 6, 7200), jobs("b.u", 1, 7200, 4, 100)), 3600);
        const Result result = simulate(scenario);
        expectReasons(result, "b", {{WaitReason::NoFittingSlot, 4.0 * 3480 / 3600}});
        QCOMPARE(detailsOf(result, "b").neededCores, 4);
        QCOMPARE(detailsOf(result, "b").largestFreeCores, 2);
        QVERIFY(waitSentence(result, groupIndex(result, "b")).find("no p-slot had 4 cores free — the largest had 2")
            != std::string::npos);
    }

    void claimedByOthers()
    {
        // a fills an 8-core machine: a 4-core job of 100 s and four long 1-core jobs. Its fifth 1-core job (at 50)
        // takes over the 4-core claim when the short job ends at 100 (claim reuse): 3 claimed cores sit unused.
        // b's 2-core job arrives at 110; from the cycle at 120 it waits for cores a holds and does not use.
        const std::string config
            = everyMinute + "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 4\nGROUP_QUOTA_b = 4\nGROUP_ACCEPT_SURPLUS = True\n";
        auto list = concat(jobs("a.u", 1, 100, 4), jobs("a.u", 4, 7200));
        list = concat(list, jobs("a.u", 1, 7200, 1, 50));
        const auto scenario = makeScenario(config, {8}, concat(list, jobs("b.u", 1, 7200, 2, 110)), 3600);
        const Result result = simulate(scenario);
        expectReasons(result, "b", {{WaitReason::ClaimedByOthers, 2.0 * 3480 / 3600}});
        QCOMPARE(detailsOf(result, "b").claimHolder, std::string("a"));
    }

    void draining()
    {
        // One 4-core machine runs four 1-core jobs from 0, ending at 3700, 3800, 3900 and 4000; condor_defrag drains
        // it at its poll at 3600, gracefully (retirement 7200 s, vacate 10 s: the jobs finish by themselves). b's job
        // arrives at 3620. The cycle at 3660 finds no free core (the pool is full: no_fitting_slot); from 3720 a
        // core is free on the draining machine (draining) until the drain ends at 4000 and the cycle at 4020 starts
        // the job.
        std::vector<JobSpec> list;
        for (std::uint32_t runtime : {3700u, 3800u, 3900u, 4000u})
            list = concat(list, jobs("a", 1, runtime));
        list = concat(list, jobs("b", 1, 600, 1, 3620));
        const auto scenario = makeScenario(everyMinute
                + "CONSUMPTION_POLICY = True\nDEFRAG_DRAINING_MACHINES_PER_HOUR = 1\nMAXJOBRETIREMENTTIME = 7200\n"
                  "MachineMaxVacateTime = 10\n",
            {4}, list, 5000);
        const Result result = simulate(scenario);
        QCOMPARE(result.drainsStarted, 1L);
        QCOMPARE(result.jobs.at(4).firstStart, 4020);
        expectReasons(
            result, "<none>", {{WaitReason::NoFittingSlot, 60.0 / 3600}, {WaitReason::Draining, 300.0 / 3600}});
    }

    void requirements()
    {
        // A job asking for more memory than any machine has (2 GB per core here) can never run.
        auto list = jobs("a.u", 1, 600);
        list.front().memoryMb = 100000;
        const auto scenario = makeScenario(
            everyMinute + "GROUP_NAMES = a\nGROUP_QUOTA_a = 4\n", {4}, concat(list, jobs("other", 1, 7200)), 3600);
        const Result result = simulate(scenario);
        expectReasons(result, "a", {{WaitReason::Requirements, 1.0}});
    }

    void requirementsOfTheMachinesStart()
    {
        // START takes jobs of fewer than 4 cores: a 4-core job fits an 8-core machine that will never start it.
        const auto scenario = makeScenario(everyMinute + "START = TARGET.RequestCpus < 4\n", {8},
            concat(jobs("a", 1, 600, 4), jobs("other", 1, 7200)), 3600);
        const Result result = simulate(scenario);
        expectReasons(result, "<none>", {{WaitReason::Requirements, 4.0}});
    }

    void runtimeLimitCountsTheWorkLost()
    {
        // HOLD_IF_RUNTIME_EXCEEDS(3600) holds the 7200-s job after an hour: an hour of one core lost.
        const auto scenario = makeScenario("use POLICY : HOLD_IF_RUNTIME_EXCEEDS(3600)\n", {1}, jobs("long", 1, 7200));
        const Result result = simulate(scenario);
        expectReasons(result, "<none>", {{WaitReason::RuntimeLimit, 1.0}});
    }

    void preemptedCountsTheWorkLost()
    {
        // a fills ten 1-core slots through surplus; b (same quota 5) arrives at 30 and, at the cycle at 60,
        // preempts a down to its quota: five runs of 60 s lost. b's other 5 jobs wait at its limit of 5 from then.
        const std::string config = "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 5\nGROUP_QUOTA_b = 5\nGROUP_ACCEPT_SURPLUS = "
                                   "True\nPREEMPTION_REQUIREMENTS = (SubmitterGroupResourcesInUse < "
                                   "SubmitterGroupQuota) && (RemoteGroupResourcesInUse > RemoteGroupQuota)\n";
        const auto scenario = makeScenario(everyMinute + config, std::vector<int>(10, 1),
            concat(jobs("a.u", 10, 20000), jobs("b.u", 10, 20000, 1, 30)), 3600);
        const Result result = simulate(scenario);
        expectReasons(
            result, "a", {{WaitReason::Preempted, 5.0 * 60 / 3600}, {WaitReason::QuotaLimit, 5.0 * 3540 / 3600}});
        expectReasons(result, "b", {{WaitReason::QuotaLimit, 5.0 * 3540 / 3600}});
        const std::string text = waitExplanationText(result, groupWaits(result, groupIndex(result, "a"), false));
        QVERIFY2(text.find("Its jobs also lost 0.1 core-hours of work: 0.1 to preemption.") != std::string::npos,
            text.c_str());
    }

    void periodsAndSeriesAddUpToTheRun()
    {
        // The per-sample series adds up to the run's totals, and a period takes its share of it.
        const std::string config
            = everyMinute + "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 4\nGROUP_QUOTA_b = 4\nGROUP_ACCEPT_SURPLUS = True\n";
        const auto scenario = makeScenario(config, {8}, concat(jobs("a.u", 1, 7200, 8), jobs("b.u", 1, 7200, 8)), 7200);
        SimulationOptions options;
        options.sampleInterval = 600;
        const Result result = simulate(scenario, options);
        const int b = groupIndex(result, "b");
        const GroupWaits run = groupWaits(result, b, false);
        const GroupWaits all = groupWaits(result, b, false, RunPeriod {0, 7200});
        QVERIFY2(std::abs(run.waited() - all.waited()) < 1e-3, qPrintable(QString::number(all.waited())));
        // The second hour: 8 cores waiting all of it.
        const GroupWaits second = groupWaits(result, b, false, RunPeriod {3600, 7200});
        QVERIFY2(std::abs(second.waited() - 8.0) < 1e-3, qPrintable(QString::number(second.waited())));
        // The subtree of the root holds every group's waits.
        QVERIFY(std::abs(groupWaits(result, 0, true).waited() - run.waited()) < 1e-9);
    }

    void aResultFileKeepsTheReasons()
    {
        // simulate --out writes why_idle, its details and the series; the reader gives the same explanation.
        const std::string config
            = everyMinute + "GROUP_NAMES = a, b\nGROUP_QUOTA_a = 4\nGROUP_QUOTA_b = 4\nGROUP_ACCEPT_SURPLUS = True\n";
        const auto scenario = makeScenario(config, {8}, concat(jobs("a.u", 1, 7200, 8), jobs("b.u", 1, 7200, 8)), 7200);
        const Result result = simulate(scenario);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("r.json")).toStdString();
        {
            std::ofstream out(path, std::ios::binary);
            writeResultFullJson(out, result, scenario.workload);
        }
        const auto read = readResultJson(path);
        QVERIFY(static_cast<bool>(read));
        const int b = groupIndex(result, "b");
        QCOMPARE(waitSentence(*read, b), waitSentence(result, b));
        const RunPeriod firstHour {0, 3600};
        const double fromFile = groupWaits(*read, b, false, firstHour).waited();
        const double inMemory = groupWaits(result, b, false, firstHour).waited();
        QVERIFY2(std::abs(fromFile - inMemory) < 1e-3,
            qPrintable(QString::number(fromFile) + QStringLiteral(" != ") + QString::number(inMemory)));
    }
};

// The explainer on every poll of a real recording against the negotiator's own table (analysis/cycles.csv, from its
// log): for each group with idle demand at the first cycle after the poll, the real negotiator either held it at its
// limit (the truncated first-round limit reached by what it used and matched: floored when that limit was a
// fraction below 1), or not (the pool held it back). The explainer's largest reason for that poll, evaluated as it
// is, says the same in most cases; the rest are the seconds between the poll and the cycle.
double agreementWithTheRealNegotiator(const char* recording)
{
    const QString dir = realpool::recording(recording);
    QFile table(dir + QStringLiteral("/analysis/cycles.csv"));
    if (!table.open(QIODevice::ReadOnly))
        return -1;
    struct Row
    {
        double claimed, requested, limit, quota;
    };
    std::map<int, std::map<std::string, Row>> cycles;
    std::map<int, std::int64_t> cycleTime;
    const QStringList header = QString::fromUtf8(table.readLine()).trimmed().split(QLatin1Char(','));
    while (!table.atEnd()) {
        const QStringList f = QString::fromUtf8(table.readLine()).trimmed().split(QLatin1Char(','));
        if (f.size() != header.size() || f.at(header.indexOf(QStringLiteral("limit_round1"))).isEmpty())
            continue;
        const auto col = [&](const char* name) { return f.at(header.indexOf(QLatin1String(name))); };
        const int cycle = col("cycle").toInt();
        cycleTime[cycle]
            = QDateTime::fromString(col("start"), QStringLiteral("MM/dd/yy HH:mm:ss")).addYears(100).toSecsSinceEpoch();
        cycles[cycle][col("group").toStdString()] = {col("claimed_cores").toDouble() + col("match_cost_sum").toDouble(),
            col("requested_cores").toDouble(), col("limit_round1").toDouble(), col("computed_quota").toDouble()};
    }
    int agree = 0;
    int total = 0;
    for (const auto& [number, files] : realpool::polls(recording)) {
        const std::int64_t at = files.at(QStringLiteral("status"))
                                    .section(QLatin1Char('/'), -1)
                                    .section(QLatin1Char('_'), 1, 1)
                                    .toLongLong();
        int next = -1;
        for (const auto& [cycle, time] : cycleTime)
            if (time >= at && (next < 0 || time < cycleTime[next]))
                next = cycle;
        if (next < 0)
            continue;
        ScenarioInputs inputs;
        for (const char* kind : {"status", "q", "accounting"})
            inputs.snapshotPaths.push_back(files.at(QLatin1String(kind)).toStdString());
        inputs.configPaths.push_back(QString(dir + QStringLiteral("/effective_config_dump.txt")).toStdString());
        Warnings warnings;
        auto scenario = loadScenario(inputs, warnings);
        if (!scenario)
            return -1;
        scenario->horizonSeconds = scenario->policy.negotiatorInterval; // one cycle: the poll as it is
        const Result result = simulate(*scenario);
        for (std::size_t g = 0; g < result.groups.size(); ++g) {
            const auto real = cycles[next].find(result.groups[g].name);
            if (real == cycles[next].end() || real->second.requested <= real->second.claimed)
                continue;
            const Row& r = real->second;
            const GroupWaits waits = groupWaits(result, static_cast<int>(g), false);
            const auto reasons = waits.largestFirst(true);
            if (reasons.empty())
                continue;
            const std::string realSays = r.limit < 1 && r.quota > 0 ? "floored"
                : std::floor(r.limit) <= r.claimed                  ? "limit"
                                                                    : "pool";
            const WaitReason top = reasons.front().first;
            const std::string explainerSays = top == WaitReason::LimitFloored     ? "floored"
                : top == WaitReason::QuotaLimit || top == WaitReason::AncestorCap ? "limit"
                                                                                  : "pool";
            ++total;
            agree += realSays == explainerSays ? 1 : 0;
        }
    }
    qInfo(
        "%s: the explainer agrees with the real negotiator's table in %d of %d group-cycles", recording, agree, total);
    return total > 0 ? static_cast<double>(agree) / total : -1;
}

class RealPoolWaitsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agreesWithTheRealNegotiatorsTable_data()
    {
        QTest::addColumn<QString>("recording");
        for (const char* name : realpool::recordings)
            QTest::addRow("%s", name) << QString::fromLatin1(name);
    }
    void agreesWithTheRealNegotiatorsTable()
    {
        QFETCH(QString, recording);
        const double agreement = agreementWithTheRealNegotiator(recording.toLatin1().constData());
        QVERIFY2(agreement >= 0.85, qPrintable(QString::number(agreement)));
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    WaitReasonsTest cases;
    RealPoolWaitsTest realPools;
    return QTest::qExec(&cases, argc, argv) | QTest::qExec(&realPools, argc, argv);
}
#include "tst_waitreasons.moc"
