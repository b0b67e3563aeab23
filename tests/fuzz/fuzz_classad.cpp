// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// ClassAd expressions: parse anything, evaluate what parses against a small slot and job ad.
#include "classad/classad.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (auto functions : {pp::classad::Expression::Functions::Known, pp::classad::Expression::Functions::Any}) {
        auto e = pp::classad::Expression::parse(text, "fuzz", functions);
        if (!e)
            continue;
        pp::classad::ClassAd slot;
        slot.setInteger("Cpus", 4);
        slot.set("SlotWeight", *e);
        slot.setString("RemoteGroup", "atlas");
        pp::classad::ClassAd job;
        job.setInteger("RequestCpus", 2);
        job.set("Requirements", *e);
        (void)pp::classad::evaluate(*e, {&slot, &job, 1700000000});
        (void)slot.evaluateAttribute("SlotWeight", &job);
        (void)job.evaluateAttribute("Requirements", &slot);
        (void)e->references();
    }
    return 0;
}
