// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "../realpoolfiles.h"
#include "../testfiles.h"

#include <QtTest>

#include "clirun.h"
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <map>

namespace {

/// The replayable jobs of an SWF file, read here independently of the engine: core-seconds per group
/// ("" = no group), for jobs with a runtime and a submit time that fit on a machine of `machineCores`.
struct TraceTotals
{
    long jobs = 0;
    double coreSeconds = 0;
    double lastEnd = 0; ///< max(submit + runtime) - min(submit)
    std::map<QString, double> coreSecondsPerGroup;
    std::map<QString, long> jobsPerGroup;
};

TraceTotals traceTotals(const QString& path, int machineCores)
{
    TraceTotals t;
    double firstSubmit = -1;
    double lastEnd = 0;
    for (const QByteArray& raw : readAll(path).split('\n')) {
        const QByteArray line = raw.simplified();
        if (line.isEmpty() || line.startsWith(';'))
            continue;
        const QList<QByteArray> f = line.split(' ');
        if (f.size() < 18)
            return {};
        const double submit = f[1].toDouble(), runtime = f[3].toDouble(), allocated = f[4].toDouble(),
                     requested = f[7].toDouble();
        const double cores = allocated > 0 ? allocated : requested;
        if (submit < 0 || runtime < 0 || cores <= 0 || cores > machineCores)
            continue;
        const long group = f[12].toLong();
        const QString name = group < 0 ? QString() : QStringLiteral("g%1").arg(group);
        ++t.jobs;
        t.coreSeconds += cores * runtime;
        t.coreSecondsPerGroup[name] += cores * runtime;
        ++t.jobsPerGroup[name];
        if (firstSubmit < 0 || submit < firstSubmit)
            firstSubmit = submit;
        lastEnd = std::max(lastEnd, submit + runtime);
    }
    t.lastEnd = lastEnd - firstSubmit;
    return t;
}

QByteArray withoutWallSeconds(const QByteArray& json)
{
    QByteArray out;
    for (const QByteArray& line : json.split('\n'))
        if (!line.contains("\"wall_seconds\""))
            out += line + '\n';
    return out;
}

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void allocateWorkedExample_data();
    void allocateWorkedExample();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void simulateJsonConservesCoreHours_data();
    void simulateJsonConservesCoreHours();
    void simulateIsDeterministic();
    void aTraceAloneRunsOnItsHeaderWithTheDefaults();
    void theResultGoesWholeToAFileOrAsItIsToAPipe();
    void everyCommandHasItsOwnHelp();
    void inspectNamesTheWidestJobAndTheHeadersMachines();
    void selfReferentialMacroDoesNotHang();
    void inspectReadsWhatItCanAndFailsOnTheRest();
    void exportConfigWritesTheChange();
    void anyJsonValueInAnAdIsRead_data();
    void anyJsonValueInAnAdIsRead();
    void brokenPoolFilesAreNamed_data();
    void brokenPoolFilesAreNamed();
    void skippedJobsAreNotesWithTheirShare();
    void everyRealPollIsReadAndSimulated();
    void validateComparesARealPoolWithItsReplay();
    void explainSaysWhyARealPoolsGroupsWaited();
    void explainSaysWhatWaitsNowInARealPoll();
    void forecastPlaysARealPollForward();
    void suggestMeetsATargetAndWritesTheSnippetAndTheSheet();

private:
    QString path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)); }
    QTemporaryDir m_dir;
};

void CliTest::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(PP_CLI_PATH)));
    QVERIFY(m_dir.isValid());
    const QByteArray example = readAll(dataPath("hgq-worked-example.condor_config"));
    QVERIFY(example.contains("GROUP_NAMES = a, b, c, a.x, a.y"));
    QVERIFY(
        writeFile(path("no-oversubscription.cfg"), example + "\nNEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION = False\n"));
    QVERIFY(writeFile(path("empty.cfg"), QByteArray()));
    QVERIFY(writeFile(path("orphan.cfg"), "# a group without its parent\nGROUP_NAMES = a, b.c\nGROUP_QUOTA_a = 10\n"));
    QVERIFY(writeFile(path("badline.cfg"), "A = 1\nB = 2\nthis is not a knob\n"));
    QVERIFY(writeFile(path("negative.cfg"), "GROUP_NAMES = a\n\nGROUP_QUOTA_a = -4\n"));
    QVERIFY(writeFile(path("groups.cfg"),
        "GROUP_NAMES = g1, g2\nGROUP_QUOTA_DYNAMIC_g1 = 0.5\nGROUP_QUOTA_DYNAMIC_g2 = 0.5\nGROUP_ACCEPT_SURPLUS = "
        "True\n"));

    const QByteArray good = " 41553  6826989       4   41214 1  41189   34844 1 259200     -1 1 24  2 -1 5 1 -1 -1\n";
    QVERIFY(writeFile(
        path("cut.swf"), "; UnixStartTime: 1091615532\n" + good + " 41554  6827010       9   24703 1  24671\n" + good));
    QVERIFY(writeFile(path("word.swf"),
        good + good + good
            + " 41554  6827010       9   24703 1  24671   34828 1 259200     -1 1 alice  2 -1 5 1 -1 -1\n"));
    QVERIFY(writeFile(path("binary.swf"), good + good + QByteArray("41554 6827010\0 9", 16) + "\n"));
    QVERIFY(writeFile(path("empty.swf"), QByteArray()));
    QVERIFY(writeFile(path("noheader.swf"), good + good));
    {
        QFile sparse(path("sparse.swf"));
        QVERIFY(sparse.open(QIODevice::WriteOnly));
        QVERIFY(sparse.resize(qint64(2) * 1024 * 1024 * 1024));
    }
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("traces.d")));
    QVERIFY(writeFile(path("zero.pool"), "# pool\n0 8\n"));
    QVERIFY(writeFile(path("bad.map"), "g1 = atlas\ng2 atlas\n"));
    QVERIFY(QFile::link(path("loop-b"), path("loop-a")) && QFile::link(path("loop-a"), path("loop-b")));
    const CliRun fit = runCli({QStringLiteral("fit"), QStringLiteral("--trace"), dataPath("lpc-egee-slice.swf"),
        QStringLiteral("--out"), path("lpc.model")});
    QVERIFY2(fit.exitCode == 0, describe(fit).constData());
}

// ------------------------------------------------------------------------------------------------

void CliTest::allocateWorkedExample_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<bool>("oversubscription");
    QTest::addColumn<QVariantMap>("allocated");
    QTest::addColumn<double>("total");

    // docs/HTCONDOR.md §2.10: pool 100, demand a.x=100, b=10, c=30, <none>=5.
    QTest::addRow("oversubscription on (the default): 140 > pool")
        << dataPath("hgq-worked-example.condor_config") << true
        << QVariantMap {{QStringLiteral("<none>"), 5.0}, {QStringLiteral("a"), 0.0}, {QStringLiteral("b"), 10.0},
               {QStringLiteral("c"), 25.0}, {QStringLiteral("a.x"), 100.0}, {QStringLiteral("a.y"), 0.0}}
        << 140.0;
    QTest::addRow("NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION = False: 100")
        << path("no-oversubscription.cfg") << false
        << QVariantMap {{QStringLiteral("<none>"), 5.0}, {QStringLiteral("a"), 0.0}, {QStringLiteral("b"), 10.0},
               {QStringLiteral("c"), 9.44}, {QStringLiteral("a.x"), 75.56}, {QStringLiteral("a.y"), 0.0}}
        << 100.0;
}

void CliTest::allocateWorkedExample()
{
    QFETCH(QString, config);
    QFETCH(bool, oversubscription);
    QFETCH(QVariantMap, allocated);
    QFETCH(double, total);
    const QStringList args {QStringLiteral("allocate"), QStringLiteral("--config"), config,
        QStringLiteral("--pool-size"), QStringLiteral("100"), QStringLiteral("--demand"),
        QStringLiteral("a.x=100,b=10,c=30,<none>=5")};

    const CliRun run = runCli(args + QStringList {QStringLiteral("--json")});
    QVERIFY2(run.finished && !run.crashed && run.exitCode == 0, describe(run).constData());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(QStringLiteral("pool_size")).toDouble(), 100.0);
    QCOMPARE(root.value(QStringLiteral("allow_quota_oversubscription")).toBool(!oversubscription), oversubscription);
    const QJsonArray groups = root.value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups.size(), qsizetype(6));
    QVariantMap got;
    QVariantMap quotas;
    double sum = 0;
    for (const QJsonValue& g : groups) {
        const QJsonObject o = g.toObject();
        got.insert(o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("allocated")).toDouble());
        quotas.insert(o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("quota")).toDouble());
        sum += o.value(QStringLiteral("allocated")).toDouble();
    }
    QCOMPARE(got.keys(), allocated.keys());
    for (auto it = allocated.cbegin(); it != allocated.cend(); ++it)
        QVERIFY2(std::abs(got.value(it.key()).toDouble() - it.value().toDouble()) <= 0.01,
            qPrintable(QStringLiteral("%1: allocated %2, expected %3")
                           .arg(it.key())
                           .arg(got.value(it.key()).toDouble())
                           .arg(it.value().toDouble())));
    QVERIFY2(std::abs(sum - total) <= 0.02, qPrintable(QStringLiteral("total %1").arg(sum)));
    // The quotas of §2.10: root children S = 80, D = 0.25 of the 20 left; a's children half of a's 40 each.
    QCOMPARE(quotas.value(QStringLiteral("<none>")).toDouble(), 15.0);
    QCOMPARE(quotas.value(QStringLiteral("b")).toDouble(), 40.0);
    QCOMPARE(quotas.value(QStringLiteral("c")).toDouble(), 5.0);
    QCOMPARE(quotas.value(QStringLiteral("a.x")).toDouble(), 20.0);
    QCOMPARE(quotas.value(QStringLiteral("a.y")).toDouble(), 20.0);

    // The table says the same, with its total line.
    const CliRun table = runCli(args);
    QVERIFY2(table.finished && table.exitCode == 0, describe(table).constData());
    QVERIFY(table.out.contains(oversubscription ? "NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION = True"
                                                : "NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION = False"));
    QByteArray totalLine;
    for (const QByteArray& line : table.out.split('\n'))
        if (line.startsWith("total"))
            totalLine = line.simplified();
    QCOMPARE(totalLine, QByteArray("total ") + QByteArray::number(total, 'f', 2));
}

// ------------------------------------------------------------------------------------------------

void CliTest::badInputIsRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("stderrHas");

    const QString cfg = dataPath("hgq-worked-example.condor_config");
    const QString empty = path("empty.cfg");
    const auto allocate = [&](const QString& config, const QString& pool, const QString& demand) {
        return QStringList {QStringLiteral("allocate"), QStringLiteral("--config"), config,
            QStringLiteral("--pool-size"), pool, QStringLiteral("--demand"), demand};
    };
    const auto simulate
        = [&](const QString& trace, const QStringList& more = {QStringLiteral("--cores"), QStringLiteral("8")}) {
              return QStringList {QStringLiteral("simulate"), QStringLiteral("--config"), empty,
                         QStringLiteral("--trace"), trace}
              + more;
          };
    const QString lpc = dataPath("lpc-egee-slice.swf");

    QTest::addRow("unknown group in --demand") << allocate(cfg, QStringLiteral("100"),
        QStringLiteral("a.x=10,zzz=5")) << 1 << QStringList {QStringLiteral("--demand"), QStringLiteral("'zzz'")};
    QTest::addRow("demand item without =")
        << allocate(cfg, QStringLiteral("100"), QStringLiteral("a.x")) << 1 << QStringList {QStringLiteral("--demand")};
    QTest::addRow("negative demand") << allocate(cfg, QStringLiteral("100"), QStringLiteral("b=-3")) << 1
                                     << QStringList {QStringLiteral("--demand"), QStringLiteral("'b'")};
    QTest::addRow("negative pool size") << allocate(cfg, QStringLiteral("-5"), QStringLiteral("b=1")) << 1
                                        << QStringList {QStringLiteral("--pool-size"), QStringLiteral("'-5'")};
    QTest::addRow("pool size not a number") << allocate(cfg, QStringLiteral("lots"), QStringLiteral("b=1")) << 1
                                            << QStringList {QStringLiteral("--pool-size")};
    QTest::addRow("missing config file") << allocate(path("missing.cfg"), QStringLiteral("100"), QStringLiteral("b=1"))
                                         << 1 << QStringList {path("missing.cfg") + QStringLiteral(": no such file")};
    QTest::addRow("config with an orphan group")
        << allocate(path("orphan.cfg"), QStringLiteral("100"), QStringLiteral("a=1")) << 1
        << QStringList {path("orphan.cfg") + QStringLiteral(":2:"), QStringLiteral("'b.c'")};
    QTest::addRow("config with a line that is not a knob") << allocate(path("badline.cfg"), QStringLiteral("100"),
        QString()) << 1 << QStringList {path("badline.cfg") + QStringLiteral(":3:")};
    QTest::addRow("config with a negative quota") << allocate(path("negative.cfg"), QStringLiteral("100"),
        QString()) << 1 << QStringList {path("negative.cfg") + QStringLiteral(":3:"), QStringLiteral("GROUP_QUOTA_a")};
    QTest::addRow("config is a directory") << allocate(m_dir.path(), QStringLiteral("100"), QString()) << 1
                                           << QStringList {m_dir.path() + QStringLiteral(": is a directory")};

    QTest::addRow("simulate: SWF line cut after 6 fields") << simulate(
        path("cut.swf")) << 1 << QStringList {path("cut.swf") + QStringLiteral(":3:"), QStringLiteral("18")};
    QTest::addRow("simulate: word where a number belongs")
        << simulate(path("word.swf")) << 1
        << QStringList {path("word.swf") + QStringLiteral(":4:"), QStringLiteral("field 12 ('alice')")};
    QTest::addRow("simulate: binary trace") << simulate(
        path("binary.swf")) << 1 << QStringList {path("binary.swf") + QStringLiteral(":3:"), QStringLiteral("binary")};
    QTest::addRow("simulate: 2 GB sparse trace of NULs") << simulate(
        path("sparse.swf")) << 1 << QStringList {path("sparse.swf") + QStringLiteral(":1:"), QStringLiteral("binary")};
    QTest::addRow("simulate: empty trace")
        << simulate(path("empty.swf")) << 1 << QStringList {path("empty.swf") + QStringLiteral(": empty file")};
    QTest::addRow("simulate: trace is a directory")
        << simulate(path("traces.d")) << 1 << QStringList {path("traces.d") + QStringLiteral(": is a directory")};
    QTest::addRow("simulate: a symlink loop")
        << simulate(path("loop-a")) << 1 << QStringList {path("loop-a") + QStringLiteral(": cannot be read: ")};
    QTest::addRow("simulate: missing trace")
        << simulate(path("nope.swf")) << 1 << QStringList {path("nope.swf") + QStringLiteral(": no such file")};
    QTest::addRow("simulate: config with an orphan group") << QStringList {QStringLiteral("simulate"),
        QStringLiteral("--config"), path("orphan.cfg"), QStringLiteral("--trace"), lpc, QStringLiteral("--cores"),
        QStringLiteral("8")} << 1 << QStringList {path("orphan.cfg") + QStringLiteral(":2:")};
    QTest::addRow("simulate: --cores 0") << simulate(lpc, {QStringLiteral("--cores"), QStringLiteral("0")}) << 1
                                         << QStringList {QStringLiteral("--cores"), QStringLiteral("'0'")};
    QTest::addRow("simulate: --cores -4") << simulate(lpc, {QStringLiteral("--cores"), QStringLiteral("-4")}) << 1
                                          << QStringList {QStringLiteral("--cores")};
    QTest::addRow("simulate: no pool, and no header to take it from")
        << simulate(path("noheader.swf"), {}) << 1
        << QStringList {path("noheader.swf") + QStringLiteral(": the trace does not say which machines ran it"),
               QStringLiteral("--cores")};
    QTest::addRow("simulate: a model with no pool")
        << QStringList {QStringLiteral("simulate"), QStringLiteral("--model"), path("lpc.model")} << 1
        << QStringList {QStringLiteral("--cores"), QStringLiteral("a model needs machines")};
    QTest::addRow("simulate: --machine-cores abc") << simulate(lpc,
        {QStringLiteral("--cores"), QStringLiteral("8"), QStringLiteral("--machine-cores"),
            QStringLiteral("abc")}) << 1 << QStringList {QStringLiteral("--machine-cores"), QStringLiteral("'abc'")};
    QTest::addRow("simulate: --horizon xyz") << simulate(
        lpc, {QStringLiteral("--cores"), QStringLiteral("8"), QStringLiteral("--horizon"), QStringLiteral("xyz")})
                                             << 1 << QStringList {QStringLiteral("--horizon"), QStringLiteral("'xyz'")};
    QTest::addRow("simulate: --seed -1") << simulate(
        lpc, {QStringLiteral("--cores"), QStringLiteral("8"), QStringLiteral("--seed"), QStringLiteral("-1")})
                                         << 1 << QStringList {QStringLiteral("--seed")};
    QTest::addRow("simulate: pool file with 0 machines")
        << simulate(lpc, {QStringLiteral("--pool"), path("zero.pool")}) << 1
        << QStringList {path("zero.pool") + QStringLiteral(":2:")};
    QTest::addRow("simulate: group map with a bad line")
        << simulate(lpc, {QStringLiteral("--cores"), QStringLiteral("8"), QStringLiteral("--map"), path("bad.map")})
        << 1 << QStringList {path("bad.map") + QStringLiteral(":2:")};

    const auto validate = [&](const QString& history, const QStringList& more = {}) {
        return QStringList {QStringLiteral("validate"), QStringLiteral("--history"), history, QStringLiteral("--cores"),
                   QStringLiteral("8")}
        + more;
    };
    QTest::addRow("validate: empty history") << validate(
        path("empty.swf")) << 1 << QStringList {path("empty.swf") + QStringLiteral(": no job ads to replay")};
    QTest::addRow("validate: a trace is no history")
        << validate(lpc) << 1 << QStringList {lpc + QStringLiteral(": is a swf file"), QStringLiteral("not job ads")};
    QTest::addRow("validate: binary history")
        << validate(path("binary.swf")) << 1 << QStringList {path("binary.swf") + QStringLiteral(":")};
    QTest::addRow("validate: missing history")
        << validate(path("nope.ads")) << 1 << QStringList {path("nope.ads") + QStringLiteral(": no such file")};
    QTest::addRow("validate: --to before --from") << validate(dataPath("two-jobs.history"),
        {QStringLiteral("--from"), QStringLiteral("2000"), QStringLiteral("--to"), QStringLiteral("1000")})
                                                  << 1 << QStringList {QStringLiteral("--to"), QStringLiteral("empty")};
    QTest::addRow("validate: --from not a time")
        << validate(dataPath("two-jobs.history"), {QStringLiteral("--from"), QStringLiteral("yesterday")}) << 1
        << QStringList {QStringLiteral("--from"), QStringLiteral("'yesterday'")};
    QTest::addRow("validate: --tie-seed not a seed")
        << validate(dataPath("two-jobs.history"),
               {QStringLiteral("--out"), QStringLiteral("x.json"), QStringLiteral("--tie-seed"), QStringLiteral("-1")})
        << 1 << QStringList {QStringLiteral("--tie-seed"), QStringLiteral("'-1'")};
    QTest::addRow("validate: no machines") << QStringList {QStringLiteral("validate"), QStringLiteral("--history"),
        dataPath("two-jobs.history")} << 2 << QStringList {QStringLiteral("--pool")};
    QTest::addRow("validate: no history") << QStringList {QStringLiteral("validate"), QStringLiteral("--cores"),
        QStringLiteral("8")} << 2 << QStringList {QStringLiteral("--history")};

    const auto explain = [&](const QStringList& more) { return QStringList {QStringLiteral("explain")} + more; };
    const QString demoGroup = QStringLiteral("atlas.prod");
    QTest::addRow("explain: no source") << explain({QStringLiteral("--group"), demoGroup}) << 2
                                        << QStringList {QStringLiteral("--scenario"), QStringLiteral("--snapshot")};
    QTest::addRow("explain: two sources")
        << explain({QStringLiteral("--scenario"), QStringLiteral("demo"), QStringLiteral("--result"), path("r.json")})
        << 2 << QStringList {QStringLiteral("one of")};
    QTest::addRow("explain: unknown group")
        << explain({QStringLiteral("--scenario"), QStringLiteral("demo"), QStringLiteral("--horizon"),
               QStringLiteral("1h"), QStringLiteral("--group"), QStringLiteral("zzz")})
        << 1 << QStringList {QStringLiteral("--group"), QStringLiteral("no group 'zzz'"), QStringLiteral("atlas.prod")};
    QTest::addRow("explain: --period backwards") << explain(
        {QStringLiteral("--scenario"), QStringLiteral("demo"), QStringLiteral("--period"),
            QStringLiteral("3d..1d")}) << 1 << QStringList {QStringLiteral("--period"), QStringLiteral("'3d..1d'")};
    QTest::addRow("explain: --period without ..") << explain(
        {QStringLiteral("--scenario"), QStringLiteral("demo"), QStringLiteral("--period"), QStringLiteral("2d")})
                                                  << 1 << QStringList {QStringLiteral("--period")};
    QTest::addRow("explain: --period of a snapshot") << explain(
        {QStringLiteral("--snapshot"), dataPath("partitionable8core.status.json"), QStringLiteral("--period"),
            QStringLiteral("0..1h")}) << 2 << QStringList {QStringLiteral("--period"), QStringLiteral("now")};
    QTest::addRow("explain: missing result") << explain({QStringLiteral("--result"), path("nope.json")}) << 1
                                             << QStringList {path("nope.json") + QStringLiteral(": no such file")};
    QTest::addRow("explain: a trace is no result")
        << explain({QStringLiteral("--result"), lpc}) << 1 << QStringList {lpc + QStringLiteral(":")};
    QTest::addRow("explain: binary result") << explain({QStringLiteral("--result"), path("binary.swf")}) << 1
                                            << QStringList {path("binary.swf") + QStringLiteral(":")};
    QTest::addRow("explain: empty history")
        << explain({QStringLiteral("--history"), path("empty.swf"), QStringLiteral("--cores"), QStringLiteral("8")})
        << 1 << QStringList {path("empty.swf") + QStringLiteral(":")};

    const auto forecast = [&](const QStringList& more) {
        return QStringList {
                   QStringLiteral("forecast"), QStringLiteral("--snapshot"), dataPath("partitionable8core.status.json")}
        + more;
    };
    QTest::addRow("forecast: no group") << forecast({}) << 2 << QStringList {QStringLiteral("--group")};
    QTest::addRow("forecast: unknown group")
        << forecast({QStringLiteral("--group"), QStringLiteral("zzz")}) << 1 << QStringList {QStringLiteral("'zzz'")};
    QTest::addRow("forecast: 0 cores") << forecast(
        {QStringLiteral("--group"), QStringLiteral("<none>"), QStringLiteral("--cores"), QStringLiteral("0")})
                                       << 1 << QStringList {QStringLiteral("--cores"), QStringLiteral("'0'")};
    QTest::addRow("forecast: wider than every machine")
        << forecast(
               {QStringLiteral("--group"), QStringLiteral("<none>"), QStringLiteral("--cores"), QStringLiteral("64")})
        << 1 << QStringList {QStringLiteral("--cores"), QStringLiteral("wider than every machine")};
    QTest::addRow("forecast: notebook and cores") << forecast({QStringLiteral("--group"), QStringLiteral("<none>"),
        QStringLiteral("--notebook"), QStringLiteral("--cores"), QStringLiteral("2")})
                                                  << 2 << QStringList {QStringLiteral("--notebook")};
    QTest::addRow("forecast: missing snapshot") << QStringList {QStringLiteral("forecast"),
        QStringLiteral("--snapshot"), path("nope.json"), QStringLiteral("--group"),
        QStringLiteral("<none>")} << 1 << QStringList {path("nope.json") + QStringLiteral(": no such file")};

    QTest::addRow("suggest: no targets") << QStringList {QStringLiteral("suggest"), QStringLiteral("--scenario"),
        QStringLiteral("demo")} << 2 << QStringList {QStringLiteral("--targets")};
    QTest::addRow("suggest: a target file that is a trace") << QStringList {QStringLiteral("suggest"),
        QStringLiteral("--scenario"), QStringLiteral("demo"), QStringLiteral("--targets"), lpc}
                                                            << 1 << QStringList {lpc + QStringLiteral(":")};
    QTest::addRow("suggest: missing pledges") << QStringList {QStringLiteral("suggest"), QStringLiteral("--scenario"),
        QStringLiteral("demo"), QStringLiteral("--targets"), lpc, QStringLiteral("--pledges"), path("nope.csv")}
                                              << 1 << QStringList {path("nope.csv") + QStringLiteral(": no such file")};

    QTest::addRow("unknown option") << allocate(cfg, QStringLiteral("100"), QStringLiteral("b=1"))
            + QStringList {QStringLiteral("--bogus")}
                                    << 2 << QStringList {QStringLiteral("unknown option '--bogus'")};
    QTest::addRow("unknown option to simulate")
        << simulate(lpc) + QStringList {QStringLiteral("--fast")} << 2 << QStringList {QStringLiteral("'--fast'")};
    QTest::addRow("option without its value") << QStringList {QStringLiteral("allocate"), QStringLiteral("--config")}
                                              << 2 << QStringList {QStringLiteral("--config needs a value")};
    QTest::addRow("both --cores and --pool")
        << simulate(lpc, {QStringLiteral("--cores"), QStringLiteral("8"), QStringLiteral("--pool"), path("zero.pool")})
        << 2 << QStringList {QStringLiteral("--pool")};
    QTest::addRow("unknown command") << QStringList {QStringLiteral(
        "frobnicate")} << 2 << QStringList {QStringLiteral("unknown command 'frobnicate'"), QStringLiteral("usage:")};
    QTest::addRow("no command") << QStringList {} << 2 << QStringList {QStringLiteral("usage:")};
}

void CliTest::badInputIsRefused()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QStringList, stderrHas);
    const CliRun run = runCli(args, 20000);
    QVERIFY2(run.finished, describe(run).constData());
    QVERIFY2(!run.crashed, describe(run).constData());
    QVERIFY2(run.exitCode == exitCode, describe(run).constData());
    const QString err = QString::fromUtf8(run.err);
    for (const QString& piece : stderrHas)
        QVERIFY2(err.contains(piece), qPrintable(QStringLiteral("stderr lacks \"%1\": %2").arg(piece, err)));
    QVERIFY2(run.out.isEmpty(), describe(run).constData()); // no half result on stdout
    QVERIFY2(run.ms < 10000, describe(run).constData());
}

// ------------------------------------------------------------------------------------------------

void CliTest::simulateJsonConservesCoreHours_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("trace");
    QTest::addColumn<int>("cores");
    QTest::addColumn<int>("machineCores");
    QTest::addColumn<long>("jobs"); // anchor counted by hand from the file

    QTest::addRow("LPC slice, no groups, 16 cores of 4")
        << path("empty.cfg") << dataPath("lpc-egee-slice.swf") << 16 << 4 << 49L;
    QTest::addRow("LPC slice, groups g1 and g2")
        << path("groups.cfg") << dataPath("lpc-egee-slice.swf") << 16 << 4 << 49L;
    QTest::addRow("HPC2N slice, 16 cores of 8 (parallel jobs)")
        << path("empty.cfg") << dataPath("hpc2n-slice.swf") << 16 << 8 << 11L;
}

void CliTest::simulateJsonConservesCoreHours()
{
    QFETCH(QString, config);
    QFETCH(QString, trace);
    QFETCH(int, cores);
    QFETCH(int, machineCores);
    QFETCH(long, jobs);
    const TraceTotals expected = traceTotals(trace, machineCores);
    QCOMPARE(expected.jobs, jobs);
    QVERIFY(expected.coreSeconds > 0);

    const CliRun run = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), config,
        QStringLiteral("--trace"), trace, QStringLiteral("--cores"), QString::number(cores),
        QStringLiteral("--machine-cores"), QString::number(machineCores), QStringLiteral("--json")});
    QVERIFY2(run.finished && !run.crashed && run.exitCode == 0, describe(run).constData());
    QVERIFY2(run.ms < 20000, describe(run).constData());
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(run.out, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));

    for (const char* key :
        {"jobs_total", "jobs_completed", "core_hours_delivered", "utilization", "simulated_seconds", "wall_seconds"})
        QVERIFY2(root.value(QLatin1String(key)).isDouble(), key);
    QVERIFY(root.value(QStringLiteral("groups")).isArray());

    QCOMPARE(root.value(QStringLiteral("jobs_total")).toInteger(), qint64(jobs));
    QCOMPARE(root.value(QStringLiteral("jobs_completed")).toInteger(), qint64(jobs));
    const double coreHours = root.value(QStringLiteral("core_hours_delivered")).toDouble();
    QVERIFY2(std::abs(coreHours - expected.coreSeconds / 3600.0) <= 0.0015,
        qPrintable(QStringLiteral("delivered %1 core-hours, the trace holds %2")
                       .arg(coreHours)
                       .arg(expected.coreSeconds / 3600.0, 0, 'f', 4)));
    const double utilization = root.value(QStringLiteral("utilization")).toDouble();
    QVERIFY2(utilization > 0 && utilization <= 1, qPrintable(QString::number(utilization)));
    const double simulated = root.value(QStringLiteral("simulated_seconds")).toDouble();
    // The run lasts at least until the last job could end, and at least as long as the pool needs for the work.
    QVERIFY2(simulated >= expected.lastEnd, qPrintable(QStringLiteral("%1 < %2").arg(simulated).arg(expected.lastEnd)));
    QVERIFY(simulated >= expected.coreSeconds / cores);
    QVERIFY(root.value(QStringLiteral("wall_seconds")).toDouble() >= 0);

    double groupHours = 0;
    double groupClaimed = 0;
    long groupJobs = 0;
    std::map<QString, double> hoursByName;
    for (const QJsonValue& value : root.value(QStringLiteral("groups")).toArray()) {
        const QJsonObject g = value.toObject();
        for (const char* key : {"quota", "core_hours", "claimed_core_hours", "wait_p50_s", "wait_p95_s", "preemptions",
                 "badput_core_hours", "jobs_completed"})
            QVERIFY2(g.value(QLatin1String(key)).isDouble(), key);
        QVERIFY(g.value(QStringLiteral("name")).isString());
        const QString name = g.value(QStringLiteral("name")).toString();
        QVERIFY(g.value(QStringLiteral("wait_p50_s")).toDouble() >= 0);
        QVERIFY2(g.value(QStringLiteral("wait_p50_s")).toDouble() <= g.value(QStringLiteral("wait_p95_s")).toDouble(),
            qPrintable(name));
        QCOMPARE(g.value(QStringLiteral("preemptions")).toInteger(), qint64(0)); // nothing preempts in these configs
        QCOMPARE(g.value(QStringLiteral("badput_core_hours")).toDouble(), 0.0);
        groupHours += g.value(QStringLiteral("core_hours")).toDouble();
        groupClaimed += g.value(QStringLiteral("claimed_core_hours")).toDouble();
        groupJobs += static_cast<long>(g.value(QStringLiteral("jobs_completed")).toInteger());
        hoursByName[name] = g.value(QStringLiteral("core_hours")).toDouble();
    }
    QVERIFY2(std::abs(groupHours - coreHours) <= 0.01,
        qPrintable(QStringLiteral("groups %1, total %2").arg(groupHours).arg(coreHours)));
    QCOMPARE(groupJobs, jobs);
    // The groups' claims add up to the pool's: every claimed core-second is charged to exactly one group.
    const double claimed = root.value(QStringLiteral("claimed_core_hours")).toDouble();
    QVERIFY2(std::abs(groupClaimed - claimed) <= 0.01 + 1e-6 * claimed,
        qPrintable(QStringLiteral("groups %1, pool %2").arg(groupClaimed).arg(claimed)));
    // A group can only have borrowed cores it ran jobs on, and lenders and borrowers are groups of the run.
    QVERIFY(root.value(QStringLiteral("surplus_flows")).isArray());
    std::map<QString, double> borrowedByName;
    for (const QJsonValue& value : root.value(QStringLiteral("surplus_flows")).toArray()) {
        const QJsonObject f = value.toObject();
        const QString from = f.value(QStringLiteral("from")).toString();
        const QString to = f.value(QStringLiteral("to")).toString();
        QVERIFY2(hoursByName.count(from) == 1 && hoursByName.count(to) == 1 && from != to, qPrintable(from + to));
        QVERIFY(f.value(QStringLiteral("core_hours")).toDouble() >= 0);
        borrowedByName[to] += f.value(QStringLiteral("core_hours")).toDouble();
    }
    for (const auto& [name, borrowed] : borrowedByName)
        QVERIFY2(borrowed <= hoursByName[name] + 0.1, qPrintable(name));
    // Per group when the configuration has the trace's groups: gN.uM is charged to gN.
    if (config.endsWith(QLatin1String("groups.cfg"))) {
        for (const auto& [name, seconds] : expected.coreSecondsPerGroup) {
            QVERIFY2(hoursByName.count(name) == 1, qPrintable(name));
            QVERIFY2(std::abs(hoursByName[name] - seconds / 3600.0) <= 0.0015, qPrintable(name));
        }
    }
}

void CliTest::simulateIsDeterministic()
{
    const QStringList args {QStringLiteral("simulate"), QStringLiteral("--config"), path("groups.cfg"),
        QStringLiteral("--trace"), dataPath("lpc-egee-slice.swf"), QStringLiteral("--cores"), QStringLiteral("16"),
        QStringLiteral("--machine-cores"), QStringLiteral("4"), QStringLiteral("--json")};
    const CliRun first = runCli(args);
    const CliRun second = runCli(args);
    QVERIFY2(first.finished && first.exitCode == 0, describe(first).constData());
    QVERIFY2(second.finished && second.exitCode == 0, describe(second).constData());
    QVERIFY(first.out.contains("\"wall_seconds\""));
    const QByteArray a = withoutWallSeconds(first.out);
    const QByteArray b = withoutWallSeconds(second.out);
    QVERIFY(a.contains("\"core_hours_delivered\""));
    QCOMPARE(a, b);
    QCOMPARE(first.err, second.err); // the same warnings, in the same order
}

// DESIGN's habit: a trace is enough. No --config is HTCondor's defaults, no --cores or --pool the machines the SWF
// header names (LPC-EGEE: 70 nodes of 2 processors, MaxProcs 140); both said on stderr.
void CliTest::theResultGoesWholeToAFileOrAsItIsToAPipe()
{
    const QStringList args {QStringLiteral("simulate"), QStringLiteral("--trace"), dataPath("lpc-egee-slice.swf"),
        QStringLiteral("--cores"), QStringLiteral("140"), QStringLiteral("--machine-cores"), QStringLiteral("2")};
    // A file: written beside it and renamed over it, nothing left behind.
    const QString file = path("streamed-result.json");
    const CliRun toFile = runCli(args + QStringList {QStringLiteral("--out"), file});
    QVERIFY2(toFile.exitCode == 0, describe(toFile).constData());
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.read(32).startsWith("{\"format\":\"poolplanner-result\""));
    QVERIFY(!QFile::exists(file + QStringLiteral(".part")));
    // A device: written in place (a pipe to another program).
    const CliRun toStdout = runCli(args + QStringList {QStringLiteral("--out"), QStringLiteral("/dev/stdout")});
    QVERIFY2(toStdout.exitCode == 0, describe(toStdout).constData());
    QVERIFY2(toStdout.out.startsWith("{\"format\":\"poolplanner-result\""), describe(toStdout).constData());
    // A folder that does not exist: refused, naming the path.
    const QString nowhere = path("no-such-folder/result.json");
    const CliRun refused = runCli(args + QStringList {QStringLiteral("--out"), nowhere});
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains(nowhere.toUtf8()), describe(refused).constData());
}

void CliTest::aTraceAloneRunsOnItsHeaderWithTheDefaults()
{
    const QString lpc = dataPath("lpc-egee-slice.swf");
    const CliRun alone = runCli({QStringLiteral("simulate"), QStringLiteral("--trace"), lpc, QStringLiteral("--json")});
    QCOMPARE(alone.exitCode, 0);
    QVERIFY2(alone.err.contains("HTCondor's defaults"), alone.err.constData());
    QVERIFY2(alone.err.contains("no pool given: the 70 machines of 2 cores its header names"), alone.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(alone.out).object();
    QCOMPARE(result.value(QStringLiteral("pool_cores")).toInt(), 140);

    // Said explicitly, the same pool and policy give the same figures.
    const CliRun said = runCli({QStringLiteral("simulate"), QStringLiteral("--trace"), lpc, QStringLiteral("--config"),
        path("empty.cfg"), QStringLiteral("--cores"), QStringLiteral("140"), QStringLiteral("--machine-cores"),
        QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(said.exitCode, 0);
    const QJsonObject explicitResult = QJsonDocument::fromJson(said.out).object();
    for (const char* key : {"jobs_completed", "core_hours_delivered", "negotiation_cycles", "matches"})
        QCOMPARE(result.value(QLatin1String(key)).toDouble(), explicitResult.value(QLatin1String(key)).toDouble());
}

// `COMMAND --help` prints that command's usage on stdout and exits 0, wherever the option stands; --version too.
void CliTest::everyCommandHasItsOwnHelp()
{
    for (const char* command : {"allocate", "simulate", "compare", "sweep", "collect", "validate", "explain", "inspect",
             "export-config", "fit", "report", "recover"}) {
        const CliRun run = runCli({QString::fromUtf8(command), QStringLiteral("--json"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QByteArray(QByteArray("usage: poolplanner-cli ") + command)), run.out.constData());
        QVERIFY2(run.out.contains(QByteArray(QByteArray("\n  ") + command + ' ')), run.out.constData());
        QVERIFY(run.err.isEmpty());
    }
    // Only simulate's paragraphs: both of them, none of another command's.
    const CliRun simulate = runCli({QStringLiteral("simulate"), QStringLiteral("-h")});
    QCOMPARE(simulate.out.count("\n  simulate "), 2);
    QVERIFY(!simulate.out.contains("\n  compare "));
    const CliRun unknown = runCli({QStringLiteral("frobnicate"), QStringLiteral("--help")});
    QCOMPARE(unknown.exitCode, 2);
    const CliRun version = runCli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^poolplanner-cli \\d+\\.\\d+\\.\\d+\n$"))
                 .match(QString::fromUtf8(version.out))
                 .hasMatch(),
        version.out.constData());
}

// LPC-EGEE's header names 70 dual nodes (MaxProcs 140); the slice's widest job asks for 1 core.
void CliTest::inspectNamesTheWidestJobAndTheHeadersMachines()
{
    const CliRun text = runCli({QStringLiteral("inspect"), dataPath("lpc-egee-slice.swf")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("  widest job: 1 core\n"), text.out.constData());
    QVERIFY2(text.out.contains("  header: 70 machines of 2 cores (140 cores)"), text.out.constData());
    const CliRun json = runCli({QStringLiteral("inspect"), QStringLiteral("--json"), dataPath("hpc2n-slice.swf")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject file = QJsonDocument::fromJson(json.out).array().at(0).toObject();
    QVERIFY(file.value(QStringLiteral("widest_job_cores")).toInt() >= 1);
    QVERIFY(file.contains(QStringLiteral("header_machines")));
}

void CliTest::selfReferentialMacroDoesNotHang()
{
    // Two lines of configuration. HTCondor expands a self-reference to the earlier value (here: none), so
    // GROUP_NAMES is empty; refusing the file with its name and line would be fine too. Hanging is not.
    const QString config = path("doubling.cfg");
    QVERIFY(writeFile(config, "A = $(A)$(A)\nGROUP_NAMES = $(A)\n"));
    const CliRun run
        = runCli({QStringLiteral("allocate"), QStringLiteral("--config"), config, QStringLiteral("--pool-size"),
                     QStringLiteral("10"), QStringLiteral("--demand"), QStringLiteral("<none>=1")},
            5000);
    QVERIFY2(run.finished, describe(run).constData());
    QVERIFY2(!run.crashed, describe(run).constData());
    QVERIFY2(run.exitCode == 0 || (run.exitCode == 1 && run.err.contains(QByteArray(config.toUtf8() + ":1:"))),
        describe(run).constData());
}

void CliTest::inspectReadsWhatItCanAndFailsOnTheRest()
{
    // One good file and one missing: the good one is summarised, the missing one named on stderr, exit 1.
    const QString good = QStringLiteral(PP_SHARED_DIR "/htcondor-samples/event-logs/lsst_tiny_problems.dag.nodes.log");
    const QString missing = path("no-such-file.log");
    const CliRun run = runCli({QStringLiteral("inspect"), good, missing, QStringLiteral("--json")});
    QVERIFY2(run.finished && !run.crashed, describe(run).constData());
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QByteArray(missing.toUtf8() + ": no such file")));
    const auto doc = QJsonDocument::fromJson(run.out);
    QVERIFY(doc.isArray());
    QCOMPARE(doc.array().size(), 1);
    QCOMPARE(doc.array().at(0).toObject().value(QStringLiteral("records")).toInt(), 20);
}

void CliTest::exportConfigWritesTheChange()
{
    const CliRun run = runCli({QStringLiteral("export-config"), QStringLiteral("--scenario"), QStringLiteral("demo"),
        QStringLiteral("--set"), QStringLiteral("GROUP_QUOTA_atlas=9600")});
    QVERIFY2(run.finished && run.exitCode == 0, describe(run).constData());
    QVERIFY(run.out.contains("#   GROUP_QUOTA_atlas: 9200 -> 9600"));
    QVERIFY(run.out.contains("\nGROUP_QUOTA_atlas = 9600\n"));
    const CliRun bad = runCli({QStringLiteral("export-config"), QStringLiteral("--scenario"), QStringLiteral("demo"),
        QStringLiteral("--set"), QStringLiteral("GROUP_QUOTA_atlas=-5")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("GROUP_QUOTA_atlas"), describe(bad).constData());
}

// C3, from what a pool admin has: the history, the queue at the end, the jobs' event logs, the effective
// configuration and one poll of condor_status for the machines. Every group lies inside the replay's range.
void CliTest::validateComparesARealPoolWithItsReplay()
{
    const QString dir = realpool::recording("C3_defrag_graceful_retirement");
    QStringList logs;
    for (const QString& name : QDir(dir + QStringLiteral("/jobs")).entryList({QStringLiteral("*.log")}))
        logs << dir + QStringLiteral("/jobs/") + name;
    const QString status = dir + QStringLiteral("/snapshots/")
        + QDir(dir + QStringLiteral("/snapshots")).entryList({QStringLiteral("*_status.json.gz")}).first();
    const CliRun run
        = runCli({QStringLiteral("validate"), QStringLiteral("--history"), dir + QStringLiteral("/history.json.gz"),
            QStringLiteral("--queue"), dir + QStringLiteral("/final_q.json.gz"), QStringLiteral("--events"),
            logs.join(QLatin1Char(',')), QStringLiteral("--config"), dir + QStringLiteral("/effective_config_dump.txt"),
            QStringLiteral("--pool"), status, QStringLiteral("--from"), QStringLiteral("2026-11-26T05:00:49Z"),
            QStringLiteral("--to"), QStringLiteral("2026-11-26T05:08:49Z"), QStringLiteral("--ensemble"),
            QStringLiteral("20"), QStringLiteral("--json"), QStringLiteral("--out"), path("c3-replay.json")});
    QVERIFY2(run.finished && !run.crashed && run.exitCode == 0, describe(run).constData());
    // --out keeps the first run whole, cycle by cycle, to set beside the NegotiatorLog.
    QFile replayFile(path("c3-replay.json"));
    QVERIFY(replayFile.open(QIODevice::ReadOnly));
    const QJsonObject replay = QJsonDocument::fromJson(replayFile.readAll()).object();
    QCOMPARE(replay.value(QStringLiteral("jobs_total")).toInt(), 150);
    long cycleMatches = 0; // the cycles that ran the matchmaker hold every match
    for (const auto& cycle : replay.value(QStringLiteral("cycles")).toArray())
        cycleMatches += cycle.toObject().value(QStringLiteral("matches")).toInt();
    QVERIFY(cycleMatches > 0);
    QCOMPARE(cycleMatches, static_cast<long>(replay.value(QStringLiteral("matches")).toInt()));
    const QJsonObject v = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("validation")).toObject();
    QCOMPARE(v.value(QStringLiteral("pool_cores")).toInt(), 16);
    QCOMPARE(v.value(QStringLiteral("jobs")).toInt(), 150);
    QCOMPARE(v.value(QStringLiteral("jobs_with_every_run")).toInt(), 150);
    QCOMPARE(v.value(QStringLiteral("sample_interval_s")).toInt(), 20);
    QCOMPARE(v.value(QStringLiteral("times_s")).toArray().size(), 24); // 480 s every 20 s
    QVERIFY2(v.value(QStringLiteral("consistent")).toBool(), run.out.constData());
    const QJsonArray groups = v.value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups.size(), 3);
    for (const auto& value : groups) {
        const QJsonObject g = value.toObject();
        QCOMPARE(g.value(QStringLiteral("real_cores")).toArray().size(), 24);
        QVERIFY(g.value(QStringLiteral("simulated_mean_cores_p5")).toDouble()
            <= g.value(QStringLiteral("simulated_mean_cores_p95")).toDouble());
    }
}

// Issue 15's acceptance on the recording: the replay of C3's history under its own configuration explains
// atlas.prod's 8-core jobs by fragmentation and by phenix, earlier in the starvation order, taking the freed cores;
// cms's limit of a fraction of a core is floored to 0. The run's figures go with the JSON.
void CliTest::explainSaysWhyARealPoolsGroupsWaited()
{
    const QString dir = realpool::recording("C3_defrag_graceful_retirement");
    const QString status = dir + QStringLiteral("/snapshots/")
        + QDir(dir + QStringLiteral("/snapshots")).entryList({QStringLiteral("*_status.json.gz")}).first();
    const QStringList replay {QStringLiteral("explain"), QStringLiteral("--history"),
        dir + QStringLiteral("/history.json.gz"), QStringLiteral("--queue"), dir + QStringLiteral("/final_q.json.gz"),
        QStringLiteral("--config"), dir + QStringLiteral("/effective_config_dump.txt"), QStringLiteral("--pool"),
        status, QStringLiteral("--json"), QStringLiteral("--group")};
    const CliRun prod = runCli(replay + QStringList {QStringLiteral("atlas.prod")});
    QVERIFY2(prod.finished && !prod.crashed && prod.exitCode == 0, describe(prod).constData());
    const QJsonObject p = QJsonDocument::fromJson(prod.out).object();
    QCOMPARE(p.value(QStringLiteral("group")).toString(), QStringLiteral("group_atlas.prod"));
    const QJsonArray reasons = p.value(QStringLiteral("reasons")).toArray();
    QVERIFY2(!reasons.isEmpty(), prod.out.constData());
    QCOMPARE(reasons.first().toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("no_fitting_slot"));
    bool phenixFirst = false;
    for (const auto& r : reasons)
        phenixFirst = phenixFirst
            || (r.toObject().value(QStringLiteral("reason")).toString() == QStringLiteral("group_order")
                && r.toObject().value(QStringLiteral("because")).toString().contains(QStringLiteral("group_phenix")));
    QVERIFY2(phenixFirst, prod.out.constData());
    QVERIFY(p.value(QStringLiteral("text")).toString().contains(QStringLiteral("no p-slot had 8 cores free")));

    const CliRun cms = runCli(replay + QStringList {QStringLiteral("cms")});
    QVERIFY2(cms.exitCode == 0, describe(cms).constData());
    const QJsonArray cmsReasons = QJsonDocument::fromJson(cms.out).object().value(QStringLiteral("reasons")).toArray();
    QCOMPARE(cmsReasons.size(), 1);
    QCOMPARE(cmsReasons.first().toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("limit_floored"));
    QCOMPARE(cmsReasons.first().toObject().value(QStringLiteral("share")).toDouble(), 1.0);
}

// One poll of C3 as it is: cms's 40 jobs wait at its floored limit, now.
void CliTest::explainSaysWhatWaitsNowInARealPoll()
{
    const auto polls = realpool::polls("C3_defrag_graceful_retirement");
    const auto& poll = polls.at(QStringLiteral("012"));
    const QString files = QStringList {poll.at(QStringLiteral("status")), poll.at(QStringLiteral("q")),
        poll.at(QStringLiteral("accounting"))}
                              .join(QLatin1Char(','));
    const CliRun run
        = runCli({QStringLiteral("explain"), QStringLiteral("--snapshot"), files, QStringLiteral("--config"),
            realpool::recording("C3_defrag_graceful_retirement") + QStringLiteral("/effective_config_dump.txt"),
            QStringLiteral("--group"), QStringLiteral("cms")});
    QVERIFY2(run.finished && !run.crashed && run.exitCode == 0, describe(run).constData());
    QVERIFY2(run.out.startsWith("Now group_cms has 40 idle cores the negotiator could not match; 40 (100 %) because "
                                "its limit, a fraction of a core"),
        run.out.constData());
}

// The same poll played forward 20 times with a job added now: star's 1-core job starts within minutes in every run
// (the same in text and JSON), cms's never (its limit is floored to 0, and the forecast says so).
void CliTest::forecastPlaysARealPollForward()
{
    const auto polls = realpool::polls("C3_defrag_graceful_retirement");
    const auto& poll = polls.at(QStringLiteral("012"));
    const QStringList base {QStringLiteral("forecast"), QStringLiteral("--snapshot"),
        QStringList {
            poll.at(QStringLiteral("status")), poll.at(QStringLiteral("q")), poll.at(QStringLiteral("accounting"))}
            .join(QLatin1Char(',')),
        QStringLiteral("--config"),
        realpool::recording("C3_defrag_graceful_retirement") + QStringLiteral("/effective_config_dump.txt"),
        QStringLiteral("--horizon"), QStringLiteral("6h")};
    const CliRun star = runCli(base
        + QStringList {QStringLiteral("--group"), QStringLiteral("star"), QStringLiteral("--cores"),
            QStringLiteral("1"), QStringLiteral("--json")});
    QVERIFY2(star.finished && !star.crashed && star.exitCode == 0, describe(star).constData());
    const QJsonObject s = QJsonDocument::fromJson(star.out).object();
    QCOMPARE(s.value(QStringLiteral("runs")).toInt(), 20);
    QCOMPARE(s.value(QStringLiteral("not_started")).toInt(), 0);
    const double p50 = s.value(QStringLiteral("start_p50_s")).toDouble();
    const double p90 = s.value(QStringLiteral("start_p90_s")).toDouble();
    QVERIFY2(p50 > 0 && p50 <= p90 && p90 < 3600, star.out.constData());
    const CliRun cms = runCli(base + QStringList {QStringLiteral("--group"), QStringLiteral("cms")});
    QVERIFY2(cms.exitCode == 0, describe(cms).constData());
    QVERIFY2(cms.out.contains("does not start within 6 h in 20 of 20 runs") && cms.out.contains("floored"),
        cms.out.constData());
}

// Ten cores, g1 and g2 at 5 each; g1's 8 jobs want more. The target g1 core_hours >= 7 needs quotas 7 and 3
// (tst_suggest works it out); the snippet says so, and the sheet has each experiment's month.
void CliTest::suggestMeetsATargetAndWritesTheSnippetAndTheSheet()
{
    QString trace;
    for (int i = 1; i <= 13; ++i)
        trace += QStringLiteral("%1 0 0 7200 1 -1 -1 1 -1 -1 1 1 %2 -1 -1 -1 -1 -1\n").arg(i).arg(i <= 8 ? 1 : 2);
    const auto put = [&](const char* name, const QString& text) {
        QFile f(path(name));
        f.open(QIODevice::WriteOnly);
        f.write(text.toUtf8());
        return path(name);
    };
    const QString jobs = put("suggest.swf", trace);
    const QString config = put("suggest.config",
        QStringLiteral("GROUP_NAMES = g1, g2\nGROUP_QUOTA_g1 = 5\nGROUP_QUOTA_g2 = 5\nCONSUMPTION_POLICY = True\n"));
    const QString scenario = put("suggest.scenario",
        QStringLiteral("POOLPLANNER_BASE = %1\nPOOLPLANNER_TRACE = %2\nPOOLPLANNER_CORES = 10\n"
                       "POOLPLANNER_MACHINE_CORES = 10\nPOOLPLANNER_HORIZON = 3600s\n")
            .arg(config, jobs));
    const QString targets = put("suggest-targets.csv", QStringLiteral("group,metric,op,value\ng1,core_hours,>=,7\n"));
    const QString pledges = put("suggest-pledges.csv", QStringLiteral("g1,7,cores\ng2,3,cores\n"));
    const CliRun run = runCli({QStringLiteral("suggest"), QStringLiteral("--scenario"), scenario,
        QStringLiteral("--targets"), targets, QStringLiteral("--pledges"), pledges, QStringLiteral("--out"),
        path("suggested.config"), QStringLiteral("--sheet"), path("sheet.csv"), QStringLiteral("--json")});
    QVERIFY2(run.finished && !run.crashed && run.exitCode == 0, describe(run).constData());
    const QJsonObject s = QJsonDocument::fromJson(run.out).object();
    QVERIFY2(s.value(QStringLiteral("feasible")).toBool(), run.out.constData());
    const QJsonObject knobs = s.value(QStringLiteral("suggested")).toObject().value(QStringLiteral("knobs")).toObject();
    QCOMPARE(knobs.value(QStringLiteral("GROUP_QUOTA_g1")).toString(), QStringLiteral("7"));
    QCOMPARE(knobs.value(QStringLiteral("GROUP_QUOTA_g2")).toString(), QStringLiteral("3"));
    QFile snippet(path("suggested.config"));
    QVERIFY(snippet.open(QIODevice::ReadOnly));
    QVERIFY(snippet.readAll().contains("GROUP_QUOTA_g1 = 7"));
    QFile sheet(path("sheet.csv"));
    QVERIFY(sheet.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = sheet.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3); // the header, g1 and g2
    QVERIFY(lines.at(0).startsWith("site,experiment,month,pledged_core_hours"));
    QVERIFY2(lines.at(1).contains(",g1,") && lines.at(1).endsWith(",1.0000"), lines.at(1).constData()); // 7 of 7
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"

// ------------------------------------------------------------------------------------------------

// What busy real pools print: lists in JSON ads (every p-slot with dynamic children carries ChildCpus, ChildState,
// ...), and every other JSON type where an attribute's value goes. Each file is read, its ads counted, and no
// type crashes the reader (`[{"A": ["x"]}]` once crashed the release build).
void CliTest::anyJsonValueInAnAdIsRead_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("records");
    QTest::addRow("a list of strings") << QByteArray(R"([{"A": ["x"]}])") << 1;
    QTest::addRow("a p-slot's Child lists") << QByteArray(
        R"([{"MyType": "Machine", "SlotType": "Partitionable", "Name": "slot1@h", "Cpus": 4,)"
        R"( "TotalSlotCpus": 16, "ChildCpus": [4, 1, 1], "ChildState": ["Claimed", "Claimed", "Claimed"],)"
        R"( "ChildAccountingGroup": ["group_star.dave@x", "group_cms.frank@x", "group_cms.frank@x"]}])")
                                            << 1;
    QTest::addRow("nested lists and objects in a list")
        << QByteArray(R"([{"A": [[1, [2]], {"b": [3]}, null, true]}])") << 1;
    QTest::addRow("a nested object") << QByteArray(R"([{"A": {"B": {"C": [1, 2]}}, "Cpus": 1}])") << 1;
    QTest::addRow("null, booleans, reals") << QByteArray(R"([{"A": null, "B": true, "C": false, "D": -1.5e300}])") << 1;
    QTest::addRow("the largest unsigned 64-bit number") << QByteArray(R"([{"Cpus": 18446744073709551615}])") << 1;
    QTest::addRow("a number where a string belongs, and back")
        << QByteArray(R"([{"MyType": 7, "SlotType": ["Partitionable"], "Cpus": "many", "TotalSlotCpus": 1e300}])") << 1;
    QTest::addRow("an empty list and an empty object") << QByteArray(R"([{"A": [], "B": {}}, {}])") << 2;
    QTest::addRow("-jsonl with lists") << QByteArray("{\"A\": [1]}\n{\"B\": [\"x\", 2]}\n") << 2;
    {
        QByteArray big = "[";
        for (int i = 0; i < 100000; ++i)
            big += (i ? "," : "") + QByteArray(R"({"MyType": "Machine", "SlotType": "Partitionable", "Name": "slot1@h)")
                + QByteArray::number(i) + R"(", "Cpus": 8, "TotalSlotCpus": 8, "ChildCpus": [1, 1]})" + "\n";
        QTest::addRow("a status file of 100,000 slots") << big + "]" << 100000;
    }
    QTest::addRow("bytes that are not UTF-8 in a string")
        << QByteArray("[{\"Name\": \"slot1@\xff\xfe\xc3\", \"Cpus\": 2, \"MyType\": \"Machine\"}]") << 1;
}

void CliTest::anyJsonValueInAnAdIsRead()
{
    QFETCH(QByteArray, content);
    QFETCH(int, records);
    const QString file = path("ads.json");
    QVERIFY(writeFile(file, content));
    const CliRun run = runCli({QStringLiteral("inspect"), file, QStringLiteral("--json")}, 20000);
    QVERIFY2(run.finished && !run.crashed, describe(run).constData());
    if (run.exitCode == 0) {
        const QJsonArray files = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("records")).toInt(), records);
    } else { // refused: then with the file and line, never a crash
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QByteArray(file.toUtf8() + ':')), describe(run).constData());
    }
}

// Broken versions of what a pool prints: each one refused with the file (and line), exit status 1.
void CliTest::brokenPoolFilesAreNamed_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("stderrHas");
    QTest::addRow("-json and -long mixed")
        << QStringLiteral("mixed.json") << QByteArray("[{\"Cpus\": 1}]\nCpus = 4\nMyType = \"Machine\"\n")
        << QStringLiteral("mixed.json:");
    QTest::addRow("a JSON ad cut short") << QStringLiteral("cut.json")
                                         << QByteArray("[\n{\"Cpus\": 1,\n\"ChildCpus\": [1, 2")
                                         << QStringLiteral("cut.json:");
    QTest::addRow("a number beyond 64 bits")
        << QStringLiteral("big.json") << QByteArray(R"([{"Cpus": 123456789012345678901234567890}])")
        << QStringLiteral("big.json:1:");
    QTest::addRow("an expression nested 100,000 deep")
        << QStringLiteral("deep.ads")
        << (QByteArray("MyType = \"Machine\"\nCpus = ") + QByteArray(100000, '(') + "1" + QByteArray(100000, ')')
               + "\n")
        << QStringLiteral("deep.ads:2:");
}

void CliTest::brokenPoolFilesAreNamed()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, stderrHas);
    const QString file = path(name.toUtf8().constData());
    QVERIFY(writeFile(file, content));
    for (const QStringList& args : {QStringList {QStringLiteral("inspect"), file},
             QStringList {QStringLiteral("simulate"), QStringLiteral("--snapshot"), file, QStringLiteral("--model"),
                 path("lpc.model"), QStringLiteral("--horizon"), QStringLiteral("1h")}}) {
        const CliRun run = runCli(args, 20000);
        QVERIFY2(run.finished && !run.crashed, describe(run).constData());
        QVERIFY2(run.exitCode == 1, describe(run).constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(path(stderrHas.toUtf8().constData())), describe(run).constData());
    }
}

// Jobs a run cannot replay are `notes` in --json, each reason named for what it is, with its share of the jobs and
// of the trace's core-hours. The HPC2N slice on 8-core machines: of its 60 jobs, 43 are wider than 8 cores and 6
// have no runtime (tst_readers derives both counts from the file); the 43 hold 84.7 % of the core-hours.
void CliTest::skippedJobsAreNotesWithTheirShare()
{
    const CliRun run = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), path("empty.cfg"),
        QStringLiteral("--trace"), dataPath("hpc2n-slice.swf"), QStringLiteral("--cores"), QStringLiteral("16"),
        QStringLiteral("--machine-cores"), QStringLiteral("8"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result.value(QStringLiteral("jobs_total")).toInt(), 11);
    const QJsonArray notes = result.value(QStringLiteral("notes")).toArray();
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes.at(0).toString(),
        QStringLiteral("43 jobs of 60 (71.7 %) were not replayed: wider than every machine (8 cores); they hold "
                       "84.7 % of the trace's core-hours"));
    QCOMPARE(notes.at(1).toString(),
        QStringLiteral("6 jobs of 60 (10.0 %) were not replayed: no runtime (-1 in the trace)"));
}

// The two busy pools recorded on HTCondor 25.14, as a user points the command line at them: inspect reads every
// file of every poll in one go, and simulate --snapshot starts from each poll's files and from the folder.
void CliTest::everyRealPollIsReadAndSimulated()
{
    for (const char* name : realpool::recordings) {
        QStringList all;
        const auto polls = realpool::polls(name);
        for (const auto& [poll, files] : polls)
            for (const auto& [kind, file] : files)
                all << file;
        QCOMPARE(all.size(), 144);
        CliRun run = runCli(QStringList {QStringLiteral("inspect"), QStringLiteral("--json")} + all, 120000);
        QVERIFY2(run.finished && !run.crashed && run.exitCode == 0, describe(run).constData());
        QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 144);
        for (const auto& [poll, files] : polls) {
            const QString list = files.at(QStringLiteral("status")) + QLatin1Char(',') + files.at(QStringLiteral("q"))
                + QLatin1Char(',') + files.at(QStringLiteral("userprio"));
            run = runCli({QStringLiteral("simulate"), QStringLiteral("--snapshot"), list, QStringLiteral("--horizon"),
                QStringLiteral("1h"), QStringLiteral("--json")});
            QVERIFY2(run.finished && !run.crashed && run.exitCode == 0, describe(run).constData());
            QVERIFY(QJsonDocument::fromJson(run.out).object().contains(QStringLiteral("jobs_total")));
        }
        run = runCli({QStringLiteral("simulate"), QStringLiteral("--snapshot"),
            realpool::recording(name) + QStringLiteral("/snapshots"), QStringLiteral("--json")});
        QVERIFY2(run.finished && !run.crashed && run.exitCode == 0, describe(run).constData());
        QVERIFY2(run.err.contains("earlier polls"), describe(run).constData());
    }
}
