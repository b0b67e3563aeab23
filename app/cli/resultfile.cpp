// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "resultfile.h"

#include "io/resultjson.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace pp::cli {

// `--out`: streamed into a file beside the target and renamed over it once whole, so that a failed write (a full
// disk) leaves an earlier result as it was. A pipe or a device (--out /dev/stdout) is written as it is.
bool writeResultFile(const std::string& target, const Result& result, const Workload& workload)
{
    std::error_code statError;
    const auto kind = std::filesystem::status(target, statError).type();
    const bool inPlace = kind != std::filesystem::file_type::not_found && kind != std::filesystem::file_type::regular;
    const std::string written = inPlace ? target : target + ".part";
    std::ofstream out(written, std::ios::binary | std::ios::trunc);
    if (out)
        writeResultFullJson(out, result, workload);
    out.close();
    std::error_code renamed;
    if (out && !inPlace)
        std::filesystem::rename(written, target, renamed);
    if (out && !renamed)
        return true;
    std::error_code ignored;
    if (!inPlace)
        std::filesystem::remove(written, ignored);
    return false;
}

} // namespace pp::cli
