// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// New ClassAd syntax, `[ Name = expr; … ]`, as the Python bindings and the collector's ad files print it.
#include "fuzzinput.h"
#include "io/classadfiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/ads.new", fuzz::bytes(data, size));
    pp::Warnings warnings;
    (void)pp::readClassAds(
        "/fuzz/ads.new", pp::AdFormat::NewClassAd,
        [](pp::classad::ClassAd&& ad, long) {
            (void)ad.evaluateAttribute("Name");
            (void)ad.evaluateAttribute("Priority");
            return true;
        },
        warnings);
    return 0;
}
