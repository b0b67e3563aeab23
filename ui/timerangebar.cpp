// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "timerangebar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimeZone>

#include <algorithm>

namespace {

constexpr std::int64_t day = 86400;
const QString timeFormat = QStringLiteral("ddd d MMM yyyy hh:mm");

} // namespace

TimeRangeBar::TimeRangeBar(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("&Period:"), this);
    m_presets = new QComboBox(this);
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(m_presets);
    m_from = new QDateTimeEdit(this);
    m_to = new QDateTimeEdit(this);
    for (auto* edit : {m_from, m_to}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(timeFormat);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeBar::editsChanged);
    }
    m_span = new QLabel(this);
    layout->addWidget(label);
    layout->addWidget(m_presets);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("from"), this));
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to"), this));
    layout->addWidget(m_to);
    layout->addWidget(new QLabel(tr("UTC"), this));
    layout->addSpacing(12);
    layout->addWidget(m_span);
    layout->addStretch(1);
    connect(m_presets, &QComboBox::activated, this, &TimeRangeBar::choosePreset);
    setEnabled(false);
}

QDateTime TimeRangeBar::timeOf(int sample) const
{
    const std::int64_t t = m_times.empty()
        ? 0
        : m_times[static_cast<std::size_t>(std::clamp<int>(sample, 0, static_cast<int>(m_times.size()) - 1))];
    return QDateTime::fromSecsSinceEpoch(m_startUnix + t, Qt::UTC);
}

void TimeRangeBar::setRun(std::int64_t startUnix, const std::vector<std::int64_t>& sampleTimes)
{
    m_startUnix = startUnix;
    m_times = sampleTimes;
    m_updating = true;
    m_presets->clear();
    m_presets->addItem(tr("Whole run"), QVariant::fromValue(-1));
    if (!m_times.empty()) {
        const std::int64_t days = (m_times.back() + day - 1) / day;
        for (std::int64_t d = 0; d < days && d < 366; ++d) {
            const QDateTime start = QDateTime::fromSecsSinceEpoch(m_startUnix + d * day, Qt::UTC);
            m_presets->addItem(m_startUnix > 0
                    ? tr("Day %1 — %2").arg(d + 1).arg(start.toString(QStringLiteral("ddd d MMM")))
                    : tr("Day %1").arg(d + 1),
                QVariant::fromValue(static_cast<int>(d)));
        }
    }
    m_presets->addItem(tr("Custom"), QVariant::fromValue(-2));
    const QDateTime first = timeOf(0), last = timeOf(static_cast<int>(m_times.size()) - 1);
    for (auto* edit : {m_from, m_to})
        edit->setDateTimeRange(first, last);
    m_updating = false;
    setEnabled(!m_times.empty());
    applyRange(0, static_cast<int>(m_times.size()) - 1);
}

void TimeRangeBar::setRange(int firstSample, int lastSample)
{
    applyRange(firstSample, lastSample);
    // Chosen from outside (a restored view): say "Whole run" only when it is, "Custom" otherwise.
    const bool whole = m_first == 0 && m_last + 1 >= static_cast<int>(m_times.size());
    m_presets->setCurrentIndex(whole ? 0 : m_presets->count() - 1);
}

void TimeRangeBar::applyRange(int firstSample, int lastSample)
{
    const int count = static_cast<int>(m_times.size());
    m_first = std::clamp(firstSample, 0, std::max(0, count - 1));
    m_last = std::clamp(lastSample, m_first, std::max(m_first, count - 1));
    showRange();
    Q_EMIT rangeChanged(m_first, m_last);
}

void TimeRangeBar::choosePreset(int index)
{
    const int dayIndex = m_presets->itemData(index).toInt();
    if (dayIndex == -2)
        return; // Custom: the edits decide
    if (dayIndex == -1) {
        applyRange(0, static_cast<int>(m_times.size()) - 1);
        return;
    }
    // Samples are taken at the end of each interval: those stamped within (start, start + 1 day].
    const std::int64_t start = dayIndex * day, end = start + day;
    const auto first = std::upper_bound(m_times.begin(), m_times.end(), start) - m_times.begin();
    const auto last = std::upper_bound(m_times.begin(), m_times.end(), end) - m_times.begin() - 1;
    applyRange(static_cast<int>(first), static_cast<int>(std::max(first, last)));
}

void TimeRangeBar::editsChanged()
{
    if (m_updating || m_times.empty())
        return;
    const std::int64_t from = m_from->dateTime().toSecsSinceEpoch() - m_startUnix;
    const std::int64_t to = m_to->dateTime().toSecsSinceEpoch() - m_startUnix;
    const auto first = std::lower_bound(m_times.begin(), m_times.end(), from) - m_times.begin();
    const auto last = std::upper_bound(m_times.begin(), m_times.end(), to) - m_times.begin() - 1;
    m_presets->setCurrentIndex(m_presets->count() - 1); // Custom
    applyRange(static_cast<int>(first), static_cast<int>(std::max(first, last)));
}

void TimeRangeBar::showRange()
{
    m_updating = true;
    m_from->setDateTime(timeOf(m_first));
    m_to->setDateTime(timeOf(m_last));
    m_updating = false;
    const int samples = m_last - m_first + 1;
    m_span->setText(m_times.empty() ? QString()
            : samples == 1          ? tr("one sample: the state at that moment")
                                    : tr("%1 samples").arg(samples));
}

QString TimeRangeBar::describe() const
{
    if (m_presets->currentIndex() >= 0 && m_presets->currentIndex() < m_presets->count() - 1)
        return m_presets->currentText();
    return tr("%1 to %2 UTC").arg(timeOf(m_first).toString(timeFormat), timeOf(m_last).toString(timeFormat));
}
