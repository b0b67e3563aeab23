// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "grouptablemodel.h"

#include "formatduration.h"

#include <QLocale>

#include <functional>

namespace {

QString groupLabel(const pp::GroupSummary& g)
{
    const QString name = QString::fromStdString(g.name);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const int depth = static_cast<int>(name.count(QLatin1Char('.'))) + (g.parent >= 0 ? 1 : 0);
    return QString(std::max(0, depth - 1) * 4, QLatin1Char(' ')) + (dot >= 0 ? name.mid(dot + 1) : name);
}

} // namespace

GroupTableModel::GroupTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void GroupTableModel::setResult(const pp::Result& result)
{
    beginResetModel();
    m_groups = result.groups;
    // Depth-first, so each experiment's queues sit right under it (the engine keeps breadth-first order).
    m_order.clear();
    std::function<void(int)> visit = [&](int parent) {
        for (std::size_t g = 0; g < m_groups.size(); ++g)
            if (m_groups[g].parent == parent) {
                m_order.push_back(g);
                visit(static_cast<int>(g));
            }
    };
    visit(-1);
    m_totalCoreHours = 0;
    for (const auto& g : m_groups)
        m_totalCoreHours += g.coreHours;
    endResetModel();
}

int GroupTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

const pp::GroupSummary& GroupTableModel::groupAt(int row) const
{
    return m_groups[m_order[static_cast<std::size_t>(row)]];
}

int GroupTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& g = groupAt(index.row());
    const double share = m_totalCoreHours > 0 ? g.coreHours / m_totalCoreHours : 0.0;
    const QLocale locale;
    if (role == SortRole) {
        switch (index.column()) {
        case NameColumn:
            return QString::fromStdString(g.name);
        case ConfigQuotaColumn:
            return g.configQuota;
        case QuotaColumn:
            return g.meanQuota;
        case CoreHoursColumn:
            return g.coreHours;
        case ShareColumn:
            return share;
        case JobsColumn:
            return static_cast<qlonglong>(g.jobsCompleted);
        case WaitP50Column:
            return g.waitP50;
        case WaitP95Column:
            return g.waitP95;
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return groupLabel(g);
        case ConfigQuotaColumn:
            if (g.parent < 0)
                return QStringLiteral("rest of pool");
            return g.staticQuota
                ? QString(locale.toString(g.configQuota, 'f', 0) + QStringLiteral(" cores"))
                : QString(locale.toString(g.configQuota * 100.0, 'f', 0) + QStringLiteral(" % of parent"));
        case QuotaColumn:
            return locale.toString(g.meanQuota, 'f', 1);
        case CoreHoursColumn:
            return locale.toString(g.coreHours, 'f', 0);
        case ShareColumn:
            return QString(locale.toString(share * 100.0, 'f', 1) + QStringLiteral(" %"));
        case JobsColumn:
            return locale.toString(static_cast<qlonglong>(g.jobsCompleted));
        case WaitP50Column:
            return g.jobsTotal > 0 ? formatDuration(g.waitP50) : QString();
        case WaitP95Column:
            return g.jobsTotal > 0 ? formatDuration(g.waitP95) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return QStringLiteral("%1 — %2").arg(
            QString::fromStdString(g.name), g.acceptSurplus ? tr("accepts surplus") : tr("does not accept surplus"));
    return {};
}

QVariant GroupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Group");
    case ConfigQuotaColumn:
        return tr("Configured quota");
    case QuotaColumn:
        return tr("Effective quota (cores)");
    case CoreHoursColumn:
        return tr("Core-hours");
    case ShareColumn:
        return tr("Share");
    case JobsColumn:
        return tr("Jobs done");
    case WaitP50Column:
        return tr("Wait p50");
    case WaitP95Column:
        return tr("Wait p95");
    default:
        return {};
    }
}
