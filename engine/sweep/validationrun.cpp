// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweep/validationrun.h"

#include "policy/grouptree.h"
#include "sweep/ensemblerun.h"

namespace pp {

std::int64_t validationSampleInterval(std::int64_t periodSeconds)
{
    for (std::int64_t interval : {20, 60, 300, 900, 3600, 21600})
        if (periodSeconds / interval <= 400)
            return interval;
    return 86400;
}

Validation runValidation(const PoolHistory& history, Scenario scenario, const ValidationRunOptions& options)
{
    scenario.workload = history.workload;
    scenario.startTime = 0; // the period's start, not the first submission
    scenario.horizonSeconds = static_cast<double>(history.to - history.from);
    EnsembleRunOptions ensemble;
    ensemble.runs = std::max(1, options.runs);
    ensemble.threads = options.threads;
    ensemble.stop = options.stop;
    ensemble.simulation.sampleInterval
        = options.sampleInterval > 0 ? options.sampleInterval : validationSampleInterval(history.to - history.from);
    const EnsembleRuns runs = runEnsemble(scenario, ensemble);
    // Each of the history's submitters is charged to a group of the pool's own tree, as its results name them.
    const GroupTree tree(scenario.policy);
    std::vector<std::string> groupOfSubmitter;
    groupOfSubmitter.reserve(history.workload.submitters.size());
    for (const auto& submitter : history.workload.submitters)
        groupOfSubmitter.push_back(tree.node(tree.groupOfSubmitter(submitter)).name);
    return validateAgainstHistory(history, groupOfSubmitter, runs.results, options.margin);
}

} // namespace pp
