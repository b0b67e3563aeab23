// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Where HTCondor is arbitrary, the tie seed draws the choice (docs/HTCONDOR.md: submitters tied on priority,
// starvation and LastHeardFrom % 1009 under std::sort; equally ranked slots; the cycle's phase); ensembles of
// tie seeds give each figure's median and spread, and a comparison calls nothing a gain that the spread covers.
#include "simtestutil.h"

#include "analysis/comparison.h"
#include "analysis/ensemble.h"
#include "io/resultjson.h"
#include "sim/simulator.h"
#include "sweep/ensemblerun.h"

#include <QtTest>

#include <set>

using namespace pp;
using namespace pptest;

namespace {

Result runWith(const Scenario& scenario, std::uint64_t tieSeed)
{
    SimulationOptions options;
    options.tieSeed = tieSeed;
    return simulate(scenario, options);
}

Result withFigures(double coreHours, double waitP95)
{
    Result r;
    r.coreHoursDelivered = coreHours;
    GroupSummary root;
    root.name = "<none>";
    root.coreHours = coreHours;
    root.waitP95 = waitP95;
    root.jobsTotal = 1;
    r.groups.push_back(root);
    return r;
}

} // namespace

class EnsembleTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Two new submitters of one group tie on priority and starvation: seed 0 serves the one seen first; the
    // seeds serve either, each seed the same one every time.
    void tiedSubmittersAreServedInADrawnOrder()
    {
        const auto scenario = makeScenario("", {1}, concat(jobs("alice", 1, 600), jobs("bob", 1, 600)), 3 * 3600);
        QCOMPARE(runWith(scenario, 0).jobs.at(0).firstStart, 0); // alice first, as always
        std::set<int> aliceStarts;
        for (std::uint64_t seed = 1; seed <= 16; ++seed) {
            const Result r = runWith(scenario, seed);
            aliceStarts.insert(r.jobs.at(0).firstStart == r.jobs.at(1).firstStart
                    ? -1
                    : r.jobs.at(0).firstStart < r.jobs.at(1).firstStart);
            QCOMPARE(runWith(scenario, seed).jobs.at(0).firstStart, r.jobs.at(0).firstStart); // fixed per seed
        }
        QCOMPARE(aliceStarts, (std::set<int> {0, 1})); // alice first under some seeds, bob first under others
    }

    // The first cycle runs at a drawn phase within NEGOTIATOR_INTERVAL of the start; seed 0 at the start. A job
    // submitted at the start is seen from the schedd's next publication, at most SCHEDD_MIN_INTERVAL (5 s) later.
    void theCyclePhaseIsDrawn()
    {
        const auto scenario = makeScenario("NEGOTIATOR_INTERVAL = 300\n", {4}, jobs("alice", 1, 600), 3600);
        QCOMPARE(runWith(scenario, 0).jobs.at(0).firstStart, 0);
        std::set<int> starts;
        for (std::uint64_t seed = 1; seed <= 8; ++seed) {
            const int start = runWith(scenario, seed).jobs.at(0).firstStart;
            QVERIFY2(start >= 0 && start < 300 + 5, qPrintable(QString::number(start)));
            starts.insert(start);
        }
        QVERIFY(starts.size() >= 4); // drawn, not one fixed offset
    }

    // The schedd publishes its submitter ads every SCHEDD_MIN_INTERVAL at a drawn phase: a job is seen 1 to that
    // many seconds after its submission (B2: carol's jobs, submitted just after a publication, missed the next
    // cycle). Seed 0 sees it at once. With a cycle every second the first start is the publication.
    void theScheddPublishesNewJobsAtADrawnPhase()
    {
        auto scenario = makeScenario(
            "NEGOTIATOR_INTERVAL = 1\nSCHEDD_MIN_INTERVAL = 8\n", {4}, jobs("alice", 1, 600, 1, 100), 3600);
        scenario.startTime = 0;
        QCOMPARE(runWith(scenario, 0).jobs.at(0).firstStart, 100);
        std::set<int> starts;
        for (std::uint64_t seed = 1; seed <= 16; ++seed) {
            const int start = runWith(scenario, seed).jobs.at(0).firstStart;
            QVERIFY2(start >= 101 && start <= 108, qPrintable(QString::number(start)));
            QCOMPARE(runWith(scenario, seed).jobs.at(0).firstStart, start); // fixed per seed
            starts.insert(start);
        }
        QVERIFY(starts.size() >= 4);
    }

    // Two identical idle machines rank equal for a 1-core job: seed 0 takes the first, the seeds either.
    void equallyRankedSlotsAreChosenInADrawnOrder()
    {
        const auto scenario = makeScenario("", {4, 4}, jobs("alice", 1, 7200), 3600);
        const auto machineOf = [](const Result& r) {
            const auto& sample = r.machineSeries.back();
            return sample.at(0).claimedCores > 0 ? 0 : 1;
        };
        QCOMPARE(machineOf(runWith(scenario, 0)), 0);
        std::set<int> machines;
        for (std::uint64_t seed = 1; seed <= 16; ++seed)
            machines.insert(machineOf(runWith(scenario, seed)));
        QCOMPARE(machines, (std::set<int> {0, 1}));
    }

    // Hand-made figures: median and min–max below 20 runs, nearest-rank p5–p95 from 20.
    void spreadsAreMinMaxThenPercentiles()
    {
        std::vector<Result> runs;
        for (double v : {5.0, 1.0, 3.0, 2.0})
            runs.push_back(withFigures(v * 10, v * 100));
        const EnsembleResult few = summariseEnsemble(runs, {1, 2, 3, 4});
        QCOMPARE(few.runs, 4);
        QVERIFY(!few.percentiles);
        QCOMPARE(few.median.coreHoursDelivered, 25.0); // (20 + 30) / 2
        QCOMPARE(few.poolSpread("core_hours_delivered")->low, 10.0);
        QCOMPARE(few.poolSpread("core_hours_delivered")->high, 50.0);
        QCOMPARE(few.median.groups.at(0).waitP95, 250.0);
        QCOMPARE(few.groupSpread(0, "wait_p95_s")->high, 500.0);

        runs.clear();
        for (int v = 1; v <= 40; ++v)
            runs.push_back(withFigures(v, 0));
        const EnsembleResult many = summariseEnsemble(runs, std::vector<std::uint64_t>(40, 0));
        QVERIFY(many.percentiles);
        QCOMPARE(many.poolSpread("core_hours_delivered")->low, 2.0); // ceil(0.05 * 40) = 2nd value
        QCOMPARE(many.poolSpread("core_hours_delivered")->high, 38.0); // ceil(0.95 * 40) = 38th value

        // The JSON carries the spread beside each figure.
        const std::string json = ensembleSummaryJson(few, false);
        QVERIFY(json.find("\"runs\": 4") != std::string::npos);
        QVERIFY(json.find("\"core_hours_delivered_min\": 10.000") != std::string::npos);
        QVERIFY(json.find("\"wait_p95_s_max\": 500") != std::string::npos);
    }

    // A change the two spreads overlap on is within noise; one clear of them keeps its verdict.
    void overlappingSpreadsAreWithinNoise()
    {
        EnsembleRuns base;
        EnsembleRuns noisy;
        EnsembleRuns clear;
        for (double v : {100.0, 120.0, 140.0}) {
            base.results.push_back(withFigures(v, v * 10));
            noisy.results.push_back(withFigures(v + 15, v * 10 + 150));
            clear.results.push_back(withFigures(v + 100, v * 10 + 2000));
        }
        base.tieSeeds = noisy.tieSeeds = clear.tieSeeds = {1, 2, 3};
        const Comparison within = compareEnsembles(base, noisy);
        const MetricDelta* wait = within.group("<none>")->metric("wait_p95_s");
        QCOMPARE(wait->base, 1200.0);
        QCOMPARE(wait->proposal, 1350.0);
        QVERIFY(wait->withinNoise);
        QCOMPARE(wait->verdict, MetricDelta::Verdict::Same);
        QCOMPARE(wait->baseSpread->low, 1000.0);
        QVERIFY(comparisonSummaryText(within).find("Within the noise of 3 runs") != std::string::npos);

        const Comparison apart = compareEnsembles(base, clear);
        QVERIFY(!apart.group("<none>")->metric("wait_p95_s")->withinNoise);
        QCOMPARE(apart.group("<none>")->metric("wait_p95_s")->verdict, MetricDelta::Verdict::Worse);
    }

    // The runs are the same whatever the number of threads, and seed k of an ensemble is the run of tie seed k.
    void anEnsembleIsItsSeedsRuns()
    {
        const auto scenario = makeScenario("", {2, 2},
            concat(jobs("alice", 6, 900), concat(jobs("bob", 6, 600), jobs("carol", 3, 1200, 2))), 4 * 3600);
        EnsembleRunOptions options;
        options.runs = 5;
        options.threads = 1;
        const EnsembleRuns serial = runEnsemble(scenario, options);
        options.threads = 3;
        const EnsembleRuns parallel = runEnsemble(scenario, options);
        QCOMPARE(serial.tieSeeds, (std::vector<std::uint64_t> {1, 2, 3, 4, 5}));
        for (std::size_t k = 0; k < 5; ++k) {
            QCOMPARE(parallel.results[k].coreHoursDelivered, serial.results[k].coreHoursDelivered);
            QCOMPARE(parallel.results[k].groups.at(0).waitP95, serial.results[k].groups.at(0).waitP95);
            QCOMPARE(serial.results[k].groups.at(0).waitP95, runWith(scenario, k + 1).groups.at(0).waitP95);
        }
        QVERIFY(!serial.results[0].jobs.empty()); // the first run whole, the others summaries
        QVERIFY(serial.results[1].jobs.empty());
    }
};

QTEST_GUILESS_MAIN(EnsembleTest)
#include "tst_ensemble.moc"
