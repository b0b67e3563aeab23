// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "mainwindow.h"
#include "planningsession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <functional>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PoolPlanner"));
    QApplication::setOrganizationName(QStringLiteral("PoolPlanner"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plan an HTCondor pool shared by several experiments."));
    parser.addHelpOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render the window to OUT.png offscreen and exit."), QStringLiteral("OUT.png"));
    const QCommandLineOption view(QStringLiteral("view"),
        QStringLiteral("The view to show: pool, groups, flows, notebooks, planner, compare or reports."),
        QStringLiteral("NAME"), QStringLiteral("groups"));
    parser.addOption(screenshot);
    parser.addOption(view);
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral("Pool data to open: slot, job and accounting ads (a snapshot), a trace, history or event "
                       "log, a condor_config, a workload model, or a directory of them. Without files the built-in "
                       "demo pool opens."),
        QStringLiteral("[FILE...]"));
    parser.process(app);
    MainWindow::View initialView = MainWindow::View::Groups;
    if (!MainWindow::viewFromName(parser.value(view), &initialView)) {
        std::fprintf(stderr,
            "poolplanner: unknown view '%s' (pool, groups, flows, notebooks, planner, compare, reports)\n",
            qPrintable(parser.value(view)));
        return 2;
    }

    MainWindow window;
    window.showView(initialView);
    const QStringList files = parser.positionalArguments();
    // Connected before anything is opened: a workspace that cannot be opened says so at once, inside openFiles().
    const auto open = [&] {
        if (files.isEmpty())
            window.openDemo();
        else
            window.openFiles(files);
    };
    if (parser.isSet(screenshot)) {
        const QString out = parser.value(screenshot);
        window.resize(1600, 1000);
        // Grabs what the user would see, error banner included; a failed open still exits non-zero. A proposal
        // being simulated (a scenario file's changes) is waited for: the planner shows its outcome, not "Simulating";
        // so are the baseline's and the proposal's ensembles, whose spreads the views draw.
        std::function<void(int)> grab = [&window, out, &grab](int exitCode) {
            QTimer::singleShot(100, &window, [&window, out, exitCode, &grab] {
                if (exitCode == 0 && window.planning()->isSimulatingProposal()) {
                    QObject::connect(
                        window.planning(), &PlanningSession::proposalSimulated, &window, [&grab] { grab(0); },
                        Qt::SingleShotConnection);
                    return;
                }
                // An ensemble under way: grab again once it is in, or has failed.
                const auto waitFor = [&window, &grab](auto ready, auto failed) {
                    QObject::connect(
                        window.planning(), ready, &window, [&grab] { grab(0); }, Qt::SingleShotConnection);
                    QObject::connect(
                        window.planning(), failed, &window, [&grab](const QString&) { grab(0); },
                        Qt::SingleShotConnection);
                };
                if (exitCode == 0 && window.planning()->isRunningEnsemble()) {
                    waitFor(&PlanningSession::baselineEnsembleReady, &PlanningSession::baselineEnsembleFailed);
                    return;
                }
                if (exitCode == 0 && window.planning()->isRunningProposalEnsemble()) {
                    waitFor(&PlanningSession::proposalEnsembleReady, &PlanningSession::proposalEnsembleFailed);
                    return;
                }
                const bool saved = window.grab().save(out);
                if (!saved)
                    std::fprintf(stderr, "poolplanner: cannot write %s\n", qPrintable(out));
                QApplication::exit(saved ? exitCode : 1);
            });
        };
        QObject::connect(&window, &MainWindow::resultShown, &app, [grab] { grab(0); });
        // Whatever ends the opening without a result ends the screenshot too, with the reason and status 1.
        for (const auto signal : {&MainWindow::openFailed, &MainWindow::nothingToShow})
            QObject::connect(&window, signal, &app, [grab](const QString& message) {
                std::fprintf(stderr, "poolplanner: %s\n", qPrintable(message));
                grab(1);
            });
        window.show();
        open();
        return QApplication::exec();
    }
    open();
    window.show();
    return QApplication::exec();
}
