// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Workspace benchmark (not run by ctest): what a save of opened files costs on the window's thread, against the
// part a worker does. A real trace (LPC-EGEE, 220,695 jobs, from ../shared/traces) is read and compressed as the
// loader's worker does (Workspace::prepareImport), then inserted and committed in one Batch as the GUI thread
// does. Prints milliseconds and the GUI thread's share.
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString trace = QStringLiteral(PP_SHARED_DIR "/traces/LPC-EGEE-2004-1.2-cln.swf.gz");
    const int copies = argc > 1 ? QString::fromUtf8(argv[1]).toInt() : 1;
    QTemporaryDir dir;
    QString error;
    auto workspace = Workspace::open(dir.filePath(QStringLiteral("bench.ppws")), &error);
    if (!workspace) {
        std::fprintf(stderr, "cannot create a workspace: %s\n", qPrintable(error));
        return 1;
    }
    QFile file(trace);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: cannot be read\n", qPrintable(trace));
        return 1;
    }
    QByteArray content = file.readAll();
    const QByteArray one = content;
    for (int i = 1; i < copies; ++i)
        content += one; // a bigger file of the same kind (gzip members concatenate)

    QElapsedTimer worker;
    worker.start();
    const auto prepared = Workspace::prepareImport(QStringLiteral("trace.swf.gz"), QStringLiteral("swf"), content);
    const double workerMs = static_cast<double>(worker.nsecsElapsed()) / 1e6;

    QElapsedTimer gui;
    gui.start();
    {
        Workspace::Batch batch(*workspace);
        if (!batch.isOpen() || !workspace->importFile(prepared) || !batch.commit()) {
            std::fprintf(stderr, "the save failed: %s\n", qPrintable(workspace->lastError()));
            return 1;
        }
    }
    const double guiMs = static_cast<double>(gui.nsecsElapsed()) / 1e6;
    std::printf("file %.1f MB (stored %.1f MB)\n", static_cast<double>(content.size()) / 1e6,
        static_cast<double>(prepared.compressed.size()) / 1e6);
    std::printf("  worker: compress        %8.1f ms\n", workerMs);
    std::printf("  GUI:    insert + commit %8.1f ms  (%.2f of the worker's time)\n", guiMs, guiMs / workerMs);
    return 0;
}
