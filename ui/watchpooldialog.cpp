// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "watchpooldialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

WatchPoolDialog::WatchPoolDialog(const PoolWatcher::Settings& settings, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Watch a Pool"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_host = new QLineEdit(settings.host, this);
    m_host->setPlaceholderText(tr("this machine"));
    m_host->setToolTip(tr("A host reachable by ssh without a password prompt (BatchMode), e.g. cm.example.org or "
                          "admin@cm.example.org"));
    form->addRow(tr("&Central manager:"), m_host);
    m_interval = new QSpinBox(this);
    m_interval->setRange(10, 24 * 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(settings.intervalSeconds);
    form->addRow(tr("Poll &every:"), m_interval);
    m_timeout = new QSpinBox(this);
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(settings.timeoutSeconds);
    form->addRow(tr("Give a command &up to:"), m_timeout);
    m_tools = new QLineEdit(settings.toolDirectory, this);
    m_tools->setPlaceholderText(tr("found on the PATH"));
    form->addRow(tr("HTCondor &tools in:"), m_tools);
    layout->addLayout(form);
    m_commands = new QLabel(this);
    m_commands->setTextFormat(Qt::PlainText);
    m_commands->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_commands);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start Watching"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    for (auto* edit : {m_host, m_tools})
        connect(edit, &QLineEdit::textChanged, this, &WatchPoolDialog::validate);
    for (auto* spin : {m_interval, m_timeout})
        connect(spin, &QSpinBox::valueChanged, this, &WatchPoolDialog::validate);
    validate();
}

PoolWatcher::Settings WatchPoolDialog::settings() const
{
    PoolWatcher::Settings s;
    s.host = m_host->text().trimmed();
    s.intervalSeconds = m_interval->value();
    s.timeoutSeconds = m_timeout->value();
    s.connectTimeoutSeconds = std::min(10, s.timeoutSeconds);
    s.toolDirectory = m_tools->text().trimmed();
    return s;
}

void WatchPoolDialog::validate()
{
    const PoolWatcher::Settings s = settings();
    const QString problem = PoolWatcher::settingsError(s);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    // What will run, exactly as it will run: admins check this before pointing a tool at their pool.
    QStringList lines {tr("Each poll runs:")};
    for (auto query : {PoolWatcher::Query::Status, PoolWatcher::Query::Queue, PoolWatcher::Query::Accounting})
        lines << QStringLiteral("  ") + PoolWatcher::commandFor(query, s).displayText();
    m_commands->setText(problem.isEmpty() ? lines.join(QLatin1Char('\n')) : QString());
}
