// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "poolseriesmodel.h"

#include "analysis/experimentseries.h"

#include <QLocale>

PoolSeriesModel::PoolSeriesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void PoolSeriesModel::setResult(const pp::Result& result)
{
    beginResetModel();
    m_pool = result.poolSeries;
    m_poolCores = result.poolCores;
    m_groupNames.clear();
    pp::ExperimentSeries series = pp::experimentSeries(result);
    for (int g : series.groups)
        m_groupNames << QString::fromStdString(result.groups[static_cast<std::size_t>(g)].name);
    m_groupUsage = std::move(series.usage);
    m_groupQuota = std::move(series.quota);
    endResetModel();
}

double PoolSeriesModel::timeOf(int row) const
{
    return static_cast<double>(m_pool[static_cast<std::size_t>(row)].time);
}

double PoolSeriesModel::valueAt(int row, int column) const
{
    const auto& p = m_pool[static_cast<std::size_t>(row)];
    switch (column) {
    case TimeColumn:
        return static_cast<double>(p.time);
    case ClaimedColumn:
        return p.claimedCores;
    case IdleColumn:
        return p.idleCores;
    case IdleJobsColumn:
        return p.idleJobs;
    case WholeColumn:
        return p.wholeMachines;
    case DrainingColumn:
        return p.drainingMachines;
    case FragmentedColumn:
        return p.fragmentedCores;
    default: {
        const auto& usage = m_groupUsage[static_cast<std::size_t>(row)];
        const auto g = static_cast<std::size_t>(column - FirstGroupColumn);
        return g < usage.size() ? usage[g] : 0.0;
    }
    }
}

double PoolSeriesModel::quotaAt(int row, int group) const
{
    const auto& quota = m_groupQuota[static_cast<std::size_t>(row)];
    return group >= 0 && static_cast<std::size_t>(group) < quota.size() ? quota[static_cast<std::size_t>(group)] : 0.0;
}

int PoolSeriesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(std::min(m_pool.size(), m_groupUsage.size()));
}

int PoolSeriesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstGroupColumn + static_cast<int>(m_groupNames.size());
}

QVariant PoolSeriesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const double v = valueAt(index.row(), index.column());
    if (role == SortRole)
        return v;
    if (role == Qt::DisplayRole) {
        if (index.column() == TimeColumn)
            return QStringLiteral("%1 h").arg(v / 3600.0, 0, 'f', 1);
        return QLocale().toString(v, 'f', 0);
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PoolSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == FragmentedColumn)
        return tr("Idle cores on machines with fewer than 8 free: no 8-core job fits there without draining");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ClaimedColumn:
        return tr("Claimed cores");
    case IdleColumn:
        return tr("Idle cores");
    case IdleJobsColumn:
        return tr("Jobs waiting");
    case WholeColumn:
        return tr("Whole machines");
    case DrainingColumn:
        return tr("Draining machines");
    case FragmentedColumn:
        return tr("Fragmented cores");
    default:
        return m_groupNames.value(section - FirstGroupColumn);
    }
}
