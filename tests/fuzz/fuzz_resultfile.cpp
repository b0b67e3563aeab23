// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Result files (`simulate --json` / `--out`) as `collect` and `compare` read them back.
#include "fuzzinput.h"
#include "io/resultreader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/result.json", fuzz::bytes(data, size));
    (void)pp::readResultJson("/fuzz/result.json");
    return 0;
}
