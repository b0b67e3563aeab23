// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "flowtablemodel.h"
#include "grouptablemodel.h"
#include "poolseriesmodel.h"

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

class PoolSeriesModelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sumsSubGroupsIntoTheirExperiment()
    {
        PoolSeriesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        pp::Result result;
        result.poolCores = 100;
        pp::GroupSummary root;
        root.name = "<none>";
        pp::GroupSummary atlas;
        atlas.name = "atlas";
        atlas.parent = 0;
        pp::GroupSummary prod = atlas;
        prod.name = "atlas.prod";
        prod.parent = 1;
        pp::GroupSummary cms = atlas;
        cms.name = "cms";
        result.groups = {root, atlas, cms, prod}; // breadth-first, as the engine keeps them
        pp::PoolSample sample;
        sample.time = 3600;
        sample.claimedCores = 70;
        sample.idleCores = 30;
        result.poolSeries = {sample};
        std::vector<pp::GroupSample> groups(4);
        groups[1].usage = 10; // atlas itself
        groups[3].usage = 40; // atlas.prod
        groups[2].usage = 20; // cms
        result.groupSeries = {groups};
        model.setResult(result);
        QCOMPARE(
            model.groupNames(), (QStringList {QStringLiteral("atlas"), QStringLiteral("cms")})); // <none> ran nothing
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.valueAt(0, PoolSeriesModel::FirstGroupColumn), 50.0);
        QCOMPARE(model.valueAt(0, PoolSeriesModel::FirstGroupColumn + 1), 20.0);
        QCOMPARE(model.index(0, PoolSeriesModel::TimeColumn).data().toString(), QStringLiteral("1.0 h"));
        QCOMPARE(
            model.headerData(PoolSeriesModel::FirstGroupColumn, Qt::Horizontal).toString(), QStringLiteral("atlas"));
    }
};

class FlowTableModelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesTheGroupsAndTheirShare()
    {
        FlowTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        pp::Result result;
        result.groups.resize(3);
        result.groups[0].name = "<none>";
        result.groups[1].name = "atlas";
        result.groups[2].name = "cms";
        result.flows = {{2, 1, 75.0}, {0, 1, 25.0}}; // largest first, as the engine orders them
        model.setResult(result);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, FlowTableModel::FromColumn).data().toString(), QStringLiteral("cms"));
        QCOMPARE(model.index(0, FlowTableModel::ToColumn).data().toString(), QStringLiteral("atlas"));
        QCOMPARE(model.index(1, FlowTableModel::FromColumn).data().toString(), QStringLiteral("<none>"));
        QCOMPARE(model.index(0, FlowTableModel::ShareColumn).data(FlowTableModel::SortRole).toDouble(), 0.75);
        QCOMPARE(model.index(1, FlowTableModel::CoreHoursColumn).data(FlowTableModel::SortRole).toDouble(), 25.0);

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(FlowTableModel::SortRole);
        proxy.sort(FlowTableModel::CoreHoursColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, FlowTableModel::FromColumn).data().toString(), QStringLiteral("<none>"));

        model.setResult(pp::Result {});
        QCOMPARE(model.rowCount(), 0);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    GroupTableModelTest groups;
    PoolSeriesModelTest series;
    FlowTableModelTest flows;
    return QTest::qExec(&groups, argc, argv) | QTest::qExec(&series, argc, argv) | QTest::qExec(&flows, argc, argv);
}
#include "tst_grouptablemodel.moc"
