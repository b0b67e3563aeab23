// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Job event logs, text (ISO and legacy dates) and JSON, then the workload replayed from them and
// the runs validate reads from them.
#include "fuzzinput.h"
#include "io/eventlog.h"
#include "io/historyreplay.h"
#include "io/jobworkload.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/events.log", fuzz::bytes(data, size));
    pp::EventLogOptions options;
    options.utcOffsetSeconds = 7200;
    options.legacyYear = 2024;
    pp::Warnings warnings;
    (void)pp::readEventLog(
        "/fuzz/events.log", options, [](const pp::JobEvent&) {}, warnings);
    pp::Warnings workloadWarnings;
    (void)pp::readWorkload("/fuzz/events.log", {}, workloadWarnings);
    // validate's runs: the log's runs matched to a fixed job ad by cluster and proc.
    static const std::string ad = "MyType = \"Job\"\nClusterId = 1\nProcId = 0\nQDate = 1700000000\nJobStatus = 2\n"
                                  "JobCurrentStartDate = 1700000100\nEnteredCurrentStatus = 1700000200\n";
    const pp::MemoryFileScope ads("/fuzz/job.ads", ad);
    pp::Warnings replayWarnings;
    (void)pp::readPoolHistory({"/fuzz/job.ads"}, {}, replayWarnings, {"/fuzz/events.log"});
    return 0;
}
