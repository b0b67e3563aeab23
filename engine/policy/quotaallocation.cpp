// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "policy/quotaallocation.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numeric>
#include <span>

namespace pp {

QuotaAllocation::QuotaAllocation(const GroupTree& tree, bool allowOversubscription)
    : m_tree(tree)
    , m_oversubscription(allowOversubscription)
    , m_state(static_cast<std::size_t>(tree.size()))
    , m_touched(static_cast<std::size_t>(tree.size()), 0)
{
}

void QuotaAllocation::forgetTouched()
{
    for (int g : m_touchedList)
        m_touched[static_cast<std::size_t>(g)] = 0;
    m_touchedList.clear();
}

void QuotaAllocation::assignQuotas(double poolSize)
{
    m_quotasReused = poolSize == m_assignedPoolSize && m_assignedQuotas.size() == m_state.size();
    if (m_quotasReused) { // quotas depend on the pool size alone: a cycle of a pool that did not change reuses them
        for (int g : m_touchedList) { // the others are as the last call left them
            GroupQuotaState& s = m_state[static_cast<std::size_t>(g)];
            const double rrTime = s.rrTime;
            s = GroupQuotaState {};
            s.rrTime = rrTime;
            s.quota = m_assignedQuotas[static_cast<std::size_t>(g)].first;
            s.subtreeQuota = m_assignedQuotas[static_cast<std::size_t>(g)].second;
        }
        forgetTouched();
        return;
    }
    for (GroupQuotaState& s : m_state) {
        const double rrTime = s.rrTime;
        s = GroupQuotaState {};
        s.rrTime = rrTime;
    }
    assign(GroupTree::root, poolSize);
    m_assignedPoolSize = poolSize;
    m_assignedQuotas.resize(m_state.size());
    for (std::size_t g = 0; g < m_state.size(); ++g)
        m_assignedQuotas[g] = {m_state[g].quota, m_state[g].subtreeQuota};
    m_byQuota.clear();
    m_idleSurplus.assign(m_state.size(), 0.0);
    idleSurplus(GroupTree::root);
    forgetTouched();
}

void QuotaAllocation::resetAllocations()
{
    for (int g : m_touchedList) { // the others hold none
        GroupQuotaState& s = m_state[static_cast<std::size_t>(g)];
        s.allocated = 0;
        s.subtreeRequested = 0;
        s.rr = false;
    }
}

const std::vector<int>& QuotaAllocation::groupsByQuota()
{
    static const std::vector<int> none;
    if (!m_quotasReused)
        return none;
    if (m_byQuota.empty() && m_state.size() > 1) {
        m_byQuota.resize(m_state.size() - 1);
        std::iota(m_byQuota.begin(), m_byQuota.end(), 1);
        std::sort(m_byQuota.begin(), m_byQuota.end(), [this](int a, int b) {
            const double qa = m_assignedQuotas[static_cast<std::size_t>(a)].first;
            const double qb = m_assignedQuotas[static_cast<std::size_t>(b)].first;
            return qa != qb ? qa > qb : a < b;
        });
    }
    return m_byQuota;
}

double QuotaAllocation::idleSurplus(int node)
{
    // fairshare(node) of a subtree without demand, in its order of additions: every quota is surplus.
    double surplus = group(node).quota;
    for (int c : m_tree.node(node).children)
        surplus += idleSurplus(c);
    m_idleSurplus[static_cast<std::size_t>(node)] = surplus;
    return surplus;
}

void QuotaAllocation::assign(int node, double quota)
{
    if (quota <= 0)
        return; // the subtree keeps quotas of zero
    GroupQuotaState& self = at(node);
    self.subtreeQuota = quota;
    const auto& children = m_tree.node(node).children;

    double staticSum = 0;
    double dynamicSum = 0;
    for (int c : children) {
        const GroupConfig& cfg = m_tree.node(c).config;
        (cfg.staticQuota ? staticSum : dynamicSum) += cfg.configQuota;
    }
    // Static children come first; with oversubscription they keep their configured values whatever is left.
    const double staticAssignable = m_oversubscription ? staticSum : std::min(staticSum, quota);
    const double dynamicAssignable = std::max(0.0, quota - staticAssignable);
    const double staticNorm = staticSum > 0 ? staticSum : 1;
    const double dynamicNorm = std::max(dynamicSum, 1.0); // fractions are rescaled only when they sum over 1

    double childrenTotal = 0;
    for (int c : children) {
        const GroupConfig& cfg = m_tree.node(c).config;
        double q = cfg.staticQuota ? cfg.configQuota * (staticAssignable / staticNorm)
                                   : cfg.configQuota * (dynamicAssignable / dynamicNorm);
        q = std::max(q, 0.0);
        assign(c, q);
        childrenTotal += q;
    }
    self.quota = m_oversubscription ? quota : quota - childrenTotal;
    if (node == GroupTree::root)
        self.quota = quota - childrenTotal; // the root's own quota is always the unclaimed rest of the pool
    self.quota = std::max(self.quota, 0.0);
}

std::vector<int> QuotaAllocation::participants(int node) const
{
    // A child without demand below could take nothing, and leaving it out changes no sum nor any order of the rest.
    std::vector<int> out;
    for (int c : m_tree.node(node).children)
        if (busy(c))
            out.push_back(c);
    out.push_back(node);
    return out;
}

double QuotaAllocation::fairshare()
{
    // A subtree where no group asks for anything only hands its quotas up as surplus: that sum is known, so a tree
    // of thousands of groups with a few busy ones is walked only where there is demand.
    if (m_idleSurplus.size() != m_state.size()) {
        m_busy.clear(); // quotas not assigned yet: walk everything
        return fairshare(GroupTree::root);
    }
    if (m_busy.size() != m_state.size())
        m_busy.assign(m_state.size(), 0);
    for (int g : m_busyList)
        m_busy[static_cast<std::size_t>(g)] = 0;
    m_busyList.clear();
    for (int g : m_touchedList) // a group with demand was written since the quotas were assigned
        if (m_state[static_cast<std::size_t>(g)].requested != 0)
            for (int node = g; node >= 0 && !m_busy[static_cast<std::size_t>(node)]; node = m_tree.parent(node)) {
                m_busy[static_cast<std::size_t>(node)] = 1;
                m_busyList.push_back(node);
            }
    if (!m_busy[GroupTree::root])
        return m_idleSurplus[GroupTree::root];
    return fairshare(GroupTree::root);
}

double QuotaAllocation::fairshare(int node)
{
    GroupQuotaState& self = at(node);
    self.allocated = std::min(self.requested, self.quota);
    self.requested -= self.allocated;
    self.subtreeRequested = self.requested;
    double surplus = self.quota - self.allocated;
    const auto& children = m_tree.node(node).children;
    if (children.empty())
        return surplus;
    // Every child's surplus is added in the children's order, so the sum rounds as HTCondor's does; a busy node of a
    // big tree has mostly children without demand below, whose surplus is known: their runs are a tight loop.
    const char* busyFlag = m_busy.empty() ? nullptr : m_busy.data();
    const double* idle = m_idleSurplus.data();
    for (auto c = children.begin(); c != children.end();) {
        if (busyFlag) // allocations stay 0 there (reset before a round)
            while (c != children.end() && !busyFlag[*c])
                surplus += idle[*c++];
        if (c == children.end())
            break;
        const int child = *c++;
        surplus += fairshare(child);
        // A child that refuses surplus hides its unmet demand from everyone above it.
        if (m_tree.node(child).config.acceptSurplus)
            self.subtreeRequested += group(child).subtreeRequested;
    }
    return allocateSurplus(node, surplus);
}

namespace {
// Water-filling of `surplus` over the participants: by quota weight first, then by equal weight.
void allocateSurplusLoop(bool byQuota, std::span<const double> weights, std::span<double> allocated,
    std::span<double> outstanding, double& surplus, double& requested)
{
    while (surplus > 0) {
        double norm = 0;
        for (std::size_t j = 0; j < weights.size(); ++j)
            if (outstanding[j] > 0)
                norm += byQuota ? weights[j] : 1.0;
        if (norm <= 0)
            break;
        bool nobodyCapped = true;
        double handedOut = 0;
        for (std::size_t j = 0; j < weights.size(); ++j) {
            if (outstanding[j] <= 0)
                continue;
            double a = surplus * ((byQuota ? weights[j] : 1.0) / norm);
            if (a > outstanding[j]) {
                a = outstanding[j];
                nobodyCapped = false;
            }
            allocated[j] += a;
            outstanding[j] -= a;
            handedOut += a;
        }
        surplus -= handedOut;
        requested -= handedOut;
        if (nobodyCapped || surplus < 0)
            surplus = 0; // everything was handed out; drop rounding jitter
    }
}
} // namespace

double QuotaAllocation::allocateSurplus(int node, double surplus)
{
    if (surplus <= 0)
        return 0;
    GroupQuotaState& self = at(node);
    if (self.subtreeRequested <= 0)
        return surplus;

    // The participants' working values sit on a stack shared with the recursive calls below (every busy node of
    // every round would otherwise allocate four vectors): indices into it stay valid when it grows, references not.
    const std::size_t base = m_frame.size();
    for (int c : m_tree.node(node).children)
        if (busy(c)) // a child without demand below could take nothing
            m_frame.push_back({c, 0, 0, 0});
    m_frame.push_back({node, 0, 0, 0});
    const std::size_t n = m_frame.size() - base;
    for (std::size_t j = 0; j < n; ++j) {
        Participant& p = m_frame[base + j];
        const bool isSelf = j + 1 == n;
        const bool accepts = isSelf || m_tree.node(p.group).config.acceptSurplus;
        p.weight = isSelf ? group(p.group).quota : group(p.group).subtreeQuota;
        const double wants = isSelf ? group(p.group).requested : group(p.group).subtreeRequested;
        p.outstanding = (accepts && wants > 0) ? wants : 0;
    }
    double requested = self.subtreeRequested;

    if (surplus >= requested) {
        for (std::size_t j = 0; j < n; ++j) // enough for everybody
            m_frame[base + j].allocated = m_frame[base + j].outstanding;
        surplus -= requested;
        requested = 0;
    } else {
        m_weights.resize(n);
        m_allocated.assign(n, 0.0);
        m_outstanding.resize(n);
        for (std::size_t j = 0; j < n; ++j) {
            m_weights[j] = m_frame[base + j].weight;
            m_outstanding[j] = m_frame[base + j].outstanding;
        }
        allocateSurplusLoop(true, m_weights, m_allocated, m_outstanding, surplus, requested);
        allocateSurplusLoop(false, m_weights, m_allocated, m_outstanding, surplus, requested);
        for (std::size_t j = 0; j < n; ++j)
            m_frame[base + j].allocated = m_allocated[j];
    }

    for (std::size_t j = 0; j + 1 < n; ++j)
        if (const double share = m_frame[base + j].allocated; share > 0)
            allocateSurplus(m_frame[base + j].group, share); // pushes the child's share down its own subtree

    const double own = m_frame[base + n - 1].allocated;
    m_frame.resize(base);
    self.allocated += own;
    self.requested -= own;
    self.subtreeRequested = requested;
    return surplus;
}

double QuotaAllocation::recoverRemainders()
{
    return recoverRemainders(GroupTree::root);
}

double QuotaAllocation::recoverRemainders(int node)
{
    GroupQuotaState& self = at(node);
    double surplus = self.allocated - std::floor(self.allocated);
    self.allocated -= surplus;
    self.requested += surplus;
    self.allocated = std::floor(0.5 + self.allocated);
    self.requested = std::floor(0.5 + self.requested);
    self.subtreeRequested = self.requested;
    self.subtreeRrTime = self.requested > 0 ? self.rrTime : DBL_MAX;
    const auto& children = m_tree.node(node).children;
    if (children.empty())
        return surplus;
    for (int c : children) {
        if (!busy(c))
            continue; // no demand below, so nothing allocated there: nothing to floor, nothing to hand out
        surplus += recoverRemainders(c);
        if (m_tree.node(c).config.acceptSurplus) {
            self.subtreeRequested += group(c).subtreeRequested;
            if (group(c).subtreeRequested > 0)
                self.subtreeRrTime = std::min(self.subtreeRrTime, group(c).subtreeRrTime);
        }
    }
    return roundRobin(node, surplus);
}

double QuotaAllocation::roundRobin(int node, double surplus)
{
    GroupQuotaState& self = at(node);
    self.subtreeRequested = std::floor(self.subtreeRequested);
    if (self.subtreeRequested <= 0 || surplus < 1)
        return surplus;

    const std::vector<int> members = participants(node);
    const std::size_t n = members.size();
    std::vector<double> allocated(n, 0);
    std::vector<double> outstandingReq(n, 0);
    std::vector<double> rrTime(n, 0);
    std::vector<double> quotaWeight(n, 0);
    double outstanding = 0;
    for (std::size_t j = 0; j < n; ++j) {
        const int m = members[j];
        const bool isSelf = j + 1 == n;
        const bool accepts = isSelf || m_tree.node(m).config.acceptSurplus;
        const double wants = isSelf ? group(m).requested : group(m).subtreeRequested;
        rrTime[j] = isSelf ? group(m).rrTime : group(m).subtreeRrTime;
        quotaWeight[j] = isSelf ? group(m).quota : group(m).subtreeQuota;
        if (accepts && wants > 0) {
            outstandingReq[j] = wants;
            outstanding += 1;
        }
    }
    double requested = self.subtreeRequested;
    // Least recently served first, then larger quota, then larger request.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (rrTime[a] != rrTime[b])
            return rrTime[a] < rrTime[b];
        if (quotaWeight[a] != quotaWeight[b])
            return quotaWeight[a] > quotaWeight[b];
        return outstandingReq[a] > outstandingReq[b];
    });
    while (surplus >= 1 && requested > 0) {
        const double amax = std::max(1.0, std::floor(surplus / std::max(outstanding, 1.0)));
        outstanding = 0;
        double handedOut = 0;
        for (std::size_t j : order) {
            if (outstandingReq[j] <= 0)
                continue;
            const double a = std::min(outstandingReq[j], amax);
            allocated[j] += a;
            outstandingReq[j] -= a;
            handedOut += a;
            surplus -= a;
            requested -= a;
            at(members[j]).rr = true;
            if (outstandingReq[j] > 0)
                outstanding += 1;
            if (surplus < amax)
                break;
        }
        if (handedOut < 1)
            break;
    }
    for (std::size_t j = 0; j + 1 < n; ++j)
        if (allocated[j] > 0)
            roundRobin(members[j], allocated[j]);
    self.allocated += allocated.back();
    self.requested -= allocated.back();
    self.subtreeRequested = requested;
    return surplus;
}

std::vector<GroupAllocation> allocateOnce(const GroupTree& tree, double poolSize, const std::vector<double>& demand,
    bool allowOversubscription, bool useSlotWeights)
{
    QuotaAllocation allocation(tree, allowOversubscription);
    allocation.assignQuotas(poolSize);
    for (int g = 0; g < tree.size(); ++g)
        allocation.setRequested(g, g < static_cast<int>(demand.size()) ? demand[static_cast<std::size_t>(g)] : 0.0);
    allocation.fairshare();
    if (!useSlotWeights)
        allocation.recoverRemainders();
    std::vector<GroupAllocation> rows;
    rows.reserve(static_cast<std::size_t>(tree.size()));
    for (int g = 0; g < tree.size(); ++g) {
        const auto& s = allocation.group(g);
        rows.push_back({tree.node(g).name, s.quota, s.subtreeQuota,
            g < static_cast<int>(demand.size()) ? demand[static_cast<std::size_t>(g)] : 0.0, s.allocated});
    }
    return rows;
}

} // namespace pp
