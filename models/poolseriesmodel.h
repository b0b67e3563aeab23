// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <QAbstractTableModel>

/// The pool over time, one row per sample: time, claimed and idle cores, whole and draining machines, then the
/// cores each top-level group uses (its own submitters and its sub-groups'). Charts and tables read this model.
class PoolSeriesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        TimeColumn,
        ClaimedColumn,
        IdleColumn,
        IdleJobsColumn,
        WholeColumn,
        DrainingColumn,
        FragmentedColumn,
        FirstGroupColumn
    };
    enum Roles { SortRole = Qt::UserRole };

    explicit PoolSeriesModel(QObject* parent = nullptr);

    void setResult(const pp::Result& result);
    /// Top-level groups (the root `<none>` included when it ran anything), in column order.
    const QStringList& groupNames() const { return m_groupNames; }
    /// Seconds since the simulation start of a row.
    double timeOf(int row) const;
    double valueAt(int row, int column) const;
    /// The quota of a top-level group (its subtree's; `<none>`'s own) at a row, cores.
    double quotaAt(int row, int group) const;
    long poolCores() const { return m_poolCores; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<pp::PoolSample> m_pool;
    std::vector<std::vector<float>> m_groupUsage; // [sample][top-level group]
    std::vector<std::vector<float>> m_groupQuota; // [sample][top-level group]
    QStringList m_groupNames;
    long m_poolCores = 0;
};
