// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "mainwindow.h"

#include "sim/demo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

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
        QStringLiteral("Not opened by the window yet (poolplanner-cli reads them): the built-in demo pool opens."));
    parser.process(app);

    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr,
            "poolplanner: the window does not open files yet; poolplanner-cli inspect and simulate read them\n");
        return 2;
    }
    MainWindow::View initialView = MainWindow::View::Groups;
    if (!MainWindow::viewFromName(parser.value(view), &initialView)) {
        std::fprintf(stderr,
            "poolplanner: unknown view '%s' (pool, groups, flows, notebooks, planner, compare, reports)\n",
            qPrintable(parser.value(view)));
        return 2;
    }

    MainWindow window;
    window.showView(initialView);
    window.openScenario(pp::demoScenario());
    if (parser.isSet(screenshot)) {
        const QString out = parser.value(screenshot);
        window.resize(1600, 1000);
        QObject::connect(&window, &MainWindow::resultShown, &app, [&window, out] {
            QTimer::singleShot(100, &window, [&window, out] {
                const bool saved = window.grab().save(out);
                if (!saved)
                    std::fprintf(stderr, "poolplanner: cannot write %s\n", qPrintable(out));
                QApplication::exit(saved ? 0 : 1);
            });
        });
        window.show();
        return QApplication::exec();
    }
    window.show();
    return QApplication::exec();
}
