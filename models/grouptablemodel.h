// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "sim/result.h"

#include <QAbstractTableModel>

/// The groups of a simulation result, one row per group, each parent followed by its sub-groups: configured
/// and computed quota, delivered core-hours and their share, waits. A thin adaptor: no logic beyond formatting.
class GroupTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        NameColumn,
        ConfigQuotaColumn,
        QuotaColumn,
        CoreHoursColumn,
        ShareColumn,
        JobsColumn,
        WaitP50Column,
        WaitP95Column,
        ColumnCount
    };
    enum Roles { SortRole = Qt::UserRole };

    explicit GroupTableModel(QObject* parent = nullptr);

    void setResult(const pp::Result& result);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const pp::GroupSummary& groupAt(int row) const;

    std::vector<pp::GroupSummary> m_groups;
    std::vector<std::size_t> m_order; // display row -> index in m_groups (depth-first)
    double m_totalCoreHours = 0;
};
