// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The HGQ quota arithmetic of docs/HTCONDOR.md §2.4–2.6; every expected number is derived by hand there
// or in the comments below.
#include "config/config.h"
#include "policy/policyfromconfig.h"
#include "policy/quotaallocation.h"

#include <QtTest>

#include <map>
#include <random>

using namespace pp;

namespace {

Policy policyFrom(const std::string& text)
{
    auto config = Config::fromText(text, "test.config");
    if (!config)
        qFatal("config: %s", config.error().message().c_str());
    auto policy = policyFromConfig(*config);
    if (!policy)
        qFatal("policy: %s", policy.error().message().c_str());
    return *policy;
}

// Runs allocateOnce and returns name -> row.
std::map<std::string, GroupAllocation> allocate(
    const Policy& policy, double pool, const std::map<std::string, double>& demand)
{
    const GroupTree tree(policy);
    std::vector<double> d(static_cast<std::size_t>(tree.size()), 0.0);
    for (const auto& [name, cores] : demand) {
        const int g = tree.find(name);
        if (g < 0)
            qFatal("no group %s", name.c_str());
        d[static_cast<std::size_t>(g)] = cores;
    }
    std::map<std::string, GroupAllocation> out;
    for (const auto& row : allocateOnce(tree, pool, d, policy.allowQuotaOversubscription, policy.useSlotWeights))
        out[row.name] = row;
    return out;
}

const char* workedExample = R"(
GROUP_NAMES = a, b, c, a.x, a.y
GROUP_QUOTA_a = 40
GROUP_ACCEPT_SURPLUS_a = True
GROUP_QUOTA_b = 40
GROUP_QUOTA_DYNAMIC_c = 0.25
GROUP_ACCEPT_SURPLUS_c = True
GROUP_QUOTA_DYNAMIC_a.x = 0.5
GROUP_QUOTA_DYNAMIC_a.y = 0.5
GROUP_ACCEPT_SURPLUS_a.x = True
GROUP_ACCEPT_SURPLUS_a.y = True
)";

} // namespace

class QuotaAllocationTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void staticAndDynamicQuotas_data()
    {
        QTest::addColumn<bool>("oversubscription");
        QTest::addColumn<double>("nodeQuotaOfA");
        QTest::addRow("oversubscription on: a keeps its whole subtree quota") << true << 40.0;
        QTest::addRow("oversubscription off: a keeps what its children leave") << false << 0.0;
    }
    void staticAndDynamicQuotas()
    {
        QFETCH(bool, oversubscription);
        QFETCH(double, nodeQuotaOfA);
        Policy policy = policyFrom(workedExample);
        policy.allowQuotaOversubscription = oversubscription;
        auto rows = allocate(policy, 100, {});
        // §2.10: S = 80, D = 0.25 -> Da = 20: a = 40, b = 40, c = 5, root = 100 - 85 = 15; a.x = a.y = 20.
        QCOMPARE(rows["<none>"].quota, 15.0);
        QCOMPARE(rows["a"].subtreeQuota, 40.0);
        QCOMPARE(rows["a"].quota, nodeQuotaOfA);
        QCOMPARE(rows["b"].quota, 40.0);
        QCOMPARE(rows["c"].quota, 5.0);
        QCOMPARE(rows["a.x"].quota, 20.0);
        QCOMPARE(rows["a.y"].quota, 20.0);
    }

    void workedExampleAllocations_data()
    {
        QTest::addColumn<bool>("oversubscription");
        QTest::addColumn<double>("ax");
        QTest::addColumn<double>("c");
        QTest::addColumn<double>("total");
        QTest::addRow("default: allocations add up to more than the pool") << true << 100.0 << 25.0 << 140.0;
        QTest::addRow("oversubscription off: 75.56 and 9.44") << false << 75.5556 << 9.4444 << 100.0;
    }
    void workedExampleAllocations()
    {
        QFETCH(bool, oversubscription);
        QFETCH(double, ax);
        QFETCH(double, c);
        QFETCH(double, total);
        Policy policy = policyFrom(workedExample);
        policy.allowQuotaOversubscription = oversubscription;
        auto rows = allocate(policy, 100, {{"a.x", 100}, {"b", 10}, {"c", 30}, {"<none>", 5}});
        QCOMPARE(rows["<none>"].allocated, 5.0);
        QCOMPARE(rows["b"].allocated, 10.0);
        QVERIFY(qAbs(rows["a.x"].allocated - ax) < 0.001);
        QVERIFY(qAbs(rows["c"].allocated - c) < 0.001);
        double sum = 0;
        for (const auto& [name, row] : rows)
            sum += row.allocated;
        QVERIFY(qAbs(sum - total) < 0.001);
    }

    void dynamicQuotaDividesWhatStaticSiblingsLeave()
    {
        // §10.5: a dynamic 0.1 beside static siblings summing to 13 on 16 cores gets 0.1 x (16 - 13) = 0.3, not 1.6.
        const Policy policy
            = policyFrom("GROUP_NAMES = a, b, d\nGROUP_QUOTA_a = 8\nGROUP_QUOTA_b = 5\nGROUP_QUOTA_DYNAMIC_d = 0.1\n");
        auto rows = allocate(policy, 16, {});
        QVERIFY(qAbs(rows["d"].quota - 0.3) < 1e-9);
        QVERIFY(qAbs(rows["<none>"].quota - 2.7) < 1e-9);
    }

    void dynamicFractionsOverOneAreRescaled()
    {
        // 0.9 + 0.6 = 1.5 > 1: each is divided by 1.5 (§2.4), so 54 and 36 of the 90 that static s leaves.
        const Policy policy = policyFrom(
            "GROUP_NAMES = s, x, y\nGROUP_QUOTA_s = 10\nGROUP_QUOTA_DYNAMIC_x = 0.9\nGROUP_QUOTA_DYNAMIC_y = 0.6\n");
        auto rows = allocate(policy, 100, {});
        QVERIFY(qAbs(rows["x"].quota - 54.0) < 1e-9);
        QVERIFY(qAbs(rows["y"].quota - 36.0) < 1e-9);
        QVERIFY(qAbs(rows["<none>"].quota) < 1e-9);
        // ... and the user is told, with the line of GROUP_NAMES.
        auto config = Config::fromText(
            "GROUP_NAMES = s, x, y\nGROUP_QUOTA_s = 10\nGROUP_QUOTA_DYNAMIC_x = 0.9\nGROUP_QUOTA_DYNAMIC_y = 0.6\n",
            "f.cfg");
        Warnings warnings;
        QVERIFY(policyFromConfig(*config, &warnings).ok());
        QCOMPARE(warnings.items.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(warnings.items[0].message()),
            QStringLiteral("f.cfg:1: the dynamic quotas under the root add up to 1.500; HTCondor divides each by "
                           "1.500, and so does PoolPlanner"));
    }

    void acceptSurplusCaps_data()
    {
        QTest::addColumn<bool>("accept");
        QTest::addColumn<double>("allocated");
        QTest::addRow("a group that refuses surplus gets its quota only") << false << 40.0;
        QTest::addRow("the same group accepting surplus gets its demand") << true << 60.0;
    }
    void acceptSurplusCaps()
    {
        QFETCH(bool, accept);
        QFETCH(double, allocated);
        Policy policy = policyFrom("GROUP_NAMES = b\nGROUP_QUOTA_b = 40\n");
        policy.groups[0].acceptSurplus = accept;
        auto rows = allocate(policy, 100, {{"b", 60}});
        QCOMPARE(rows["b"].allocated, allocated);
    }

    void nonAcceptingAncestorHidesDemand_data()
    {
        QTest::addColumn<bool>("oversubscription");
        QTest::addColumn<double>("childAllocated");
        // p (static 10, no surplus) has one child p.c (dynamic 1.0, accepts) asking for 50 on a pool of 100.
        // The root's 90 never reaches p.c: p hides its subtree's demand. With oversubscription p's own node
        // quota (10, unused) is surplus inside p, so p.c is allocated 20 (strict enforcement later caps usage at 10).
        QTest::addRow("oversubscription on: 10 + p's unused node quota") << true << 20.0;
        QTest::addRow("oversubscription off: the child's quota only") << false << 10.0;
    }
    void nonAcceptingAncestorHidesDemand()
    {
        QFETCH(bool, oversubscription);
        QFETCH(double, childAllocated);
        Policy policy = policyFrom("GROUP_NAMES = p, p.c\nGROUP_QUOTA_p = 10\nGROUP_QUOTA_DYNAMIC_p.c = "
                                   "1.0\nGROUP_ACCEPT_SURPLUS_p.c = True\n");
        policy.allowQuotaOversubscription = oversubscription;
        auto rows = allocate(policy, 100, {{"p.c", 50}});
        QCOMPARE(rows["p.c"].allocated, childAllocated);
        QCOMPARE(rows["<none>"].allocated, 0.0);
    }

    void siblingsBeforeParents()
    {
        // Pool 40: a = 20 (a.x 10, a.y 10), b = 20, all accept surplus, oversubscription off.
        // a.y's unused 10 goes to its sibling a.x first (a.x = 20); b, over quota too, gets none of it.
        // Shared from the top in proportion to quota instead, b would have received 5 of it.
        Policy policy = policyFrom("NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION = False\nGROUP_ACCEPT_SURPLUS = True\n"
                                   "GROUP_NAMES = a, a.x, a.y, b\nGROUP_QUOTA_a = 20\nGROUP_QUOTA_a.x = "
                                   "10\nGROUP_QUOTA_a.y = 10\nGROUP_QUOTA_b = 20\n");
        auto rows = allocate(policy, 40, {{"a.x", 30}, {"b", 40}});
        QCOMPARE(rows["a.x"].allocated, 20.0);
        QCOMPARE(rows["b"].allocated, 20.0);
    }

    void surplusFollowsQuotaWithParentAmongChildren()
    {
        // §10.8: a parent's unused node quota (8, oversubscription on) is split 5:2 between its children:
        // 8 x 5/7 = 5.714 and 8 x 2/7 = 2.286 on top of their quotas. The parent itself asks for nothing.
        Policy policy
            = policyFrom("GROUP_NAMES = p, p.c1, p.c2\nGROUP_QUOTA_p = 8\nGROUP_QUOTA_p.c1 = 5\nGROUP_QUOTA_p.c2 = 2\n"
                         "GROUP_ACCEPT_SURPLUS_p.c1 = True\nGROUP_ACCEPT_SURPLUS_p.c2 = True\n");
        auto rows = allocate(policy, 16, {{"p.c1", 100}, {"p.c2", 100}});
        QVERIFY(qAbs(rows["p.c1"].allocated - (5 + 8.0 * 5 / 7)) < 1e-9);
        QVERIFY(qAbs(rows["p.c2"].allocated - (2 + 8.0 * 2 / 7)) < 1e-9);
    }

    void zeroQuotaGroupsGetLeftoversEqually_data()
    {
        QTest::addColumn<double>("demandA");
        QTest::addColumn<double>("allocatedA");
        QTest::addColumn<double>("allocatedZ");
        // Pool 20, a = 10, z = 0 (both accept), root keeps 10 as surplus.
        QTest::addRow("quota-weighted pass takes everything a can use") << 30.0 << 20.0 << 0.0;
        QTest::addRow("equal pass hands z what a leaves") << 15.0 << 15.0 << 5.0;
    }
    void zeroQuotaGroupsGetLeftoversEqually()
    {
        QFETCH(double, demandA);
        QFETCH(double, allocatedA);
        QFETCH(double, allocatedZ);
        const Policy policy
            = policyFrom("GROUP_ACCEPT_SURPLUS = True\nGROUP_NAMES = a, z\nGROUP_QUOTA_a = 10\nGROUP_QUOTA_z = 0\n");
        auto rows = allocate(policy, 20, {{"a", demandA}, {"z", 30}});
        QCOMPARE(rows["a"].allocated, allocatedA);
        QCOMPARE(rows["z"].allocated, allocatedZ);
    }

    void submittersMapToDeepestConfiguredGroup_data()
    {
        QTest::addColumn<QString>("submitter");
        QTest::addColumn<QString>("group");
        QTest::addRow("configured group") << QStringLiteral("a.x.alice@d") << QStringLiteral("a.x");
        QTest::addRow("unknown sub-group falls back to its parent")
            << QStringLiteral("a.zz.bob@d") << QStringLiteral("a");
        QTest::addRow("unknown top level goes to the root") << QStringLiteral("q.carol@d") << QStringLiteral("<none>");
        QTest::addRow("no group at all") << QStringLiteral("dave@d") << QStringLiteral("<none>");
        QTest::addRow("case does not matter") << QStringLiteral("A.X.Eve") << QStringLiteral("a.x");
    }
    void submittersMapToDeepestConfiguredGroup()
    {
        QFETCH(QString, submitter);
        QFETCH(QString, group);
        const GroupTree tree(policyFrom(workedExample));
        QCOMPARE(QString::fromStdString(tree.node(tree.groupOfSubmitter(submitter.toStdString())).name), group);
    }

    // A negotiator keeps one QuotaAllocation for a whole run and resets only the groups a cycle wrote, walking only
    // subtrees with demand. Round after round, with demand moving around a tree, it must hold exactly what a new
    // one computes from scratch.
    void reusedAllocationMatchesAFreshOne_data()
    {
        QTest::addColumn<bool>("slotWeights");
        QTest::addColumn<bool>("oversubscription");
        QTest::addRow("slot weights") << true << false;
        QTest::addRow("whole slots: remainders dealt out") << false << false;
        QTest::addRow("oversubscription") << true << true;
    }
    void reusedAllocationMatchesAFreshOne()
    {
        QFETCH(bool, slotWeights);
        QFETCH(bool, oversubscription);
        std::mt19937 random(11);
        const auto chance = [&random](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
        std::string names;
        std::string config;
        for (int e = 0; e < 4; ++e)
            for (int q = -1; q < 3; ++q)
                for (int l = -1; l < (q < 0 ? 0 : 4); ++l) {
                    const std::string name = "e" + std::to_string(e) + (q < 0 ? "" : ".q" + std::to_string(q))
                        + (l < 0 ? "" : ".l" + std::to_string(l));
                    names += (names.empty() ? "" : ", ") + name;
                    config += chance(0.3)
                        ? "GROUP_QUOTA_" + name + " = " + std::to_string(1 + random() % 40) + "\n"
                        : "GROUP_QUOTA_DYNAMIC_" + name + " = 0." + std::to_string(1 + random() % 5) + "\n";
                    if (chance(0.7))
                        config += "GROUP_ACCEPT_SURPLUS_" + name + " = True\n";
                }
        const Policy policy = policyFrom("GROUP_NAMES = " + names + "\n" + config);
        const GroupTree tree(policy);
        const auto groups = static_cast<std::size_t>(tree.size());
        QuotaAllocation reused(tree, oversubscription);
        for (int cycle = 0; cycle < 300; ++cycle) {
            const double pool = cycle % 50 == 49 ? 900 : 1000; // now and then the pool changes: quotas anew
            std::vector<double> demand(groups, 0.0);
            for (auto& d : demand)
                if (chance(0.1))
                    d = chance(0.5) ? static_cast<double>(1 + random() % 60) : 0.5 + static_cast<double>(random() % 7);
            // A cycle as Negotiator::negotiate runs it: quotas, demand, a round, the unused handed back, a round.
            const auto run = [&](QuotaAllocation& a, std::vector<double>& surplus) {
                a.assignQuotas(pool);
                for (std::size_t g = 0; g < groups; ++g)
                    a.setRequested(static_cast<int>(g), demand[g]);
                for (int round = 0; round < 2; ++round) {
                    if (round > 0) {
                        for (std::size_t g = 0; g < groups; ++g)
                            if (demand[g] != 0) {
                                auto& s = a.at(static_cast<int>(g));
                                s.requested = s.allocated > demand[g] / 2 ? demand[g] / 2 : s.requested + s.allocated;
                            }
                        a.resetAllocations();
                    }
                    surplus.push_back(a.fairshare());
                    if (!slotWeights)
                        surplus.push_back(a.recoverRemainders());
                }
            };
            QuotaAllocation fresh(tree, oversubscription);
            std::vector<double> reusedSurplus;
            std::vector<double> freshSurplus;
            run(reused, reusedSurplus);
            run(fresh, freshSurplus);
            QCOMPARE(reusedSurplus, freshSurplus);
            for (int g = 0; g < tree.size(); ++g) {
                const GroupQuotaState& a = reused.group(g);
                const GroupQuotaState& b = fresh.group(g);
                const auto where
                    = QStringLiteral("cycle %1, %2").arg(cycle).arg(QString::fromStdString(tree.node(g).name));
                QVERIFY2(a.quota == b.quota && a.subtreeQuota == b.subtreeQuota, qPrintable(where));
                QVERIFY2(a.allocated == b.allocated && a.requested == b.requested, qPrintable(where));
                QVERIFY2(a.subtreeRequested == b.subtreeRequested && a.rr == b.rr, qPrintable(where));
            }
        }
        // The quota order a negotiator reads against quotas: by quota, largest first, ties by index.
        reused.assignQuotas(1000);
        reused.assignQuotas(1000);
        const std::vector<int>& byQuota = reused.groupsByQuota();
        QCOMPARE(byQuota.size(), groups - 1);
        for (std::size_t k = 1; k < byQuota.size(); ++k) {
            const double before = reused.group(byQuota[k - 1]).quota;
            const double after = reused.group(byQuota[k]).quota;
            QVERIFY(before > after || (before == after && byQuota[k - 1] < byQuota[k]));
        }
    }

    void treeIsBreadthFirstAndAlphabetical()
    {
        const GroupTree tree(policyFrom("GROUP_NAMES = b, a.y, a, a.x\nGROUP_QUOTA_a = 1\nGROUP_QUOTA_b = 1\n"));
        QStringList names;
        for (const auto& n : tree.nodes())
            names << QString::fromStdString(n.name);
        QCOMPARE(names,
            (QStringList {QStringLiteral("<none>"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a.x"),
                QStringLiteral("a.y")}));
    }
};

QTEST_GUILESS_MAIN(QuotaAllocationTest)
#include "tst_quotaallocation.moc"
