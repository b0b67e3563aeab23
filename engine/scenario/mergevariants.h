// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/scenario.h"
#include "util/expected.h"

#include <string>
#include <vector>

namespace pp {

/// The merge question (DESIGN.md): each experiment's own pool, shared by flocking, or one pool where the
/// experiments are top-level groups with quotas by contribution. Both variants are derived from one scenario whose
/// top-level groups are the experiments and whose machines say who contributed them.

/// The experiments of a scenario: its top-level groups, in GROUP_NAMES order.
std::vector<std::string> experimentsOf(const Policy& policy);

/// Gives every machine without an owner to an experiment, in proportion to the experiments' configured quotas
/// (static cores, or dynamic shares of the pool): each machine in turn goes to the experiment furthest below its
/// share. Machines that already have an owner keep it.
void assignMachineOwners(Pool& pool, const Policy& policy);

/// Cores each experiment contributed (machines it owns), in experimentsOf() order.
std::vector<long> contributedCores(const Pool& pool, const std::vector<std::string>& experiments);

/// Separate pools with flocking: one pool per experiment with the machines it owns and its own groups (the
/// experiment with all of its pool, its queues as before), whose schedd flocks to the other pools, largest first
/// (or in the order the scenario's FLOCK_TO names them; experiments it leaves out are not flocked to).
/// Each pool admits foreign jobs (START), prefers its owner's jobs (RANK = 10 for them, so they preempt flocked
/// ones; a RANK the scenario sets is kept instead) and gives foreign jobs no retirement (owners keep the
/// scenario's MAXJOBRETIREMENTTIME). The scenario's other knobs (FLOCK_INCREMENT, START, …) apply to every pool.
/// Submitters outside every experiment use the largest pool.
Expected<Scenario> separatePoolsVariant(const Scenario& base);

/// One merged pool: every experiment a top-level group with a static quota equal to the cores it contributed,
/// accepting surplus, its queues as sub-groups; preemption brings a group over its quota back down to it (the
/// quota clause of docs/HTCONDOR.md §4.5) unless the base already has a PREEMPTION_REQUIREMENTS.
Expected<Scenario> mergedPoolVariant(const Scenario& base);

/// The startd RANK the separate variant gives the pool of `experiment`: its own jobs rank 10, flocked ones 0.
std::string ownerRankExpression(const std::string& experiment);

} // namespace pp
