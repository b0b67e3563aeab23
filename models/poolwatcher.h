// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

class QProcess;

/// What one poll of a pool brought back: each command's output as it printed it, for pp::loadSnapshot to read.
struct PoolSnapshot
{
    QDateTime takenAt; ///< UTC, when the poll began
    QString host; ///< the ssh host it came from; empty for this machine
    QByteArray status; ///< condor_status -json: the slot ads
    QByteArray queue; ///< condor_q -allusers -json: the job ads; empty when the queue is
    QByteArray accounting; ///< condor_userprio -long -modular: the Accounting ads; empty before any negotiation
    /// The three outputs are qCompress()ed as the workspace stores them: compressed off the GUI thread once the
    /// poll was read, so that storing a big pool's poll does not freeze the window.
    bool compressed = false;
};
Q_DECLARE_METATYPE(PoolSnapshot)

/// Polls a pool on an interval for its slot, job and accounting ads, on this machine or through `ssh HOST`.
/// Everything is asynchronous: commands run as QProcesses with argument lists (never a shell string here) and a
/// timeout each, so a slow or hanging pool never blocks the window. A failed poll is reported and tried again at
/// the next interval.
class PoolWatcher : public QObject
{
    Q_OBJECT
public:
    enum class Query { Status, Queue, Accounting };
    Q_ENUM(Query)
    enum class State {
        Stopped, ///< not watching, and no poll running
        Polling, ///< the commands of a poll are running (watching, or once for pollNow())
        Waiting, ///< the last poll succeeded; the next one is due after the interval
        Retrying, ///< the last poll failed; it is tried again after the interval
    };
    Q_ENUM(State)

    struct Settings
    {
        QString host; ///< empty: this machine; otherwise every command runs as `ssh … HOST command args…`
        int intervalSeconds = 60; ///< from the end of one poll to the start of the next; the negotiator's cycle
        int timeoutSeconds = 120; ///< per command; condor_q of a big schedd can take a while
        int connectTimeoutSeconds = 10; ///< ssh's ConnectTimeout, never more than timeoutSeconds
        /// Where condor_status, condor_q and condor_userprio are (on HOST when there is one); empty: found on the
        /// PATH. For installations outside a non-interactive shell's PATH, and for tests' stand-ins.
        QString toolDirectory;
    };

    /// A program and its arguments, ready for QProcess.
    struct Command
    {
        QString program;
        QStringList arguments;
        /// The command as a person would type it, quoted where needed; for messages only, never run.
        QString displayText() const;
    };

    /// The command that asks for one kind of ads with these settings.
    static Command commandFor(Query query, const Settings& settings);
    /// Why these settings cannot be used (a host ssh would take for an option, …); empty when they can.
    static QString settingsError(const Settings& settings);

    explicit PoolWatcher(QObject* parent = nullptr);
    /// Kills a command still running; safe at any moment.
    ~PoolWatcher() override;

    /// Takes effect from the next poll; a poll under way finishes with the settings it began with.
    void setSettings(const Settings& settings);
    const Settings& settings() const { return m_settings; }

    /// Polls now and then every interval until stop().
    void start();
    /// Kills a command in flight; nothing is reported about the poll it belonged to.
    void stop();
    /// Polls at once, watching or not (a poll already under way is not doubled); when watching, the interval
    /// counts again from the end of this poll.
    void pollNow();

    bool isWatching() const { return m_watching; }
    bool isPolling() const { return m_process != nullptr; }
    State state() const { return m_state; }
    /// Polls failed in a row; 0 after a success.
    int consecutiveFailures() const { return m_failures; }

Q_SIGNALS:
    void stateChanged(PoolWatcher::State state);
    void snapshotTaken(const PoolSnapshot& snapshot);
    /// `command` as displayText() shows it; `message` says why: the first line of its stderr, a timeout, a program
    /// that could not be started, or a condor_status that printed no slot ads.
    void commandFailed(const QString& command, const QString& message);

private:
    void poll();
    void runQuery();
    void queryFinished(int exitCode, bool crashed);
    void fail(const QString& message);
    void finishPoll(bool succeeded);
    void setState(State state);
    void abandon(QProcess* process);

    Settings m_settings;
    Settings m_pollSettings; // what the poll under way runs with
    State m_state = State::Stopped;
    bool m_watching = false;
    int m_failures = 0;
    int m_query = 0; // index of the query under way
    PoolSnapshot m_snapshot; // filled query by query
    QProcess* m_process = nullptr; // the command under way
    QTimer m_commandTimer; // that command's timeout
    QTimer m_intervalTimer;
};

/// Writes the snapshot's outputs into `directory` (created if missing) as status.ads, queue.ads and
/// accounting.ads, so that pp::loadSnapshot reads the directory as that snapshot. The names say what the files
/// hold, not their form: the loader tells -json, long and new ClassAds apart by content. An empty output gets no
/// file (the loader refuses empty files) and a stale one of that name is removed; nothing else in the directory
/// is touched, and the loader reads every file there. Files are replaced whole, never left half written. Big
/// pools make big files: call it off the GUI thread. False with `error` set (when given) if a file could not be
/// written.
bool writeSnapshotFiles(const PoolSnapshot& snapshot, const QString& directory, QString* error = nullptr);
