// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "workspacerecovery.h"

#include "workspace.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace {

struct Table
{
    const char* name;
    const char* columns; // as SELECT and INSERT list them
    const char* key; // one row's key: the rowid, or view_state's own key
};

// The tables of schema 1, parents before the rows that refer to them.
const Table tables[] = {
    {"imported_files", "id, name, format, imported_at, size, content", "rowid"},
    {"scenarios", "id, name, description, source, is_baseline, created_at, updated_at", "rowid"},
    {"results", "id, scenario_id, created_at, summary_json", "rowid"},
    {"pool_snapshots", "id, taken_at, host, status, queue, accounting", "rowid"},
    {"view_state", "key, value", "key"},
};

QString tr(const char* text)
{
    return QCoreApplication::translate("WorkspaceRecovery", text);
}

// A connection of its own, removed when it goes: recovery never touches the workspace's named connections.
class Connection
{
public:
    Connection(const QString& name, const QString& path, bool readOnly)
        : m_name(name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_open = db.open();
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
};

} // namespace

bool recoverWorkspace(const QString& damaged, const QString& target, QString* summary, QString* error)
{
    const auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (!QFileInfo(damaged).isFile())
        return fail(tr("%1: no such workspace").arg(damaged));
    if (QFileInfo::exists(target))
        return fail(tr("%1 exists already; recovery writes a new file only").arg(target));
    {
        QString why;
        if (!Workspace::open(target, &why)) // the schema, in a file of its own
            return fail(why);
    }
    const Connection source(QStringLiteral("poolplanner-recover-source"), damaged, true);
    const Connection copy(QStringLiteral("poolplanner-recover-target"), target, false);
    if (!source.isOpen() || !copy.isOpen())
        return fail(tr("%1: cannot be opened for recovery").arg(damaged));
    QSqlQuery begin(copy.db());
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(tr("%1: %2").arg(target, begin.lastError().databaseText()));

    QStringList lines;
    qint64 savedRows = 0;
    for (const Table& table : tables) {
        // The rows' keys first, as far as the table's pages can be walked; then each row on its own, so that
        // one damaged row costs that row only.
        std::vector<QVariant> keys;
        const QString key = QLatin1String(table.key);
        QSqlQuery list(source.db());
        list.setForwardOnly(true);
        bool walked = list.exec(QStringLiteral("SELECT %1 FROM %2").arg(key, QLatin1String(table.name)));
        while (walked && list.next())
            keys.push_back(list.value(0));
        walked = walked && !list.lastError().isValid(); // a damaged page ends the walk early
        qint64 saved = 0;
        qint64 lost = 0;
        const QString columns = QLatin1String(table.columns);
        const int columnCount = static_cast<int>(columns.count(QLatin1Char(','))) + 1;
        QStringList marks;
        for (int i = 0; i < columnCount; ++i)
            marks << QStringLiteral("?");
        for (const QVariant& k : keys) {
            QSqlQuery row(source.db());
            row.setForwardOnly(true);
            row.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(columns, QLatin1String(table.name), key));
            row.addBindValue(k);
            if (!row.exec() || !row.next()) {
                ++lost;
                continue;
            }
            QSqlQuery insert(copy.db());
            insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(QLatin1String(table.name), columns, marks.join(QStringLiteral(", "))));
            for (int i = 0; i < columnCount; ++i)
                insert.addBindValue(row.value(i));
            if (insert.exec())
                ++saved;
            else
                ++lost;
        }
        savedRows += saved;
        lines << tr("%1: %2 rows saved, %3 lost%4")
                     .arg(QLatin1String(table.name))
                     .arg(saved)
                     .arg(lost)
                     .arg(walked ? QString() : tr(", and rows past a damaged page could not be found"));
    }
    QSqlQuery tidy(copy.db());
    // A result whose scenario was lost cannot be shown; keeping it would break the workspace's foreign keys.
    tidy.exec(QStringLiteral("DELETE FROM results WHERE scenario_id NOT IN (SELECT id FROM scenarios)"));
    QSqlQuery commit(copy.db());
    if (!commit.exec(QStringLiteral("COMMIT")))
        return fail(tr("%1: %2").arg(target, commit.lastError().databaseText()));
    if (savedRows == 0)
        return fail(tr("%1: nothing could be read from it (its schema pages are damaged); %2 holds an empty "
                       "workspace")
                        .arg(damaged, target));
    if (summary)
        *summary = lines.join(QLatin1Char('\n'));
    return true;
}
