// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <string>
#include <vector>

namespace pp {

/// A plain-text table for a terminal: columns as wide as their widest cell (counted in characters, so that
/// "→" takes one), the first `leftAligned` columns (names, labels) left-aligned and the numbers right-aligned,
/// two spaces between.
class TextTable
{
public:
    explicit TextTable(std::vector<std::string> header, std::size_t leftAligned = 1);
    void addRow(std::vector<std::string> cells);
    std::string str() const;

private:
    std::vector<std::vector<std::string>> m_rows; // the header first
    std::size_t m_leftAligned;
};

} // namespace pp
