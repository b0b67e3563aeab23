// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Files dropped on the window: what each is for, and the one scenario a mix of them means. Reads the real
// samples in ../shared/htcondor-samples and the trace slices in tests/data.
#include "scenario/fileset.h"

#include "../testfiles.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

std::string sample(const char* relative)
{
    return str(sharedPath("htcondor-samples/") + QLatin1String(relative));
}

const char* const slotsSample = "machine-ads/htcondor_StatusAds_partionable8core.long.ads";
const char* const queueSample = "job-ads/htcondor_python_bindings_test.old.ad";
const char* const accountingSample = "accounting/htcondor_personal_pool_collector_ads.new-classad.txt";

FileRole roleOf(const std::string& path)
{
    auto files = classifyFiles({path});
    if (!files)
        qFatal("cannot classify %s: %s", path.c_str(), files.error().message().c_str());
    return files->front().role;
}

Expected<Scenario> open(const std::vector<std::string>& paths, Warnings& warnings)
{
    auto files = classifyFiles(paths);
    if (!files)
        return files.error();
    return scenarioFromFiles(*files, warnings);
}

} // namespace

class TestFileSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rolesFollowContent()
    {
        QCOMPARE(roleOf(str(dataPath("lpc-egee-slice.swf"))), FileRole::Trace);
        QCOMPARE(roleOf(str(dataPath("hgq-worked-example.condor_config"))), FileRole::Config);
        QCOMPARE(roleOf(str(dataPath("two-jobs.history"))), FileRole::Trace);
        QCOMPARE(roleOf(str(dataPath("partitionable8core.status.json"))), FileRole::Slots);
        QCOMPARE(roleOf(sample(slotsSample)), FileRole::Slots);
        QCOMPARE(roleOf(sample(queueSample)), FileRole::Queue); // JobStatus = 1: still waiting
        QCOMPARE(roleOf(sample(accountingSample)), FileRole::Accounting); // its StartD daemon ad is no slot
        QCOMPARE(roleOf(str(sharedPath("htcondor-samples/event-logs/htcondor_test_condor.log"))), FileRole::Trace);
        QTemporaryDir dir;
        QCOMPARE(roleOf(str(dir.path())), FileRole::Snapshot);
    }

    void swfHeaderGivesThePool()
    {
        // LPC-EGEE's header: "MaxNodes: 70 (dual)", "MaxProcs: 140", and its jobs are single-core.
        Warnings warnings;
        auto scenario = open({str(dataPath("lpc-egee-slice.swf"))}, warnings);
        QVERIFY2(scenario, scenario ? "" : scenario.error().message().c_str());
        QCOMPARE(scenario->pool.machines.size(), std::size_t(70));
        QCOMPARE(scenario->pool.totalCores(), 140L);
        QCOMPARE(scenario->workload.jobs.size(), std::size_t(49)); // 60 job lines, 11 without a runtime (tst_readers)
        QCOMPARE(scenario->name, std::string("lpc-egee-slice.swf"));
    }

    void swfHeaderWidensMachinesForLargeJobs()
    {
        // HPC2N: 240 nodes of 1 processor by the header, but parallel jobs of several processors ran; HTCondor runs
        // a job on one machine, so machines get as wide as the largest job, and the user is told.
        Warnings warnings;
        auto scenario = open({str(dataPath("hpc2n-slice.swf"))}, warnings);
        QVERIFY2(scenario, scenario ? "" : scenario.error().message().c_str());
        int largest = 0;
        for (const Job& j : scenario->workload.jobs)
            largest = std::max<int>(largest, j.cores);
        QVERIFY(largest > 1);
        QCOMPARE(scenario->pool.largestMachineCores(), largest);
        QCOMPARE(scenario->pool.totalCores(), 240L);
        bool told = false;
        for (const auto& w : warnings.items)
            told = told || w.reason.find("machines of " + std::to_string(largest) + " cores") != std::string::npos;
        QVERIFY(told);
    }

    void traceWithSlotAdsRunsOnThoseMachines()
    {
        Warnings warnings;
        auto scenario = open(
            {str(dataPath("two-jobs.history")), sample(slotsSample), str(dataPath("hgq-worked-example.condor_config"))},
            warnings);
        QVERIFY2(scenario, scenario ? "" : scenario.error().message().c_str());
        QCOMPARE(scenario->pool.totalCores(), 8L); // one partitionable slot of 8 cores
        QVERIFY(!scenario->workload.jobs.empty());
        QVERIFY(!scenario->policy.groups.empty()); // the configuration's groups
    }

    // The window's files become the command line's inputs, assembled by the one loadScenario: a configuration,
    // a trace and slot ads are --config, --trace and --pool, and give the same scenario.
    void filesAreTheCommandLinesInputs()
    {
        const std::string config = str(dataPath("hgq-worked-example.condor_config"));
        const std::string trace = str(dataPath("lpc-egee-slice.swf"));
        const std::string slotAds = str(dataPath("partitionable8core.status.json"));
        auto files = classifyFiles({trace, slotAds, config});
        QVERIFY(files);
        Warnings warnings;
        auto inputs = inputsOfFiles(*files, warnings);
        QVERIFY(inputs);
        QCOMPARE(inputs->configPaths, std::vector<std::string> {config});
        QCOMPARE(inputs->tracePath, trace);
        QCOMPARE(inputs->poolPath, slotAds);
        QVERIFY(inputs->snapshotPaths.empty());

        ScenarioInputs cli;
        cli.configPaths = {config};
        cli.tracePath = trace;
        cli.poolPath = slotAds;
        Warnings cliWarnings;
        auto fromCli = loadScenario(cli, cliWarnings);
        auto fromWindow = open({trace, slotAds, config}, warnings);
        QVERIFY(fromCli && fromWindow);
        QCOMPARE(fromWindow->pool.totalCores(), fromCli->pool.totalCores());
        QCOMPARE(fromWindow->workload.jobs.size(), fromCli->workload.jobs.size());
        QCOMPARE(fromWindow->policy.groups.size(), fromCli->policy.groups.size());
        QCOMPARE(fromWindow->name, fromCli->name);
    }

    void snapshotWithoutModelPlaysOutADay()
    {
        Warnings warnings;
        auto scenario = open({sample(slotsSample), sample(queueSample)}, warnings);
        QVERIFY2(scenario, scenario ? "" : scenario.error().message().c_str());
        QCOMPARE(scenario->pool.totalCores(), 8L);
        QVERIFY(scenario->startTime.has_value());
        QCOMPARE(scenario->horizonSeconds, 86400.0);
        bool told = false;
        for (const auto& w : warnings.items)
            told = told || w.reason.find("no workload model") != std::string::npos;
        QVERIFY(told);
    }

    void mixturesThatMeanTwoThingsAreRefused_data()
    {
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QString>("blamed");
        QTest::addColumn<QString>("says");
        const QString swf = dataPath("lpc-egee-slice.swf");
        const QString config = dataPath("hgq-worked-example.condor_config");
        const QString queue = QString::fromStdString(sample(queueSample));
        QTest::newRow("trace and queue") << QStringList {swf, queue} << queue << "open one or the other";
        QTest::newRow("two traces") << QStringList {swf, dataPath("hpc2n-slice.swf")} << dataPath("hpc2n-slice.swf")
                                    << "one workload at a time";
        QTest::newRow("config alone") << QStringList {config} << config << "not what runs";
    }
    void mixturesThatMeanTwoThingsAreRefused()
    {
        QFETCH(QStringList, paths);
        QFETCH(QString, blamed);
        QFETCH(QString, says);
        std::vector<std::string> list;
        for (const auto& p : paths)
            list.push_back(str(p));
        Warnings warnings;
        auto scenario = open(list, warnings);
        QVERIFY(!scenario);
        QCOMPARE(QString::fromStdString(scenario.error().source), blamed);
        QVERIFY2(scenario.error().reason.find(str(says)) != std::string::npos, scenario.error().reason.c_str());
    }

    void traceWithoutMachinesAsksForSlotAds()
    {
        QTemporaryDir dir;
        const QString swf = dir.filePath(QStringLiteral("noheader.swf"));
        // Two SWF job lines (18 fields) and no header.
        QVERIFY(writeFile(swf,
            "1 0 10 3600 1 -1 -1 1 7200 -1 1 1 1 -1 1 -1 -1 -1\n"
            "2 60 10 1800 1 -1 -1 1 7200 -1 1 2 1 -1 1 -1 -1 -1\n"));
        Warnings warnings;
        auto scenario = open({str(swf)}, warnings);
        QVERIFY(!scenario);
        QCOMPARE(QString::fromStdString(scenario.error().source), swf);
        QVERIFY(scenario.error().reason.find("slot ads") != std::string::npos);
    }

    void badFilesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("binary") << QByteArray("\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00", 10);
        QTest::newRow("prose") << QByteArray("Dear admin,\nplease find the pool attached.\n");
        QTest::newRow("truncated ad") << QByteArray("MyType = \"Machine\"\nName = \"slot1@");
    }
    void badFilesAreNamed()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("input"));
        QVERIFY(writeFile(path, content));
        Warnings warnings;
        auto scenario = open({str(path)}, warnings);
        QVERIFY(!scenario);
        QCOMPARE(QString::fromStdString(scenario.error().source), path);
        QVERIFY(!scenario.error().reason.empty());
    }

    void missingFileIsNamed()
    {
        auto files = classifyFiles({"/nonexistent/pool.json"});
        QVERIFY(!files);
        QCOMPARE(files.error().source, std::string("/nonexistent/pool.json"));
    }
};

QTEST_GUILESS_MAIN(TestFileSet)
#include "tst_fileset.moc"
