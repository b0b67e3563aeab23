// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "poolwatcher.h"
#include "workspace.h"

#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

/// What the window has open, and the workspace file it is kept in. Without a workspace, the session remembers
/// where the current scenario came from and the view state, so that Save As can write all of it later; with
/// one, every change is written as it happens (the workspace commits each call), so there is nothing to lose.
class WorkspaceSession : public QObject
{
    Q_OBJECT
public:
    /// How to reopen what a workspace holds.
    struct Source
    {
        QString builtin; ///< "demo", or empty
        QStringList paths; ///< files or directories to open, materialised from the workspace when restored
    };

    /// A proposal kept from the planner: knob edits over the baseline's configuration.
    struct Proposal
    {
        QString name;
        QString description;
        std::vector<std::pair<std::string, std::optional<std::string>>> knobs; ///< nullopt: the knob is removed
        QString summaryJson; ///< its result's summary, when simulated
    };

    explicit WorkspaceSession(QObject* parent = nullptr);
    ~WorkspaceSession() override;

    bool isOpen() const { return m_workspace != nullptr; }
    QString path() const;
    /// The workspace's file name, or "untitled".
    QString displayName() const;
    /// Something is shown that no workspace holds yet.
    bool hasUnsavedWork() const { return m_unsaved; }

    /// Creates a new workspace at `path` (never over an existing file) holding what is shown now, and goes on in
    /// it; the workspace open before, if any, is left as it is.
    bool create(const QString& path, QString* error);
    /// Opens an existing workspace; `source` says how to reopen the scenario it holds (nullopt: none yet).
    bool open(const QString& path, std::optional<Source>* source, QString* error);
    /// A copy of the open workspace (its history included) at `path`, going on in the copy; without one, as create().
    bool saveAs(const QString& path, QString* error);

    /// The snapshot the workspace was opened with (0: none), and why it could not be restored (empty: it could).
    qint64 openedSnapshotId() const { return m_openedSnapshotId; }
    QString restoreProblem() const { return m_restoreProblem; }
    /// The newest snapshot the workspace holds from before snapshot `id` that can be read back, with its id: for
    /// when a snapshot cannot be read, so that the pool can be shown as it was a poll earlier. nullopt: none.
    std::optional<std::pair<qint64, PoolSnapshot>> snapshotBefore(qint64 id) const;

    /// The window now shows the built-in scenario, or these files, or this live snapshot.
    bool recordBuiltin(const QString& name, QString* error = nullptr);
    /// `prepared`: the files as readForWorkspace() made them, off the GUI thread; without, they are read here.
    bool recordFiles(const QStringList& paths, QString* error = nullptr,
        std::optional<QList<Workspace::ImportedFile>> prepared = std::nullopt);
    /// Reads and compresses what recordFiles() keeps of `paths` (a folder file by file). Touches no database and
    /// no member: the loader calls it on its worker thread.
    static std::optional<QList<Workspace::ImportedFile>> readForWorkspace(const QStringList& paths, QString* error);
    bool recordSnapshot(const PoolSnapshot& snapshot, QString* error = nullptr);
    /// The result of simulating the current scenario (its summary JSON).
    bool recordResult(const QString& summaryJson, QString* error = nullptr);
    /// Keeps a proposal (replacing one of the same name) with the current scenario.
    bool recordProposal(const Proposal& proposal, QString* error = nullptr);
    /// The proposals kept with the current scenario (after open(): those the workspace holds).
    const QList<Proposal>& proposals() const { return m_proposals; }

    void setViewState(const QString& key, const QString& value);
    QString viewState(const QString& key, const QString& defaultValue = {}) const;

    /// True when the file starts like an SQLite database (a workspace, or something to refuse with a message).
    static bool looksLikeWorkspace(const QString& path);

Q_SIGNALS:
    void changed();

private:
    bool recordCurrent(Source source, std::optional<PoolSnapshot> snapshot, QString* error);
    /// Writes what is shown (and drops the proposals of the pool before, when asked) in one transaction.
    bool writeCurrent(QString* error, bool dropProposals = false);
    bool writeCurrentRows(QString* error);
    bool writeProposal(const Proposal& proposal, QString* error);
    void setUnsaved(bool unsaved);

    std::unique_ptr<Workspace> m_workspace;
    // What is shown, for a workspace that does not hold it yet.
    Source m_current;
    std::optional<QList<Workspace::ImportedFile>> m_prepared; // m_current's files, read and compressed already
    std::optional<PoolSnapshot> m_currentSnapshot;
    QString m_currentResult;
    QMap<QString, QString> m_viewState;
    QList<Proposal> m_proposals;
    qint64 m_scenarioId = 0;
    qint64 m_openedSnapshotId = 0;
    QString m_restoreProblem;
    bool m_unsaved = false;
    std::unique_ptr<QTemporaryDir> m_materialised; // files taken out of a workspace to be opened
};
