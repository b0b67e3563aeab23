// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "poolwatcher.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

/// File → Watch Pool…: where the pool is (this machine or an ssh host), how often to poll and how long a
/// command may take. Settings that ssh would misread are refused here, before anything runs.
class WatchPoolDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WatchPoolDialog(const PoolWatcher::Settings& settings, QWidget* parent = nullptr);
    PoolWatcher::Settings settings() const;

private:
    void validate();

    QLineEdit* m_host = nullptr;
    QSpinBox* m_interval = nullptr;
    QSpinBox* m_timeout = nullptr;
    QLineEdit* m_tools = nullptr;
    QLabel* m_commands = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
