// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include <QtTest>

class FidelityTest : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(FidelityTest)
#include "tst_fidelity.moc"
