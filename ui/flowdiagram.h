// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QWidget>

class FlowTableModel;

/// The surplus flows painted with QPainter: lenders on the left, borrowers on the right, a band per flow whose
/// width is its core-hours. The largest flows are drawn; the rest are summed in the caption.
class FlowDiagram : public QWidget
{
    Q_OBJECT
public:
    explicit FlowDiagram(FlowTableModel* model, QWidget* parent = nullptr);
    QSize sizeHint() const override { return {900, 520}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    FlowTableModel* m_model;
};
