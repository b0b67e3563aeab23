// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "classad/classad.h"
#include "io/formatdetect.h"
#include "util/expected.h"

#include <bitset>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pp {

/// The text forms HTCondor prints ClassAds in (docs/HTCONDOR.md §6.1).
enum class AdFormat {
    Long, ///< `condor_status -long`, `condor_q -long`: `Name = expr` lines, a blank line between ads
    History, ///< a history file: long form, each ad followed by a `*** Offset = …` banner
    NewClassAd, ///< `[ Name = expr; … ]`, as the Python bindings print
    Json, ///< `-json`: an array of objects; expressions as "\/Expr(…)\/"
    JsonLines, ///< `-jsonl`: one object per line
    AfTable, ///< `condor_history -af` / `condor_status -af` columns under a header line of attribute names
};
const char* adFormatName(AdFormat format);

/// Called for each ad with the line it starts on; return false to stop reading.
using AdSink = std::function<bool(classad::ClassAd&& ad, long line)>;

/// The attributes a reader needs; the others are skipped without being parsed (a job ad has ~100).
class AttributeFilter
{
public:
    AttributeFilter(std::initializer_list<const char*> names);
    bool keeps(std::string_view name) const;

private:
    std::vector<std::string> m_names; // lower case, sorted
    std::bitset<64> m_lengths;
    std::bitset<256> m_firstLetters;
};

/// Streams the ads of a file in the given format; memory stays bounded by one ad. Values that are not valid
/// ClassAd expressions are skipped with a warning naming the line and the attribute; a file that is not of
/// the format at all is an error with the path and the line (or byte offset for JSON).
Expected<long> readClassAds(const std::string& path, AdFormat format, const AdSink& sink, Warnings& warnings,
    const AttributeFilter* keep = nullptr);

/// How to read a file of that format as ads; none for formats that hold no ads (SWF, event logs, configuration).
std::optional<AdFormat> adFormatOf(FileFormat format);

} // namespace pp
