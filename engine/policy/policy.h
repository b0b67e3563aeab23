// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pp {

/// One accounting group as GROUP_NAMES and the GROUP_* knobs configure it (docs/HTCONDOR.md §2.1).
struct GroupConfig
{
    std::string name; ///< full dotted name, as configured ("atlas.prod")
    bool staticQuota = false; ///< GROUP_QUOTA_<g> set (absolute cores); otherwise dynamic (a fraction)
    double configQuota = 0; ///< cores when static, fraction 0..1 of the parent's subtree when dynamic
    bool acceptSurplus = false; ///< GROUP_ACCEPT_SURPLUS[_<g>]
    bool autoregroup = false; ///< GROUP_AUTOREGROUP[_<g>]
    double prioFactor = 0; ///< GROUP_PRIO_FACTOR_<g>; 0 = unset
};

/// The typed view of a configuration: every knob keeps its HTCondor name (in the comment) and its real
/// default (from param_info.in, docs/HTCONDOR.md), so a config that sets nothing behaves like a stock pool.
struct Policy
{
    std::vector<GroupConfig> groups; ///< in GROUP_NAMES order; validated

    // Negotiator (§1, §2.1, §3)
    double negotiatorInterval = 60; ///< NEGOTIATOR_INTERVAL, seconds
    double priorityHalflife = 86400; ///< PRIORITY_HALFLIFE, seconds
    double defaultPrioFactor = 1000; ///< DEFAULT_PRIO_FACTOR
    double niceUserPrioFactor = 1e10; ///< NICE_USER_PRIO_FACTOR
    bool allowQuotaOversubscription = true; ///< NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION (param table default)
    bool strictEnforceQuota = true; ///< NEGOTIATOR_STRICT_ENFORCE_QUOTA
    int maxAllocationRounds = 3; ///< GROUP_QUOTA_MAX_ALLOCATION_ROUNDS (old name HFS_MAX_ALLOCATION_ROUNDS)
    double roundRobinRate = 1e100; ///< GROUP_QUOTA_ROUND_ROBIN_RATE (old name HFS_ROUND_ROBIN_RATE)
    bool useSlotWeights = true; ///< NEGOTIATOR_USE_SLOT_WEIGHTS
    bool useWeightedDemand = true; ///< NEGOTIATOR_USE_WEIGHTED_DEMAND
    bool considerPreemption = true; ///< NEGOTIATOR_CONSIDER_PREEMPTION
    bool ignoreUserPriorities = false; ///< NEGOTIATOR_IGNORE_USER_PRIORITIES
    std::string groupSortExpr; ///< GROUP_SORT_EXPR as written; empty = the default starvation order

    // Preemption (§4)
    std::string preemptionRequirements = "False"; ///< PREEMPTION_REQUIREMENTS (MY = slot, TARGET = idle job)
    std::string preemptionRank = defaultPreemptionRank; ///< PREEMPTION_RANK: the highest is the victim
    bool considerEarlyPreemption = false; ///< NEGOTIATOR_CONSIDER_EARLY_PREEMPTION
    std::string startdRank; ///< RANK (startd), one for every machine; empty or a constant = no preference
    bool allowPslotPreemption = false; ///< ALLOW_PSLOT_PREEMPTION: several dynamic slots preempted for one job
    double maxJobRetirementTime = 0; ///< MAXJOBRETIREMENTTIME (startd), seconds a running job is shielded
    /// MAXJOBRETIREMENTTIME when it depends on the job or the machine (`ifThenElse(... TARGET.User ...)`),
    /// evaluated when each job starts; empty = the constant above.
    std::string maxJobRetirementExpr;
    std::string startExpr; ///< START (startd): which jobs a machine accepts (MY = machine, TARGET = job); empty = True
    /// MachineMaxVacateTime (default $(MaxVacateTime), 600 s): how long the startd waits after a soft kill. A drain
    /// or retirement soft-kills a job this long before its time is up; jobs exit on the soft kill (§10.13).
    double machineMaxVacateTime = 600;

    // condor_defrag (§5.2)
    double defragInterval = 600; ///< DEFRAG_INTERVAL, seconds; <= 0 disables defrag
    double defragDrainingMachinesPerHour = 0; ///< DEFRAG_DRAINING_MACHINES_PER_HOUR; 0 = off
    long defragMaxConcurrentDraining = -1; ///< DEFRAG_MAX_CONCURRENT_DRAINING; -1 = no limit
    long defragMaxWholeMachines = -1; ///< DEFRAG_MAX_WHOLE_MACHINES; -1 = no limit
    std::string defragWholeMachineExpr = "Cpus == TotalSlotCpus"; ///< DEFRAG_WHOLE_MACHINE_EXPR
    std::string defragRequirements; ///< DEFRAG_REQUIREMENTS; empty = every p-slot
    std::string defragCancelRequirements; ///< DEFRAG_CANCEL_REQUIREMENTS; empty = DEFRAG_WHOLE_MACHINE_EXPR
    std::string defragRank = "-ExpectedMachineGracefulDrainingBadput"; ///< DEFRAG_RANK: highest drains first
    std::string defragSchedule = "graceful"; ///< DEFRAG_DRAINING_SCHEDULE: graceful, quick or fast

    // Runtime limits (§4.6)
    std::string systemPeriodicRemove; ///< SYSTEM_PERIODIC_REMOVE (schedd, on running jobs); empty = none
    std::string systemPeriodicHold; ///< SYSTEM_PERIODIC_HOLD
    double periodicExprInterval = 60; ///< PERIODIC_EXPR_INTERVAL, seconds between schedd evaluations
    enum class RuntimeLimitAction { None, Evict, Hold };
    /// `use POLICY : LIMIT_JOB_RUNTIMES(s)` or `PREEMPT_IF_RUNTIME_EXCEEDS(s)` evict and requeue;
    /// `HOLD_IF_RUNTIME_EXCEEDS(s)` holds. The argument defaults to 24 hours.
    RuntimeLimitAction runtimeLimitAction = RuntimeLimitAction::None;
    double runtimeLimitSeconds = 86400;
    /// LIMIT_JOB_RUNTIMES also sets MaxJobRetirementTime = limit + 120, so the job retires when the limit PREEMPTs
    /// it (soft kill at start + retirement - MachineMaxVacateTime, the limit at the earliest); PREEMPT_IF's template
    /// sets the retirement to -1 once it fires, so that job goes at the limit (HTCondor's param_info.in).
    bool runtimeLimitRetires = false;

    // Notebooks (BatchSpawner, §8). JupyterHub settings, not HTCondor knobs; their config names are PoolPlanner's.
    double notebookStartTimeout = 300; ///< NOTEBOOK_START_TIMEOUT: BatchSpawner's start_timeout
    double notebookStartupSeconds = 10; ///< NOTEBOOK_STARTUP_TIME: from JobCurrentStartDate to a usable notebook

    static constexpr const char* defaultPreemptionRank
        = "(RemoteUserPrio * 1000000) - ifThenElse(isUndefined(TotalJobRunTime), 0, TotalJobRunTime)";

    // Startd and schedd: how partitionable slots are handed out (§2.9, §10.1–3)
    bool consumptionPolicy = false; ///< CONSUMPTION_POLICY: negotiator splits p-slots, charges the job's cores
    bool claimPartitionableLeftovers = true; ///< CLAIM_PARTITIONABLE_LEFTOVERS (default = NEGOTIATOR_USE_SLOT_WEIGHTS)
    double claimWorklife = 1200; ///< CLAIM_WORKLIFE, seconds; -1 = forever, 0 = never reuse a claim

    // Flocking (docs/FLOCKING.md §1): used when the scenario is several pools. The schedd of this pool offers
    // its submitters' idle jobs to these pools in order, one more each time a negotiation leaves them unsatisfied.
    std::vector<std::string> flockTo; ///< FLOCK_TO (= FLOCK_COLLECTOR_HOSTS): pool names, in order of preference
    int flockIncrement = 1; ///< FLOCK_INCREMENT
    int minFlockLevel = 0; ///< MIN_FLOCK_LEVEL
    double scheddInterval = 300; ///< SCHEDD_INTERVAL: the flock timer raises a level after 2 × this w/o negotiation
    /// SCHEDD_MIN_INTERVAL: the schedd publishes its submitter ads at most this often, and after a submission no
    /// sooner; the negotiator sees new jobs only from the next publication (B2's SchedLog, §10).
    double scheddMinInterval = 5;

    // PoolPlanner's own knobs for what real pools advertise in STARTD_ATTRS (issue: contributions and pledges).
    /// POOLPLANNER_OWNER_ATTRIBUTE: the slot attribute naming the experiment that contributed the machine.
    std::string machineOwnerAttribute = "Experiment";
    /// POOLPLANNER_HS06_ATTRIBUTE: the slot attribute holding the machine's HS06 benchmark per core, by which WLCG
    /// sites turn HS06 pledges into cores.
    std::string hs06PerCoreAttribute = "HS06PerCore";

    // PoolPlanner switches for HTCondor's surprises; the defaults reproduce HTCondor.
    bool truncateGroupLimits = true; ///< the group limit is passed to the pie as an int (§2.7, §10.6)
    bool autoregroupDefault = false; ///< GROUP_AUTOREGROUP itself: HTCondor only regroups when this global knob is true

    /// Returns the group's configuration, case-insensitively; nullptr when not configured.
    const GroupConfig* group(const std::string& name) const;
};

} // namespace pp
