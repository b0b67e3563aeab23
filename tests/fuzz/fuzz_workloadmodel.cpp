// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// PoolPlanner workload models (`fit --out`): read, written back and read again, and an hour generated from them.
#include "fuzzinput.h"
#include "model/workloadmodel.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/site.model", fuzz::bytes(data, size));
    auto model = pp::WorkloadModel::read("/fuzz/site.model");
    if (!model)
        return 0;
    // What write() prints, read() must take back.
    const std::string written = model->write();
    const pp::MemoryFileScope again("/fuzz/again.model", written);
    if (!pp::WorkloadModel::read("/fuzz/again.model"))
        std::abort();
    (void)model->generate(3600, 1700000000, 1, {{"atlas", 2.0}});
    return 0;
}
