// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "workspace.h"
#include "workspacerecovery.h"

#include "../testfiles.h"

#include <QDir>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Runs SQL on a file through a connection of the test's own, to look behind the workspace's API or to make files
// the API would never write. Returns the first column of the last statement's first row.
QVariant rawSql(const QString& path, const QStringList& statements)
{
    const QString name = QStringLiteral("tst_workspace-raw");
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            for (const QString& statement : statements) {
                QSqlQuery query(db);
                if (!query.exec(statement)) {
                    qWarning() << "raw SQL failed:" << statement << query.lastError().text();
                    value = QVariant();
                    break;
                }
                value = query.next() ? query.value(0) : QVariant();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QVariant rawValue(const QString& path, const QString& sql)
{
    return rawSql(path, {sql});
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QList<quint32> words(size / qsizetype(sizeof(quint32)) + 1);
    QRandomGenerator(seed).fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char*>(words.constData()), size);
}

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

class WorkspaceTest : public QObject
{
    Q_OBJECT
private:
    QString file(const char* name) const { return m_dir->filePath(QString::fromUtf8(name)); }

    std::unique_ptr<Workspace> openOrFail(const QString& path)
    {
        QString error;
        auto workspace = Workspace::open(path, &error);
        if (!workspace)
            qWarning() << "could not open" << path << error;
        return workspace;
    }

    // 64 scenarios of 3,000 random bytes each (hex), each with a result `{"run": i}`: a file of many pages, for
    // the damage tests. False when a write failed.
    bool fillWithScenarios(const QString& path)
    {
        auto ws = openOrFail(path);
        if (!ws)
            return false;
        for (quint32 i = 0; i < 64; ++i) {
            Workspace::Scenario s;
            s.name = QStringLiteral("scenario %1").arg(i);
            s.source = QString::fromLatin1(randomBytes(3000, i).toHex());
            const auto id = ws->saveScenario(s);
            if (!id || !ws->saveResult(*id, QStringLiteral("{\"run\": %1}").arg(i)))
                return false;
        }
        return ws->setViewState(QStringLiteral("view"), QStringLiteral("Pool"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // Destroying a workspace must release its connection cleanly.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("still in use|duplicate connection name")));
    }

    void cleanup()
    {
        const QStringList left = QSqlDatabase::connectionNames();
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1String(", "))));
        m_dir.reset();
    }

    void restoresEveryTableAfterReopening()
    {
        const QString path = file("pool.ppw");
        const QByteArray status = R"([{"Name":"slot1@wn1","Cpus":8}])";
        const QByteArray queue = R"([{"ClusterId":1,"AcctGroup":"group_atlas.prod"}])";
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        qint64 fileId = 0, emptyId = 0, demoId = 0, mineId = 0, firstResult = 0, lastResult = 0, snapId = 0;
        {
            auto ws = openOrFail(path);
            QVERIFY(ws);
            QCOMPARE(ws->path(), path);
            QCOMPARE(ws->schemaVersion(), Workspace::latestSchemaVersion());
            fileId = ws->importFile(QStringLiteral("status.json"), QStringLiteral("condor_status -json"), status)
                         .value_or(0);
            emptyId
                = ws->importFile(QStringLiteral("empty.log"), QStringLiteral("event log"), QByteArray()).value_or(0);
            QVERIFY(fileId > 0 && emptyId > fileId);

            Workspace::Scenario demo;
            demo.name = QStringLiteral("demo");
            demo.source = QStringLiteral(R"({"builtin":"demo"})");
            demo.isBaseline = true;
            demoId = ws->saveScenario(demo).value_or(0);
            Workspace::Scenario mine;
            mine.name = QStringLiteral("more cores for cms");
            mine.description = QStringLiteral("cms gets 40 %");
            mine.source = QStringLiteral(R"({"files":[%1],"horizonHours":48})").arg(fileId);
            mineId = ws->saveScenario(mine).value_or(0);
            QVERIFY2(demoId > 0 && mineId > demoId, qPrintable(ws->lastError()));

            firstResult = ws->saveResult(mineId, QStringLiteral(R"({"run":1})")).value_or(0);
            lastResult = ws->saveResult(mineId, QStringLiteral(R"({"run":2})")).value_or(0);
            QVERIFY(firstResult > 0 && lastResult > firstResult);

            Workspace::Snapshot snap;
            snap.takenAt = QDateTime::fromSecsSinceEpoch(1767225600);
            snap.host = QStringLiteral("cm.example.org");
            snap.status = status;
            snap.queue = queue;
            snapId = ws->appendSnapshot(snap).value_or(0);
            QVERIFY2(snapId > 0, qPrintable(ws->lastError()));

            QVERIFY(ws->setViewState(QStringLiteral("view"), QStringLiteral("Groups")));
            QVERIFY(ws->setViewState(QStringLiteral("view"), QStringLiteral("Flows"))); // replaces
            QVERIFY(ws->setViewState(QStringLiteral("groups/sort"), QStringLiteral("3 desc")));
        }
        const qint64 after = QDateTime::currentSecsSinceEpoch();

        auto ws = openOrFail(path);
        QVERIFY(ws);
        const QList<Workspace::FileInfo> files = ws->files();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].id, fileId);
        QCOMPARE(files[0].name, QStringLiteral("status.json"));
        QCOMPARE(files[0].format, QStringLiteral("condor_status -json"));
        QCOMPARE(files[0].size, qint64(status.size()));
        QVERIFY(files[0].importedAt.toSecsSinceEpoch() >= before && files[0].importedAt.toSecsSinceEpoch() <= after);
        QCOMPARE(files[1].size, qint64(0));
        QCOMPARE(ws->fileContent(fileId), std::optional<QByteArray>(status));
        QCOMPARE(ws->fileContent(emptyId), std::optional<QByteArray>(QByteArray()));
        QVERIFY(!ws->fileContent(fileId + 100));
        QVERIFY(ws->lastError().isEmpty()); // absent, not failed

        const QList<Workspace::Scenario> scenarios = ws->scenarios();
        QCOMPARE(scenarios.size(), 2);
        QCOMPARE(scenarios[0].id, demoId);
        QCOMPARE(scenarios[0].name, QStringLiteral("demo"));
        QCOMPARE(scenarios[0].description, QString());
        QCOMPARE(scenarios[0].source, QStringLiteral(R"({"builtin":"demo"})"));
        QVERIFY(scenarios[0].isBaseline);
        QCOMPARE(scenarios[1].description, QStringLiteral("cms gets 40 %"));
        QCOMPARE(scenarios[1].source, QStringLiteral(R"({"files":[%1],"horizonHours":48})").arg(fileId));
        QVERIFY(!scenarios[1].isBaseline);
        QVERIFY(scenarios[1].createdAt.toSecsSinceEpoch() >= before);
        QCOMPARE(ws->scenario(mineId).value_or(Workspace::Scenario {}).name, QStringLiteral("more cores for cms"));

        const std::optional<Workspace::Result> result = ws->latestResult(mineId);
        QVERIFY(result);
        QCOMPARE(result->id, lastResult);
        QCOMPARE(result->scenarioId, mineId);
        QCOMPARE(result->summaryJson, QStringLiteral(R"({"run":2})"));
        QVERIFY(!ws->latestResult(demoId));

        const QList<Workspace::SnapshotInfo> snapshots = ws->snapshots();
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(snapshots[0].id, snapId);
        QCOMPARE(snapshots[0].takenAt, QDateTime::fromSecsSinceEpoch(1767225600));
        QCOMPARE(snapshots[0].host, QStringLiteral("cm.example.org"));
        const std::optional<Workspace::Snapshot> snap = ws->snapshot(snapId);
        QVERIFY(snap);
        QCOMPARE(snap->status, status);
        QCOMPARE(snap->queue, queue);
        QCOMPARE(snap->accounting, QByteArray());

        QCOMPARE(ws->viewState(QStringLiteral("view")), QStringLiteral("Flows"));
        QCOMPARE(ws->viewState(QStringLiteral("groups/sort")), QStringLiteral("3 desc"));
        QCOMPARE(ws->viewState(QStringLiteral("never set"), QStringLiteral("fallback")), QStringLiteral("fallback"));
    }

    void storesBlobsOfTwentyMegabytes()
    {
        const QString path = file("big.ppw");
        // Half noise, which does not compress, half text, which does.
        QByteArray big = randomBytes(10 << 20, 42);
        big += QByteArray("slot1@wn042.example.org Cpus=8 Memory=32000\n").repeated((10 << 20) / 44);
        qint64 id = 0, snapId = 0;
        {
            auto ws = openOrFail(path);
            QVERIFY(ws);
            id = ws->importFile(QStringLiteral("big.json"), QStringLiteral("condor_q -json"), big).value_or(0);
            QVERIFY2(id > 0, qPrintable(ws->lastError()));
            snapId = ws->appendSnapshot({0, QDateTime::currentDateTime(), QString(), big, big, QByteArray("[]")})
                         .value_or(0);
            QVERIFY2(snapId > 0, qPrintable(ws->lastError()));
        }
        auto ws = openOrFail(path);
        QVERIFY(ws);
        QCOMPARE(ws->files().value(0).size, qint64(big.size()));
        const std::optional<QByteArray> back = ws->fileContent(id);
        QVERIFY(back);
        QVERIFY(*back == big); // not QCOMPARE: a mismatch would print 20 MB
        const std::optional<Workspace::Snapshot> snap = ws->snapshot(snapId);
        QVERIFY(snap);
        QVERIFY(snap->queue == big);
        QCOMPARE(snap->accounting, QByteArray("[]"));
    }

    void saysWhenStoredBytesAreDamaged()
    {
        const QString path = file("damaged.ppw");
        auto ws = openOrFail(path);
        QVERIFY(ws);
        const qint64 id = ws->importFile(QStringLiteral("q.json"), QStringLiteral("condor_q -json"), "[]").value_or(0);
        const qint64 snapId
            = ws->appendSnapshot({0, QDateTime::currentDateTime(), QString(), "[]", "[]", "[]"}).value_or(0);
        QVERIFY(id > 0 && snapId > 0);
        // A length prefix of 16 bytes followed by what is not zlib data.
        rawSql(path,
            {QStringLiteral("UPDATE imported_files SET content = X'00000010DEADBEEF'"),
                QStringLiteral("UPDATE pool_snapshots SET queue = X'00000010DEADBEEF'")});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^qUncompress")));
        QVERIFY(!ws->fileContent(id));
        QVERIFY2(ws->lastError().contains(QLatin1String("damaged")) && ws->lastError().contains(native(path)),
            qPrintable(ws->lastError()));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^qUncompress")));
        QVERIFY(!ws->snapshot(snapId));
        QVERIFY(ws->lastError().contains(QLatin1String("damaged")));
        QVERIFY(ws->snapshots().size() == 1 && ws->lastError().isEmpty()); // the listing does not read the bytes
    }

    void appliesTheMissingMigrationsInOrder()
    {
        const QString path = file("v1.ppw");
        {
            auto ws = openOrFail(path);
            QVERIFY(ws);
            QVERIFY(ws->setViewState(QStringLiteral("view"), QStringLiteral("Pool")));
        }
        QList<Workspace::Migration> migrations = Workspace::migrations();
        migrations.append({QStringLiteral("CREATE TABLE tags (name TEXT)")});
        migrations.append({QStringLiteral("INSERT INTO tags VALUES ('needs the table of the migration before')")});
        QString error;
        auto ws = Workspace::openWithMigrations(path, migrations, &error);
        QVERIFY2(ws, qPrintable(error));
        QCOMPARE(ws->schemaVersion(), Workspace::latestSchemaVersion() + 2);
        QCOMPARE(ws->viewState(QStringLiteral("view")), QStringLiteral("Pool"));
        QCOMPARE(rawValue(path, QStringLiteral("SELECT count(*) FROM tags")).toInt(), 1);
    }

    void refusesANewerSchema()
    {
        const QString path = file("future.ppw");
        QVERIFY(openOrFail(path));
        const int newer = Workspace::latestSchemaVersion() + 1;
        rawValue(path, QStringLiteral("PRAGMA user_version = %1").arg(newer));
        const QByteArray bytes = readAll(path);

        QString error;
        QVERIFY(!Workspace::open(path, &error));
        QCOMPARE(error,
            QStringLiteral("%1 was written by a newer PoolPlanner (schema %2; this version reads up to %3).")
                .arg(native(path))
                .arg(newer)
                .arg(Workspace::latestSchemaVersion()));
        QCOMPARE(readAll(path), bytes);
    }

    void refusesWhatIsNotAWorkspace_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::addRow("text file") << QStringLiteral("text") << QStringLiteral("not an SQLite database");
        QTest::addRow("random bytes") << QStringLiteral("random") << QStringLiteral("not an SQLite database");
        QTest::addRow("first half of a workspace")
            << QStringLiteral("truncated") << QStringLiteral("damaged or truncated");
        QTest::addRow("another program's SQLite file")
            << QStringLiteral("foreign") << QStringLiteral("another program's SQLite database");
        // Application id and user version 0, as SQLite leaves them: PoolPlanner's tables never join another's.
        QTest::addRow("an unmarked SQLite file with tables")
            << QStringLiteral("unmarked") << QStringLiteral("another program's SQLite database");
        // 1 KiB of random bytes in the middle: only a read of every page finds it.
        QTest::addRow("a workspace damaged in the middle")
            << QStringLiteral("damaged middle") << QStringLiteral("is damaged (SQLite's check found:");
        // Four pages after the header page: the schema's own pages among them.
        QTest::addRow("a workspace with four damaged pages at the start")
            << QStringLiteral("damaged start") << QStringLiteral("damaged");
        QTest::addRow("a folder") << QStringLiteral("folder") << QStringLiteral("is a folder");
        QTest::addRow("in a folder that does not exist")
            << QStringLiteral("missing folder") << QStringLiteral("does not exist");
        // Unwritable even for root, which a read-only folder is not.
        QTest::addRow("where nothing can be created") << QStringLiteral("unwritable") << QStringLiteral("");
    }

    void refusesWhatIsNotAWorkspace()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QString path = file("bad.ppw");
        if (kind == QLatin1String("text")) {
            QVERIFY(writeFile(path, "Name = \"slot1@wn1\"\nCpus = 8\n\nName = \"slot2@wn1\"\nCpus = 8\n"));
        } else if (kind == QLatin1String("random")) {
            QVERIFY(writeFile(path, randomBytes(64 * 1024, 7)));
        } else if (kind == QLatin1String("truncated")) {
            const QString whole = file("whole.ppw");
            {
                auto ws = openOrFail(whole);
                QVERIFY(ws);
                for (quint32 i = 0; i < 8; ++i)
                    QVERIFY(ws->importFile(QStringLiteral("noise"), QStringLiteral("raw"), randomBytes(64 * 1024, i)));
            }
            const QByteArray bytes = readAll(whole);
            QVERIFY(bytes.size() > 512 * 1024);
            QVERIFY(writeFile(path, bytes.left(bytes.size() / 2)));
        } else if (kind == QLatin1String("foreign")) {
            rawSql(path, {QStringLiteral("PRAGMA application_id = 1179403647"), QStringLiteral("CREATE TABLE t (x)")});
        } else if (kind == QLatin1String("unmarked")) {
            rawSql(path,
                {QStringLiteral("CREATE TABLE notes (text TEXT)"),
                    QStringLiteral("INSERT INTO notes VALUES ('kept')")});
        } else if (kind == QLatin1String("damaged middle") || kind == QLatin1String("damaged start")) {
            QVERIFY(fillWithScenarios(path));
            QByteArray bytes = readAll(path);
            QVERIFY(bytes.size() > 256 * 1024);
            // At the start of a page in the middle (SQLite's default page is 4 KiB): its header and pointers.
            if (kind == QLatin1String("damaged start"))
                bytes.replace(4096, 4 * 4096, randomBytes(4 * 4096, 98));
            else
                bytes.replace(bytes.size() / 2 / 4096 * 4096, 1024, randomBytes(1024, 99));
            QVERIFY(writeFile(path, bytes));
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("bad.ppw")));
        } else if (kind == QLatin1String("missing folder")) {
            path = file("no/such/folder/bad.ppw");
        } else if (kind == QLatin1String("unwritable")) {
            path = QStringLiteral("/proc/poolplanner-tst_workspace.ppw");
        }
        const QByteArray before = readAll(path);
        const QStringList entries = QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

        QString error;
        QVERIFY(!Workspace::open(path, &error));
        QVERIFY2(error.contains(native(path)), qPrintable(error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        if (kind.startsWith(QLatin1String("damaged")))
            QVERIFY2(error.contains(QStringLiteral(".recover")), qPrintable(error)); // and what to do
        QCOMPARE(readAll(path), before); // not a byte written
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), entries); // nor -wal, -shm
    }

    void opensAnEmptyFileAsANewWorkspace()
    {
        const QString path = file("empty.ppw");
        QVERIFY(writeFile(path, QByteArray()));
        auto ws = openOrFail(path);
        QVERIFY(ws);
        QCOMPARE(ws->schemaVersion(), Workspace::latestSchemaVersion());
        QVERIFY(ws->setViewState(QStringLiteral("view"), QStringLiteral("Pool")));
        QCOMPARE(ws->viewState(QStringLiteral("view")), QStringLiteral("Pool"));
    }

    void runsInWalMode()
    {
        const QString path = file("wal.ppw");
        auto ws = openOrFail(path);
        QVERIFY(ws);
        QCOMPARE(rawValue(path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
    }

    void savesAsACopyAndGoesOnInIt()
    {
        const QString path = file("first.ppw");
        const QString copyPath = file("second.ppw");
        auto ws = openOrFail(path);
        QVERIFY(ws);
        const qint64 fileId
            = ws->importFile(QStringLiteral("q.json"), QStringLiteral("condor_q -json"), "[]").value_or(0);
        Workspace::Scenario s;
        s.name = QStringLiteral("demo");
        s.source = QStringLiteral(R"({"builtin":"demo"})");
        const qint64 scenarioId = ws->saveScenario(s).value_or(0);
        QVERIFY(ws->saveResult(scenarioId, QStringLiteral("{}")));
        QVERIFY(ws->setViewState(QStringLiteral("view"), QStringLiteral("Compare")));

        QString error;
        QVERIFY2(ws->saveAs(copyPath, &error), qPrintable(error));
        QCOMPARE(ws->path(), copyPath);
        QVERIFY(ws->setViewState(QStringLiteral("view"), QStringLiteral("Reports"))); // goes to the copy only
        ws.reset();

        auto copy = openOrFail(copyPath);
        QVERIFY(copy);
        QCOMPARE(copy->fileContent(fileId), std::optional<QByteArray>("[]"));
        QCOMPARE(copy->scenarios().value(0).name, QStringLiteral("demo"));
        QVERIFY(copy->latestResult(scenarioId));
        QCOMPARE(copy->viewState(QStringLiteral("view")), QStringLiteral("Reports"));
        QCOMPARE(rawValue(copyPath, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        auto original = openOrFail(path);
        QVERIFY(original);
        QCOMPARE(original->viewState(QStringLiteral("view")), QStringLiteral("Compare"));

        // Never over an existing file, even one the user might want replaced: the caller removes it first.
        const QByteArray copyBytes = readAll(copyPath);
        QVERIFY(!original->saveAs(copyPath, &error));
        QVERIFY2(
            error.contains(native(copyPath)) && error.contains(QLatin1String("already exists")), qPrintable(error));
        QCOMPARE(original->lastError(), error);
        QCOMPARE(original->path(), path);
        QCOMPARE(readAll(copyPath), copyBytes);
    }

    void duplicatesAScenarioWithoutItsResults()
    {
        auto ws = openOrFail(file("dup.ppw"));
        QVERIFY(ws);
        Workspace::Scenario s;
        s.name = QStringLiteral("baseline");
        s.description = QStringLiteral("as configured today");
        s.source = QStringLiteral(R"({"files":[1,2],"seed":7})");
        s.isBaseline = true;
        const qint64 id = ws->saveScenario(s).value_or(0);
        QVERIFY(ws->saveResult(id, QStringLiteral("{}")));

        const std::optional<qint64> copyId = ws->duplicateScenario(id, QStringLiteral("baseline (copy)"));
        QVERIFY2(copyId && *copyId != id, qPrintable(ws->lastError()));
        const std::optional<Workspace::Scenario> copy = ws->scenario(*copyId);
        QVERIFY(copy);
        QCOMPARE(copy->name, QStringLiteral("baseline (copy)"));
        QCOMPARE(copy->description, s.description);
        QCOMPARE(copy->source, s.source);
        QVERIFY(!copy->isBaseline);
        QVERIFY(ws->scenario(id).value_or(Workspace::Scenario {}).isBaseline);
        QVERIFY(!ws->latestResult(*copyId));

        QVERIFY(!ws->duplicateScenario(id, QStringLiteral("baseline (copy)")));
        QVERIFY2(ws->lastError().contains(native(ws->path())), qPrintable(ws->lastError()));
        QVERIFY(!ws->duplicateScenario(id + 100, QStringLiteral("from nothing")));
        QVERIFY(ws->lastError().contains(QLatin1String("no such scenario")));
        QCOMPARE(ws->scenarios().size(), 2);
    }

    void savingByNameKeepsTheScenarioAndOneBaseline()
    {
        auto ws = openOrFail(file("upsert.ppw"));
        QVERIFY(ws);
        Workspace::Scenario a;
        a.name = QStringLiteral("a");
        a.source = QStringLiteral("{}");
        a.isBaseline = true;
        const qint64 aId = ws->saveScenario(a).value_or(0);
        QVERIFY(ws->saveResult(aId, QStringLiteral(R"({"kept":true})")));

        a.description = QStringLiteral("changed");
        QCOMPARE(ws->saveScenario(a), std::optional<qint64>(aId)); // same row, results kept
        QCOMPARE(ws->scenario(aId).value_or(Workspace::Scenario {}).description, QStringLiteral("changed"));
        QVERIFY(ws->latestResult(aId));

        Workspace::Scenario b = a;
        b.name = QStringLiteral("b");
        const qint64 bId = ws->saveScenario(b).value_or(0);
        QVERIFY2(bId > 0, qPrintable(ws->lastError()));
        QVERIFY(ws->scenario(aId) && !ws->scenario(aId)->isBaseline);
        QVERIFY(ws->scenario(bId).value_or(Workspace::Scenario {}).isBaseline);

        Workspace::Scenario unnamed;
        QVERIFY(!ws->saveScenario(unnamed));
        QVERIFY(!ws->lastError().isEmpty());
    }

    // A save is one transaction: nothing of it is seen until it commits, and a batch not committed leaves nothing.
    void aBatchLandsWholeOrNotAtAll()
    {
        const QString path = file("batch.ppw");
        auto ws = openOrFail(path);
        QVERIFY(ws);
        auto reader = openOrFail(path); // another connection, as another window on the same file would have
        QVERIFY(reader);
        Workspace::Scenario pool;
        pool.name = QStringLiteral("pool");
        pool.source = QStringLiteral("{}");
        pool.isBaseline = true;
        {
            Workspace::Batch batch(*ws);
            QVERIFY2(batch.isOpen(), qPrintable(ws->lastError()));
            QVERIFY(ws->importFile(QStringLiteral("status.json"), QStringLiteral("condor_status -json"), "[]"));
            const auto id = ws->saveScenario(pool); // its own transaction becomes a savepoint of the batch
            QVERIFY2(id, qPrintable(ws->lastError()));
            QVERIFY(ws->saveResult(*id, QStringLiteral("{}")));
            QCOMPARE(ws->scenarios().size(), 1); // the writer sees its own writes
            QCOMPARE(reader->scenarios().size(), 0); // nobody else does before the commit
            Workspace::Batch second(*ws);
            QVERIFY(!second.isOpen()); // one save at a time
            QVERIFY(ws->lastError().contains(QStringLiteral("another save")));
        } // not committed: rolled back
        QCOMPARE(ws->scenarios().size(), 0);
        QCOMPARE(ws->files().size(), 0);
        {
            Workspace::Batch batch(*ws);
            QVERIFY(batch.isOpen());
            QVERIFY(ws->importFile(QStringLiteral("status.json"), QStringLiteral("condor_status -json"), "[]"));
            QVERIFY(ws->saveScenario(pool));
            QCOMPARE(reader->files().size(), 0);
            QVERIFY2(batch.commit(), qPrintable(ws->lastError()));
        }
        QCOMPARE(reader->scenarios().size(), 1);
        QCOMPARE(reader->files().size(), 1);
        QVERIFY(ws->saveScenario(pool)); // outside a batch, writes commit on their own again
    }

    void removingAScenarioRemovesItsResults()
    {
        const QString path = file("cascade.ppw");
        auto ws = openOrFail(path);
        QVERIFY(ws);
        Workspace::Scenario s;
        s.source = QStringLiteral("{}");
        s.name = QStringLiteral("gone");
        const qint64 gone = ws->saveScenario(s).value_or(0);
        s.name = QStringLiteral("stays");
        const qint64 stays = ws->saveScenario(s).value_or(0);
        QVERIFY(ws->saveResult(gone, QStringLiteral("{}")));
        QVERIFY(ws->saveResult(gone, QStringLiteral("{}")));
        QVERIFY(ws->saveResult(stays, QStringLiteral("{}")));

        QVERIFY2(ws->removeScenario(gone), qPrintable(ws->lastError()));
        QCOMPARE(rawValue(path, QStringLiteral("SELECT count(*) FROM results")).toInt(), 1);
        QVERIFY(ws->latestResult(stays));
        QVERIFY(!ws->removeScenario(gone));
        QVERIFY(ws->lastError().contains(QLatin1String("no such scenario")));

        // Foreign keys are on: no result of a scenario that does not exist.
        QVERIFY(!ws->saveResult(gone, QStringLiteral("{}")));
        QVERIFY2(ws->lastError().contains(native(path)), qPrintable(ws->lastError()));
    }

    void aFailedMigrationChangesNothing_data()
    {
        QTest::addColumn<bool>("existing");
        QTest::addRow("from schema 1") << true;
        QTest::addRow("a new file") << false;
    }

    void aFailedMigrationChangesNothing()
    {
        QFETCH(bool, existing);
        const QString path = file("migrating.ppw");
        QList<Workspace::Migration> migrations = Workspace::migrations();
        const Workspace::Migration broken = {
            QStringLiteral("CREATE TABLE extra (x)"),
            QStringLiteral("INSERT INTO extra VALUES (1)"),
            QStringLiteral("ALTER TABLE view_state ADD COLUMN colour TEXT"),
            QStringLiteral("INSERT INTO no_such_table VALUES (1)"),
        };
        if (existing) {
            auto ws = openOrFail(path);
            QVERIFY(ws);
            QVERIFY(ws->setViewState(QStringLiteral("view"), QStringLiteral("Pool")));
            migrations.append(broken);
        } else {
            migrations[0].append(broken); // the very first migration fails
        }
        const QByteArray before = readAll(path);

        QString error;
        QVERIFY(!Workspace::openWithMigrations(path, migrations, &error));
        const int from = existing ? 1 : 0;
        QVERIFY2(error.contains(native(path)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("from schema %1 to %2").arg(from).arg(from + 1)), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("no_such_table")), qPrintable(error));

        if (!existing) {
            QVERIFY(!QFileInfo::exists(path)); // the file this open created is gone again
            QVERIFY(QDir(m_dir->path()).isEmpty());
            return;
        }
        QCOMPARE(readAll(path), before);
        QCOMPARE(rawValue(path, QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(rawValue(path, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'extra'")).toInt(), 0);
        QCOMPARE(rawValue(path, QStringLiteral("SELECT count(*) FROM pragma_table_info('view_state')")).toInt(), 2);
        auto ws = openOrFail(path);
        QVERIFY(ws);
        QCOMPARE(ws->viewState(QStringLiteral("view")), QStringLiteral("Pool"));
    }
    // What is readable of a workspace damaged in the middle comes back in a new file, ids and results kept; the
    // damaged file is only read.
    void recoversWhatIsReadableIntoANewFile()
    {
        const QString path = file("damaged.ppw");
        QVERIFY(fillWithScenarios(path));
        QByteArray bytes = readAll(path);
        bytes.replace(bytes.size() / 2 / 4096 * 4096, 1024, randomBytes(1024, 99));
        QVERIFY(writeFile(path, bytes));
        QString error;
        QVERIFY(!Workspace::open(path, &error)); // refused as damaged

        const QString target = file("recovered.ppw");
        QString summary;
        QVERIFY2(recoverWorkspace(path, target, &summary, &error), qPrintable(error));
        QCOMPARE(readAll(path), bytes); // only read
        QVERIFY2(summary.contains(QStringLiteral("scenarios: ")), qPrintable(summary));
        auto recovered = Workspace::open(target, &error);
        QVERIFY2(recovered, qPrintable(error)); // passes the check the damaged file failed
        const auto scenarios = recovered->scenarios();
        QVERIFY2(scenarios.size() > 32 && scenarios.size() <= 64, qPrintable(summary));
        // SQLite keeps no checksums of row content: a row whose own bytes were hit reads back changed, and no
        // tool can tell. The 1 KiB hits at most the two rows of one page; every other row comes back whole.
        int changed = 0;
        for (const auto& s : scenarios) {
            const int i = s.name.section(QLatin1Char(' '), 1).toInt();
            changed += s.source != QString::fromLatin1(randomBytes(3000, static_cast<quint32>(i)).toHex());
            const auto result = recovered->latestResult(s.id);
            if (result)
                QCOMPARE(result->summaryJson, QStringLiteral("{\"run\": %1}").arg(i));
        }
        QVERIFY2(changed <= 2, qPrintable(QString::number(changed)));
        QCOMPARE(recovered->viewState(QStringLiteral("view")), QStringLiteral("Pool"));
        QVERIFY(!recoverWorkspace(path, target, &summary, &error)); // never over an existing file
        QVERIFY(error.contains(QStringLiteral("exists already")));
    }
    // Found by fuzzing: a schema version below 0 indexed the migrations before the start, and a stored blob whose
    // length header claims 4 GiB made the reader allocate it. Both are damage, said as such.
    void damagedHeadersAreDamageNotAllocations()
    {
        const QString negative = file("negative.ppw");
        QVERIFY(openOrFail(negative));
        rawValue(negative, QStringLiteral("PRAGMA user_version = -1"));
        QString error;
        QVERIFY(!Workspace::open(negative, &error));
        QVERIFY2(error.contains(QStringLiteral("is damaged: its schema version is -1")), qPrintable(error));

        const QString claims = file("claims.ppw");
        qint64 id = 0;
        {
            auto ws = openOrFail(claims);
            QVERIFY(ws);
            Workspace::Snapshot s;
            s.takenAt = QDateTime::currentDateTimeUtc();
            s.status = "[{\"Cpus\": 1}]";
            id = *ws->appendSnapshot(s);
        }
        // 0xFFFFFFF0 bytes claimed by a blob of a few bytes.
        rawSql(claims,
            {QStringLiteral("UPDATE pool_snapshots SET status = X'FFFFFFF0789C0300000000' WHERE id = %1").arg(id)});
        auto ws = openOrFail(claims);
        QVERIFY(ws);
        QVERIFY(!ws->snapshot(id));
        QVERIFY2(ws->lastError().contains(QLatin1String("damaged")), qPrintable(ws->lastError()));
    }
};

QTEST_GUILESS_MAIN(WorkspaceTest)
#include "tst_workspace.moc"
