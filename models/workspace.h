// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

/// A workspace: one SQLite file holding the imported data, the scenarios and their results, the snapshots the
/// live poller took and the view state, so that reopening the file restores everything. Every call commits at
/// once, which is what makes autosave free: there is no unsaved state to lose.
///
/// The file runs in WAL mode with foreign keys on. Its schema version is the file's `PRAGMA user_version`;
/// opening applies the missing migrations in order, each in one transaction that also bumps the version, so a
/// failed migration leaves the file exactly as it was.
///
/// A workspace is bound to the thread that opened it (a QSqlDatabase connection cannot change threads): a runner
/// that writes off the GUI thread opens its own. Calls that fail return false or nullopt and leave a message in
/// lastError() naming the file and what was being done; lastError() is cleared at the start of every call, so
/// nullopt with an empty lastError() means "no such row".
class Workspace
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)
public:
    /// The SQL statements of one schema version, run in order inside one transaction.
    using Migration = QStringList;

    struct FileInfo
    {
        qint64 id = 0;
        QString name;
        QString format; ///< as the format detector names it, e.g. "condor_status -json"
        QDateTime importedAt;
        qint64 size = 0; ///< bytes before compression
    };

    struct Scenario
    {
        qint64 id = 0; ///< 0 for one not saved yet; saveScenario() matches by name, not by id
        QString name;
        QString description;
        /// JSON text saying where the scenario comes from and with which options, e.g. {"builtin":"demo"} or
        /// {"files":[1,2],"horizonHours":48}; the workspace stores it without reading it.
        QString source;
        bool isBaseline = false;
        QDateTime createdAt;
        QDateTime updatedAt;
    };

    struct Result
    {
        qint64 id = 0;
        qint64 scenarioId = 0;
        QDateTime createdAt;
        QString summaryJson;
    };

    /// What the live poller read from a pool at one moment, as the commands printed it.
    struct Snapshot
    {
        qint64 id = 0;
        QDateTime takenAt; ///< stored to the second
        QString host; ///< the host the commands ran on (through ssh), empty for this machine
        QByteArray status; ///< `condor_status -json`
        QByteArray queue; ///< `condor_q -allusers -json`
        QByteArray accounting; ///< the accounting ads
        /// For appendSnapshot(): the three are qCompress()ed already (done off the GUI thread), stored as they are.
        bool compressed = false;
    };

    /// A snapshot without its bytes, for listing many.
    struct SnapshotInfo
    {
        qint64 id = 0;
        QDateTime takenAt;
        QString host;
    };

    /// Opens the workspace at `path`, creating it (and its schema) when there is no file yet. Returns nullptr
    /// and a message naming the file when it cannot be used: not a workspace, damaged, written by a newer
    /// PoolPlanner, not writable. A file this call created is removed again when opening fails.
    static std::unique_ptr<Workspace> open(const QString& path, QString* error);
    /// As open(), with the migrations given instead of this build's: lets tests break a migration on purpose.
    static std::unique_ptr<Workspace> openWithMigrations(
        const QString& path, const QList<Migration>& migrations, QString* error);
    /// This build's schema, as the migrations from an empty file up to latestSchemaVersion().
    static QList<Migration> migrations();
    static int latestSchemaVersion();

    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;
    ~Workspace();

    QString path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    /// What the last failing call could not do, naming the file; empty after a call that succeeded.
    QString lastError() const { return m_lastError; }

    /// Groups every write made while it is open into one transaction: all of them land, or none (a save is one
    /// commit, never a half-written pool). Writes that fail inside it leave it to be rolled back.
    class Batch
    {
    public:
        explicit Batch(Workspace& workspace);
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;
        ~Batch(); ///< rolls back unless committed
        /// False with the workspace's lastError() when the transaction could not be started.
        bool isOpen() const { return m_open; }
        bool commit();

    private:
        Workspace& m_workspace;
        bool m_open = false;
    };

    /// A file made ready to be stored: its bytes compressed as the workspace keeps them. Making it touches no
    /// database, so a worker thread does it and the GUI thread only inserts the row.
    struct ImportedFile
    {
        QString name;
        QString format;
        qint64 size = 0; ///< bytes before compression
        QByteArray compressed;
    };
    static ImportedFile prepareImport(const QString& name, const QString& format, const QByteArray& content);

    /// Stores a file's bytes (compressed) so that the workspace no longer depends on the original.
    std::optional<qint64> importFile(const QString& name, const QString& format, const QByteArray& content);
    std::optional<qint64> importFile(const ImportedFile& file);
    std::optional<QByteArray> fileContent(qint64 id);
    QList<FileInfo> files();

    /// Inserts the scenario, or updates the one with the same name (keeping its id, creation time and results).
    /// At most one scenario is the baseline: saving one as the baseline clears the flag on the others.
    std::optional<qint64> saveScenario(const Scenario& scenario);
    QList<Scenario> scenarios();
    std::optional<Scenario> scenario(qint64 id);
    /// Removes the scenario and, with it, its results.
    bool removeScenario(qint64 id);
    /// A copy under a new name, never the baseline, without results: it is there to be changed and run again.
    std::optional<qint64> duplicateScenario(qint64 id, const QString& newName);

    std::optional<qint64> saveResult(qint64 scenarioId, const QString& summaryJson);
    std::optional<Result> latestResult(qint64 scenarioId);

    std::optional<qint64> appendSnapshot(const Snapshot& snapshot);
    /// Keeps every snapshot of the last `recentSeconds` before the newest, and of older ones only the newest per
    /// host in each `olderEverySeconds`: a long watch grows the file by a few snapshots a day, not by every poll.
    bool thinSnapshots(qint64 recentSeconds, qint64 olderEverySeconds);
    /// Every snapshot, oldest first, without the bytes.
    QList<SnapshotInfo> snapshots();
    std::optional<Snapshot> snapshot(qint64 id);

    bool setViewState(const QString& key, const QString& value);
    QString viewState(const QString& key, const QString& defaultValue = QString());

    /// Writes a compacted copy to `newPath` and goes on in the copy, as File → Save As does; the old file stays
    /// as it was. An existing file is never overwritten: the caller removes it first, after asking the user.
    bool saveAs(const QString& newPath, QString* error);

private:
    Workspace(const QString& path, const QList<Migration>& migrations);
    bool initialise(QString* error);
    void setError(const QString& operation, const QString& reason);

    QString m_path;
    QString m_connection; // the QSqlDatabase connection name, unique to this instance
    QList<Migration> m_migrations; // kept for saveAs(), which opens the copy the same way
    int m_schemaVersion = 0;
    QString m_lastError;
    bool m_inBatch = false; // a Batch is open: a write's own transaction is a savepoint inside it
};
