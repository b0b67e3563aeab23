// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <QWidget>

class QChartView;
class QLabel;
class QValueAxis;

/// "Why waiting": one group's idle cores after each negotiation cycle over time, stacked by reason (issue 15),
/// with the sentence that sums them up over the period shown. A group without waits of its own (a parent whose
/// jobs sit in its sub-groups) shows its subtree.
class WaitReasonChart : public QWidget
{
    Q_OBJECT
public:
    explicit WaitReasonChart(QWidget* parent = nullptr);

    /// Keeps what the chart needs of the result (its groups and why they waited).
    void setResult(const pp::Result& result);
    /// The group to show, an index into Result::groups.
    void setGroup(int group);
    int group() const { return m_group; }
    /// Samples [first, last] (inclusive): the time axis and the sentence follow the period.
    void setPeriod(int firstSample, int lastSample);

private:
    void rebuild();
    void updateSentence();

    pp::Result m_waits;
    int m_group = -1;
    int m_first = 0;
    int m_last = -1;
    double m_unit = 3600; // seconds per unit of the time axis
    QChartView* m_view = nullptr;
    QValueAxis* m_timeAxis = nullptr;
    QLabel* m_sentence = nullptr;
};
