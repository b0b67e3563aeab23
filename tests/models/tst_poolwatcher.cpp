// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Live polling against tests/data/fake-condor: stand-in condor_status, condor_q and condor_userprio scripts that
// print recorded real HTCondor ads (see the README there), or fail, hang or print nothing when FAKE_CONDOR_MODE
// says so. No real pool and no real ssh: the ssh argument lists are checked as values.
#include "io/inspect.h"
#include "io/snapshot.h"
#include "model/workloadmodel.h"
#include "poolwatcher.h"

#include "../realpoolfiles.h"
#include "../testfiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cerrno>
#include <memory>

#include <signal.h> // kill(pid, 0): is the process still there?

namespace {

QString fakeCondor()
{
    return dataPath("fake-condor");
}

QByteArray recorded(const char* name)
{
    const QByteArray bytes = readAll(fakeCondor() + QStringLiteral("/recorded/") + QLatin1String(name));
    if (bytes.isEmpty())
        qFatal("cannot read the recorded ads %s", name);
    return bytes;
}

// What the stand-in condor_status prints: its two recorded files, a blank line between them as between ads.
QByteArray recordedStatus()
{
    return recorded("htcondor_StatusAds_partionable8core.long.ads") + '\n'
        + recorded("htcondor_cmd_status_8static_slots_v8.9.12.long.ads");
}

PoolWatcher::Settings standIn(int timeoutSeconds = 10)
{
    PoolWatcher::Settings settings;
    settings.toolDirectory = fakeCondor();
    settings.intervalSeconds = 1;
    settings.timeoutSeconds = timeoutSeconds;
    return settings;
}

// The commands of this watcher that are still running (or killed and not yet reaped).
QList<QProcess*> processesOf(const PoolWatcher& watcher)
{
    return watcher.findChildren<QProcess*>(Qt::FindDirectChildrenOnly);
}

// "command: message" of the first commandFailed heard, for a test's failure message.
QString firstFailure(const QSignalSpy& failed)
{
    return failed.isEmpty() ? QString()
                            : failed.at(0).at(0).toString() + QStringLiteral(": ") + failed.at(0).at(1).toString();
}

bool processExists(qint64 pid)
{
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

} // namespace

class PoolWatcherTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        for (const char* tool : {"condor_status", "condor_q", "condor_userprio"}) {
            const QFileInfo script(fakeCondor() + QLatin1Char('/') + QLatin1String(tool));
            QVERIFY2(script.isExecutable(),
                qPrintable(script.filePath() + QStringLiteral(" must be executable (chmod +x, and commit it so)")));
        }
    }

    void init() { cleanup(); }

    void cleanup()
    {
        qunsetenv("FAKE_CONDOR_MODE");
        qunsetenv("FAKE_CONDOR_ONLY");
    }

    void commandsOnThisMachine_data()
    {
        QTest::addColumn<PoolWatcher::Query>("query");
        QTest::addColumn<QString>("toolDirectory");
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("slot ads") << PoolWatcher::Query::Status << QString() << QStringLiteral("condor_status")
                                  << QStringList {QStringLiteral("-json")};
        QTest::addRow("everyone's jobs, not only the caller's")
            << PoolWatcher::Query::Queue << QString() << QStringLiteral("condor_q")
            << QStringList {QStringLiteral("-allusers"), QStringLiteral("-json")};
        QTest::addRow("one accounting ad per submitter and group, not the numbered legacy ad")
            << PoolWatcher::Query::Accounting << QString() << QStringLiteral("condor_userprio")
            << QStringList {QStringLiteral("-long"), QStringLiteral("-modular")};
        QTest::addRow("from a tool directory") << PoolWatcher::Query::Queue << QStringLiteral("/opt/condor/bin")
                                               << QStringLiteral("/opt/condor/bin/condor_q")
                                               << QStringList {QStringLiteral("-allusers"), QStringLiteral("-json")};
        QTest::addRow("from a tool directory written with a trailing slash")
            << PoolWatcher::Query::Status << QStringLiteral("/opt/condor/bin/")
            << QStringLiteral("/opt/condor/bin/condor_status") << QStringList {QStringLiteral("-json")};
    }

    void commandsOnThisMachine()
    {
        QFETCH(PoolWatcher::Query, query);
        QFETCH(QString, toolDirectory);
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        PoolWatcher::Settings settings;
        settings.toolDirectory = toolDirectory;
        const PoolWatcher::Command command = PoolWatcher::commandFor(query, settings);
        QCOMPARE(command.program, program);
        QCOMPARE(command.arguments, arguments);
    }

    void commandsThroughSsh_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<PoolWatcher::Query>("query");
        QTest::addColumn<int>("timeoutSeconds");
        QTest::addColumn<QString>("toolDirectory");
        QTest::addColumn<QStringList>("arguments");
        const auto ssh = [](const char* connectTimeout, const char* host) {
            return QStringList {QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                QStringLiteral("ConnectTimeout=") + QLatin1String(connectTimeout), QLatin1String(host)};
        };
        QTest::addRow("a host") << QStringLiteral("submit.example.org") << PoolWatcher::Query::Queue << 120 << QString()
                                << ssh("10", "submit.example.org")
                + QStringList {QStringLiteral("condor_q"), QStringLiteral("-allusers"), QStringLiteral("-json")};
        QTest::addRow("user@host; ssh's connect timeout no longer than the command's")
            << QStringLiteral("alice@cm.example.org") << PoolWatcher::Query::Status << 5 << QString()
            << ssh("5", "alice@cm.example.org")
                + QStringList {QStringLiteral("condor_status"), QStringLiteral("-json")};
        QTest::addRow("a remote tool directory with a space, quoted for the remote shell")
            << QStringLiteral("cm") << PoolWatcher::Query::Accounting << 120 << QStringLiteral("/opt/HT Condor/bin")
            << ssh("10", "cm")
                + QStringList {QStringLiteral("'/opt/HT Condor/bin/condor_userprio'"), QStringLiteral("-long"),
                    QStringLiteral("-modular")};
        QTest::addRow("a quote in the remote tool directory")
            << QStringLiteral("cm") << PoolWatcher::Query::Status << 120 << QStringLiteral("/opt/it's")
            << ssh("10", "cm") + QStringList {QStringLiteral("'/opt/it'\\''s/condor_status'"), QStringLiteral("-json")};
    }

    void commandsThroughSsh()
    {
        QFETCH(QString, host);
        QFETCH(PoolWatcher::Query, query);
        QFETCH(int, timeoutSeconds);
        QFETCH(QString, toolDirectory);
        QFETCH(QStringList, arguments);
        PoolWatcher::Settings settings;
        settings.host = host;
        settings.timeoutSeconds = timeoutSeconds;
        settings.toolDirectory = toolDirectory;
        QVERIFY(PoolWatcher::settingsError(settings).isEmpty());
        const PoolWatcher::Command command = PoolWatcher::commandFor(query, settings);
        QCOMPARE(command.program, QStringLiteral("ssh"));
        QCOMPARE(command.arguments, arguments);
    }

    void hostsSshWouldMisreadAreRefused_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("refused");
        QTest::addRow("this machine") << QString() << false;
        QTest::addRow("user@host") << QStringLiteral("alice@cm.example.org") << false;
        QTest::addRow("an option in disguise") << QStringLiteral("-oProxyCommand=touch /tmp/owned") << true;
        QTest::addRow("a space") << QStringLiteral("cm example.org") << true;
        QTest::addRow("a newline") << QStringLiteral("cm\n") << true;
    }

    void hostsSshWouldMisreadAreRefused()
    {
        QFETCH(QString, host);
        QFETCH(bool, refused);
        PoolWatcher::Settings settings;
        settings.host = host;
        QCOMPARE(!PoolWatcher::settingsError(settings).isEmpty(), refused);
        if (!refused)
            return;
        // Watching such a host reports it, and nothing is run.
        PoolWatcher watcher;
        watcher.setSettings(settings);
        QSignalSpy failed(&watcher, &PoolWatcher::commandFailed);
        watcher.pollNow();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), PoolWatcher::settingsError(settings));
        QVERIFY(processesOf(watcher).isEmpty());
        QCOMPARE(watcher.state(), PoolWatcher::State::Stopped);
    }

    void pollsTheRecordedAds()
    {
        PoolWatcher watcher;
        watcher.setSettings(standIn());
        QSignalSpy taken(&watcher, &PoolWatcher::snapshotTaken);
        QSignalSpy failed(&watcher, &PoolWatcher::commandFailed);
        QSignalSpy states(&watcher, &PoolWatcher::stateChanged);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        watcher.pollNow();
        QVERIFY(watcher.isPolling()); // returns at once: the commands run while the event loop does
        QVERIFY(!watcher.isWatching());
        QCOMPARE(watcher.state(), PoolWatcher::State::Polling);
        QTRY_VERIFY_WITH_TIMEOUT(!taken.isEmpty() || !failed.isEmpty(), 10000);
        QVERIFY2(failed.isEmpty(), qPrintable(firstFailure(failed)));

        const auto snapshot = taken.at(0).at(0).value<PoolSnapshot>();
        QCOMPARE(snapshot.status, recordedStatus());
        QCOMPARE(snapshot.queue, recorded("htcondor_python_bindings_test.old.ad"));
        QCOMPARE(snapshot.accounting, recorded("htcondor_personal_pool_accounting_ad.new-classad.txt"));
        QVERIFY(snapshot.host.isEmpty());
        QVERIFY(snapshot.takenAt >= before && snapshot.takenAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(snapshot.takenAt.timeSpec(), Qt::UTC);
        // One poll, asked for once: nothing runs afterwards.
        QCOMPARE(states.size(), 2);
        QCOMPARE(states.at(0).at(0).value<PoolWatcher::State>(), PoolWatcher::State::Polling);
        QCOMPARE(states.at(1).at(0).value<PoolWatcher::State>(), PoolWatcher::State::Stopped);
        QVERIFY(!watcher.isPolling());
        QTRY_VERIFY(processesOf(watcher).isEmpty());
    }

    void theWrittenSnapshotLoads()
    {
        PoolWatcher watcher;
        watcher.setSettings(standIn());
        QSignalSpy taken(&watcher, &PoolWatcher::snapshotTaken);
        watcher.pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(taken.size(), 1, 10000);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(writeSnapshotFiles(taken.at(0).at(0).value<PoolSnapshot>(), dir.path(), &error), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files, QDir::Name),
            (QStringList {
                QStringLiteral("accounting.ads"), QStringLiteral("queue.ads"), QStringLiteral("status.ads")}));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("status.ads"))), recordedStatus());

        pp::Warnings warnings;
        const auto scenario = pp::loadSnapshot({dir.path().toStdString()}, pp::WorkloadModel {}, 3600, 1, warnings);
        QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().message().c_str());
        // Slot ads: ingwe.cs.wisc.edu is one partitionable slot of TotalSlotCpus = 8 with four 1-core dynamic
        // slots Claimed by bt@cs.wisc.edu; gthain.localdomain is eight 1-core static slots, all Unclaimed.
        const auto& machines = scenario->pool.machines;
        QCOMPARE(machines.size(), std::size_t(2));
        QCOMPARE(machines[0].name, std::string("gthain.localdomain"));
        QCOMPARE(machines[0].cores, 8);
        QCOMPARE(machines[1].name, std::string("ingwe.cs.wisc.edu"));
        QCOMPARE(machines[1].cores, 8);
        // Jobs: the four running on those dynamic slots, and the queue's one idle job (JobStatus = 1) of
        // bbockelm; an empty model adds no future arrivals.
        QCOMPARE(scenario->running.size(), std::size_t(4));
        QCOMPARE(scenario->workload.jobs.size(), std::size_t(5));
        std::vector<std::string> submitters = scenario->workload.submitters;
        std::sort(submitters.begin(), submitters.end());
        QCOMPARE(submitters, (std::vector<std::string> {"bbockelm", "bt"}));
        // The one accounting ad is the <none> group's, which holds no submitter's priority.
        QVERIFY(scenario->priorities.empty());
    }

    void anEmptyQueueIsNoFailure()
    {
        // condor_q -json prints nothing at all for an empty queue: a quiet pool, not a broken one.
        qputenv("FAKE_CONDOR_MODE", "empty");
        qputenv("FAKE_CONDOR_ONLY", "condor_q");
        PoolWatcher watcher;
        watcher.setSettings(standIn());
        QSignalSpy taken(&watcher, &PoolWatcher::snapshotTaken);
        QSignalSpy failed(&watcher, &PoolWatcher::commandFailed);
        watcher.pollNow();
        QTRY_VERIFY_WITH_TIMEOUT(!taken.isEmpty() || !failed.isEmpty(), 10000);
        QVERIFY2(failed.isEmpty(), qPrintable(firstFailure(failed)));
        const auto snapshot = taken.at(0).at(0).value<PoolSnapshot>();
        QCOMPARE(snapshot.status, recordedStatus());
        QVERIFY(snapshot.queue.isEmpty());

        // Written over an older snapshot, the old queue goes: the loader would refuse an empty file.
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("queue.ads")), recorded("htcondor_python_bindings_test.old.ad")));
        QVERIFY(writeSnapshotFiles(snapshot, dir.path()));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("queue.ads"))));
        pp::Warnings warnings;
        const auto scenario = pp::loadSnapshot({dir.path().toStdString()}, pp::WorkloadModel {}, 3600, 1, warnings);
        QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().message().c_str());
        QCOMPARE(scenario->workload.jobs.size(), std::size_t(4)); // the running ones only
    }

    void noSlotAdsIsAFailure()
    {
        qputenv("FAKE_CONDOR_MODE", "empty");
        qputenv("FAKE_CONDOR_ONLY", "condor_status");
        PoolWatcher watcher;
        const PoolWatcher::Settings settings = standIn();
        watcher.setSettings(settings);
        QSignalSpy taken(&watcher, &PoolWatcher::snapshotTaken);
        QSignalSpy failed(&watcher, &PoolWatcher::commandFailed);
        watcher.pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(
            failed.at(0).at(0).toString(), PoolWatcher::commandFor(PoolWatcher::Query::Status, settings).displayText());
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("printed no slot ads"));
        QVERIFY(taken.isEmpty());
    }

    void aFailingCommandIsReportedAndRetried_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<PoolWatcher::Query>("query");
        QTest::addRow("condor_status") << QStringLiteral("condor_status") << PoolWatcher::Query::Status;
        QTest::addRow("condor_q, after condor_status succeeded")
            << QStringLiteral("condor_q") << PoolWatcher::Query::Queue;
        QTest::addRow("condor_userprio, the last")
            << QStringLiteral("condor_userprio") << PoolWatcher::Query::Accounting;
    }

    void aFailingCommandIsReportedAndRetried()
    {
        QFETCH(QString, tool);
        QFETCH(PoolWatcher::Query, query);
        qputenv("FAKE_CONDOR_MODE", "fail");
        qputenv("FAKE_CONDOR_ONLY", tool.toUtf8());
        PoolWatcher watcher;
        const PoolWatcher::Settings settings = standIn();
        watcher.setSettings(settings);
        QSignalSpy taken(&watcher, &PoolWatcher::snapshotTaken);
        QSignalSpy failed(&watcher, &PoolWatcher::commandFailed);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        const QString command = failed.at(0).at(0).toString();
        QCOMPARE(command, PoolWatcher::commandFor(query, settings).displayText());
        QVERIFY(command.contains(tool));
        // The stand-in's stderr, as the user would see it.
        QCOMPARE(
            failed.at(0).at(1).toString(), tool + QStringLiteral(": fake failure for a test (FAKE_CONDOR_MODE=fail)"));
        QCOMPARE(watcher.state(), PoolWatcher::State::Retrying);
        QCOMPARE(watcher.consecutiveFailures(), 1);
        QVERIFY(taken.isEmpty()); // a poll with a failed command gives no partial snapshot

        // The pool recovers; the next interval's poll succeeds without anyone asking.
        qunsetenv("FAKE_CONDOR_MODE");
        QTRY_COMPARE_WITH_TIMEOUT(taken.size(), 1, 10000);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(watcher.state(), PoolWatcher::State::Waiting);
        QCOMPARE(watcher.consecutiveFailures(), 0);
        QCOMPARE(taken.at(0).at(0).value<PoolSnapshot>().status, recordedStatus());
        watcher.stop();
    }

    void aHangingCommandIsKilledAfterItsTimeout()
    {
        // condor_status answers; condor_q then hangs (sleep 30) and has 1 s.
        qputenv("FAKE_CONDOR_MODE", "hang");
        qputenv("FAKE_CONDOR_ONLY", "condor_q");
        PoolWatcher watcher;
        const PoolWatcher::Settings settings = standIn(1);
        watcher.setSettings(settings);
        QSignalSpy failed(&watcher, &PoolWatcher::commandFailed);
        QSignalSpy taken(&watcher, &PoolWatcher::snapshotTaken);
        QElapsedTimer clock;
        clock.start();
        watcher.pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(elapsed >= 1000 && elapsed < 4000, qPrintable(QString::number(elapsed)));
        QCOMPARE(
            failed.at(0).at(0).toString(), PoolWatcher::commandFor(PoolWatcher::Query::Queue, settings).displayText());
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("gave no answer within 1 s and was stopped"));
        QVERIFY(taken.isEmpty());
        QVERIFY(!watcher.isPolling());
        // The killed command is reaped, not left sleeping.
        QTRY_VERIFY_WITH_TIMEOUT(processesOf(watcher).isEmpty(), 2000);
    }

    // A wrapper whose own child hangs: the timeout stops the whole process group, the grandchild included,
    // and stopping the watcher does the same.
    void aTimeoutKillsTheCommandsChildrenToo_data()
    {
        QTest::addColumn<bool>("byStop");
        QTest::addRow("timeout") << false;
        QTest::addRow("stop") << true;
    }
    void aTimeoutKillsTheCommandsChildrenToo()
    {
        QFETCH(bool, byStop);
        QTemporaryDir state;
        qputenv("FAKE_CONDOR_MODE", "grandchild");
        qputenv("FAKE_CONDOR_ONLY", "condor_q");
        qputenv("FAKE_CONDOR_STATE", state.path().toLocal8Bit());
        const auto cleanup = qScopeGuard([] { qunsetenv("FAKE_CONDOR_STATE"); });
        PoolWatcher watcher;
        watcher.setSettings(standIn(byStop ? 30 : 1));
        QSignalSpy failed(&watcher, &PoolWatcher::commandFailed);
        watcher.start();
        const QString pidFile = state.filePath(QStringLiteral("grandchild.pid"));
        QTRY_VERIFY_WITH_TIMEOUT(readAll(pidFile).trimmed().toLongLong() > 0, 10000);
        const qint64 grandchild = readAll(pidFile).trimmed().toLongLong();
        QVERIFY(processExists(grandchild));
        if (byStop)
            watcher.stop();
        else
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        watcher.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!processExists(grandchild), 5000);
    }

    void aMissingProgramIsReported()
    {
        QTemporaryDir empty;
        PoolWatcher watcher;
        PoolWatcher::Settings settings = standIn();
        settings.toolDirectory = empty.path();
        watcher.setSettings(settings);
        QSignalSpy failed(&watcher, &PoolWatcher::commandFailed);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QCOMPARE(failed.at(0).at(0).toString(), empty.path() + QStringLiteral("/condor_status -json"));
        QVERIFY2(failed.at(0).at(1).toString().startsWith(QStringLiteral("could not be started: ")),
            qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(watcher.state(), PoolWatcher::State::Retrying);
        // Tried again at the next interval, and reported again.
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 5000);
        QCOMPARE(watcher.consecutiveFailures(), 2);
        watcher.stop();
        QCOMPARE(watcher.state(), PoolWatcher::State::Stopped);
    }

    void stopKillsTheCommandInFlight()
    {
        qputenv("FAKE_CONDOR_MODE", "hang");
        PoolWatcher watcher;
        watcher.setSettings(standIn(30));
        QSignalSpy taken(&watcher, &PoolWatcher::snapshotTaken);
        QSignalSpy failed(&watcher, &PoolWatcher::commandFailed);
        watcher.start();
        QVERIFY(watcher.isWatching());
        QTRY_VERIFY(processesOf(watcher).size() == 1 && processesOf(watcher).at(0)->state() == QProcess::Running);
        const qint64 pid = processesOf(watcher).at(0)->processId();
        watcher.stop();
        QCOMPARE(watcher.state(), PoolWatcher::State::Stopped);
        QVERIFY(!watcher.isPolling());
        QVERIFY(!watcher.isWatching());
        QTRY_VERIFY_WITH_TIMEOUT(processesOf(watcher).isEmpty(), 2000);
        QVERIFY(!processExists(pid));
        // Nothing is reported about the stopped poll, and no poll follows after the interval.
        QTest::qWait(1500);
        QVERIFY(failed.isEmpty());
        QVERIFY(taken.isEmpty());
        QVERIFY(processesOf(watcher).isEmpty());
    }

    void destroyingWithACommandInFlightIsSafe()
    {
        qputenv("FAKE_CONDOR_MODE", "hang");
        auto watcher = std::make_unique<PoolWatcher>();
        watcher->setSettings(standIn(30));
        watcher->start();
        QTRY_VERIFY(processesOf(*watcher).size() == 1 && processesOf(*watcher).at(0)->state() == QProcess::Running);
        const qint64 pid = processesOf(*watcher).at(0)->processId();
        QElapsedTimer clock;
        clock.start();
        watcher.reset();
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!processExists(pid));
    }
    // A busy real pool watched poll after poll: the stand-ins replay the 24 polls of a pool recorded on
    // HTCondor 25.14, whose p-slot has dynamic children (Child* lists). Each poll arrives as printed, is read
    // as a snapshot, and counts as the recorded file says.
    void watchesABusyRealPool_data()
    {
        QTest::addColumn<QString>("recordingName");
        for (const char* name : realpool::recordings)
            QTest::addRow("%s", name) << QString::fromLatin1(name);
    }
    void watchesABusyRealPool()
    {
        QFETCH(QString, recordingName);
        const QByteArray name = recordingName.toLatin1();
        const auto polls = realpool::polls(name.constData());
        QCOMPARE(polls.size(), std::size_t {24});
        QTemporaryDir state;
        qputenv(
            "FAKE_CONDOR_REPLAY", (realpool::recording(name.constData()) + QStringLiteral("/snapshots")).toLocal8Bit());
        qputenv("FAKE_CONDOR_STATE", state.path().toLocal8Bit());
        const auto cleanup = qScopeGuard([] {
            qunsetenv("FAKE_CONDOR_REPLAY");
            qunsetenv("FAKE_CONDOR_STATE");
        });
        PoolWatcher watcher;
        watcher.setSettings(standIn());
        QSignalSpy taken(&watcher, &PoolWatcher::snapshotTaken);
        QSignalSpy failed(&watcher, &PoolWatcher::commandFailed);
        int poll = 0;
        for (const auto& [number, files] : polls) {
            watcher.pollNow();
            QTRY_VERIFY_WITH_TIMEOUT(taken.size() == poll + 1 || !failed.isEmpty(), 10000);
            QVERIFY2(failed.isEmpty(), qPrintable(firstFailure(failed)));
            const auto snapshot = taken.at(poll).at(0).value<PoolSnapshot>();
            ++poll;
            QCOMPARE(snapshot.status, realpool::gunzip(files.at(QStringLiteral("status"))));
            QCOMPARE(snapshot.queue, realpool::gunzip(files.at(QStringLiteral("q"))));

            QTemporaryDir dir;
            QString error;
            QVERIFY2(writeSnapshotFiles(snapshot, dir.path(), &error), qPrintable(error));
            const auto slotSummary = pp::inspectFile(dir.filePath(QStringLiteral("status.ads")).toStdString());
            QVERIFY2(slotSummary.ok(), slotSummary.ok() ? "" : slotSummary.error().message().c_str());
            const auto expected = realpool::countSlots(realpool::jsonAds(files.at(QStringLiteral("status"))));
            QCOMPARE(slotSummary->partitionable, expected.partitionable);
            QCOMPARE(slotSummary->dynamicSlots, expected.dynamic);
            QCOMPARE(slotSummary->coresTotal, expected.coresTotal);
            QCOMPARE(slotSummary->coresClaimed, expected.coresClaimed);

            pp::Warnings warnings;
            const auto scenario = pp::loadSnapshot({dir.path().toStdString()}, pp::WorkloadModel {}, 600, 1, warnings);
            QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().message().c_str());
            QCOMPARE(scenario->pool.totalCores(), 16L);
            QCOMPARE(static_cast<long>(scenario->running.size()), expected.claimedSlots);
        }
        QCOMPARE(poll, 24);
    }
};

QTEST_GUILESS_MAIN(PoolWatcherTest)
#include "tst_poolwatcher.moc"
