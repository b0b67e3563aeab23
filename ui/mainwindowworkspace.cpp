// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The main window's workspace side: File → New/Open/Save, recent files, the title, and the view state kept in
// the workspace so that reopening shows the same view, period and filter.
#include "mainwindow.h"

#include "messagebanner.h"
#include "planningsession.h"
#include "scenarioloader.h"
#include "scenarioset.h"
#include "timerangebar.h"
#include "workspacesession.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace {

const QString recentKey = QStringLiteral("recentWorkspaces");
constexpr int recentCount = 8;

QString workspaceFilter()
{
    return QObject::tr("PoolPlanner workspaces (*.ppw);;All files (*)");
}

QString withSuffix(const QString& path)
{
    return QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".ppw") : path;
}

// The file dialog has asked about replacing an existing file; the workspace itself never overwrites one.
bool clearTarget(const QString& path)
{
    return !QFileInfo::exists(path) || QFile::remove(path);
}

} // namespace

bool MainWindow::newWorkspace(const QString& path)
{
    saveViewState();
    QString error;
    if (!m_session->create(path, &error)) {
        showWorkspaceError(error);
        return false;
    }
    rememberRecent(m_session->path());
    statusBar()->showMessage(tr("New workspace %1, holding what is shown").arg(m_session->path()), 5000);
    return true;
}

bool MainWindow::openWorkspace(const QString& path)
{
    // Nothing of the pool on screen may land in the workspace being opened: its runs stop here.
    m_planning->stop();
    m_loader->cancel();
    std::optional<WorkspaceSession::Source> source;
    QString error;
    if (!m_session->open(path, &source, &error)) {
        showWorkspaceError(error);
        Q_EMIT openFailed(error);
        return false;
    }
    m_planning->scenarios()->resetBaseline(nullptr); // the old pool's proposals do not belong to this workspace
    rememberRecent(m_session->path());
    updateTitle();
    if (!m_session->restoreProblem().isEmpty() && !source) {
        offerEarlierSnapshot(m_session->restoreProblem(), m_session->openedSnapshotId());
        Q_EMIT openFailed(m_session->restoreProblem());
        return true;
    }
    if (!source) {
        statusBar()->showMessage(
            tr("%1 holds no pool yet: what you open now is kept in it").arg(m_session->displayName()));
        Q_EMIT nothingToShow(
            tr("%1 holds no pool yet: open pool data, then it is kept in the workspace").arg(m_session->path()));
        return true;
    }
    m_restoring = true;
    if (!source->builtin.isEmpty())
        openDemo();
    else
        openFiles(source->paths);
    return true;
}

bool MainWindow::saveWorkspaceAs(const QString& path)
{
    saveViewState();
    QString error;
    if (!m_session->saveAs(path, &error)) {
        showWorkspaceError(error);
        return false;
    }
    rememberRecent(m_session->path());
    statusBar()->showMessage(tr("Saved as %1").arg(m_session->path()), 5000);
    return true;
}

void MainWindow::chooseNewWorkspace()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New workspace"), QString(), workspaceFilter());
    if (path.isEmpty())
        return;
    if (!clearTarget(withSuffix(path)))
        return showWorkspaceError(tr("%1 cannot be replaced").arg(withSuffix(path)));
    newWorkspace(withSuffix(path));
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open workspace"), QString(), workspaceFilter());
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::chooseSaveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save workspace as"), QString(), workspaceFilter());
    if (path.isEmpty())
        return;
    if (!clearTarget(withSuffix(path)))
        return showWorkspaceError(tr("%1 cannot be replaced").arg(withSuffix(path)));
    saveWorkspaceAs(withSuffix(path));
}

void MainWindow::save()
{
    if (!m_session->isOpen()) {
        chooseSaveAs();
        return;
    }
    saveViewState();
    statusBar()->showMessage(
        tr("%1 is up to date: every change is written to it as it happens").arg(m_session->displayName()), 5000);
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(recentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    settings.setValue(recentKey, recent.mid(0, recentCount));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(recentKey).toStringList();
    for (const QString& path : recent) {
        QAction* action
            = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openWorkspace(path); });
        action->setToolTip(path);
        action->setEnabled(QFileInfo::exists(path));
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTitle()
{
    const QString scenario = QString::fromStdString(m_planning->baseScenario().name);
    setWindowTitle(scenario.isEmpty() ? tr("%1[*] — PoolPlanner").arg(m_session->displayName())
                                      : tr("%1[*] — %2 — PoolPlanner").arg(m_session->displayName(), scenario));
    setWindowModified(m_session->hasUnsavedWork());
}

void MainWindow::saveViewState()
{
    if (m_restoring)
        return; // the stored state is about to be applied: do not overwrite it with the defaults
    m_session->setViewState(QStringLiteral("view"), QString::number(m_navigator->currentRow()));
    m_session->setViewState(QStringLiteral("periodFirst"), QString::number(m_range->firstSample()));
    m_session->setViewState(QStringLiteral("periodLast"), QString::number(m_range->lastSample()));
    m_session->setViewState(QStringLiteral("groupFilter"), m_groupFilter->text());
}

void MainWindow::restoreViewState()
{
    bool ok = false;
    const int view = m_session->viewState(QStringLiteral("view")).toInt(&ok);
    if (ok && view >= 0 && view < m_navigator->count())
        m_navigator->setCurrentRow(view);
    bool firstOk = false, lastOk = false;
    const int first = m_session->viewState(QStringLiteral("periodFirst")).toInt(&firstOk);
    const int last = m_session->viewState(QStringLiteral("periodLast")).toInt(&lastOk);
    if (firstOk && lastOk)
        m_range->setRange(first, last);
    m_groupFilter->setText(m_session->viewState(QStringLiteral("groupFilter")));
}

void MainWindow::showWorkspaceError(const QString& message)
{
    m_banner->showMessage(MessageBanner::Kind::Error,
        tr("<b>Workspace:</b> %1<br>What is on screen is unchanged.").arg(message.toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Pool data or a live snapshot that no workspace holds yet would be lost; the demo can always be reopened.
    if (m_session->hasUnsavedWork() && m_loadedFrom->text() != tr("built-in demo pool")) {
        const auto answer = QMessageBox::question(this, tr("Keep this pool?"),
            tr("The pool data on screen is in no workspace yet. Save it in one before closing?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            chooseSaveAs();
            if (m_session->hasUnsavedWork()) {
                event->ignore();
                return;
            }
        }
    }
    saveViewState();
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}
