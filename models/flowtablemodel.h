// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <QAbstractTableModel>

/// Surplus flows of a run, largest first: lender, borrower, core-hours and the share of all borrowing.
class FlowTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { FromColumn, ToColumn, CoreHoursColumn, ShareColumn, ColumnCount };
    enum Roles { SortRole = Qt::UserRole };

    explicit FlowTableModel(QObject* parent = nullptr);
    void setResult(const pp::Result& result);
    /// The flows of one period of the same result (pp::computeSurplusFlows over its samples).
    void setFlows(std::vector<pp::SurplusFlow> flows);
    const std::vector<pp::SurplusFlow>& flows() const { return m_flows; }
    double totalCoreHours() const { return m_total; }
    QString groupName(int index) const;
    /// Every group of the result, in its order.
    const QStringList& groupNames() const { return m_names; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<pp::SurplusFlow> m_flows;
    QStringList m_names;
    double m_total = 0;
};
