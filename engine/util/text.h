// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pp::text {

std::string_view trim(std::string_view s);
/// Lower case for ASCII letters only (names of knobs and attributes are ASCII), without the C locale's cost.
inline char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}
std::string toLower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istartsWith(std::string_view s, std::string_view prefix);
/// Splits on any of the separators, dropping empty pieces and trimming each.
std::vector<std::string_view> split(std::string_view s, std::string_view separators);

/// Strict number parsing: the whole (trimmed) text must be the number; nothing else is accepted.
std::optional<double> parseDouble(std::string_view s);
std::optional<long long> parseInteger(std::string_view s);
/// HTCondor booleans: true/false/yes/no/t/f/1/0, any case.
std::optional<bool> parseBool(std::string_view s);

/// Parses a duration: plain days ("0.25"), or a number with a unit s, m, h, d ("360s", "6h", "7d").
std::optional<double> parseDurationSeconds(std::string_view s);

/// A UTC offset such as "+02:00", "-0500" or "Z" in seconds east of UTC; nullopt for anything else.
std::optional<long> parseUtcOffset(std::string_view s);

/// True when the bytes look like text a person wrote (no NUL, mostly printable).
bool looksLikeText(std::string_view bytes);

/// Formats a number with a fixed number of decimals, the same bytes on every platform.
std::string fixed(double value, int decimals);

} // namespace pp::text
