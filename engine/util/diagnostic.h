// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <string>
#include <vector>

namespace pp {

/// A problem found in an input: where (file or option, line) and why. Used for errors and warnings alike.
struct Diagnostic
{
    std::string source; ///< file path, or the command-line option ("--demand")
    long line = 0; ///< 1-based line; 0 when the problem is not tied to a line
    std::string reason;

    /// "path:line: reason", the form compilers use, so editors and terminals can jump to it.
    std::string message() const;
};

/// Warnings gathered while reading; skippable problems land here instead of failing the load.
struct Warnings
{
    std::vector<Diagnostic> items;
    /// Counts repeated problems of one kind instead of listing thousands of lines.
    long suppressed = 0;
    static constexpr std::size_t maxListed = 20;

    void add(Diagnostic d);
    bool empty() const { return items.empty() && suppressed == 0; }
    std::vector<std::string> messages() const;
};

} // namespace pp
