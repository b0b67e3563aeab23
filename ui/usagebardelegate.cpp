// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "usagebardelegate.h"

#include <QPainter>

#include <algorithm>

UsageBarDelegate::UsageBarDelegate(int fillRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_fillRole(fillRole)
{
}

void UsageBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant fill = index.data(m_fillRole);
    if (fill.isValid()) {
        const double f = fill.toDouble();
        // The bar spans [0, 1.5 × quota]; a tick marks the quota itself.
        constexpr double scale = 1.5;
        const QRect area = option.rect.adjusted(2, 3, -2, -3);
        const int width = static_cast<int>(area.width() * std::clamp(f / scale, 0.0, 1.0));
        QColor colour = f > 1.0 ? QColor(230, 140, 40) : option.palette.color(QPalette::Highlight);
        colour.setAlpha(90);
        painter->save();
        painter->fillRect(QRect(area.left(), area.top(), width, area.height()), colour);
        const int tick = area.left() + static_cast<int>(area.width() / scale);
        painter->setPen(QPen(option.palette.color(QPalette::Mid), 1));
        painter->drawLine(tick, area.top(), tick, area.bottom());
        painter->restore();
    }
    QStyledItemDelegate::paint(painter, option, index);
}
