// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "mainwindow.h"

#include "compareview.h"
#include "flowdiagram.h"
#include "flowtablemodel.h"
#include "forecastpanel.h"
#include "formatduration.h"
#include "grouptreemodel.h"
#include "machinetablemodel.h"
#include "mergestudypanel.h"
#include "messagebanner.h"
#include "notebookcharts.h"
#include "plannerview.h"
#include "planningsession.h"
#include "poolseriesmodel.h"
#include "reportsview.h"
#include "resulttext.h"
#include "scenarioloader.h"
#include "scenarioset.h"
#include "simulationrunner.h"
#include "sweeppanel.h"
#include "timerangebar.h"
#include "usagebardelegate.h"
#include "usagechart.h"
#include "validationdialog.h"
#include "waitreasonchart.h"
#include "watchpooldialog.h"
#include "workspacesession.h"

#include "analysis/surplusflows.h"
#include "analysis/waitreasons.h"
#include "io/resultjson.h"
#include "scenario/demo.h"

#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimeZone>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace {

const char* const viewNames[] = {"pool", "groups", "flows", "notebooks", "planner", "compare", "reports"};

// Rows measured to size a column to its contents (Qt's default is 1,000).
constexpr int contentsPrecision = 50;

// A flat, read-only table over a model, columns sized to their contents.
QTreeView* tableView(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTreeView(parent);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setModel(model);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Sized to the rows on screen and a few beyond, not to a thousand: measuring every row's text again at each
    // showing stalled the window for tens of milliseconds on a big pool's tables.
    view->header()->setResizeContentsPrecision(contentsPrecision);
    return view;
}

// "1,203 of 8,010 jobs of the trace were not replayed (93.1 % of its core-hours)", or empty: the figures that
// follow leave those jobs out, and the summary says so where the figures are.
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_groups(new GroupTreeModel(this))
    , m_machines(new MachineTableModel(this))
    , m_series(new PoolSeriesModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_flows(new FlowTableModel(this))
    , m_planning(new PlanningSession(this))
    , m_loader(new ScenarioLoader(this))
    , m_watcher(new PoolWatcher(this))
    , m_session(new WorkspaceSession(this))
{
    setWindowTitle(tr("PoolPlanner"));
    setAcceptDrops(true);
    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);
    m_banner = new MessageBanner(central);
    outer->addWidget(m_banner);
    m_summary = new QLabel(central);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    outer->addWidget(m_summary);
    m_range = new TimeRangeBar(central);
    outer->addWidget(m_range);
    connect(m_range, &TimeRangeBar::rangeChanged, this, &MainWindow::applyRange);
    connect(m_range, &TimeRangeBar::rangeChanged, this, &MainWindow::saveViewState);

    auto* body = new QHBoxLayout;
    m_navigator = new QListWidget(central);
    const QString labels[]
        = {tr("Pool"), tr("Groups"), tr("Flows"), tr("Notebooks"), tr("Planner"), tr("Compare"), tr("Reports")};
    for (int i = 0; i < 7; ++i) {
        m_navigator->addItem(labels[i]);
        // Ctrl+1 … Ctrl+7 switch views.
        auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] { m_navigator->setCurrentRow(i); });
    }
    m_navigator->setFixedWidth(m_navigator->sizeHintForColumn(0) + 48);
    body->addWidget(m_navigator);
    m_stack = new QStackedWidget(central);
    m_stack->addWidget(buildPoolView());
    m_stack->addWidget(buildGroupsView());
    m_stack->addWidget(buildFlowsView());
    m_stack->addWidget(buildNotebooksView());
    m_planner = new PlannerView(m_planning, this);
    m_stack->addWidget(m_planner);
    auto* compareTabs = new QTabWidget(this);
    m_compare = new CompareView(m_planning, compareTabs);
    compareTabs->addTab(m_compare, tr("Two scenarios"));
    compareTabs->addTab(new SweepPanel(m_planning, compareTabs), tr("Sweep one knob"));
    compareTabs->addTab(new MergeStudyPanel(m_planning, compareTabs), tr("Merge study"));
    m_stack->addWidget(compareTabs);
    m_reports = new ReportsView(m_planning, this);
    m_stack->addWidget(m_reports);
    body->addWidget(m_stack, 1);
    outer->addLayout(body, 1);
    setCentralWidget(central);
    connect(m_navigator, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row == static_cast<int>(View::Notebooks))
            showNotebookActivity(); // before the page shows
    });
    connect(m_navigator, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_navigator, &QListWidget::currentRowChanged, this, &MainWindow::saveViewState);
    connect(m_session, &WorkspaceSession::changed, this, &MainWindow::updateTitle);
    // Proposals kept in the planner (or simulated later in Compare) go into the workspace as they come.
    const auto recordProposals = [this](int first, int last) {
        for (int row = std::max(1, first); row <= last && row < m_planning->scenarios()->count(); ++row) {
            const auto& e = m_planning->scenarios()->at(row);
            QString error;
            const QString summary = e.result ? QString::fromStdString(pp::resultSummaryJson(*e.result)) : QString();
            if (!m_session->recordProposal({e.name, e.description, e.knobs, summary}, &error))
                showWorkspaceError(error);
        }
    };
    connect(m_planning->scenarios(), &QAbstractItemModel::rowsInserted, this,
        [recordProposals](const QModelIndex&, int first, int last) { recordProposals(first, last); });
    connect(m_planning->scenarios(), &QAbstractItemModel::dataChanged, this,
        [recordProposals](const QModelIndex& from, const QModelIndex& to) { recordProposals(from.row(), to.row()); });
    m_navigator->setCurrentRow(static_cast<int>(View::Groups));

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(240);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);
    m_cancelLoad = new QPushButton(tr("Cancel"), this);
    m_cancelLoad->setVisible(false);
    connect(m_cancelLoad, &QPushButton::clicked, m_loader, &ScenarioLoader::cancel);
    statusBar()->addPermanentWidget(m_cancelLoad);
    m_loadedFrom = new QLabel(this);
    statusBar()->addPermanentWidget(m_loadedFrom);

    connect(m_loader, &ScenarioLoader::started, this, [this](const QStringList& paths) {
        m_progress->setRange(0, 0);
        m_progress->setVisible(true);
        m_cancelLoad->setVisible(true);
        QStringList names;
        for (const auto& p : paths)
            names << QFileInfo(p).fileName();
        statusBar()->showMessage(tr("Reading %1…").arg(names.join(QStringLiteral(", "))));
    });
    connect(m_loader, &ScenarioLoader::loaded, this,
        [this](const pp::Scenario& scenario, const pp::Config& config, const QStringList& warnings,
            const QString& description) {
            m_cancelLoad->setVisible(false);
            m_openWarnings = warnings;
            m_loadedFrom->setText(description);
            m_banner->hide();
            if (!m_restoring && !m_pendingPaths.isEmpty()) {
                QString error;
                if (!m_session->recordFiles(m_pendingPaths, &error, std::exchange(m_preparedFiles, std::nullopt)))
                    showWorkspaceError(error);
            }
            m_preparedFiles.reset(); // restoring: the workspace holds the files already
            m_pendingPaths.clear();
            openScenario(scenario, config);
        });
    // A scenario file opens as its base, with its changes put over it in the planner once the base is in.
    connect(m_loader, &ScenarioLoader::scenarioFileRead, this,
        [this](const pp::ScenarioSpec& base, const pp::KnobEdits& edits, const QString& name) {
            // Files a workspace gives back live in a temporary directory: a scenario file must not name them.
            if (m_restoring && base.inputs.builtin.empty())
                return;
            m_pendingPlan = PendingPlan {base, edits, name};
        });
    // Files opened while a workspace is open are read and compressed for it by the loader, off the GUI thread.
    connect(m_loader, &ScenarioLoader::filesPrepared, this,
        [this](const QList<Workspace::ImportedFile>& files) { m_preparedFiles = files; });
    // A poll joins the workspace only once it was read (compressed by the loader, off the GUI thread).
    connect(m_loader, &ScenarioLoader::pollRead, this, [this](const PoolSnapshot& poll) {
        m_pendingSnapshot.reset();
        m_earlierSnapshotId = 0;
        QString error;
        if (!m_session->recordSnapshot(poll, &error))
            showWorkspaceError(error);
    });
    connect(m_loader, &ScenarioLoader::failed, this, [this](const QString& message) {
        m_pendingPaths.clear();
        if (std::exchange(m_pendingSnapshot, std::nullopt)) {
            // A poll that cannot be read is dropped: not shown, not recorded; the watcher goes on polling.
            m_liveUpdate = false;
            m_cancelLoad->setVisible(false);
            m_progress->setVisible(m_planning->isOpening());
            if (const qint64 tried = std::exchange(m_earlierSnapshotId, 0); tried > 0) {
                offerEarlierSnapshot(message, tried); // an earlier snapshot of the workspace failed too
                Q_EMIT openFailed(message);
                return;
            }
            m_banner->showMessage(MessageBanner::Kind::Error,
                tr("<b>Watching the pool:</b> a poll could not be read and was dropped: %1<br>The window keeps the "
                   "last snapshot that could be read; polling goes on.")
                    .arg(message.toHtmlEscaped()));
            Q_EMIT openFailed(message);
            return;
        }
        const bool restoring = std::exchange(m_restoring, false); // the next data is the user's own
        m_cancelLoad->setVisible(false);
        m_progress->setVisible(m_planning->isOpening());
        if (restoring && m_session->openedSnapshotId() > 0)
            offerEarlierSnapshot(message, m_session->openedSnapshotId());
        else
            m_banner->showMessage(MessageBanner::Kind::Error,
                tr("<b>Could not open the files.</b> %1<br>The window still shows what it had.")
                    .arg(message.toHtmlEscaped()));
        statusBar()->showMessage(tr("Nothing opened"));
        Q_EMIT openFailed(message);
    });
    connect(m_loader, &ScenarioLoader::cancelled, this, [this] {
        m_pendingPaths.clear();
        m_restoring = false;
        m_cancelLoad->setVisible(false);
        m_progress->setVisible(m_planning->isOpening());
        statusBar()->showMessage(tr("Opening cancelled; the window keeps what it had."), 5000);
    });
    m_watchStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_watchStatus);
    connect(m_watcher, &PoolWatcher::snapshotTaken, this, &MainWindow::takeSnapshot);
    connect(m_watcher, &PoolWatcher::stateChanged, this, &MainWindow::showWatchState);
    connect(m_watcher, &PoolWatcher::commandFailed, this, [this](const QString& command, const QString& message) {
        m_banner->showMessage(MessageBanner::Kind::Error,
            tr("<b>Watching the pool:</b> <tt>%1</tt> failed: %2<br>Tried again every %3 s; the window keeps the last "
               "snapshot.")
                .arg(command.toHtmlEscaped(), message.toHtmlEscaped())
                .arg(m_watcher->settings().intervalSeconds));
    });
    buildMenus();

    connect(m_planning, &PlanningSession::openingStarted, this, [this](const QString& name) {
        m_progress->setRange(0, 0); // busy until the first real figure
        m_progress->setVisible(true);
        statusBar()->showMessage(tr("Simulating %1…").arg(name));
    });
    connect(m_planning, &PlanningSession::openingProgress, this, [this](double fraction) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(fraction * 1000));
    });
    connect(m_planning, &PlanningSession::baselineReady, this, &MainWindow::showResult);
    connect(m_planning, &PlanningSession::baselineEnsembleReady, this, [this] {
        const auto ensemble = m_planning->baselineEnsemble();
        const auto baseline = m_planning->baselineResult();
        if (!ensemble || !baseline)
            return;
        m_chart->setSpread(ensemble->claimedCores, ensemble->runs);
        m_groups->setSpread(ensemble);
        m_poolFacts->setText(ResultText::poolFacts(*baseline) + ResultText::ensembleSpread(*ensemble));
    });
    connect(m_planning, &PlanningSession::baselineEnsembleFailed, this,
        [this](const QString& reason) { statusBar()->showMessage(reason); });
    connect(m_planning, &PlanningSession::openingFailed, this, &MainWindow::showFailure);
    restoreWindowGeometry();
}

void MainWindow::restoreWindowGeometry()
{
    if (restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray()))
        return;
    // The first start: most of the screen, so that the group table needs no horizontal scroll on a laptop.
    const QScreen* screen = QGuiApplication::primaryScreen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
    resize(std::max(std::min(1200, available.width()), available.width() * 9 / 10),
        std::max(std::min(720, available.height()), available.height() * 9 / 10));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Pool Data…"), this, &MainWindow::chooseFiles);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Snapshots, traces, history, event logs, configurations and workload models"));
    file->addAction(tr("Open the &Demo Pool"), this, &MainWindow::openDemo);
    file->addAction(tr("Open S&cenario File…"), this, &MainWindow::chooseScenarioFile)
        ->setStatusTip(tr("A base pool and the HTCondor knobs that change it, as poolplanner-cli reads it"));
    file->addAction(tr("Save Plan as Scenario &File…"), this, &MainWindow::chooseSaveScenarioFile)
        ->setStatusTip(tr("The planner's changes over the open pool, for poolplanner-cli and the next meeting"));
    file->addSeparator();
    file->addAction(tr("&New Workspace…"), this, &MainWindow::chooseNewWorkspace)->setShortcut(QKeySequence::New);
    file->addAction(tr("Open Wor&kspace…"), this, &MainWindow::chooseWorkspace)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addAction(tr("&Save"), this, &MainWindow::save)->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save Workspace &As…"), this, &MainWindow::chooseSaveAs)->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    file->addAction(tr("&Watch Pool…"), this, &MainWindow::chooseWatch);
    file->addAction(tr("&Validate Against History…"), this, &MainWindow::showValidation);
    m_stopWatching = file->addAction(tr("S&top Watching"), this, &MainWindow::stopWatching);
    m_stopWatching->setEnabled(false);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open pool data"), QString(),
        tr("Pool data (*.json *.jsonl *.ads *.ad *.long *.txt *.log *.swf *.swf.gz *.gz *.csv *.history "
           "*.condor_config *.config *.model);;All files (*)"));
    if (!paths.isEmpty())
        openFiles(paths);
}

void MainWindow::chooseScenarioFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a scenario file"), QString(), tr("Scenario files (*.scenario);;All files (*)"));
    if (path.isEmpty())
        return;
    beginOpening({path});
    m_loader->loadScenarioFile(path); // whatever its name ends with
}

void MainWindow::beginOpening(const QStringList& paths)
{
    m_pendingPaths = paths;
    // Files replace a poll still being read: its outcome is dropped, and it must not be taken for theirs.
    m_pendingSnapshot.reset();
    m_earlierSnapshotId = 0;
    m_liveUpdate = false;
    m_pendingPlan.reset();
    m_preparedFiles.reset();
}

void MainWindow::chooseSaveScenarioFile()
{
    if (!m_planning->canSaveScenarioFile()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
            tr("<b>The plan cannot be saved as a scenario file:</b> %1")
                .arg(QString::fromStdString(m_planning->scenarioFileText({}).error().reason).toHtmlEscaped()));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the plan as a scenario file"),
        QStringLiteral("plan.scenario"), tr("Scenario files (*.scenario);;All files (*)"));
    if (path.isEmpty())
        return;
    const auto text = m_planning->scenarioFileText(QFileInfo(path).completeBaseName());
    QString why;
    if (text) {
        QSaveFile file(path);
        const QByteArray bytes = QByteArray::fromStdString(*text);
        if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit()) {
            statusBar()->showMessage(tr("Saved the plan as %1 (poolplanner-cli reads it too)").arg(path), 5000);
            return;
        }
        why = file.errorString();
    } else {
        why = QString::fromStdString(text.error().message());
    }
    m_banner->showMessage(
        MessageBanner::Kind::Error, tr("<b>%1 was not saved:</b> %2").arg(path.toHtmlEscaped(), why.toHtmlEscaped()));
}

void MainWindow::showValidation()
{
    // Non-modal: a replay of a long history may take a while, and the window stays usable meanwhile.
    if (!m_validation)
        m_validation = new ValidationDialog(this);
    m_validation->show();
    m_validation->raise();
    m_validation->activateWindow();
}

void MainWindow::chooseWatch()
{
    WatchPoolDialog dialog(m_watcher->settings(), this);
    if (dialog.exec() == QDialog::Accepted)
        watchPool(dialog.settings());
}

void MainWindow::watchPool(const PoolWatcher::Settings& settings)
{
    m_watcher->stop();
    m_watcher->setSettings(settings);
    m_stopWatching->setEnabled(true);
    m_watcher->start();
}

void MainWindow::stopWatching()
{
    m_watcher->stop();
    m_stopWatching->setEnabled(false);
}

void MainWindow::takeSnapshot(const PoolSnapshot& snapshot)
{
    ++m_snapshots;
    const QString label = snapshot.host.isEmpty() ? tr("poll %1").arg(m_snapshots)
                                                  : tr("poll %1 of %2").arg(m_snapshots).arg(snapshot.host);
    // Read off the GUI thread straight from the commands' output; recorded in the workspace once it was read.
    m_pendingSnapshot = snapshot;
    m_pendingPaths.clear(); // a poll is recorded as the snapshot itself, not as files
    m_liveUpdate = true;
    Q_EMIT snapshotReceived(label);
    m_loader->loadPoll(snapshot, label, m_session->isOpen());
    showWatchState(m_watcher->state()); // the state may have changed before this poll was counted
}

void MainWindow::offerEarlierSnapshot(const QString& why, qint64 before)
{
    const auto earlier = m_session->snapshotBefore(before);
    const QString headline = tr("<b>The pool this workspace shows could not be read.</b> %1").arg(why.toHtmlEscaped());
    if (!earlier) {
        m_banner->showMessage(MessageBanner::Kind::Error,
            headline + tr("<br>The workspace holds no earlier snapshot: open pool data to go on."));
        return;
    }
    const QString taken = earlier->second.takenAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    m_banner->showMessage(
        MessageBanner::Kind::Error, headline + tr("<br>The snapshot before it was taken %1.").arg(taken));
    m_banner->setAction(tr("Open the snapshot of %1").arg(taken), [this, earlier, taken] {
        m_pendingSnapshot = earlier->second; // becomes the workspace's current pool once it was read
        m_earlierSnapshotId = earlier->first;
        m_pendingPaths.clear();
        m_liveUpdate = false;
        m_loader->loadPoll(earlier->second, tr("the workspace's snapshot of %1").arg(taken), m_session->isOpen());
    });
}

void MainWindow::showWatchState(PoolWatcher::State state)
{
    const QString where = m_watcher->settings().host.isEmpty() ? tr("this machine") : m_watcher->settings().host;
    switch (state) {
    case PoolWatcher::State::Stopped:
        m_watchStatus->setText(m_snapshots > 0 ? tr("Stopped watching %1").arg(where) : QString());
        break;
    case PoolWatcher::State::Polling:
        m_watchStatus->setText(tr("Polling %1…").arg(where));
        break;
    case PoolWatcher::State::Waiting:
        m_watchStatus->setText(tr("Watching %1: snapshot %2 at %3")
                                   .arg(where)
                                   .arg(m_snapshots)
                                   .arg(QDateTime::currentDateTime().toString(QStringLiteral("hh:mm:ss"))));
        break;
    case PoolWatcher::State::Retrying:
        m_watchStatus->setText(
            tr("Watching %1: %n failed poll(s), retrying", "", m_watcher->consecutiveFailures()).arg(where));
        break;
    }
}

void MainWindow::openFiles(const QStringList& paths)
{
    if (paths.size() == 1 && WorkspaceSession::looksLikeWorkspace(paths.front())) {
        openWorkspace(paths.front());
        return;
    }
    beginOpening(paths);
    if (paths.size() == 1 && paths.front().endsWith(QStringLiteral(".scenario"), Qt::CaseInsensitive))
        m_loader->loadScenarioFile(paths.front());
    else
        m_loader->load(paths, m_session->isOpen() && !m_restoring);
}

void MainWindow::openDemo()
{
    m_loader->cancel(); // a file load still going must not replace the demo when it ends
    m_pendingPaths.clear();
    if (!m_restoring) {
        QString error;
        if (!m_session->recordBuiltin(QStringLiteral("demo"), &error))
            showWorkspaceError(error);
    }
    m_loadedFrom->setText(tr("built-in demo pool"));

    m_openWarnings.clear();
    m_banner->hide();
    if (auto demo = pp::scenarioSpecFor("demo"))
        m_pendingPlan = PendingPlan {std::move(demo).value(), {}, {}};
    openScenario(pp::demoScenario(), pp::Config::fromText(pp::demoConfigText(), "demo.condor_config").value());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    const bool allLocal
        = !urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl& url) { return url.isLocalFile(); });
    if (allLocal)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    openFiles(paths);
}

bool MainWindow::isBusy() const
{
    return m_planning->isOpening();
}

bool MainWindow::viewFromName(const QString& name, View* view)
{
    for (int i = 0; i < 7; ++i)
        if (name.compare(QLatin1String(viewNames[i]), Qt::CaseInsensitive) == 0) {
            *view = static_cast<View>(i);
            return true;
        }
    return false;
}

void MainWindow::showView(View view)
{
    m_navigator->setCurrentRow(static_cast<int>(view));
}

QWidget* MainWindow::buildPoolView()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_chart = new UsageChart(m_series, page);
    layout->addWidget(m_chart, 2);
    m_poolFacts = new QLabel(page);
    m_poolFacts->setTextFormat(Qt::RichText);
    m_poolFacts->setWordWrap(true);
    layout->addWidget(m_poolFacts);
    auto* tabs = new QTabWidget(page);
    tabs->addTab(tableView(m_series, tabs), tr("Over time"));
    auto* machinesPage = new QWidget(tabs);
    auto* machinesLayout = new QVBoxLayout(machinesPage);
    m_machinesMoment = new QLabel(machinesPage);
    machinesLayout->addWidget(m_machinesMoment);
    auto* sortedMachines = new QSortFilterProxyModel(machinesPage);
    sortedMachines->setSourceModel(m_machines);
    sortedMachines->setSortRole(MachineTableModel::SortRole);
    auto* machines = tableView(sortedMachines, machinesPage);
    machines->setObjectName(QStringLiteral("machineTable"));
    machines->setSortingEnabled(true);
    machines->sortByColumn(-1, Qt::AscendingOrder);
    machinesLayout->addWidget(machines, 1);
    tabs->addTab(machinesPage, tr("Machines"));
    layout->addWidget(tabs, 1);
    return page;
}

QWidget* MainWindow::buildGroupsView()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* filter = new QLineEdit(page);
    filter->setPlaceholderText(tr("Filter groups and users by name"));
    filter->setClearButtonEnabled(true);
    m_groupFilter = filter;
    filter->setObjectName(QStringLiteral("groupFilter"));
    connect(filter, &QLineEdit::editingFinished, this, &MainWindow::saveViewState);
    layout->addWidget(filter);

    m_proxy->setSourceModel(m_groups);
    m_proxy->setSortRole(GroupTreeModel::SortRole);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(GroupTreeModel::NameColumn);
    connect(filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto* view = new QTreeView(page);
    view->setObjectName(QStringLiteral("groupTree"));
    view->setModel(m_proxy);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder); // tree order until the user sorts
    view->header()->setStretchLastSection(true);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->setResizeContentsPrecision(contentsPrecision);
    view->setItemDelegateForColumn(GroupTreeModel::UsageColumn, new UsageBarDelegate(GroupTreeModel::FillRole, view));
    // Groups with sub-groups open, users folded: the experiment structure at a glance, users one click away.
    connect(m_groups, &QAbstractItemModel::modelReset, view, [this, view] {
        std::function<void(const QModelIndex&)> expandGroups = [&](const QModelIndex& parent) {
            for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
                const QModelIndex child = m_proxy->index(row, 0, parent);
                for (int c = 0; c < m_proxy->rowCount(child); ++c)
                    if (m_proxy->hasChildren(m_proxy->index(c, 0, child))) {
                        view->expand(child);
                        break;
                    }
                expandGroups(child);
            }
        };
        expandGroups({});
    });
    // Below the tree, for the chosen group: when a job submitted now would start, and why it waited (its idle cores
    // over time by reason, and the sentence).
    auto* below = new QWidget(page);
    auto* belowLayout = new QVBoxLayout(below);
    belowLayout->setContentsMargins(0, 0, 0, 0);
    m_forecast = new ForecastPanel(
        [this]() -> std::shared_ptr<const pp::Scenario> {
            return m_planning->hasBaseline() ? std::make_shared<const pp::Scenario>(m_planning->baseScenario())
                                             : nullptr;
        },
        below);
    belowLayout->addWidget(m_forecast);
    m_waitChart = new WaitReasonChart(below);
    belowLayout->addWidget(m_waitChart, 1);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        const QModelIndex first = current.siblingAtColumn(0);
        const QVariant group = first.data(GroupTreeModel::GroupRole);
        if (!group.isValid())
            return;
        m_waitChart->setGroup(group.toInt());
        m_forecast->setGroup(group.toInt(), first.data(GroupTreeModel::SortRole).toString());
    });
    auto* split = new QSplitter(Qt::Vertical, page);
    split->setObjectName(QStringLiteral("groupsSplit"));
    split->addWidget(view);
    split->addWidget(below);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    return page;
}

QWidget* MainWindow::buildFlowsView()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* diagram = new FlowDiagram(m_flows, page);
    diagram->setObjectName(QStringLiteral("flowDiagram"));
    layout->addWidget(diagram, 3);
    auto* sorted = new QSortFilterProxyModel(page);
    sorted->setSourceModel(m_flows);
    sorted->setSortRole(FlowTableModel::SortRole);
    auto* table = tableView(sorted, page);
    table->setSortingEnabled(true);
    table->sortByColumn(-1, Qt::AscendingOrder); // largest first, as the model orders them
    layout->addWidget(table, 2);
    return page;
}

QWidget* MainWindow::buildNotebooksView()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notebookPeriod = new QLabel(page);
    m_notebookPeriod->setTextFormat(Qt::RichText);
    m_notebookPeriod->setWordWrap(true);
    layout->addWidget(m_notebookPeriod);
    m_notebookCharts = new NotebookCharts(page);
    layout->addWidget(m_notebookCharts, 3);
    m_notebooks = new QLabel(page);
    m_notebooks->setTextFormat(Qt::RichText);
    m_notebooks->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_notebooks->setWordWrap(true);
    layout->addWidget(m_notebooks, 1);
    return page;
}

void MainWindow::openScenario(const pp::Scenario& scenario, const pp::Config& config)
{
    PlanningSession::OpenOptions options;
    // A new snapshot of the pool being watched is the same pool a moment later: the planner keeps its edits and
    // the kept proposals stay (to be simulated again against the new baseline).
    options.samePool = std::exchange(m_liveUpdate, false);
    if (auto plan = std::exchange(m_pendingPlan, std::nullopt)) {
        options.baseSpec = std::move(plan->base);
        options.edits = std::move(plan->edits);
        options.editsName = plan->name;
    }
    if (m_restoring) // the proposals kept in the workspace come back, to be simulated again when compared
        for (const auto& p : m_session->proposals())
            options.restoredScenarios.push_back({p.name, p.description, p.knobs, nullptr});
    m_summary->setText(tr("<b>%1</b>: %2 machines, %3 cores, %4 jobs. Simulating…")
                           .arg(QString::fromStdString(scenario.name))
                           .arg(QLocale().toString(static_cast<qlonglong>(scenario.pool.machines.size())))
                           .arg(QLocale().toString(static_cast<qlonglong>(scenario.pool.totalCores())))
                           .arg(QLocale().toString(static_cast<qlonglong>(scenario.workload.jobs.size()))));
    m_planning->open(scenario, config, std::move(options));
}

void MainWindow::showResult(const pp::Result& result)
{
    const pp::Scenario& scenario = m_planning->baseScenario();
    updateTitle();
    m_groups->setResult(result, scenario.policy);
    m_waitChart->setResult(result);
    if (m_waitChart->group() < 0) // until the user picks one: the group that waited most
        m_waitChart->setGroup(pp::groupThatWaitedMost(result));
    if (const int chosen = m_waitChart->group(); chosen >= 0 && chosen < static_cast<int>(result.groups.size()))
        m_forecast->setGroup(chosen, QString::fromStdString(result.groups[static_cast<std::size_t>(chosen)].name));
    m_machines->setResult(result, scenario.pool);
    m_reports->setPoolName(QString::fromStdString(scenario.name));
    m_series->setResult(result);
    m_flows->setResult(result);
    m_resultGroups = result.groups;
    m_groupSeries = result.groupSeries;
    m_poolSeries = result.poolSeries;
    m_wholeRunFlows = result.flows;
    m_sampleInterval = result.sampleInterval;
    std::vector<std::int64_t> times;
    times.reserve(result.poolSeries.size());
    for (const auto& p : result.poolSeries)
        times.push_back(p.time);
    m_notebooksStale = true; // worked out when the Notebooks view is first shown
    m_runStartUnix = result.epoch > 0 ? result.epoch + result.startTime : 0;
    m_range->setRun(m_runStartUnix, times);
    if (m_navigator->currentRow() == static_cast<int>(View::Notebooks))
        showNotebookActivity();
    m_progress->setVisible(false);
    m_summary->setText(ResultText::runSummary(scenario, result));
    m_poolFacts->setText(ResultText::poolFacts(result));
    m_notebooks->setText(ResultText::notebooksByGroup(result));
    const QString skipped = ResultText::skippedJobs(scenario.workload);
    statusBar()->showMessage(tr("Loaded %1: %n group(s)", "", static_cast<int>(result.groups.size()))
                                 .arg(QString::fromStdString(scenario.name))
        + (skipped.isEmpty() ? QString() : QStringLiteral("; ") + skipped));
    {
        QString error;
        if (!m_session->recordResult(QString::fromStdString(pp::resultSummaryJson(result)), &error))
            showWorkspaceError(error);
    }
    QStringList notes = m_openWarnings;
    for (const auto& note : result.notes) {
        // Skipped trace jobs are both a reader's warning (naming the file) and a result's note: listed once.
        const QString text = QString::fromStdString(note);
        if (std::none_of(m_openWarnings.cbegin(), m_openWarnings.cend(),
                [&](const QString& warning) { return warning.endsWith(text); }))
            notes << text;
    }
    if (!notes.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Warning,
            tr("%n thing(s) to know about this pool: lines skipped, values assumed, jobs that could not run.", "",
                static_cast<int>(notes.size())),
            notes);
    if (m_restoring) {
        restoreViewState();
        m_restoring = false;
    }
    Q_EMIT resultShown();
}

void MainWindow::applyRange(int firstSample, int lastSample)
{
    m_groups->setRange(firstSample, lastSample);
    const bool wholeRun = firstSample == 0 && lastSample + 1 >= static_cast<int>(m_groupSeries.size());
    if (wholeRun) {
        m_flows->setFlows(m_wholeRunFlows);
    } else if (lastSample >= firstSample && lastSample < static_cast<int>(m_groupSeries.size())) {
        const std::vector<std::vector<pp::GroupSample>> period(
            m_groupSeries.begin() + firstSample, m_groupSeries.begin() + lastSample + 1);
        m_flows->setFlows(pp::computeSurplusFlows(m_resultGroups, period, static_cast<double>(m_sampleInterval)));
    }
    m_machines->setPoolSample(lastSample);
    if (!m_notebooksStale)
        m_notebookCharts->setPeriod(firstSample, lastSample);
    m_waitChart->setPeriod(firstSample, lastSample);
    {
        // A job forecast is submitted at the start of the period shown ("now" for a snapshot's first moment).
        const std::int64_t after = std::max(0, firstSample) * m_sampleInterval;
        m_forecast->setSubmitAfter(after,
            m_runStartUnix > 0 ? tr("at %1").arg(QDateTime::fromSecsSinceEpoch(m_runStartUnix + after, QTimeZone::utc())
                                                     .toString(QStringLiteral("ddd d MMM yyyy hh:mm 'UTC'")))
                               : tr("%1 into the run").arg(formatDuration(static_cast<double>(after))));
    }
    if (!m_notebooksStale)
        showNotebookPeriod(m_notebookCharts->activity().period(firstSample, lastSample));
    const int moment = m_machines->shownPoolSample();
    if (moment >= 0 && moment < static_cast<int>(m_poolSeries.size())) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(
            m_range->startUnix() + m_poolSeries[static_cast<std::size_t>(moment)].time, Qt::UTC);
        m_machinesMoment->setText(
            tr("The machines at %1 UTC, the end of the period (machines are sampled every %2).")
                .arg(at.toString(QStringLiteral("ddd d MMM yyyy hh:mm")),
                    formatDuration(static_cast<double>(m_sampleInterval * m_machines->sampleStride()))));
    }
    if (!m_poolSeries.empty() && lastSample < static_cast<int>(m_poolSeries.size())) {
        // Each sample stands for the interval that ends at it.
        const double from
            = static_cast<double>(m_poolSeries[static_cast<std::size_t>(firstSample)].time - m_sampleInterval);
        m_chart->setVisibleRange(
            std::max(0.0, from), static_cast<double>(m_poolSeries[static_cast<std::size_t>(lastSample)].time));
    }
}

void MainWindow::showNotebookActivity()
{
    const auto result = m_planning->baselineResult();
    if (!m_notebooksStale || !result)
        return;
    // Every job of the run is read: on a big pool that is tens of milliseconds the opening need not wait for.
    m_notebooksStale = false;
    const pp::Scenario& scenario = m_planning->baseScenario();
    std::vector<std::int64_t> times;
    times.reserve(result->poolSeries.size());
    for (const auto& p : result->poolSeries)
        times.push_back(p.time);
    m_notebookCharts->setActivity(
        pp::NotebookActivity(*result, scenario.workload, scenario.policy.notebookStartupSeconds), times);
    const int first = m_range->firstSample();
    const int last = m_range->lastSample();
    m_notebookCharts->setPeriod(first, last);
    showNotebookPeriod(m_notebookCharts->activity().period(first, last));
}

void MainWindow::showNotebookPeriod(const pp::NotebookActivity::Period& period)
{
    m_notebookPeriod->setText(ResultText::notebookPeriod(
        period, m_range->describe(), m_planning->baseScenario().policy.notebookStartTimeout));
}

void MainWindow::showFailure(const QString& reason)
{
    m_restoring = false;
    m_liveUpdate = false;
    m_progress->setVisible(false);
    statusBar()->showMessage(reason);
    m_summary->setText(tr("<b>The simulation did not finish:</b> %1").arg(reason.toHtmlEscaped()));
}
