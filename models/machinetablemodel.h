// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/pool.h"
#include "model/result.h"

#include <QAbstractTableModel>

/// The machines of the pool at one moment of the run: who contributed them, cores claimed and free, dynamic
/// slots, draining.
/// The moment is the last machine sample in the chosen period (machines are sampled less often than the pool).
class MachineTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        NameColumn,
        OwnerColumn,
        CoresColumn,
        ClaimedColumn,
        FreeColumn,
        DynamicSlotsColumn,
        StateColumn,
        ColumnCount
    };
    enum Roles { SortRole = Qt::UserRole };

    explicit MachineTableModel(QObject* parent = nullptr);

    void setResult(const pp::Result& result, const pp::Pool& pool);
    /// Shows the machines as they were at pool sample `sample` (or the last machine sample before it).
    void setPoolSample(int sample);
    /// The pool sample actually shown, -1 when there are none.
    int shownPoolSample() const;
    std::int64_t sampleStride() const { return m_stride; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString stateOf(int machine) const;

    std::vector<pp::MachineSpec> m_machines;
    std::vector<std::vector<pp::MachineSample>> m_series;
    std::int64_t m_stride = 1;
    int m_shown = -1; // index into m_series
};
