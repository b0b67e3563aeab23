// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <vector>

namespace pp {

/// Who used whose quota, from the per-group samples of a run. At each sample a group's own quota is its
/// subtree quota less its children's (so a parent's oversubscribed node quota is not counted twice); what a
/// group uses above it is borrowed, what it leaves is spare. Borrowers are served the way the negotiator
/// hands out surplus (§2.6): from their siblings first, in proportion to the siblings' spare, then from their
/// parent, then from the parent's siblings, and so on up to the root. Flows are summed over the run, each
/// sample standing for `sampleInterval` seconds. Groups are the tree of `groups` (parent indices).
std::vector<SurplusFlow> computeSurplusFlows(const std::vector<GroupSummary>& groups,
    const std::vector<std::vector<GroupSample>>& series, double sampleInterval);

} // namespace pp
