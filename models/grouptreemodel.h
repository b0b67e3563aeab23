// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/groupfigures.h"
#include "analysis/periodfigures.h"
#include "analysis/waitreasons.h"
#include "model/ensemble.h"
#include "model/result.h"
#include "policy/policy.h"

#include <QAbstractItemModel>

#include <memory>

/// The group tree of a simulation result, with each group's users under it.
///
/// Two kinds of column: the state of the pool over the chosen period (setRange) — effective quota,
/// allocation, usage, demand, surplus and the core-hours the accountant charged — and the outcome of the whole
/// run — delivered core-hours, jobs, waits. A group's row shows its whole subtree, the way HTCondor compares a
/// group with its quota: quota is the subtree quota (§2.4), usage and demand are summed over the sub-groups.
/// Surplus is usage above the quota (borrowed, positive) or quota left unused (lent or idle, negative).
class GroupTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns {
        NameColumn,
        ConfigQuotaColumn,
        QuotaColumn,
        AllocatedColumn,
        UsageColumn,
        DemandColumn,
        SurplusColumn,
        ChargedColumn,
        CoreHoursColumn,
        ShareColumn,
        JobsColumn,
        WaitP50Column,
        WaitP95Column,
        PriorityColumn, ///< users: effective priority, with the factor it came from
        FlagsColumn,
        ColumnCount
    };
    enum Roles {
        SortRole = Qt::UserRole,
        /// UsageColumn: usage over quota (may exceed 1), for the in-cell bar; invalid on user rows.
        FillRole,
        /// Any column: the row's index into Result::groups; invalid on user rows.
        GroupRole,
    };

    explicit GroupTreeModel(QObject* parent = nullptr);

    /// The policy gives the flags the result does not carry (autoregroup).
    void setResult(const pp::Result& result, const pp::Policy& policy);
    /// An ensemble of the shown result's scenario: the waits then read "median ± half the runs' range", with the
    /// range in the tooltip. Cleared by setResult.
    void setSpread(std::shared_ptr<const pp::EnsembleResult> ensemble);
    /// Samples [first, last] of the run (inclusive) for the period columns; clamped to the run.
    void setRange(int firstSample, int lastSample);
    int sampleCount() const { return static_cast<int>(m_series.size()); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        bool isUser = false;
        int item = 0; ///< index into Result::groups, or into Result::submitters for a user
        int parent = -1; ///< node index; -1 = top level
        int row = 0; ///< row under its parent
        std::vector<int> children; ///< node indices
    };
    /// Period values of one group's subtree, in cores (means over the range).
    using Period = pp::GroupPeriodFigures;
    void computePeriod();
    QVariant groupData(int group, int column, int role) const;
    QVariant userData(int submitter, int column, int role) const;
    const Node& nodeOf(const QModelIndex& index) const;

    std::vector<pp::GroupSummary> m_groups;
    pp::Result m_waits; ///< the groups and why they waited (whyIdleSeries), for the name's tooltip
    std::shared_ptr<const pp::EnsembleResult> m_ensemble; ///< of the shown result's scenario, or none
    std::vector<pp::SubmitterSummary> m_submitters;
    std::vector<std::vector<pp::GroupSample>> m_series;
    std::vector<bool> m_autoregroup; ///< per group
    std::vector<pp::GroupFigures> m_figures; ///< per group, whole run: work over the subtree, waits its own
    std::vector<Period> m_period; ///< per group
    std::vector<Node> m_nodes;
    std::vector<int> m_topLevel; ///< node indices
    double m_sampleInterval = 3600;
    double m_totalCoreHours = 0;
    int m_first = 0, m_last = -1;
};
