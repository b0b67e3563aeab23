// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/comparison.h"

#include <QAbstractTableModel>

/// A comparison of two runs, one row per group: each figure as the proposal has it, with its change from the
/// base, tinted by whether that change is better or worse for the group (pp::MetricDelta knows which way is
/// better for each figure). Quota share (of the pool, from each run) sits beside the share of the work.
class ComparisonModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        GroupColumn,
        QuotaShareColumn,
        CoreHoursColumn,
        ShareColumn,
        WaitP50Column,
        WaitP95Column,
        PreemptionsColumn,
        BadputColumn,
        NotebookStartColumn,
        ColumnCount
    };
    enum Roles {
        SortRole = Qt::UserRole,
        VerdictRole, ///< int: 1 better, -1 worse, 0 same; invalid for columns without a verdict
    };

    explicit ComparisonModel(QObject* parent = nullptr);

    /// `baseQuotaShare`/`proposalQuotaShare`: each group's mean quota over the pool size, by group name.
    void setComparison(const pp::Comparison& comparison, const std::map<std::string, double>& baseQuotaShare,
        const std::map<std::string, double>& proposalQuotaShare);
    void clear();
    const pp::Comparison& comparison() const { return m_comparison; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Quota shares of a run's groups (mean quota over the pool's cores).
    static std::map<std::string, double> quotaShares(const pp::Result& result);

private:
    const pp::MetricDelta* metricAt(int row, int column) const;

    pp::Comparison m_comparison;
    std::map<std::string, double> m_baseQuota, m_proposalQuota;
};
