// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Workspace files (SQLite): opened, read back table by table, and closed. SQLite opens files by name only, so this
// is the one harness that writes its input to a file, in /dev/shm (memory, not the disk), removed after each run.
// With PP_FUZZ_WORKSPACE_SEED=FILE set, it writes a small workspace with a row in every table there and exits: the
// seed that run-fuzzers.sh starts from.
#include "workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace {

QString shmPath()
{
    static const QString path = QStringLiteral("/dev/shm/poolplanner-fuzz-%1.ppw").arg(getpid());
    return path;
}

void removeWorkspace(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

int writeSeed(const QString& path)
{
    removeWorkspace(path);
    QString error;
    {
        auto workspace = Workspace::open(path, &error);
        if (!workspace) {
            std::fprintf(stderr, "fuzz_workspace: %s\n", qPrintable(error));
            return 1;
        }
        (void)workspace->importFile(QStringLiteral("status.json"), QStringLiteral("classad-json"),
            QByteArrayLiteral("[{\"MyType\":\"Machine\",\"Name\":\"slot1@wn1\",\"Cpus\":8}]"));
        Workspace::Scenario scenario;
        scenario.name = QStringLiteral("more analysis");
        scenario.source = QStringLiteral("{\"builtin\":\"demo\"}");
        scenario.isBaseline = true;
        if (const auto id = workspace->saveScenario(scenario))
            (void)workspace->saveResult(*id, QStringLiteral("{\"jobs_total\":2,\"groups\":[]}"));
        Workspace::Snapshot snapshot;
        snapshot.takenAt = QDateTime::fromSecsSinceEpoch(1795669249);
        snapshot.status = QByteArrayLiteral("[]");
        snapshot.queue = QByteArrayLiteral("[]");
        snapshot.accounting = QByteArrayLiteral("[]");
        (void)workspace->appendSnapshot(snapshot);
        (void)workspace->setViewState(QStringLiteral("view"), QStringLiteral("flows"));
    }
    std::fprintf(stderr, "fuzz_workspace: wrote %s\n", qPrintable(path));
    return 0;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    // QtSql loads its SQLite driver as a plugin, which needs an application object.
    static QCoreApplication app(*argc, *argv);
    if (const char* seed = std::getenv("PP_FUZZ_WORKSPACE_SEED"))
        std::exit(writeSeed(QString::fromLocal8Bit(seed)));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString path = shmPath();
    removeWorkspace(path);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 0;
        file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
    }
    QString error;
    if (auto workspace = Workspace::open(path, &error)) {
        for (const auto& f : workspace->files())
            (void)workspace->fileContent(f.id);
        for (const auto& s : workspace->scenarios()) {
            (void)workspace->scenario(s.id);
            (void)workspace->latestResult(s.id);
        }
        for (const auto& s : workspace->snapshots())
            (void)workspace->snapshot(s.id);
        (void)workspace->viewState(QStringLiteral("view"));
    }
    removeWorkspace(path);
    return 0;
}
