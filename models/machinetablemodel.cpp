// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "machinetablemodel.h"

#include <QLocale>

#include <algorithm>

MachineTableModel::MachineTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void MachineTableModel::setResult(const pp::Result& result, const pp::Pool& pool)
{
    beginResetModel();
    m_machines = pool.machines;
    m_series = result.machineSeries;
    m_stride = std::max<std::int64_t>(1, result.machineSampleStride);
    m_shown = m_series.empty() ? -1 : static_cast<int>(m_series.size()) - 1;
    endResetModel();
}

void MachineTableModel::setPoolSample(int sample)
{
    if (m_series.empty())
        return;
    const int shown = std::clamp(static_cast<int>(sample / m_stride), 0, static_cast<int>(m_series.size()) - 1);
    if (shown == m_shown)
        return;
    m_shown = shown;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, ClaimedColumn), index(rowCount() - 1, StateColumn));
}

int MachineTableModel::shownPoolSample() const
{
    return m_shown < 0 ? -1 : static_cast<int>(m_shown * m_stride);
}

int MachineTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_machines.size());
}

int MachineTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MachineTableModel::stateOf(int machine) const
{
    const auto& s = m_series[static_cast<std::size_t>(m_shown)][static_cast<std::size_t>(machine)];
    if (s.draining)
        return tr("draining");
    if (s.claimedCores == 0)
        return tr("whole");
    if (s.claimedCores >= m_machines[static_cast<std::size_t>(machine)].cores)
        return tr("full");
    return tr("partly claimed");
}

QVariant MachineTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const auto& spec = m_machines[row];
    const bool sampled = m_shown >= 0 && row < m_series[static_cast<std::size_t>(m_shown)].size();
    const pp::MachineSample s = sampled ? m_series[static_cast<std::size_t>(m_shown)][row] : pp::MachineSample {};
    const int claimed = s.claimedCores;
    if (role == SortRole || role == Qt::DisplayRole) {
        const bool sort = role == SortRole;
        const QLocale locale;
        switch (index.column()) {
        case NameColumn:
            return QString::fromStdString(spec.name);
        case OwnerColumn:
            return QString::fromStdString(spec.owner);
        case CoresColumn:
            return sort ? QVariant(spec.cores) : QVariant(locale.toString(spec.cores));
        case ClaimedColumn:
            return sampled ? (sort ? QVariant(claimed) : QVariant(locale.toString(claimed))) : QVariant();
        case FreeColumn:
            return sampled ? (sort ? QVariant(spec.cores - claimed) : QVariant(locale.toString(spec.cores - claimed)))
                           : QVariant();
        case DynamicSlotsColumn:
            return sampled ? (sort ? QVariant(s.dynamicSlots) : QVariant(locale.toString(s.dynamicSlots))) : QVariant();
        case StateColumn:
            return sampled ? stateOf(index.row()) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn && index.column() != OwnerColumn
        && index.column() != StateColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MachineTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Machine");
    case OwnerColumn:
        return tr("Owner");
    case CoresColumn:
        return tr("Cores");
    case ClaimedColumn:
        return tr("Claimed");
    case FreeColumn:
        return tr("Free");
    case DynamicSlotsColumn:
        return tr("Dynamic slots");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}
