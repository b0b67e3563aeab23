// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include <QtTest>

class CliTest : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
