// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "poolwatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <chrono>
#include <utility>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif

namespace {

// Each command runs in a session of its own, so that stopping it stops what it started too: a wrapper script's
// `sleep`, ssh's children. Killing the group is harmless once the command is gone (the group is then empty).
void killGroup(QProcess* process)
{
#ifdef Q_OS_UNIX
    if (const qint64 pid = process->processId(); pid > 0)
        ::kill(static_cast<pid_t>(-pid), SIGKILL);
#endif
    process->kill();
}

using Query = PoolWatcher::Query;

constexpr int queryCount = 3; // Status, Queue, Accounting, run in this order

Query queryAt(int index)
{
    return static_cast<Query>(index);
}

QString toolOf(Query query)
{
    switch (query) {
    case Query::Status:
        return QStringLiteral("condor_status");
    case Query::Queue:
        return QStringLiteral("condor_q");
    case Query::Accounting:
        return QStringLiteral("condor_userprio");
    }
    return {};
}

QStringList argumentsOf(Query query)
{
    switch (query) {
    case Query::Status:
        return {QStringLiteral("-json")};
    case Query::Queue:
        // Since 8.5 condor_q shows only the caller's own jobs unless told otherwise; the planner needs everyone's.
        return {QStringLiteral("-allusers"), QStringLiteral("-json")};
    case Query::Accounting:
        // condor_userprio has no -json (HTCondor's src/condor_tools/user_prio.cpp has no such option). -long alone
        // prints the legacy single ad with numbered attributes (Name1, Priority1, …), which the loader does not
        // read; -long -modular prints one long-form Accounting ad per submitter and group, which it does (both
        // options date from the 8.x series and are in today's user_prio.cpp). Current releases take the ads from
        // the collector, where the negotiator publishes them each cycle: the same read access as condor_status.
        // `condor_status -any -constraint 'MyType == "Accounting"' -json` would give them as JSON, but through ssh
        // its quoted expression would have to survive the remote shell; these arguments are plain words.
        return {QStringLiteral("-long"), QStringLiteral("-modular")};
    }
    return {};
}

// ssh hands the remote side one string, which the user's shell there splits again into words: a word with
// anything but these characters is single-quoted for that shell.
QString shellWord(const QString& word)
{
    const auto plain = [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || QStringLiteral("_@%+=:,./-").contains(c);
    };
    if (!word.isEmpty() && std::all_of(word.begin(), word.end(), plain))
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// The first line that says something; HTCondor's tools often start their complaints with an empty line.
QString firstLine(const QByteArray& bytes)
{
    for (const QByteArray& line : bytes.split('\n')) {
        const QString text = QString::fromLocal8Bit(line).trimmed();
        if (!text.isEmpty())
            return text.left(300);
    }
    return {};
}

} // namespace

QString PoolWatcher::Command::displayText() const
{
    QStringList words {shellWord(program)};
    for (const QString& argument : arguments)
        words << shellWord(argument);
    return words.join(QLatin1Char(' '));
}

PoolWatcher::Command PoolWatcher::commandFor(Query query, const Settings& settings)
{
    QString program = toolOf(query);
    if (!settings.toolDirectory.isEmpty()) {
        QString directory = settings.toolDirectory;
        if (!directory.endsWith(QLatin1Char('/')))
            directory += QLatin1Char('/');
        program.prepend(directory);
    }
    const QStringList arguments = argumentsOf(query);
    if (settings.host.isEmpty())
        return {program, arguments};
    // BatchMode: there is no terminal to answer a password or host-key prompt, which would only hang until the
    // timeout. ConnectTimeout: an unreachable host is reported as such by ssh, before our own timeout kills it.
    const int connectTimeout = std::clamp(settings.connectTimeoutSeconds, 1, std::max(1, settings.timeoutSeconds));
    QStringList ssh {QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
        QStringLiteral("ConnectTimeout=") + QString::number(connectTimeout), settings.host, shellWord(program)};
    for (const QString& argument : arguments)
        ssh << shellWord(argument);
    return {QStringLiteral("ssh"), ssh};
}

QString PoolWatcher::settingsError(const Settings& settings)
{
    const QString& host = settings.host;
    if (host.startsWith(QLatin1Char('-')))
        return tr("\"%1\" is not a host name: ssh would take it for an option").arg(host);
    if (std::any_of(
            host.begin(), host.end(), [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; }))
        return tr("\"%1\" is not a host name: it holds spaces or control characters").arg(host.trimmed());
    return {};
}

PoolWatcher::PoolWatcher(QObject* parent)
    : QObject(parent)
{
    m_commandTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early: a command given 1 s must have had its whole second.
    m_commandTimer.setTimerType(Qt::PreciseTimer);
    m_intervalTimer.setSingleShot(true);
    connect(&m_commandTimer, &QTimer::timeout, this,
        [this] { fail(tr("gave no answer within %1 s and was stopped").arg(m_pollSettings.timeoutSeconds)); });
    connect(&m_intervalTimer, &QTimer::timeout, this, &PoolWatcher::poll);
}

PoolWatcher::~PoolWatcher()
{
    m_commandTimer.stop();
    m_intervalTimer.stop();
    // Commands in flight, and killed ones not yet reaped. QProcess's own destructor would kill and wait as well
    // (with a warning); after SIGKILL the wait is only the kernel reaping the process, never the command's work.
    const auto processes = findChildren<QProcess*>(Qt::FindDirectChildrenOnly);
    for (QProcess* process : processes) {
        disconnect(process, nullptr, this, nullptr);
        if (process->state() != QProcess::NotRunning) {
            killGroup(process);
            process->waitForFinished(1000);
        }
    }
}

void PoolWatcher::setSettings(const Settings& settings)
{
    m_settings = settings;
}

void PoolWatcher::start()
{
    if (m_watching)
        return;
    m_watching = true;
    if (m_process)
        setState(State::Polling); // a pollNow() under way becomes the first poll
    else
        poll();
}

void PoolWatcher::stop()
{
    m_watching = false;
    m_intervalTimer.stop();
    m_commandTimer.stop();
    if (m_process)
        abandon(std::exchange(m_process, nullptr));
    setState(State::Stopped);
}

void PoolWatcher::pollNow()
{
    poll();
}

void PoolWatcher::poll()
{
    if (m_process)
        return;
    m_intervalTimer.stop();
    m_pollSettings = m_settings;
    m_snapshot = PoolSnapshot {};
    m_snapshot.takenAt = QDateTime::currentDateTimeUtc();
    m_snapshot.host = m_pollSettings.host;
    m_query = 0;
    setState(State::Polling);
    if (m_state != State::Polling)
        return; // stopped by whoever heard of it
    if (const QString error = settingsError(m_pollSettings); !error.isEmpty()) {
        fail(error);
        return;
    }
    runQuery();
}

void PoolWatcher::runQuery()
{
    const Command command = commandFor(queryAt(m_query), m_pollSettings);
    auto* process = new QProcess(this);
    m_process = process;
    process->setProgram(command.program);
    process->setArguments(command.arguments);
    // Nothing to read from us; ssh would otherwise hold on to our stdin.
    process->setStandardInputFile(QProcess::nullDevice());
#ifdef Q_OS_UNIX
    process->setChildProcessModifier([] { ::setsid(); });
#endif
    connect(process, &QProcess::finished, this,
        [this](int exitCode, QProcess::ExitStatus status) { queryFinished(exitCode, status == QProcess::CrashExit); });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        // The one error not followed by finished(); the others (a crash, our own kill) are handled there or not
        // heard at all.
        if (error == QProcess::FailedToStart)
            fail(tr("could not be started: %1").arg(process->errorString()));
    });
    m_commandTimer.start(std::chrono::seconds(std::max(1, m_pollSettings.timeoutSeconds)));
    process->start();
}

void PoolWatcher::queryFinished(int exitCode, bool crashed)
{
    m_commandTimer.stop();
    QProcess* process = std::exchange(m_process, nullptr);
    QByteArray output = process->readAllStandardOutput();
    const QString errorLine = firstLine(process->readAllStandardError());
    abandon(process);
    if (crashed) {
        fail(errorLine.isEmpty() ? tr("was stopped by a signal") : errorLine);
        return;
    }
    if (exitCode != 0) {
        fail(errorLine.isEmpty() ? tr("exited with code %1").arg(exitCode) : errorLine);
        return;
    }
    if (output.trimmed().isEmpty())
        output.clear();
    switch (queryAt(m_query)) {
    case Query::Status:
        // An empty queue prints nothing at all under -json (no "[]"), and so does a pool before its first
        // negotiation cycle for the accounting ads; but a pool without slot ads is no pool to plan for.
        if (output.isEmpty()) {
            fail(errorLine.isEmpty() ? tr("printed no slot ads") : errorLine);
            return;
        }
        m_snapshot.status = std::move(output);
        break;
    case Query::Queue:
        m_snapshot.queue = std::move(output);
        break;
    case Query::Accounting:
        m_snapshot.accounting = std::move(output);
        break;
    }
    if (++m_query < queryCount) {
        runQuery();
        return;
    }
    m_failures = 0;
    // Copied out first: whoever hears of the new state may start the next poll, which refills m_snapshot.
    const PoolSnapshot snapshot = std::exchange(m_snapshot, PoolSnapshot {});
    finishPoll(true);
    Q_EMIT snapshotTaken(snapshot);
}

void PoolWatcher::fail(const QString& message)
{
    const QString command = commandFor(queryAt(m_query), m_pollSettings).displayText();
    m_commandTimer.stop();
    if (m_process)
        abandon(std::exchange(m_process, nullptr));
    ++m_failures;
    m_snapshot = PoolSnapshot {};
    finishPoll(false);
    Q_EMIT commandFailed(command, message);
}

void PoolWatcher::finishPoll(bool succeeded)
{
    if (!m_watching) {
        setState(State::Stopped);
        return;
    }
    // A failed poll waits the same interval: a pool that is down for a while is not hammered meanwhile.
    m_intervalTimer.start(std::chrono::seconds(std::max(1, m_settings.intervalSeconds)));
    setState(succeeded ? State::Waiting : State::Retrying);
}

void PoolWatcher::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void PoolWatcher::abandon(QProcess* process)
{
    disconnect(process, nullptr, this, nullptr);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    // Reaped whenever it is gone; the window does not wait for it.
    connect(process, &QProcess::stateChanged, process, [process](QProcess::ProcessState state) {
        if (state == QProcess::NotRunning)
            process->deleteLater();
    });
    killGroup(process); // its children too: they would outlive it otherwise
}

bool writeSnapshotFiles(const PoolSnapshot& snapshot, const QString& directory, QString* error)
{
    const auto failWith = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QDir dir(directory);
    if (!dir.mkpath(QStringLiteral(".")))
        return failWith(
            QCoreApplication::translate("PoolWatcher", "%1: the directory cannot be created").arg(directory));
    const std::array<std::pair<QString, const QByteArray*>, 3> files {{
        {QStringLiteral("status.ads"), &snapshot.status},
        {QStringLiteral("queue.ads"), &snapshot.queue},
        {QStringLiteral("accounting.ads"), &snapshot.accounting},
    }};
    for (const auto& [name, bytes] : files) {
        const QString path = dir.filePath(name);
        if (bytes->isEmpty()) {
            if (QFile::exists(path) && !QFile::remove(path))
                return failWith(
                    QCoreApplication::translate("PoolWatcher", "%1: an older file cannot be removed").arg(path));
            continue;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit())
            return failWith(path + QStringLiteral(": ") + file.errorString());
    }
    return true;
}
