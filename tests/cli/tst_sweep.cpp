// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// compare, sweep (local threads and --emit-htcondor) and collect, through the command line as users run them.
#include "../testfiles.h"

#include <QtTest>

#include "clirun.h"
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cmath>
#include <map>

namespace {

QJsonObject jsonObject(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QJsonObject byName(const QJsonArray& list, const QString& name)
{
    for (const auto& item : list)
        if (item.toObject().value(QStringLiteral("name")).toString() == name)
            return item.toObject();
    return {};
}

/// An HTCondor submit description as condor_submit reads the parts PoolPlanner writes: `key = value` commands
/// (keys case-insensitive), `#` comment lines, and a last `queue <vars> from <file>`. Anything else is an error.
struct SubmitFile
{
    std::map<QString, QString> commands;
    QStringList queueVariables;
    QString queueFrom;
    QString error;
};

SubmitFile parseSubmitFile(const QByteArray& text)
{
    SubmitFile sub;
    const QRegularExpression queue(
        QStringLiteral("^queue\\s+(.+?)\\s+from\\s+(\\S+)$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpression command(QStringLiteral("^([A-Za-z_+][A-Za-z0-9_.+]*)\\s*=\\s*(.*)$"));
    int number = 0;
    for (const QByteArray& raw : text.split('\n')) {
        ++number;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (!sub.queueFrom.isEmpty()) {
            sub.error = QStringLiteral("line %1: a command after the queue statement").arg(number);
            return sub;
        }
        if (const auto m = queue.match(line); m.hasMatch()) {
            sub.queueVariables = m.captured(1).split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
            sub.queueFrom = m.captured(2);
            continue;
        }
        const auto m = command.match(line);
        if (!m.hasMatch()) {
            sub.error = QStringLiteral("line %1: not a submit command: %2").arg(number).arg(line);
            return sub;
        }
        sub.commands[m.captured(1).toLower()] = m.captured(2).trimmed();
    }
    if (sub.queueFrom.isEmpty())
        sub.error = QStringLiteral("no queue ... from statement");
    return sub;
}

/// The fields of a line of a `queue ... from` file: split on commas and/or spaces.
QStringList queueFields(const QString& line)
{
    return line.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
}

} // namespace

class SweepTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void compareDemoWithOneQuotaChanged();
    void compareRefusesBadInput();
    void mergeStudyOfATraceAndOfTheDemo();
    void mergeStudyRefusesWhatItCannotSplit();
    void simulateTakesScenarioFiles();
    void sweepOnThreadsEqualsSimulateOfEachVariant();
    void sweepEnsembleEqualsSimulateEnsembleOfEachVariant();
    void emittedSubmitFileIsHTCondorSyntax();
    void collectReportsBrokenResultsAndPrintsTheRest();
    void sweepRefusesBadValuesBeforeRunning();
    void emitRefusesWhatFileTransferCannotCarry();
    void exportConfigOfAScenario();

private:
    QString path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)); }
    QStringList sweepArgs() const
    {
        return {QStringLiteral("sweep"), QStringLiteral("--scenario"), path("trace.scenario"), QStringLiteral("--vary"),
            QStringLiteral("GROUP_QUOTA_DYNAMIC_g1=0.2,0.8"), QStringLiteral("--vary"),
            QStringLiteral("GROUP_ACCEPT_SURPLUS=True,False")};
    }
    QTemporaryDir m_dir;
    QJsonObject m_sweep; ///< sweep --json of sweepArgs()
};

void SweepTest::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(PP_CLI_PATH)));
    QVERIFY(m_dir.isValid());
    QVERIFY(writeFile(path("star.scenario"),
        "# star gives back most of its quota\nPOOLPLANNER_NAME = small star\nPOOLPLANNER_BASE = demo\n"
        "GROUP_QUOTA_star = 300\n"));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("inputs")));
    QVERIFY(writeFile(path("inputs/two-groups.config"),
        "GROUP_NAMES = g1, g2\nGROUP_QUOTA_DYNAMIC_g1 = 0.5\nGROUP_QUOTA_DYNAMIC_g2 = 0.5\nGROUP_ACCEPT_SURPLUS = "
        "True\n"));
    QVERIFY(writeFile(path("inputs/lpc.swf"), readAll(dataPath("lpc-egee-slice.swf"))));
    QVERIFY(writeFile(path("trace.scenario"),
        "POOLPLANNER_NAME = lpc slice\nPOOLPLANNER_BASE = inputs/two-groups.config\nPOOLPLANNER_TRACE = "
        "inputs/lpc.swf\n"
        "POOLPLANNER_CORES = 16\nPOOLPLANNER_MACHINE_CORES = 4\n"));
}

void SweepTest::compareDemoWithOneQuotaChanged()
{
    // star's quota drops from 3000 to 300 cores: in the first day its jobs wait for the surplus others leave.
    const CliRun json = runCli({QStringLiteral("compare"), QStringLiteral("demo"), path("star.scenario"),
        QStringLiteral("--horizon"), QStringLiteral("1d"), QStringLiteral("--json")});
    QVERIFY2(json.finished && json.exitCode == 0, describe(json).constData());
    const QJsonObject c = jsonObject(json.out);
    QCOMPARE(c.value(QStringLiteral("base")).toString(), QStringLiteral("demo"));
    QCOMPARE(c.value(QStringLiteral("proposal")).toString(), QStringLiteral("small star"));
    const QJsonObject star = byName(c.value(QStringLiteral("groups")).toArray(), QStringLiteral("star"))
                                 .value(QStringLiteral("metrics"))
                                 .toObject();
    const QJsonObject p95 = star.value(QStringLiteral("wait_p95_s")).toObject();
    QVERIFY2(p95.value(QStringLiteral("proposal")).toDouble() > 2 * p95.value(QStringLiteral("base")).toDouble(),
        json.out.constData());
    QCOMPARE(p95.value(QStringLiteral("verdict")).toString(), QStringLiteral("worse"));
    const QJsonObject coreHours = star.value(QStringLiteral("core_hours")).toObject();
    QVERIFY(
        coreHours.value(QStringLiteral("proposal")).toDouble() <= coreHours.value(QStringLiteral("base")).toDouble());
    QVERIFY2(c.value(QStringLiteral("summary"))
                 .toArray()
                 .at(0)
                 .toString()
                 .startsWith(QStringLiteral("star's longest waits grow")),
        json.out.constData());

    // The base column is the demo as simulate runs it.
    const CliRun demo = runCli({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("demo"),
        QStringLiteral("--horizon"), QStringLiteral("1d"), QStringLiteral("--json")});
    QVERIFY2(demo.finished && demo.exitCode == 0, describe(demo).constData());
    const QJsonObject demoStar
        = byName(jsonObject(demo.out).value(QStringLiteral("groups")).toArray(), QStringLiteral("star"));
    QCOMPARE(p95.value(QStringLiteral("base")).toDouble(), demoStar.value(QStringLiteral("wait_p95_s")).toDouble());

    const CliRun text = runCli({QStringLiteral("compare"), QStringLiteral("demo"), path("star.scenario"),
        QStringLiteral("--horizon"), QStringLiteral("1d")});
    QVERIFY2(text.finished && text.exitCode == 0, describe(text).constData());
    QVERIFY(text.out.contains("proposal: small star"));
    QVERIFY(text.out.contains("\nstar "));
    QVERIFY(text.out.contains("star's longest waits grow"));
}

void SweepTest::compareRefusesBadInput()
{
    const CliRun one = runCli({QStringLiteral("compare"), QStringLiteral("demo")});
    QCOMPARE(one.exitCode, 2);
    QVERIFY(one.err.contains("BASE and PROPOSAL"));
    const CliRun missing = runCli({QStringLiteral("compare"), QStringLiteral("demo"), path("missing.scenario")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QByteArray(path("missing.scenario").toUtf8() + ": no such file")),
        describe(missing).constData());
    QVERIFY(missing.out.isEmpty());
    QVERIFY(writeFile(path("bad-knob.scenario"), "POOLPLANNER_BASE = demo\nGROUP_QUOTA_star = lots\n"));
    const CliRun bad = runCli({QStringLiteral("compare"), QStringLiteral("demo"), path("bad-knob.scenario"),
        QStringLiteral("--horizon"), QStringLiteral("1h")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains(QByteArray(path("bad-knob.scenario").toUtf8() + ":2: GROUP_QUOTA_star")),
        describe(bad).constData());
}

void SweepTest::mergeStudyOfATraceAndOfTheDemo()
{
    // The LPC slice on 16 cores, g1 and g2 with half each: 8 cores contributed by each, whichever way it is shared.
    const CliRun json = runCli({QStringLiteral("compare"), QStringLiteral("--merge-study"),
        QStringLiteral("--scenario"), path("trace.scenario"), QStringLiteral("--json")});
    QVERIFY2(json.finished && json.exitCode == 0, describe(json).constData());
    const QJsonObject study = jsonObject(json.out).value(QStringLiteral("merge_study")).toObject();
    QCOMPARE(study.value(QStringLiteral("separate")).toString(), QStringLiteral("lpc slice-separate"));
    QCOMPARE(study.value(QStringLiteral("merged")).toString(), QStringLiteral("lpc slice-merged"));
    const QJsonArray experiments = study.value(QStringLiteral("experiments")).toArray();
    QCOMPARE(experiments.size(), 2);
    for (const auto& e : experiments) {
        const QJsonObject separate = e.toObject().value(QStringLiteral("separate")).toObject();
        const QJsonObject merged = e.toObject().value(QStringLiteral("merged")).toObject();
        QCOMPARE(separate.value(QStringLiteral("contributed_cores")).toInt(), 8);
        QCOMPARE(merged.value(QStringLiteral("contributed_cores")).toInt(), 8);
        // Every job of the trace runs to its end in both: each experiment gets the same core-hours.
        QCOMPARE(
            separate.value(QStringLiteral("completed")).toInt(), merged.value(QStringLiteral("completed")).toInt());
        QVERIFY(std::abs(separate.value(QStringLiteral("delivered_core_hours")).toDouble()
                    - merged.value(QStringLiteral("delivered_core_hours")).toDouble())
            < 0.2);
    }
    const QJsonObject site = study.value(QStringLiteral("site")).toObject();
    QVERIFY(
        std::abs(
            site.value(QStringLiteral("separate")).toObject().value(QStringLiteral("delivered_core_hours")).toDouble()
            - site.value(QStringLiteral("merged")).toObject().value(QStringLiteral("delivered_core_hours")).toDouble())
        < 0.2);
    QVERIFY(study.value(QStringLiteral("summary"))
                .toArray()
                .at(0)
                .toString()
                .startsWith(QStringLiteral("Merged, in core-hours")));

    // The built-in study, as the issue asks for it: --scenario demo-separate against --scenario demo-merged.
    const CliRun demo = runCli({QStringLiteral("compare"), QStringLiteral("--scenario"),
        QStringLiteral("demo-separate"), QStringLiteral("--scenario"), QStringLiteral("demo-merged"),
        QStringLiteral("--horizon"), QStringLiteral("6h")});
    QVERIFY2(demo.finished && demo.exitCode == 0, describe(demo).constData());
    QVERIFY(demo.out.contains("base: demo-separate"));
    QVERIFY(demo.out.contains("merge study: demo-separate (separate pools, flocking) against demo-merged"));
    for (const char* experiment : {"\natlas ", "\nstar ", "\nnotebooks "})
        QVERIFY2(demo.out.contains(experiment), demo.out.constData());
}

void SweepTest::mergeStudyRefusesWhatItCannotSplit()
{
    const CliRun two = runCli(
        {QStringLiteral("compare"), QStringLiteral("--merge-study"), QStringLiteral("demo"), path("star.scenario")});
    QCOMPARE(two.exitCode, 2);
    QVERIFY(two.err.contains("needs one scenario"));
    QVERIFY(writeFile(path("inputs/no-groups.config"), "NEGOTIATOR_INTERVAL = 60\n"));
    QVERIFY(writeFile(path("flat.scenario"),
        "POOLPLANNER_BASE = inputs/no-groups.config\nPOOLPLANNER_TRACE = "
        "inputs/lpc.swf\nPOOLPLANNER_CORES = 16\n"));
    const CliRun flat = runCli({QStringLiteral("compare"), QStringLiteral("--merge-study"), path("flat.scenario")});
    QCOMPARE(flat.exitCode, 1);
    QVERIFY2(flat.err.contains("has no accounting groups"), describe(flat).constData());
    QVERIFY(writeFile(path("sideways.scenario"), "POOLPLANNER_BASE = demo\nPOOLPLANNER_MERGE_VARIANT = sideways\n"));
    const CliRun sideways
        = runCli({QStringLiteral("simulate"), QStringLiteral("--scenario"), path("sideways.scenario")});
    QCOMPARE(sideways.exitCode, 1);
    QVERIFY2(sideways.err.contains(QByteArray(path("sideways.scenario").toUtf8() + ":2: POOLPLANNER_MERGE_VARIANT")),
        describe(sideways).constData());
}

void SweepTest::simulateTakesScenarioFiles()
{
    // The built-in name still works as before, and a scenario file that changes nothing gives the same numbers.
    QVERIFY(writeFile(path("plain-demo.scenario"), "POOLPLANNER_NAME = demo\nPOOLPLANNER_BASE = demo\n"));
    const QStringList horizon {QStringLiteral("--horizon"), QStringLiteral("6h"), QStringLiteral("--json")};
    const CliRun builtin = runCli(
        QStringList {QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("demo")} + horizon);
    const CliRun file = runCli(
        QStringList {QStringLiteral("simulate"), QStringLiteral("--scenario"), path("plain-demo.scenario")} + horizon);
    QVERIFY2(builtin.finished && builtin.exitCode == 0, describe(builtin).constData());
    QVERIFY2(file.finished && file.exitCode == 0, describe(file).constData());
    QVERIFY(builtin.err.isEmpty());
    auto a = jsonObject(builtin.out);
    auto b = jsonObject(file.out);
    a.remove(QStringLiteral("wall_seconds"));
    b.remove(QStringLiteral("wall_seconds"));
    QCOMPARE(a, b);

    const CliRun mixed = runCli({QStringLiteral("simulate"), QStringLiteral("--scenario"), path("trace.scenario"),
        QStringLiteral("--cores"), QStringLiteral("8")});
    QCOMPARE(mixed.exitCode, 2);
    QVERIFY(mixed.err.contains("--cores does not go with --scenario"));
}

void SweepTest::sweepOnThreadsEqualsSimulateOfEachVariant()
{
    const CliRun two = runCli(
        sweepArgs() + QStringList {QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--json")});
    QVERIFY2(two.finished && two.exitCode == 0, describe(two).constData());
    const CliRun one = runCli(
        sweepArgs() + QStringList {QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--json")});
    QVERIFY2(one.finished && one.exitCode == 0, describe(one).constData());
    QCOMPARE(two.out, one.out); // the number of threads changes nothing
    m_sweep = jsonObject(two.out);
    const QJsonArray variants = m_sweep.value(QStringLiteral("variants")).toArray();
    QCOMPARE(variants.size(), 4);
    QCOMPARE(variants.at(3).toObject().value(QStringLiteral("scenario")).toString(),
        QStringLiteral("GROUP_QUOTA_DYNAMIC_g1=0.8, GROUP_ACCEPT_SURPLUS=False"));

    // The same variants as files, each run on its own by simulate: the same numbers.
    const QString dir = path("emitted");
    const CliRun emitted = runCli(sweepArgs() + QStringList {QStringLiteral("--emit-htcondor"), dir});
    QVERIFY2(emitted.finished && emitted.exitCode == 0, describe(emitted).constData());
    for (const auto& item : variants) {
        const QJsonObject v = item.toObject();
        const QString name = v.value(QStringLiteral("name")).toString();
        const CliRun single = runCli({QStringLiteral("simulate"), QStringLiteral("--scenario"),
            dir + QStringLiteral("/scenarios/") + name + QStringLiteral(".scenario"), QStringLiteral("--out"),
            dir + QLatin1Char('/') + name + QStringLiteral(".json"), QStringLiteral("--json")});
        QVERIFY2(single.finished && single.exitCode == 0, describe(single).constData());
        const QJsonObject s = jsonObject(single.out);
        QCOMPARE(s.value(QStringLiteral("scenario")).toString(), v.value(QStringLiteral("scenario")).toString());
        for (const char* key : {"utilization", "core_hours_delivered", "jobs_completed", "jobs_total"})
            QVERIFY2(std::fabs(s.value(QString::fromUtf8(key)).toDouble() - v.value(QString::fromUtf8(key)).toDouble())
                    < 1e-6,
                qPrintable(name + QStringLiteral(" ") + QString::fromUtf8(key)));
        // g1 and g2 have no sub-groups: their figures are simulate's own.
        for (const auto& g : v.value(QStringLiteral("groups")).toArray()) {
            const QJsonObject swept = g.toObject();
            const QJsonObject alone
                = byName(s.value(QStringLiteral("groups")).toArray(), swept.value(QStringLiteral("name")).toString());
            QVERIFY(!alone.isEmpty());
            for (const char* key : {"core_hours", "jobs_completed", "preemptions", "wait_p50_s", "wait_p95_s"})
                if (swept.contains(QString::fromUtf8(key)))
                    QCOMPARE(
                        swept.value(QString::fromUtf8(key)).toDouble(), alone.value(QString::fromUtf8(key)).toDouble());
        }
    }

    // collect reads those result files back into the same table.
    const CliRun collected = runCli({QStringLiteral("collect"), dir, QStringLiteral("--json")});
    QVERIFY2(collected.finished && collected.exitCode == 0, describe(collected).constData());
    const QJsonArray back = jsonObject(collected.out).value(QStringLiteral("variants")).toArray();
    QCOMPARE(back.size(), variants.size());
    for (int i = 0; i < back.size(); ++i) {
        const QJsonObject a = variants.at(i).toObject();
        const QJsonObject b = back.at(i).toObject();
        QCOMPARE(b.value(QStringLiteral("name")), a.value(QStringLiteral("name")));
        QCOMPARE(b.value(QStringLiteral("scenario")), a.value(QStringLiteral("scenario")));
        QCOMPARE(b.value(QStringLiteral("jobs_completed")), a.value(QStringLiteral("jobs_completed")));
        QVERIFY(std::fabs(b.value(QStringLiteral("core_hours_delivered")).toDouble()
                    - a.value(QStringLiteral("core_hours_delivered")).toDouble())
            < 0.01);
        QCOMPARE(
            b.value(QStringLiteral("groups")).toArray().size(), a.value(QStringLiteral("groups")).toArray().size());
    }
}

// sweep --ensemble K: each variant's figures are the medians of K tie seeds with their spreads, the same as
// simulate --ensemble K of that variant's scenario file.
void SweepTest::sweepEnsembleEqualsSimulateEnsembleOfEachVariant()
{
    const CliRun swept = runCli(
        sweepArgs() + QStringList {QStringLiteral("--ensemble"), QStringLiteral("5"), QStringLiteral("--json")});
    QVERIFY2(swept.finished && swept.exitCode == 0, describe(swept).constData());
    const QJsonArray variants = jsonObject(swept.out).value(QStringLiteral("variants")).toArray();
    QCOMPARE(variants.size(), 4);
    const QString dir = path("emitted-ensemble");
    const CliRun emitted = runCli(sweepArgs() + QStringList {QStringLiteral("--emit-htcondor"), dir});
    QVERIFY2(emitted.finished && emitted.exitCode == 0, describe(emitted).constData());
    for (const auto& item : variants) {
        const QJsonObject v = item.toObject();
        QCOMPARE(v.value(QStringLiteral("ensemble")).toObject().value(QStringLiteral("runs")).toInt(), 5);
        for (const char* key : {"utilization", "core_hours_delivered", "jobs_completed"}) {
            const QString k = QString::fromUtf8(key);
            QVERIFY2(v.value(k + QStringLiteral("_min")).toDouble() <= v.value(k).toDouble()
                    && v.value(k).toDouble() <= v.value(k + QStringLiteral("_max")).toDouble(),
                key);
        }
        const QString name = v.value(QStringLiteral("name")).toString();
        const CliRun single = runCli({QStringLiteral("simulate"), QStringLiteral("--scenario"),
            dir + QStringLiteral("/scenarios/") + name + QStringLiteral(".scenario"), QStringLiteral("--ensemble"),
            QStringLiteral("5"), QStringLiteral("--json")});
        QVERIFY2(single.finished && single.exitCode == 0, describe(single).constData());
        const QJsonObject s = jsonObject(single.out);
        for (const char* key : {"core_hours_delivered", "core_hours_delivered_min", "core_hours_delivered_max",
                 "jobs_completed", "jobs_completed_min", "jobs_completed_max"})
            QVERIFY2(std::fabs(s.value(QString::fromUtf8(key)).toDouble() - v.value(QString::fromUtf8(key)).toDouble())
                    < 0.01,
                qPrintable(name + QStringLiteral(" ") + QString::fromUtf8(key)));
        for (const auto& g : v.value(QStringLiteral("groups")).toArray()) {
            const QJsonObject sg = g.toObject();
            const QJsonObject alone
                = byName(s.value(QStringLiteral("groups")).toArray(), sg.value(QStringLiteral("name")).toString());
            for (const char* key :
                {"wait_p50_s", "wait_p50_s_min", "wait_p50_s_max", "core_hours_min", "core_hours_max"})
                if (sg.contains(QString::fromUtf8(key)))
                    QVERIFY2(std::fabs(sg.value(QString::fromUtf8(key)).toDouble()
                                 - alone.value(QString::fromUtf8(key)).toDouble())
                            < 0.01,
                        qPrintable(name + QStringLiteral(" ") + sg.value(QStringLiteral("name")).toString()
                            + QStringLiteral(" ") + QString::fromUtf8(key)));
        }
    }
}

void SweepTest::emittedSubmitFileIsHTCondorSyntax()
{
    const QString dir = path("emitted-sub");
    const CliRun emitted = runCli(sweepArgs() + QStringList {QStringLiteral("--emit-htcondor"), dir});
    QVERIFY2(emitted.finished && emitted.exitCode == 0, describe(emitted).constData());
    const SubmitFile sub = parseSubmitFile(readAll(dir + QStringLiteral("/sweep.sub")));
    QVERIFY2(sub.error.isEmpty(), qPrintable(sub.error));
    const auto command = [&](const char* key) {
        const auto it = sub.commands.find(QString::fromUtf8(key));
        return it == sub.commands.end() ? QString() : it->second;
    };
    QCOMPARE(QFileInfo(command("executable")).canonicalFilePath(),
        QFileInfo(QStringLiteral(PP_CLI_PATH)).canonicalFilePath());
    QCOMPARE(command("arguments"), QStringLiteral("simulate --scenario $(scenario) --out $(name).json"));
    QCOMPARE(command("should_transfer_files"), QStringLiteral("YES"));
    QCOMPARE(command("when_to_transfer_output"), QStringLiteral("ON_EXIT"));
    QCOMPARE(command("request_cpus"), QStringLiteral("1"));
    QVERIFY(command("request_memory").toInt() >= 128);
    for (const char* key : {"output", "error", "log"})
        QVERIFY2(!command(key).isEmpty(), key);
    QCOMPARE(sub.queueVariables, (QStringList {QStringLiteral("name"), QStringLiteral("scenario")}));
    QCOMPARE(sub.queueFrom, QStringLiteral("variants.txt"));

    // Every line gives every variable a value, and every file to transfer exists (relative to initialdir).
    const QString initialdir = command("initialdir");
    QCOMPARE(QFileInfo(initialdir).canonicalFilePath(), QFileInfo(dir).canonicalFilePath());
    const QList<QByteArray> lines = readAll(dir + QLatin1Char('/') + sub.queueFrom).trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    for (const QByteArray& line : lines) {
        const QStringList fields = queueFields(QString::fromUtf8(line));
        QCOMPARE(fields.size(), sub.queueVariables.size());
        QString transfer = command("transfer_input_files");
        for (int i = 0; i < fields.size(); ++i)
            transfer.replace(QStringLiteral("$(") + sub.queueVariables[i] + QLatin1Char(')'), fields[i]);
        const QStringList files = transfer.split(QLatin1Char(','), Qt::SkipEmptyParts);
        QCOMPARE(files.size(), 3); // the scenario, the base configuration and the trace
        for (QString file : files) {
            file = file.trimmed();
            const QString resolved = QFileInfo(file).isAbsolute() ? file : initialdir + QLatin1Char('/') + file;
            QVERIFY2(QFileInfo(resolved).isFile(), qPrintable(resolved));
        }
        // The scenario file is complete on its own: absolute paths to the inputs.
        const QByteArray scenario = readAll(dir + QStringLiteral("/scenarios/") + fields[1]);
        QVERIFY(scenario.contains(QByteArray("POOLPLANNER_TRACE = " + path("inputs/lpc.swf").toUtf8() + "\n")));
    }
    QVERIFY(QFileInfo(dir + QStringLiteral("/logs")).isDir());
}

void SweepTest::collectReportsBrokenResultsAndPrintsTheRest()
{
    const QString dir = path("emitted"); // written and simulated by sweepOnThreadsEqualsSimulateOfEachVariant
    QVERIFY(QFile::exists(dir + QStringLiteral("/003.json")));
    const QByteArray whole = readAll(dir + QStringLiteral("/003.json"));
    QVERIFY(writeFile(dir + QStringLiteral("/003.json"), whole.left(whole.size() / 3))); // a job killed mid-write
    QVERIFY(QFile::remove(dir + QStringLiteral("/001.json"))); // a job that never ran
    const CliRun json = runCli({QStringLiteral("collect"), dir, QStringLiteral("--json")});
    QVERIFY2(json.finished && !json.crashed, describe(json).constData());
    QCOMPARE(json.exitCode, 1);
    QVERIFY2(json.err.contains(QString(dir + QStringLiteral("/003.json: not valid JSON")).toUtf8()),
        describe(json).constData());
    QVERIFY2(json.err.contains(QString(dir + QStringLiteral("/001.json: no such file")).toUtf8()),
        describe(json).constData());
    const QJsonObject result = jsonObject(json.out);
    const QJsonArray variants = result.value(QStringLiteral("variants")).toArray();
    QCOMPARE(variants.size(), 2);
    QCOMPARE(variants.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("000"));
    QCOMPARE(variants.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("002"));
    QCOMPARE(result.value(QStringLiteral("failed")).toArray().size(), 2);

    const CliRun text = runCli({QStringLiteral("collect"), dir});
    QCOMPARE(text.exitCode, 1);
    QVERIFY(text.out.contains("\n000 ") && text.out.contains("\n002 ") && !text.out.contains("\n003 "));

    // With the window's libraries the good results go into the workspace and the broken ones are still named;
    // without them, the option is refused.
    const CliRun workspace = runCli({QStringLiteral("collect"), dir, QStringLiteral("--workspace"), path("w.ppw")});
    if (workspace.exitCode == 2) {
        QVERIFY(workspace.err.contains("needs the build with Qt"));
    } else {
        QCOMPARE(workspace.exitCode, 1);
        QVERIFY2(workspace.err.contains("2 results kept"), workspace.err.constData());
        QVERIFY(workspace.err.contains("003"));
    }
    const CliRun nowhere = runCli({QStringLiteral("collect"), path("no-such-dir")});
    QCOMPARE(nowhere.exitCode, 1);
    QVERIFY(nowhere.err.contains("no such directory"));
}

void SweepTest::sweepRefusesBadValuesBeforeRunning()
{
    const QStringList base {QStringLiteral("sweep"), QStringLiteral("--scenario"), path("trace.scenario")};
    const CliRun badValue
        = runCli(base + QStringList {QStringLiteral("--vary"), QStringLiteral("GROUP_QUOTA_DYNAMIC_g1=0.2,lots")});
    QCOMPARE(badValue.exitCode, 1);
    QVERIFY2(badValue.err.contains("--vary GROUP_QUOTA_DYNAMIC_g1=lots: GROUP_QUOTA_DYNAMIC_g1"),
        describe(badValue).constData());
    QVERIFY(badValue.out.isEmpty());
    const CliRun badKey
        = runCli(base + QStringList {QStringLiteral("--vary"), QStringLiteral("POOLPLANNER_SEEDS=1,2")});
    QCOMPARE(badKey.exitCode, 1);
    QVERIFY2(badKey.err.contains("unknown scenario key POOLPLANNER_SEEDS"), describe(badKey).constData());
    const CliRun noValues
        = runCli(base + QStringList {QStringLiteral("--vary"), QStringLiteral("NEGOTIATOR_INTERVAL=")});
    QCOMPARE(noValues.exitCode, 1);
    const CliRun noVary = runCli(base);
    QCOMPARE(noVary.exitCode, 2);
    const CliRun threads = runCli(base
        + QStringList {QStringLiteral("--vary"), QStringLiteral("NEGOTIATOR_INTERVAL=60"), QStringLiteral("--threads"),
            QStringLiteral("0")});
    QCOMPARE(threads.exitCode, 1);
    QVERIFY(threads.err.contains("--threads"));
}

void SweepTest::emitRefusesWhatFileTransferCannotCarry()
{
    // A base that includes a file from a sub-directory: the transfer would flatten it, so the include would fail
    // on the execute node. Refused before anything is written.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("nested/conf.d")));
    QVERIFY(
        writeFile(path("nested/conf.d/quotas.config"), "GROUP_QUOTA_DYNAMIC_g1 = 0.5\nGROUP_QUOTA_DYNAMIC_g2 = 0.5\n"));
    QVERIFY(writeFile(path("nested/base.config"), "GROUP_NAMES = g1, g2\ninclude : conf.d/quotas.config\n"));
    QVERIFY(writeFile(path("nested/s.scenario"),
        "POOLPLANNER_BASE = base.config\nPOOLPLANNER_TRACE = ../inputs/lpc.swf\nPOOLPLANNER_CORES = 16\n"));
    const CliRun emitted = runCli(
        {QStringLiteral("sweep"), QStringLiteral("--scenario"), path("nested/s.scenario"), QStringLiteral("--vary"),
            QStringLiteral("NEGOTIATOR_INTERVAL=60,120"), QStringLiteral("--emit-htcondor"), path("nested-sweep")});
    QCOMPARE(emitted.exitCode, 1);
    QVERIFY2(emitted.err.contains("conf.d/quotas.config from another directory"), describe(emitted).constData());
    QVERIFY(!QFile::exists(path("nested-sweep/sweep.sub")));
    // Run locally, the same sweep is fine.
    const CliRun local = runCli({QStringLiteral("sweep"), QStringLiteral("--scenario"), path("nested/s.scenario"),
        QStringLiteral("--vary"), QStringLiteral("NEGOTIATOR_INTERVAL=60,120")});
    QVERIFY2(local.finished && local.exitCode == 0, describe(local).constData());
    QVERIFY(local.out.contains("NEGOTIATOR_INTERVAL=120"));
}

void SweepTest::exportConfigOfAScenario()
{
    // The snippet is what the scenario changes from its base, plus any --set on top.
    const CliRun run = runCli({QStringLiteral("export-config"), QStringLiteral("--scenario"), path("star.scenario"),
        QStringLiteral("--set"), QStringLiteral("GROUP_QUOTA_dune=1500")});
    QVERIFY2(run.finished && run.exitCode == 0, describe(run).constData());
    QVERIFY2(run.out.startsWith("# PoolPlanner: knobs changed from the built-in demo\n"), run.out.constData());
    QVERIFY(run.out.contains("#   GROUP_QUOTA_star: 3000 -> 300\n"));
    QVERIFY(run.out.contains("\nGROUP_QUOTA_star = 300\n"));
    QVERIFY(run.out.contains("\nGROUP_QUOTA_dune = 1500\n"));
    QVERIFY(!run.out.contains("GROUP_QUOTA_atlas"));
}

QTEST_GUILESS_MAIN(SweepTest)
#include "tst_sweep.moc"
