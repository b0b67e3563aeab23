// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

// The readers take paths (they stream files, gzip included): each input is written to a file in shared memory.
inline const std::string& fuzzFile(const std::uint8_t* data, std::size_t size)
{
    static const std::string path = "/dev/shm/poolplanner-fuzz-" + std::to_string(getpid());
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    return path;
}
