// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "policydraft.h"
#include "scenarioset.h"

#include "config/config.h"
#include "model/ensemble.h"
#include "model/result.h"
#include "model/scenario.h"
#include "scenario/scenariofile.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QTimer;
class QUndoStack;
class EnsembleRunner;
class SimulationRunner;

/// What is open and what is being planned on it, owned in one place and handed to every view: the pool as
/// opened (scenario, the configuration its policy was read from, its simulated result, the baseline), the draft of
/// knob edits with its undo history, the proposal's result, and the scenarios kept for comparison. Views read it
/// and listen to it; none of them holds a copy or reaches into another view for it.
///
/// Opening simulates the new scenario in the background; the old baseline stays until the new one has a result,
/// so a run that fails leaves everything as it was. Edits of the draft re-simulate the proposal a moment after
/// the first one and then at most that often while they go on (a dragged slider), the latest draft each time and a
/// newer run cancelling the one under way.
class PlanningSession : public QObject
{
    Q_OBJECT
public:
    using Knobs = std::vector<PolicyDraft::KnobChange>;

    struct OpenOptions
    {
        /// A new snapshot of the same pool (watching): the edits, their history and the kept scenarios stay, to
        /// be simulated again against the new baseline.
        bool samePool = false;
        /// Scenarios kept in a workspace being reopened, kept again once the baseline is in.
        std::vector<ScenarioSet::Entry> restoredScenarios {};
        /// What the scenario is in a scenario file's terms (a built-in, or a scenario file's base), when it has
        /// such a name: then the plan can be saved as a scenario file.
        std::optional<pp::ScenarioSpec> baseSpec {};
        /// Edits to put over the baseline once it is in (a scenario file's knobs), as one undoable step.
        pp::KnobEdits edits {};
        QString editsName {};
    };

    explicit PlanningSession(QObject* parent = nullptr);
    ~PlanningSession() override;

    /// Simulates `scenario` in the background; when its result is in, it becomes the baseline (baselineReady).
    void open(const pp::Scenario& scenario, const pp::Config& config, OpenOptions options);
    /// The scenario being opened (valid while isOpening()).
    const pp::Scenario& openingScenario() const { return m_opening; }
    bool isOpening() const;
    /// Stops every run: the opening one, the proposal's and any pending one.
    void stop();

    bool hasBaseline() const { return m_baselineResult != nullptr; }
    const pp::Scenario& baseScenario() const { return *m_scenario; }
    /// What the baseline's policy was read from: the draft edits knobs over it.
    const pp::Config& baseConfig() const;
    std::shared_ptr<const pp::Result> baselineResult() const { return m_baselineResult; }
    /// The baseline run again with HTCondor's arbitrary choices drawn anew (baselineEnsembleRuns tie seeds, in the
    /// background once the baseline is in): its figures' spread. Null until it is in.
    std::shared_ptr<const pp::EnsembleResult> baselineEnsemble() const { return m_baselineEnsemble; }
    static constexpr int baselineEnsembleRuns = 8;
    bool isRunningEnsemble() const;
    /// The runs behind baselineEnsemble(), and the proposal's as many runs (in the background once the proposal's
    /// result is in and no edit is pending): with both, the comparison is pp::compareEnsembles, and a change whose
    /// two spreads overlap is within noise. Null until each is in; the proposal's drops with every edit.
    std::shared_ptr<const pp::EnsembleRuns> baselineRuns() const { return m_baselineRuns; }
    std::shared_ptr<const pp::EnsembleRuns> proposalRuns() const { return m_proposalRuns; }
    bool isRunningProposalEnsemble() const;

    PolicyDraft* draft() const { return m_draft; }
    QUndoStack* undoStack() const { return m_undo; }
    ScenarioSet* scenarios() const { return m_scenarios; }
    /// The proposal's last result: the baseline's before the first edit.
    std::shared_ptr<const pp::Result> proposalResult() const { return m_proposal; }
    bool isSimulatingProposal() const;
    /// The scenario a set of knob edits makes of the baseline (the what-if every view asks for).
    pp::Expected<pp::Scenario> scenarioFor(const Knobs& edits) const;
    /// The knobs that differ from the baseline, as a config.d snippet (empty when the draft is refused).
    QString configSnippet() const;
    /// The draft as a scenario file (POOLPLANNER_BASE and the knobs it changes), named `name`; an error when
    /// what is open has no name a scenario file can give (files opened one by one, a live pool).
    pp::Expected<std::string> scenarioFileText(const QString& name) const;
    bool canSaveScenarioFile() const { return m_baseSpec.has_value(); }

    /// Keeps the current proposal under a name (its result once simulated); returns its row, -1 when the name is
    /// the baseline's.
    int keepProposal(const QString& name);
    /// Puts a kept scenario's edits in the draft, undoably.
    void openKeptScenario(int row);

Q_SIGNALS:
    void openingStarted(const QString& name);
    void openingProgress(double fraction);
    void openingFailed(const QString& reason);
    /// The scenario opened has a result: it is the baseline now.
    void baselineReady(const pp::Result& result);
    /// What the proposal's run is doing, in a sentence ("Simulating the proposal… 40 %").
    void proposalStatus(const QString& text);
    /// The draft is refused (HTCondor would not start with it): nothing is simulated.
    void draftRefused(const QString& reason);
    /// A proposal's result is in (after the debounce and the simulation), or the baseline's with no edits.
    void proposalSimulated();
    /// The baseline's ensemble is in (baselineEnsemble()), or could not be run.
    void baselineEnsembleReady();
    void baselineEnsembleFailed(const QString& reason);
    /// The proposal's ensemble is in (proposalRuns()), or could not be run (also said as a proposalStatus).
    void proposalEnsembleReady();
    void proposalEnsembleFailed(const QString& reason);

private:
    void takeBaseline(std::shared_ptr<const pp::Result> result);
    void draftChanged();
    void simulateProposal();
    void takeProposal(std::shared_ptr<const pp::Result> result);

    pp::Scenario m_opening;
    pp::Config m_openingConfig;
    OpenOptions m_openingOptions;
    SimulationRunner* m_baselineRunner = nullptr;

    std::shared_ptr<const pp::Scenario> m_scenario = std::make_shared<const pp::Scenario>(); // never null
    std::optional<pp::ScenarioSpec> m_baseSpec;
    pp::Policy m_baselinePolicy;
    std::shared_ptr<const pp::Result> m_baselineResult;
    std::shared_ptr<const pp::Result> m_proposal;
    // The edits behind m_proposal and behind the run under way: a result is kept with a scenario only if it was
    // made from that scenario's edits.
    Knobs m_proposalEdits, m_runningEdits;
    PolicyDraft* m_draft = nullptr;
    QUndoStack* m_undo = nullptr;
    ScenarioSet* m_scenarios = nullptr;
    SimulationRunner* m_proposalRunner = nullptr;
    QTimer* m_debounce = nullptr;
    EnsembleRunner* m_ensembleRunner = nullptr;
    std::shared_ptr<const pp::EnsembleResult> m_baselineEnsemble;
    std::shared_ptr<const pp::EnsembleRuns> m_baselineRuns;
    EnsembleRunner* m_proposalEnsembleRunner = nullptr;
    std::shared_ptr<const pp::EnsembleRuns> m_proposalRuns;
    pp::Scenario m_runningScenario; // the proposal being simulated, for its ensemble
    QString m_pendingKeep; // kept while simulating: its result is filled in when the run ends
};
