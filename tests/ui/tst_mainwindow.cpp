// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Opens the built-in demo pool offscreen, waits for the background simulation, and checks the table.
#include "mainwindow.h"

#include "sim/demo.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

class MainWindowTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheDemoPoolsGroups()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultShown);
        // A tenth of the demo's jobs keeps the test quick under sanitizers; the pool and groups are the demo's.
        window.openScenario(pp::demoScenario(1, 0.1));
        window.show();
        QVERIFY(window.isBusy());
        QVERIFY(shown.wait(120000));
        auto* view = window.findChild<QTreeView*>();
        QVERIFY(view);
        const QAbstractItemModel* model = view->model();
        QCOMPARE(model->rowCount(), 11); // <none>, 7 top-level groups, 3 atlas queues
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->index(row, 0).data().toString().trimmed();
        QVERIFY(names.contains(QStringLiteral("atlas")));
        QVERIFY(names.contains(QStringLiteral("multicore")));
        QVERIFY(names.contains(QStringLiteral("notebooks")));
        const auto labels = window.findChildren<QLabel*>();
        bool summarised = false;
        for (const auto* label : labels)
            summarised = summarised || label->text().contains(QStringLiteral("20,480 cores"));
        QVERIFY(summarised);

        // Every view can be shown; the pool view charts the run and the notebooks view has the demo's sessions.
        for (const char* name : {"pool", "groups", "flows", "notebooks", "planner", "compare", "reports"}) {
            MainWindow::View v {};
            QVERIFY2(MainWindow::viewFromName(QString::fromLatin1(name), &v), name);
            window.showView(v);
        }
        MainWindow::View unknown {};
        QVERIFY(!MainWindow::viewFromName(QStringLiteral("nope"), &unknown));
        QVERIFY(window.findChild<QWidget*>(QStringLiteral("usageChart")));
        bool notebooks = false;
        for (const auto* label : window.findChildren<QLabel*>())
            notebooks = notebooks
                || (label->text().contains(QStringLiteral("<h2>Notebooks</h2>"))
                    && label->text().contains(QStringLiteral("<td>notebooks</td>")));
        QVERIFY(notebooks);
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
