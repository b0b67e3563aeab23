// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/pledgesheet.h"

#include <QTableWidget>

#include <vector>

/// The pledge sheet as WLCG accounting tables it, one row per experiment and month: core-hours pledged,
/// contributed, delivered, borrowed beyond quota, lent, and delivered over pledged. With a suggested setting's
/// sheet beside the current one, delivered and the ratio read "now → suggested", tinted by whether the pledge is met.
class PledgeSheetTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit PledgeSheetTable(QWidget* parent = nullptr);

    /// `suggested` empty: the current sheet alone.
    void setSheets(std::vector<pp::PledgeMonth> current, std::vector<pp::PledgeMonth> suggested = {});
    /// The sheet a CSV export writes: the suggested one when there is one.
    const std::vector<pp::PledgeMonth>& shownSheet() const { return m_suggested.empty() ? m_current : m_suggested; }

private:
    std::vector<pp::PledgeMonth> m_current, m_suggested;
};
