// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "util/memoryfiles.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// The readers take paths; each input is registered as an in-memory file under a fixed name (MemoryFileScope), so a
// harness writes nothing and a run costs no system calls.
namespace fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

/// Splits an input at form feeds into at most `parts` pieces (the last one keeps the rest): one input then stands for
/// several files (a snapshot folder, a configuration and the file it includes), and the fuzzer can move bytes
/// between them. The dictionary holds "\x0c".
inline std::vector<std::string_view> split(std::string_view input, std::size_t parts)
{
    std::vector<std::string_view> out;
    while (out.size() + 1 < parts) {
        const auto cut = input.find('\f');
        if (cut == std::string_view::npos)
            break;
        out.push_back(input.substr(0, cut));
        input.remove_prefix(cut + 1);
    }
    out.push_back(input);
    return out;
}

} // namespace fuzz
