// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "policy/policy.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace pp {

/// The HGQ tree (docs/HTCONDOR.md §2.2): the root `<none>` at index 0, then every group in breadth-first
/// order, children in case-insensitive name order. Indices are stable, so per-group arrays can be vectors.
class GroupTree
{
public:
    static constexpr int root = 0;

    struct Node
    {
        std::string name; ///< full name; "<none>" for the root
        int parent = -1;
        std::vector<int> children;
        int depth = 0;
        GroupConfig config; ///< the root: accepts surplus, autoregroup if any group has it
    };

    GroupTree()
        : GroupTree(Policy {})
    {
    }
    explicit GroupTree(const Policy& policy);

    int size() const { return static_cast<int>(m_nodes.size()); }
    const Node& node(int index) const { return m_nodes[static_cast<std::size_t>(index)]; }
    const std::vector<Node>& nodes() const { return m_nodes; }
    /// node(index).parent from a compact array: walks up the tree for every busy group of every cycle.
    int parent(int index) const { return m_parents[static_cast<std::size_t>(index)]; }
    /// Index of a group by its full name (case-insensitive), or -1.
    int find(const std::string& name) const;
    /// The group a submitter is charged to (§2.2): everything before the last '.' of the name without its
    /// "@domain" is the group path; the deepest configured ancestor wins; no group means the root.
    int groupOfSubmitter(const std::string& submitter) const;
    bool anyAutoregroup() const { return m_nodes.front().config.autoregroup; }
    bool anyAcceptSurplus() const { return m_anyAcceptSurplus; }
    /// Some group (not the root) refuses surplus: under strict enforcement its subtree's usage caps its descendants.
    bool anyRefusesSurplus() const { return m_anyRefusesSurplus; }

private:
    std::vector<Node> m_nodes;
    std::vector<int> m_parents;
    bool m_anyRefusesSurplus = false;
    std::unordered_map<std::string, int> m_index; // lower-case name -> index
    bool m_anyAcceptSurplus = false;
};

} // namespace pp
