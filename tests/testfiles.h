// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

// File helpers the test suites share: where the test data lives, and whole-file reads and writes.
#include <QByteArray>
#include <QFile>
#include <QString>

inline QString dataPath(const char* name)
{
    return QStringLiteral(PP_TEST_DATA_DIR "/") + QString::fromUtf8(name);
}

inline QString sharedPath(const char* name)
{
    return QStringLiteral(PP_SHARED_DIR "/") + QString::fromUtf8(name);
}

/// The file's bytes; empty when it cannot be read.
inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Writes the whole file; false when it could not be written in full.
inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}
