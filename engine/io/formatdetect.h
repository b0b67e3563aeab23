// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "util/expected.h"

#include <string>

namespace pp {

/// What a file holds, judged from its content (never from its name).
enum class FileFormat {
    Swf, ///< Standard Workload Format trace
    ClassAdLong, ///< condor_status / condor_q -long
    History, ///< a history file (long form with *** banners)
    ClassAdNew, ///< [ … ] ClassAds
    ClassAdJson, ///< -json array
    ClassAdJsonLines, ///< -jsonl
    EventLog, ///< job event log, text
    EventLogJson, ///< job event log, JSON
    CondorConfig, ///< condor_config or condor_config_val -dump
    WorkloadModel, ///< a PoolPlanner workload model
    AfTable, ///< `-af` columns under a header of attribute names
};
const char* fileFormatName(FileFormat format);

/// Reads the beginning of the file (plain or gzip) and decides. A file that matches nothing is an error that
/// says what was found.
Expected<FileFormat> detectFormat(const std::string& path);

/// True when the file (plain or gzip) holds nothing but white space: what `condor_q -json` prints for an empty
/// queue and `condor_status -submitters -json` before anyone submitted. Such output is a poll with no ads.
bool holdsNothing(const std::string& path);

} // namespace pp
