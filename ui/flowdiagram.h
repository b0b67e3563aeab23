// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QPainterPath>
#include <QWidget>

#include <vector>

class FlowTableModel;

/// The surplus flows painted with QPainter: lenders on the left, borrowers on the right, a band per flow whose
/// width is its core-hours, in the lender's experiment colour. The largest flows are drawn; the rest are summed
/// in the caption. Hovering a band highlights it and tells its figures.
class FlowDiagram : public QWidget
{
    Q_OBJECT
public:
    explicit FlowDiagram(FlowTableModel* model, QWidget* parent = nullptr);
    QSize sizeHint() const override { return {900, 520}; }

    /// The flow drawn under a point (index into the model's flows), -1 for none.
    int flowAt(const QPointF& point) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    FlowTableModel* m_model;
    std::vector<QPainterPath> m_bands; // as last painted, index = flow index
    int m_hovered = -1;
};
