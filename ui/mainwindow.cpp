// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "mainwindow.h"

#include "grouptablemodel.h"
#include "simulationrunner.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_groups(new GroupTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_runner(new SimulationRunner(this))
{
    setWindowTitle(tr("PoolPlanner"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_summary = new QLabel(central);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);

    m_proxy->setSourceModel(m_groups);
    m_proxy->setSortRole(GroupTableModel::SortRole);
    m_view = new QTreeView(central);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setModel(m_proxy);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // tree order until the user sorts
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(GroupTableModel::NameColumn, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);
    setCentralWidget(central);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(240);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);

    connect(m_runner, &SimulationRunner::started, this, [this] {
        m_progress->setRange(0, 0); // busy until the first real figure
        m_progress->setVisible(true);
        statusBar()->showMessage(tr("Simulating %1…").arg(QString::fromStdString(m_scenario.name)));
    });
    connect(m_runner, &SimulationRunner::progress, this, [this](double fraction) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(fraction * 1000));
    });
    connect(m_runner, &SimulationRunner::resultAvailable, this, &MainWindow::showResult);
    connect(m_runner, &SimulationRunner::failed, this, &MainWindow::showFailure);
    resize(1200, 720);
}

MainWindow::~MainWindow() = default;

bool MainWindow::isBusy() const
{
    return m_runner->isRunning();
}

void MainWindow::openScenario(const pp::Scenario& scenario)
{
    m_scenario = scenario;
    setWindowTitle(tr("%1 — PoolPlanner").arg(QString::fromStdString(scenario.name)));
    m_summary->setText(tr("<b>%1</b>: %2 machines, %3 cores, %4 jobs. Simulating…")
                           .arg(QString::fromStdString(scenario.name))
                           .arg(QLocale().toString(static_cast<qlonglong>(scenario.pool.machines.size())))
                           .arg(QLocale().toString(static_cast<qlonglong>(scenario.pool.totalCores())))
                           .arg(QLocale().toString(static_cast<qlonglong>(scenario.workload.jobs.size()))));
    m_runner->start(scenario);
}

void MainWindow::showResult(const pp::Result& result)
{
    m_groups->setResult(result);
    m_progress->setVisible(false);
    const QLocale locale;
    const double days = static_cast<double>(result.simulatedSeconds) / 86400.0;
    m_summary->setText(
        tr("<b>%1</b> — %2 cores, %3 days simulated in %4 s. "
           "%5 of %6 jobs completed, %7 core-hours delivered, utilization %8 %. "
           "Quotas follow HTCondor's group quota rules (NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION = %9).")
            .arg(QString::fromStdString(m_scenario.name))
            .arg(locale.toString(static_cast<qlonglong>(result.poolCores)))
            .arg(locale.toString(days, 'f', 1))
            .arg(locale.toString(result.wallSeconds, 'f', 2))
            .arg(locale.toString(static_cast<qlonglong>(result.jobsCompleted)))
            .arg(locale.toString(static_cast<qlonglong>(result.jobsTotal)))
            .arg(locale.toString(result.coreHoursDelivered, 'f', 0))
            .arg(locale.toString(result.utilization * 100.0, 'f', 1))
            .arg(m_scenario.policy.allowQuotaOversubscription ? QStringLiteral("True") : QStringLiteral("False")));
    statusBar()->showMessage(
        tr("Loaded %1: %2 groups").arg(QString::fromStdString(m_scenario.name)).arg(result.groups.size()));
    Q_EMIT resultShown();
}

void MainWindow::showFailure(const QString& reason)
{
    m_progress->setVisible(false);
    statusBar()->showMessage(reason);
    m_summary->setText(tr("<b>The simulation did not finish:</b> %1").arg(reason.toHtmlEscaped()));
}
