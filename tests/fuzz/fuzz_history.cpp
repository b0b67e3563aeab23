// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// condor_history files (long form with `*** Offset = …` banners): the ads, then the workload and validate's
// history replay built from them.
#include "fuzzinput.h"
#include "io/classadfiles.h"
#include "io/historyreplay.h"
#include "io/jobworkload.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/history", fuzz::bytes(data, size));
    pp::Warnings warnings;
    (void)pp::readClassAds(
        "/fuzz/history", pp::AdFormat::History,
        [](pp::classad::ClassAd&& ad, long) {
            (void)ad.evaluateAttribute("JobStatus");
            (void)ad.evaluateAttribute("RemoteWallClockTime");
            return true;
        },
        warnings);
    pp::Warnings workloadWarnings;
    (void)pp::readWorkload("/fuzz/history", {}, workloadWarnings);
    pp::Warnings replayWarnings; // validate's reader: the same ads as a history to replay and compare with
    (void)pp::readPoolHistory({"/fuzz/history"}, {}, replayWarnings);
    return 0;
}
