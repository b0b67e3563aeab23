// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// condor_config text with macros, `if`/`elif`, metaknobs and includes (an input split at form feeds is a main file
// and the config.d file it may include), then the policy built from it and one allocation round.
#include "config/config.h"
#include "fuzzinput.h"
#include "policy/policyfromconfig.h"
#include "policy/quotaallocation.h"

#include <optional>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto parts = fuzz::split(fuzz::bytes(data, size), 2);
    const pp::MemoryFileScope main("/fuzz/etc/condor_config", parts[0]);
    std::optional<pp::MemoryFileScope> included;
    if (parts.size() > 1)
        included.emplace("/fuzz/etc/config.d/10-local.config", parts[1]);
    auto config = pp::Config::fromFile("/fuzz/etc/condor_config");
    if (!config)
        return 0;
    for (const auto* entry : config->entries())
        (void)config->value(entry->name);
    auto policy = pp::policyFromConfig(*config);
    if (!policy)
        return 0;
    const pp::GroupTree tree(*policy);
    std::vector<double> demand(static_cast<std::size_t>(tree.size()), 3.0);
    (void)pp::allocateOnce(tree, 16, demand, policy->allowQuotaOversubscription, policy->useSlotWeights);
    return 0;
}
