// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The negotiation assistant (issue 16): its CSV readers on good and bad files, a two-group pool whose answer is
// worked out on paper, and targets that cannot all be met, named as such.
#include "io/pledgefiles.h"
#include "io/snapshot.h"
#include "model/workloadmodel.h"
#include "scenario/scenariofile.h"
#include "sweep/quotasuggestion.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace pp;

namespace {

std::string write(const QTemporaryDir& dir, const char* name, const std::string& text)
{
    const std::string path = dir.filePath(QString::fromLatin1(name)).toStdString();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// An SWF line: job `id` of group `group` submitted at 0, running `runtime` s on one core.
std::string swfJob(int id, int group, int runtime)
{
    return std::to_string(id) + " 0 0 " + std::to_string(runtime) + " 1 -1 -1 1 -1 -1 1 1 " + std::to_string(group)
        + " -1 -1 -1 -1 -1\n";
}

// Ten cores, quotas a = 5 and b = 5 with no surplus; a has 8 jobs and b 5, all longer than the hour simulated.
ScenarioSpec twoGroups(const QTemporaryDir& dir)
{
    std::string trace;
    for (int i = 1; i <= 8; ++i)
        trace += swfJob(i, 1, 7200);
    for (int i = 9; i <= 13; ++i)
        trace += swfJob(i, 2, 7200);
    ScenarioSpec spec;
    spec.name = "two groups";
    spec.inputs.configPaths.push_back(write(dir, "pool.config",
        "GROUP_NAMES = g1, g2\nGROUP_QUOTA_g1 = 5\nGROUP_QUOTA_g2 = 5\nCONSUMPTION_POLICY = True\n"));
    spec.inputs.tracePath = write(dir, "jobs.swf", trace);
    spec.inputs.cores = 10;
    spec.inputs.machineCores = 10;
    spec.inputs.horizonSeconds = 3600;
    return spec;
}

} // namespace

class SuggestTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheThreeFiles()
    {
        QTemporaryDir dir;
        const auto contributions = readContributions(write(dir, "c.csv",
            "experiment,machines,cores_per_machine,hs06_per_core\n# the site\natlas,100,32,12.5\nbelle2,20,16\n"));
        QVERIFY(contributions);
        QCOMPARE(contributions->size(), std::size_t {2});
        QCOMPARE(contributions->at(0).cores(), 3200L);
        // HS06 pledges: atlas's own factor; belle2 has none, so the pool's average over benchmarked machines.
        const auto pledges
            = readPledges(write(dir, "p.csv", "atlas,25000,HS06\nbelle2,125,hs06\ndune,300,cores\n"), *contributions);
        QVERIFY(pledges);
        QCOMPARE(pledges->at(0).cores, 2000.0);
        QCOMPARE(pledges->at(1).cores, 10.0);
        QCOMPARE(pledges->at(2).cores, 300.0);
        const auto targets = readQuotaTargets(write(dir, "t.csv",
            "group,metric,op,value\nbelle2,delivered_over_pledge,>=,1.0\natlas.analysis,wait_p95_s,<=,1800\n"));
        QVERIFY(targets);
        QCOMPARE(targets->at(1).text(), std::string("atlas.analysis wait_p95_s <= 1800"));
        QVERIFY(!targets->at(1).atLeast);
    }

    // Contributions from the pool's own slot ads, under the attribute names its configuration gives: two of
    // belle2's machines (8 cores at 10 HS06 per core, 24 at 12) and one of dune's without a benchmark. An HS06
    // pledge of belle2 is then 2,960 / 11.5 = 257.4 cores (the cores-weighted factor (8·10 + 24·12) / 32 = 11.5).
    void contributionsComeFromTheSlotAdsTheConfigurationNames()
    {
        QTemporaryDir dir;
        const auto slot = [](const char* host, int cores, const char* site, const char* benchmark) {
            std::string ad = std::string("MyType = \"Machine\"\nName = \"slot1@") + host + "\"\nMachine = \"" + host
                + "\"\nSlotType = \"Partitionable\"\nCpus = " + std::to_string(cores)
                + "\nTotalSlotCpus = " + std::to_string(cores) + "\nMemory = 64000\nTotalSlotMemory = 64000\n";
            if (*site)
                ad += std::string("Site = \"") + site + "\"\n";
            if (*benchmark)
                ad += std::string("HEPSPEC = ") + benchmark + "\n";
            return ad + "\n";
        };
        ScenarioSpec spec;
        spec.inputs.configPaths.push_back(
            write(dir, "pool.config", "POOLPLANNER_OWNER_ATTRIBUTE = Site\nPOOLPLANNER_HS06_ATTRIBUTE = HEPSPEC\n"));
        spec.inputs.poolPath = write(dir, "status.ads",
            slot("b1", 8, "belle2", "10") + slot("b2", 24, "belle2", "12") + slot("d1", 16, "dune", "")
                + slot("x1", 4, "", ""));
        spec.inputs.tracePath = write(dir, "jobs.swf", swfJob(1, 1, 60));
        Warnings warnings;
        const auto scenario = buildScenario(spec, warnings);
        QVERIFY2(scenario, scenario ? "" : scenario.error().message().c_str());
        const auto contributions = contributionsOfPool(scenario->pool);
        QCOMPARE(contributions.size(), std::size_t {2}); // x1 has no owner
        QCOMPARE(contributions[0].experiment, std::string("belle2"));
        QCOMPARE(contributions[0].machines, 2L);
        QCOMPARE(contributions[0].cores(), 32L);
        QCOMPARE(contributions[0].hs06PerCore, 11.5);
        QCOMPARE(contributions[1].cores(), 16L);
        QCOMPARE(contributions[1].hs06PerCore, 0.0);
        const auto pledges = readPledges(write(dir, "p.csv", "belle2,2960,HS06\ndune,2300,HS06\n"), contributions);
        QVERIFY(pledges);
        QCOMPARE(pledges->at(0).cores, 2960.0 / 11.5);
        QCOMPARE(pledges->at(1).cores, 2300.0 / 11.5); // dune has none: the pool's benchmarked average

        // A snapshot folder with its configuration reads the same owners.
        const auto snapshot = loadSnapshot(
            {spec.inputs.poolPath, spec.inputs.configPaths.front()}, WorkloadModel {}, 3600, 1, warnings);
        QVERIFY2(snapshot, snapshot ? "" : snapshot.error().message().c_str());
        QCOMPARE(contributionsOfPool(snapshot->pool).at(0).hs06PerCore, 11.5);

        // The default names read nothing here; a name that is no attribute is refused with its knob.
        spec.inputs.configPaths = {write(dir, "default.config", "")};
        QVERIFY(contributionsOfPool(buildScenario(spec, warnings)->pool).empty());
        spec.inputs.configPaths = {write(dir, "bad.config", "POOLPLANNER_OWNER_ATTRIBUTE = 9 lives\n")};
        const auto refused = buildScenario(spec, warnings);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().find("POOLPLANNER_OWNER_ATTRIBUTE") != std::string::npos,
            refused.error().message().c_str());
    }

    void badFilesAreNamedWithTheirLine_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::addRow("contributions: a field short") << "c" << QByteArray("atlas,100\n") << ":1: expected 3 to 4";
        QTest::addRow("contributions: cores are words")
            << "c" << QByteArray("atlas,100,32\nbelle2,2,many\n") << ":2: cores_per_machine: 'many'";
        QTest::addRow("pledges: an unknown unit") << "p" << QByteArray("atlas,100,kSI2k\n") << ":1: unit: 'kSI2k'";
        QTest::addRow("pledges: HS06 without a benchmark")
            << "p" << QByteArray("atlas,100,HS06\n") << ":1: a pledge in HS06 needs the machines' benchmark";
        QTest::addRow("pledges: negative") << "p" << QByteArray("atlas,-5,cores\n") << ":1: amount: '-5'";
        QTest::addRow("targets: an unknown metric")
            << "t" << QByteArray("a,happiness,>=,1\n") << ":1: metric: 'happiness'";
        QTest::addRow("targets: a bad operator") << "t" << QByteArray("a,core_hours,=>,1\n") << ":1: op: '=>'";
        QTest::addRow("targets: empty") << "t" << QByteArray("") << ": no rows";
        QTest::addRow("targets: binary") << "t" << QByteArray("a,core_hours,>=,1\n\0\0\0\x01", 22) << ":2:";
        QTest::addRow("targets: only a header") << "t" << QByteArray("group,metric,op,value\n") << ": no rows";
    }
    void badFilesAreNamedWithTheirLine()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const std::string path = write(dir, "bad.csv", bytes.toStdString());
        std::optional<Diagnostic> error;
        if (kind == QStringLiteral("c")) {
            if (auto r = readContributions(path); !r)
                error = r.error();
        } else if (kind == QStringLiteral("p")) {
            if (auto r = readPledges(path, {}); !r)
                error = r.error();
        } else if (auto r = readQuotaTargets(path); !r) {
            error = r.error();
        }
        QVERIFY(error);
        const QString text = QString::fromStdString(error->message());
        QVERIFY2(text.startsWith(QString::fromStdString(path)) && text.contains(message), qPrintable(text));
    }

    void twoGroupsWorkedOutOnPaper()
    {
        // g1 wants 8 cores and has a quota of 5; g2 uses all of its 5, so there is no surplus to accept. For g1 to
        // get 7 cores (7 core-hours in the hour), 2 of g2's cores must move to it: quotas 7 and 3. The search moves
        // a tenth of the siblings' 10 cores at a time: 6/4, then 7/3.
        QTemporaryDir dir;
        SuggestOptions options;
        options.targets = readQuotaTargets(write(dir, "t.csv", "g1,core_hours,>=,7\n")).value();
        const auto s = suggestQuotas(twoGroups(dir), options);
        QVERIFY2(s, s ? "" : s.error().message().c_str());
        QVERIFY(!s->current.allMet());
        QCOMPARE(s->current.outcomes.at(0).figure, 5.0);
        QVERIFY(s->feasible);
        QCOMPARE(s->best.outcomes.at(0).figure, 7.0);
        const std::vector<std::pair<std::string, std::string>> expected {
            {"GROUP_QUOTA_g1", "7"}, {"GROUP_QUOTA_g2", "3"}};
        QCOMPARE(s->best.knobs, expected);
        QVERIFY2(s->snippet.find("GROUP_QUOTA_g1 = 7") != std::string::npos, s->snippet.c_str());
        QVERIFY(s->conflicts.empty());
    }

    void targetsThatCannotAllBeMetAreNamed()
    {
        // Pledges of 12 cores on a 10-core pool; g1's 8 jobs (8 core-hours in the hour) cannot deliver its pledge of
        // 9 cores; and g1 at 8 cores while g2 keeps 5 is more than the pool.
        QTemporaryDir dir;
        SuggestOptions options;
        options.pledges = readPledges(write(dir, "p.csv", "g1,9,cores\ng2,3,cores\n"), {}).value();
        options.targets = readQuotaTargets(
            write(dir, "t.csv", "g1,delivered_over_pledge,>=,1\ng1,core_hours,>=,8\ng2,core_hours,>=,5\n"))
                              .value();
        options.maxEvaluations = 40;
        const auto s = suggestQuotas(twoGroups(dir), options);
        QVERIFY2(s, s ? "" : s.error().message().c_str());
        QVERIFY(!s->feasible);
        const auto says = [&](const std::string& piece) {
            return std::any_of(s->conflicts.begin(), s->conflicts.end(),
                [&](const std::string& c) { return c.find(piece) != std::string::npos; });
        };
        QVERIFY(says("the pledges add up to 12 cores, more than the pool's 10"));
        QVERIFY(says("g1's jobs ask for 8 core-hours over the run, 0.89 of its pledge"));
        // g1 at 8 and g2 at 5 need 13 cores: the quotas that give g2 its 5 (today's) leave g1 short, and the other way.
        QVERIFY(says("meeting g2 core_hours >= 5 (the current quotas) misses g1 delivered_over_pledge >= 1, g1 "
                     "core_hours >= 8"));
    }

    void aTargetOnAGroupThePoolDoesNotHaveIsRefused()
    {
        QTemporaryDir dir;
        SuggestOptions options;
        options.targets = readQuotaTargets(write(dir, "t.csv", "atlas,core_hours,>=,7\n")).value();
        const auto s = suggestQuotas(twoGroups(dir), options);
        QVERIFY(!s);
        QVERIFY(s.error().message().find("no group 'atlas'") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(SuggestTest)
#include "tst_suggest.moc"
