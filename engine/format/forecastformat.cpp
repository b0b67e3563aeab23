// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "format/forecastformat.h"

#include "analysis/startforecast.h"
#include "util/humanformat.h"
#include "util/json.h"

namespace pp {

std::string forecastText(const StartForecast& f)
{
    const int runs = static_cast<int>(f.waits.size());
    std::string what
        = f.notebook ? "A notebook" : "A job of " + std::to_string(f.cores) + (f.cores == 1 ? " core" : " cores");
    if (f.memoryMb > 0)
        what += " and " + std::to_string(f.memoryMb) + " MB";
    const std::string verb = f.notebook ? "is usable" : "starts";
    const std::string never = f.notebook ? "is not usable" : "does not start";
    std::string out = what + " in " + f.group + " submitted " + f.when + " ";
    if (f.p50 < 0)
        out += never + " within " + human::duration(f.horizonSeconds) + " in " + std::to_string(f.notStarted) + " of "
            + std::to_string(runs) + " runs.";
    else if (f.p90 < 0)
        out += verb + " in about " + human::duration(f.p50) + " (p50), but in " + std::to_string(f.notStarted) + " of "
            + std::to_string(runs) + " runs not within " + human::duration(f.horizonSeconds) + ".";
    else
        out += verb + " in about " + human::duration(f.p50) + " (p50); in 9 runs of 10 within " + human::duration(f.p90)
            + " (p90).";
    if (f.notebook)
        out += " JupyterHub's start timeout (" + human::duration(f.spawnTimeoutSeconds) + ") is hit in "
            + human::percent(f.timeoutChance) + " of the runs.";
    if (!f.why.empty())
        out += " Why: " + f.why;
    out += " (" + std::to_string(runs) + " runs with HTCondor's arbitrary choices drawn anew"
        + (f.arrivalsModelled ? " and new arrivals from the workload model"
                              : "; only what is queued now, no new arrivals")
        + "; submitted as " + f.submitter + ".)";
    return out + "\n";
}

std::string forecastJson(const StartForecast& f)
{
    JsonWriter w;
    w.beginObject();
    w.key("group").value(f.group);
    w.key("submitter").value(f.submitter);
    w.key("cores").value(f.cores);
    w.key("memory_mb").value(f.memoryMb);
    w.key("notebook").value(f.notebook);
    w.key("runs").value(static_cast<long>(f.waits.size()));
    w.key("arrivals_modelled").value(f.arrivalsModelled);
    w.key("later_jobs").value(f.laterJobs);
    w.key("horizon_s").value(f.horizonSeconds, 0);
    w.key("start_p50_s").value(f.p50, 0);
    w.key("start_p90_s").value(f.p90, 0);
    w.key("not_started").value(f.notStarted);
    if (!f.why.empty())
        w.key("why").value(f.why);
    w.key("waits_s").beginArray();
    for (double wait : f.waits)
        w.value(wait, 0);
    w.endArray();
    if (f.notebook) {
        w.key("spawn_timeout_s").value(f.spawnTimeoutSeconds, 0);
        w.key("spawn_failure_probability").value(f.timeoutChance, 4);
    }
    w.endObject();
    return w.str() + "\n";
}

} // namespace pp
