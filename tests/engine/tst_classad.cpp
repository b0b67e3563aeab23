// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The ClassAd language as the HTCondor manual's "ClassAd Mechanism" chapter defines it, and the policy
// expressions of docs/HTCONDOR.md evaluated as written.
#include "classad/classad.h"

#include <QtTest>

using namespace pp::classad;

namespace {

QString eval(const QString& text, const ClassAd* my = nullptr, const ClassAd* target = nullptr)
{
    const auto e = Expression::parse(text.toStdString(), "test");
    if (!e)
        return QStringLiteral("parse error: ") + QString::fromStdString(e.error().reason);
    return QString::fromStdString(evaluate(*e, EvalContext {my, target, 1000}).toString());
}

ClassAd slotAd()
{
    ClassAd slot;
    slot.setInteger("Cpus", 4);
    slot.setInteger("TotalSlotCpus", 8);
    slot.setInteger("Memory", 8192);
    slot.setString("RemoteGroup", "star");
    slot.setReal("RemoteGroupQuota", 10);
    slot.setReal("RemoteGroupResourcesInUse", 12);
    slot.setReal("RemoteUserPrio", 900);
    slot.set("SlotWeight", *Expression::parse("Cpus"));
    slot.set("Requirements", *Expression::parse("TARGET.RequestCpus <= MY.Cpus"));
    return slot;
}

ClassAd jobAd()
{
    ClassAd job;
    job.setInteger("RequestCpus", 2);
    job.setString("SubmitterGroup", "atlas");
    job.setReal("SubmitterGroupQuota", 20);
    job.setReal("SubmitterGroupResourcesInUse", 5);
    job.setReal("SubmitterUserPrio", 600);
    job.setString("Owner", "Alice");
    return job;
}

} // namespace

class ClassAdTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void literalsAndOperators_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("value");
        QTest::addRow("integer arithmetic") << QStringLiteral("3600 * 24") << QStringLiteral("86400");
        QTest::addRow("integer division truncates") << QStringLiteral("7 / 2") << QStringLiteral("3");
        QTest::addRow("real promotion") << QStringLiteral("7 / 2.0") << QStringLiteral("3.5");
        QTest::addRow("precedence") << QStringLiteral("1 + 2 * 3 - 4") << QStringLiteral("3");
        QTest::addRow("unary minus") << QStringLiteral("-(2 + 3)") << QStringLiteral("-5");
        QTest::addRow("division by zero is error") << QStringLiteral("1 / 0") << QStringLiteral("error");
        QTest::addRow("string equality ignores case") << QStringLiteral("\"ABC\" == \"abc\"") << QStringLiteral("true");
        QTest::addRow("=?= is case-sensitive") << QStringLiteral("\"ABC\" =?= \"abc\"") << QStringLiteral("false");
        QTest::addRow("undefined compares undefined") << QStringLiteral("x == 1") << QStringLiteral("undefined");
        QTest::addRow("=?= never undefined") << QStringLiteral("x =?= undefined") << QStringLiteral("true");
        QTest::addRow("=!= of different types") << QStringLiteral("1 =!= \"1\"") << QStringLiteral("true");
        QTest::addRow("is / isnt keywords")
            << QStringLiteral("undefined is undefined && 1 isnt 2") << QStringLiteral("true");
        QTest::addRow("false && undefined is false") << QStringLiteral("false && x") << QStringLiteral("false");
        QTest::addRow("true && undefined is undefined") << QStringLiteral("true && x") << QStringLiteral("undefined");
        QTest::addRow("true || undefined is true") << QStringLiteral("x || true") << QStringLiteral("true");
        QTest::addRow("not undefined") << QStringLiteral("!x") << QStringLiteral("undefined");
        QTest::addRow("string in && is error") << QStringLiteral("\"a\" && true") << QStringLiteral("error");
        QTest::addRow("ternary") << QStringLiteral("2 > 1 ? \"yes\" : \"no\"") << QStringLiteral("\"yes\"");
        QTest::addRow("ternary on undefined") << QStringLiteral("x ? 1 : 2") << QStringLiteral("undefined");
        QTest::addRow("list subscript") << QStringLiteral("{10, 20, 30}[1]") << QStringLiteral("20");
        // Found by fuzz_classad: signed overflow was undefined behaviour; it wraps, and INT64_MIN / -1 is an error.
        QTest::addRow("integer overflow wraps")
            << QStringLiteral("9223372036854775807 + 1 < 0") << QStringLiteral("true");
        QTest::addRow("INT64_MIN / -1 is error")
            << QStringLiteral("(-9223372036854775807 - 1) / -1") << QStringLiteral("error");
        QTest::addRow("int of a huge real is error") << QStringLiteral("int(1e300)") << QStringLiteral("error");
        QTest::addRow("real literal with exponent") << QStringLiteral("3.4e38 > 3.3e38") << QStringLiteral("true");
    }
    void literalsAndOperators()
    {
        QFETCH(QString, expression);
        QFETCH(QString, value);
        QCOMPARE(eval(expression), value);
    }

    void functions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("value");
        QTest::addRow("ifThenElse picks lazily") << QStringLiteral("ifThenElse(true, 1, 1/0)") << QStringLiteral("1");
        QTest::addRow("ifThenElse on undefined")
            << QStringLiteral("ifThenElse(x, 1, 2)") << QStringLiteral("undefined");
        QTest::addRow("isUndefined") << QStringLiteral("isUndefined(x)") << QStringLiteral("true");
        QTest::addRow("isError") << QStringLiteral("isError(1/0)") << QStringLiteral("true");
        QTest::addRow("time") << QStringLiteral("time() - 400") << QStringLiteral("600");
        QTest::addRow("int truncates") << QStringLiteral("int(-2.7)") << QStringLiteral("-2");
        QTest::addRow("real") << QStringLiteral("real(3)") << QStringLiteral("3.0");
        QTest::addRow("floor") << QStringLiteral("floor(2.7)") << QStringLiteral("2");
        QTest::addRow("min and max") << QStringLiteral("min(3, 1, 2) + max(3, 1, 2)") << QStringLiteral("4");
        QTest::addRow("strcat") << QStringLiteral("strcat(\"a\", 1, \"b\")") << QStringLiteral("\"a1b\"");
        QTest::addRow("substr") << QStringLiteral("substr(\"atlas.prod\", 6)") << QStringLiteral("\"prod\"");
        QTest::addRow("substr negative offset")
            << QStringLiteral("substr(\"atlas.prod\", -4, 2)") << QStringLiteral("\"pr\"");
        QTest::addRow("regexp") << QStringLiteral("regexp(\"^atlas\\\\.\", \"atlas.prod\")") << QStringLiteral("true");
        QTest::addRow("regexp case option")
            << QStringLiteral("regexp(\"ATLAS\", \"atlas\", \"i\")") << QStringLiteral("true");
        QTest::addRow("stringListMember")
            << QStringLiteral("stringListMember(\"b\", \"a, b,c\")") << QStringLiteral("true");
        QTest::addRow("member") << QStringLiteral("member(2, {1, 2, 3})") << QStringLiteral("true");
        QTest::addRow("size of list") << QStringLiteral("size({1, 2, 3})") << QStringLiteral("3");
        QTest::addRow("type error in a function is error") << QStringLiteral("size(3)") << QStringLiteral("error");
    }
    void functions()
    {
        QFETCH(QString, expression);
        QFETCH(QString, value);
        QCOMPARE(eval(expression), value);
    }

    void scopesAndAttributes()
    {
        const ClassAd slot = slotAd();
        const ClassAd job = jobAd();
        QCOMPARE(eval(QStringLiteral("SlotWeight"), &slot, &job), QStringLiteral("4"));
        QCOMPARE(eval(QStringLiteral("MY.Cpus >= TARGET.RequestCpus"), &slot, &job), QStringLiteral("true"));
        QCOMPARE(eval(QStringLiteral("requestcpus"), &slot, &job), QStringLiteral("2")); // falls back to TARGET
        QCOMPARE(eval(QStringLiteral("TARGET.Cpus"), &slot, &job), QStringLiteral("undefined"));
        QCOMPARE(eval(QStringLiteral("Requirements"), &slot, &job), QStringLiteral("true"));
        // An attribute of TARGET evaluates with TARGET as its MY.
        QCOMPARE(eval(QStringLiteral("TARGET.Requirements"), &job, &slot), QStringLiteral("true"));
        ClassAd loop;
        loop.set("A", *Expression::parse("A + 1"));
        QCOMPARE(eval(QStringLiteral("A"), &loop), QStringLiteral("error"));
        // Found by fuzzing: an attribute that refers to itself twice once cost 2^100 evaluations (a hang).
        loop.set("Name", *Expression::parse("Name - Name"));
        QCOMPARE(eval(QStringLiteral("Name"), &loop), QStringLiteral("error"));
        // A chain where each attribute uses the one below twice is evaluated once per attribute: A30 = 2^30.
        ClassAd chain;
        chain.setInteger("A0", 1);
        for (int i = 1; i <= 30; ++i)
            chain.set("A" + std::to_string(i),
                *Expression::parse("A" + std::to_string(i - 1) + " + A" + std::to_string(i - 1)));
        QCOMPARE(eval(QStringLiteral("A30"), &chain), QStringLiteral("1073741824"));
        // Found by fuzzing: member() and stringListMember() with one argument read past their arguments.
        QCOMPARE(eval(QStringLiteral("member(1)")), QStringLiteral("error"));
        QCOMPARE(eval(QStringLiteral("stringListMember(\"a\")")), QStringLiteral("error"));
    }

    void policyExpressions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("value");
        // docs/HTCONDOR.md §4.5: the submitting group is below quota and the running group above it.
        QTest::addRow("down-to-quota recipe")
            << QStringLiteral("(SubmitterGroupResourcesInUse < SubmitterGroupQuota) && (RemoteGroupResourcesInUse > "
                              "RemoteGroupQuota) || (SubmitterGroup =?= RemoteGroup)")
            << QStringLiteral("true");
        QTest::addRow("default PREEMPTION_RANK") << QStringLiteral(
            "(RemoteUserPrio * 1000000) - ifThenElse(isUndefined(TotalJobRunTime), 0, TotalJobRunTime)")
                                                 << QStringLiteral("900000000.0");
        QTest::addRow("default GROUP_SORT_EXPR for a group")
            << QStringLiteral("ifThenElse(SubmitterGroup =?= \"<none>\", 3.4e38, ifThenElse(SubmitterGroupQuota > 0, "
                              "SubmitterGroupResourcesInUse/SubmitterGroupQuota, 3.3e38))")
            << QStringLiteral("0.25");
        QTest::addRow("DEFRAG_WHOLE_MACHINE_EXPR")
            << QStringLiteral("Cpus == TotalSlotCpus") << QStringLiteral("false");
    }
    void policyExpressions()
    {
        QFETCH(QString, expression);
        QFETCH(QString, value);
        const ClassAd slot = slotAd();
        const ClassAd job = jobAd();
        QCOMPARE(eval(expression, &slot, &job), value);
    }

    void parseErrorsNamePosition_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("reason");
        QTest::addRow("unknown function")
            << QStringLiteral("1 + frobnicate(2)") << QStringLiteral("position 5: unknown function 'frobnicate'");
        QTest::addRow("unbalanced parenthesis")
            << QStringLiteral("(1 + 2") << QStringLiteral("position 7: expected ')'");
        QTest::addRow("dangling operator")
            << QStringLiteral("1 +") << QStringLiteral("position 4: expression ends where a value was expected");
        QTest::addRow("unterminated string")
            << QStringLiteral("\"abc") << QStringLiteral("position 5: string without its closing '\"'");
        QTest::addRow("stray character") << QStringLiteral("1 $ 2") << QStringLiteral("position 3: unexpected '$ 2'");
        QTest::addRow("empty") << QStringLiteral("  ") << QStringLiteral("empty expression");
    }
    void parseErrorsNamePosition()
    {
        QFETCH(QString, expression);
        QFETCH(QString, reason);
        const auto e = Expression::parse(expression.toStdString(), "PREEMPTION_REQUIREMENTS");
        QVERIFY(!e.ok());
        QCOMPARE(QString::fromStdString(e.error().source), QStringLiteral("PREEMPTION_REQUIREMENTS"));
        QCOMPARE(QString::fromStdString(e.error().reason), reason);
    }

    void deepNestingIsRefusedNotCrashed()
    {
        const std::string deep = std::string(5000, '(') + "1" + std::string(5000, ')');
        QVERIFY(!Expression::parse(deep, "x").ok());
        QVERIFY(!Expression::parse(std::string(100000, '-') + "1", "x").ok()); // a unary chain too
        const std::string fine = std::string(50, '(') + "1" + std::string(50, ')');
        QVERIFY(Expression::parse(fine, "x").ok());
    }
};

QTEST_GUILESS_MAIN(ClassAdTest)
#include "tst_classad.moc"
