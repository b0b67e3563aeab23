// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `poolplanner-cli report` as a user runs it: from scenarios it simulates, from result files, and refusing bad
// sources and destinations by name. The PDF is read back with poppler-utils' pdftotext.
#include "../testfiles.h"

#include "clirun.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    return p.waitForFinished(60000) && p.exitCode() == 0 ? QString::fromUtf8(p.readAllStandardOutput()) : QString();
}

// An SQLite file as another program leaves it: one table, application id and user version 0.
bool writeSqliteWithATable(const QString& path)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(path);
        QSqlQuery query(db);
        ok = db.open() && query.exec(QStringLiteral("CREATE TABLE t (x)"))
            && query.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    return ok;
}

} // namespace

class CliReportTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aPdfFromTwoScenarios()
    {
        QTemporaryDir dir;
        const QString scenario = dir.filePath(QStringLiteral("star.scenario"));
        QVERIFY(writeFile(scenario,
            "POOLPLANNER_NAME = Less star\nPOOLPLANNER_DESCRIPTION = star keeps 1,000 cores\nPOOLPLANNER_BASE = demo\n"
            "GROUP_QUOTA_star = 1000\n"));
        const QString pdf = dir.filePath(QStringLiteral("meeting.pdf"));
        const CliRun run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), QStringLiteral("demo"),
            QStringLiteral("--compare"), scenario, QStringLiteral("--horizon"), QStringLiteral("6h"),
            QStringLiteral("--out"), pdf, QStringLiteral("--title"), QStringLiteral("Merged pool review")});
        QVERIFY2(run.exitCode == 0 && !run.crashed, run.err.constData());
        const QString text = pdfText(pdf);
        QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils) must read the PDF");
        QVERIFY(text.contains(QStringLiteral("Merged pool review")));
        QVERIFY(text.contains(QStringLiteral("Less star")));
        QVERIFY(text.contains(QStringLiteral("GROUP_QUOTA_star = 1000")));
        for (const char* group : {"atlas", "belle2", "dune", "notebooks", "phenix", "sphenix", "star"})
            QVERIFY2(text.contains(QLatin1String(group)), group);
        QVERIFY(text.contains(QStringLiteral("Mon 4 Jan 2027")));
    }

    void theMergeStudyHasASection()
    {
        // demo-separate as the baseline, demo-merged as the proposal: the report says who gains, per experiment,
        // with the waits by job size.
        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("merge.html"));
        const CliRun run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"),
            QStringLiteral("demo-separate"), QStringLiteral("--compare"), QStringLiteral("demo-merged"),
            QStringLiteral("--horizon"), QStringLiteral("6h"), QStringLiteral("--out"), html});
        QVERIFY2(run.exitCode == 0 && !run.crashed, run.err.constData());
        const QString text = QString::fromUtf8(readAll(html));
        QVERIFY(text.contains(QStringLiteral("<h2>Merge study</h2>")));
        QVERIFY(text.contains(QStringLiteral("Merged, in core-hours delivered")));
        QVERIFY(text.contains(QStringLiteral("Wait p95, separate → merged")));
        for (const char* experiment : {"atlas", "belle2", "dune", "notebooks", "phenix", "sphenix", "star"})
            QVERIFY2(text.contains(QStringLiteral("<p>%1: ").arg(QLatin1String(experiment))), experiment);
    }

    void anEnsembleReportSaysItsRunsAndItsNoise()
    {
        // Two days of the demo against more-analysis (tests/golden), 4 tie seeds each: the report says how many
        // runs and how spreads are read; atlas.prod's p95 grows far beyond the runs' noise and is marked as a
        // factor, as the summary says it.
        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("ensemble.html"));
        const CliRun run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), QStringLiteral("demo"),
            QStringLiteral("--compare"), QStringLiteral(PP_TEST_DATA_DIR "/../golden/more-analysis.scenario"),
            QStringLiteral("--horizon"), QStringLiteral("2d"), QStringLiteral("--ensemble"), QStringLiteral("4"),
            QStringLiteral("--out"), html});
        QVERIFY2(run.exitCode == 0 && !run.crashed, run.err.constData());
        const QString text = QString::fromUtf8(readAll(html));
        QVERIFY2(text.contains(QStringLiteral("each scenario 4 times")), qPrintable(text.left(3000)));
        QVERIFY(text.contains(QStringLiteral("the runs' min–max")));
        QVERIFY(text.contains(QStringLiteral("nor changes within the noise of 4 runs")));
        QVERIFY(text.contains(QStringLiteral("(×")));
        // One run: no word of runs.
        const CliRun single = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), QStringLiteral("demo"),
            QStringLiteral("--horizon"), QStringLiteral("6h"), QStringLiteral("--out"), html});
        QVERIFY2(single.exitCode == 0, single.err.constData());
        QVERIFY(!QString::fromUtf8(readAll(html)).contains(QStringLiteral("Runs:")));
    }

    void aCsvFromResultFiles()
    {
        QTemporaryDir dir;
        const QString result = dir.filePath(QStringLiteral("demo.json"));
        const CliRun simulate = runCli({QStringLiteral("simulate"), QStringLiteral("--demo"),
            QStringLiteral("--horizon"), QStringLiteral("6h"), QStringLiteral("--out"), result});
        QVERIFY2(simulate.exitCode == 0, simulate.err.constData());
        const QString csv = dir.filePath(QStringLiteral("groups.csv"));
        const CliRun run
            = runCli({QStringLiteral("report"), QStringLiteral("--result"), result, QStringLiteral("--out"), csv});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList lines = QString::fromUtf8(readAll(csv)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 11); // header, then the demo's 11 groups
        QVERIFY(lines[1].contains(QStringLiteral(",<none>,")));
    }

    void aSweepCollectedIntoAWorkspaceIsReported()
    {
        // Emit a two-variant sweep, run its jobs here as HTCondor would (simulate --scenario each variant), collect
        // them into a workspace, and report from it.
        QTemporaryDir dir;
        const QString sweep = dir.filePath(QStringLiteral("sweep1"));
        CliRun run = runCli({QStringLiteral("sweep"), QStringLiteral("--scenario"), QStringLiteral("demo"),
            QStringLiteral("--vary"), QStringLiteral("GROUP_QUOTA_star=1000,3000"), QStringLiteral("--horizon"),
            QStringLiteral("3h"), QStringLiteral("--emit-htcondor"), sweep});
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        const QStringList variants = QString::fromUtf8(readAll(sweep + QStringLiteral("/variants.txt")))
                                         .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(variants.size(), 2);
        for (const QString& line : variants) {
            const QString name = line.section(QLatin1Char(','), 0, 0).trimmed();
            run = runCli({QStringLiteral("simulate"), QStringLiteral("--scenario"),
                sweep + QStringLiteral("/scenarios/") + name + QStringLiteral(".scenario"), QStringLiteral("--out"),
                sweep + QLatin1Char('/') + name + QStringLiteral(".json")});
            QVERIFY2(run.exitCode == 0, describe(run).constData());
        }
        const QString workspace = dir.filePath(QStringLiteral("plan.ppw"));
        run = runCli({QStringLiteral("collect"), sweep, QStringLiteral("--workspace"), workspace});
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        QVERIFY(run.err.contains("2 results kept"));
        const QString csv = dir.filePath(QStringLiteral("sweep.csv"));
        run = runCli(
            {QStringLiteral("report"), QStringLiteral("--workspace"), workspace, QStringLiteral("--out"), csv});
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        const QString table = QString::fromUtf8(readAll(csv));
        for (const QString& line : variants)
            QVERIFY2(table.contains(QStringLiteral("sweep1 ") + line.section(QLatin1Char(','), 0, 0).trimmed()),
                qPrintable(table.left(400)));
    }

    void badSourcesAndDestinationsAreNamed()
    {
        QTemporaryDir dir;
        const QString text = dir.filePath(QStringLiteral("notes.ppw"));
        QVERIFY(writeFile(text, "not a workspace\n"));
        CliRun run = runCli({QStringLiteral("report"), QStringLiteral("--workspace"), text, QStringLiteral("--out"),
            dir.filePath(QStringLiteral("r.pdf"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("notes.ppw"));
        run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), QStringLiteral("demo"),
            QStringLiteral("--horizon"), QStringLiteral("1h"), QStringLiteral("--out"),
            QStringLiteral("/nonexistent/dir/r.csv")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("/nonexistent/dir/r.csv"));
        run = runCli({QStringLiteral("report"), QStringLiteral("--scenario"), QStringLiteral("demo")});
        QCOMPARE(run.exitCode, 2); // no --out
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QVERIFY(writeFile(broken, "{\"jobs_total\": 3, \"groups\": ["));
        run = runCli({QStringLiteral("report"), QStringLiteral("--result"), broken, QStringLiteral("--out"),
            dir.filePath(QStringLiteral("r.pdf"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("broken.json"));
        QVERIFY(!run.crashed);

        // Reading commands never create a workspace where none was.
        const QString missing = dir.filePath(QStringLiteral("missing.ppw"));
        run = runCli({QStringLiteral("report"), QStringLiteral("--workspace"), missing, QStringLiteral("--out"),
            dir.filePath(QStringLiteral("r.csv"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("missing.ppw: no such workspace"), describe(run).constData());
        QVERIFY(!QFileInfo::exists(missing));
        QVERIFY(!QFileInfo::exists(missing + QStringLiteral("-wal")));

        // Another program's SQLite database (application id and user version 0, as SQLite leaves them) is
        // refused by report and by collect, and left exactly as it was.
        const QString other = dir.filePath(QStringLiteral("other.sqlite"));
        QVERIFY(writeSqliteWithATable(other));
        const QByteArray before = readAll(other);
        run = runCli({QStringLiteral("report"), QStringLiteral("--workspace"), other, QStringLiteral("--out"),
            dir.filePath(QStringLiteral("r.csv"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("another program's SQLite database"), describe(run).constData());
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("emptysweep")));
        run = runCli({QStringLiteral("collect"), dir.filePath(QStringLiteral("emptysweep")),
            QStringLiteral("--workspace"), other});
        QVERIFY(run.exitCode != 0 && !run.crashed);
        QCOMPARE(readAll(other), before);

        // recover reads a workspace and writes a new one; never over an existing file.
        run = runCli({QStringLiteral("recover"), missing, dir.filePath(QStringLiteral("new.ppw"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("missing.ppw: no such workspace"), describe(run).constData());
        run = runCli({QStringLiteral("recover"), other, text});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("notes.ppw exists already"), describe(run).constData());
        QCOMPARE(readAll(other), before);
    }
};

QTEST_GUILESS_MAIN(CliReportTest)
#include "tst_clireport.moc"
