// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// HTCondor's text forms read from the real samples in ../shared/htcondor-samples (counts derived from the files
// themselves in each test), and the broken inputs every reader must survive.
#include "io/classadfiles.h"
#include "io/eventlog.h"
#include "io/formatdetect.h"
#include "io/inspect.h"
#include "io/jobworkload.h"
#include "io/slotpool.h"
#include "io/snapshot.h"
#include "io/swfreader.h"
#include "model/workloadmodel.h"
#include "sim/simulator.h"
#include "util/text.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace pp;

namespace {

QString shared(const char* relative)
{
    return QStringLiteral(PP_SHARED_DIR "/htcondor-samples/") + QLatin1String(relative);
}
QString data(const char* name)
{
    return QStringLiteral(PP_TEST_DATA_DIR "/") + QLatin1String(name);
}

QStringList lines(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
}

// Ads in a long-form file: blocks of non-empty lines.
long countBlocks(const QString& path)
{
    long blocks = 0;
    bool inBlock = false;
    for (const auto& l : lines(path)) {
        const bool content = !l.trimmed().isEmpty();
        if (content && !inBlock)
            ++blocks;
        inBlock = content;
    }
    return blocks;
}

long countMatching(const QString& path, const QString& pattern)
{
    const QRegularExpression re(pattern);
    long n = 0;
    for (const auto& l : lines(path))
        n += re.match(l).hasMatch() ? 1 : 0;
    return n;
}

std::vector<classad::ClassAd> readAll(const QString& path, AdFormat format, Warnings* warnings = nullptr)
{
    std::vector<classad::ClassAd> ads;
    Warnings local;
    auto read = readClassAds(
        path.toStdString(), format,
        [&](classad::ClassAd&& ad, long) {
            ads.push_back(std::move(ad));
            return true;
        },
        warnings ? *warnings : local);
    if (!read)
        qFatal("%s", read.error().message().c_str());
    return ads;
}

QString writeTemp(QTemporaryDir& dir, const char* name, const QByteArray& content)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

} // namespace

class SnapshotsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detectsEachSampleByContent_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::addRow("slot ads, long") << shared("machine-ads/htcondor_StatusAds_partionable8core.long.ads")
                                        << QStringLiteral("classad-long");
        QTest::addRow("job ad, long") << shared("job-ads/htcondor_python_bindings_test.old.ad")
                                      << QStringLiteral("classad-long");
        QTest::addRow("accounting, new ClassAds")
            << shared("accounting/htcondor_personal_pool_collector_ads.new-classad.txt")
            << QStringLiteral("classad-new");
        QTest::addRow("event log, legacy dates")
            << shared("event-logs/htcondor_test_condor.log") << QStringLiteral("event-log");
        QTest::addRow("event log, ISO dates")
            << shared("event-logs/lsst_tiny_problems.dag.nodes.log") << QStringLiteral("event-log");
        QTest::addRow("condor_config") << shared("configs/job_hgq_negfail_basic_van.condor_config")
                                       << QStringLiteral("condor-config");
        QTest::addRow("-json") << data("partitionable8core.status.json") << QStringLiteral("classad-json");
        QTest::addRow("-jsonl") << data("partitionable8core.status.jsonl") << QStringLiteral("classad-jsonl");
        QTest::addRow("history") << data("two-jobs.history") << QStringLiteral("history");
        QTest::addRow("SWF") << data("hpc2n-slice.swf") << QStringLiteral("swf");
        QTest::addRow("SWF, gzip") << QStringLiteral(PP_SHARED_DIR "/traces/KTH-SP2-1996-2.1-cln.swf.gz")
                                   << QStringLiteral("swf");
    }
    void detectsEachSampleByContent()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        const auto detected = detectFormat(path.toStdString());
        QVERIFY2(detected.ok(), detected.ok() ? "" : detected.error().message().c_str());
        QCOMPARE(QString::fromLatin1(fileFormatName(*detected)), format);
    }

    void slotAdsCountAsTheFileSays_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<long>("partitionable");
        QTest::addColumn<long>("dynamic");
        QTest::addColumn<long>("staticSlots");
        QTest::addRow("partitionable 8-core machine")
            << shared("machine-ads/htcondor_StatusAds_partionable8core.long.ads") << 1L << 4L << 0L;
        QTest::addRow("same machine, -json") << data("partitionable8core.status.json") << 1L << 4L << 0L;
        QTest::addRow("same machine, -jsonl") << data("partitionable8core.status.jsonl") << 1L << 4L << 0L;
        QTest::addRow("4 static slots") << shared("machine-ads/htcondor_StatusAds_basic4slot.long.ads") << 0L << 0L
                                        << 4L;
        QTest::addRow("one slot without slotN@")
            << shared("machine-ads/htcondor_StatusAds_small1slot.long.ads") << 0L << 0L << 1L;
        QTest::addRow("8 static slots, 8.9.12")
            << shared("machine-ads/htcondor_cmd_status_8static_slots_v8.9.12.long.ads") << 0L << 0L << 8L;
    }
    void slotAdsCountAsTheFileSays()
    {
        QFETCH(QString, path);
        QFETCH(long, partitionable);
        QFETCH(long, dynamic);
        QFETCH(long, staticSlots);
        const auto s = inspectFile(path.toStdString());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
        QCOMPARE(s->partitionable, partitionable);
        QCOMPARE(s->dynamicSlots, dynamic);
        QCOMPARE(s->staticSlots, staticSlots);
        QCOMPARE(s->records, partitionable + dynamic + staticSlots);
        if (path.endsWith(QLatin1String(".ads")))
            QCOMPARE(s->records, countBlocks(path));
        // Claimed cores: the Cpus of every slot in State "Claimed", counted from the text.
        if (path.contains(QLatin1String("partionable8core")) || path.contains(QLatin1String("partitionable8core")))
            QCOMPARE(s->coresClaimed, 4L);
        QVERIFY2(s->warnings.empty(), s->warnings.empty() ? "" : s->warnings.front().c_str());
    }

    void expressionsAreKeptAndEvaluated()
    {
        // The p-slot publishes remaining Cpus = 4 of TotalSlotCpus = 8; SlotWeight = Cpus and
        // MachineMaxVacateTime = 10 * 60 are expressions, kept as written and evaluated on demand.
        for (const auto& [path, format] :
            {std::pair {shared("machine-ads/htcondor_StatusAds_partionable8core.long.ads"), AdFormat::Long},
                std::pair {data("partitionable8core.status.json"), AdFormat::Json}}) {
            const auto ads = readAll(path, format);
            const auto pslot = std::find_if(ads.begin(), ads.end(),
                [](const classad::ClassAd& a) { return a.evaluateAttribute("PartitionableSlot").isTrue(); });
            QVERIFY(pslot != ads.end());
            double v = 0;
            QVERIFY(pslot->evaluateAttribute("SlotWeight").toNumber(v));
            QCOMPARE(v, 4.0);
            QVERIFY(pslot->evaluateAttribute("MachineMaxVacateTime").toNumber(v));
            QCOMPARE(v, 600.0);
            QVERIFY(pslot->evaluateAttribute("TotalSlotCpus").toNumber(v));
            QCOMPARE(v, 8.0);
        }
    }

    void jobsAndAccounting()
    {
        const auto job = inspectFile(shared("job-ads/htcondor_python_bindings_test.old.ad").toStdString());
        QVERIFY(job.ok());
        QCOMPARE(job->records, 1L);
        QCOMPARE(job->jobsByStatus.at("idle"), 1L); // JobStatus = 1
        const auto history = inspectFile(data("two-jobs.history").toStdString());
        QVERIFY(history.ok());
        QCOMPARE(history->records, 2L);
        QCOMPARE(history->jobsByStatus.at("idle"), 1L);
        QCOMPARE(history->jobsByStatus.at("completed"), 1L);
        const QString accounting = shared("accounting/htcondor_personal_pool_collector_ads.new-classad.txt");
        const auto ads = readAll(accounting, AdFormat::NewClassAd);
        QCOMPARE(static_cast<long>(ads.size()), countMatching(accounting, QStringLiteral("^\\s*\\[\\s*$")));
        QCOMPARE(ads.front().evaluateAttribute("Name").asString(), std::string("<none>"));
        QCOMPARE(ads.front().evaluateAttribute("SurplusPolicy").asString(), std::string("byquota"));
        double factor = 0;
        QVERIFY(ads.front().evaluateAttribute("PriorityFactor").toNumber(factor));
        QCOMPARE(factor, 1000.0);
    }

    void eventLogsCountEveryEvent_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* f :
            {"htcondor_test_condor.log", "lsst_group_failed_1.dag.nodes.log", "lsst_noop_failed_1.dag.nodes.log",
                "lsst_tiny_problems.dag.nodes.log", "lsst_test_pipelines_check_20240727T003507Z.dag.nodes.log",
                "lsst_test_pipelines_check_20240727T003507Z.dag.dagman.log"})
            QTest::addRow("%s", f) << QString::fromLatin1(f);
    }
    void eventLogsCountEveryEvent()
    {
        QFETCH(QString, file);
        const QString path = QStringLiteral(PP_SHARED_DIR "/htcondor-samples/event-logs/") + file;
        const auto s = inspectFile(path.toStdString());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
        QCOMPARE(s->records, countMatching(path, QStringLiteral("^\\d{3} \\(")));
        for (const auto& [code, n] : s->eventsByCode)
            QCOMPARE(n, countMatching(path, QStringLiteral("^%1 \\(").arg(QString::fromStdString(code))));
    }

    void eventTimestamps()
    {
        // ISO, local time of the submit host: 2024-07-26 19:35:19 at UTC-7 is 02:35:19 UTC the next day.
        std::vector<JobEvent> events;
        Warnings warnings;
        EventLogOptions options;
        options.utcOffsetSeconds = -7 * 3600;
        auto read = readEventLog(
            shared("event-logs/lsst_test_pipelines_check_20240727T003507Z.dag.nodes.log").toStdString(), options,
            [&](const JobEvent& e) { events.push_back(e); }, warnings);
        QVERIFY(read.ok());
        QCOMPARE(events.front().code, 0);
        QCOMPARE(events.front().cluster, 1164L);
        QCOMPARE(events.front().time, daysFromCivil(2024, 7, 27) * 86400 + 2 * 3600 + 35 * 60 + 19);
        QCOMPARE(events.at(1).code, 1);
        QCOMPARE(events.at(1).cores, 1); // "Cpus = 1" of the dynamic slot
        // Legacy MM/DD dates take the year the user gives.
        std::vector<JobEvent> legacy;
        EventLogOptions year;
        year.legacyYear = 2005;
        QVERIFY(readEventLog(
            shared("event-logs/htcondor_test_condor.log").toStdString(), year,
            [&](const JobEvent& e) { legacy.push_back(e); }, warnings)
                    .ok());
        QCOMPARE(legacy.front().time, daysFromCivil(2005, 3, 20) * 86400 + 21 * 3600 + 4 * 60 + 58);
        QCOMPARE(daysFromCivil(1970, 1, 1), std::int64_t(0));
        QCOMPARE(daysFromCivil(2027, 1, 4) * 86400, std::int64_t(1799020800));
    }

    void jsonEventLog()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "events.json",
            "{\n  \"MyType\": \"SubmitEvent\",\n  \"EventTypeNumber\": 0,\n  \"EventTime\": "
            "\"2026-01-02T03:04:05Z\",\n  \"Cluster\": 7,\n  \"Proc\": 0\n}\n"
            "{\n  \"MyType\": \"ExecuteEvent\",\n  \"EventTypeNumber\": 1,\n  \"EventTime\": "
            "\"2026-01-02T03:05:05.250Z\",\n  \"Cluster\": 7,\n  \"Proc\": 0\n}\n");
        const auto s = inspectFile(path.toStdString());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
        QCOMPARE(s->format, std::string("event-log-json"));
        QCOMPARE(s->records, 2L);
        QCOMPARE(s->spanEnd - s->spanStart, std::int64_t(60));
    }

    // An empty output (condor_q -json for an empty queue) is no error: a file with no ads, said as such.
    void anEmptyOutputHoldsNoAds_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("0 bytes") << QByteArray();
        QTest::addRow("blank lines") << QByteArray("\n  \n\t\n");
    }
    void anEmptyOutputHoldsNoAds()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "q.json", content);
        const auto s = inspectFile(path.toStdString());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
        QCOMPARE(s->format, std::string("empty"));
        QCOMPARE(s->records, 0L);
        QCOMPARE(s->warnings.size(), std::size_t {1});
    }

    void brokenInputs_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<long>("line");
        QTest::addRow("random bytes") << QByteArray("\x01\x02\x03\x04\xff\xfe", 6) << QStringLiteral("not a format")
                                      << 1L;
        QTest::addRow("stray NUL in an ad")
            << QByteArray("MyType = \"Machine\"\nCpus = 4\0\n", 28) << QStringLiteral("binary data") << 2L;
        QTest::addRow("truncated JSON") << QByteArray(
            "[\n{\n  \"MyType\": \"Machine\",\n  \"Cpus\": 4\n}\n,\n{\n  \"MyType\": \"Mach")
                                        << QStringLiteral("truncated") << 8L;
        QTest::addRow("bad JSON inside an object")
            << QByteArray("[\n{\n  \"Cpus\": 4,,\n  \"State\": \"Claimed\"\n}\n]\n") << QStringLiteral("invalid JSON")
            << 2L;
        QTest::addRow("garbage line in a long ad")
            << QByteArray("MyType = \"Machine\"\nCpus = 4\nthis is not an attribute\n")
            << QStringLiteral("expected 'Name = value'") << 3L;
        QTest::addRow("unclosed new ClassAd")
            << QByteArray("[\n  Name = \"x\";\n  Cpus = 4;\n") << QStringLiteral("not closed") << 3L;
        QTest::addRow("an HTCondor daemon log") << QByteArray(
            "11/26/26 05:00:47 ******************************************\n11/26/26 05:00:47 ** condor_defrag\n")
                                                << QStringLiteral("an HTCondor daemon log") << 1L;
        // The shape of the real recordings' submit files (../shared/.../jobs/*.sub): named for what it is, at its
        // `queue` statement, not as a ClassAd with a bad line.
        QTest::addRow("a condor_submit description")
            << QByteArray("universe = vanilla\nexecutable = /bin/sleep\narguments = 300\nrequest_cpus = 1\n"
                          "accounting_group = group_phenix\n+SimUser = \"ed\"\nqueue 10\n")
            << QStringLiteral("a condor_submit description") << 7L;
        QTest::addRow("event log cut in a header")
            << QByteArray("000 (1.0.0) 2024-07-26 19:35:19 Job submitted\n...\n001 (1.0")
            << QStringLiteral("event header") << 3L;
    }
    void brokenInputs()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QFETCH(long, line);
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "broken", content);
        const auto s = inspectFile(path.toStdString());
        QVERIFY(!s.ok());
        QCOMPARE(QString::fromStdString(s.error().source), path);
        QCOMPARE(s.error().line, line);
        QVERIFY2(QString::fromStdString(s.error().reason).contains(reason), s.error().reason.c_str());
    }

    void aStringWhereANumberBelongsIsAWarning()
    {
        // A value that does not parse as a ClassAd expression is dropped with a warning naming the line and the
        // attribute; the rest of the ad stays.
        QTemporaryDir dir;
        const QString path = writeTemp(
            dir, "slot.ads", "MyType = \"Machine\"\nSlotType = \"Static\"\nCpus = 4 cores\nState = \"Claimed\"\n");
        Warnings warnings;
        const auto ads = readAll(path, AdFormat::Long, &warnings);
        QCOMPARE(ads.size(), std::size_t(1));
        QCOMPARE(warnings.items.size(), std::size_t(1));
        QCOMPARE(warnings.items[0].line, 3L);
        QVERIFY(QString::fromStdString(warnings.items[0].reason).contains(QStringLiteral("attribute Cpus")));
        QCOMPARE(ads[0].evaluateAttribute("State").asString(), std::string("Claimed"));
    }

    void directoriesAndMissingFiles()
    {
        QTemporaryDir dir;
        QCOMPARE(QString::fromStdString(inspectFile(dir.path().toStdString()).error().reason),
            QStringLiteral("is a directory, not a file"));
        QCOMPARE(QString::fromStdString(inspectFile(dir.filePath(QStringLiteral("nope")).toStdString()).error().reason),
            QStringLiteral("no such file"));
    }

    void historyBecomesAWorkload()
    {
        // The completed job ran from 300 s after submit to 3600 s: 3300 s of 1 core; the idle one is skipped.
        Warnings warnings;
        const auto w = readWorkload(data("two-jobs.history").toStdString(), {}, warnings);
        QVERIFY2(w.ok(), w.ok() ? "" : w.error().message().c_str());
        QCOMPARE(w->jobs.size(), std::size_t(1));
        QCOMPARE(w->jobs[0].runtime, 3300u);
        QCOMPARE(w->jobs[0].cores, std::uint16_t(1));
        QCOMPARE(w->submitters.at(0), std::string("bbockelm"));
        QCOMPARE(w->epoch, std::int64_t(1357311627));
        QCOMPARE(warnings.items.size(), std::size_t(1));
        // RequestMemory = ifthenelse(MemoryUsage isnt undefined, MemoryUsage, (ImageSize + 1023) / 1024), evaluated
        // and rounded up to 128 MB as the startd does.
        QCOMPARE(w->jobs[0].memoryMb % 128, 0u);
    }

    void eventLogBecomesAWorkload()
    {
        // Jobs count when an execute (001) is followed by a termination (005): 24 of the 25 nodes here.
        const QString path = shared("event-logs/lsst_group_failed_1.dag.nodes.log");
        Warnings warnings;
        WorkloadReadOptions options;
        options.eventLogSubmitter = "lsst.pipeline";
        const auto w = readWorkload(path.toStdString(), options, warnings);
        QVERIFY(w.ok());
        QCOMPARE(static_cast<long>(w->jobs.size()), countMatching(path, QStringLiteral("^005 \\(")));
        QCOMPARE(w->submitters, std::vector<std::string> {"lsst.pipeline"});
    }

    void notebooksAreRecognised()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "notebooks.jsonl",
            "{\"MyType\":\"Job\",\"Cmd\":\"/bin/sh\",\"Args\":\"-c 'exec batchspawner-singleuser "
            "jupyterhub-singleuser'\",\"QDate\":1000,"
            "\"JobCurrentStartDate\":1030,\"CompletionDate\":4630,\"JobStatus\":3,\"RequestCpus\":1,\"RequestMemory\":"
            "2048,\"Owner\":\"ann\"}\n"
            "{\"MyType\":\"Job\",\"Cmd\":\"/usr/bin/"
            "reco\",\"QDate\":1000,\"JobCurrentStartDate\":1100,\"CompletionDate\":1200,"
            "\"JobStatus\":4,\"RequestCpus\":8,\"RequestMemory\":\"\\/Expr(4 * "
            "1024)\\/\",\"AcctGroup\":\"atlas.prod\",\"AcctGroupUser\":\"bob\"}\n");
        Warnings warnings;
        const auto w = readWorkload(path.toStdString(), {}, warnings);
        QVERIFY2(w.ok(), w.ok() ? "" : w.error().message().c_str());
        QCOMPARE(w->jobs.size(), std::size_t(2));
        QCOMPARE(w->jobs[0].kind, std::uint16_t(Notebook));
        QCOMPARE(w->jobs[0].runtime, 3600u);
        QCOMPARE(w->jobs[1].kind, std::uint16_t(Batch));
        QCOMPARE(w->jobs[1].memoryMb, 4096u);
        QCOMPARE(w->submitters.at(w->jobs[1].submitter), std::string("atlas.prod.bob"));
    }

    void notAWorkload()
    {
        Warnings warnings;
        const auto config
            = readWorkload(shared("configs/job_hgq_negfail_basic_van.condor_config").toStdString(), {}, warnings);
        QVERIFY(!config.ok());
        QVERIFY(QString::fromStdString(config.error().reason).contains(QStringLiteral("not a workload")));
        const auto idle
            = readWorkload(shared("job-ads/htcondor_python_bindings_test.old.ad").toStdString(), {}, warnings);
        QVERIFY(!idle.ok());
        QVERIFY(QString::fromStdString(idle.error().reason).contains(QStringLiteral("no finished jobs")));
    }

    void slotAdsBecomeAPool_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("cores");
        QTest::addColumn<long>("memory");
        // The p-slot's TotalSlotCpus/TotalSlotMemory (8, 15940); its dynamic slots add nothing.
        QTest::addRow("partitionable, long")
            << shared("machine-ads/htcondor_StatusAds_partionable8core.long.ads") << 8 << 15940L;
        QTest::addRow("partitionable, -json") << data("partitionable8core.status.json") << 8 << 15940L;
        // Four static slots of 1 core and 3985 MB on one host.
        QTest::addRow("static slots") << shared("machine-ads/htcondor_StatusAds_basic4slot.long.ads") << 4 << 4 * 3985L;
    }
    void slotAdsBecomeAPool()
    {
        QFETCH(QString, path);
        QFETCH(int, cores);
        QFETCH(long, memory);
        Warnings warnings;
        const auto pool = readPool(path.toStdString(), warnings);
        QVERIFY2(pool.ok(), pool.ok() ? "" : pool.error().message().c_str());
        QCOMPARE(pool->machines.size(), std::size_t(1));
        QCOMPARE(pool->machines[0].name, std::string("ingwe.cs.wisc.edu"));
        QCOMPARE(pool->machines[0].cores, cores);
        QCOMPARE(pool->machines[0].memoryMb, memory);
        QVERIFY(!readPool(shared("event-logs/lsst_tiny_problems.dag.nodes.log").toStdString(), warnings).ok());
    }
    void anExperimentAttributeNamesTheOwner()
    {
        // STARTD_ATTRS = $(STARTD_ATTRS) Experiment: the slots say who contributed the machine.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("owned.ads"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("MyType = \"Machine\"\nName = \"slot1@wn1\"\nMachine = \"wn1\"\nPartitionableSlot = true\n"
                   "Cpus = 8\nTotalSlotCpus = 8\nMemory = 16000\nExperiment = \"atlas\"\n\n"
                   "MyType = \"Machine\"\nName = \"slot1@wn2\"\nMachine = \"wn2\"\nPartitionableSlot = true\n"
                   "Cpus = 4\nTotalSlotCpus = 4\nMemory = 8000\n");
        file.close();
        Warnings warnings;
        const auto pool = readPool(path.toStdString(), warnings);
        QVERIFY2(pool.ok(), pool.ok() ? "" : pool.error().message().c_str());
        QCOMPARE(pool->machines.size(), std::size_t(2));
        QCOMPARE(pool->machines[0].owner, std::string("atlas"));
        QVERIFY(pool->machines[1].owner.empty());
        QCOMPARE(pool->contributions(), (std::vector<std::pair<std::string, long>> {{"atlas", 8}}));
    }

    void afTablesFromLapis()
    {
        // condor_history -af columns under a header (17 anonymised real jobs); completed when CompletionDate > 0.
        const QString jobs = shared("history/lapis_htcondor_jobs.af.csv");
        const QStringList rows = lines(jobs);
        const int completionColumn
            = rows.front().split(QLatin1Char(' '), Qt::SkipEmptyParts).indexOf(QStringLiteral("CompletionDate"));
        long completed = 0;
        long total = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const auto fields = rows[i].split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (fields.isEmpty())
                continue;
            ++total;
            completed += fields.at(completionColumn).toLongLong() > 0 ? 1 : 0;
        }
        const auto s = inspectFile(jobs.toStdString());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
        QCOMPARE(s->format, std::string("condor-af"));
        QCOMPARE(s->records, total);
        QCOMPARE(s->jobsByStatus.at("completed"), completed);
        Warnings warnings;
        const auto w = readWorkload(jobs.toStdString(), {}, warnings);
        QVERIFY(w.ok());
        QCOMPARE(static_cast<long>(w->jobs.size()), completed);
        // The machine census: Count machines of TotalSlotCPUs each (2x2, 2x2, 1x8, 1x4).
        const auto pool = readPool(shared("history/lapis_htcondor_pools.csv").toStdString(), warnings);
        QVERIFY2(pool.ok(), pool.ok() ? "" : pool.error().message().c_str());
        QCOMPARE(pool->machines.size(), std::size_t(6));
        QCOMPARE(pool->totalCores(), 20L);
        QCOMPARE(pool->largestMachineMemoryMb(), 32200L);
    }

    void absurdSwfFieldsAreSkippedNotCast()
    {
        // Found by fuzz_readers: a user id of 1e300 was cast to long (undefined behaviour, caught by UBSan).
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "absurd.swf",
            "1 0 0 100 1 -1 -1 1 -1 -1 1 1e300 1 -1 -1 -1 -1 -1\n2 5 0 100 1 -1 -1 1 -1 1e300 1 3 1 -1 -1 -1 -1 -1\n"
            "3 9 0 100 1 -1 -1 1 -1 -1 1 3 1 -1 -1 -1 -1 -1\n");
        Warnings warnings;
        const auto w = readSwf(path.toStdString(), {}, warnings);
        QVERIFY(w.ok());
        QCOMPARE(w->jobs.size(), std::size_t(1));
        QCOMPARE(warnings.items.size(), std::size_t(1));
    }

    void accountingForms()
    {
        // No real output of these was available (docs/HTCONDOR.md §7 gaps): written to the documented forms (§6.5).
        QTemporaryDir dir;
        const QString legacy = writeTemp(dir, "userprio-long",
            "LastUpdate = 1776358092\nNumSubmittors = 3\nName1 = \"atlas\"\nIsAccountingGroup1 = true\nPriority1 = "
            "500.0\n"
            "Name2 = \"atlas.prod.ann@example.org\"\nIsAccountingGroup2 = false\nPriority2 = 1500.0\n"
            "Name3 = \"cms.bob@example.org\"\nIsAccountingGroup3 = false\nPriority3 = 2500.0\n");
        const auto s = inspectFile(legacy.toStdString());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
        QCOMPARE(s->records, 1L);
        QCOMPARE(s->groups, (std::set<std::string> {"atlas", "atlas.prod", "cms"}));
        const QString modular = writeTemp(dir, "userprio-modular",
            "Name = \"atlas\"\nIsAccountingGroup = true\nPriority = 500.0\n\nName = "
            "\"dune.carl@example.org\"\nIsAccountingGroup = false\n"
            "Priority = 700.0\n\n");
        const auto m = inspectFile(modular.toStdString());
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message().c_str());
        QCOMPARE(m->records, 2L);
        QCOMPARE(m->groups, (std::set<std::string> {"atlas", "dune"}));
        const QString submitters = writeTemp(dir, "submitters.jsonl",
            "{\"MyType\":\"Submitter\",\"Name\":\"star.eve@bnl.gov\",\"IdleJobs\":12,\"RunningJobs\":30}\n");
        const auto sub = inspectFile(submitters.toStdString());
        QVERIFY(sub.ok());
        QCOMPARE(sub->groups, std::set<std::string> {"star"});
    }

    void snapshotSimulatesForward()
    {
        // HTCondor's own 8-core machine: four 1-core dynamic slots claimed by bt@cs.wisc.edu since JobStart
        // (1417808314), the ads written at MyCurrentTime 1417808323. With an accounting record and a model,
        // the simulation starts there, with those four jobs running and the user's priority restored.
        QTemporaryDir dir;
        const QString accounting = writeTemp(dir, "userprio",
            "Name = \"bt@cs.wisc.edu\"\nIsAccountingGroup = false\nPriority = 4000.0\n"
            "PriorityFactor = 1000.0\nWeightedAccumulatedUsage = 7200.0\n");
        WorkloadModel model;
        GroupWorkloadModel group;
        group.users = {"bt"};
        group.userWeights = {1};
        group.shapes = {{7200, 0, 1, Batch}};
        model.groups = {group};
        Warnings warnings;
        const auto scenario
            = loadSnapshot({shared("machine-ads/htcondor_StatusAds_partionable8core.long.ads").toStdString(),
                               accounting.toStdString()},
                model, 3600, 1, warnings);
        QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().message().c_str());
        QCOMPARE(scenario->pool.machines.size(), std::size_t(1));
        QCOMPARE(scenario->pool.machines[0].cores, 8);
        QCOMPARE(scenario->running.size(), std::size_t(4));
        QCOMPARE(*scenario->startTime, std::int64_t(1417808323 - 1417808314));
        QCOMPARE(scenario->priorities.size(), std::size_t(1));
        QCOMPARE(scenario->priorities[0].realPriority, 4.0);
        QCOMPARE(scenario->priorities[0].accumulatedUsage, 7200.0);

        SimulationOptions options;
        options.sampleInterval = 60;
        Simulator simulator(*scenario, options);
        QCOMPARE(simulator.runningJobs().size(), std::size_t(4)); // running before the first event
        const Result result = simulator.run();
        QCOMPARE(result.poolSeries.front().claimedCores, 4.0f);
        // They run for the model's 7200 s from JobStart, so none ends within the hour.
        QCOMPARE(result.jobsCompleted, 0L);
        QVERIFY(result.jobs[scenario->running[0].job].firstStart < 0); // started before the simulation did
        // A snapshot without slot ads has no pool.
        QVERIFY(!loadSnapshot({accounting.toStdString()}, model, 3600, 1, warnings).ok());
    }

    void utcOffsets()
    {
        QCOMPARE(text::parseUtcOffset("+02:00").value(), 7200L);
        QCOMPARE(text::parseUtcOffset("-0530").value(), -(5 * 3600 + 30 * 60));
        QCOMPARE(text::parseUtcOffset("Z").value(), 0L);
        QVERIFY(!text::parseUtcOffset("+25:00"));
        QVERIFY(!text::parseUtcOffset("CEST"));
    }

    void inspectJsonHasTheContractKeys()
    {
        const auto s = inspectFile(shared("event-logs/lsst_tiny_problems.dag.nodes.log").toStdString());
        const QByteArray json = QByteArray::fromStdString(inspectJson({*s}));
        const auto doc = QJsonDocument::fromJson(json);
        QVERIFY(doc.isArray());
        const QJsonObject o = doc.array().at(0).toObject();
        for (const char* key : {"path", "format", "records", "warnings", "events", "events_by_code", "groups"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("events_by_code")).toObject().value(QStringLiteral("005")).toInt(), 5);
    }
};

QTEST_GUILESS_MAIN(SnapshotsTest)
#include "tst_snapshots.moc"
