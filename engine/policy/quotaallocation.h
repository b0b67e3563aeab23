// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "policy/grouptree.h"

#include <utility>
#include <vector>

namespace pp {

/// Per-group working values of one HGQ allocation, named as in HTCondor's GroupEntry.
struct GroupQuotaState
{
    double quota = 0; ///< quota for the group's direct submitters (§2.4)
    double subtreeQuota = 0; ///< quota the group received for its whole subtree
    double requested = 0; ///< demand not yet allocated (direct submitters)
    double allocated = 0; ///< allocation for direct submitters, surplus included (§2.6)
    double subtreeRequested = 0;
    double rrTime = 0; ///< when the group was last served by the remainder round robin
    double subtreeRrTime = 0;
    bool rr = false;
};

/// HTCondor's hierarchical group quota arithmetic (docs/HTCONDOR.md §2.4–2.7), as a pure computation over
/// a GroupTree: quotas top-down, fair share and surplus bottom-up (siblings first, proportional to quota,
/// then equal shares), and the whole-slot remainder round robin used when slot weights are off.
class QuotaAllocation
{
public:
    QuotaAllocation(const GroupTree& tree, bool allowOversubscription);

    /// Resets every group and assigns quotas from the pool size (§2.4).
    void assignQuotas(double poolSize);
    /// Sets each group's demand (its direct submitters' running + idle weight) before a round.
    void setRequested(int group, double requested)
    {
        if (requested != 0 || m_touched[static_cast<std::size_t>(group)])
            at(group).requested = requested;
    }
    /// Clears every allocation before a round (§2.6), keeping quotas and requests.
    void resetAllocations();
    /// One allocation round (§2.6): returns the surplus nobody could use.
    double fairshare();
    /// Floors allocations and deals the fractions out in whole slots (§2.7 step 2, unweighted mode only).
    double recoverRemainders();

    const GroupQuotaState& group(int index) const { return m_state[static_cast<std::size_t>(index)]; }
    GroupQuotaState& at(int index)
    {
        touch(index);
        return m_state[static_cast<std::size_t>(index)];
    }
    const std::vector<GroupQuotaState>& groups() const { return m_state; }
    /// The groups other than the root by descending quota (ties by index), while the quotas are those the last
    /// assignQuotas() reused from the cycle before; empty when it computed them anew (the order would cost more
    /// than one pass over the groups).
    const std::vector<int>& groupsByQuota();

private:
    // A tree of thousands of groups has few with demand at a time: only the groups written since the last
    // assignQuotas() differ from its fresh state, so only they are reset, and walks skip subtrees without demand.
    void touch(int index)
    {
        if (!m_touched[static_cast<std::size_t>(index)]) {
            m_touched[static_cast<std::size_t>(index)] = 1;
            m_touchedList.push_back(index);
        }
    }
    void forgetTouched();
    bool busy(int node) const { return m_busy.empty() || m_busy[static_cast<std::size_t>(node)] != 0; }
    void assign(int node, double quota);
    double fairshare(int node);
    double allocateSurplus(int node, double surplus);
    double recoverRemainders(int node);
    double roundRobin(int node, double surplus);
    std::vector<int> participants(int node) const; // children, then the node itself (last)
    double idleSurplus(int node); // fills m_idleSurplus for the subtree

    const GroupTree& m_tree;
    bool m_oversubscription;
    std::vector<GroupQuotaState> m_state;
    double m_assignedPoolSize = -1; ///< the pool size m_assignedQuotas were assigned for
    std::vector<double> m_idleSurplus; ///< per group: what fairshare() returns for it when its subtree has no demand
    std::vector<char> m_busy; ///< per group: some group in its subtree has demand (this fairshare()); empty = all
    std::vector<int> m_busyList; ///< the groups m_busy marks
    std::vector<std::pair<double, double>> m_assignedQuotas; ///< per group: quota and subtree quota
    bool m_quotasReused = false; ///< the last assignQuotas() reused m_assignedQuotas
    std::vector<int> m_byQuota; ///< groupsByQuota() for m_assignedQuotas; empty = not made yet
    std::vector<char> m_touched; ///< per group: written since the last assignQuotas()
    std::vector<int> m_touchedList;
    struct Participant // allocateSurplus's view of a child (or the node itself, last)
    {
        int group;
        double weight;
        double outstanding;
        double allocated;
    };
    std::vector<Participant> m_frame; // allocateSurplus's participants, one frame per call on the stack
    std::vector<double> m_weights, m_allocated, m_outstanding; // the water-filling's columns (no recursion within)
};

/// One group's outcome of a single allocation, as `poolplanner-cli allocate` prints it.
struct GroupAllocation
{
    std::string name;
    double quota = 0;
    double subtreeQuota = 0;
    double demand = 0;
    double allocated = 0;
};

/// Quotas and one allocation round for a demand per group (direct submitters), e.g. the worked example of
/// docs/HTCONDOR.md §2.10. Result rows follow the tree's breadth-first order, the root first.
std::vector<GroupAllocation> allocateOnce(const GroupTree& tree, double poolSize, const std::vector<double>& demand,
    bool allowOversubscription, bool useSlotWeights = true);

} // namespace pp
