// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "io/formatdetect.h"
#include "model/scenario.h"
#include "scenario/scenarioinputs.h"
#include "util/diagnostic.h"
#include "util/expected.h"

#include <string>
#include <vector>

namespace pp {

/// What a file opened in the window is for, judged from its content.
enum class FileRole {
    Config, ///< condor_config: the policy
    Model, ///< a workload model: the future
    Trace, ///< finished jobs (SWF, event log, history): a workload to replay
    Slots, ///< slot ads only: the machines, and what runs on them now
    Queue, ///< job ads with idle or running jobs: the queue now
    Accounting, ///< accounting ads (priorities, usage)
    Snapshot, ///< a directory of the above
    Empty, ///< nothing but white space: a command's output with no ads (an empty queue)
};
const char* fileRoleName(FileRole role);

struct OpenedFile
{
    std::string path;
    FileRole role = FileRole::Trace;
    std::string format; ///< fileFormatName, or "directory"
};

/// Reads each file far enough to know its role. ClassAd files are read whole: whether job ads are a queue or a
/// history only shows in their JobStatus. Errors name the file.
Expected<std::vector<OpenedFile>> classifyFiles(const std::vector<std::string>& paths);

/// What files of any mix mean, the way a user who drops them on the window means it:
/// - queue, accounting or a snapshot directory (or slot ads with no trace): the pool as it is now, played
///   forward with the model when one is given, otherwise for a day with no new arrivals;
/// - a trace: replayed on the pool of the slot ads, else on the machines its SWF header names;
/// - a model with slot ads: a week of generated work on that pool.
/// A configuration gives the policy (default HTCondor policy without one). Combinations that mean two
/// different things (a trace and a snapshot, two traces) are errors that say what to open instead.
Expected<ScenarioInputs> inputsOfFiles(const std::vector<OpenedFile>& opened, Warnings& warnings);

/// The scenario of those inputs, assembled as the command line assembles its own (loadScenario).
Expected<Scenario> scenarioFromFiles(const std::vector<OpenedFile>& opened, Warnings& warnings);

/// The configuration the files give (their condor_config files, a snapshot directory's included, later ones
/// winning), empty when there is none: what the planner edits knobs over.
Expected<Config> baseConfigOf(const std::vector<OpenedFile>& files, Warnings& warnings);

} // namespace pp
