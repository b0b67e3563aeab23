// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Accounting ads (`condor_userprio -long -modular`, the collector's Accounting ads in any ClassAd form): read in the
// format detected, then as the snapshot reads them for priorities and usage.
#include "fuzzinput.h"
#include "io/classadfiles.h"
#include "io/formatdetect.h"
#include "io/snapshot.h"
#include "tinymodel.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/accounting", fuzz::bytes(data, size));
    if (const auto format = pp::detectFormat("/fuzz/accounting")) {
        pp::AdFormat adFormat = pp::AdFormat::Long;
        switch (*format) {
        case pp::FileFormat::ClassAdNew:
            adFormat = pp::AdFormat::NewClassAd;
            break;
        case pp::FileFormat::ClassAdJson:
            adFormat = pp::AdFormat::Json;
            break;
        case pp::FileFormat::ClassAdJsonLines:
            adFormat = pp::AdFormat::JsonLines;
            break;
        case pp::FileFormat::History:
            adFormat = pp::AdFormat::History;
            break;
        case pp::FileFormat::AfTable:
            adFormat = pp::AdFormat::AfTable;
            break;
        default:
            break;
        }
        pp::Warnings warnings;
        (void)pp::readClassAds(
            "/fuzz/accounting", adFormat,
            [](pp::classad::ClassAd&& ad, long) {
                (void)ad.evaluateAttribute("Priority");
                (void)ad.evaluateAttribute("WeightedAccumulatedUsage");
                return true;
            },
            warnings);
    }
    pp::Warnings warnings;
    (void)pp::loadSnapshot({"/fuzz/accounting"}, fuzz::tinyModel(), 3600, 1, warnings);
    return 0;
}
