// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "mergestudypanel.h"

#include "formatduration.h"
#include "mergestudyrunner.h"
#include "planningsession.h"
#include "policydraft.h"

#include "scenario/mergevariants.h"
#include "util/humanformat.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// `KNOB = VALUE` lines, `#` comments; an empty value unsets the knob.
bool parseKnobs(
    const QString& text, std::vector<std::pair<std::string, std::optional<std::string>>>& out, QString* error)
{
    int line = 0;
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        ++line;
        const QString content = raw.section(QLatin1Char('#'), 0, 0).trimmed();
        if (content.isEmpty())
            continue;
        const qsizetype eq = content.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QObject::tr("line %1: '%2' is not KNOB = VALUE").arg(line).arg(content);
            return false;
        }
        const QString value = content.mid(eq + 1).trimmed();
        out.emplace_back(content.left(eq).trimmed().toStdString(),
            value.isEmpty() ? std::nullopt : std::optional<std::string>(value.toStdString()));
    }
    return true;
}

QString quantity(double v)
{
    return QString::fromStdString(pp::human::quantity(v));
}

QString change(double from, double to)
{
    return from == to ? quantity(from) : QStringLiteral("%1 → %2").arg(quantity(from), quantity(to));
}

QString waitChange(double from, double to)
{
    const QString a = formatDuration(from);
    const QString b = formatDuration(to);
    return a == b ? a : QStringLiteral("%1 → %2").arg(a, b);
}

QPlainTextEdit* knobBox(const QString& placeholder, QWidget* parent)
{
    auto* box = new QPlainTextEdit(parent);
    box->setPlaceholderText(placeholder);
    box->setTabChangesFocus(true);
    box->setFixedHeight(box->fontMetrics().lineSpacing() * 4 + 12);
    return box;
}

} // namespace

MergeStudyPanel::MergeStudyPanel(PlanningSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_runner(new MergeStudyRunner(this))
{
    setObjectName(QStringLiteral("mergeStudyPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* intro = new QLabel(tr("Separate pools: each experiment keeps the machines it contributed, runs its own "
                                "negotiator and flocks to the others, whose machines prefer their owners' jobs (RANK) "
                                "and give flocked jobs no retirement. Merged: one pool, each experiment a group with "
                                "a quota of the cores it contributed, surplus shared, preemption back to quota."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* knobs = new QHBoxLayout;
    auto* separate = new QFormLayout;
    m_separateKnobs
        = knobBox(tr("knobs for the separate pools, e.g.\nFLOCK_TO = star, phenix\nMAXJOBRETIREMENTTIME = 3600"), this);
    separate->addRow(tr("Separate pools:"), m_separateKnobs);
    auto* merged = new QFormLayout;
    m_mergedKnobs = knobBox(tr("knobs for the merged pool, e.g.\nPREEMPTION_REQUIREMENTS = False"), this);
    merged->addRow(tr("Merged pool:"), m_mergedKnobs);
    knobs->addLayout(separate, 1);
    knobs->addLayout(merged, 1);
    m_run = new QPushButton(tr("Run merge study"), this);
    connect(m_run, &QPushButton::clicked, this, &MergeStudyPanel::runOrStop);
    knobs->addWidget(m_run, 0, Qt::AlignTop);
    layout->addLayout(knobs);
    m_status = new QLabel(tr("Both variants are derived from the planner's current proposal."), this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_experiments = new QTreeWidget(split);
    m_experiments->setRootIsDecorated(false);
    m_experiments->setHeaderLabels({tr("Experiment"), tr("Contributed core-h"), tr("Delivered, separate"),
        tr("Delivered, merged"), tr("Change"), tr("Borrowed core-h"), tr("Lent core-h"), tr("Preemptions"),
        tr("Badput core-h"), tr("Notebook start p95")});
    m_experiments->headerItem()->setToolTip(5,
        tr("Core-hours beyond its own: run in other pools by flocking (separate), other experiments' unused quota "
           "(merged)"));
    m_experiments->headerItem()->setToolTip(6,
        tr("Core-hours of its own machines (separate) or quota (merged) that "
           "other experiments used"));
    m_waits = new QTreeWidget(split);
    m_waits->setRootIsDecorated(false);
    m_waits->setHeaderLabels({tr("Experiment"), tr("Job size"), tr("Jobs"), tr("Wait p50, separate → merged"),
        tr("Wait p95, separate → merged")});
    for (QTreeWidget* tree : {m_experiments, m_waits}) {
        tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        tree->header()->setStretchLastSection(false);
    }
    layout->addWidget(split, 1);

    connect(m_runner, &MergeStudyRunner::studyAvailable, this, [this](const pp::MergeStudy& study) {
        m_study = study;
        show(study);
        finish(tr("Simulated %1 and %2.")
                   .arg(QString::fromStdString(study.separateName), QString::fromStdString(study.mergedName)));
    });
    connect(m_runner, &MergeStudyRunner::failed, this, &MergeStudyPanel::finish);
}

bool MergeStudyPanel::isRunning() const
{
    return m_runner->isRunning();
}

void MergeStudyPanel::setVariantKnobs(const QString& separate, const QString& merged)
{
    m_separateKnobs->setPlainText(separate);
    m_mergedKnobs->setPlainText(merged);
}

void MergeStudyPanel::runOrStop()
{
    if (isRunning()) {
        m_runner->stop();
        finish(tr("Stopped."));
        return;
    }
    QString error;
    if (!start(&error))
        m_status->setText(error);
}

bool MergeStudyPanel::start(QString* error)
{
    // Every knob is checked here, so that a typo is reported at once; the variants are derived and run in the
    // background.
    std::vector<Knobs> edits;
    for (auto [box, variant] : {std::pair {m_separateKnobs, "separate"}, std::pair {m_mergedKnobs, "merged"}}) {
        Knobs knobs = m_session->draft()->edits();
        QString problem;
        if (!parseKnobs(box->toPlainText(), knobs, &problem)) {
            *error = tr("%1 pool knobs, %2").arg(QLatin1String(variant), problem);
            return false;
        }
        const auto policy = PolicyDraft::policyFor(m_session->baseConfig(), knobs);
        if (!policy) {
            *error = tr("%1: %2").arg(QLatin1String(variant), QString::fromStdString(policy.error().message()));
            return false;
        }
        if (pp::experimentsOf(*policy).empty()) {
            *error = tr("The pool has no accounting groups: a merge study needs the experiments as top-level groups.");
            return false;
        }
        edits.push_back(std::move(knobs));
    }
    pp::Scenario base = m_session->baseScenario();
    if (base.name.empty())
        base.name = "pool";
    m_study.reset();
    m_run->setText(tr("Stop"));
    m_status->setText(tr("Simulating the separate pools and the merged pool…"));
    m_runner->start(std::move(base), m_session->baseConfig(), std::move(edits[0]), std::move(edits[1]));
    return true;
}

void MergeStudyPanel::finish(const QString& message)
{
    m_run->setText(tr("Run merge study"));
    m_status->setText(message);
    Q_EMIT finished();
}

void MergeStudyPanel::show(const pp::MergeStudy& study)
{
    QStringList lines;
    for (const auto& line : study.summary)
        lines << QString::fromStdString(line).toHtmlEscaped();
    m_summary->setText(QStringLiteral("<p>%1</p>").arg(lines.join(QStringLiteral("</p><p>"))));
    m_experiments->clear();
    for (const auto& r : study.rows) {
        const double from = r.separate.deliveredCoreHours;
        const double to = r.merged.deliveredCoreHours;
        const double percent = from > 0 ? (to - from) / from * 100.0 : 0.0;
        const QString relative = from <= 0 ? QString()
            : std::abs(percent) < 0.05     ? QStringLiteral("0 %")
                                           : QStringLiteral("%1%2 %")
                                             .arg(percent > 0 ? QStringLiteral("+") : QStringLiteral("−"))
                                             .arg(std::abs(percent), 0, 'f', 1);
        auto* item = new QTreeWidgetItem(m_experiments,
            {QString::fromStdString(r.experiment), quantity(r.separate.contributedCoreHours), quantity(from),
                quantity(to), relative, change(r.separate.borrowedCoreHours, r.merged.borrowedCoreHours),
                change(r.separate.lentCoreHours, r.merged.lentCoreHours),
                change(static_cast<double>(r.separate.preemptions), static_cast<double>(r.merged.preemptions)),
                change(r.separate.badputCoreHours, r.merged.badputCoreHours),
                r.merged.notebookSessions > 0 ? waitChange(r.separate.notebookStartP95, r.merged.notebookStartP95)
                                              : QString()});
        for (int c = 1; c < item->columnCount(); ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        if (from > 0 && std::abs(to - from) / from > 0.005)
            item->setForeground(4, to > from ? QColor(0x1b, 0x7f, 0x3a) : QColor(0xb0, 0x20, 0x20));
    }
    auto* site = new QTreeWidgetItem(m_experiments,
        {tr("site: idle core-hours while jobs waited"), QString(), quantity(study.separate.idleCoreHoursWhileWaiting),
            quantity(study.merged.idleCoreHoursWhileWaiting), QString(), QString(), QString(),
            change(static_cast<double>(study.separate.preemptions), static_cast<double>(study.merged.preemptions)),
            change(study.separate.badputCoreHours, study.merged.badputCoreHours), QString()});
    QFont bold = site->font(0);
    bold.setBold(true);
    site->setFont(0, bold);
    for (int c = 1; c < site->columnCount(); ++c)
        site->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    m_waits->clear();
    for (const auto& r : study.rows)
        for (std::size_t c = 0; c < pp::ExperimentOutcome::sizeClasses; ++c) {
            if (r.separate.startedBySize[c] + r.merged.startedBySize[c] == 0)
                continue;
            auto* item = new QTreeWidgetItem(m_waits,
                {QString::fromStdString(r.experiment), QString::fromUtf8(pp::jobSizeClasses[c].label),
                    quantity(static_cast<double>(r.merged.startedBySize[c])),
                    waitChange(r.separate.waitP50[c], r.merged.waitP50[c]),
                    waitChange(r.separate.waitP95[c], r.merged.waitP95[c])});
            for (int col = 2; col < item->columnCount(); ++col)
                item->setTextAlignment(col, Qt::AlignRight | Qt::AlignVCenter);
        }
}
