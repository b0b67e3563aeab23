// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "outcomechart.h"

#include "formatduration.h"
#include "groupcolours.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <functional>

namespace {

// The wait axis spans a factor of 100 either way; a larger change reaches the end of its side.
constexpr double waitDecades = 2.0;

QString percentText(double fraction)
{
    return QStringLiteral("%1 %").arg(fraction * 100.0, 0, 'f', 1);
}

} // namespace

OutcomeChart::OutcomeChart(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void OutcomeChart::setComparison(const pp::Comparison& comparison, const std::map<std::string, double>& quotaSharesBase,
    const std::map<std::string, double>& quotaShares)
{
    m_rows.clear();
    QStringList names;
    for (const auto& g : comparison.groups)
        names << QString::fromStdString(g.name);
    // Each group followed by its sub-groups (the comparison lists the tree breadth-first).
    std::vector<const pp::GroupComparison*> ordered;
    std::function<void(const std::string&)> childrenOf = [&](const std::string& parent) {
        for (const auto& g : comparison.groups)
            if (g.parent == parent && g.depth > 0) {
                ordered.push_back(&g);
                childrenOf(g.name);
            }
    };
    for (const auto& g : comparison.groups)
        if (g.depth == 0) {
            ordered.push_back(&g);
            childrenOf(g.name);
        }
    for (const auto& g : comparison.groups) // anything not reached (a parent only one side has) keeps its place
        if (std::find(ordered.begin(), ordered.end(), &g) == ordered.end())
            ordered.push_back(&g);
    for (const pp::GroupComparison* group : ordered) {
        const pp::GroupComparison& g = *group;
        const pp::MetricDelta* share = g.metric("share");
        const pp::MetricDelta* wait = g.metric("wait_p95_s");
        if (g.depth == 0 && !g.ownJobs)
            continue; // <none> without jobs of its own says nothing
        Row row;
        row.name = QString::fromStdString(g.name);
        row.depth = g.depth;
        row.colour = groupColour(row.name, names);
        const auto quota = [&](const std::map<std::string, double>& shares) {
            const auto it = shares.find(g.name);
            return it == shares.end() ? 0.0 : it->second;
        };
        row.quotaShareBase = quota(quotaSharesBase);
        row.quotaShare = quota(quotaShares);
        row.shareBase = share ? share->base : 0;
        row.share = share ? share->proposal : 0;
        row.ownJobs = g.ownJobs && wait;
        if (wait) {
            row.waitBase = wait->base;
            row.wait = wait->proposal;
            row.waitVerdict = wait->verdict;
            row.waitWithinNoise = wait->withinNoise;
        }
        m_rows.push_back(row);
    }
    updateGeometry();
    update();
}

int OutcomeChart::rowHeight() const
{
    return fontMetrics().height() + 8;
}

QSize OutcomeChart::sizeHint() const
{
    return {640, rowHeight() * (static_cast<int>(m_rows.size()) + 1) + 6};
}

QSize OutcomeChart::minimumSizeHint() const
{
    return {420, sizeHint().height()};
}

QString OutcomeChart::waitLabel(const Row& r)
{
    if (!r.ownJobs)
        return {};
    if (r.waitVerdict != pp::MetricDelta::Verdict::Same && r.waitBase > 0 && r.wait > 0)
        return tr("%1 → %2").arg(formatDuration(r.waitBase), formatDuration(r.wait));
    return r.waitWithinNoise ? tr("%1 (within noise)").arg(formatDuration(r.wait)) : formatDuration(r.wait);
}

void OutcomeChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int h = rowHeight();
    int nameWidth = fm.horizontalAdvance(tr("Group"));
    for (const auto& r : m_rows)
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(r.name) + 12 * r.depth);
    nameWidth += 20; // the deepest name must not touch its bar
    // The wait column takes what its widest label needs on either side of the middle; the share bars the rest.
    int waitLabelWidth = fm.horizontalAdvance(tr("no jobs of its own")) / 2;
    for (const auto& r : m_rows)
        waitLabelWidth = std::max(waitLabelWidth, fm.horizontalAdvance(waitLabel(r)));
    const int rest = std::max(200, width() - nameWidth - 8);
    const int shareWidth = std::max(rest * 9 / 20, std::min(rest * 11 / 20, rest - 16 - 4 - 2 * (waitLabelWidth + 12)));
    const int waitLeft = nameWidth + shareWidth + 16;
    const int waitWidth = width() - waitLeft - 4;
    const QColor text = palette().color(QPalette::WindowText);
    const QColor faint = palette().color(QPalette::Mid);

    // Header.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(text);
    p.drawText(QRect(0, 0, nameWidth, h), Qt::AlignLeft | Qt::AlignVCenter, tr("Group"));
    p.drawText(QRect(nameWidth, 0, shareWidth, h), Qt::AlignLeft | Qt::AlignVCenter, tr("Share of work | quota"));
    p.drawText(
        QRect(waitLeft, 0, waitWidth, h), Qt::AlignHCenter | Qt::AlignVCenter, tr("← shorter   wait p95   longer →"));
    p.setFont(font());
    if (m_rows.empty())
        return;

    double largest = 0.01;
    for (const auto& r : m_rows)
        largest = std::max({largest, r.share, r.shareBase, r.quotaShare, r.quotaShareBase});
    // Room for the label after the longest bar.
    const int labelRoom = fm.horizontalAdvance(QStringLiteral("100.0 % (quota 100.0 %)")) + 8;
    const int barSpan = std::max(40, shareWidth - labelRoom);
    const auto xOf = [&](double share) { return nameWidth + static_cast<int>(share / largest * barSpan); };
    const int middle = waitLeft + waitWidth / 2;
    const QColor better(0x2e, 0x9d, 0x4f);
    const QColor worse(0xc6, 0x28, 0x28);

    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& r = m_rows[i];
        const int top = h * static_cast<int>(i + 1);
        if (i % 2 == 1)
            p.fillRect(QRect(0, top, width(), h), palette().color(QPalette::AlternateBase));
        p.setPen(text);
        p.drawText(QRect(6 + 12 * r.depth, top, nameWidth, h), Qt::AlignLeft | Qt::AlignVCenter, r.name);

        // Share: the baseline's faint bar, the proposal's in the group's colour, the quota share as a tick.
        const int barTop = top + h / 2 - 6;
        p.fillRect(QRect(nameWidth, barTop - 2, xOf(r.shareBase) - nameWidth, 3), faint);
        p.fillRect(QRect(nameWidth, barTop + 2, std::max(1, xOf(r.share) - nameWidth), 9), r.colour);
        if (r.quotaShareBase != r.quotaShare) {
            p.setPen(QPen(faint, 2, Qt::DotLine));
            p.drawLine(xOf(r.quotaShareBase), top + 3, xOf(r.quotaShareBase), top + h - 3);
        }
        p.setPen(QPen(text, 2));
        p.drawLine(xOf(r.quotaShare), top + 3, xOf(r.quotaShare), top + h - 3);
        p.setPen(text);
        const int labelX = std::max(xOf(r.share), xOf(r.quotaShare)) + 6;
        p.drawText(QRect(labelX, top, nameWidth + shareWidth - labelX, h), Qt::AlignLeft | Qt::AlignVCenter,
            tr("%1 (quota %2)").arg(percentText(r.share), percentText(r.quotaShare)));

        // Wait p95: log of the factor, from the middle.
        p.setPen(QPen(faint, 1));
        p.drawLine(middle, top, middle, top + h);
        if (!r.ownJobs) {
            p.setPen(faint);
            p.drawText(
                QRect(waitLeft, top, waitWidth, h), Qt::AlignHCenter | Qt::AlignVCenter, tr("no jobs of its own"));
            continue;
        }
        const bool changed = r.waitVerdict != pp::MetricDelta::Verdict::Same && r.waitBase > 0 && r.wait > 0;
        const double factor = changed ? std::log10(r.wait / r.waitBase) / waitDecades : 0.0;
        const int length = static_cast<int>(std::clamp(factor, -1.0, 1.0) * (waitWidth / 2.0 - 4.0));
        const QColor colour = !changed ? faint : r.waitVerdict == pp::MetricDelta::Verdict::Better ? better : worse;
        if (length != 0)
            p.fillRect(QRect(std::min(middle, middle + length), barTop, std::abs(length), 12), colour);
        const QString label = waitLabel(r);
        p.setPen(changed ? colour.darker(130) : text);
        // The label on the side the bar does not take.
        if (length < 0)
            p.drawText(QRect(middle + 6, top, waitWidth / 2 - 6, h), Qt::AlignLeft | Qt::AlignVCenter, label);
        else
            p.drawText(QRect(waitLeft, top, waitWidth / 2 - 6, h), Qt::AlignRight | Qt::AlignVCenter, label);
    }
}
