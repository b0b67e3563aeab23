// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "flowdiagram.h"

#include "flowtablemodel.h"
#include "groupcolours.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <iterator>
#include <map>

namespace {

constexpr std::size_t maxFlowsDrawn = 24;

} // namespace

FlowDiagram::FlowDiagram(FlowTableModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("flowDiagram"));
    setMinimumHeight(360);
    setMouseTracking(true);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_hovered = -1;
        update();
    });
}

void FlowDiagram::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const auto& all = m_model->flows();
    m_bands.clear();
    const QLocale locale;
    if (all.empty()) {
        p.setPen(palette().text().color());
        p.drawText(rect(), Qt::AlignCenter, tr("No group used another's quota in this period."));
        return;
    }
    const std::size_t drawn = std::min(all.size(), maxFlowsDrawn);
    const double total = m_model->totalCoreHours();
    double drawnTotal = 0;
    for (std::size_t i = 0; i < drawn; ++i)
        drawnTotal += all[i].coreHours;
    // Node totals and order (largest first) on each side.
    std::map<int, double> lent;
    std::map<int, double> used;
    for (std::size_t i = 0; i < drawn; ++i) {
        lent[all[i].from] += all[i].coreHours;
        used[all[i].to] += all[i].coreHours;
    }
    const auto ordered = [](const std::map<int, double>& m) {
        std::vector<std::pair<int, double>> v(m.begin(), m.end());
        std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        return v;
    };
    const auto lenders = ordered(lent);
    const auto borrowers = ordered(used);

    const QFontMetrics fm(font());
    const int margin = 16;
    const int top = margin + fm.height() * 2;
    const int labelWidth = std::max(160, fm.horizontalAdvance(QStringLiteral("atlas.multicore 000,000")) + 12);
    const int barWidth = 14;
    const double gap = 8;
    const int footer = fm.height() + 6; // the legend line under the bars
    const double usable = std::max(
        0.0, height() - top - margin - footer - gap * static_cast<double>(std::max(lenders.size(), borrowers.size())));
    const double scale = usable / drawnTotal;
    const int leftX = margin + labelWidth;
    const int rightX = width() - margin - labelWidth - barWidth;

    p.setPen(palette().text().color());
    p.drawText(QRect(margin, margin, width() - 2 * margin, fm.height()), Qt::AlignLeft,
        tr("Surplus: core-hours one group used of another's unused quota (siblings first, then up the tree)"));
    p.drawText(QRect(margin, margin + fm.height(), width() - 2 * margin, fm.height()), Qt::AlignLeft,
        tr("%1 core-hours in all; the %2 largest flows are drawn (%3 %)")
            .arg(locale.toString(total, 'f', 0))
            .arg(drawn)
            .arg(locale.toString(100.0 * drawnTotal / total, 'f', 0)));

    std::map<int, double> lenderY;
    std::map<int, QColor> colour;
    double y = top;
    for (const auto& [g, amount] : lenders) {
        lenderY[g] = y;
        colour[g] = groupColour(m_model->groupName(g), m_model->groupNames());
        const double h = amount * scale;
        p.fillRect(QRectF(leftX, y, barWidth, h), colour[g]);
        p.setPen(palette().text().color());
        p.drawText(QRectF(margin, y, labelWidth - 8, std::max(h, static_cast<double>(fm.height()))),
            Qt::AlignRight | Qt::AlignVCenter,
            QStringLiteral("%1 %2").arg(m_model->groupName(g), locale.toString(amount, 'f', 0)));
        y += h + gap;
    }
    std::map<int, double> borrowerY;
    y = top;
    for (const auto& [g, amount] : borrowers) {
        borrowerY[g] = y;
        const double h = amount * scale;
        p.fillRect(QRectF(rightX, y, barWidth, h), palette().mid());
        p.setPen(palette().text().color());
        p.drawText(QRectF(rightX + barWidth + 8, y, labelWidth - 8, std::max(h, static_cast<double>(fm.height()))),
            Qt::AlignLeft | Qt::AlignVCenter,
            QStringLiteral("%1 %2").arg(m_model->groupName(g), locale.toString(amount, 'f', 0)));
        y += h + gap;
    }
    // One band per flow, stacked in both bars in the order of the flows.
    std::map<int, double> lenderOffset;
    std::map<int, double> borrowerOffset;
    for (std::size_t i = 0; i < drawn; ++i) {
        const auto& f = all[i];
        const double h = f.coreHours * scale;
        const double y0 = lenderY[f.from] + lenderOffset[f.from];
        const double y1 = borrowerY[f.to] + borrowerOffset[f.to];
        lenderOffset[f.from] += h;
        borrowerOffset[f.to] += h;
        const double x0 = leftX + barWidth;
        const double x1 = rightX;
        const double mid = (x0 + x1) / 2;
        QPainterPath band;
        band.moveTo(x0, y0);
        band.cubicTo(mid, y0, mid, y1, x1, y1);
        band.lineTo(x1, y1 + h);
        band.cubicTo(mid, y1 + h, mid, y0 + h, x0, y0 + h);
        band.closeSubpath();
        QColor fill = colour[f.from];
        fill.setAlpha(m_hovered < 0 ? 110 : static_cast<int>(i) == m_hovered ? 200 : 60);
        p.fillPath(band, fill);
        if (static_cast<int>(i) == m_hovered)
            p.strokePath(band, QPen(fill.darker(160), 1.5));
        m_bands.push_back(band);
    }
    p.setPen(palette().placeholderText().color());
    p.drawText(QRect(margin, height() - margin - fm.height(), width() - 2 * margin, fm.height() + margin / 2),
        Qt::AlignLeft | Qt::AlignBottom,
        tr("Left: groups that left quota unused, in their experiment's colour. Right: groups that used it. Hover a "
           "band "
           "for its figures."));
}

int FlowDiagram::flowAt(const QPointF& point) const
{
    // Later bands are painted on top: look from the last one back.
    for (std::size_t i = m_bands.size(); i-- > 0;)
        if (m_bands[i].contains(point))
            return static_cast<int>(i);
    return -1;
}

void FlowDiagram::mouseMoveEvent(QMouseEvent* event)
{
    const int flow = flowAt(event->position());
    if (flow != m_hovered) {
        m_hovered = flow;
        update();
    }
    if (flow < 0) {
        QToolTip::hideText();
        return;
    }
    const auto& f = m_model->flows()[static_cast<std::size_t>(flow)];
    const QLocale locale;
    const double total = m_model->totalCoreHours();
    QToolTip::showText(event->globalPosition().toPoint(),
        tr("<b>%1</b> → <b>%2</b><br>%3 core-hours of %1's unused quota used by %2<br>%4 % of all surplus used")
            .arg(m_model->groupName(f.from).toHtmlEscaped(), m_model->groupName(f.to).toHtmlEscaped(),
                locale.toString(f.coreHours, 'f', 0),
                locale.toString(total > 0 ? 100.0 * f.coreHours / total : 0.0, 'f', 1)),
        this);
}

void FlowDiagram::leaveEvent(QEvent*)
{
    if (m_hovered >= 0) {
        m_hovered = -1;
        update();
    }
}
