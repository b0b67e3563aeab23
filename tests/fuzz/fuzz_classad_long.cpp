// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `condor_status -long` / `condor_q -long` text: every ad the reader gives is evaluated a little, with and without the
// attribute filter the pool and workload readers use.
#include "fuzzinput.h"
#include "io/classadfiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/status.ads", fuzz::bytes(data, size));
    static const pp::AttributeFilter keep {"MyType", "Name", "Cpus", "Memory", "State", "PartitionableSlot",
        "TotalSlotCpus", "AccountingGroup", "RequestCpus", "JobStatus"};
    for (const pp::AttributeFilter* filter : {static_cast<const pp::AttributeFilter*>(nullptr), &keep}) {
        pp::Warnings warnings;
        (void)pp::readClassAds(
            "/fuzz/status.ads", pp::AdFormat::Long,
            [](pp::classad::ClassAd&& ad, long) {
                (void)ad.evaluateAttribute("Cpus");
                (void)ad.evaluateAttribute("Name");
                return true;
            },
            warnings, filter);
    }
    return 0;
}
