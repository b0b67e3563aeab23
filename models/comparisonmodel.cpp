// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "comparisonmodel.h"

#include "formatduration.h"

#include <QColor>
#include <QLocale>

namespace {

const char* metricKeyOf(int column)
{
    switch (column) {
    case ComparisonModel::CoreHoursColumn:
        return "core_hours";
    case ComparisonModel::ShareColumn:
        return "share";
    case ComparisonModel::WaitP50Column:
        return "wait_p50_s";
    case ComparisonModel::WaitP95Column:
        return "wait_p95_s";
    case ComparisonModel::PreemptionsColumn:
        return "preemptions";
    case ComparisonModel::BadputColumn:
        return "badput_core_hours";
    case ComparisonModel::NotebookStartColumn:
        return "notebook_start_p95_s";
    default:
        return nullptr;
    }
}

QString formatValue(int column, double v)
{
    const QLocale locale;
    switch (column) {
    case ComparisonModel::ShareColumn:
    case ComparisonModel::QuotaShareColumn:
        return QStringLiteral("%1 %").arg(locale.toString(v * 100.0, 'f', 1));
    case ComparisonModel::WaitP50Column:
    case ComparisonModel::WaitP95Column:
    case ComparisonModel::NotebookStartColumn:
        return formatDuration(v);
    default:
        return locale.toString(v, 'f', 0);
    }
}

} // namespace

ComparisonModel::ComparisonModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonModel::setComparison(const pp::Comparison& comparison,
    const std::map<std::string, double>& baseQuotaShare, const std::map<std::string, double>& proposalQuotaShare)
{
    beginResetModel();
    m_comparison = comparison;
    m_baseQuota = baseQuotaShare;
    m_proposalQuota = proposalQuotaShare;
    endResetModel();
}

void ComparisonModel::clear()
{
    beginResetModel();
    m_comparison = {};
    m_baseQuota.clear();
    m_proposalQuota.clear();
    endResetModel();
}

std::map<std::string, double> ComparisonModel::quotaShares(const pp::Result& result)
{
    std::map<std::string, double> shares;
    for (const auto& g : result.groups)
        shares[g.name] = result.poolCores > 0 ? g.meanQuota / static_cast<double>(result.poolCores) : 0.0;
    return shares;
}

int ComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_comparison.groups.size());
}

int ComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const pp::MetricDelta* ComparisonModel::metricAt(int row, int column) const
{
    const char* key = metricKeyOf(column);
    return key ? m_comparison.groups[static_cast<std::size_t>(row)].metric(key) : nullptr;
}

QVariant ComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& group = m_comparison.groups[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    if (column == GroupColumn) {
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(group.name);
        return {};
    }
    if (column == QuotaShareColumn) {
        const auto base = m_baseQuota.find(group.name);
        const auto proposal = m_proposalQuota.find(group.name);
        const double b = base == m_baseQuota.end() ? 0.0 : base->second;
        const double p = proposal == m_proposalQuota.end() ? 0.0 : proposal->second;
        if (role == SortRole)
            return p;
        if (role == Qt::DisplayRole)
            return std::abs(p - b) < 0.0005
                ? formatValue(column, p)
                : QStringLiteral("%1 (was %2)").arg(formatValue(column, p), formatValue(column, b));
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const pp::MetricDelta* d = metricAt(index.row(), column);
    if (!d)
        return {};
    const int verdict = d->verdict == pp::MetricDelta::Verdict::Better ? 1
        : d->verdict == pp::MetricDelta::Verdict::Worse                ? -1
                                                                       : 0;
    switch (role) {
    case SortRole:
        return d->proposal;
    case VerdictRole:
        return verdict;
    case Qt::DisplayRole: {
        const bool timing = column == WaitP50Column || column == WaitP95Column || column == NotebookStartColumn;
        if (timing && d->base == 0 && d->proposal == 0)
            return QString(); // no jobs of its own (or no notebooks): nothing waited
        if (d->withinNoise) // moved, but no further than HTCondor's arbitrary choices move it
            return tr("%1 (within noise)").arg(formatValue(column, d->proposal));
        if (verdict == 0)
            return formatValue(column, d->proposal);
        // More than doubled reads as a factor ("×92"), as the written summary says it: "+9,075 %" reads as noise.
        const QString change = !d->relative ? QStringLiteral("new")
            : *d->relative >= 1.0           ? QStringLiteral("×%1").arg(QLocale().toString(1.0 + *d->relative, 'f', 0))
                                  : QStringLiteral("%1%2 %").arg(d->delta > 0 ? QStringLiteral("+") : QString(),
                                      QLocale().toString(*d->relative * 100.0, 'f', 0));
        return QStringLiteral("%1 (%2)").arg(formatValue(column, d->proposal), change);
    }
    case Qt::ToolTipRole: {
        QString tip
            = tr("%1: %2 → %3 (%4 is better)")
                  .arg(QString::fromStdString(d->label), formatValue(column, d->base), formatValue(column, d->proposal),
                      d->better == pp::MetricDelta::Better::Higher ? tr("more") : tr("less"));
        if (d->baseSpread && d->proposalSpread)
            tip += tr("\nMedians of %1 runs each; the runs ranged %2–%3, then %4–%5")
                       .arg(m_comparison.runs)
                       .arg(formatValue(column, d->baseSpread->low), formatValue(column, d->baseSpread->high),
                           formatValue(column, d->proposalSpread->low), formatValue(column, d->proposalSpread->high));
        return tip;
    }
    case Qt::BackgroundRole:
        if (verdict == 0)
            return {};
        return verdict > 0 ? QColor(46, 160, 67, 60) : QColor(220, 50, 47, 60);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    static const char* const titles[ColumnCount][2] = {
        {QT_TR_NOOP("Group"), QT_TR_NOOP("Groups of either run")},
        {QT_TR_NOOP("Quota share"), QT_TR_NOOP("Mean quota over the pool's cores: what the policy promises")},
        {QT_TR_NOOP("Core-hours"), QT_TR_NOOP("Delivered to the group's subtree; change from the base")},
        {QT_TR_NOOP("Share of work"), QT_TR_NOOP("Share of all core-hours delivered: what the group got")},
        {QT_TR_NOOP("Wait p50"), QT_TR_NOOP("Median wait of the group's own jobs")},
        {QT_TR_NOOP("Wait p95"), QT_TR_NOOP("95th percentile wait of the group's own jobs")},
        {QT_TR_NOOP("Preemptions"), QT_TR_NOOP("Runs evicted by priority or quota preemption")},
        {QT_TR_NOOP("Badput core-h"), QT_TR_NOOP("Core-hours of evicted runs, whatever evicted them")},
        {QT_TR_NOOP("Notebook start p95"), QT_TR_NOOP("95th percentile time to a usable notebook")},
    };
    if (section < 0 || section >= ColumnCount)
        return {};
    return tr(titles[section][role == Qt::DisplayRole ? 0 : 1]);
}
