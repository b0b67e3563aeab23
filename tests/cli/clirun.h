// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

// Runs poolplanner-cli as a user would, for the command-line suites: exit code, output, and whether it crashed.
#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>

struct CliRun
{
    bool finished = false;
    bool crashed = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
};

inline CliRun runCli(const QStringList& args, int timeoutMs = 120000)
{
    CliRun run;
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(PP_CLI_PATH), args);
    if (!process.waitForStarted(10000))
        return run;
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.ms = timer.elapsed();
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/// The run in a few lines, for a failing check's message.
inline QByteArray describe(const CliRun& run)
{
    return "exit " + QByteArray::number(run.exitCode) + (run.finished ? "" : " (timed out)")
        + (run.crashed ? " (crashed)" : "") + "\nstdout: " + run.out.left(3000) + "\nstderr: " + run.err.left(3000);
}
