// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `-json` (an array of objects, expressions as "\/Expr(…)\/") and `-jsonl` (one object a line) from the same bytes.
#include "fuzzinput.h"
#include "io/classadfiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/ads.json", fuzz::bytes(data, size));
    for (const auto format : {pp::AdFormat::Json, pp::AdFormat::JsonLines}) {
        pp::Warnings warnings;
        (void)pp::readClassAds(
            "/fuzz/ads.json", format,
            [](pp::classad::ClassAd&& ad, long) {
                (void)ad.evaluateAttribute("Cpus");
                (void)ad.evaluateAttribute("Requirements");
                return true;
            },
            warnings);
    }
    return 0;
}
