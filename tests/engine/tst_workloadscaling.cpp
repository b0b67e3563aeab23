// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// "What if a group submits twice as much, or half": whole copies, a seeded share of the fraction, sub-groups
// following their experiment unless they have their own factor, running jobs of a snapshot left alone.
#include "scenario/workloadscaling.h"

#include <QtTest>

#include <algorithm>

using namespace pp;

namespace {

Workload twoGroups(int each)
{
    Workload w;
    const auto prod = w.submitterIndex("atlas.prod.alice");
    const auto cms = w.submitterIndex("cms.bob");
    for (int i = 0; i < each; ++i) {
        w.jobs.push_back({static_cast<std::uint32_t>(i * 10), 3600, 2048, 1, Batch, prod});
        w.jobs.push_back({static_cast<std::uint32_t>(i * 10 + 5), 1800, 2048, 2, Batch, cms});
    }
    return w;
}

long jobsOf(const Workload& w, const std::string& submitter)
{
    return std::count_if(
        w.jobs.begin(), w.jobs.end(), [&](const Job& j) { return w.submitters[j.submitter] == submitter; });
}

} // namespace

class WorkloadScalingTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wholeCopiesAndASeededShareOfTheFraction()
    {
        const Workload w = twoGroups(1000);
        const Workload scaled = scaleWorkload(w, {{"atlas", 2.0}, {"cms", 0.5}}, 7);
        QCOMPARE(jobsOf(scaled, "atlas.prod.alice"), 2000L); // atlas covers its sub-group atlas.prod
        const long cms = jobsOf(scaled, "cms.bob");
        QVERIFY2(cms > 420 && cms < 580, qPrintable(QString::number(cms))); // binomial(1000, 0.5): 5 sd is 79
        QVERIFY(std::is_sorted(
            scaled.jobs.begin(), scaled.jobs.end(), [](const Job& a, const Job& b) { return a.submit < b.submit; }));
        // The same seed, the same workload.
        const Workload again = scaleWorkload(w, {{"atlas", 2.0}, {"cms", 0.5}}, 7);
        QCOMPARE(again.jobs.size(), scaled.jobs.size());
        QVERIFY(std::equal(again.jobs.begin(), again.jobs.end(), scaled.jobs.begin(),
            [](const Job& a, const Job& b) { return a.submit == b.submit && a.submitter == b.submitter; }));
        // The most specific factor wins; a factor of 0 takes the group's work away.
        QCOMPARE(jobsOf(scaleWorkload(w, {{"atlas", 2.0}, {"atlas.prod", 1.0}}, 7), "atlas.prod.alice"), 1000L);
        QCOMPARE(jobsOf(scaleWorkload(w, {{"cms", 0.0}}, 7), "cms.bob"), 0L);
        // Group names compare without case, as HTCondor's do; "atlas" does not match "atlasx".
        QCOMPARE(jobsOf(scaleWorkload(w, {{"ATLAS", 2.0}}, 7), "atlas.prod.alice"), 2000L);
        Workload other;
        other.submitterIndex("atlasx.u");
        other.jobs.push_back({0, 60, 0, 1, Batch, 0});
        QCOMPARE(scaleWorkload(other, {{"atlas", 3.0}}, 1).jobs.size(), std::size_t(1));
    }

    void runningJobsOfASnapshotStayOnce()
    {
        Scenario scenario;
        scenario.workload = twoGroups(10);
        scenario.startTime = 100;
        // Job 4 (an atlas job submitted at 20 s) runs on machine 0 since 30 s.
        scenario.running.push_back({4, 0, 30});
        const Job runningJob = scenario.workload.jobs[4];
        scaleScenarioWorkload(scenario, {{"atlas", 3.0}});
        QCOMPARE(jobsOf(scenario.workload, "atlas.prod.alice"), 9L * 3 + 1);
        const Job& moved = scenario.workload.jobs[scenario.running.front().job];
        QCOMPARE(moved.submit, runningJob.submit);
        QCOMPARE(moved.runtime, runningJob.runtime);
        QCOMPARE(scenario.workload.submitters[moved.submitter], std::string("atlas.prod.alice"));
        QCOMPARE(scenario.running.front().startedAt, std::int64_t(30));
    }
};

QTEST_GUILESS_MAIN(WorkloadScalingTest)
#include "tst_workloadscaling.moc"
