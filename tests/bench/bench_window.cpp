// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The window on a big pool (a QtTest benchmark, not run by ctest): the demo's groups and workload on 51,200 cores
// (2.5 times the demo), against the demo itself in the same process. What is measured is time on the GUI thread:
// the longest the event loop stood still while a result opened (the simulation runs in the background), and
// switching views and moving the period, each with the painting it causes (measured once every window is idle).
//   QT_QPA_PLATFORM=offscreen build/release/tests/bench/poolplanner-bench-window -iterations 5
#include "mainwindow.h"
#include "planningsession.h"
#include "timerangebar.h"

#include "scenario/demo.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include <map>
#include <memory>

namespace {

using View = MainWindow::View;

pp::Scenario poolOfSize(double scale)
{
    pp::Scenario scenario = pp::demoScenario(1, scale);
    if (scale != 1.0) // the demo's machines, scaled with its workload (64-core machines, 4 GiB per core)
        scenario.pool = pp::Pool::uniform(static_cast<long>(20480 * scale), 64, 4096, "wn").value();
    return scenario;
}

} // namespace

class WindowBench : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        for (const auto& [name, scale] :
            {std::pair {QStringLiteral("demo 20,480 cores"), 1.0}, std::pair {QStringLiteral("51,200 cores"), 2.5}}) {
            auto window = std::make_unique<MainWindow>();
            window->resize(1600, 1000);
            window->show();
            const pp::Scenario scenario = poolOfSize(scale);
            QSignalSpy shown(window.get(), &MainWindow::resultShown);
            // The longest gap between two turns of the event loop (a 5 ms timer) from the opening until the
            // result is shown and the spread of its arbitrary choices (an ensemble) is in.
            QElapsedTimer total;
            QElapsedTimer sinceTurn;
            qint64 longest = 0;
            QTimer turn;
            turn.setInterval(5);
            connect(&turn, &QTimer::timeout, this, [&] { longest = std::max(longest, sinceTurn.restart()); });
            total.start();
            sinceTurn.start();
            turn.start();
            window->openScenario(scenario, pp::Config::fromText(pp::demoConfigText(), "demo").value());
            QVERIFY(shown.wait(600000));
            const qint64 opened = total.elapsed();
            QTRY_VERIFY_WITH_TIMEOUT(!window->planning()->isRunningEnsemble(), 600000);
            QCoreApplication::processEvents();
            longest = std::max(longest, sinceTurn.restart());
            turn.stop();
            qInfo("%s: %lld jobs; shown after %lld ms and its spread after %lld ms (simulations in the background); "
                  "the GUI thread never stood still longer than %lld ms",
                qPrintable(name), static_cast<long long>(scenario.workload.jobs.size()), static_cast<long long>(opened),
                static_cast<long long>(total.elapsed()), static_cast<long long>(longest));
            m_windows[name] = std::move(window);
        }
    }

    void switchView_data()
    {
        QTest::addColumn<QString>("pool");
        QTest::addColumn<int>("view");
        for (const auto& [name, window] : m_windows)
            for (const auto& [view, label] : {std::pair {View::Groups, "Groups"}, std::pair {View::Flows, "Flows"},
                     std::pair {View::Notebooks, "Notebooks"}, std::pair {View::Planner, "Planner"},
                     std::pair {View::Compare, "Compare"}, std::pair {View::Reports, "Reports"}})
                QTest::addRow("%s, Pool to %s and back", qPrintable(name), label) << name << static_cast<int>(view);
    }
    void switchView()
    {
        QFETCH(QString, pool);
        QFETCH(int, view);
        MainWindow* window = m_windows.at(pool).get();
        QBENCHMARK
        {
            window->showView(static_cast<View>(view));
            QCoreApplication::processEvents();
            window->showView(View::Pool);
            QCoreApplication::processEvents();
        }
    }

    void movePeriod_data()
    {
        QTest::addColumn<QString>("pool");
        QTest::addColumn<int>("view");
        for (const auto& [name, window] : m_windows)
            for (const auto& [view, label] :
                {std::pair {View::Pool, "Pool"}, std::pair {View::Groups, "Groups"}, std::pair {View::Flows, "Flows"}})
                QTest::addRow("%s, %s: a day, then the whole run", qPrintable(name), label)
                    << name << static_cast<int>(view);
    }
    void movePeriod()
    {
        QFETCH(QString, pool);
        QFETCH(int, view);
        MainWindow* window = m_windows.at(pool).get();
        window->showView(static_cast<View>(view));
        QCoreApplication::processEvents();
        auto* range = window->findChild<TimeRangeBar*>();
        QVERIFY(range);
        const int last = range->lastSample(); // the whole run: every iteration ends on it
        const int day = last / 7;
        QBENCHMARK
        {
            range->setRange(2 * day, 3 * day);
            QCoreApplication::processEvents();
            range->setRange(0, last);
            QCoreApplication::processEvents();
        }
    }

    void cleanupTestCase() { m_windows.clear(); }

private:
    std::map<QString, std::unique_ptr<MainWindow>> m_windows;
};

QTEST_MAIN(WindowBench)
#include "bench_window.moc"
