// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "pledgesheettable.h"

#include <QColor>
#include <QHeaderView>
#include <QLocale>

namespace {

QString coreHours(double v)
{
    return QLocale().toString(v, 'f', 0);
}

QString ratio(const pp::PledgeMonth& m)
{
    return m.pledgedCoreHours > 0 ? QLocale().toString(m.ratio(), 'f', 2) : QStringLiteral("–");
}

} // namespace

PledgeSheetTable::PledgeSheetTable(QWidget* parent)
    : QTableWidget(0, 8, parent)
{
    setObjectName(QStringLiteral("pledgeSheet"));
    setHorizontalHeaderLabels({tr("Experiment"), tr("Month"), tr("Pledged c-h"), tr("Contributed c-h"),
        tr("Delivered c-h"), tr("Borrowed c-h"), tr("Lent c-h"), tr("Delivered / pledged")});
    horizontalHeaderItem(5)->setToolTip(tr("Used beyond its quota, of others' unused quota"));
    horizontalHeaderItem(6)->setToolTip(tr("Of its quota it did not use, taken by others"));
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
}

void PledgeSheetTable::setSheets(std::vector<pp::PledgeMonth> current, std::vector<pp::PledgeMonth> suggested)
{
    m_current = std::move(current);
    m_suggested = std::move(suggested);
    setRowCount(static_cast<int>(m_current.size()));
    for (int row = 0; row < rowCount(); ++row) {
        const pp::PledgeMonth& now = m_current[static_cast<std::size_t>(row)];
        // The suggested setting's month of the same experiment (the same run span, so the same months).
        const pp::PledgeMonth* then = nullptr;
        for (const auto& m : m_suggested)
            if (m.experiment == now.experiment && m.month == now.month)
                then = &m;
        const pp::PledgeMonth& shown = then ? *then : now;
        const auto cell = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(column < 2 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
            setItem(row, column, item);
            return item;
        };
        cell(0, QString::fromStdString(now.experiment));
        cell(1, QString::fromStdString(now.month));
        cell(2, coreHours(now.pledgedCoreHours));
        cell(3, coreHours(now.contributedCoreHours));
        cell(4,
            then ? QStringLiteral("%1 → %2").arg(coreHours(now.deliveredCoreHours), coreHours(then->deliveredCoreHours))
                 : coreHours(now.deliveredCoreHours));
        cell(5, coreHours(shown.borrowedCoreHours));
        cell(6, coreHours(shown.lentCoreHours));
        QTableWidgetItem* r = cell(7,
            then && shown.pledgedCoreHours > 0 ? QStringLiteral("%1 → %2").arg(ratio(now), ratio(*then))
                                               : ratio(shown));
        if (shown.pledgedCoreHours > 0) // met or missed, in the comparison table's green and red
            r->setBackground(shown.ratio() >= 1.0 ? QColor(46, 160, 67, 60) : QColor(220, 50, 47, 60));
    }
}
