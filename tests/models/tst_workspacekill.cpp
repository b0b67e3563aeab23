// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// A workspace survives its writer being killed: `poolplanner-cli collect` writes results into one workspace
// again and again and is SIGKILLed at random moments; after each kill the file must pass SQLite's integrity
// check, open as a workspace, and still hold every result committed before. POOLPLANNER_KILL_ROUNDS sets how
// many kills (CI runs a few; a careful admin's check ran 180).
#include "workspace.h"

#include "../cli/clirun.h"
#include "../testfiles.h"

#include <QDir>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <signal.h>

namespace {

// SQLite's own verdict on the whole file, read through a connection of its own.
QString integrity(const QString& path)
{
    QString verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next())
                verdict = query.value(0).toString();
            else
                verdict = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return verdict;
}

// How many results the file holds, committed by any writer so far.
qint64 resultCount(const QString& path)
{
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT count(*) FROM results")) && query.next())
                count = query.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return count;
}

} // namespace

class WorkspaceKillTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedWritersLoseNothingCommitted()
    {
        QTemporaryDir dir;
        const QString sweep = dir.filePath(QStringLiteral("sweep"));
        QVERIFY(QDir().mkpath(sweep));
        // One real result (the LPC-EGEE slice on 8 cores), kept under 150 names: each collect commits 150
        // results, one transaction each.
        const QString first = sweep + QStringLiteral("/r000.json");
        const QString config = dir.filePath(QStringLiteral("empty.config"));
        QVERIFY(writeFile(config, QByteArray()));
        const CliRun simulated = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), config,
            QStringLiteral("--trace"), dataPath("lpc-egee-slice.swf"), QStringLiteral("--cores"), QStringLiteral("8"),
            QStringLiteral("--out"), first});
        QVERIFY2(simulated.exitCode == 0, describe(simulated).constData());
        const QByteArray result = readAll(first);
        for (int i = 1; i < 150; ++i)
            QVERIFY(writeFile(sweep + QStringLiteral("/r%1.json").arg(i, 3, 10, QLatin1Char('0')), result));

        const QString workspace = dir.filePath(QStringLiteral("plan.ppw"));
        const int rounds = qEnvironmentVariableIsSet("POOLPLANNER_KILL_ROUNDS")
            ? qEnvironmentVariableIntValue("POOLPLANNER_KILL_ROUNDS")
            : 12;
        // A whole run first: how long one takes, to kill the others somewhere inside it.
        QElapsedTimer clock;
        clock.start();
        CliRun whole = runCli({QStringLiteral("collect"), sweep, QStringLiteral("--workspace"), workspace});
        QVERIFY2(whole.exitCode == 0, describe(whole).constData());
        const qint64 runMs = std::max<qint64>(50, clock.elapsed());

        qint64 committed = 0;
        QRandomGenerator random(20261202);
        int killed = 0;
        for (int round = 0; round < rounds; ++round) {
            {
                QString error;
                auto ws = Workspace::open(workspace, &error);
                QVERIFY2(ws, qPrintable(error));
                qint64 results = 0;
                for (const auto& s : ws->scenarios())
                    results += ws->latestResult(s.id) ? 1 : 0;
                QVERIFY(results >= 150);
            }
            const qint64 before = resultCount(workspace);
            QVERIFY(before >= committed);
            committed = before;

            QProcess writer;
            writer.start(QStringLiteral(PP_CLI_PATH),
                {QStringLiteral("collect"), sweep, QStringLiteral("--workspace"), workspace});
            QVERIFY(writer.waitForStarted(10000));
            QThread::msleep(static_cast<unsigned long>(random.bounded(static_cast<int>(runMs))));
            if (writer.state() == QProcess::Running) {
                ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
                ++killed;
            }
            writer.waitForFinished(30000);

            const QString verdict = integrity(workspace);
            QVERIFY2(
                verdict == QStringLiteral("ok"), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(verdict)));
        }
        qInfo("%d of %d writers were killed mid-run; %lld results committed before the last kill survived", killed,
            rounds, static_cast<long long>(committed));
        QVERIFY2(killed > 0, "no writer was killed mid-run: the rounds prove nothing");
        // Every result still reads back whole: none was half written.
        QString error;
        auto ws = Workspace::open(workspace, &error);
        QVERIFY2(ws, qPrintable(error));
        int checked = 0;
        for (const auto& s : ws->scenarios()) {
            const auto stored = ws->latestResult(s.id);
            QVERIFY(stored);
            QVERIFY(QJsonDocument::fromJson(stored->summaryJson.toUtf8()).isObject());
            ++checked;
        }
        QCOMPARE(checked, 150);
    }
};

QTEST_GUILESS_MAIN(WorkspaceKillTest)
#include "tst_workspacekill.moc"
