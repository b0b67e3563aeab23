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
    /// What a filtered read gives besides the kept attributes.
    enum class Mode {
        KeptOnly, ///< nothing: skipped attributes are not looked at (a replay's job ads)
        /// what a full read gives to a reader of kept names only (inspect): an ad whose kept attributes hold an
        /// expression is read whole, as the expression may refer to any attribute, and skipped expressions are
        /// still parsed for their warnings and errors. Readers that cannot tell read whole ads.
        AsFullRead,
    };
    /// `numbered`: prefixes kept with any number after them (Name1, IsAccountingGroup2, … of condor_userprio).
    AttributeFilter(std::initializer_list<const char*> names, Mode mode = Mode::KeptOnly,
        std::initializer_list<const char*> numbered = {});
    /// Whether `name` is kept; `lower`, if given, receives the kept name in lower case, what a ClassAd stores it
    /// under (nullptr for a numbered name, which the caller lower-cases itself).
    bool keeps(std::string_view name, const std::string** lower = nullptr) const;
    Mode mode() const { return m_mode; }

private:
    std::vector<std::string> m_names; // lower case, sorted
    std::bitset<64> m_lengths;
    std::bitset<256> m_firstLetters;
    std::vector<std::string> m_numbered; // lower case
    Mode m_mode;
};

/// Streams the ads of a file in the given format; memory stays bounded by one ad. Values that are not valid
/// ClassAd expressions are skipped with a warning naming the line and the attribute; a file that is not of
/// the format at all is an error with the path and the line (or byte offset for JSON).
Expected<long> readClassAds(const std::string& path, AdFormat format, const AdSink& sink, Warnings& warnings,
    const AttributeFilter* keep = nullptr);

/// How to read a file of that format as ads; none for formats that hold no ads (SWF, event logs, configuration).
std::optional<AdFormat> adFormatOf(FileFormat format);

} // namespace pp
