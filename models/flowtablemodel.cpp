// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "flowtablemodel.h"

#include <QLocale>

FlowTableModel::FlowTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void FlowTableModel::setResult(const pp::Result& result)
{
    beginResetModel();
    m_flows = result.flows;
    m_names.clear();
    for (const auto& g : result.groups)
        m_names << QString::fromStdString(g.name);
    m_total = 0;
    for (const auto& f : m_flows)
        m_total += f.coreHours;
    endResetModel();
}

void FlowTableModel::setFlows(std::vector<pp::SurplusFlow> flows)
{
    beginResetModel();
    m_flows = std::move(flows);
    m_total = 0;
    for (const auto& f : m_flows)
        m_total += f.coreHours;
    endResetModel();
}

QString FlowTableModel::groupName(int index) const
{
    return m_names.value(index);
}

int FlowTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_flows.size());
}

int FlowTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FlowTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& f = m_flows[static_cast<std::size_t>(index.row())];
    const double share = m_total > 0 ? f.coreHours / m_total : 0.0;
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sorting = role == SortRole;
        switch (index.column()) {
        case FromColumn:
            return groupName(f.from);
        case ToColumn:
            return groupName(f.to);
        case CoreHoursColumn:
            return sorting ? QVariant(f.coreHours) : QVariant(QLocale().toString(f.coreHours, 'f', 0));
        default:
            return sorting ? QVariant(share)
                           : QVariant(QLocale().toString(share * 100.0, 'f', 1) + QStringLiteral(" %"));
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= CoreHoursColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant FlowTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FromColumn:
        return tr("Lent by");
    case ToColumn:
        return tr("Used by");
    case CoreHoursColumn:
        return tr("Core-hours");
    case ShareColumn:
        return tr("Share of all surplus");
    default:
        return {};
    }
}
