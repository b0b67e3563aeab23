// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "validationdialog.h"

#include "format/validationformat.h"
#include "groupcolours.h"
#include "validationchart.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

// Several paths in one field, separated as the platform separates them in PATH.
const QChar separator = QLatin1Char(';');

QStringList pathsOf(const QLineEdit* edit)
{
    QStringList paths;
    for (const QString& p : edit->text().split(separator, Qt::SkipEmptyParts))
        if (const QString t = p.trimmed(); !t.isEmpty())
            paths << t;
    return paths;
}

QString number(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

ValidationDialog::ValidationDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Validate Against the Pool's History"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Replays the jobs of your pool's condor_history under its own configuration and "
                                "machines, several times with HTCondor's arbitrary choices drawn anew, and compares "
                                "each group's cores in use with what its jobs really held."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_history = addPathRow(form, tr("condor_history (and condor_q at the end):"),
        tr("Job ads (*.json *.json.gz *.jsonl *.ads *.long *.history *);;All files (*)"), true);
    m_events = addPathRow(
        form, tr("Jobs' event logs (optional, every run):"), tr("Event logs (*.log *.json);;All files (*)"), true);
    m_config = addPathRow(form, tr("Configuration:"), tr("condor_config (*.config *.txt *);;All files (*)"), true);
    auto* machines = new QWidget(this);
    auto* machinesRow = new QHBoxLayout(machines);
    machinesRow->setContentsMargins(0, 0, 0, 0);
    m_useSlotAds = new QRadioButton(tr("slot ads"), machines);
    m_pool = new QLineEdit(machines);
    m_pool->setPlaceholderText(tr("condor_status -json or -long of the pool"));
    auto* browsePool = new QPushButton(tr("Browse…"), machines);
    auto* useCores = new QRadioButton(tr("or"), machines);
    m_cores = new QSpinBox(machines);
    m_cores->setRange(1, 10'000'000);
    m_cores->setValue(16);
    m_cores->setSuffix(tr(" cores"));
    m_machineCores = new QSpinBox(machines);
    m_machineCores->setRange(1, 65535);
    m_machineCores->setValue(8);
    m_machineCores->setSuffix(tr(" per machine"));
    machinesRow->addWidget(m_useSlotAds);
    machinesRow->addWidget(m_pool, 1);
    machinesRow->addWidget(browsePool);
    machinesRow->addWidget(useCores);
    machinesRow->addWidget(m_cores);
    machinesRow->addWidget(m_machineCores);
    useCores->setChecked(true);
    connect(browsePool, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("The Pool's Slot Ads"));
        if (!file.isEmpty()) {
            m_pool->setText(file);
            m_useSlotAds->setChecked(true);
        }
    });
    form->addRow(tr("Machines:"), machines);
    m_runs = new QSpinBox(this);
    m_runs->setRange(1, 200);
    m_runs->setValue(20);
    m_runs->setToolTip(tr("Each run draws HTCondor's arbitrary choices anew; from 20 runs the range is p5–p95."));
    form->addRow(tr("Runs:"), m_runs);
    layout->addLayout(form);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    layout->addWidget(m_verdict);

    m_table = new QTableWidget(0, 7, this);
    m_table->setHorizontalHeaderLabels({tr("Group"), tr("Real mean cores"), tr("Replay median"), tr("Replay range"),
        tr("Error"), tr("Inside"), tr("Samples inside")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumHeight(140);
    layout->addWidget(m_table);
    m_chart = new ValidationChart(this);
    layout->addWidget(m_chart, 1);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showGroup(row); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_validate = buttons->addButton(tr("&Validate"), QDialogButtonBox::ActionRole);
    m_validate->setDefault(true);
    connect(m_validate, &QPushButton::clicked, this, &ValidationDialog::startValidation);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(&m_runner, &ValidationRunner::finished, this, &ValidationDialog::showOutcome);
    connect(&m_runner, &ValidationRunner::failed, this, &ValidationDialog::showFailure);
    resize(960, 820);
}

QLineEdit* ValidationDialog::addPathRow(QFormLayout* form, const QString& label, const QString& filter, bool many)
{
    auto* row = new QWidget(this);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(row);
    edit->setPlaceholderText(many ? tr("one or more files, separated by ;") : QString());
    auto* browse = new QPushButton(tr("Browse…"), row);
    h->addWidget(edit, 1);
    h->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, filter, label] {
        const QStringList files = QFileDialog::getOpenFileNames(this, label, QString(), filter);
        if (!files.isEmpty())
            edit->setText(files.join(separator));
    });
    form->addRow(label, row);
    return edit;
}

void ValidationDialog::setInputs(const ValidationRunner::Inputs& inputs)
{
    m_history->setText(inputs.historyPaths.join(separator));
    m_events->setText(inputs.eventLogPaths.join(separator));
    m_config->setText(inputs.configPaths.join(separator));
    m_pool->setText(inputs.poolPath);
    m_useSlotAds->setChecked(!inputs.poolPath.isEmpty());
    if (inputs.cores > 0)
        m_cores->setValue(static_cast<int>(std::min<long>(inputs.cores, m_cores->maximum())));
    m_machineCores->setValue(inputs.machineCores);
    m_runs->setValue(inputs.runs);
}

ValidationRunner::Inputs ValidationDialog::inputs() const
{
    ValidationRunner::Inputs in;
    in.historyPaths = pathsOf(m_history);
    in.eventLogPaths = pathsOf(m_events);
    in.configPaths = pathsOf(m_config);
    in.poolPath = m_useSlotAds->isChecked() ? m_pool->text().trimmed() : QString();
    in.cores = m_cores->value();
    in.machineCores = m_machineCores->value();
    in.runs = m_runs->value();
    return in;
}

void ValidationDialog::startValidation()
{
    const ValidationRunner::Inputs in = inputs();
    if (in.historyPaths.isEmpty()) {
        showFailure(tr("Choose the pool's condor_history file first."));
        return;
    }
    if (m_useSlotAds->isChecked() && in.poolPath.isEmpty()) {
        showFailure(tr("Choose the pool's slot ads, or give its cores."));
        return;
    }
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Replaying %n run(s)…", nullptr, in.runs));
    m_validate->setEnabled(false);
    m_runner.start(in);
}

void ValidationDialog::showFailure(const QString& message)
{
    m_validate->setEnabled(true);
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_status->setText(message);
    Q_EMIT validationShown();
}

void ValidationDialog::showOutcome(const std::shared_ptr<const ValidationRunner::Outcome>& outcome)
{
    m_validate->setEnabled(true);
    m_outcome = outcome;
    const pp::Validation& v = outcome->validation;
    const pp::PoolHistory& h = outcome->history;
    QString status
        = tr("%1 jobs from %2 to %3 on %4 cores (%5 finished, %6 running and %7 waiting at the end); cores "
             "sampled every %8 s.")
              .arg(h.workload.jobs.size())
              .arg(QString::fromStdString(pp::utcTimeText(v.from)), QString::fromStdString(pp::utcTimeText(v.to)))
              .arg(outcome->poolCores)
              .arg(h.finished)
              .arg(h.runningAtEnd)
              .arg(h.waitingAtEnd)
              .arg(v.sampleInterval);
    status += h.jobsWithEveryRun > 0 ? tr(" Every run of %1 jobs from their event logs.").arg(h.jobsWithEveryRun)
                                     : tr(" Only each job's last run is in its ad: add the event logs for every run.");
    if (!outcome->warnings.isEmpty())
        status += QLatin1Char('\n') + outcome->warnings.join(QLatin1Char('\n'));
    m_status->setStyleSheet(QString());
    m_status->setText(status);

    const auto outside = v.outside();
    const bool consistent = v.consistent() && !v.groups.empty();
    QString verdict;
    if (v.groups.empty())
        verdict = tr("No group used any cores, really or in the replay: nothing to compare.");
    else if (consistent)
        verdict = tr("Consistent: every group's real mean lies inside the replay's range (within %1 core).")
                      .arg(v.margin, 0, 'f', 1);
    else
        verdict = tr("%1 of %2 groups lie inside the replay's range (within %3 core); not: %4.")
                      .arg(v.groups.size() - outside.size())
                      .arg(v.groups.size())
                      .arg(v.margin, 0, 'f', 1)
                      .arg(QString::fromStdString([&] {
                          std::string names;
                          for (const auto& n : outside)
                              names += (names.empty() ? "" : ", ") + n;
                          return names;
                      }()));
    m_verdict->setText(verdict);
    m_verdict->setStyleSheet(consistent ? QStringLiteral("font-weight: bold; color: #1b7f3b;")
                                        : QStringLiteral("font-weight: bold; color: #b35c00;"));

    QStringList names;
    for (const auto& g : v.groups)
        names << QString::fromStdString(g.name);
    m_table->setRowCount(static_cast<int>(v.groups.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const pp::GroupValidation& g = v.groups[static_cast<std::size_t>(row)];
        const QStringList cells {names[row], number(g.realMean), number(g.simulatedMedian),
            number(g.simulated.low) + QStringLiteral("–") + number(g.simulated.high),
            (g.error() > 0.005 ? QStringLiteral("+") : QString()) + number(g.error()), g.inside ? tr("yes") : tr("no"),
            QString::number(g.samplesInside * 100, 'f', 0) + QStringLiteral(" %")};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
            if (c == 0)
                item->setForeground(groupColour(names[row], names).darker(130));
            if (c == 5)
                item->setForeground(g.inside ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb0, 0x00, 0x20));
            m_table->setItem(row, c, item);
        }
    }
    // The worst group first on the chart: where the replay departs most is what needs looking at.
    int worst = -1;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (worst < 0
            || std::abs(v.groups[static_cast<std::size_t>(row)].error())
                > std::abs(v.groups[static_cast<std::size_t>(worst)].error()))
            worst = row;
    if (worst >= 0)
        m_table->selectRow(worst);
    showGroup(worst);
    Q_EMIT validationShown();
}

void ValidationDialog::showGroup(int row)
{
    if (!m_outcome || row < 0)
        return;
    const pp::Validation& v = m_outcome->validation;
    QStringList names;
    for (const auto& g : v.groups)
        names << QString::fromStdString(g.name);
    m_chart->show(v, static_cast<std::size_t>(row), groupColour(names.value(row), names));
}

QString ValidationDialog::verdictText() const
{
    return m_verdict->text();
}

QString ValidationDialog::errorText() const
{
    return m_status->styleSheet().isEmpty() ? QString() : m_status->text();
}
