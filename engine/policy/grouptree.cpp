// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "policy/grouptree.h"

#include "util/text.h"

#include <algorithm>
#include <deque>

namespace pp {

GroupTree::GroupTree(const Policy& policy)
{
    // Build with temporary parent links first, then renumber breadth-first as HTCondor iterates.
    struct Temp
    {
        GroupConfig config;
        int parent;
        std::vector<int> children;
    };
    std::vector<Temp> temp;
    GroupConfig rootConfig;
    rootConfig.name = "<none>";
    rootConfig.acceptSurplus = true;
    temp.push_back({rootConfig, -1, {}});
    std::unordered_map<std::string, int> byName;
    byName["<none>"] = 0;

    std::vector<GroupConfig> sorted = policy.groups;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const GroupConfig& a, const GroupConfig& b) { return text::toLower(a.name) < text::toLower(b.name); });
    for (const auto& g : sorted) {
        const std::string lower = text::toLower(g.name);
        if (byName.contains(lower))
            continue;
        const std::size_t dot = lower.rfind('.');
        int parent = 0;
        if (dot != std::string::npos) {
            const auto it = byName.find(lower.substr(0, dot));
            if (it == byName.end())
                continue; // orphan: HTCondor ignores it (policyFromConfig refuses it earlier)
            parent = it->second;
        }
        const int index = static_cast<int>(temp.size());
        temp.push_back({g, parent, {}});
        temp[static_cast<std::size_t>(parent)].children.push_back(index);
        byName[lower] = index;
        if (g.autoregroup)
            temp[0].config.autoregroup = true;
        if (g.acceptSurplus)
            m_anyAcceptSurplus = true;
    }

    std::vector<int> newIndex(temp.size(), -1);
    std::deque<int> queue {0};
    std::vector<int> order;
    while (!queue.empty()) {
        const int t = queue.front();
        queue.pop_front();
        newIndex[static_cast<std::size_t>(t)] = static_cast<int>(order.size());
        order.push_back(t);
        for (int c : temp[static_cast<std::size_t>(t)].children)
            queue.push_back(c);
    }
    m_nodes.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Temp& t = temp[static_cast<std::size_t>(order[i])];
        Node& n = m_nodes[i];
        n.config = t.config;
        n.name = t.config.name;
        n.parent = t.parent < 0 ? -1 : newIndex[static_cast<std::size_t>(t.parent)];
        n.depth = n.parent < 0 ? 0 : m_nodes[static_cast<std::size_t>(n.parent)].depth + 1;
        for (int c : t.children)
            n.children.push_back(newIndex[static_cast<std::size_t>(c)]);
        m_index[text::toLower(n.name)] = static_cast<int>(i);
        m_parents.push_back(n.parent);
        if (i > 0 && !n.config.acceptSurplus)
            m_anyRefusesSurplus = true;
    }
}

int GroupTree::find(const std::string& name) const
{
    const auto it = m_index.find(text::toLower(name));
    return it == m_index.end() ? -1 : it->second;
}

int GroupTree::groupOfSubmitter(const std::string& submitter) const
{
    std::string name = text::toLower(submitter);
    if (const std::size_t at = name.rfind('@'); at != std::string::npos)
        name.resize(at);
    const std::size_t lastDot = name.rfind('.');
    if (lastDot == std::string::npos)
        return root;
    const std::string path = name.substr(0, lastDot);
    // Walk down the path; stop at the first component that is not configured.
    int current = root;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t dot = path.find('.', start);
        const std::string prefix = path.substr(0, dot == std::string::npos ? path.size() : dot);
        const auto it = m_index.find(prefix);
        if (it == m_index.end() || m_nodes[static_cast<std::size_t>(it->second)].parent != current)
            break;
        current = it->second;
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    return current;
}

} // namespace pp
