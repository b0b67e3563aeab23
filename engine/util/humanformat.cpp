// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "util/humanformat.h"

#include "util/text.h"

#include <cmath>

namespace pp::human {

namespace {

/// One decimal, without a trailing ".0": "3", "3.5".
std::string oneDecimal(double value)
{
    std::string s = text::fixed(value, 1);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0)
        s.resize(s.size() - 2);
    return s;
}

} // namespace

std::string duration(double seconds)
{
    const double s = std::fabs(seconds);
    if (s < 59.5)
        return text::fixed(seconds, 0) + " s";
    if (s < 90 * 60)
        return oneDecimal(seconds / 60) + " min";
    if (s < 36 * 3600)
        return oneDecimal(seconds / 3600) + " h";
    return oneDecimal(seconds / 86400) + " d";
}

std::string quantity(double value)
{
    if (std::fabs(value) < 100)
        return oneDecimal(value);
    std::string digits = text::fixed(std::fabs(value), 0);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return (value < 0 ? "-" : "") + out;
}

std::string percent(double fraction)
{
    const double p = std::fabs(fraction) * 100.0;
    return (p >= 10 ? text::fixed(p, 0) : oneDecimal(p)) + " %";
}

std::string level(double fraction)
{
    return text::fixed(fraction * 100.0, 1) + " %";
}

std::string points(double fractionDelta)
{
    const std::string size = oneDecimal(std::fabs(fractionDelta) * 100.0);
    return (size == "0" ? "" : fractionDelta < 0 ? "-" : "+") + size + " pt";
}

std::string relativeChange(double base, double now)
{
    if (base <= 0)
        return now > 0 ? "from nothing" : "unchanged";
    const double change = (now - base) / base;
    if (std::abs(change) < 0.0005)
        return "0 %";
    return (change >= 0 ? "+" : "−") + percent(std::abs(change));
}

} // namespace pp::human
