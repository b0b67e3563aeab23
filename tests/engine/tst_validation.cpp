// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// validate: a pool's history read into a replay and its real runs (io/historyreplay), and compared with the
// replay's ensemble (analysis/validation, sweep/validationrun), on small pools worked out by hand and on the two
// real 25.14 recordings in ../shared.
#include "config/config.h"
#include "format/validationformat.h"
#include "io/historyreplay.h"
#include "policy/policyfromconfig.h"
#include "sweep/validationrun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

namespace {

// A job ad in condor_q / condor_history -long form; `start` and `end` 0 = not set.
std::string jobAd(
    int cluster, const char* group, int cores, std::int64_t qdate, int status, std::int64_t start, std::int64_t end)
{
    std::string ad = "MyType = \"Job\"\nClusterId = " + std::to_string(cluster) + "\nProcId = 0\nAccountingGroup = \""
        + group + "\"\nRequestCpus = " + std::to_string(cores)
        + "\nRequestMemory = 1024\nQDate = " + std::to_string(qdate) + "\nJobStatus = " + std::to_string(status) + "\n";
    if (start > 0)
        ad += "JobCurrentStartDate = " + std::to_string(start) + "\n";
    if (end > 0)
        ad += "CompletionDate = " + std::to_string(end) + "\nEnteredCurrentStatus = " + std::to_string(end) + "\n";
    return ad + "\n";
}

// Groups group_a and group_b, quotas 2 and 2, on one 4-core partitionable slot; `extra` knobs after.
Scenario twoGroupsOnFourCores(const std::string& extra = {})
{
    auto config = Config::fromText("GROUP_NAMES = group_a, group_b\nGROUP_QUOTA_group_a = 2\nGROUP_QUOTA_group_b = 2\n"
                                   "GROUP_ACCEPT_SURPLUS = True\n"
            + extra,
        "test.config");
    if (!config)
        qFatal("%s", config.error().message().c_str());
    Scenario scenario;
    scenario.policy = *policyFromConfig(*config);
    scenario.pool.machines.push_back({"m1", 4, 16384, {}});
    return scenario;
}

const GroupValidation* groupNamed(const Validation& v, const std::string& name)
{
    for (const auto& g : v.groups)
        if (g.name == name)
            return &g;
    return nullptr;
}

QString shared(const char* relative)
{
    return QStringLiteral(PP_SHARED_DIR "/htcondor-samples/real-pool-25.14/") + QString::fromUtf8(relative);
}

} // namespace

class ValidationTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    std::string write(const char* name, const std::string& content)
    {
        const QString path = m_dir.filePath(QString::fromUtf8(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content.data(), static_cast<qint64>(content.size()));
        return path.toStdString();
    }

private Q_SLOTS:
    void aHistoryBecomesAReplayAndItsRuns()
    {
        // One hour from t = 1000. Finished: 1.0 (600 s). Running at the end: 2.0. Idle at the end: 3.0. Removed
        // before it ran: 4.0 (left out). 5.0 is in the history and again, finished, in the queue file: one job.
        const std::string history = write(
            "history.ads", jobAd(1, "group_a.u", 1, 1000, 4, 1000, 1600) + jobAd(5, "group_b.u", 2, 1000, 2, 1100, 0));
        const std::string queue = write("queue.ads",
            jobAd(2, "group_a.u", 2, 1200, 2, 1300, 0) + jobAd(3, "group_b.u", 1, 1200, 1, 0, 0)
                + jobAd(4, "group_b.u", 1, 1200, 3, 0, 0) + jobAd(5, "group_b.u", 2, 1000, 4, 1100, 4000));
        HistoryReplayOptions options;
        options.to = 4600;
        Warnings warnings;
        auto h = readPoolHistory({history, queue}, options, warnings);
        QVERIFY2(bool(h), h ? "" : h.error().message().c_str());
        QCOMPARE(h->from, std::int64_t(1000)); // the earliest QDate
        QCOMPARE(h->to, std::int64_t(4600));
        QCOMPARE(h->workload.jobs.size(), std::size_t(4));
        QCOMPARE(h->finished, 2L);
        QCOMPARE(h->runningAtEnd, 1L);
        QCOMPARE(h->waitingAtEnd, 1L);
        // Runtimes: finished jobs their own; unfinished ones run past the end (to - submit + 1).
        std::map<std::uint32_t, std::uint32_t> runtimeBySubmit;
        for (const Job& j : h->workload.jobs)
            runtimeBySubmit[j.submit] += j.runtime;
        QCOMPARE(runtimeBySubmit[0], 600U + 2900U); // 1.0 and 5.0, both submitted at 1000
        QCOMPARE(runtimeBySubmit[200], 2U * (4600 - 1200 + 1)); // 2.0 and 3.0
        // Real runs: 1.0 1000-1600, 5.0 1100-4000, 2.0 1300-4600 (to the end); 3.0 never ran.
        QCOMPARE(h->runs.size(), std::size_t(3));
        double coreSeconds = 0;
        for (const RealRun& r : h->runs)
            coreSeconds += r.cores * static_cast<double>(r.end - r.start);
        QCOMPARE(coreSeconds, 600.0 + 2 * 2900.0 + 2 * 3300.0);
        bool namedRemoved = false;
        for (const auto& w : warnings.items)
            namedRemoved = namedRemoved || w.reason.find("removed before it started") != std::string::npos;
        QVERIFY(namedRemoved);
    }

    void aJobRunningAtTheStartReplaysWhatWasLeftOfIt()
    {
        // Submitted at 500, running from 800 to 1600; the period starts at 1000: in the replay it is there from
        // second 0 and runs the 600 s it had left, and its real run counts from 1000.
        const std::string ads = write("early.ads", jobAd(8, "group_a.u", 2, 500, 4, 800, 1600));
        HistoryReplayOptions options;
        options.from = 1000;
        options.to = 2000;
        Warnings warnings;
        auto h = readPoolHistory({ads}, options, warnings);
        QVERIFY2(bool(h), h ? "" : h.error().message().c_str());
        QCOMPARE(h->workload.jobs.size(), std::size_t(1));
        QCOMPARE(h->workload.jobs[0].submit, 0U);
        QCOMPARE(h->workload.jobs[0].runtime, 600U);
        QCOMPARE(h->runs.size(), std::size_t(1));
        QCOMPARE(h->runs[0].start, std::int64_t(1000));
        QCOMPARE(h->runs[0].end, std::int64_t(1600));
        QCOMPARE(h->runs[0].cores, 2);
    }

    void eventLogsAddEveryRunWithTheSlotsCores()
    {
        // Job 7.0 ran twice: evicted at 1500, then ran again from 2000 and is still running at the end. Its ad only
        // knows the second run; the log knows both, and that the first held a 4-core slot for a 1-core job.
        const std::string ads = write("seven.ads", jobAd(7, "group_a.u", 1, 1000, 2, 2000, 0));
        const std::string log = write("seven.log",
            "000 (007.000.000) 2026-01-01 00:00:00 Job submitted from host: <127.0.0.1:1>\n...\n"
            "001 (007.000.000) 1970-01-01 00:16:40 Job executing on host: <127.0.0.1:2>\n\tSlotName: slot1_1@m1\n"
            "\tCpus = 4\n...\n"
            "004 (007.000.000) 1970-01-01 00:25:00 Job was evicted.\n...\n"
            "001 (007.000.000) 1970-01-01 00:33:20 Job executing on host: <127.0.0.1:2>\n...\n");
        HistoryReplayOptions options;
        options.from = 1000;
        options.to = 3000;
        Warnings warnings;
        auto h = readPoolHistory({ads}, options, warnings, {log});
        QVERIFY2(bool(h), h ? "" : h.error().message().c_str());
        QCOMPARE(h->jobsWithEveryRun, 1L);
        QCOMPARE(h->runs.size(), std::size_t(2));
        QCOMPARE(h->runs[0].cores, 4); // 1000-1500 on the 4-core slot
        QCOMPARE(h->runs[0].start, std::int64_t(1000));
        QCOMPARE(h->runs[0].end, std::int64_t(1500));
        QCOMPARE(h->runs[1].cores, 1); // the execute event lists no Cpus: the ad's request
        QCOMPARE(h->runs[1].start, std::int64_t(2000));
        QCOMPARE(h->runs[1].end, std::int64_t(3000));
    }

    void badInputNamesTheFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::addRow("empty") << QByteArray() << QStringLiteral("no job ads to replay");
        QTest::addRow("binary") << QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
            16) << QStringLiteral("bad.ads");
        QTest::addRow("an SWF trace") << QByteArray("; MaxNodes: 4\n1 0 0 60 1 -1 -1 1 60 -1 1 1 1 -1 1 -1 -1 -1\n")
                                      << QStringLiteral("not job ads");
        QTest::addRow("truncated ad") << QByteArray("MyType = \"Job\"\nClusterId = 1\nQDate = (1000 +\n")
                                      << QStringLiteral("bad.ads:");
        QTest::addRow("slot ads only") << QByteArray("MyType = \"Machine\"\nName = \"slot1@m1\"\nCpus = 4\n")
                                       << QStringLiteral("no job ads to replay");
        // condor_userprio -long: ads without MyType, and not jobs (no QDate, no ClusterId).
        QTest::addRow("accountant ads") << QByteArray("AccountingGroup = \"group_atlas\"\nName = \"group_atlas\"\n"
                                                      "Priority = 500.0\nIsAccountingGroup = true\n")
                                        << QStringLiteral("no job ads to replay");
        // condor_q of a pool's first poll: jobs just submitted, nothing yet happened.
        QTest::addRow("a queue that spans no time")
            << QByteArray("MyType = \"Job\"\nClusterId = 1\nProcId = 0\nQDate = 1000\nJobStatus = 1\n")
            << QStringLiteral("span no time");
    }

    void badInputNamesTheFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const std::string path = write("bad.ads", content.toStdString());
        Warnings warnings;
        auto h = readPoolHistory({path}, {}, warnings);
        QVERIFY(!h);
        QVERIFY2(QString::fromStdString(h.error().message()).contains(expected), h.error().message().c_str());
    }

    void anEmptyPeriodIsAnError()
    {
        const std::string path = write("one.ads", jobAd(1, "group_a.u", 1, 1000, 4, 1000, 1600));
        HistoryReplayOptions options;
        options.from = 2000;
        options.to = 1500;
        Warnings warnings;
        auto h = readPoolHistory({path}, options, warnings);
        QVERIFY(!h);
        QVERIFY(QString::fromStdString(h.error().message()).contains(QStringLiteral("period is empty")));
    }

    void aFaithfulHistoryIsConsistent()
    {
        // Each group ran 2 one-core jobs from t = 1000 to past the end of the hour: 2 cores each, all along. In the
        // replay the first match takes the whole p-slot out of its cycle and the schedd fills the leftovers with
        // that group's other job (§10.1); the other group matches one cycle (60 s) later. With the drawn cycle
        // phase (under 60 s), each run's mean is between 2 x (3600 - 120)/3600 = 1.933 and 2.
        std::string ads;
        for (int i = 0; i < 2; ++i)
            ads += jobAd(10 + i, "group_a.u", 1, 1000, 2, 1000, 0) + jobAd(20 + i, "group_b.u", 1, 1000, 2, 1000, 0);
        HistoryReplayOptions options;
        options.to = 4600;
        Warnings warnings;
        auto h = readPoolHistory({write("faithful.ads", ads)}, options, warnings);
        QVERIFY(bool(h));
        ValidationRunOptions run;
        run.runs = 8;
        const Validation v = runValidation(*h, twoGroupsOnFourCores(), run);
        QCOMPARE(v.sampleInterval, std::int64_t(20)); // 3600 s / 20 s = 180 samples, within 400
        QCOMPARE(v.times.size(), std::size_t(180));
        QCOMPARE(v.groups.size(), std::size_t(2)); // <none> used nothing, really or in the replay
        for (const char* name : {"group_a", "group_b"}) {
            const GroupValidation* g = groupNamed(v, name);
            QVERIFY2(g, name);
            QCOMPARE(g->realMean, 2.0);
            QVERIFY2(g->simulated.low >= 2 * 3480 / 3600.0 - 1e-9 && g->simulated.high <= 2.0, name);
            QVERIFY(g->inside);
            QVERIFY(g->samplesInside >= 174.0 / 180); // at most the first 6 samples (120 s) before its cycle
        }
        QVERIFY(v.consistent());
        QVERIFY(QString::fromStdString(validationText(v, *h, 4)).contains(QStringLiteral("verdict: consistent")));
    }

    void aPoolThatSharedDifferentlyIsNamed()
    {
        // The real pool gave group a all 4 cores for the hour and b none. With each job priced at its own cores
        // (CONSUMPTION_POLICY) and both groups asking from the start, HTCondor gives each its quota of 2: both
        // groups are 2 cores off, outside the range. (Without it the replay does what the real pool did: a's first
        // match takes the whole p-slot and its schedd fills it with a's jobs, which run past the end.)
        std::string ads;
        for (int i = 0; i < 4; ++i)
            ads += jobAd(10 + i, "group_a.u", 1, 1000, 2, 1000, 0);
        for (int i = 0; i < 4; ++i)
            ads += jobAd(20 + i, "group_b.u", 1, 1000, 1, 0, 0);
        HistoryReplayOptions options;
        options.to = 4600;
        Warnings warnings;
        auto h = readPoolHistory({write("unfair.ads", ads)}, options, warnings);
        QVERIFY(bool(h));
        ValidationRunOptions run;
        run.runs = 4;
        const Validation v = runValidation(*h, twoGroupsOnFourCores("CONSUMPTION_POLICY = True\n"), run);
        const GroupValidation* a = groupNamed(v, "group_a");
        const GroupValidation* b = groupNamed(v, "group_b");
        QVERIFY(a && b);
        QCOMPARE(a->realMean, 4.0);
        QCOMPARE(b->realMean, 0.0);
        QVERIFY(qAbs(a->error() + 2) < 0.05);
        QVERIFY(qAbs(b->error() - 2) < 0.05);
        QVERIFY(!a->inside && !b->inside);
        QVERIFY(!v.consistent());
        const QString text = QString::fromStdString(validationText(v, *h, 4));
        QVERIFY2(text.contains(QStringLiteral("0 of 2 groups")), qPrintable(text));
        const QString json = QString::fromStdString(validationJson(v, *h, 4));
        QVERIFY(json.contains(QStringLiteral("\"consistent\": false")));
        QVERIFY(json.contains(QStringLiteral("\"simulated_mean_cores_min\"")));
    }

    void theRealRecordingsValidate_data()
    {
        QTest::addColumn<QString>("recording");
        QTest::addColumn<std::int64_t>("from");
        QTest::addColumn<std::int64_t>("to");
        QTest::addColumn<QStringList>("outside");
        // C3: condor_defrag with graceful drains and retirement; every group inside.
        QTest::addRow("C3 defrag") << QStringLiteral("C3_defrag_graceful_retirement") << std::int64_t(1795669249)
                                   << std::int64_t(1795669729) << QStringList();
        // B2: group-aware preemption. From 04:42 star and atlas.prod take 6 cores from each other every cycle
        // (10 s), and 20-s samples see one side only, which side depending on the cycle's and the schedd's phase.
        // The replay's runs split between the two; with 20 runs star's real mean lies beyond the p5-p95 band
        // (100 runs cover it, and so does the min-max of tst_realpool's 20 runs against the 20-s polls).
        QTest::addRow("B2 preemption") << QStringLiteral("B2_preemption_groupaware") << std::int64_t(1795667872)
                                       << std::int64_t(1795668353) << QStringList {QStringLiteral("group_star")};
    }

    void theRealRecordingsValidate()
    {
        QFETCH(QString, recording);
        QFETCH(std::int64_t, from);
        QFETCH(std::int64_t, to);
        QFETCH(QStringList, outside);
        const QString dir = shared(recording.toUtf8().constData());
        const auto file = [&](const QString& name) { return QString(dir + QLatin1Char('/') + name).toStdString(); };
        auto config = Config::fromFile(file(QStringLiteral("effective_config_dump.txt")));
        QVERIFY(bool(config));
        Scenario scenario;
        scenario.policy = *policyFromConfig(*config);
        scenario.pool.machines.push_back({"vm", 16, 32000, {}}); // the recordings' one 16-core p-slot
        std::vector<std::string> logs;
        for (const QString& name : QDir(dir + QStringLiteral("/jobs")).entryList({QStringLiteral("*.log")}))
            logs.push_back(file(QStringLiteral("jobs/") + name));
        HistoryReplayOptions options;
        options.from = from;
        options.to = to;
        Warnings warnings;
        auto h = readPoolHistory({file(QStringLiteral("history.json.gz")), file(QStringLiteral("final_q.json.gz"))},
            options, warnings, logs);
        QVERIFY2(bool(h), h ? "" : h.error().message().c_str());
        QCOMPARE(h->jobsWithEveryRun, static_cast<long>(h->workload.jobs.size())); // every job has its log
        ValidationRunOptions run;
        run.runs = 20;
        const Validation v = runValidation(*h, scenario, run);
        qInfo("%s", validationText(v, *h, 16).c_str());
        QStringList named;
        for (const auto& name : v.outside())
            named << QString::fromStdString(name);
        named.sort();
        outside.sort();
        QCOMPARE(named, outside);
    }
};

QTEST_GUILESS_MAIN(ValidationTest)
#include "tst_validation.moc"
