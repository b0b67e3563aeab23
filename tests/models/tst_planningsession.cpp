// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The planning session owns what is open: the baseline arrives only with its result, edits re-simulate the
// proposal, a newer pool of the same name keeps the edits, and a kept proposal gets its result once simulated.
#include "comparisonmodel.h"
#include "planningsession.h"
#include "policydraft.h"
#include "scenarioset.h"

#include "config/config.h"
#include "scenario/demo.h"

#include <QSignalSpy>
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

QTEST_GUILESS_MAIN(PlanningSessionTest)
#include "tst_planningsession.moc"
