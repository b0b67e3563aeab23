// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

class QComboBox;
class QDateTimeEdit;
class QLabel;

/// The period every view shows: the whole run, one day of it, or any span between two sample times. Works in
/// sample indices (the result's time series), shows wall-clock UTC times when the run's epoch is known.
class TimeRangeBar : public QWidget
{
    Q_OBJECT
public:
    explicit TimeRangeBar(QWidget* parent = nullptr);

    /// `startUnix`: Unix time of simulation second 0 (0 = unknown); `sampleTimes`: seconds since then.
    void setRun(std::int64_t startUnix, const std::vector<std::int64_t>& sampleTimes);
    /// Chooses a period from outside (a restored view, a test); the presets show "Custom" unless it is the whole run.
    void setRange(int firstSample, int lastSample);
    std::int64_t startUnix() const { return m_startUnix; }
    int firstSample() const { return m_first; }
    int lastSample() const { return m_last; }
    /// "Whole run", "Tue 5 Jan", or the two times: for view titles and reports.
    QString describe() const;

Q_SIGNALS:
    void rangeChanged(int firstSample, int lastSample);

private:
    void applyRange(int firstSample, int lastSample);
    void choosePreset(int index);
    void editsChanged();
    void showRange();
    QDateTime timeOf(int sample) const;

    std::int64_t m_startUnix = 0;
    std::vector<std::int64_t> m_times;
    int m_first = 0, m_last = -1;
    bool m_updating = false;
    QComboBox* m_presets = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QLabel* m_span = nullptr;
};
