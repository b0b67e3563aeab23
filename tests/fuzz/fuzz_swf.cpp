// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Standard Workload Format traces with their `;` header, the pool the header describes, and `--map` group files.
#include "fuzzinput.h"
#include "io/swfreader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/trace.swf", fuzz::bytes(data, size));
    pp::SwfOptions options;
    options.groupMap = {{"g1", "atlas.prod"}, {"g2", "cms"}};
    options.largestMachineCores = 64;
    options.largestMachineMemoryMb = 256 * 1024;
    pp::Warnings warnings;
    (void)pp::readSwf("/fuzz/trace.swf", options, warnings);
    (void)pp::poolFromSwfHeader("/fuzz/trace.swf", 8, warnings);
    (void)pp::readGroupMap("/fuzz/trace.swf");
    return 0;
}
