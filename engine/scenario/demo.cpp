// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenario/demo.h"

#include "config/config.h"
#include "policy/policyfromconfig.h"
#include "scenario/mergevariants.h"
#include "util/randomstream.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numbers>
#include <vector>

namespace pp {

namespace {

// One kind of work a group submits: users, rate, shape and runtime distribution.
struct Stream
{
    const char* group;
    const char* userPrefix;
    int users;
    double jobsPerDay;
    int cores;
    std::uint32_t memoryMbPerCore;
    double medianRuntimeHours;
    double runtimeSpread; // sigma of the log-normal
    double dailySwing; // 0 = flat, 1 = all work in daytime
    double weekendFactor; // the rate on Saturday and Sunday, relative to a weekday's
    int campaignFirstDay, campaignDays; // days (0 = Monday) of a campaign at campaignFactor × the rate
    double campaignFactor;
    JobKind kind;
};

// The seed's tensions: production steady at its quota; analysis and notebooks with the working day, their
// weekday peaks pushing the pool past its size for a few hours; belle2 lending most of the week and needing more
// than its quota in its Tuesday-Thursday campaign; atlas.multicore's 8-core jobs competing with the 1-core work
// for the same p-slots. Nights and weekends leave cores to lend.
constexpr Stream streams[] = {
    {"atlas.prod", "prod", 3, 22000, 1, 2048, 5.0, 0.6, 0.1, 1.0, 0, 0, 1.0, Batch},
    {"atlas.analysis", "ana", 40, 40000, 1, 2048, 0.8, 1.0, 0.9, 0.35, 0, 0, 1.0, Batch},
    {"atlas.multicore", "mc", 2, 640, 8, 2048, 10.0, 0.4, 0.0, 1.0, 0, 0, 1.0, Batch},
    {"star", "star", 12, 6800, 1, 2048, 6.0, 0.8, 0.3, 0.8, 0, 0, 1.0, Batch},
    {"phenix", "phx", 8, 4400, 1, 2048, 7.0, 0.7, 0.2, 0.8, 0, 0, 1.0, Batch},
    {"belle2", "b2", 10, 2400, 1, 2048, 5.5, 0.9, 0.4, 0.6, 1, 3, 4.0, Batch},
    {"dune", "dune", 15, 5600, 1, 2048, 4.0, 1.1, 0.7, 0.4, 0, 0, 1.0, Batch},
    {"sphenix", "sph", 6, 3600, 1, 2048, 5.0, 0.7, 0.2, 0.8, 0, 0, 1.0, Batch},
    {"notebooks", "nb", 60, 2000, 1, 4096, 2.0, 0.8, 0.95, 0.3, 0, 0, 1.0, Notebook},
};

// How much of a stream's weekday rate applies at time t (seconds from Monday 00:00).
double weekFactor(const Stream& stream, double t)
{
    const int day = static_cast<int>(t / 86400.0) % 7;
    double factor = day >= 5 ? stream.weekendFactor : 1.0;
    if (day >= stream.campaignFirstDay && day < stream.campaignFirstDay + stream.campaignDays)
        factor *= stream.campaignFactor;
    return factor;
}

constexpr double demoDays = 7.0;

// std::fmod(t, 86400) for 0 <= t < 2^35, without its cost: the subtraction is exact (the result needs at most 52 bits
// of t's precision), and a quotient rounded across a day boundary is put right.
double secondOfDay(double t)
{
    double r = t - 86400.0 * std::floor(t / 86400.0);
    if (r < 0)
        r += 86400.0;
    else if (r >= 86400.0)
        r -= 86400.0;
    return r;
}

} // namespace

const std::string& demoConfigText()
{
    static const std::string text =
#include "demo_config.inc"
        ;
    return text;
}

Scenario demoScenario(std::uint64_t seed, double scale)
{
    Scenario scenario;
    scenario.name = "demo";
    const auto config = Config::fromText(demoConfigText(), "demo.condor_config");
    scenario.policy = policyFromConfig(config.value()).value();

    const struct
    {
        int count;
        int cores;
    } machineKinds[] = {{160, 32}, {120, 48}, {150, 64}};
    int index = 1;
    for (const auto& kind : machineKinds)
        for (int i = 0; i < kind.count; ++i)
            scenario.pool.machines.push_back(
                {"wn" + std::to_string(index++), kind.cores, static_cast<long>(kind.cores) * 4096, {}});
    assignMachineOwners(scenario.pool, scenario.policy); // each experiment contributed machines worth its quota

    RandomStream random(seed);
    Workload& workload = scenario.workload;
    workload.source = "built-in demo workload";
    workload.epoch = 1'799'020'800; // Monday 2027-01-04 00:00 UTC
    const double horizon = demoDays * 86400.0;
    // Each stream's jobs come out in submit order; merging the streams afterwards is cheaper than sorting them.
    std::vector<std::vector<Job>> streamJobs(std::size(streams));
    for (std::size_t k = 0; k < std::size(streams); ++k) {
        const Stream& stream = streams[k];
        std::vector<Job>& jobs = streamJobs[k];
        jobs.reserve(static_cast<std::size_t>(stream.jobsPerDay * scale * demoDays * 1.2) + 16);
        std::vector<std::uint32_t> users;
        for (int u = 1; u <= stream.users; ++u)
            users.push_back(
                workload.submitterIndex(std::string(stream.group) + "." + stream.userPrefix + std::to_string(u)));
        // A non-homogeneous Poisson process by thinning: rate(t) = base × week(t) × (1 + swing × sin(day phase)).
        const double baseRate = stream.jobsPerDay * scale / 86400.0;
        const double peakRate
            = baseRate * (1.0 + stream.dailySwing) * std::max({1.0, stream.weekendFactor, stream.campaignFactor});
        double t = 0;
        for (;;) {
            t += random.exponential(1.0 / peakRate);
            if (t >= horizon)
                break;
            // The rate lies between week × (1 ∓ swing): a draw outside that band is decided without the sine
            // (the same decision, as rounding keeps the bounds on either side of the exact product).
            const double weekRate = baseRate * weekFactor(stream, t);
            const double draw = random.uniform() * peakRate;
            if (draw > weekRate * (1.0 + stream.dailySwing))
                continue;
            if (draw > weekRate * (1.0 - stream.dailySwing)) {
                const double phase = 2.0 * std::numbers::pi * (secondOfDay(t) / 86400.0 - 0.25);
                if (draw > weekRate * (1.0 + stream.dailySwing * std::sin(phase)))
                    continue;
            }
            Job job;
            job.submit = static_cast<std::uint32_t>(t);
            const double hours = stream.medianRuntimeHours * std::exp(stream.runtimeSpread * random.normal());
            job.runtime = static_cast<std::uint32_t>(std::clamp(hours * 3600.0, 60.0, 72.0 * 3600.0));
            job.cores = static_cast<std::uint16_t>(stream.cores);
            job.memoryMb = stream.memoryMbPerCore * static_cast<std::uint32_t>(stream.cores);
            job.kind = stream.kind;
            // Users are not equally busy: a Zipf-like pick keeps a few heavy users in every group.
            const double pick = std::pow(random.uniform(), 2.0);
            job.submitter = users[static_cast<std::size_t>(pick * static_cast<double>(users.size()))];
            jobs.push_back(job);
        }
    }
    // Submit order; among equal submit seconds, stream order (what a stable sort of the streams one after
    // another gives).
    std::size_t total = 0;
    for (const auto& jobs : streamJobs)
        total += jobs.size();
    workload.jobs.reserve(total);
    // The head of each stream's jobs, an exhausted stream past every second: a scan of nine numbers per job.
    constexpr std::uint64_t exhausted = std::numeric_limits<std::uint64_t>::max();
    std::vector<std::size_t> next(streamJobs.size(), 0);
    std::vector<std::uint64_t> head(streamJobs.size());
    for (std::size_t k = 0; k < streamJobs.size(); ++k)
        head[k] = streamJobs[k].empty() ? exhausted : streamJobs[k].front().submit;
    for (std::size_t n = 0; n < total; ++n) {
        const auto pick = static_cast<std::size_t>(std::min_element(head.begin(), head.end()) - head.begin());
        const std::vector<Job>& jobs = streamJobs[pick];
        workload.jobs.push_back(jobs[next[pick]++]);
        head[pick] = next[pick] < jobs.size() ? jobs[next[pick]].submit : exhausted;
    }
    scenario.horizonSeconds = horizon;
    scenario.seed = seed;
    return scenario;
}

} // namespace pp
