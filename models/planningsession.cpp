// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "planningsession.h"

#include "ensemblerunner.h"
#include "simulationrunner.h"

#include "policy/policywriter.h"

#include <QTimer>
#include <QUndoStack>

namespace {
constexpr int debounceMs = 400; // a proposal run at most this often: a spin box settles, a drag stays live
}

PlanningSession::PlanningSession(QObject* parent)
    : QObject(parent)
    , m_baselineRunner(new SimulationRunner(this))
    , m_draft(new PolicyDraft(this))
    , m_undo(new QUndoStack(this))
    , m_scenarios(new ScenarioSet(this))
    , m_proposalRunner(new SimulationRunner(this))
    , m_debounce(new QTimer(this))
    , m_ensembleRunner(new EnsembleRunner(this))
    , m_proposalEnsembleRunner(new EnsembleRunner(this))
{
    connect(m_ensembleRunner, &EnsembleRunner::ensembleReady, this,
        [this](std::shared_ptr<const pp::EnsembleResult> ensemble, std::shared_ptr<const pp::EnsembleRuns> runs) {
            m_baselineEnsemble = std::move(ensemble);
            m_baselineRuns = std::move(runs);
            Q_EMIT baselineEnsembleReady();
        });
    connect(m_ensembleRunner, &EnsembleRunner::failed, this, &PlanningSession::baselineEnsembleFailed);
    connect(m_proposalEnsembleRunner, &EnsembleRunner::ensembleReady, this,
        [this](const std::shared_ptr<const pp::EnsembleResult>&, std::shared_ptr<const pp::EnsembleRuns> runs) {
            m_proposalRuns = std::move(runs);
            Q_EMIT proposalEnsembleReady();
        });
    // A proposal without its spread is still a proposal: the comparison stays the single runs'.
    connect(m_proposalEnsembleRunner, &EnsembleRunner::failed, this, &PlanningSession::proposalStatus);
    connect(m_proposalEnsembleRunner, &EnsembleRunner::failed, this, &PlanningSession::proposalEnsembleFailed);
    connect(m_baselineRunner, &SimulationRunner::started, this,
        [this] { Q_EMIT openingStarted(QString::fromStdString(m_opening.name)); });
    connect(m_baselineRunner, &SimulationRunner::progress, this, &PlanningSession::openingProgress);
    connect(m_baselineRunner, &SimulationRunner::resultAvailable, this, &PlanningSession::takeBaseline);
    connect(m_baselineRunner, &SimulationRunner::failed, this, &PlanningSession::openingFailed);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &PlanningSession::simulateProposal);
    connect(m_draft, &PolicyDraft::changed, this, &PlanningSession::draftChanged);
    connect(m_proposalRunner, &SimulationRunner::resultAvailable, this, &PlanningSession::takeProposal);
    connect(m_proposalRunner, &SimulationRunner::failed, this, [this](const QString& reason) {
        if (!m_proposalRunner->isRunning())
            Q_EMIT proposalStatus(reason);
    });
    connect(m_proposalRunner, &SimulationRunner::progress, this, [this](double fraction) {
        Q_EMIT proposalStatus(tr("Simulating the proposal… %1 %").arg(static_cast<int>(fraction * 100)));
    });
}

PlanningSession::~PlanningSession() = default;

void PlanningSession::open(const pp::Scenario& scenario, const pp::Config& config, OpenOptions options)
{
    m_opening = scenario;
    m_openingConfig = config;
    m_openingOptions = std::move(options);
    m_baselineRunner->start(m_opening); // a run still going is asked to stop; its result is dropped
}

bool PlanningSession::isRunningEnsemble() const
{
    return m_ensembleRunner->isRunning();
}

bool PlanningSession::isRunningProposalEnsemble() const
{
    return m_proposalEnsembleRunner->isRunning();
}

bool PlanningSession::isOpening() const
{
    return m_baselineRunner->isRunning();
}

void PlanningSession::stop()
{
    m_baselineRunner->stop();
    m_proposalRunner->stop();
    m_ensembleRunner->stop();
    m_proposalEnsembleRunner->stop();
    m_debounce->stop();
    m_pendingKeep.clear();
}

void PlanningSession::takeBaseline(std::shared_ptr<const pp::Result> result)
{
    m_proposalRunner->stop();
    m_debounce->stop();
    m_pendingKeep.clear();
    m_scenario = std::make_shared<const pp::Scenario>(std::move(m_opening)); // shared with the ensemble's runs
    m_opening = {};
    m_baselinePolicy = m_scenario->policy;
    m_baselineResult = std::move(result);
    m_proposal = m_baselineResult;
    m_proposalEdits.clear();
    OpenOptions options = std::exchange(m_openingOptions, {});
    m_baseSpec = std::move(options.baseSpec);
    m_scenarios->resetBaseline(m_baselineResult, options.samePool);
    for (const auto& kept : options.restoredScenarios)
        m_scenarios->keep(kept);
    // The views show the new baseline before the draft is put over it (which shows the first proposal); how far
    // HTCondor's arbitrary choices move it follows, from a small ensemble in the background.
    m_baselineEnsemble.reset();
    m_baselineRuns.reset();
    m_proposalEnsembleRunner->stop();
    m_proposalRuns.reset();
    m_ensembleRunner->start(m_scenario, baselineEnsembleRuns);
    Q_EMIT baselineReady(*m_baselineResult);
    if (options.samePool) {
        m_draft->rebase(m_openingConfig); // re-simulates the edits against the new baseline
    } else {
        m_undo->clear();
        m_draft->reset(m_openingConfig);
    }
    m_openingConfig = {};
    if (!options.edits.empty()) // a scenario file's changes: the proposal, against its base
        m_undo->push(new SetEditsCommand(m_draft, tr("Open “%1”").arg(options.editsName), options.edits));
}

const pp::Config& PlanningSession::baseConfig() const
{
    return m_draft->base();
}

void PlanningSession::draftChanged()
{
    m_proposalEnsembleRunner->stop();
    m_proposalRuns.reset();
    if (!m_draft->policy()) {
        m_proposalRunner->stop();
        m_debounce->stop();
        Q_EMIT draftRefused(QString::fromStdString(m_draft->policy().error().message()));
        return;
    }
    if (!m_baselineResult)
        return;
    if (m_draft->edits().empty()) {
        // Nothing changed: the baseline is the outcome.
        m_proposalRunner->stop();
        m_debounce->stop();
        takeProposal(m_baselineResult);
        Q_EMIT proposalStatus(tr("No changes yet: edit a quota or a knob on the left; the outcome appears here."));
        return;
    }
    Q_EMIT proposalStatus(tr("Simulating the proposal…"));
    // Throttled, not debounced: while a slider is dragged the proposal is simulated every debounceMs with the
    // value of that moment (a newer run cancels an older one), and once more after the last step.
    if (!m_debounce->isActive())
        m_debounce->start();
}

bool PlanningSession::isSimulatingProposal() const
{
    return m_proposalRunner->isRunning() || m_debounce->isActive();
}

pp::Expected<pp::Scenario> PlanningSession::scenarioFor(const Knobs& edits) const
{
    return PolicyDraft::scenarioFor(*m_scenario, m_draft->base(), edits);
}

void PlanningSession::simulateProposal()
{
    if (!m_draft->policy())
        return;
    // The draft read the policy when it changed: the proposal takes it as it is.
    pp::Scenario proposal = pp::whatif::scenarioWith(*m_scenario, *m_draft->policy(), m_draft->edits());
    m_runningEdits = m_draft->edits();
    proposal.name = m_scenario->name + " (proposal)";
    m_runningScenario = proposal;
    m_proposalRunner->start(proposal); // a run still going is asked to stop; its result is dropped
}

void PlanningSession::takeProposal(std::shared_ptr<const pp::Result> result)
{
    const bool baseline = result == m_baselineResult;
    m_proposal = std::move(result);
    m_proposalEdits = baseline ? Knobs {} : m_runningEdits;
    if (!m_pendingKeep.isEmpty()) {
        const int row = m_scenarios->find(m_pendingKeep);
        if (row > 0 && m_scenarios->at(row).knobs == m_proposalEdits) {
            ScenarioSet::Entry entry = m_scenarios->at(row);
            entry.result = m_proposal;
            m_scenarios->keep(entry);
        }
        m_pendingKeep.clear();
    }
    if (!baseline)
        Q_EMIT proposalStatus(tr("Proposal simulated in %1 s (%n change(s) from the baseline).", "", m_undo->index())
                                  .arg(m_proposal->wallSeconds, 0, 'f', 2));
    Q_EMIT proposalSimulated();
    // Its spread once the edits have settled: while a slider is dragged the next proposal is already due.
    if (!baseline && !m_debounce->isActive() && !m_proposalRunner->isRunning())
        m_proposalEnsembleRunner->start(m_runningScenario, baselineEnsembleRuns);
}

QString PlanningSession::configSnippet() const
{
    if (!m_draft->policy())
        return {};
    return QString::fromStdString(pp::configSnippet(m_baselinePolicy, *m_draft->policy(), m_scenario->name));
}

pp::Expected<std::string> PlanningSession::scenarioFileText(const QString& name) const
{
    if (!m_baseSpec)
        return pp::Diagnostic {m_scenario->name, 0,
            tr("a scenario file starts from a built-in, or from one configuration file with a trace or model and "
               "a pool; these files are not that (a snapshot of a live pool, several configurations, or a pool "
               "taken from a trace's header)")
                .toStdString()};
    if (!m_draft->policy())
        return m_draft->policy().error();
    pp::ScenarioSpec spec = pp::specWithEdits(*m_baseSpec, m_draft->edits());
    spec.name = name.toStdString();
    QStringList changes;
    for (int i = 1; i <= m_undo->index(); ++i)
        changes << m_undo->text(i - 1);
    spec.description = changes.join(QStringLiteral("; ")).toStdString();
    return pp::writeScenarioFile(spec);
}

int PlanningSession::keepProposal(const QString& name)
{
    QStringList changes;
    for (int i = 1; i <= m_undo->index(); ++i)
        changes << m_undo->text(i - 1);
    ScenarioSet::Entry entry;
    entry.name = name;
    entry.description = changes.isEmpty() ? tr("No change from the baseline") : changes.join(QStringLiteral("; "));
    entry.knobs = m_draft->edits();
    // The result goes with the scenario only if it was made from exactly these edits.
    const bool current
        = !isSimulatingProposal() && m_proposal && m_draft->policy() && m_proposalEdits == m_draft->edits();
    entry.result = current ? m_proposal : nullptr;
    const int row = m_scenarios->keep(entry);
    if (row > 0 && !current)
        m_pendingKeep = entry.name.trimmed();
    return row;
}

void PlanningSession::openKeptScenario(int row)
{
    if (row < 0 || row >= m_scenarios->count())
        return;
    const auto& entry = m_scenarios->at(row);
    m_undo->push(new SetEditsCommand(m_draft, tr("Open scenario “%1”").arg(entry.name), entry.knobs));
}
