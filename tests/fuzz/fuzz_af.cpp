// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `condor_history -af` / `condor_status -af` columns under a header of attribute names, and the workload from them.
#include "fuzzinput.h"
#include "io/classadfiles.h"
#include "io/jobworkload.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/jobs.af", fuzz::bytes(data, size));
    pp::Warnings warnings;
    (void)pp::readClassAds(
        "/fuzz/jobs.af", pp::AdFormat::AfTable,
        [](pp::classad::ClassAd&& ad, long) {
            (void)ad.evaluateAttribute("RequestCpus");
            return true;
        },
        warnings);
    pp::Warnings workloadWarnings;
    (void)pp::readWorkload("/fuzz/jobs.af", {}, workloadWarnings);
    return 0;
}
