// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "groupcolours.h"

#include <iterator>

namespace {

// Distinct colours that stay apart for colour-blind readers (Okabe–Ito, then Tableau).
const QColor experimentColours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
    QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00), QColor(0xF0, 0xE4, 0x42),
    QColor(0x8C, 0x56, 0x4B), QColor(0x7F, 0x7F, 0x7F), QColor(0xBC, 0xBD, 0x22)};
const QString none = QStringLiteral("<none>");

} // namespace

QColor groupColour(const QString& group, const QStringList& groupNames)
{
    const QString top = group.section(QLatin1Char('.'), 0, 0);
    if (top == none || top.isEmpty())
        return QColor(0x9E, 0x9E, 0x9E);
    int experiment = 0;
    for (const QString& name : groupNames) {
        if (name == top)
            break;
        if (name != none && !name.contains(QLatin1Char('.')))
            ++experiment;
    }
    const QColor base = experimentColours[static_cast<std::size_t>(experiment) % std::size(experimentColours)];
    if (group == top)
        return base;
    // Sub-groups: darker in their order under the experiment, so that siblings stay apart (lighter shades of a
    // dark blue would read as the sky blue of another experiment).
    int shade = 1;
    for (const QString& name : groupNames) {
        if (name == group)
            break;
        if (name.startsWith(top + QLatin1Char('.')))
            ++shade;
    }
    return base.darker(100 + 28 * std::min(shade, 4));
}
