// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include <QtTest>

class ReadersTest : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(ReadersTest)
#include "tst_readers.moc"
