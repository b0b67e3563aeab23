// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Opens the built-in demo pool offscreen, waits for the background simulation, and checks the table.
#include "mainwindow.h"
#include "outcomechart.h"

#include "compareview.h"
#include "comparisonmodel.h"
#include "flowdiagram.h"
#include "flowtablemodel.h"
#include "grouppolicymodel.h"
#include "grouptreemodel.h"
#include "mergestudypanel.h"
#include "plannerview.h"
#include "planningsession.h"
#include "policydraft.h"
#include "reportsview.h"
#include "sweeppanel.h"

#include "messagebanner.h"
#include "policy/policywriter.h"
#include "scenario/demo.h"
#include "scenario/scenariofile.h"
#include "timerangebar.h"

#include "workspace.h"

#include "../realpoolfiles.h"
#include "../testfiles.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QDialog>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

namespace {

// The stand-in condor commands of tests/data/fake-condor, polled every `intervalSeconds`, 20 s for each command.
PoolWatcher::Settings standIn(int intervalSeconds)
{
    PoolWatcher::Settings settings;
    settings.toolDirectory = dataPath("fake-condor");
    settings.intervalSeconds = intervalSeconds;
    settings.timeoutSeconds = 20;
    return settings;
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheDemoPoolsGroups()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        // A tenth of the demo's jobs keeps the test quick under sanitizers; the pool and groups are the demo's.
        window.openScenario(pp::demoScenario(1, 0.1), pp::Config::fromText(pp::demoConfigText(), "demo").value());
        window.show();
        QVERIFY(window.isBusy());
        QVERIFY(shown.wait(120000));
        auto* view = window.findChild<QTreeView*>(QStringLiteral("groupTree"));
        QVERIFY(view);
        const QAbstractItemModel* model = view->model();
        QCOMPARE(model->rowCount(), 8); // <none> and the 7 top-level groups
        QStringList names;
        QModelIndex atlas;
        for (int row = 0; row < model->rowCount(); ++row) {
            names << model->index(row, 0).data().toString();
            if (names.back() == QStringLiteral("atlas"))
                atlas = model->index(row, 0);
        }
        QVERIFY(names.contains(QStringLiteral("notebooks")));
        QVERIFY(atlas.isValid());
        QVERIFY(view->isExpanded(atlas)); // its queues show without a click
        QStringList queues;
        for (int row = 0; row < model->rowCount(atlas); ++row)
            queues << model->index(row, 0, atlas).data().toString();
        queues.sort();
        QCOMPARE(
            queues, (QStringList {QStringLiteral("analysis"), QStringLiteral("multicore"), QStringLiteral("prod")}));
        // Each queue lists its users, with their effective priority.
        const QModelIndex prod = model->index(0, 0, atlas);
        QVERIFY(model->rowCount(prod) > 0);
        QVERIFY(model->index(0, 0, prod).data().toString().startsWith(QStringLiteral("user ")));
        QVERIFY(model->index(0, GroupTreeModel::PriorityColumn, prod).data(GroupTreeModel::SortRole).toDouble() > 0);

        // The first 24 samples (four hours): the period columns change, the whole-run ones do not.
        auto* range = window.findChild<TimeRangeBar*>();
        QVERIFY(range);
        const QModelIndex atlasUsage = model->index(atlas.row(), GroupTreeModel::ChargedColumn);
        const QModelIndex atlasDelivered = model->index(atlas.row(), GroupTreeModel::CoreHoursColumn);
        const double chargedWholeRun = atlasUsage.data(GroupTreeModel::SortRole).toDouble();
        const QString delivered = atlasDelivered.data().toString();
        range->setRange(0, 23);
        const double chargedDayOne = atlasUsage.data(GroupTreeModel::SortRole).toDouble();
        QVERIFY(chargedDayOne > 0 && chargedDayOne < chargedWholeRun);
        QCOMPARE(atlasDelivered.data().toString(), delivered);
        const auto labels = window.findChildren<QLabel*>();
        bool summarised = false;
        for (const auto* label : labels)
            summarised = summarised || label->text().contains(QStringLiteral("20,480 cores"));
        QVERIFY(summarised);

        // Every view can be shown; the pool view charts the run and the notebooks view has the demo's sessions.
        for (const char* name : {"pool", "groups", "flows", "notebooks", "planner", "compare", "reports"}) {
            MainWindow::View v {};
            QVERIFY2(MainWindow::viewFromName(QString::fromLatin1(name), &v), name);
            window.showView(v);
        }
        MainWindow::View unknown {};
        QVERIFY(!MainWindow::viewFromName(QStringLiteral("nope"), &unknown));
        QVERIFY(window.findChild<QWidget*>(QStringLiteral("usageChart")));
        bool notebooks = false;
        for (const auto* label : window.findChildren<QLabel*>())
            notebooks = notebooks || label->text().contains(QStringLiteral("<td>notebooks</td>"));
        QVERIFY(notebooks);
        // The period summary counts the sessions asked for; the demo's notebook users start sessions every day.
        bool periodSummary = false;
        for (const auto* label : window.findChildren<QLabel*>())
            periodSummary = periodSummary
                || (label->text().contains(QStringLiteral("<h2>Notebooks</h2>"))
                    && label->text().contains(QStringLiteral("sessions asked for")));
        QVERIFY(periodSummary);
    }

    void saysWhyGroupsWaitedAndForecastsAStart()
    {
        // A tenth of the demo's jobs on a tenth of its machines: as busy as the demo, quick under sanitizers.
        pp::Scenario scenario = pp::demoScenario(1, 0.1);
        scenario.pool = pp::Pool::uniform(2048, 32).value();
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        window.openScenario(scenario, pp::Config::fromText(pp::demoConfigText(), "demo").value());
        window.show();
        QVERIFY(shown.wait(120000));
        window.showView(MainWindow::View::Groups);
        // Under the tree, the group that waited most, in words and over time.
        auto* sentence = window.findChild<QLabel*>(QStringLiteral("waitSentence"));
        QVERIFY(sentence);
        QVERIFY2(sentence->text().contains(QStringLiteral(" waited "))
                && sentence->text().contains(QStringLiteral("because")),
            qPrintable(sentence->text()));
        QVERIFY(window.findChild<QWidget*>(QStringLiteral("waitReasonChart")));
        // The same sentence in the group's tooltip.
        auto* view = window.findChild<QTreeView*>(QStringLiteral("groupTree"));
        bool tooltip = false;
        std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& parent) {
            for (int row = 0; row < view->model()->rowCount(parent); ++row) {
                const QModelIndex index = view->model()->index(row, 0, parent);
                tooltip = tooltip || index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("because"));
                visit(index);
            }
        };
        visit({});
        QVERIFY(tooltip);
        // A forecast for that group, off the GUI thread.
        auto* button = window.findChild<QPushButton*>(QStringLiteral("forecastButton"));
        auto* answer = window.findChild<QLabel*>(QStringLiteral("forecastAnswer"));
        QVERIFY(button && answer);
        QVERIFY(button->isEnabled());
        button->click();
        QVERIFY(answer->text().startsWith(QStringLiteral("Forecasting")));
        QTRY_VERIFY_WITH_TIMEOUT(answer->text().startsWith(QStringLiteral("A job of")), 240000);
        QVERIFY2(answer->text().contains(QStringLiteral("(p50)"))
                || answer->text().contains(QStringLiteral("does not start")),
            qPrintable(answer->text()));
    }

    void suggestsQuotasAndAppliesThemAsAProposal()
    {
        pp::Scenario scenario = pp::demoScenario(1, 0.1);
        scenario.pool = pp::Pool::uniform(2048, 32).value();
        scenario.horizonSeconds = 2 * 86400.0; // two days: a quick search
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        window.openScenario(scenario, pp::Config::fromText(pp::demoConfigText(), "demo").value());
        window.show();
        QVERIFY(shown.wait(120000));
        window.showView(MainWindow::View::Planner);
        auto* open = window.findChild<QPushButton*>(QStringLiteral("suggestQuotas"));
        QVERIFY(open);
        open->click();
        auto* dialog = window.findChild<QDialog*>(QStringLiteral("suggestDialog"));
        QVERIFY(dialog);
        // The first target offered: the longest p95 wait, halved.
        auto* targets = dialog->findChild<QTableWidget*>(QStringLiteral("suggestTargets"));
        QCOMPARE(targets->rowCount(), 1);
        auto* answer = dialog->findChild<QPlainTextEdit*>(QStringLiteral("suggestAnswer"));
        // The pledge sheet of the baseline, one row per experiment and month; a pledge fills its column.
        auto* sheet = dialog->findChild<QTableWidget*>(QStringLiteral("pledgeSheet"));
        auto* pledges = dialog->findChild<QTableWidget*>(QStringLiteral("suggestPledges"));
        QVERIFY(sheet && pledges);
        QVERIFY(sheet->rowCount() >= 6); // the demo's six experiments (and notebooks), within one month
        int belle2 = -1;
        for (int row = 0; row < pledges->rowCount(); ++row)
            if (pledges->item(row, 0)->text() == QStringLiteral("belle2"))
                belle2 = row;
        QVERIFY(belle2 >= 0);
        qobject_cast<QDoubleSpinBox*>(pledges->cellWidget(belle2, 1))->setValue(100);
        bool pledged = false;
        for (int row = 0; row < sheet->rowCount(); ++row)
            if (sheet->item(row, 0)->text() == QStringLiteral("belle2"))
                pledged = sheet->item(row, 2)->text() != QStringLiteral("0")
                    && sheet->item(row, 7)->text() != QStringLiteral("–");
        QVERIFY(pledged);
        dialog->findChild<QPushButton*>(QStringLiteral("suggestSearch"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!answer->toPlainText().isEmpty(), 240000);
        QVERIFY2(answer->toPlainText().contains(QStringLiteral("wait_p95_s <=")), qPrintable(answer->toPlainText()));
        // Beside it now, the suggested setting's: delivered reads "now → suggested".
        QVERIFY(sheet->item(0, 4)->text().contains(QStringLiteral("→")));
        if (qEnvironmentVariableIsSet("PP_SCREENSHOT_DIR"))
            dialog->grab().save(qEnvironmentVariable("PP_SCREENSHOT_DIR") + QStringLiteral("/suggest-dialog.png"));
        auto* apply = dialog->findChild<QPushButton*>(QStringLiteral("suggestApply"));
        if (apply->isEnabled()) { // a change was found: it becomes the draft, one undo step
            auto* planner = window.findChild<PlannerView*>();
            const int steps = planner->session()->undoStack()->count();
            apply->click();
            QCOMPARE(planner->session()->undoStack()->count(), steps + 1);
            QVERIFY(!planner->session()->draft()->edits().empty());
        }
    }

    void aDraggedQuotaIsOneUndoStepAndTheOutcomeFollowsIt()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        window.openScenario(pp::demoScenario(1, 0.1), pp::Config::fromText(pp::demoConfigText(), "demo").value());
        window.show();
        QVERIFY(shown.wait(120000));
        auto* planner = window.findChild<PlannerView*>();
        auto* table = window.findChild<QTableView*>(QStringLiteral("groupPolicyTable"));
        auto* slider = window.findChild<QSlider*>(QStringLiteral("quotaSlider"));
        QVERIFY(planner && table && slider);
        QVERIFY(!slider->isEnabled()); // no group chosen yet
        int analysis = -1;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            if (table->model()->index(row, 0).data(Qt::ToolTipRole).toString() == QStringLiteral("atlas.analysis"))
                analysis = row;
        QVERIFY(analysis >= 0);
        table->setCurrentIndex(table->model()->index(analysis, GroupPolicyModel::QuotaColumn));
        QVERIFY(slider->isEnabled());
        QCOMPARE(slider->value(), 250); // 25.0 % of atlas, in tenths of a per cent

        // One drag through five values: one undo step, the draft at the last value, the outcome simulated for it.
        QUndoStack* undo = planner->session()->undoStack();
        const int steps = undo->count();
        slider->setSliderDown(true);
        for (int value : {280, 310, 340, 370, 400}) {
            slider->setValue(value);
            QTest::qWait(120);
        }
        slider->setSliderDown(false);
        QCOMPARE(undo->count(), steps + 1);
        QCOMPARE(planner->session()->draft()->policy()->group("atlas.analysis")->configQuota, 0.40);
        QTRY_VERIFY_WITH_TIMEOUT(!planner->session()->isSimulatingProposal(), 120000);
        const auto proposal = planner->session()->proposalResult();
        QVERIFY(proposal && proposal != planner->session()->baselineResult());
        QVERIFY(std::abs(ComparisonModel::quotaShares(*proposal).at("atlas.analysis")
                        * static_cast<double>(proposal->poolCores)
                    - 3680.0)
            < 1.0);
        // Undo takes the whole drag back, and the handle with it.
        undo->undo();
        QCOMPARE(planner->session()->draft()->policy()->group("atlas.analysis")->configQuota, 0.25);
        QCOMPARE(slider->value(), 250);
        // A key step is a step of its own.
        slider->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        slider->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        QCOMPARE(undo->count(), steps + 2);
        QCOMPARE(planner->session()->draft()->policy()->group("atlas.analysis")->configQuota, 0.26);
    }

    void thePlannerSimulatesAProposalAndUndoRestoresTheBaseline()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        window.openScenario(pp::demoScenario(1, 0.1), pp::Config::fromText(pp::demoConfigText(), "demo").value());
        window.show();
        QVERIFY(shown.wait(120000));
        auto* planner = window.findChild<PlannerView*>();
        QVERIFY(planner && planner->isEnabled());
        const pp::Policy baseline = *planner->session()->draft()->policy();
        QCOMPARE(planner->session()->draft()->edits().size(), std::size_t(0));

        // atlas.analysis from 25 % to 40 % of atlas, its siblings giving up the difference.
        auto* table = window.findChild<QTableView*>(QStringLiteral("groupPolicyTable"));
        QVERIFY(table);
        QAbstractItemModel* groups = table->model();
        int analysis = -1;
        for (int row = 0; row < groups->rowCount(); ++row)
            if (groups->index(row, GroupPolicyModel::NameColumn).data(Qt::ToolTipRole).toString()
                == QStringLiteral("atlas.analysis"))
                analysis = row;
        QVERIFY(analysis >= 0);
        QSignalSpy simulated(planner->session(), &PlanningSession::proposalSimulated);
        QVERIFY(groups->setData(groups->index(analysis, GroupPolicyModel::QuotaColumn), 40.0));
        QCOMPARE(planner->session()->undoStack()->count(), 1);
        QVERIFY(planner->session()->undoStack()->text(0).contains(QStringLiteral("atlas.analysis")));
        const pp::Policy& edited = *planner->session()->draft()->policy();
        QCOMPARE(edited.group("atlas.analysis")->configQuota, 0.40);
        // Rebalanced: prod and multicore keep their 60:15 ratio and the three still make 100 %.
        const double prod = edited.group("atlas.prod")->configQuota,
                     multicore = edited.group("atlas.multicore")->configQuota;
        QVERIFY(std::abs(prod + multicore + 0.40 - 1.0) < 1e-6);
        QVERIFY(std::abs(prod / multicore - 4.0) < 1e-6);
        QVERIFY(simulated.wait(120000));
        QVERIFY(planner->comparison()->comparison().group("atlas.analysis"));
        // Drawn before the table: a row per group, each group followed by its sub-groups, and one sentence on
        // who gains and who loses (or that nobody does), the same as the engine's headline.
        auto* chart = window.findChild<OutcomeChart*>(QStringLiteral("plannerOutcomeChart"));
        QVERIFY(chart);
        QVERIFY(chart->rows().size() >= 10);
        for (std::size_t i = 0; i < chart->rows().size(); ++i)
            if (chart->rows()[i].name == QStringLiteral("atlas")) {
                QCOMPARE(chart->rows()[i + 1].name.left(6), QStringLiteral("atlas."));
                QCOMPARE(chart->rows()[i + 1].depth, 2);
            }
        auto* headline = window.findChild<QLabel*>(QStringLiteral("plannerHeadline"));
        QVERIFY(headline);
        QCOMPARE(
            headline->text(), QString::fromStdString(pp::comparisonHeadline(planner->comparison()->comparison()).text));
        // A tenth of the demo's work never fills the quotas, so the work barely moves; the quota itself does:
        // 25 % → 40 % of atlas's 9,200 cores (the simulation's mean effective quota).
        const auto quotaOf = [](const pp::Result& r) {
            return ComparisonModel::quotaShares(r).at("atlas.analysis") * static_cast<double>(r.poolCores);
        };
        QVERIFY(std::abs(quotaOf(*planner->session()->baselineResult()) - 2300.0) < 1.0);
        QVERIFY(std::abs(quotaOf(*planner->session()->proposalResult()) - 3680.0) < 1.0);
        QVERIFY(planner->session()->configSnippet().contains(QStringLiteral("GROUP_QUOTA_DYNAMIC_atlas.analysis")));

        // Undo gives back the exact baseline policy; redo the exact edit.
        planner->session()->undoStack()->undo();
        QCOMPARE(planner->session()->draft()->edits().size(), std::size_t(0));
        QCOMPARE(QString::fromStdString(pp::configSnippet(baseline, *planner->session()->draft()->policy(), "x")),
            QString::fromStdString(pp::configSnippet(baseline, baseline, "x")));
        planner->session()->undoStack()->redo();
        QCOMPARE(planner->session()->draft()->policy()->group("atlas.analysis")->configQuota, 0.40);
        QCOMPARE(planner->session()->draft()->policy()->group("atlas.prod")->configQuota, prod);

        // Kept as a scenario, it is compared with the baseline side by side.
        QTRY_VERIFY_WITH_TIMEOUT(!planner->session()->isSimulatingProposal(), 120000);
        QCOMPARE(planner->session()->keepProposal(QStringLiteral("Analysis 40")), 1);
        auto* compare = window.findChild<CompareView*>();
        QVERIFY(compare);
        QCOMPARE(compare->firstRow(), 0);
        QCOMPARE(compare->secondRow(), 1);
        QVERIFY(compare->comparison().group("atlas.analysis"));
        QVERIFY(!compare->summaryText().isEmpty());
        // The report holds both, with the proposal's knobs as a config.d snippet.
        auto* reports = window.findChild<ReportsView*>();
        QVERIFY(reports);
        QTemporaryDir dir;
        QString message;
        QVERIFY2(reports->exportTo(dir.filePath(QStringLiteral("report.html")), &message), qPrintable(message));
        const QByteArray html = readAll(dir.filePath(QStringLiteral("report.html")));
        QVERIFY(html.contains("Analysis 40"));
        QVERIFY(html.contains("GROUP_QUOTA_DYNAMIC_atlas.analysis = 0.4"));
        if (qEnvironmentVariableIsSet("PP_SCREENSHOT_DIR")) { // pictures of the planner, the comparison, the report
            window.resize(1600, 1000);
            const std::pair<MainWindow::View, const char*> views[] = {{MainWindow::View::Planner, "planner-edited"},
                {MainWindow::View::Compare, "compare"}, {MainWindow::View::Reports, "reports"}};
            for (const auto& [view, name] : views) {
                window.showView(view);
                QTest::qWait(200);
                window.grab().save(qEnvironmentVariable("PP_SCREENSHOT_DIR") + QLatin1Char('/') + QLatin1String(name)
                    + QStringLiteral(".png"));
            }
        }

        // Twice star's work: the proposal has star's jobs twice over.
        int star = -1;
        for (int row = 0; row < groups->rowCount(); ++row)
            if (groups->index(row, GroupPolicyModel::NameColumn).data(Qt::ToolTipRole).toString()
                == QStringLiteral("star"))
                star = row;
        QVERIFY(star >= 0);
        simulated.clear();
        QVERIFY(groups->setData(groups->index(star, GroupPolicyModel::WorkloadColumn), 2.0));
        QCOMPARE(groups->index(star, GroupPolicyModel::WorkloadColumn).data().toString(), QStringLiteral("× 2.00"));
        const auto jobsOfStar = [](const pp::Result& r) {
            for (const auto& g : r.groups)
                if (g.name == "star")
                    return g.jobsTotal;
            return 0L;
        };
        // The simulation of the edit before may still finish first: wait for this edit's.
        QTRY_COMPARE_WITH_TIMEOUT(
            planner->session()->proposalResult() ? jobsOfStar(*planner->session()->proposalResult()) : 0L,
            2 * jobsOfStar(*planner->session()->baselineResult()), 120000);
        planner->session()->undoStack()->undo();

        // A sweep of one knob over the proposal: no draining, then ten machines an hour.
        auto* sweep = window.findChild<SweepPanel*>();
        QVERIFY(sweep);
        QString sweepError;
        QVERIFY(!sweep->start(QStringLiteral("NEGOTIATOR_INTERVAL"), {QStringLiteral("soon")}, &sweepError));
        QVERIFY(sweepError.contains(QStringLiteral("NEGOTIATOR_INTERVAL")));
        QSignalSpy swept(sweep, &SweepPanel::finished);
        QVERIFY(sweep->start(QStringLiteral("DEFRAG_DRAINING_MACHINES_PER_HOUR"),
            {QStringLiteral("0"), QStringLiteral("10")}, &sweepError));
        QVERIFY(swept.wait(240000));
        QCOMPARE(sweep->results().size(), std::size_t(2));
        QCOMPARE(sweep->results()[0]->drainsStarted, 0L);
        QVERIFY(sweep->results()[1]->drainsStarted > 0);

        // The merge study from the proposal: a knob HTCondor refuses is named, then both variants run.
        auto* merge = window.findChild<MergeStudyPanel*>();
        QVERIFY(merge);
        QString mergeError;
        merge->setVariantKnobs(QStringLiteral("FLOCK_INCREMENT = many"), QString());
        QVERIFY(!merge->start(&mergeError));
        QVERIFY2(mergeError.contains(QStringLiteral("FLOCK_INCREMENT")), qPrintable(mergeError));
        merge->setVariantKnobs(
            QStringLiteral("FLOCK_INCREMENT = 2"), QStringLiteral("PREEMPTION_REQUIREMENTS = False"));
        QSignalSpy merged(merge, &MergeStudyPanel::finished);
        QVERIFY2(merge->start(&mergeError), qPrintable(mergeError));
        QVERIFY(merged.wait(300000));
        QVERIFY(merge->study().has_value());
        QCOMPARE(merge->study()->rows.size(), std::size_t(7)); // the demo's six experiments and the notebooks
        double separate = 0, together = 0;
        for (const auto& row : merge->study()->rows) {
            separate += row.separate.deliveredCoreHours;
            together += row.merged.deliveredCoreHours;
            QVERIFY(row.separate.contributedCores > 0);
            QCOMPARE(row.merged.preemptions, 0L); // PREEMPTION_REQUIREMENTS = False in the merged pool
        }
        QVERIFY(separate > 0 && std::abs(separate - together) / separate < 0.05);
        if (qEnvironmentVariableIsSet("PP_SCREENSHOT_DIR")) {
            window.resize(1600, 1000);
            window.showView(MainWindow::View::Compare);
            qobject_cast<QTabWidget*>(merge->parentWidget()->parentWidget())->setCurrentWidget(merge);
            QTest::qWait(200);
            window.grab().save(qEnvironmentVariable("PP_SCREENSHOT_DIR") + QStringLiteral("/merge-study.png"));
        }

        // A half-hour limit for star's jobs: the schedd holds those that run longer, and only star's.
        simulated.clear();
        QVERIFY(groups->setData(groups->index(star, GroupPolicyModel::RuntimeLimitColumn), 0.5));
        const auto heldOf = [](const pp::Result& r, const std::string& name) {
            for (const auto& g : r.groups)
                if (g.name == name)
                    return g.jobsHeld;
            return -1L;
        };
        // The proposal of the edit before may still finish first (and be reported): wait for this edit's.
        QTRY_VERIFY_WITH_TIMEOUT(
            planner->session()->proposalResult() && heldOf(*planner->session()->proposalResult(), "star") > 0, 120000);
        QCOMPARE(heldOf(*planner->session()->proposalResult(), "belle2"), 0L);
        planner->session()->undoStack()->undo();

        // A value HTCondor refuses is shown, not simulated.
        planner->session()->undoStack()->push(
            new SetKnobsCommand(planner->session()->draft(), QStringLiteral("bad"), {{"NEGOTIATOR_INTERVAL", "soon"}}));
        QVERIFY(!planner->session()->draft()->policy());
        planner->session()->undoStack()->undo();
        QVERIFY(static_cast<bool>(planner->session()->draft()->policy()));
    }

    // A scenario file opens as its base, its knobs as the planner's proposal over it; a bad one names its line.
    void opensAScenarioFileAsABaseAndAProposal()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("star.scenario"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("POOLPLANNER_NAME = more star\nPOOLPLANNER_BASE = demo\nPOOLPLANNER_HORIZON = 1d\n"
                   "GROUP_QUOTA_star = 3200\n");
        file.close();
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        window.openFiles({path});
        QVERIFY(shown.wait(120000));
        auto* session = window.findChild<PlannerView*>()->session();
        QCOMPARE(session->baseScenario().horizonSeconds, 86400.0);
        QCOMPARE(session->baseScenario().policy.group("star")->configQuota, 3000.0); // the base: the demo's
        QCOMPARE(session->draft()->edits(), (pp::KnobEdits {{"GROUP_QUOTA_star", "3200"}}));
        QCOMPARE(session->undoStack()->count(), 1);
        QVERIFY(session->undoStack()->text(0).contains(QStringLiteral("more star")));
        QVERIFY(session->canSaveScenarioFile());
        QTRY_VERIFY_WITH_TIMEOUT(session->proposalResult() != session->baselineResult(), 120000);

        QFile bad(dir.filePath(QStringLiteral("bad.scenario")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("POOLPLANNER_BASE = demo\nGROUP_QUOTA_star = -300\n");
        bad.close();
        QSignalSpy failed(&window, &MainWindow::openFailed);
        window.openFiles({bad.fileName()});
        QVERIFY(failed.wait(60000));
        QVERIFY2(failed.at(0).at(0).toString().startsWith(bad.fileName() + QStringLiteral(":2:")),
            qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(session->draft()->edits().size(), std::size_t(1)); // the window keeps what it had
    }

    // Files a scenario file can name (one configuration, a trace, the pool's slot ads) are planned into one, which
    // the command line reads back as the same pool and jobs; without a configuration there is no base to name.
    void filesOpenedOneByOneArePlannedIntoAScenarioFile()
    {
        QTemporaryDir dir;
        const QString trace = dataPath("lpc-egee-slice.swf");
        const QString slotAds = dataPath("partitionable8core.status.json");
        const QString config = dataPath("hgq-worked-example.condor_config");
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        window.openFiles({config, trace, slotAds});
        QVERIFY(shown.wait(120000));
        auto* session = window.findChild<PlannerView*>()->session();
        QVERIFY(session->canSaveScenarioFile());
        auto text = session->scenarioFileText(QStringLiteral("from files"));
        QVERIFY(text);
        const QString path = dir.filePath(QStringLiteral("from-files.scenario"));
        QVERIFY(writeFile(path, QByteArray::fromStdString(*text)));
        auto spec = pp::readScenarioFile(path.toStdString());
        QVERIFY2(spec, spec ? "" : spec.error().message().c_str());
        QCOMPARE(QString::fromStdString(spec->inputs.tracePath), trace);
        QCOMPARE(QString::fromStdString(spec->inputs.poolPath), slotAds);
        pp::Warnings warnings;
        auto again = pp::buildScenario(*spec, warnings);
        QVERIFY(again);
        QCOMPARE(again->pool.totalCores(), session->baseScenario().pool.totalCores());
        QCOMPARE(again->workload.jobs.size(), session->baseScenario().workload.jobs.size());

        window.openFiles({trace, slotAds});
        QVERIFY(shown.wait(120000));
        QVERIFY(!session->canSaveScenarioFile());
    }

    void theFlowDiagramKnowsTheBandUnderThePointer()
    {
        FlowTableModel model;
        pp::Result result;
        result.groups.resize(3);
        result.groups[0].name = "<none>";
        result.groups[1].name = "atlas";
        result.groups[2].name = "cms";
        result.flows = {{2, 1, 300.0}, {0, 1, 100.0}}; // cms lends the most, <none> the rest, both to atlas
        model.setResult(result);
        FlowDiagram diagram(&model);
        diagram.resize(800, 420);
        diagram.grab(); // paints, laying out the bands
        QList<int> found;
        for (int y = 0; y < diagram.height(); y += 2) {
            const int flow = diagram.flowAt(QPointF(400, y));
            if (flow >= 0 && !found.contains(flow))
                found << flow;
        }
        QCOMPARE(found, (QList<int> {0, 1})); // cms's band above <none>'s, top to bottom
        QCOMPARE(diagram.flowAt(QPointF(2, 2)), -1);
        model.setResult(pp::Result {});
        diagram.grab();
        QCOMPARE(diagram.flowAt(QPointF(400, 200)), -1);
    }

    void opensARealSnapshotAndSurvivesABadFile()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        QSignalSpy failed(&window, &MainWindow::openFailed);
        window.show();
        // HTCondor's own slot ads of one 8-core partitionable machine, and a job ad still idle in the queue.
        window.openFiles({sharedPath("htcondor-samples/machine-ads/htcondor_StatusAds_partionable8core.long.ads"),
            sharedPath("htcondor-samples/job-ads/htcondor_python_bindings_test.old.ad")});
        QVERIFY(shown.wait(60000));
        bool eightCores = false;
        for (const auto* label : window.findChildren<QLabel*>())
            eightCores = eightCores || label->text().contains(QStringLiteral("8 cores"));
        QVERIFY(eightCores);
        // No model was given: the banner says so, as a warning.
        QVERIFY(window.banner()->isVisible());
        QCOMPARE(window.banner()->kind(), MessageBanner::Kind::Warning);
        QVERIFY(window.banner()->details().join(QLatin1Char('\n')).contains(QStringLiteral("no workload model")));
        const auto* view = window.findChild<QTreeView*>(QStringLiteral("groupTree"));
        const int rows = view->model()->rowCount();
        QVERIFY(rows >= 1);

        // Binary garbage: an error naming the file; the snapshot stays on screen.
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("pool.json"));
        QVERIFY(writeFile(bad, QByteArray("\x00\x01\x02garbage\xff", 11)));
        window.openFiles({bad});
        QVERIFY(failed.wait(60000));
        QVERIFY(failed.first().first().toString().contains(bad));
        QCOMPARE(window.banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(window.banner()->headline().contains(QStringLiteral("pool.json")));
        QCOMPARE(view->model()->rowCount(), rows);
        QCOMPARE(shown.count(), 1);
        QVERIFY(!window.isBusy());
    }

    void aWorkspaceBringsBackTheDataAndTheView()
    {
        QTemporaryDir dir;
        // Copies of real slot and job ads, removed before reopening: the workspace must hold the data itself.
        const QString slotAds = dir.filePath(QStringLiteral("slots.ads"));
        const QString queue = dir.filePath(QStringLiteral("queue.ads"));
        QVERIFY(QFile::copy(
            sharedPath("htcondor-samples/machine-ads/htcondor_StatusAds_partionable8core.long.ads"), slotAds));
        QVERIFY(QFile::copy(sharedPath("htcondor-samples/job-ads/htcondor_python_bindings_test.old.ad"), queue));
        const QString path = dir.filePath(QStringLiteral("pool.ppw"));
        QString summary;
        {
            MainWindow window;
            QSignalSpy shown(&window, &MainWindow::resultShown);
            window.show();
            window.openFiles({slotAds, queue});
            QVERIFY(shown.wait(60000));
            QVERIFY(window.isWindowModified()); // data on screen that no workspace holds
            QVERIFY(window.saveWorkspaceAs(path));
            QVERIFY(!window.isWindowModified());
            QVERIFY(window.windowTitle().startsWith(QStringLiteral("pool.ppw")));
            window.showView(MainWindow::View::Pool);
            window.findChild<QLineEdit*>(QStringLiteral("groupFilter"))->setText(QStringLiteral("none"));
            Q_EMIT window.findChild<QLineEdit*>(QStringLiteral("groupFilter"))->editingFinished();
            for (const auto* label : window.findChildren<QLabel*>())
                if (label->text().contains(QStringLiteral("8 cores")))
                    summary = label->text();
        }
        QVERIFY(!summary.isEmpty());
        QVERIFY(QFile::remove(slotAds));
        QVERIFY(QFile::remove(queue));

        MainWindow reopened;
        QSignalSpy shown(&reopened, &MainWindow::resultShown);
        reopened.show();
        QVERIFY(reopened.openWorkspace(path));
        QVERIFY(shown.wait(60000));
        QCOMPARE(reopened.findChild<QListWidget*>()->currentRow(), static_cast<int>(MainWindow::View::Pool));
        QCOMPARE(reopened.findChild<QLineEdit*>(QStringLiteral("groupFilter"))->text(), QStringLiteral("none"));
        bool same = false;
        for (const auto* label : reopened.findChildren<QLabel*>())
            same = same || label->text() == summary;
        QVERIFY(same);
        QVERIFY(!reopened.isWindowModified());

        // Not a workspace: refused with the file named, nothing changes.
        const QString text = dir.filePath(QStringLiteral("notes.ppw"));
        QVERIFY(writeFile(text, "not a workspace\n"));
        QVERIFY(!reopened.openWorkspace(text));
        QCOMPARE(reopened.banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(reopened.banner()->headline().contains(QStringLiteral("notes.ppw")));
    }

    void watchesAPoolThroughTheStandIn()
    {
        // tests/data/fake-condor stands in for condor_status, condor_q and condor_userprio: it prints recorded
        // real ads (two 8-core machines, four jobs running, one idle).
        MainWindow window;
        QSignalSpy snapshots(&window, &MainWindow::snapshotReceived);
        QSignalSpy shown(&window, &MainWindow::resultShown);
        window.show();
        const PoolWatcher::Settings settings
            = standIn(3600); // one poll is enough here; failures are polled by hand below
        window.watchPool(settings);
        QVERIFY(snapshots.wait(30000));
        QCOMPARE(snapshots.first().first().toString(), QStringLiteral("poll 1"));
        QVERIFY(shown.wait(60000));
        bool sixteenCores = false;
        for (const auto* label : window.findChildren<QLabel*>())
            sixteenCores = sixteenCores || label->text().contains(QStringLiteral("16 cores"));
        QVERIFY(sixteenCores);

        // condor_q now fails: the error is shown, the last snapshot stays, and the watcher keeps going.
        qputenv("FAKE_CONDOR_MODE", "fail");
        qputenv("FAKE_CONDOR_ONLY", "condor_q");
        const_cast<PoolWatcher*>(window.watcher())->pollNow();
        QTRY_VERIFY_WITH_TIMEOUT(window.watcher()->consecutiveFailures() == 1, 20000);
        qunsetenv("FAKE_CONDOR_MODE");
        qunsetenv("FAKE_CONDOR_ONLY");
        QCOMPARE(window.banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(window.banner()->headline().contains(QStringLiteral("condor_q")));
        QVERIFY(window.watcher()->isWatching());
        QCOMPARE(snapshots.count(), 1);
        window.stopWatching();
        QVERIFY(!window.watcher()->isWatching());
    }
    // Every poll of the two busy pools recorded on HTCondor 25.14 (p-slots with dynamic children: Child* lists),
    // opened as a user would: each poll's files, then each recording's whole snapshots folder.
    void opensEveryPollOfABusyRealPool()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        QSignalSpy failed(&window, &MainWindow::openFailed);
        window.show();
        int opened = 0;
        for (const char* name : realpool::recordings) {
            QStringList sets;
            for (const auto& [poll, files] : realpool::polls(name)) {
                QStringList paths;
                for (const auto& [kind, path] : files)
                    paths << path;
                window.openFiles(paths);
                QVERIFY2(shown.wait(60000),
                    qPrintable(failed.isEmpty() ? paths.join(QLatin1Char(' ')) : failed.first().first().toString()));
                ++opened;
                QVERIFY(failed.isEmpty());
            }
            window.openFiles({realpool::recording(name) + QStringLiteral("/snapshots")});
            QVERIFY2(shown.wait(60000), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
            QVERIFY(window.banner()->details().join(QLatin1Char('\n')).contains(QStringLiteral("earlier polls")));
            bool sixteenCores = false;
            for (const auto* label : window.findChildren<QLabel*>())
                sixteenCores = sixteenCores || label->text().contains(QStringLiteral("16 cores"));
            QVERIFY(sixteenCores);
        }
        QCOMPARE(opened, 48);
        QVERIFY(failed.isEmpty());
    }

    // File → Watch Pool on a busy real pool: the stand-ins replay its recorded polls, and each one is shown.
    void watchesABusyRealPool()
    {
        QTemporaryDir state;
        qputenv("FAKE_CONDOR_REPLAY",
            (realpool::recording(realpool::recordings[0]) + QStringLiteral("/snapshots")).toLocal8Bit());
        qputenv("FAKE_CONDOR_STATE", state.path().toLocal8Bit());
        const auto cleanup = qScopeGuard([] {
            qunsetenv("FAKE_CONDOR_REPLAY");
            qunsetenv("FAKE_CONDOR_STATE");
        });
        MainWindow window;
        QSignalSpy snapshots(&window, &MainWindow::snapshotReceived);
        QSignalSpy shown(&window, &MainWindow::resultShown);
        window.show();
        const PoolWatcher::Settings settings = standIn(1);
        window.watchPool(settings);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 3, 90000);
        QCOMPARE(window.watcher()->consecutiveFailures(), 0);
        QVERIFY(window.banner()->kind() != MessageBanner::Kind::Error);
        window.stopWatching();
    }
    // `poolplanner --screenshot` on a workspace that cannot be shown exits with the reason and status 1, and
    // never waits for a result that cannot come.
    void aScreenshotOfAWorkspaceThatCannotBeShownExits_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("stderrHas");
        QTest::addRow("text named .ppw") << QStringLiteral("text") << QStringLiteral("bad.ppw");
        QTest::addRow("random bytes") << QStringLiteral("random") << QStringLiteral("bad.ppw");
        QTest::addRow("missing") << QStringLiteral("missing") << QStringLiteral("bad.ppw");
        QTest::addRow("another program's database")
            << QStringLiteral("foreign") << QStringLiteral("another program's SQLite database");
        QTest::addRow("a workspace holding no pool") << QStringLiteral("empty") << QStringLiteral("holds no pool yet");
        QTest::addRow("a folder named .ppw") << QStringLiteral("folder") << QStringLiteral("bad.ppw");
    }
    void aScreenshotOfAWorkspaceThatCannotBeShownExits()
    {
        QFETCH(QString, kind);
        QFETCH(QString, stderrHas);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.ppw"));
        if (kind == QLatin1String("text")) {
            QVERIFY(writeFile(path, "not a workspace\n"));
        } else if (kind == QLatin1String("random")) {
            QByteArray bytes;
            for (int i = 0; i < 8192; ++i)
                bytes += char((i * 7919) % 251);
            QVERIFY(writeFile(path, "SQLite format 3" + QByteArray(1, 0) + bytes));
        } else if (kind == QLatin1String("foreign")) {
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery query(db);
                QVERIFY(query.exec(QStringLiteral("CREATE TABLE t (x)")));
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        } else if (kind == QLatin1String("empty")) {
            QString error;
            QVERIFY2(Workspace::open(path, &error), qPrintable(error));
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("bad.ppw")));
        }
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(PP_GUI_PATH),
            {QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("shot.png")), path});
        QVERIFY(gui.waitForStarted(10000));
        const bool finished = gui.waitForFinished(120000);
        if (!finished)
            gui.kill();
        const QString err = QString::fromUtf8(gui.readAllStandardError());
        QVERIFY2(finished, qPrintable(err));
        QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
        QVERIFY2(gui.exitCode() == 1, qPrintable(err));
        QVERIFY2(err.contains(stderrHas), qPrintable(err));
    }
    // Watching with a workspace open: a poll that cannot be read is dropped, never recorded, so the workspace
    // reopens on the last poll that could be read; and a workspace whose pool cannot be read (as older versions
    // could leave one) opens anyway, says why, and offers the snapshot before it.
    void aPollThatCannotBeReadNeverPoisonsTheWorkspace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watch.ppw"));
        {
            MainWindow window;
            QSignalSpy shown(&window, &MainWindow::resultShown);
            QSignalSpy failed(&window, &MainWindow::openFailed);
            window.show();
            QVERIFY(window.newWorkspace(path));
            const PoolWatcher::Settings settings = standIn(3600);
            window.watchPool(settings);
            QVERIFY(shown.wait(60000));
            qputenv("FAKE_CONDOR_MODE", "garbage");
            qputenv("FAKE_CONDOR_ONLY", "condor_status");
            const_cast<PoolWatcher*>(window.watcher())->pollNow();
            QVERIFY(failed.wait(30000));
            qunsetenv("FAKE_CONDOR_MODE");
            qunsetenv("FAKE_CONDOR_ONLY");
            QVERIFY2(failed.first().first().toString().contains(QStringLiteral("condor_status -json (poll 2)")),
                qPrintable(failed.first().first().toString()));
            QCOMPARE(window.banner()->kind(), MessageBanner::Kind::Error);
            QVERIFY(window.watcher()->isWatching()); // polling goes on
            window.stopWatching();
        }
        {
            QString error;
            auto ws = Workspace::open(path, &error);
            QVERIFY2(ws, qPrintable(error));
            QCOMPARE(ws->snapshots().size(), 1); // the good poll only
        }
        {
            MainWindow reopened;
            QSignalSpy shown(&reopened, &MainWindow::resultShown);
            reopened.show();
            QVERIFY(reopened.openWorkspace(path));
            QVERIFY(shown.wait(60000));
            QVERIFY(reopened.banner()->isHidden() || reopened.banner()->kind() != MessageBanner::Kind::Error);
        }

        // A workspace poisoned as before the fix: its newest snapshot is garbage and is the current pool.
        {
            QString error;
            auto ws = Workspace::open(path, &error);
            QVERIFY2(ws, qPrintable(error));
            Workspace::Snapshot garbage;
            garbage.takenAt = QDateTime::currentDateTimeUtc();
            garbage.status = "this is not what condor prints: {{{ ]]]\n";
            const auto id = ws->appendSnapshot(garbage);
            QVERIFY(id);
            for (auto s : ws->scenarios())
                if (s.source.contains(QStringLiteral("snapshot"))) {
                    s.source = QStringLiteral("{\"snapshot\":%1}").arg(*id);
                    QVERIFY(ws->saveScenario(s));
                }
        }
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        QSignalSpy failed(&window, &MainWindow::openFailed);
        window.show();
        QVERIFY(window.openWorkspace(path));
        QVERIFY(failed.wait(60000));
        QCOMPARE(window.banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY2(window.banner()->actionText().startsWith(QStringLiteral("Open the snapshot of")),
            qPrintable(window.banner()->headline()));
        const_cast<MessageBanner*>(window.banner())->triggerAction(); // as the user clicks it
        QVERIFY(shown.wait(60000));
        bool sixteenCores = false;
        for (const auto* label : window.findChildren<QLabel*>())
            sixteenCores = sixteenCores || label->text().contains(QStringLiteral("16 cores"));
        QVERIFY(sixteenCores);
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
