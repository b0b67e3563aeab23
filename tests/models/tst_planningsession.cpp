// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The planning session owns what is open: the baseline arrives only with its result, edits re-simulate the
// proposal, a newer pool of the same name keeps the edits, and a kept proposal gets its result once simulated.
#include "comparisonmodel.h"
#include "planningsession.h"
#include "policydraft.h"
#include "scenarioset.h"

#include "analysis/comparison.h"
#include "config/config.h"
#include "policy/policyfromconfig.h"
#include "scenario/demo.h"
#include "scenario/scenariofile.h"
#include "scenario/whatif.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

namespace {

// A day of a tenth of the demo: quick enough to simulate many times, busy enough for quotas to matter.
pp::Scenario smallDemo()
{
    pp::Scenario s = pp::demoScenario(1, 0.1);
    s.horizonSeconds = 86400;
    return s;
}

pp::Config demoConfig()
{
    return *pp::Config::fromText(pp::demoConfigText(), "demo.condor_config");
}

double quotaOf(const pp::Result& r, const std::string& group)
{
    return ComparisonModel::quotaShares(r).at(group) * static_cast<double>(r.poolCores);
}

} // namespace

class PlanningSessionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theBaselineArrivesWithItsResult();
    void anEditSimulatesTheProposal();
    void aNewSnapshotOfTheSamePoolKeepsTheEdits();
    void aProposalKeptWhileSimulatingGetsItsResult();
    void thePlanIsSavedAsAScenarioFileTheCliReads();
    void theBaselinesSpreadFollowsIt();
    void theProposalsSpreadMakesTheComparisonHonest();
};

void PlanningSessionTest::theBaselineArrivesWithItsResult()
{
    PlanningSession session;
    QSignalSpy ready(&session, &PlanningSession::baselineReady);
    QVERIFY(!session.hasBaseline());
    session.open(smallDemo(), demoConfig(), {});
    QVERIFY(session.isOpening());
    QVERIFY(!session.hasBaseline()); // nothing changes until the run is done
    QCOMPARE(session.openingScenario().name, std::string("demo"));
    QVERIFY(ready.wait(120000));
    QVERIFY(session.hasBaseline());
    QCOMPARE(session.baseScenario().name, std::string("demo"));
    QCOMPARE(session.proposalResult(), session.baselineResult());
    QCOMPARE(session.scenarios()->count(), 1); // the baseline
    QCOMPARE(session.baselineResult()->jobsTotal, static_cast<long>(session.baseScenario().workload.jobs.size()));
    QVERIFY(session.draft()->edits().empty());
}

void PlanningSessionTest::anEditSimulatesTheProposal()
{
    PlanningSession session;
    QSignalSpy ready(&session, &PlanningSession::baselineReady);
    session.open(smallDemo(), demoConfig(), {});
    QVERIFY(ready.wait(120000));
    const double before = quotaOf(*session.baselineResult(), "atlas.analysis");
    QVERIFY(before > 0);

    QSignalSpy simulated(&session, &PlanningSession::proposalSimulated);
    session.undoStack()->push(new SetKnobsCommand(
        session.draft(), QStringLiteral("analysis 40 %"), {{"GROUP_QUOTA_DYNAMIC_atlas.analysis", "0.40"}}));
    QVERIFY(session.isSimulatingProposal());
    QVERIFY(simulated.wait(120000));
    QVERIFY(session.proposalResult() != session.baselineResult());
    // atlas (9,200) splits 0.40 + 0.15 + 0.60 = 1.15 of itself: HTCondor scales the shares down to fit
    // (docs/HTCONDOR.md §2.4), so analysis gets 9,200 × 0.40 / 1.15 = 3,200 cores where it had 9,200 × 0.25.
    QCOMPARE(before, 2300.0);
    QVERIFY(std::abs(quotaOf(*session.proposalResult(), "atlas.analysis") - 3200.0) < 0.01);
    QVERIFY(session.configSnippet().contains(QStringLiteral("GROUP_QUOTA_DYNAMIC_atlas.analysis = 0.4")));
    // The what-if every view asks for: the same edits give the same scenario.
    const auto scenario = session.scenarioFor(session.draft()->edits());
    QVERIFY(scenario);
    QCOMPARE(scenario->policy.group("atlas.analysis")->configQuota, 0.40);

    // Undo: the baseline is the outcome again, at once.
    session.undoStack()->undo();
    QCOMPARE(session.proposalResult(), session.baselineResult());

    // A refused draft is said, and nothing runs.
    QSignalSpy refused(&session, &PlanningSession::draftRefused);
    session.undoStack()->push(
        new SetKnobsCommand(session.draft(), QStringLiteral("bad"), {{"NEGOTIATOR_INTERVAL", "soon"}}));
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.at(0).at(0).toString().contains(QStringLiteral("NEGOTIATOR_INTERVAL")));
    QVERIFY(!session.isSimulatingProposal());
}

void PlanningSessionTest::aNewSnapshotOfTheSamePoolKeepsTheEdits()
{
    PlanningSession session;
    QSignalSpy ready(&session, &PlanningSession::baselineReady);
    session.open(smallDemo(), demoConfig(), {});
    QVERIFY(ready.wait(120000));
    session.undoStack()->push(
        new SetKnobsCommand(session.draft(), QStringLiteral("star 3200"), {{"GROUP_QUOTA_star", "3200"}}));
    QCOMPARE(session.keepProposal(QStringLiteral("More star")), 1);

    PlanningSession::OpenOptions same;
    same.samePool = true;
    session.open(smallDemo(), demoConfig(), same);
    QVERIFY(ready.wait(120000));
    QCOMPARE(session.draft()->edits().size(), std::size_t(1));
    QCOMPARE(session.undoStack()->count(), 1);
    QCOMPARE(session.scenarios()->count(), 2); // the baseline and "More star"

    session.open(smallDemo(), demoConfig(), {}); // another pool: a fresh start
    QVERIFY(ready.wait(120000));
    QVERIFY(session.draft()->edits().empty());
    QCOMPARE(session.undoStack()->count(), 0);
    QCOMPARE(session.scenarios()->count(), 1);
}

void PlanningSessionTest::aProposalKeptWhileSimulatingGetsItsResult()
{
    PlanningSession session;
    QSignalSpy ready(&session, &PlanningSession::baselineReady);
    session.open(smallDemo(), demoConfig(), {});
    QVERIFY(ready.wait(120000));
    QSignalSpy simulated(&session, &PlanningSession::proposalSimulated);
    session.undoStack()->push(
        new SetKnobsCommand(session.draft(), QStringLiteral("star 3200"), {{"GROUP_QUOTA_star", "3200"}}));
    const int row = session.keepProposal(QStringLiteral("More star")); // before the debounce has even fired
    QCOMPARE(row, 1);
    QVERIFY(!session.scenarios()->at(row).result);
    QVERIFY(simulated.wait(120000));
    QVERIFY(session.scenarios()->at(row).result);
    QCOMPARE(session.scenarios()->at(row).result, session.proposalResult());
    QCOMPARE(session.keepProposal(QStringLiteral("Baseline")), -1); // the baseline keeps its name
}

void PlanningSessionTest::thePlanIsSavedAsAScenarioFileTheCliReads()
{
    PlanningSession session;
    QSignalSpy ready(&session, &PlanningSession::baselineReady);
    session.open(smallDemo(), demoConfig(), {}); // as a live pool's snapshot: no base a scenario file can name
    QVERIFY(ready.wait(120000));
    QVERIFY(!session.canSaveScenarioFile());
    const auto refused = session.scenarioFileText(QStringLiteral("plan"));
    QVERIFY(!refused);
    QVERIFY(QString::fromStdString(refused.error().reason).contains(QStringLiteral("starts from a built-in")));

    PlanningSession::OpenOptions demo;
    demo.baseSpec = *pp::scenarioSpecFor("demo");
    session.open(smallDemo(), demoConfig(), demo);
    QVERIFY(ready.wait(120000));
    QVERIFY(session.canSaveScenarioFile());
    // The planner's edits of every kind: a quota, a workload factor and a group runtime limit with its action.
    pp::KnobEdits edits {{"GROUP_QUOTA_star", "3200"}, {"POOLPLANNER_SCALE_star", "2"},
        {"POOLPLANNER_GROUP_LIMIT_star", "7200"}, {"POOLPLANNER_GROUP_LIMIT_ACTION", "remove"}};
    for (auto& derived : pp::whatif::groupLimitKnobs(session.baseConfig(), edits))
        edits.push_back(derived);
    session.undoStack()->push(new SetKnobsCommand(session.draft(), QStringLiteral("star plan"), edits));
    const auto text = session.scenarioFileText(QStringLiteral("star plan"));
    QVERIFY2(text, text ? "" : text.error().message().c_str());
    QVERIFY(QString::fromStdString(*text).contains(QStringLiteral("POOLPLANNER_BASE = demo")));
    QVERIFY(!QString::fromStdString(*text).contains(QStringLiteral("SYSTEM_PERIODIC_REMOVE"))); // derived again

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.scenario"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(*text));
    file.close();
    const auto spec = pp::readScenarioFile(path.toStdString());
    QVERIFY2(spec, spec ? "" : spec.error().message().c_str());
    QCOMPARE(spec->name, std::string("star plan"));
    const auto config = pp::scenarioConfig(*spec);
    QVERIFY(config);
    const auto fromFile = pp::policyFromConfig(*config);
    QVERIFY(fromFile);
    const pp::Policy& planned = *session.draft()->policy();
    QCOMPARE(fromFile->systemPeriodicRemove, planned.systemPeriodicRemove);
    QCOMPARE(fromFile->systemPeriodicHold, planned.systemPeriodicHold);
    QCOMPARE(fromFile->group("star")->configQuota, planned.group("star")->configQuota);
    QCOMPARE(spec->inputs.scale.at("star"), 2.0);
    // Opened again, the file gives the same edits back (what the window puts in the planner).
    const auto reopened = pp::scenarioEdits(*spec, *pp::scenarioConfig(pp::baseSpecOf(*spec)));
    QCOMPARE(pp::whatif::policyFor(demoConfig(), reopened)->systemPeriodicRemove, planned.systemPeriodicRemove);
    QCOMPARE(pp::whatif::workloadScales(reopened), pp::whatif::workloadScales(session.draft()->edits()));
}

// After the baseline, the same scenario again with tie seeds 1..8 in the background: the spread of its figures
// and of the cores in use at each sample; a new opening drops the old spread.
void PlanningSessionTest::theBaselinesSpreadFollowsIt()
{
    PlanningSession session;
    QSignalSpy spread(&session, &PlanningSession::baselineEnsembleReady);
    session.open(smallDemo(), demoConfig(), {});
    QVERIFY(spread.wait(120000));
    const auto ensemble = session.baselineEnsemble();
    QVERIFY(ensemble);
    QCOMPARE(ensemble->runs, PlanningSession::baselineEnsembleRuns);
    QCOMPARE(ensemble->tieSeeds.front(), std::uint64_t(1));
    QCOMPARE(ensemble->claimedCores.size(), session.baselineResult()->poolSeries.size());
    const pp::FigureSpread* utilization = ensemble->poolSpread("utilization");
    QVERIFY(utilization && utilization->low <= utilization->high && utilization->high <= 1.0);
    QVERIFY(ensemble->median.jobs.empty()); // only the summary travels to the window

    QSignalSpy baseline(&session, &PlanningSession::baselineReady);
    session.open(smallDemo(), demoConfig(), {});
    QVERIFY(baseline.wait(120000));
    QVERIFY(!session.baselineEnsemble()); // the old one is not this baseline's
    QVERIFY(spread.wait(120000));
    QVERIFY(session.baselineEnsemble());
}

// Once an edit has settled, the proposal is run with the baseline's tie seeds too: the comparison is of medians,
// and a change no larger than the arbitrary choices make is within noise. A new edit drops the old spread.
void PlanningSessionTest::theProposalsSpreadMakesTheComparisonHonest()
{
    PlanningSession session;
    QSignalSpy spread(&session, &PlanningSession::baselineEnsembleReady);
    session.open(smallDemo(), demoConfig(), {});
    QVERIFY(spread.wait(120000));
    QVERIFY(session.baselineRuns());
    QCOMPARE(session.baselineRuns()->results.size(), std::size_t(PlanningSession::baselineEnsembleRuns));
    QVERIFY(session.baselineRuns()->results.front().jobs.empty()); // figures only

    QSignalSpy proposalSpread(&session, &PlanningSession::proposalEnsembleReady);
    session.undoStack()->push(new SetKnobsCommand(
        session.draft(), QStringLiteral("analysis 40 %"), {{"GROUP_QUOTA_DYNAMIC_atlas.analysis", "0.40"}}));
    QVERIFY(!session.proposalRuns());
    QVERIFY(proposalSpread.wait(120000));
    const auto proposal = session.proposalRuns();
    QVERIFY(proposal);
    QCOMPARE(proposal->tieSeeds, session.baselineRuns()->tieSeeds); // the same draws on both sides
    const pp::Comparison c = pp::compareEnsembles(*session.baselineRuns(), *proposal);
    QCOMPARE(c.runs, PlanningSession::baselineEnsembleRuns);
    // A group the edit does not touch stays where its own runs put it: never called a gain or a loss.
    const pp::GroupComparison* star = c.group("star");
    QVERIFY(star);
    int overlapping = 0;
    for (const auto& m : star->metrics) {
        QVERIFY2(m.baseSpread && m.proposalSpread, m.key.c_str());
        if (m.baseSpread->overlaps(*m.proposalSpread)) {
            ++overlapping;
            QVERIFY2(m.verdict == pp::MetricDelta::Verdict::Same, m.key.c_str());
        }
    }
    QVERIFY(overlapping > 0);
    // The quota moved: analysis's quota share is no noise.
    QVERIFY(std::abs(quotaOf(proposal->results.front(), "atlas.analysis") - 3200.0) < 0.01);

    session.undoStack()->undo();
    QVERIFY(!session.proposalRuns()); // the spread was the edit's
}

QTEST_GUILESS_MAIN(PlanningSessionTest)
#include "tst_planningsession.moc"
