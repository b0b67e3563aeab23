// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// File → Validate Against History…: the C3 recording from ../shared validates as the CLI does; bad input shows in
// the dialog, naming the file. POOLPLANNER_SCREENSHOT_DIR=DIR keeps a picture of the dialog to look at.
#include "validationdialog.h"

#include "../realpoolfiles.h"

#include <QDir>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

class ValidationDialogTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theRecordingValidates()
    {
        const QString dir = realpool::recording("C3_defrag_graceful_retirement");
        ValidationRunner::Inputs in;
        in.historyPaths = {dir + QStringLiteral("/history.json.gz"), dir + QStringLiteral("/final_q.json.gz")};
        for (const QString& name : QDir(dir + QStringLiteral("/jobs")).entryList({QStringLiteral("*.log")}))
            in.eventLogPaths << dir + QStringLiteral("/jobs/") + name;
        in.configPaths = {dir + QStringLiteral("/effective_config_dump.txt")};
        in.cores = 16;
        in.machineCores = 16;
        in.runs = 20;
        ValidationDialog dialog;
        dialog.setInputs(in);
        QCOMPARE(dialog.inputs().eventLogPaths.size(), in.eventLogPaths.size());
        QSignalSpy shown(&dialog, &ValidationDialog::validationShown);
        dialog.show();
        dialog.startValidation();
        QVERIFY(shown.wait(60000));
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QVERIFY2(dialog.verdictText().startsWith(QStringLiteral("Consistent")), qPrintable(dialog.verdictText()));
        QCOMPARE(dialog.table()->rowCount(), 3);
        QStringList groups;
        for (int row = 0; row < 3; ++row) {
            groups << dialog.table()->item(row, 0)->text();
            QCOMPARE(dialog.table()->item(row, 5)->text(), QStringLiteral("yes"));
        }
        groups.sort();
        QCOMPARE(groups,
            (QStringList {
                QStringLiteral("group_atlas.analysis"), QStringLiteral("group_phenix"), QStringLiteral("group_star")}));
        if (const QByteArray out = qgetenv("POOLPLANNER_SCREENSHOT_DIR"); !out.isEmpty()) {
            QTest::qWait(50); // the layout settles on the new texts' heights
            dialog.grab().save(QDir(QString::fromLocal8Bit(out)).filePath(QStringLiteral("validation-c3.png")));
        }
    }

    void badInputShowsInTheDialog()
    {
        QTemporaryDir temp;
        const QString trace = temp.filePath(QStringLiteral("trace.swf"));
        QFile f(trace);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("; MaxNodes: 4\n1 0 0 60 1 -1 -1 1 60 -1 1 1 1 -1 1 -1 -1 -1\n");
        f.close();
        ValidationRunner::Inputs in;
        in.historyPaths = {trace};
        in.cores = 4;
        ValidationDialog dialog;
        dialog.setInputs(in);
        QSignalSpy shown(&dialog, &ValidationDialog::validationShown);
        dialog.startValidation();
        QVERIFY(shown.wait(20000));
        QVERIFY2(dialog.errorText().contains(trace), qPrintable(dialog.errorText()));
        QVERIFY2(dialog.errorText().contains(QStringLiteral("not job ads")), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.table()->rowCount(), 0);
        // Nothing chosen: said at once, nothing runs.
        dialog.setInputs({});
        dialog.startValidation();
        QVERIFY(dialog.errorText().contains(QStringLiteral("condor_history")));
    }
};

QTEST_MAIN(ValidationDialogTest)
#include "tst_validationdialog.moc"
