// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// A pool snapshot: up to four files (the input split at form feeds: slots, queue, accounting, configuration in any
// order and any ClassAd form), told apart by content and played an hour forward.
#include "fuzzinput.h"
#include "io/snapshot.h"
#include "tinymodel.h"

#include <deque>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto parts = fuzz::split(fuzz::bytes(data, size), 4);
    static const std::vector<std::string> names {
        "/fuzz/snapshot/0", "/fuzz/snapshot/1", "/fuzz/snapshot/2", "/fuzz/snapshot/3"};
    std::deque<pp::MemoryFileScope> files; // scopes cannot move: a deque keeps them in place
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        files.emplace_back(names[i], parts[i]);
        paths.push_back(names[i]);
    }
    pp::Warnings warnings;
    (void)pp::loadSnapshot(paths, fuzz::tinyModel(), 3600, 1, warnings);
    return 0;
}
