// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QStyledItemDelegate>

/// Paints a bar behind a number: how full the group is against its quota (the model's fill role, 1 = at
/// quota). Above quota the bar takes the highlight colour's complement, so borrowing stands out.
class UsageBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    UsageBarDelegate(int fillRole, QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_fillRole;
};
