// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Who lent surplus to whom (docs/HTCONDOR.md §2.6: siblings first, then up the tree); every expected figure is
// worked out by hand in the comments.
#include "analysis/surplusflows.h"

#include <QtTest>

using namespace pp;

namespace {

GroupSummary group(const char* name, int parent)
{
    GroupSummary g;
    g.name = name;
    g.parent = parent;
    return g;
}

GroupSample sample(float usage, float subtreeQuota, float quota = 0)
{
    GroupSample s;
    s.usage = usage;
    s.subtreeQuota = subtreeQuota;
    s.quota = quota;
    return s;
}

// The core-hours lent from one group to another, 0 when there is no such flow.
double flow(const std::vector<SurplusFlow>& flows, int from, int to)
{
    for (const auto& f : flows)
        if (f.from == from && f.to == to)
            return f.coreHours;
    return 0;
}

} // namespace

class TestSurplusFlows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void siblingLendsWhatItLeaves()
    {
        // Two groups of 10 cores; a runs 15, b runs 5: b lends a 5 cores for one hour-long sample.
        const std::vector<GroupSummary> groups {group("<none>", -1), group("a", 0), group("b", 0)};
        const std::vector<std::vector<GroupSample>> series {{sample(0, 20), sample(15, 10), sample(5, 10)}};
        const auto flows = computeSurplusFlows(groups, series, 3600);
        QCOMPARE(flows.size(), std::size_t(1));
        QCOMPARE(flows[0].from, 2);
        QCOMPARE(flows[0].to, 1);
        QCOMPARE(flows[0].coreHours, 5.0);
    }

    void siblingsFirstThenParentThenUpTheTree()
    {
        // phys has 20 cores, of which x has 10 and y 5, so phys itself keeps 5; cms has 10, the root nothing.
        // x runs 25 and borrows 15: 2 from its sibling y (runs 3), 5 from phys, the last 8 from phys's sibling cms.
        const std::vector<GroupSummary> groups {
            group("<none>", -1), group("phys", 0), group("phys.x", 1), group("phys.y", 1), group("cms", 0)};
        const std::vector<std::vector<GroupSample>> series {
            {sample(0, 30, 0), sample(0, 20), sample(25, 10), sample(3, 5), sample(0, 10)}};
        const auto flows = computeSurplusFlows(groups, series, 3600);
        QCOMPARE(flows.size(), std::size_t(3));
        QCOMPARE(flow(flows, 3, 2), 2.0);
        QCOMPARE(flow(flows, 1, 2), 5.0);
        QCOMPARE(flow(flows, 4, 2), 8.0);
        // Largest first.
        QCOMPARE(flows[0].from, 4);
        QCOMPARE(flows[2].from, 3);
    }

    void siblingsLendInProportionToTheirSpare()
    {
        // a borrows 3; b leaves 2 and c leaves 4, so b lends 1 and c lends 2.
        const std::vector<GroupSummary> groups {group("<none>", -1), group("a", 0), group("b", 0), group("c", 0)};
        const std::vector<std::vector<GroupSample>> series {
            {sample(0, 30), sample(13, 10), sample(8, 10), sample(6, 10)}};
        const auto flows = computeSurplusFlows(groups, series, 3600);
        QCOMPARE(flows.size(), std::size_t(2));
        QCOMPARE(flow(flows, 2, 1), 1.0);
        QCOMPARE(flow(flows, 3, 1), 2.0);
    }

    void unclaimedRootQuotaIsLentLast()
    {
        // 30 cores, a and b hold 10 each, the root keeps the other 10. a runs 25: 5 from b, then 10 from the root.
        const std::vector<GroupSummary> groups {group("<none>", -1), group("a", 0), group("b", 0)};
        const std::vector<std::vector<GroupSample>> series {{sample(0, 30, 10), sample(25, 10), sample(5, 10)}};
        const auto flows = computeSurplusFlows(groups, series, 3600);
        QCOMPARE(flow(flows, 2, 1), 5.0);
        QCOMPARE(flow(flows, 0, 1), 10.0);
    }

    void samplesAddUpOverTheRun()
    {
        // Two 30-minute samples with 4 and 2 cores lent: 3 core-hours; a sample of the wrong size is skipped.
        const std::vector<GroupSummary> groups {group("<none>", -1), group("a", 0), group("b", 0)};
        const std::vector<std::vector<GroupSample>> series {{sample(0, 20), sample(14, 10), sample(6, 10)},
            {sample(0, 20), sample(12, 10), sample(8, 10)}, {sample(0, 20)}};
        const auto flows = computeSurplusFlows(groups, series, 1800);
        QCOMPARE(flows.size(), std::size_t(1));
        QCOMPARE(flow(flows, 2, 1), 3.0);
    }

    void brokenTreesEndTheClimb()
    {
        // A parent index outside the run counts as no parent; two groups naming each other as parent stop after
        // n steps. Either way nothing is lent beyond what the borrowers used above their own quotas: a 25 - 10,
        // and in the cycle b 5 - 0 (its child a holds its whole quota).
        const std::vector<GroupSummary> outside {group("<none>", -1), group("a", 99), group("b", 0)};
        const std::vector<std::vector<GroupSample>> series {{sample(0, 30, 10), sample(25, 10), sample(5, 10)}};
        QVERIFY(computeSurplusFlows(outside, series, 3600).empty()); // a has no parent, so nobody to borrow from

        const std::vector<GroupSummary> cycle {group("<none>", -1), group("a", 2), group("b", 1)};
        double lent = 0;
        for (const auto& f : computeSurplusFlows(cycle, series, 3600))
            lent += f.coreHours;
        QVERIFY(lent <= 20.0);
    }

    void nobodyOverQuotaMeansNoFlows()
    {
        const std::vector<GroupSummary> groups {group("<none>", -1), group("a", 0), group("b", 0)};
        const std::vector<std::vector<GroupSample>> series {{sample(0, 20), sample(10, 10), sample(2, 10)}};
        QVERIFY(computeSurplusFlows(groups, series, 3600).empty());
        QVERIFY(computeSurplusFlows(groups, {}, 3600).empty());
        QVERIFY(computeSurplusFlows({}, series, 3600).empty());
    }
};

QTEST_GUILESS_MAIN(TestSurplusFlows)
#include "tst_surplusflows.moc"
