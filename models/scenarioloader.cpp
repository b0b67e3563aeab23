// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenarioloader.h"

#include "enginethreads.h"

#include "policy/policyfromconfig.h"
#include "util/memoryfiles.h"
#include "workspacesession.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <memory>

ScenarioLoader::ScenarioLoader(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<pp::Scenario>("pp::Scenario");
}

ScenarioLoader::~ScenarioLoader()
{
    for (auto& future : m_futures)
        future.waitForFinished();
}

QString ScenarioLoader::describe(const std::vector<pp::OpenedFile>& files)
{
    QStringList parts;
    for (const auto& f : files)
        parts << QStringLiteral("%1 (%2)").arg(
            QFileInfo(QString::fromStdString(f.path)).fileName(), QString::fromUtf8(pp::fileRoleName(f.role)));
    return parts.join(QStringLiteral(", "));
}

void ScenarioLoader::load(const QStringList& paths, bool forWorkspace)
{
    std::vector<std::string> files;
    for (const auto& p : paths)
        files.push_back(p.toStdString());
    start(paths, [files, paths, forWorkspace] {
        Outcome outcome = readFiles(files);
        if (outcome.scenario && forWorkspace) {
            QString ignored; // the GUI thread reads them itself then, and says what went wrong
            outcome.files = WorkspaceSession::readForWorkspace(paths, &ignored);
        }
        return outcome;
    });
}

void ScenarioLoader::loadScenarioFile(const QString& path)
{
    start({path}, [file = path.toStdString()] {
        Outcome outcome;
        const auto fail = [&](const pp::Diagnostic& d) {
            outcome.error = QString::fromStdString(d.message());
            return outcome;
        };
        const auto spec = pp::readScenarioFile(file);
        if (!spec)
            return fail(spec.error());
        // The whole scenario's policy first, so that a knob it refuses is named at its line now; the workload is
        // read once, for the base (the proposal shares it).
        const auto whole = pp::scenarioConfig(*spec);
        if (!whole)
            return fail(whole.error());
        if (auto policy = pp::policyFromConfig(*whole); !policy)
            return fail(policy.error());
        const pp::ScenarioSpec base = pp::baseSpecOf(*spec);
        auto config = pp::scenarioConfig(base);
        if (!config)
            return fail(config.error());
        pp::Warnings warnings;
        auto scenario = pp::buildScenario(base, warnings);
        if (!scenario)
            return fail(scenario.error());
        for (const auto& m : warnings.messages())
            outcome.warnings << QString::fromStdString(m);
        outcome.edits = pp::scenarioEdits(*spec, *config);
        outcome.scenarioName = QString::fromStdString(spec->name.empty() ? file : spec->name);
        outcome.description
            = tr("%1: a scenario over %2 (%n change(s))", "", static_cast<int>(outcome.edits.size()))
                  .arg(QFileInfo(QString::fromStdString(file)).fileName(),
                      QString::fromStdString(
                          base.inputs.builtin.empty() ? base.inputs.configPaths.front() : base.inputs.builtin));
        outcome.baseSpec = base;
        outcome.config = std::move(config).value();
        outcome.scenario = std::move(scenario).value();
        return outcome;
    });
}

void ScenarioLoader::loadPoll(const PoolSnapshot& poll, const QString& label, bool compress)
{
    // Each command's output under a name that says which command printed it: messages name it, as they would a
    // file. Nothing is written to disk, so a long watch of a big pool costs no temporary space.
    std::vector<std::pair<std::string, QByteArray>> outputs;
    const auto add = [&](const char* command, const QByteArray& bytes) {
        if (!bytes.isEmpty())
            outputs.emplace_back(std::string(command) + " (" + label.toStdString() + ")", bytes);
    };
    add("condor_status -json", poll.status);
    add("condor_q -allusers -json", poll.queue);
    add("condor_userprio -long -modular", poll.accounting);
    QStringList names;
    for (const auto& [name, bytes] : outputs)
        names << QString::fromStdString(name);
    start(names, [outputs, poll, compress] {
        std::vector<std::unique_ptr<pp::MemoryFileScope>> scopes;
        std::vector<std::string> files;
        for (const auto& [name, bytes] : outputs) {
            scopes.push_back(std::make_unique<pp::MemoryFileScope>(
                name, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))));
            files.push_back(name);
        }
        if (files.empty()) {
            Outcome outcome;
            outcome.error = tr("the poll brought back no output");
            return outcome;
        }
        Outcome outcome = readFiles(files);
        if (outcome.scenario) {
            outcome.poll = poll;
            if (compress && !poll.compressed)
                *outcome.poll = {poll.takenAt, poll.host, qCompress(poll.status), qCompress(poll.queue),
                    qCompress(poll.accounting), true};
        }
        return outcome;
    });
}

void ScenarioLoader::start(const QStringList& names, std::function<Outcome()> read)
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    Q_EMIT started(names);

    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_futures.removeIf([](const QFuture<Outcome>& f) { return f.isFinished(); });
        if (generation != m_generation)
            return; // cancelled, or another load replaced it
        m_loading = false;
        Outcome outcome = watcher->future().takeResult();
        if (outcome.poll)
            Q_EMIT pollRead(*outcome.poll);
        if (outcome.files)
            Q_EMIT filesPrepared(*outcome.files);
        if (outcome.baseSpec && outcome.scenario)
            Q_EMIT scenarioFileRead(*outcome.baseSpec, outcome.edits, outcome.scenarioName);
        if (outcome.scenario)
            Q_EMIT loaded(*outcome.scenario, outcome.config, outcome.warnings, outcome.description);
        else
            Q_EMIT failed(outcome.error);
    });
    const QString first = names.isEmpty() ? QString() : names.front();
    const QFuture<Outcome> future = QtConcurrent::run(engineThreadPool(), [read = std::move(read), first] {
        // Readers report bad input as values; anything thrown is a failure we did not foresee (memory running
        // out on a huge file, a bug): it becomes the banner's message instead of ending the window.
        Outcome failure;
        try {
            return read();
        } catch (const std::bad_alloc&) {
            failure.error = tr("%1: ran out of memory while reading it").arg(first);
        } catch (const std::exception& e) {
            failure.error = tr("%1: could not be read (%2)").arg(first, QString::fromUtf8(e.what()));
        } catch (...) {
            failure.error = tr("%1: could not be read (an unexpected failure)").arg(first);
        }
        return failure;
    });
    m_futures.append(future);
    watcher->setFuture(future);
}

ScenarioLoader::Outcome ScenarioLoader::readFiles(const std::vector<std::string>& files)
{
    Outcome outcome;
    auto classified = pp::classifyFiles(files);
    if (!classified) {
        outcome.error = QString::fromStdString(classified.error().message());
        return outcome;
    }
    outcome.description = describe(*classified);
    pp::Warnings warnings;
    auto inputs = pp::inputsOfFiles(*classified, warnings);
    if (!inputs) {
        outcome.error = QString::fromStdString(inputs.error().message());
        return outcome;
    }
    auto scenario = pp::loadScenario(*inputs, warnings);
    if (!scenario) {
        outcome.error = QString::fromStdString(scenario.error().message());
        return outcome;
    }
    pp::Warnings ignored; // the same files again: their warnings are in `warnings` already
    auto config = pp::baseConfigOf(*classified, ignored);
    if (!config) {
        outcome.error = QString::fromStdString(config.error().message());
        return outcome;
    }
    for (const auto& m : warnings.messages())
        outcome.warnings << QString::fromStdString(m);
    outcome.scenario = std::move(scenario).value();
    outcome.config = std::move(config).value();
    // Files a scenario file can name (one configuration, a trace or model, a pool) can be planned into one.
    pp::ScenarioSpec base;
    base.inputs = std::move(inputs).value();
    if (!pp::checkScenarioInputs(base))
        outcome.baseSpec = std::move(base);
    return outcome;
}

void ScenarioLoader::cancel()
{
    if (!m_loading)
        return;
    ++m_generation;
    m_loading = false;
    Q_EMIT cancelled();
}
