// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/scenario.h"
#include "poolwatcher.h"
#include "scenario/fileset.h"
#include "scenario/scenariofile.h"
#include "workspace.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

/// Reads files into a scenario off the GUI thread (pp::classifyFiles, pp::scenarioFromFiles). Cancelling
/// abandons the load: the readers cannot be interrupted mid-file, so the worker finishes in the background and
/// its result is dropped, never shown — the window keeps what it had.
class ScenarioLoader : public QObject
{
    Q_OBJECT
public:
    explicit ScenarioLoader(QObject* parent = nullptr);
    ~ScenarioLoader() override;

    /// `forWorkspace`: the files are also read and compressed for the workspace there (filesPrepared()).
    void load(const QStringList& paths, bool forWorkspace = false);
    /// Reads one poll of a live pool from the commands' output as it is held in memory; `label` says which poll
    /// ("poll 3 of HOST") in the names messages give.
    /// With `compress`, a poll that was read is also compressed there for the workspace (pollRead()).
    void loadPoll(const PoolSnapshot& poll, const QString& label, bool compress = false);
    /// Reads a scenario file (POOLPLANNER_BASE and the knobs that change it): its base is what loaded() gives,
    /// and scenarioFileRead() its changes, just before, for the planner to put over the base.
    void loadScenarioFile(const QString& path);
    void cancel();
    bool isLoading() const { return m_loading; }

    /// What the loader made of each file ("hgq.condor_config: configuration"), for the status bar.
    static QString describe(const std::vector<pp::OpenedFile>& files);

Q_SIGNALS:
    void started(const QStringList& paths);
    /// `config`: the configuration the files gave (empty without one), for the planner to edit knobs over.
    void loaded(const pp::Scenario& scenario, const pp::Config& config, const QStringList& warnings,
        const QString& description);
    /// The message names the file and line ("path:line: reason").
    void failed(const QString& message);
    void cancelled();
    /// Just before loaded(), for a poll read by loadPoll(): the poll as the workspace keeps it (compressed when
    /// asked). A poll that cannot be read never gets here.
    void pollRead(const PoolSnapshot& poll);
    /// Just before loaded(), for load(paths, true): the files as the workspace keeps them, compressed off the GUI
    /// thread (WorkspaceSession::recordFiles takes them). Not sent when they could not be read again.
    void filesPrepared(const QList<Workspace::ImportedFile>& files);
    /// Just before loaded(), for loadScenarioFile(): the scenario's base and its changes as planner edits; also for
    /// files a scenario file can name as its base (one configuration, a trace or model, a pool), with no changes.
    void scenarioFileRead(const pp::ScenarioSpec& base, const pp::KnobEdits& edits, const QString& name);

private:
    struct Outcome
    {
        std::optional<pp::Scenario> scenario;
        pp::Config config;
        QString error;
        QStringList warnings;
        QString description;
        std::optional<PoolSnapshot> poll; // loadPoll(): the poll that was read, to be kept
        std::optional<QList<Workspace::ImportedFile>> files; // load(paths, true): the files for the workspace
        std::optional<pp::ScenarioSpec> baseSpec; // loadScenarioFile(): the base, and the edits over it
        pp::KnobEdits edits;
        QString scenarioName;
    };
    static Outcome readFiles(const std::vector<std::string>& files);
    void start(const QStringList& names, std::function<Outcome()> read);

    quint64 m_generation = 0;
    bool m_loading = false;
    QList<QFuture<Outcome>> m_futures; // waited for on destruction: workers must not outlive the loader
};
