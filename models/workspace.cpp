// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QVariant>

#include <atomic>
#include <utility>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {

// PoolPlanner's mark in the SQLite header ("PPws"): tells a workspace from another program's SQLite file before
// anything is written to it.
constexpr int applicationId = 0x50507773;

// The schema, in one place: version N is what the first N migrations make of an empty file. A migration that
// has shipped is never edited; a change of schema is a new migration appended here. AUTOINCREMENT keeps ids from
// being reused after a delete, because ids are held elsewhere: in scenario sources ({"files":[ids]}) and in the
// view state.
const QList<Workspace::Migration>& builtinMigrations()
{
    static const QList<Workspace::Migration> list = {
        // 1: the first workspace.
        {
            QStringLiteral("CREATE TABLE imported_files ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " name TEXT NOT NULL,"
                           " format TEXT NOT NULL,"
                           " imported_at INTEGER NOT NULL," // epoch seconds, as every time in the workspace
                           " size INTEGER NOT NULL," // bytes before compression
                           " content BLOB NOT NULL)"), // qCompress()
            QStringLiteral("CREATE TABLE scenarios ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
                           " description TEXT NOT NULL,"
                           " source TEXT NOT NULL," // JSON
                           " is_baseline INTEGER NOT NULL CHECK (is_baseline IN (0, 1)),"
                           " created_at INTEGER NOT NULL,"
                           " updated_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE UNIQUE INDEX scenarios_one_baseline ON scenarios (is_baseline)"
                           " WHERE is_baseline = 1"),
            QStringLiteral("CREATE TABLE results ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,"
                           " created_at INTEGER NOT NULL,"
                           " summary_json TEXT NOT NULL)"),
            // Without it, deleting a scenario scans every result to cascade.
            QStringLiteral("CREATE INDEX results_scenario ON results (scenario_id)"),
            QStringLiteral("CREATE TABLE pool_snapshots ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " taken_at INTEGER NOT NULL,"
                           " host TEXT NOT NULL,"
                           " status BLOB NOT NULL," // each qCompress()
                           " queue BLOB NOT NULL,"
                           " accounting BLOB NOT NULL)"),
            QStringLiteral("CREATE INDEX pool_snapshots_taken_at ON pool_snapshots (taken_at)"),
            QStringLiteral("CREATE TABLE view_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("PRAGMA application_id = %1").arg(applicationId),
        },
    };
    return list;
}

QSqlDatabase connection(const QString& name)
{
    return QSqlDatabase::database(name, false);
}

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// SQLite's primary result code (the low byte of an extended one) from a Qt SQL error.
int sqliteCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

// SQLite's own words; QSqlError::text() adds Qt's ("Unable to execute statement"), which tells the user nothing.
QString reasonOf(const QSqlError& error)
{
    const QString text = error.databaseText();
    return text.isEmpty() ? error.text() : text;
}

// What to do with a damaged workspace: never write into it; copy out what can still be read.
QString damagedAdvice(const QString& file)
{
    return Workspace::tr("Keep the file as it is, and copy what is readable into a new workspace: "
                         "poolplanner-cli recover %1 recovered.ppw (or SQLite's own: sqlite3 %1 .recover | sqlite3 "
                         "recovered.ppw), then open recovered.ppw.")
        .arg(file);
}

constexpr int sqliteCorrupt = 11;
constexpr int sqliteNotADatabase = 26;

// Prepares `sql` and runs it with `values` bound in order: no value is ever spliced into SQL text.
bool run(QSqlQuery& query, const QString& sql, const QVariantList& values = {})
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    for (const QVariant& value : values)
        query.addBindValue(value);
    return query.exec();
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL, and "no description" is an empty one.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QDateTime fromEpoch(const QVariant& value)
{
    return QDateTime::fromSecsSinceEpoch(value.toLongLong());
}

// The bytes qCompress() stored, or nullopt when they are damaged. qUncompress() gives an empty array both for
// damaged input and for a compressed empty one, which is exactly four zero bytes.
std::optional<QByteArray> uncompressed(const QByteArray& stored)
{
    if (stored == QByteArray(4, '\0'))
        return QByteArray();
    // qUncompress() allocates the size the 4-byte header claims before it inflates: a damaged header would ask
    // for up to 4 GiB. zlib never expands more than about 1032:1, so a larger claim is damage.
    if (stored.size() < 4)
        return std::nullopt;
    const quint64 claimed = (quint64(quint8(stored[0])) << 24) | (quint64(quint8(stored[1])) << 16)
        | (quint64(quint8(stored[2])) << 8) | quint64(quint8(stored[3]));
    if (claimed > quint64(stored.size()) * 1032 + 64)
        return std::nullopt;
    QByteArray bytes = qUncompress(stored);
    if (bytes.isEmpty())
        return std::nullopt;
    return bytes;
}

// A write transaction that rolls back unless committed. BEGIN IMMEDIATE takes the write lock at once: a
// deferred transaction that later needs it can fail with SQLITE_BUSY without waiting for the busy timeout.
// Inside a Workspace::Batch it is a savepoint, so that it commits with the batch.
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase& db, bool nested = false)
        : m_db(db)
        , m_nested(nested)
    {
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction()
    {
        if (m_open) {
            QSqlQuery query(m_db);
            if (m_nested) {
                query.exec(QStringLiteral("ROLLBACK TO pp_write"));
                query.exec(QStringLiteral("RELEASE pp_write"));
            } else {
                query.exec(QStringLiteral("ROLLBACK"));
            }
        }
    }

    bool begin(QString* reason)
    {
        return m_open
            = exec(m_nested ? QStringLiteral("SAVEPOINT pp_write") : QStringLiteral("BEGIN IMMEDIATE"), reason);
    }
    bool commit(QString* reason)
    {
        if (!exec(m_nested ? QStringLiteral("RELEASE pp_write") : QStringLiteral("COMMIT"), reason))
            return false; // still open: the destructor rolls back
        m_open = false;
        return true;
    }

private:
    bool exec(const QString& sql, QString* reason)
    {
        QSqlQuery query(m_db);
        if (query.exec(sql))
            return true;
        *reason = reasonOf(query.lastError());
        return false;
    }

    QSqlDatabase m_db;
    bool m_nested;
    bool m_open = false;
};

} // namespace

Workspace::Batch::Batch(Workspace& workspace)
    : m_workspace(workspace)
{
    if (workspace.m_inBatch) { // one batch at a time: an inner one joins the outer
        workspace.setError(tr("start a save"), tr("another save is under way"));
        return;
    }
    QSqlQuery query(connection(workspace.m_connection));
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        workspace.setError(tr("start a save"), reasonOf(query.lastError()));
        return;
    }
    m_open = workspace.m_inBatch = true;
}

Workspace::Batch::~Batch()
{
    if (!m_open)
        return;
    QSqlQuery query(connection(m_workspace.m_connection));
    query.exec(QStringLiteral("ROLLBACK"));
    m_workspace.m_inBatch = false;
}

bool Workspace::Batch::commit()
{
    if (!m_open)
        return false;
    QSqlQuery query(connection(m_workspace.m_connection));
    if (!query.exec(QStringLiteral("COMMIT"))) {
        m_workspace.setError(tr("save"), reasonOf(query.lastError()));
        return false; // still open: the destructor rolls back
    }
    m_open = m_workspace.m_inBatch = false;
    return true;
}

QList<Workspace::Migration> Workspace::migrations()
{
    return builtinMigrations();
}

int Workspace::latestSchemaVersion()
{
    return int(builtinMigrations().size());
}

Workspace::Workspace(const QString& path, const QList<Migration>& migrations)
    : m_path(path)
    , m_migrations(migrations)
{
    static std::atomic<quint64> counter {0};
    m_connection = QStringLiteral("poolplanner-workspace-%1").arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
}

Workspace::~Workspace()
{
    {
        QSqlDatabase db = connection(m_connection);
        db.close();
    } // every handle on the connection must be gone before it is removed, or Qt warns it is still in use
    QSqlDatabase::removeDatabase(m_connection);
}

std::unique_ptr<Workspace> Workspace::open(const QString& path, QString* error)
{
    return openWithMigrations(path, builtinMigrations(), error);
}

std::unique_ptr<Workspace> Workspace::openWithMigrations(
    const QString& path, const QList<Migration>& migrations, QString* error)
{
    QString reason;
    if (path.isEmpty()) {
        reason = tr("No workspace file was named.");
    } else {
        const QFileInfo info(path);
        const QFileInfo folder(info.absolutePath());
        if (info.exists() && info.isDir())
            reason = tr("%1 is a folder, not a workspace file.").arg(nativePath(path));
        else if (info.exists() && !info.isFile())
            reason = tr("%1 is not a regular file.").arg(nativePath(path));
        else if (info.exists() && !info.isReadable())
            reason = tr("%1 cannot be read: permission denied.").arg(nativePath(path));
        else if (info.exists() && !info.isWritable())
            reason = tr("%1 is read-only; a workspace saves every change as it is made.").arg(nativePath(path));
        else if (!folder.isDir())
            reason = tr("Cannot open %1: the folder %2 does not exist.")
                         .arg(nativePath(path), nativePath(folder.filePath()));
        else if (!folder.isWritable()) // WAL mode keeps two files next to the workspace
            reason = tr("Cannot open %1: the folder %2 is not writable.")
                         .arg(nativePath(path), nativePath(folder.filePath()));
    }
    if (!reason.isEmpty()) {
        if (error)
            *error = reason;
        return nullptr;
    }

    // A file this call creates is removed again if it turns out unusable, and only such a file: the -wal and
    // -shm files are checked one by one, since stale ones may lie next to a workspace that was moved away.
    const QStringList ownFiles = {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
    QStringList created;
    for (const QString& file : ownFiles) {
        if (!QFileInfo::exists(file))
            created << file;
    }

    std::unique_ptr<Workspace> workspace(new Workspace(path, migrations));
    if (workspace->initialise(&reason))
        return workspace;
    workspace.reset(); // closes the file before it is removed
    for (const QString& file : std::as_const(created))
        QFile::remove(file);
    if (error)
        *error = reason;
    return nullptr;
}

bool Workspace::initialise(QString* error)
{
    const QString file = nativePath(m_path);
    QSqlDatabase db = connection(m_connection);
    if (!db.open()) {
        *error = tr("Cannot open %1: %2").arg(file, reasonOf(db.lastError()));
        return false;
    }

    // SQLite reads the file only when asked something: this is where text, garbage and truncated files show.
    // Nothing is written before the file is known to be a workspace. A file of 0 bytes is a valid, empty SQLite
    // database, which is how SQLite itself starts a new one: it becomes a new workspace.
    int schemaObjects = 0;
    {
        QSqlQuery query(db);
        if (!run(query, QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
            const QSqlError sqlError = query.lastError();
            const int code = sqliteCode(sqlError);
            if (code == sqliteNotADatabase)
                *error = tr("%1 is not a PoolPlanner workspace (it is not an SQLite database).").arg(file);
            else if (code == sqliteCorrupt)
                *error = tr("%1 is damaged or truncated and cannot be opened (%2). %3")
                             .arg(file, reasonOf(sqlError), damagedAdvice(file));
            else
                *error = tr("Cannot read %1: %2").arg(file, reasonOf(sqlError));
            return false;
        }
        schemaObjects = query.value(0).toInt();
    }
    // Damage in the middle of the file shows only where it is read: SQLite's own check reads every page once,
    // so a damaged workspace is refused before anything is read from it or written into it.
    {
        QSqlQuery query(db);
        QStringList problems;
        if (!run(query, QStringLiteral("PRAGMA quick_check(5)"))) {
            problems << reasonOf(query.lastError());
        } else {
            while (query.next())
                for (const QString& line : query.value(0).toString().split(QLatin1Char('\n')))
                    if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("*** in database")))
                        problems << line;
        }
        if (!problems.isEmpty()) {
            *error = tr("%1 is damaged (SQLite's check found: %2). PoolPlanner does not read or write a damaged "
                        "workspace. %3")
                         .arg(file, problems.join(QStringLiteral("; ")), damagedAdvice(file));
            return false;
        }
    }

    int fileApplicationId = 0;
    {
        QSqlQuery query(db);
        if (!run(query, QStringLiteral("PRAGMA application_id")) || !query.next()) {
            *error = tr("Cannot read %1: %2").arg(file, reasonOf(query.lastError()));
            return false;
        }
        fileApplicationId = query.value(0).toInt();
    }
    {
        QSqlQuery query(db);
        if (!run(query, QStringLiteral("PRAGMA user_version")) || !query.next()) {
            *error = tr("Cannot read %1: %2").arg(file, reasonOf(query.lastError()));
            return false;
        }
        m_schemaVersion = query.value(0).toInt();
    }
    // Every version from 1 on carries the mark; a file at version 0 is a new, empty one and gets the schema. One
    // without the mark that holds tables already is another program's database, and stays untouched.
    if (fileApplicationId != applicationId && (fileApplicationId != 0 || m_schemaVersion != 0 || schemaObjects > 0)) {
        *error = tr("%1 is not a PoolPlanner workspace (it is another program's SQLite database).").arg(file);
        return false;
    }
    const int latest = int(m_migrations.size());
    if (m_schemaVersion < 0) {
        *error = tr("%1 is damaged: its schema version is %2. %3")
                     .arg(file, QString::number(m_schemaVersion), damagedAdvice(file));
        return false;
    }
    if (m_schemaVersion > latest) {
        *error = tr("%1 was written by a newer PoolPlanner (schema %2; this version reads up to %3).")
                     .arg(file, QString::number(m_schemaVersion), QString::number(latest));
        return false;
    }

    // Both settings belong to the connection (WAL also to the file) and must be made outside a transaction.
    {
        QSqlQuery query(db);
        if (!run(query, QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()) {
            *error = tr("Cannot open %1 in WAL mode: %2").arg(file, reasonOf(query.lastError()));
            return false;
        }
        const QString mode = query.value(0).toString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            *error = tr("Cannot open %1 in WAL mode: SQLite kept the journal mode \"%2\".").arg(file, mode);
            return false;
        }
    }
    {
        QSqlQuery query(db);
        if (!run(query, QStringLiteral("PRAGMA foreign_keys = ON"))
            || !run(query, QStringLiteral("PRAGMA foreign_keys")) || !query.next() || query.value(0).toInt() != 1) {
            *error = tr("Cannot turn on foreign keys for %1: %2").arg(file, reasonOf(query.lastError()));
            return false;
        }
    }

    for (int version = m_schemaVersion; version < latest; ++version) {
        const auto failed = [&](const QString& reason) {
            *error = tr("Cannot update %1 from schema %2 to %3, so nothing was changed: %4")
                         .arg(file, QString::number(version), QString::number(version + 1), reason);
            return false;
        };
        Transaction transaction(db);
        QString reason;
        if (!transaction.begin(&reason))
            return failed(reason);
        for (const QString& statement : m_migrations.at(version)) {
            QSqlQuery query(db);
            if (!query.exec(statement))
                return failed(reasonOf(query.lastError()) + QStringLiteral(" (in: ") + statement + QStringLiteral(")"));
        }
        {
            // A pragma takes no bound values; the number is ours.
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)))
                return failed(reasonOf(query.lastError()));
        }
        if (!transaction.commit(&reason))
            return failed(reason);
        m_schemaVersion = version + 1;
    }
    return true;
}

void Workspace::setError(const QString& operation, const QString& reason)
{
    QString why = reason;
    // SQLite says "database or disk is full", or only "disk I/O error" when the WAL cannot grow: ask the disk.
    const QStorageInfo disk(QFileInfo(m_path).absolutePath());
    if (disk.isValid() && disk.bytesAvailable() < qint64 {1024} * 1024)
        why = tr("the disk holding it (%1) is full; free some space there, nothing saved before was lost (%2)")
                  .arg(nativePath(disk.rootPath()), reason);
    m_lastError = tr("Could not %1 in %2: %3").arg(operation, nativePath(m_path), why);
}

Workspace::ImportedFile Workspace::prepareImport(const QString& name, const QString& format, const QByteArray& content)
{
    return {name, format, qint64(content.size()), qCompress(content)};
}

std::optional<qint64> Workspace::importFile(const QString& name, const QString& format, const QByteArray& content)
{
    return importFile(prepareImport(name, format, content));
}

std::optional<qint64> Workspace::importFile(const ImportedFile& file)
{
    m_lastError.clear();
    QSqlQuery query(connection(m_connection));
    if (!run(query,
            QStringLiteral("INSERT INTO imported_files (name, format, imported_at, size, content)"
                           " VALUES (?, ?, ?, ?, ?)"),
            {text(file.name), text(file.format), QDateTime::currentSecsSinceEpoch(), file.size, file.compressed})) {
        setError(tr("import “%1”").arg(file.name), reasonOf(query.lastError()));
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

std::optional<QByteArray> Workspace::fileContent(qint64 id)
{
    m_lastError.clear();
    QSqlQuery query(connection(m_connection));
    if (!run(query, QStringLiteral("SELECT size, content FROM imported_files WHERE id = ?"), {id})) {
        setError(tr("read imported file %1").arg(id), reasonOf(query.lastError()));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    const qint64 size = query.value(0).toLongLong();
    std::optional<QByteArray> bytes = uncompressed(query.value(1).toByteArray());
    if (!bytes || bytes->size() != size) {
        setError(tr("read imported file %1").arg(id), tr("its stored content is damaged"));
        return std::nullopt;
    }
    return bytes;
}

QList<Workspace::FileInfo> Workspace::files()
{
    m_lastError.clear();
    QList<FileInfo> list;
    QSqlQuery query(connection(m_connection));
    if (!run(query, QStringLiteral("SELECT id, name, format, imported_at, size FROM imported_files ORDER BY id"))) {
        setError(tr("list the imported files"), reasonOf(query.lastError()));
        return list;
    }
    while (query.next()) {
        list.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            fromEpoch(query.value(3)), query.value(4).toLongLong()});
    }
    return list;
}

std::optional<qint64> Workspace::saveScenario(const Scenario& scenario)
{
    m_lastError.clear();
    const QString operation = tr("save scenario “%1”").arg(scenario.name);
    const QSqlDatabase db = connection(m_connection);
    Transaction transaction(db, m_inBatch);
    QString reason;
    if (!transaction.begin(&reason)) {
        setError(operation, reason);
        return std::nullopt;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery query(db);
    if (scenario.isBaseline
        && !run(query, QStringLiteral("UPDATE scenarios SET is_baseline = 0 WHERE is_baseline = 1 AND name <> ?"),
            {text(scenario.name)})) {
        setError(operation, reasonOf(query.lastError()));
        return std::nullopt;
    }
    // An upsert, not INSERT OR REPLACE: replacing deletes the row, which would give it a new id and cascade to
    // its results.
    if (!run(query,
            QStringLiteral("INSERT INTO scenarios (name, description, source, is_baseline, created_at, updated_at)"
                           " VALUES (?, ?, ?, ?, ?, ?)"
                           " ON CONFLICT (name) DO UPDATE SET description = excluded.description,"
                           " source = excluded.source, is_baseline = excluded.is_baseline,"
                           " updated_at = excluded.updated_at"),
            {text(scenario.name), text(scenario.description), text(scenario.source), int(scenario.isBaseline), now,
                now})
        || !run(query, QStringLiteral("SELECT id FROM scenarios WHERE name = ?"), {text(scenario.name)})
        || !query.next()) {
        setError(operation, reasonOf(query.lastError()));
        return std::nullopt;
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    if (!transaction.commit(&reason)) {
        setError(operation, reason);
        return std::nullopt;
    }
    return id;
}

namespace {
const auto scenarioColumns
    = QStringLiteral("SELECT id, name, description, source, is_baseline, created_at, updated_at FROM scenarios");

Workspace::Scenario scenarioFrom(const QSqlQuery& query)
{
    return {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
        query.value(3).toString(), query.value(4).toInt() != 0, fromEpoch(query.value(5)), fromEpoch(query.value(6))};
}
} // namespace

QList<Workspace::Scenario> Workspace::scenarios()
{
    m_lastError.clear();
    QList<Scenario> list;
    QSqlQuery query(connection(m_connection));
    if (!run(query, scenarioColumns + QStringLiteral(" ORDER BY id"))) {
        setError(tr("list the scenarios"), reasonOf(query.lastError()));
        return list;
    }
    while (query.next())
        list.append(scenarioFrom(query));
    return list;
}

std::optional<Workspace::Scenario> Workspace::scenario(qint64 id)
{
    m_lastError.clear();
    QSqlQuery query(connection(m_connection));
    if (!run(query, scenarioColumns + QStringLiteral(" WHERE id = ?"), {id})) {
        setError(tr("read scenario %1").arg(id), reasonOf(query.lastError()));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return scenarioFrom(query);
}

bool Workspace::removeScenario(qint64 id)
{
    m_lastError.clear();
    QSqlQuery query(connection(m_connection));
    if (!run(query, QStringLiteral("DELETE FROM scenarios WHERE id = ?"), {id})) {
        setError(tr("remove scenario %1").arg(id), reasonOf(query.lastError()));
        return false;
    }
    if (query.numRowsAffected() == 0) {
        setError(tr("remove scenario %1").arg(id), tr("there is no such scenario"));
        return false;
    }
    return true;
}

std::optional<qint64> Workspace::duplicateScenario(qint64 id, const QString& newName)
{
    m_lastError.clear();
    const QString operation = tr("copy scenario %1 to “%2”").arg(QString::number(id), newName);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery query(connection(m_connection));
    if (!run(query,
            QStringLiteral("INSERT INTO scenarios (name, description, source, is_baseline, created_at, updated_at)"
                           " SELECT ?, description, source, 0, ?, ? FROM scenarios WHERE id = ?"),
            {text(newName), now, now, id})) {
        setError(operation, reasonOf(query.lastError()));
        return std::nullopt;
    }
    if (query.numRowsAffected() == 0) {
        setError(operation, tr("there is no such scenario"));
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

std::optional<qint64> Workspace::saveResult(qint64 scenarioId, const QString& summaryJson)
{
    m_lastError.clear();
    QSqlQuery query(connection(m_connection));
    if (!run(query, QStringLiteral("INSERT INTO results (scenario_id, created_at, summary_json) VALUES (?, ?, ?)"),
            {scenarioId, QDateTime::currentSecsSinceEpoch(), text(summaryJson)})) {
        setError(tr("save a result of scenario %1").arg(scenarioId), reasonOf(query.lastError()));
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

std::optional<Workspace::Result> Workspace::latestResult(qint64 scenarioId)
{
    m_lastError.clear();
    QSqlQuery query(connection(m_connection));
    // By id, not by time: two results saved within a second must still come out in order.
    if (!run(query,
            QStringLiteral("SELECT id, scenario_id, created_at, summary_json FROM results WHERE scenario_id = ?"
                           " ORDER BY id DESC LIMIT 1"),
            {scenarioId})) {
        setError(tr("read the results of scenario %1").arg(scenarioId), reasonOf(query.lastError()));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return Result {
        query.value(0).toLongLong(), query.value(1).toLongLong(), fromEpoch(query.value(2)), query.value(3).toString()};
}

std::optional<qint64> Workspace::appendSnapshot(const Snapshot& snapshot)
{
    m_lastError.clear();
    const QString operation
        = tr("store a snapshot of %1").arg(snapshot.host.isEmpty() ? tr("this machine") : snapshot.host);
    if (!snapshot.takenAt.isValid()) {
        setError(operation, tr("the snapshot has no time"));
        return std::nullopt;
    }
    QSqlQuery query(connection(m_connection));
    if (!run(query,
            QStringLiteral("INSERT INTO pool_snapshots (taken_at, host, status, queue, accounting)"
                           " VALUES (?, ?, ?, ?, ?)"),
            {snapshot.takenAt.toSecsSinceEpoch(), text(snapshot.host),
                snapshot.compressed ? snapshot.status : qCompress(snapshot.status),
                snapshot.compressed ? snapshot.queue : qCompress(snapshot.queue),
                snapshot.compressed ? snapshot.accounting : qCompress(snapshot.accounting)})) {
        setError(operation, reasonOf(query.lastError()));
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

bool Workspace::thinSnapshots(qint64 recentSeconds, qint64 olderEverySeconds)
{
    m_lastError.clear();
    QSqlQuery newest(connection(m_connection));
    if (!run(newest, QStringLiteral("SELECT max(taken_at) FROM pool_snapshots")) || !newest.next()) {
        setError(tr("thin out the snapshots"), reasonOf(newest.lastError()));
        return false;
    }
    if (newest.value(0).isNull())
        return true;
    const qint64 cut = newest.value(0).toLongLong() - recentSeconds;
    QSqlQuery query(connection(m_connection));
    // Before the cut, the newest snapshot of each host in each period stays; the rest go, and SQLite reuses
    // their pages for the next ones.
    if (!run(query,
            QStringLiteral("DELETE FROM pool_snapshots WHERE taken_at < ? AND id NOT IN ("
                           " SELECT max(id) FROM pool_snapshots WHERE taken_at < ? GROUP BY host, taken_at / ?)"),
            {cut, cut, std::max<qint64>(1, olderEverySeconds)})) {
        setError(tr("thin out the snapshots"), reasonOf(query.lastError()));
        return false;
    }
    return true;
}

QList<Workspace::SnapshotInfo> Workspace::snapshots()
{
    m_lastError.clear();
    QList<SnapshotInfo> list;
    QSqlQuery query(connection(m_connection));
    if (!run(query, QStringLiteral("SELECT id, taken_at, host FROM pool_snapshots ORDER BY taken_at, id"))) {
        setError(tr("list the snapshots"), reasonOf(query.lastError()));
        return list;
    }
    while (query.next())
        list.append({query.value(0).toLongLong(), fromEpoch(query.value(1)), query.value(2).toString()});
    return list;
}

std::optional<Workspace::Snapshot> Workspace::snapshot(qint64 id)
{
    m_lastError.clear();
    const QString operation = tr("read snapshot %1").arg(id);
    QSqlQuery query(connection(m_connection));
    if (!run(query,
            QStringLiteral("SELECT id, taken_at, host, status, queue, accounting FROM pool_snapshots WHERE id = ?"),
            {id})) {
        setError(operation, reasonOf(query.lastError()));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    const std::optional<QByteArray> status = uncompressed(query.value(3).toByteArray());
    const std::optional<QByteArray> queue = uncompressed(query.value(4).toByteArray());
    const std::optional<QByteArray> accounting = uncompressed(query.value(5).toByteArray());
    if (!status || !queue || !accounting) {
        setError(operation, tr("its stored content is damaged"));
        return std::nullopt;
    }
    return Snapshot {query.value(0).toLongLong(), fromEpoch(query.value(1)), query.value(2).toString(), *status, *queue,
        *accounting};
}

bool Workspace::setViewState(const QString& key, const QString& value)
{
    m_lastError.clear();
    QSqlQuery query(connection(m_connection));
    if (!run(query,
            QStringLiteral("INSERT INTO view_state (key, value) VALUES (?, ?)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            {text(key), text(value)})) {
        setError(tr("save the view state “%1”").arg(key), reasonOf(query.lastError()));
        return false;
    }
    return true;
}

QString Workspace::viewState(const QString& key, const QString& defaultValue)
{
    m_lastError.clear();
    QSqlQuery query(connection(m_connection));
    if (!run(query, QStringLiteral("SELECT value FROM view_state WHERE key = ?"), {text(key)})) {
        setError(tr("read the view state “%1”").arg(key), reasonOf(query.lastError()));
        return defaultValue;
    }
    return query.next() ? query.value(0).toString() : defaultValue;
}

bool Workspace::saveAs(const QString& newPath, QString* error)
{
    m_lastError.clear();
    const auto fail = [&](const QString& reason) {
        m_lastError = reason;
        if (error)
            *error = reason;
        return false;
    };
    if (newPath.isEmpty())
        return fail(tr("Cannot save %1 under another name: no file was named.").arg(nativePath(m_path)));
    // Relative to the working directory, which SQLite would resolve differently from the caller on some systems.
    const QString target = QFileInfo(newPath).absoluteFilePath();
    if (QFileInfo::exists(target))
        return fail(tr("Cannot save as %1: the file already exists.").arg(nativePath(target)));
    if (!QFileInfo(QFileInfo(target).absolutePath()).isDir())
        return fail(tr("Cannot save as %1: the folder %2 does not exist.")
                        .arg(nativePath(target), nativePath(QFileInfo(target).absolutePath())));

    {
        QSqlQuery query(connection(m_connection));
        if (!run(query, QStringLiteral("VACUUM INTO ?"), {target})) {
            const QString reason = reasonOf(query.lastError());
            query.finish();
            QFile::remove(target);
            return fail(tr("Cannot save %1 as %2: %3").arg(nativePath(m_path), nativePath(target), reason));
        }
    }
#ifdef Q_OS_UNIX
    // SQLite does not sync the copy VACUUM INTO writes; a Save As must survive a power cut like any save.
    {
        QFile copy(target);
        if (copy.open(QIODevice::ReadWrite))
            ::fsync(copy.handle());
    }
#endif

    QString reason;
    std::unique_ptr<Workspace> copy = openWithMigrations(target, m_migrations, &reason);
    if (!copy) {
        QFile::remove(target);
        return fail(reason);
    }
    // Go on in the copy: take its connection and leave it ours, which closes the old file when it goes.
    std::swap(m_connection, copy->m_connection);
    std::swap(m_path, copy->m_path);
    m_schemaVersion = copy->m_schemaVersion;
    return true;
}
