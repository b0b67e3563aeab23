// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "comparisonmodel.h"
#include "flowtablemodel.h"
#include "grouppolicymodel.h"
#include "grouptreemodel.h"
#include "machinetablemodel.h"
#include "mergestudyrunner.h"
#include "policydraft.h"
#include "scenarioset.h"
#include "simulationrunner.h"

#include "analysis/notebookactivity.h"
#include "poolseriesmodel.h"
#include "scenario/demo.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QUndoStack>
#include <QtTest>

class GroupTreeModelTest : public QObject
{
    Q_OBJECT
private:
    // <none>, atlas and atlas.prod over two hourly samples; alice submits to atlas.prod, bob to no group.
    static pp::Result twoSamples()
    {
        pp::Result result;
        pp::GroupSummary root;
        root.name = "<none>";
        root.coreHours = 25;
        pp::GroupSummary atlas;
        atlas.name = "atlas";
        atlas.parent = 0;
        atlas.staticQuota = true;
        atlas.configQuota = 90;
        atlas.acceptSurplus = true;
        pp::GroupSummary prod;
        prod.name = "atlas.prod";
        prod.parent = 1;
        prod.configQuota = 0.6;
        prod.coreHours = 25;
        prod.jobsTotal = 3;
        prod.jobsCompleted = 3;
        prod.waitP50 = 30;
        prod.waitP95 = 5400;
        result.groups = {root, atlas, prod};
        result.submitters = {{"atlas.prod.alice", 2, 25, 0.5, 1000, 3}, {"bob", 0, 25, 2.0, 1, 0}};
        result.sampleInterval = 3600;
        //                  usage quota allocated demand subtreeQuota
        result.groupSeries = {{{10, 10, 10, 10, 100}, {0, 0, 0, 0, 90}, {60, 54, 60, 80, 54}},
            {{0, 10, 10, 0, 100}, {0, 0, 0, 0, 90}, {40, 54, 50, 40, 54}}};
        return result;
    }

    static QStringList dump(const QAbstractItemModel& model, const QModelIndex& parent = {}, int depth = 0)
    {
        QStringList rows;
        for (int row = 0; row < model.rowCount(parent); ++row) {
            QStringList cells;
            for (int column = 0; column < model.columnCount(parent); ++column)
                cells << model.index(row, column, parent).data().toString();
            rows << QString(depth * 2, QLatin1Char(' ')) + cells.join(QLatin1String("|"));
            rows << dump(model, model.index(row, 0, parent), depth + 1);
        }
        return rows;
    }

private Q_SLOTS:
    void dumpsTheTreeWithUsersAndPeriodValues()
    {
        GroupTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        pp::Policy policy;
        policy.autoregroupDefault = true;
        pp::GroupConfig prodConfig;
        prodConfig.name = "atlas.prod";
        prodConfig.autoregroup = true;
        policy.groups = {prodConfig};
        model.setResult(twoSamples(), policy);

        // Period = the whole run: means of the two samples; atlas sums its sub-group (usage 50, allocated 55).
        // Surplus = usage - subtree quota. Charged = mean usage x 2 h. Delivered and jobs done sum the subtree (25
        // of 50, 3 jobs); waits are a group's own jobs' (atlas has none).
        const QStringList expected = {
            QStringLiteral("<none>|rest of pool|10.0|10.0|5.0|5.0|-5.0|10|25|50.0 %|0||||"),
            QStringLiteral("  user bob||||||||25|50.0 %|0|||2.0 (factor 1)|"),
            QStringLiteral("atlas|90 cores|90.0|55.0|50.0|60.0|-40.0|100|25|50.0 %|3||||surplus"),
            QStringLiteral("  prod|60 % of parent|54.0|55.0|50.0|60.0|-4.0|100|25|50.0 %|3|30 s|1.5 h||autoregroup"),
            QStringLiteral("    user alice||||||||25|50.0 %|3|||500.0 (factor 1,000)|"),
        };
        QCOMPARE(dump(model), expected);
        const QModelIndex atlas = model.index(1, 0);
        const QModelIndex prod = model.index(0, GroupTreeModel::UsageColumn, atlas);
        QCOMPARE(prod.data(GroupTreeModel::FillRole).toDouble(), 50.0 / 54.0);
        QVERIFY(!model.index(0, GroupTreeModel::UsageColumn, model.index(0, 0, atlas))
                     .data(GroupTreeModel::FillRole)
                     .isValid());

        // The second hour alone: prod used 40 of 54, atlas 40 of 90.
        model.setRange(1, 1);
        QCOMPARE(model.index(1, GroupTreeModel::UsageColumn).data().toString(), QStringLiteral("40.0"));
        QCOMPARE(prod.data().toString(), QStringLiteral("40.0"));
        QCOMPARE(model.index(0, GroupTreeModel::SurplusColumn, atlas).data().toString(), QStringLiteral("-14.0"));
        QCOMPARE(model.index(1, GroupTreeModel::ChargedColumn).data(GroupTreeModel::SortRole).toDouble(), 40.0);
        // Out-of-range requests are clamped to the run.
        model.setRange(-5, 99);
        QCOMPARE(prod.data().toString(), QStringLiteral("50.0"));
    }

    void waitsCarryTheEnsemblesSpread()
    {
        // prod's p50 of 30 s and p95 of 1.5 h; over 8 runs its p50 went 29-31 s (± 1 s, shown) and its p95
        // 5390-5400 s (± 5 s, shown); a spread under 2 s is no spread (± 0 s would say nothing).
        GroupTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(twoSamples(), pp::Policy {});
        auto ensemble = std::make_shared<pp::EnsembleResult>();
        ensemble->runs = 8;
        ensemble->groups.resize(3);
        ensemble->groups[2]["wait_p50_s"] = {29, 31};
        ensemble->groups[2]["wait_p95_s"] = {5390, 5400};
        ensemble->groups[0]["wait_p50_s"] = {10, 11};
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSpread(ensemble);
        QVERIFY(changed.count() >= 2); // the top rows and the sub-groups
        const QModelIndex atlas = model.index(1, 0);
        const QModelIndex p50 = model.index(0, GroupTreeModel::WaitP50Column, atlas);
        const QModelIndex p95 = model.index(0, GroupTreeModel::WaitP95Column, atlas);
        QCOMPARE(p50.data().toString(), QStringLiteral("30 s ± 1 s"));
        QCOMPARE(p95.data().toString(), QStringLiteral("1.5 h ± 5 s"));
        QVERIFY(p50.data(Qt::ToolTipRole).toString().contains(QStringLiteral("8 runs")));
        QVERIFY(p50.data(Qt::ToolTipRole).toString().contains(QStringLiteral("min–max")));
        QCOMPARE(p50.data(GroupTreeModel::SortRole).toDouble(), 30.0); // sorting reads the figure, not the text
        // A new result drops the spread: it was another run's.
        model.setResult(twoSamples(), pp::Policy {});
        QCOMPARE(
            model.index(0, GroupTreeModel::WaitP50Column, model.index(1, 0)).data().toString(), QStringLiteral("30 s"));
        // Runs of another tree (another scenario) are refused.
        auto other = std::make_shared<pp::EnsembleResult>(*ensemble);
        other->groups.resize(5);
        model.setSpread(other);
        QCOMPARE(
            model.index(0, GroupTreeModel::WaitP50Column, model.index(1, 0)).data().toString(), QStringLiteral("30 s"));
    }

    void sortsAndFiltersThroughAProxy()
    {
        GroupTreeModel model;
        model.setResult(twoSamples(), pp::Policy {});
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(GroupTreeModel::SortRole);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.sort(GroupTreeModel::UsageColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, GroupTreeModel::NameColumn).data().toString(), QStringLiteral("atlas"));
        proxy.setFilterKeyColumn(GroupTreeModel::NameColumn);
        proxy.setFilterFixedString(QStringLiteral("alice"));
        QCOMPARE(proxy.rowCount(), 1); // atlas, kept for its descendant
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("atlas"));

        model.setResult(pp::Result {}, pp::Policy {});
        QCOMPARE(model.rowCount(), 0);
    }
};

class MachineTableModelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheMachinesAtTheEndOfThePeriod()
    {
        MachineTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        pp::Pool pool;
        pool.machines = {{"node0001", 32, 65536, "atlas"}, {"node0002", 64, 131072}};
        pp::Result result;
        result.poolSeries.resize(4);
        result.machineSampleStride = 2; // machine samples at pool samples 0 and 2
        result.machineSeries = {{{0, 0, false}, {64, 3, false}}, {{30, 2, true}, {10, 10, false}}};
        model.setResult(result, pool);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.shownPoolSample(), 2); // the last one until a period is chosen
        const auto row = [&](int r) {
            QStringList cells;
            for (int c = 0; c < model.columnCount(); ++c)
                cells << model.index(r, c).data().toString();
            return cells.join(QLatin1Char('|'));
        };
        QCOMPARE(row(0), QStringLiteral("node0001|atlas|32|30|2|2|draining"));
        QCOMPARE(row(1), QStringLiteral("node0002||64|10|54|10|partly claimed"));
        model.setPoolSample(1); // falls back to the machine sample at pool sample 0
        QCOMPARE(model.shownPoolSample(), 0);
        QCOMPARE(row(0), QStringLiteral("node0001|atlas|32|0|32|0|whole"));
        QCOMPARE(row(1), QStringLiteral("node0002||64|64|0|3|full"));
        QCOMPARE(model.index(1, MachineTableModel::FreeColumn).data(MachineTableModel::SortRole).toInt(), 0);
    }
};

class NotebookActivityTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsSessionsAndTheirStarts()
    {
        // Samples every 600 s. Session A: asked for at 0, running 30..1000. B: at 100, never started, the hub gave
        // up. C: at 1300, running from 1310 to the end. A batch job in between does not count.
        pp::Result result;
        result.sampleInterval = 600;
        for (std::int64_t t : {600, 1200, 1800}) {
            pp::PoolSample p;
            p.time = t;
            result.poolSeries.push_back(p);
        }
        pp::Workload workload;
        workload.jobs = {{0, 970, 0, 1, pp::Notebook, 0}, {100, 600, 0, 1, pp::Notebook, 0},
            {200, 60, 0, 1, pp::Batch, 0}, {1300, 9999, 0, 1, pp::Notebook, 0}};
        result.jobs = {{30, 1000, 1, pp::Queued}, {-1, -1, 0, pp::SpawnFailed}, {200, 260, 1, pp::Queued},
            {1310, -1, 1, pp::Queued}};
        const pp::NotebookActivity activity(result, workload, 10);
        QCOMPARE(activity.runningPerSample(), (std::vector<int> {1, 0, 1}));

        const auto whole = activity.period(0, 2);
        QCOMPARE(whole.sessions, 3L);
        QCOMPARE(whole.started, 2L);
        QCOMPARE(whole.failures, 1L);
        QCOMPARE(whole.startP95, 40.0); // A: 30 s waiting + 10 s starting up
        QCOMPARE(whole.histogram[1], 1L); // C: 20 s
        QCOMPARE(whole.histogram[2], 1L); // A: 40 s

        const auto last = activity.period(2, 2); // (1200, 1800]: only C was asked for then
        QCOMPARE(last.sessions, 1L);
        QCOMPARE(last.startP50, 20.0);
        QCOMPARE(last.failures, 0L);
    }
};

class PlanningModelsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void comparisonRowsTintedByVerdict()
    {
        ComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        pp::Result base, proposal;
        for (pp::Result* r : {&base, &proposal}) {
            r->poolCores = 100;
            r->coreHoursDelivered = 100;
            r->groups.resize(2);
            r->groups[0].name = "<none>";
            r->groups[1].name = "atlas";
            r->groups[1].parent = 0;
            r->groups[1].jobsTotal = 10;
        }
        base.groups[1].meanQuota = 40;
        proposal.groups[1].meanQuota = 60;
        base.groups[1].coreHours = 50;
        proposal.groups[1].coreHours = 80;
        base.groups[1].waitP50 = 600;
        proposal.groups[1].waitP50 = 300;
        model.setComparison(pp::compareResults(base, proposal), ComparisonModel::quotaShares(base),
            ComparisonModel::quotaShares(proposal));
        QCOMPARE(model.rowCount(), 2);
        const int atlas = model.index(0, 0).data().toString() == QStringLiteral("atlas") ? 0 : 1;
        QCOMPARE(model.index(atlas, ComparisonModel::QuotaShareColumn).data().toString(),
            QStringLiteral("60.0 % (was 40.0 %)"));
        QCOMPARE(model.index(atlas, ComparisonModel::CoreHoursColumn).data(ComparisonModel::VerdictRole).toInt(), 1);
        QCOMPARE(model.index(atlas, ComparisonModel::CoreHoursColumn).data().toString(), QStringLiteral("80 (+60 %)"));
        QCOMPARE(model.index(atlas, ComparisonModel::WaitP50Column).data(ComparisonModel::VerdictRole).toInt(),
            1); // less is better
        QVERIFY(model.index(atlas, ComparisonModel::WaitP50Column).data(Qt::BackgroundRole).isValid());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void groupPolicyEditsAreUndoableKnobs()
    {
        PolicyDraft draft;
        QUndoStack undo;
        GroupPolicyModel model(&draft, &undo);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        draft.reset(
            pp::Config::fromText("GROUP_NAMES = a, b\nGROUP_QUOTA_a = 60\nGROUP_QUOTA_b = 40\n", "test").value());
        QCOMPARE(model.rowCount(), 2);
        // a to 70 cores; b gives up the 10 so that the total stays 100.
        QVERIFY(model.setData(model.index(0, GroupPolicyModel::QuotaColumn), 70.0));
        QCOMPARE(draft.policy()->group("a")->configQuota, 70.0);
        QCOMPARE(draft.policy()->group("b")->configQuota, 30.0);
        QVERIFY(model.setData(model.index(1, GroupPolicyModel::AcceptSurplusColumn), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(draft.policy()->group("b")->acceptSurplus);
        // a as a share of the pool: unknown until the pool's size is; then 70 of 200 cores is 0.35.
        QVERIFY(!model.setData(model.index(0, GroupPolicyModel::KindColumn), 1));
        model.setPoolCores(200);
        QVERIFY(model.setData(model.index(0, GroupPolicyModel::KindColumn), 1));
        QVERIFY(!draft.policy()->group("a")->staticQuota);
        QCOMPARE(draft.policy()->group("a")->configQuota, 0.35);
        QCOMPARE(undo.count(), 3);
        undo.undo();
        undo.undo();
        undo.undo();
        QCOMPARE(draft.edits().size(), std::size_t(0));
        QCOMPARE(draft.policy()->group("a")->configQuota, 60.0);
        QVERIFY(!model.setData(model.index(0, GroupPolicyModel::PrioFactorColumn), 0.5)); // factors start at 1

        // A runtime limit for b: the schedd holds b's jobs after 2 h; with the action "remove" it removes them.
        QVERIFY(model.setData(model.index(1, GroupPolicyModel::RuntimeLimitColumn), 2.0));
        QCOMPARE(QString::fromStdString(draft.policy()->systemPeriodicHold),
            QStringLiteral("(JobStatus == 2 && ((AcctGroup == \"b\" && time() - JobCurrentStartDate > 7200)))"));
        QVERIFY(draft.policy()->systemPeriodicRemove.empty());
        undo.push(new SetKnobsCommand(&draft, QStringLiteral("remove"), [&] {
            std::vector<PolicyDraft::KnobChange> c {{PolicyDraft::groupLimitAction, std::string("remove")}};
            for (auto& k : PolicyDraft::groupLimitKnobs(draft.base(), draft.editsWith(c)))
                c.push_back(k);
            return c;
        }()));
        QVERIFY(draft.policy()->systemPeriodicHold.empty());
        QVERIFY(QString::fromStdString(draft.policy()->systemPeriodicRemove)
                    .contains(QStringLiteral("AcctGroup == \"b\"")));
        QCOMPARE(model.index(1, GroupPolicyModel::RuntimeLimitColumn).data().toString(),
            QStringLiteral("2.0 h, then remove"));
        undo.undo();
        undo.undo();
        QVERIFY(draft.policy()->systemPeriodicHold.empty() && draft.policy()->systemPeriodicRemove.empty());
    }

    void scenariosKeepTheBaselineFirst()
    {
        ScenarioSet set;
        QAbstractItemModelTester tester(&set, QAbstractItemModelTester::FailureReportingMode::QtTest);
        set.resetBaseline(std::make_shared<const pp::Result>());
        QCOMPARE(set.count(), 1);
        QCOMPARE(set.keep({QStringLiteral("Baseline"), {}, {}, nullptr}), -1); // the baseline keeps its name
        QCOMPARE(set.keep({QStringLiteral("More a"), {}, {{"GROUP_QUOTA_a", "70"}}, nullptr}), 1);
        QCOMPARE(set.freeName(QStringLiteral("More a")), QStringLiteral("More a 2"));
        QCOMPARE(set.duplicate(1, QStringLiteral("More a, again")), 2);
        QCOMPARE(set.at(2).knobs, set.at(1).knobs);
        QVERIFY(!set.remove(0));
        QVERIFY(set.remove(1));
        QCOMPARE(set.count(), 2);
        QVERIFY(set.index(1).data().toString().contains(QStringLiteral("not simulated")));
    }
};

class SimulationRunnerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aStoppedRunIsNeverShown()
    {
        // A run asked to stop may still finish whole; neither its result nor a failure may reach the window, and
        // the next run's result is the only one that does.
        SimulationRunner runner;
        QSignalSpy results(&runner, &SimulationRunner::resultAvailable);
        QSignalSpy failures(&runner, &SimulationRunner::failed);
        runner.start(pp::demoScenario(1, 0.02));
        runner.stop();
        QVERIFY(!runner.isRunning());
        pp::Scenario tiny = pp::demoScenario(1, 0.001);
        tiny.name = "tiny";
        runner.start(tiny);
        QVERIFY(results.wait(120000));
        QTest::qWait(200);
        QCOMPARE(results.count(), 1);
        QCOMPARE(results.first().first().value<std::shared_ptr<const pp::Result>>()->scenarioName, std::string("tiny"));
        QCOMPARE(failures.count(), 0);
    }
};

class MergeStudyRunnerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aStoppedStudyIsNeverShownAndTheNextOneIs()
    {
        // Each variant's knobs reach only that variant: with PREEMPTION_REQUIREMENTS = False for the merged pool,
        // it preempts nothing.
        const auto config = pp::Config::fromText(pp::demoConfigText(), "demo").value();
        MergeStudyRunner runner;
        QSignalSpy studies(&runner, &MergeStudyRunner::studyAvailable);
        QSignalSpy failures(&runner, &MergeStudyRunner::failed);
        runner.start(pp::demoScenario(1, 0.02), config, {}, {});
        runner.stop();
        QVERIFY(!runner.isRunning());
        pp::Scenario tiny = pp::demoScenario(1, 0.002);
        tiny.name = "tiny";
        runner.start(tiny, config, {{"FLOCK_INCREMENT", "2"}}, {{"PREEMPTION_REQUIREMENTS", "False"}});
        QVERIFY(studies.wait(120000));
        QTest::qWait(200);
        QCOMPARE(studies.count(), 1);
        QCOMPARE(failures.count(), 0);
        const auto study = studies.first().first().value<pp::MergeStudy>();
        QCOMPARE(study.separateName, std::string("tiny-separate"));
        QCOMPARE(study.mergedName, std::string("tiny-merged"));
        QCOMPARE(study.rows.size(), std::size_t(7));
        QCOMPARE(study.merged.preemptions, 0L);
    }

    void aKnobHTCondorRefusesFailsTheStudy()
    {
        MergeStudyRunner runner;
        QSignalSpy failures(&runner, &MergeStudyRunner::failed);
        runner.start(pp::demoScenario(1, 0.001), pp::Config::fromText(pp::demoConfigText(), "demo").value(),
            {{"NEGOTIATOR_INTERVAL", "soon"}}, {});
        QVERIFY(failures.wait(60000));
        QVERIFY2(failures.first().first().toString().contains(QStringLiteral("NEGOTIATOR_INTERVAL")),
            qPrintable(failures.first().first().toString()));
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
        groups[1].subtreeQuota = 60; // atlas with its queues
        groups[3].subtreeQuota = 36; // atlas.prod: part of atlas's 60, not a line of its own
        groups[2].subtreeQuota = 30;
        result.groupSeries = {groups};
        model.setResult(result);
        QCOMPARE(
            model.groupNames(), (QStringList {QStringLiteral("atlas"), QStringLiteral("cms")})); // <none> ran nothing
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.valueAt(0, PoolSeriesModel::FirstGroupColumn), 50.0);
        QCOMPARE(model.valueAt(0, PoolSeriesModel::FirstGroupColumn + 1), 20.0);
        QCOMPARE(model.quotaAt(0, 0), 60.0);
        QCOMPARE(model.quotaAt(0, 1), 30.0);
        QCOMPARE(model.quotaAt(0, 2), 0.0); // no such column
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
    GroupTreeModelTest groups;
    PoolSeriesModelTest series;
    FlowTableModelTest flows;
    MachineTableModelTest machines;
    NotebookActivityTest notebooks;
    PlanningModelsTest planning;
    SimulationRunnerTest runner;
    MergeStudyRunnerTest mergeStudy;
    return QTest::qExec(&planning, argc, argv) | QTest::qExec(&runner, argc, argv)
        | QTest::qExec(&mergeStudy, argc, argv) | QTest::qExec(&groups, argc, argv) | QTest::qExec(&series, argc, argv)
        | QTest::qExec(&flows, argc, argv) | QTest::qExec(&machines, argc, argv) | QTest::qExec(&notebooks, argc, argv);
}
#include "tst_models.moc"
