// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Every file reader behind format detection: ClassAds (long, history, new, JSON, JSONL, -af), event logs, SWF,
// condor_config, workload models, pools and workloads. Any input must give a value or a Diagnostic.
#include "fuzzinput.h"
#include "io/inspect.h"
#include "io/jobworkload.h"
#include "io/slotpool.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string& path = fuzzFile(data, size);
    (void)pp::inspectFile(path);
    pp::Warnings warnings;
    (void)pp::readWorkload(path, {}, warnings);
    (void)pp::readPool(path, warnings);
    return 0;
}
