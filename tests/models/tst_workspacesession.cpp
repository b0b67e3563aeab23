// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// What the window keeps in a workspace: the opened files (their bytes, not their paths), the view state and
// the planner's proposals, written when the workspace is created and read back when it is opened again.
#include "workspacesession.h"

#include "../testfiles.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

class WorkspaceSessionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsFilesViewStateAndProposals()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("pool.condor_config"));
        QVERIFY(QFile::copy(dataPath("hgq-worked-example.condor_config"), config));
        const QString path = dir.filePath(QStringLiteral("plan.ppw"));
        {
            WorkspaceSession session;
            QVERIFY(!session.isOpen());
            QVERIFY(session.recordFiles({config}));
            QVERIFY(session.hasUnsavedWork());
            session.setViewState(QStringLiteral("view"), QStringLiteral("4"));
            QVERIFY(session.recordProposal({QStringLiteral("More a"), QStringLiteral("a gets 60"),
                {{"GROUP_QUOTA_a", "60"}, {"GROUP_QUOTA_DYNAMIC_a", std::nullopt}},
                QStringLiteral("{\"jobs_total\":3}")}));
            QString error;
            QVERIFY2(session.create(path, &error), qPrintable(error));
            QVERIFY(!session.hasUnsavedWork());
            QCOMPARE(session.displayName(), QStringLiteral("plan.ppw"));
            QString refused;
            QVERIFY(!session.create(path, &refused)); // never over an existing file
            QVERIFY(refused.contains(QStringLiteral("plan.ppw")));
        }
        QVERIFY(QFile::remove(config)); // the workspace holds the bytes

        WorkspaceSession reopened;
        std::optional<WorkspaceSession::Source> source;
        QString error;
        QVERIFY2(reopened.open(path, &source, &error), qPrintable(error));
        QVERIFY(source.has_value());
        QCOMPARE(source->paths.size(), 1);
        QCOMPARE(readAll(source->paths.front()), readAll(dataPath("hgq-worked-example.condor_config")));
        QCOMPARE(reopened.viewState(QStringLiteral("view")), QStringLiteral("4"));
        QCOMPARE(reopened.proposals().size(), 1);
        const auto& p = reopened.proposals().front();
        QCOMPARE(p.name, QStringLiteral("More a"));
        QCOMPARE(p.knobs.size(), std::size_t(2));
        QCOMPARE(p.knobs[0].second, std::optional<std::string>("60"));
        QVERIFY(!p.knobs[1].second.has_value()); // a removal stays a removal
        QCOMPARE(p.summaryJson, QStringLiteral("{\"jobs_total\":3}"));
    }

    // Files opened while a workspace is open are read and compressed by the loader's worker
    // (readForWorkspace); the GUI thread only inserts them, and never reads the file again.
    void filesPreparedOffTheGuiThreadAreWhatIsKept()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("pool.condor_config"));
        QVERIFY(QFile::copy(dataPath("hgq-worked-example.condor_config"), config));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("snap"))));
        QVERIFY(
            QFile::copy(dataPath("partitionable8core.status.json"), dir.filePath(QStringLiteral("snap/status.json"))));
        const QString path = dir.filePath(QStringLiteral("plan.ppw"));
        WorkspaceSession session;
        QString error;
        QVERIFY2(session.create(path, &error), qPrintable(error));

        const QStringList opened {config, dir.filePath(QStringLiteral("snap"))};
        auto prepared = WorkspaceSession::readForWorkspace(opened, &error);
        QVERIFY2(prepared, qPrintable(error));
        QCOMPARE(prepared->size(), 2); // a folder is kept file by file
        QCOMPARE(prepared->at(1).name, QStringLiteral("snap/status.json"));
        QCOMPARE(qUncompress(prepared->at(0).compressed), readAll(dataPath("hgq-worked-example.condor_config")));
        QCOMPARE(prepared->at(0).size, qint64(readAll(dataPath("hgq-worked-example.condor_config")).size()));

        QVERIFY(QFile::remove(config)); // gone before the record: only the prepared bytes can be kept
        QVERIFY2(session.recordFiles(opened, &error, prepared), qPrintable(error));

        WorkspaceSession reopened;
        std::optional<WorkspaceSession::Source> source;
        QVERIFY2(reopened.open(path, &source, &error), qPrintable(error));
        QVERIFY(source.has_value());
        QCOMPARE(source->paths.size(), 2);
        QCOMPARE(readAll(source->paths.front()), readAll(dataPath("hgq-worked-example.condor_config")));

        QString missing;
        QVERIFY(!WorkspaceSession::readForWorkspace({config}, &missing)); // says what it cannot read
        QVERIFY(missing.contains(QStringLiteral("pool.condor_config")));
    }

    void aFileThatIsNotAWorkspaceIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.ppw"));
        QVERIFY(writeFile(path, "just text\n"));
        WorkspaceSession session;
        std::optional<WorkspaceSession::Source> source;
        QString error;
        QVERIFY(!session.open(path, &source, &error));
        QVERIFY(error.contains(QStringLiteral("notes.ppw")));
        QVERIFY(!session.isOpen());
        QVERIFY(!session.open(dir.filePath(QStringLiteral("missing.ppw")), &source, &error));
        QVERIFY(error.contains(QStringLiteral("missing.ppw")));
    }
};

QTEST_GUILESS_MAIN(WorkspaceSessionTest)
#include "tst_workspacesession.moc"
