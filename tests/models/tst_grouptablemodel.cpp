// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "grouptablemodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

class GroupTableModelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dumpsTheGroupsInTreeOrder()
    {
        GroupTableModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(GroupTableModel::SortRole);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        pp::Result result;
        pp::GroupSummary root;
        root.name = "<none>";
        root.meanQuota = 10;
        root.coreHours = 25;
        pp::GroupSummary atlas;
        atlas.name = "atlas";
        atlas.parent = 0;
        atlas.staticQuota = true;
        atlas.configQuota = 90;
        atlas.meanQuota = 90;
        atlas.coreHours = 50;
        atlas.jobsTotal = 3;
        atlas.jobsCompleted = 3;
        atlas.waitP50 = 30;
        atlas.waitP95 = 5400;
        pp::GroupSummary prod = atlas;
        prod.name = "atlas.prod";
        prod.parent = 1;
        prod.staticQuota = false;
        prod.configQuota = 0.6;
        prod.meanQuota = 54;
        prod.coreHours = 25;
        result.groups = {root, atlas, prod};
        model.setResult(result);

        QStringList dump;
        for (int row = 0; row < model.rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < model.columnCount(); ++column)
                cells << model.index(row, column).data().toString();
            dump << cells.join(QLatin1String(" | "));
        }
        const QStringList expected = {
            QStringLiteral("<none> | rest of pool | 10.0 | 25 | 25.0 % | 0 |  | "),
            QStringLiteral("atlas | 90 cores | 90.0 | 50 | 50.0 % | 3 | 30 s | 90.0 min"),
            QStringLiteral("    prod | 60 % of parent | 54.0 | 25 | 25.0 % | 3 | 30 s | 90.0 min"),
        };
        QCOMPARE(dump, expected);

        proxy.sort(GroupTableModel::CoreHoursColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, GroupTableModel::NameColumn).data().toString(), QStringLiteral("atlas"));
        QCOMPARE(proxy.index(0, GroupTableModel::CoreHoursColumn).data(GroupTableModel::SortRole).toDouble(), 50.0);
    }
};

QTEST_GUILESS_MAIN(GroupTableModelTest)
#include "tst_grouptablemodel.moc"
