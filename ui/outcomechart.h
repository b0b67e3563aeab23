// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/comparison.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <map>
#include <string>
#include <vector>

/// The Planner's outcome at a glance, drawn before the table: per group, its share of the work against its quota
/// share (a bar and a tick, the baseline's faint behind), and how its p95 wait changes (a bar from the middle, on
/// a log scale: green to the left when shorter, red to the right when longer).
class OutcomeChart : public QWidget
{
    Q_OBJECT
public:
    struct Row
    {
        QString name;
        int depth = 0;
        QColor colour;
        double quotaShareBase = 0, quotaShare = 0;
        double shareBase = 0, share = 0;
        bool ownJobs = false;
        double waitBase = 0, wait = 0; ///< p95, seconds
        pp::MetricDelta::Verdict waitVerdict = pp::MetricDelta::Verdict::Same;
        bool waitWithinNoise = false;
    };

    explicit OutcomeChart(QWidget* parent = nullptr);
    /// The comparison's groups (the root only when its jobs ran), with each side's quota shares by group name.
    void setComparison(const pp::Comparison& comparison, const std::map<std::string, double>& quotaSharesBase,
        const std::map<std::string, double>& quotaShares);
    const std::vector<Row>& rows() const { return m_rows; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int rowHeight() const;
    /// "57 s → 87.2 min", "1 min (within noise)" or "1 min"; empty for a group without jobs of its own.
    static QString waitLabel(const Row& row);
    std::vector<Row> m_rows;
};
