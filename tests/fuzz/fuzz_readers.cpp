// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Every reader behind format detection, as `inspect`, the window and `--pool` reach them: whatever the bytes, the
// detected reader gives a value or a Diagnostic.
#include "fuzzinput.h"
#include "io/inspect.h"
#include "io/jobworkload.h"
#include "io/slotpool.h"
#include "model/pool.h"
#include "scenario/fileset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/input", fuzz::bytes(data, size));
    (void)pp::inspectFile("/fuzz/input");
    pp::Warnings warnings;
    (void)pp::readWorkload("/fuzz/input", {}, warnings);
    (void)pp::readPool("/fuzz/input", warnings);
    (void)pp::readPoolFile("/fuzz/input");
    (void)pp::classifyFiles({"/fuzz/input"});
    return 0;
}
