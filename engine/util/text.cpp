// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace pp::text {

std::string_view trim(std::string_view s)
{
    const auto isSpace
        = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string toLower(std::string_view s)
{
    std::string out(s);
    for (auto& c : out)
        c = asciiLower(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
        return std::tolower(x) == std::tolower(y);
    });
}

bool istartsWith(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::vector<std::string_view> split(std::string_view s, std::string_view separators)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t end = s.find_first_of(separators, start);
        const std::string_view piece
            = trim(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (!piece.empty())
            out.push_back(piece);
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return out;
}

std::optional<double> parseDouble(std::string_view s)
{
    s = trim(s);
    if (s.empty())
        return std::nullopt;
    if (s.front() == '+')
        s.remove_prefix(1);
    double value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<long long> parseInteger(std::string_view s)
{
    s = trim(s);
    if (s.empty())
        return std::nullopt;
    if (s.front() == '+')
        s.remove_prefix(1);
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size())
        return std::nullopt;
    return value;
}

std::optional<bool> parseBool(std::string_view s)
{
    const std::string v = toLower(trim(s));
    if (v == "true" || v == "t" || v == "yes" || v == "y" || v == "1")
        return true;
    if (v == "false" || v == "f" || v == "no" || v == "n" || v == "0")
        return false;
    return std::nullopt;
}

std::optional<double> parseDurationSeconds(std::string_view s)
{
    s = trim(s);
    if (s.empty())
        return std::nullopt;
    double unit = 86400.0; // a bare number is days
    switch (std::tolower(static_cast<unsigned char>(s.back()))) {
    case 's':
        unit = 1.0;
        break;
    case 'm':
        unit = 60.0;
        break;
    case 'h':
        unit = 3600.0;
        break;
    case 'd':
        unit = 86400.0;
        break;
    default:
        break;
    }
    if (std::isalpha(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    const auto value = parseDouble(s);
    if (!value || *value <= 0 || *value * unit > 1e11) // over 3000 years is a typo, not a horizon
        return std::nullopt;
    return *value * unit;
}

std::optional<long> parseUtcOffset(std::string_view s)
{
    s = trim(s);
    if (s == "Z" || s == "UTC" || s == "0")
        return 0L;
    if (s.size() < 3 || (s.front() != '+' && s.front() != '-'))
        return std::nullopt;
    const long sign = s.front() == '-' ? -1 : 1;
    std::string digits;
    for (char c : s.substr(1))
        if (c != ':')
            digits += c;
    if (digits.size() != 2 && digits.size() != 4)
        return std::nullopt;
    const auto value = parseInteger(digits);
    if (!value)
        return std::nullopt;
    const long hours = digits.size() == 2 ? static_cast<long>(*value) : static_cast<long>(*value / 100);
    const long minutes = digits.size() == 2 ? 0 : static_cast<long>(*value % 100);
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    return sign * (hours * 3600 + minutes * 60);
}

bool looksLikeText(std::string_view bytes)
{
    const std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
    std::size_t odd = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0)
            return false;
        if (c < 9 || (c > 13 && c < 32) || c == 127)
            ++odd;
    }
    return odd * 20 <= n; // at most 5 % control characters
}

std::string fixed(double value, int decimals)
{
    if (!std::isfinite(value))
        return "0";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string out(buffer);
    if (out == "-0" || out.find_first_not_of("-0.") == std::string::npos)
        out.erase(0, out.front() == '-' ? 1 : 0);
    return out;
}

} // namespace pp::text
