// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "policy/grouptree.h"
#include "sim/simulator.h"
#include "util/expected.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace pp {

/// Why a scenario's pools cannot run side by side (a FLOCK_TO naming no pool, a machine in two pools, …);
/// nullopt when they can.
std::optional<std::string> federationProblem(const Scenario& scenario);

/// Several pools side by side whose schedds flock to each other (docs/FLOCKING.md), run in lockstep. Each pool is
/// a Simulator of its own: machines, negotiator, accountant, groups and startd policy. Every job stays in its
/// home schedd's queue; while its submitter's flock level reaches a pool, that pool's negotiator sees the
/// submitter's idle jobs too, and a job matched anywhere leaves every other queue. The flock level follows the
/// schedd's rules (§2.3–2.5): up by FLOCK_INCREMENT after an unsatisfied negotiation with the highest pool in use
/// or after 2 × SCHEDD_INTERVAL without one, down to a lower pool that satisfied the submitter.
/// The result is laid out by the scenario's own groups, with every pool's figures added up.
class FederationSimulator final : private FlockingHooks
{
public:
    /// The scenario must pass federationProblem().
    explicit FederationSimulator(const Scenario& scenario, SimulationOptions options = {});
    ~FederationSimulator() override;

    Result run();
    void requestStop() { m_stop.store(true); }
    std::function<void(double)> onProgress;

private:
    void jobArrived(std::uint32_t pool, std::uint32_t job, std::int64_t now) override;
    void jobStarted(std::uint32_t pool, std::uint32_t job, std::int64_t now) override;
    void jobRequeued(std::uint32_t pool, std::uint32_t job, std::int64_t now) override;
    void jobLeft(std::uint32_t pool, std::uint32_t job) override;
    bool pullIdle(std::uint32_t pool, std::uint32_t submitter, int cores, long memoryMb) override;
    void negotiationFinished(std::uint32_t pool, std::uint32_t submitter, bool satisfied, std::int64_t now) override;

    /// The pool a submitter's flock level `level` reaches (0 = home).
    std::uint32_t poolAt(std::uint32_t submitter, int level) const;
    int maxLevel(std::uint32_t submitter) const;
    void setLevel(std::uint32_t submitter, int level);
    /// The schedd's periodic count_jobs: the flock timer of §2.3.
    void countJobs(std::uint32_t pool, std::int64_t now);
    bool allDone() const;
    /// Merges the pools' results (taken from them: call once, at the end).
    Result combine(std::int64_t now);

    struct FlockState
    {
        int level = 0; ///< FlockLevel
        std::int64_t stamp = 0; ///< NegotiationTimestamp
    };

    const Scenario& m_scenario;
    GroupTree m_reportTree;
    std::vector<Scenario> m_poolScenarios;
    std::vector<FederationMember> m_members;
    std::vector<std::unique_ptr<Simulator>> m_pools;
    std::vector<std::vector<std::uint32_t>> m_flockTo; // per pool: FLOCK_TO resolved to pool indices
    std::vector<FlockState> m_flock; // per submitter
    std::int64_t m_start = 0;
    std::int64_t m_lastSubmit = 0; ///< workload second of the last job's submission
    std::vector<std::int64_t> m_nextCountJobs; // per pool: its schedd's next count_jobs
    std::vector<std::string> m_notes;
    std::atomic<bool> m_stop {false};
};

} // namespace pp
