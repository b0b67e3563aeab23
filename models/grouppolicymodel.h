// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QAbstractTableModel>

class PolicyDraft;
class QUndoStack;

/// The groups of a policy draft, editable as a coordinator thinks of them: quota in cores (GROUP_QUOTA) or as a
/// share of the parent (GROUP_QUOTA_DYNAMIC), accept surplus, autoregroup, priority factor. Each edit becomes one
/// named undo command over the knobs. The workload factor scales the group's jobs (and its sub-groups'). With
/// rebalancing on, changing one quota rescales its siblings' quotas of the same kind so that the parent's total stays
/// where it was.
class GroupPolicyModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        NameColumn,
        KindColumn,
        QuotaColumn,
        AcceptSurplusColumn,
        AutoregroupColumn,
        PrioFactorColumn,
        WorkloadColumn, ///< the group's work scaled (POOLPLANNER_SCALE_<group>), 1 = as in the data
        RuntimeLimitColumn, ///< hours a job of the group may run before the schedd holds or removes it; 0 = none
        ColumnCount
    };

    GroupPolicyModel(PolicyDraft* draft, QUndoStack* undo, QObject* parent = nullptr);

    void setRebalance(bool on) { m_rebalance = on; }
    /// The pool's cores: what a top-level share of the pool means when a quota changes from cores to a share.
    void setPoolCores(double cores) { m_poolCores = cores; }
    bool rebalance() const { return m_rebalance; }
    /// A quota set by dragging (cores when static, 0..1 of the parent otherwise): the steps of one drag, `drag`,
    /// make one undo step.
    bool dragQuota(int row, double value, int drag);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();
    bool setQuota(int row, double value, const QString& mergeKey = {});
    bool setKind(int row, bool staticQuota);

    PolicyDraft* m_draft;
    QUndoStack* m_undo;
    /// Cores a group's quota stands for in the draft: its own when static, its share of its parent's otherwise.
    double coresOf(const std::string& group) const;

    bool m_rebalance = true;
    double m_poolCores = 0;
    int m_rows = 0;
};
