// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Comparing two results: deltas per group, which way is better, the written summary; results read back from JSON.
#include "../testfiles.h"

#include "analysis/comparison.h"
#include "analysis/experimentseries.h"
#include "analysis/groupfigures.h"
#include "analysis/periodfigures.h"
#include "format/comparisonformat.h"
#include "io/resultjson.h"
#include "io/resultreader.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sstream>

namespace {

pp::GroupSummary group(const char* name, int parent, double coreHours, double waitP50 = 0, long jobs = 0)
{
    pp::GroupSummary g;
    g.name = name;
    g.parent = parent;
    g.coreHours = coreHours;
    g.waitP50 = waitP50;
    g.waitP95 = waitP50 * 4;
    g.jobsTotal = jobs;
    g.jobsCompleted = jobs;
    return g;
}

/// A pool of 1000 delivered core-hours: exp (with sub-groups exp.a and exp.b) and star. exp has no jobs of its
/// own, so its core-hours are those of its sub-groups.
pp::Result baseResult()
{
    pp::Result r;
    r.scenarioName = "base";
    r.utilization = 0.8;
    r.coreHoursDelivered = 1000;
    r.jobsCompleted = 300;
    r.groups = {group("<none>", -1, 0), group("exp", 0, 0), group("star", 0, 600, 60, 100),
        group("exp.a", 1, 100, 120, 50), group("exp.b", 1, 300, 60, 150)};
    return r;
}

/// exp.a gets 50 % more and waits 40 % less (2 min → 1.2 min), exp.b 3.3 % more, star loses 3 %.
pp::Result proposalResult()
{
    pp::Result r = baseResult();
    r.scenarioName = "proposal";
    r.coreHoursDelivered = 1042;
    r.groups[2].coreHours = 582;
    r.groups[3].coreHours = 150;
    r.groups[3].waitP50 = 72;
    r.groups[3].waitP95 = 480;
    r.groups[4].coreHours = 310;
    return r;
}

} // namespace

class ComparisonTest : public QObject
{
    Q_OBJECT

private slots:
    void groupFiguresSumSubtrees();
    void periodFiguresAreMeansOverTheSamples();
    void experimentSeriesAddSubGroupsToTheirExperiment();
    void deltasAndDirections();
    void summarySaysTheLargestChangesFirst();
    void smallChangesAreNotMentioned();
    void theHeadlineNamesTheBiggestWinnerAndLoser();
    void groupsOnOneSideOnly();
    void jsonHasEveryMetric();
    void resultJsonReadsBack();
    void aStreamedResultIsTheSameBytes();
    void brokenResultFilesAreRefused();

private:
    QTemporaryDir m_dir;
};

void ComparisonTest::groupFiguresSumSubtrees()
{
    const auto rows = pp::groupFigures(baseResult());
    QCOMPARE(rows.size(), std::size_t(5));
    QCOMPARE(rows[1].name, std::string("exp"));
    QCOMPARE(rows[1].depth, 1);
    QCOMPARE(rows[1].coreHours, 400.0); // exp.a + exp.b
    QCOMPARE(rows[1].jobsCompleted, 200L);
    QVERIFY(!rows[1].ownJobs);
    QCOMPARE(rows[1].share, 0.4);
    QCOMPARE(rows[3].depth, 2);
    QCOMPARE(rows[0].coreHours, 0.0); // the root counts only jobs without a group
}

void ComparisonTest::deltasAndDirections()
{
    const auto c = pp::compareResults(baseResult(), proposalResult());
    using V = pp::MetricDelta::Verdict;
    const auto* a = c.group("exp.a");
    QVERIFY(a);
    QCOMPARE(a->metric("core_hours")->delta, 50.0);
    QCOMPARE(*a->metric("core_hours")->relative, 0.5);
    QCOMPARE(a->metric("core_hours")->verdict, V::Better); // more core-hours is better
    QCOMPARE(a->metric("wait_p50_s")->delta, -48.0);
    QCOMPARE(*a->metric("wait_p50_s")->relative, -0.4);
    QCOMPARE(a->metric("wait_p50_s")->verdict, V::Better); // less waiting is better
    const auto* star = c.group("star");
    QCOMPARE(star->metric("core_hours")->delta, -18.0);
    QCOMPARE(star->metric("core_hours")->verdict, V::Worse);
    QCOMPARE(star->metric("wait_p50_s")->verdict, V::Same);
    QCOMPARE(star->metric("preemptions")->relative.has_value(), false); // 0 → 0: nothing to be relative to
    const auto* exp = c.group("exp");
    QCOMPARE(exp->metric("core_hours")->base, 400.0);
    QCOMPARE(exp->metric("core_hours")->proposal, 460.0);
    QCOMPARE(c.pool[1].key, std::string("core_hours_delivered"));
    QCOMPARE(c.pool[1].delta, 42.0);
    QCOMPARE(c.pool[0].verdict, V::Same); // utilization 0.8 → 0.8
}

void ComparisonTest::summarySaysTheLargestChangesFirst()
{
    const auto c = pp::compareResults(baseResult(), proposalResult());
    const std::vector<std::string> expected {
        "Across the pool, 4.2 % more core-hours are delivered (1,000 → 1,042).",
        "exp.a gets 50 % more core-hours (100 → 150); exp.a waits 40 % less (p50 2 min → 1.2 min).",
        "exp gets 15 % more core-hours (400 → 460); exp.b gets 3.3 % more core-hours (300 → 310).",
        "star loses 3 % of its core-hours (600 → 582).",
    };
    QVERIFY2(c.summary == expected, pp::comparisonSummaryText(c).c_str());
}

void ComparisonTest::smallChangesAreNotMentioned()
{
    pp::Result proposal = baseResult();
    proposal.groups[2].coreHours = 597; // star −0.5 %
    proposal.groups[3].waitP50 = 100; // −20 s: under the half minute that counts
    const auto c = pp::compareResults(baseResult(), proposal);
    QCOMPARE(c.summary, std::vector<std::string> {"No group changes by more than 1 %."});
    QCOMPARE(c.group("star")->metric("core_hours")->verdict, pp::MetricDelta::Verdict::Same);

    const auto same = pp::compareResults(baseResult(), baseResult());
    QCOMPARE(same.summary, std::vector<std::string> {"No group changes by more than 1 %."});
}

void ComparisonTest::theHeadlineNamesTheBiggestWinnerAndLoser()
{
    // p95 waits: exp.a 8 min → 2 min (4 times shorter), star 4 min → 20 min (5 times longer), exp.b 4 min → 5 min
    // (1.25 times longer): the winner is exp.a, the loser star, the larger factor of each side.
    pp::Result proposal = baseResult();
    proposal.groups[3].waitP95 = 120;
    proposal.groups[2].waitP95 = 1200;
    proposal.groups[4].waitP95 = 300;
    auto h = pp::comparisonHeadline(pp::compareResults(baseResult(), proposal));
    QVERIFY(h.winnerMetric && h.loserMetric);
    QCOMPARE(h.winner, std::string("exp.a"));
    QCOMPARE(h.loser, std::string("star"));
    QCOMPARE(h.text,
        std::string("Biggest winner: exp.a, wait p95 8 min → 2 min. Biggest loser: star, wait p95 4 min → 20 min."));

    // No wait changes: shares decide. exp.a 10 % → 14.4 % of the work (150 of 1042), star 60 % → 55.9 % (582).
    h = pp::comparisonHeadline(pp::compareResults(baseResult(), proposalResult()));
    QVERIFY(h.winnerMetric && h.loserMetric);
    QCOMPARE(h.winner, std::string("exp.a"));
    QCOMPARE(h.winnerMetric->key, std::string("share"));
    QCOMPARE(h.loser, std::string("star"));
    QVERIFY2(h.text.find("share of the work") != std::string::npos, h.text.c_str());

    // Nothing changes: said so, nobody named.
    h = pp::comparisonHeadline(pp::compareResults(baseResult(), baseResult()));
    QVERIFY(!h.winnerMetric && !h.loserMetric && h.winner.empty() && h.loser.empty());
    QCOMPARE(h.text, std::string("Nobody gains or loses beyond 1 %."));
}

void ComparisonTest::groupsOnOneSideOnly()
{
    pp::Result proposal = baseResult();
    proposal.groups.push_back(group("newcomer", 0, 10, 30, 5));
    const auto c = pp::compareResults(baseResult(), proposal);
    const auto* g = c.group("newcomer");
    QVERIFY(g);
    QVERIFY(!g->inBase);
    QVERIFY(g->inProposal);
    QCOMPARE(c.summary.back(), std::string("Only in the proposal: newcomer."));
}

void ComparisonTest::jsonHasEveryMetric()
{
    const auto c = pp::compareResults(baseResult(), proposalResult());
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(pp::comparisonJson(c)));
    QVERIFY(doc.isObject());
    const auto top = doc.object();
    QCOMPARE(top.value(QStringLiteral("base")).toString(), QStringLiteral("base"));
    QCOMPARE(top.value(QStringLiteral("summary")).toArray().size(), 4);
    const auto groups = top.value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups.size(), 5);
    QJsonObject a;
    for (const auto& g : groups)
        if (g.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("exp.a"))
            a = g.toObject().value(QStringLiteral("metrics")).toObject();
    for (const char* key : {"core_hours", "share", "wait_p50_s", "wait_p95_s", "preemptions", "badput_core_hours",
             "jobs_completed", "notebook_start_p50_s", "notebook_start_p95_s", "notebook_failures"})
        QVERIFY2(a.contains(QString::fromUtf8(key)), key);
    const auto wait = a.value(QStringLiteral("wait_p50_s")).toObject();
    QCOMPARE(wait.value(QStringLiteral("base")).toDouble(), 120.0);
    QCOMPARE(wait.value(QStringLiteral("proposal")).toDouble(), 72.0);
    QCOMPARE(wait.value(QStringLiteral("relative")).toDouble(), -0.4);
    QCOMPARE(wait.value(QStringLiteral("better")).toString(), QStringLiteral("lower"));
    QCOMPARE(wait.value(QStringLiteral("verdict")).toString(), QStringLiteral("better"));
    QVERIFY(a.value(QStringLiteral("preemptions")).toObject().value(QStringLiteral("relative")).isNull());
    // The table shows the tree: sub-groups indented under their parent.
    const std::string table = pp::comparisonTable(c);
    QVERIFY2(table.find("\nexp ") != std::string::npos && table.find("\n  exp.a ") != std::string::npos, table.c_str());
}

void ComparisonTest::resultJsonReadsBack()
{
    QVERIFY(m_dir.isValid());
    pp::Result r = proposalResult();
    r.groups[3].preemptions = 7;
    r.groups[3].notebookStartP95 = 95;
    r.flows.push_back({2, 3, 12.5});
    r.notes.push_back("a note");
    const QString summary = m_dir.filePath(QStringLiteral("summary.json"));
    QVERIFY(writeFile(summary, QByteArray::fromStdString(pp::resultSummaryJson(r))));
    const QString full = m_dir.filePath(QStringLiteral("full.json"));
    QVERIFY(writeFile(full, QByteArray::fromStdString(pp::resultFullJson(r, pp::Workload {}))));
    for (const QString& file : {summary, full}) {
        const auto read = pp::readResultJson(file.toStdString());
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QCOMPARE(read->scenarioName, std::string("proposal"));
        QCOMPARE(read->coreHoursDelivered, 1042.0);
        QCOMPARE(read->groups.size(), r.groups.size());
        for (std::size_t i = 0; i < r.groups.size(); ++i) {
            QCOMPARE(read->groups[i].name, r.groups[i].name);
            QCOMPARE(read->groups[i].parent, r.groups[i].parent);
            QCOMPARE(read->groups[i].coreHours, r.groups[i].coreHours);
            QCOMPARE(read->groups[i].waitP50, r.groups[i].waitP50);
        }
        QCOMPARE(read->groups[3].preemptions, 7L);
        QCOMPARE(read->groups[3].notebookStartP95, 95.0);
        QCOMPARE(read->flows.size(), std::size_t(1));
        QCOMPARE(read->flows[0].to, 3);
        QCOMPARE(read->notes, std::vector<std::string> {"a note"});
        // Compared with itself read back, nothing changes.
        QCOMPARE(pp::compareResults(r, *read).summary, std::vector<std::string> {"No group changes by more than 1 %."});
    }
}

void ComparisonTest::aStreamedResultIsTheSameBytes()
{
    // --out streams the per-job rows a block at a time: several blocks here (200,000 rows of about 25 bytes, 1 MiB
    // blocks).
    pp::Result r = proposalResult();
    pp::Workload workload;
    constexpr std::uint32_t jobs = 200000;
    for (std::uint32_t j = 0; j < jobs; ++j) {
        workload.jobs.push_back({j, 600 + j % 97, 2048, static_cast<std::uint16_t>(1 + j % 8), 0, j % 5});
        r.jobs.push_back({static_cast<std::int32_t>(j + 30), static_cast<std::int32_t>(j + 700), 1, pp::Queued});
    }
    const std::string whole = pp::resultFullJson(r, workload);
    QVERIFY(whole.size() > 3u << 20);
    std::ostringstream streamed;
    pp::writeResultFullJson(streamed, r, workload);
    QCOMPARE(streamed.str().size(), whole.size());
    QVERIFY(streamed.str() == whole);
}

void ComparisonTest::brokenResultFilesAreRefused()
{
    const QByteArray good = QByteArray::fromStdString(pp::resultSummaryJson(baseResult()));
    const struct
    {
        const char* name;
        QByteArray content;
        const char* reason;
    } cases[] = {
        {"cut.json", good.left(good.size() / 2), "not valid JSON"},
        {"empty.json", QByteArray(), "empty file"},
        {"binary.json", good.left(20) + QByteArray(3, '\0'), "binary data"},
        {"other.json", "{\"jobs\": []}", "not a PoolPlanner result"},
        {"list.json", "[1, 2]", "not a PoolPlanner result"},
    };
    for (const auto& c : cases) {
        const QString file = m_dir.filePath(QString::fromUtf8(c.name));
        QVERIFY(writeFile(file, c.content));
        const auto read = pp::readResultJson(file.toStdString());
        QVERIFY2(!read.ok(), c.name);
        const std::string message = read.error().message();
        QVERIFY2(
            message.rfind(file.toStdString(), 0) == 0 && message.find(c.reason) != std::string::npos, message.c_str());
    }
    QVERIFY(!pp::readResultJson(m_dir.filePath(QStringLiteral("missing.json")).toStdString()).ok());
}

void ComparisonTest::periodFiguresAreMeansOverTheSamples()
{
    // <none>, a, a.x and b; three samples an hour apart. The period is samples 1 and 2.
    const std::vector<pp::GroupSummary> groups {
        group("<none>", -1, 0), group("a", 0, 0), group("a.x", 1, 0), group("b", 0, 0)};
    const auto sample = [](float usage, float quota, float allocated, float demand, float subtree) {
        return pp::GroupSample {usage, quota, allocated, demand, subtree};
    };
    const std::vector<std::vector<pp::GroupSample>> series {
        {sample(0, 10, 0, 0, 100), sample(50, 40, 40, 60, 60), sample(5, 20, 20, 5, 20), sample(1, 30, 30, 1, 30)},
        {sample(0, 10, 0, 0, 100), sample(10, 40, 30, 20, 60), sample(20, 20, 20, 40, 20), sample(2, 30, 30, 2, 30)},
        {sample(0, 12, 0, 0, 100), sample(30, 40, 50, 40, 60), sample(10, 20, 20, 20, 20), sample(4, 30, 30, 4, 30)},
    };
    const auto period = pp::groupPeriodFigures(groups, series, 1, 2, 3600);
    QCOMPARE(period.size(), std::size_t(4));
    // <none>: its own quota (what the groups leave), (10 + 12) / 2.
    QCOMPARE(period[0].quota, 11.0);
    // a: its subtree's quota 60; usage (10 + 30) / 2 = 20 of its own plus a.x's (20 + 10) / 2 = 15.
    QCOMPARE(period[1].quota, 60.0);
    QCOMPARE(period[1].usage, 35.0);
    QCOMPARE(period[1].demand, (20.0 + 40.0) / 2 + (40.0 + 20.0) / 2);
    QCOMPARE(period[1].allocated, (30.0 + 50.0) / 2 + 20.0);
    // Charged: the mean usage over two hourly samples is two hours of it.
    QCOMPARE(period[1].chargedCoreHours, 70.0);
    QCOMPARE(period[2].usage, 15.0);
    QCOMPARE(period[3].usage, 3.0); // b is top-level: nothing of it goes into <none>
    QCOMPARE(period[0].usage, 0.0);
    // The whole run, and an empty period.
    QCOMPARE(pp::groupPeriodFigures(groups, series, 0, 2, 3600)[2].chargedCoreHours, 35.0);
    // The pool's means over the same period.
    std::vector<pp::PoolSample> pool(3);
    for (int i = 0; i < 3; ++i) {
        pool[static_cast<std::size_t>(i)].wholeMachines = static_cast<float>(2 * i); // 0, 2, 4
        pool[static_cast<std::size_t>(i)].fragmentedCores = static_cast<float>(10 + i); // 10, 11, 12
    }
    QCOMPARE(pp::poolPeriodFigures(pool, 1, 2).wholeMachines, 3.0);
    QCOMPARE(pp::poolPeriodFigures(pool, 0, 2).fragmentedCores, 11.0);
    QCOMPARE(pp::poolPeriodFigures(pool, 0, 99).wholeMachines, 2.0); // clamped to the samples there are
    QCOMPARE(pp::poolPeriodFigures(pool, 2, 1).wholeMachines, 0.0);
    const auto empty = pp::groupPeriodFigures(groups, series, 2, 1, 3600);
    QCOMPARE(empty.size(), std::size_t(4));
    QCOMPARE(empty[1].usage, 0.0);
    QCOMPARE(pp::groupPeriodFigures(groups, {}, 0, 5, 3600)[1].quota, 0.0);
}

void ComparisonTest::experimentSeriesAddSubGroupsToTheirExperiment()
{
    // <none>, a, a.x, b and b.y.z over two samples; the root ran nothing, then something.
    pp::Result r;
    r.groups = {group("<none>", -1, 0), group("a", 0, 0), group("a.x", 1, 0), group("b", 0, 0), group("b.y", 3, 0),
        group("b.y.z", 4, 0)};
    const auto sample = [](float usage, float quota, float subtree) {
        return pp::GroupSample {usage, quota, 0, 0, subtree};
    };
    r.groupSeries = {
        {sample(0, 10, 100), sample(5, 40, 60), sample(7, 20, 20), sample(1, 30, 40), sample(2, 5, 10),
            sample(3, 5, 5)},
        {sample(4, 12, 100), sample(0, 40, 60), sample(9, 20, 20), sample(0, 30, 40), sample(0, 5, 10),
            sample(6, 5, 5)},
    };
    auto series = pp::experimentSeries(r);
    QCOMPARE(series.groups, (std::vector<int> {1, 3})); // <none> ran nothing: not an experiment's column
    QCOMPARE(series.usage.size(), std::size_t(2));
    QCOMPARE(series.usage[0], (std::vector<float> {12, 6})); // a + a.x; b + b.y + b.y.z
    QCOMPARE(series.usage[1], (std::vector<float> {9, 6}));
    QCOMPARE(series.quota[0], (std::vector<float> {60, 40})); // the subtree's quota
    QCOMPARE(series.find(r, "b"), 1);
    QCOMPARE(series.find(r, "b.y"), -1);

    r.groups[0].coreHours = 4;
    series = pp::experimentSeries(r);
    QCOMPARE(series.groups, (std::vector<int> {0, 1, 3}));
    QCOMPARE(series.usage[1][0], 4.0F); // <none>: its own usage and its own quota, nothing of the experiments'
    QCOMPARE(series.quota[1][0], 12.0F);
}

QTEST_GUILESS_MAIN(ComparisonTest)
#include "tst_comparison.moc"
