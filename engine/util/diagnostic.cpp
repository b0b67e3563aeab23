// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "util/diagnostic.h"

namespace pp {

std::string Diagnostic::message() const
{
    std::string out = source.empty() ? std::string("<input>") : source;
    if (line > 0)
        out += ':' + std::to_string(line);
    out += ": ";
    out += reason;
    return out;
}

void Warnings::add(Diagnostic d)
{
    if (items.size() < maxListed)
        items.push_back(std::move(d));
    else
        ++suppressed;
}

std::vector<std::string> Warnings::messages() const
{
    std::vector<std::string> out;
    out.reserve(items.size() + 1);
    for (const auto& d : items)
        out.push_back(d.message());
    if (suppressed > 0)
        out.push_back(std::to_string(suppressed) + " more warnings of the same kinds were not listed");
    return out;
}

} // namespace pp
