// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Evaluating ClassAd expressions: three-valued logic and the functions policies use.
#include "classad/classad.h"
#include "classad/node.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
// GCC 12 warns inside <regex> itself at -O1 with sanitizers (maybe-uninitialized, a known false positive).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>
#include <vector>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace pp::classad {

using namespace detail;

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

namespace {

constexpr int maxEvaluationDepth = 100;

// A real as an integer; ERROR when it does not fit in 64 bits (NaN included) rather than undefined behaviour.
Value integerOf(double r)
{
    if (!(r >= -9.2e18 && r <= 9.2e18))
        return Value::error();
    return Value::integer(static_cast<std::int64_t>(r));
}

class Evaluator
{
public:
    explicit Evaluator(const EvalContext& context)
        : m_context(context)
    {
    }

    Value eval(const Expression::Node* n, const ClassAd* my, const ClassAd* target)
    {
        if (!n)
            return Value::error();
        if (++m_depth > maxEvaluationDepth) { // an attribute that refers to itself
            --m_depth;
            return Value::error();
        }
        Value v = evalNode(n, my, target);
        --m_depth;
        return v;
    }

private:
    Value lookup(const std::string& name, const ClassAd* in, const ClassAd* other)
    {
        if (!in)
            return Value::undefined();
        if (const Value* v = in->lookupValueLower(name))
            return *v;
        const Expression* e = in->lookupLower(name);
        if (!e)
            return Value::undefined();
        // Each attribute is evaluated once per evaluation: `A = B + B` chains would otherwise cost 2^depth, and an
        // attribute met again while it is being evaluated refers to itself, which is ERROR as in HTCondor.
        for (const Memo& m : m_memo)
            if (m.in == in && m.other == other && m.name == name)
                return m.done ? m.value : Value::error();
        const std::size_t slot = m_memo.size();
        m_memo.push_back({in, other, name, Value::undefined(), false});
        Value v = eval(e->root(), in, other); // an attribute evaluates with its own ad as MY
        m_memo[slot].value = v;
        m_memo[slot].done = true;
        return v;
    }

    struct Memo
    {
        const ClassAd* in;
        const ClassAd* other;
        std::string name;
        Value value;
        bool done;
    };
    std::vector<Memo> m_memo;

    Value evalNode(const Expression::Node* n, const ClassAd* my, const ClassAd* target)
    {
        switch (n->op) {
        case Op::Literal:
            return n->value;
        case Op::Attribute:
            if (n->scope == Scope::My)
                return lookup(n->name, my, target);
            if (n->scope == Scope::Target)
                return lookup(n->name, target, my);
            if (my && my->hasLower(n->name))
                return lookup(n->name, my, target);
            return lookup(n->name, target, my);
        case Op::List: {
            std::vector<Value> items;
            for (const auto& c : n->children)
                items.push_back(eval(c.get(), my, target));
            return Value::list(std::move(items));
        }
        case Op::Ternary: {
            const Value c = eval(n->children[0].get(), my, target);
            if (c.isUndefined())
                return Value::undefined();
            if (!c.isBoolean() && !c.isNumber())
                return Value::error();
            return eval(n->children[c.isTrue() ? 1 : 2].get(), my, target);
        }
        case Op::Unary:
            return unary(n->unary, eval(n->children[0].get(), my, target));
        case Op::Binary:
            return binary(n, my, target);
        case Op::Select: // nested ads are not used by the policies we evaluate
            return Value::undefined();
        case Op::Subscript: {
            const Value list = eval(n->children[0].get(), my, target);
            const Value index = eval(n->children[1].get(), my, target);
            if (list.isUndefined() || index.isUndefined())
                return Value::undefined();
            if (!list.isList() || index.type() != Value::Type::Integer)
                return Value::error();
            const auto i = index.asInteger();
            if (i < 0 || i >= static_cast<std::int64_t>(list.asList().size()))
                return Value::error();
            return list.asList()[static_cast<std::size_t>(i)];
        }
        case Op::Call:
            return call(n, my, target);
        }
        return Value::error();
    }

    static Value unary(char op, const Value& v)
    {
        if (v.isUndefined() || v.isError())
            return v;
        switch (op) {
        case '!':
            if (!v.isBoolean() && !v.isNumber())
                return Value::error();
            return Value::boolean(!v.isTrue());
        case '-':
            if (v.type() == Value::Type::Integer)
                return Value::integer(static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(v.asInteger())));
            if (v.type() == Value::Type::Real)
                return Value::real(-v.asReal());
            return Value::error();
        case '+':
            return v.isNumber() ? v : Value::error();
        case '~':
            return v.type() == Value::Type::Integer ? Value::integer(~v.asInteger()) : Value::error();
        default:
            return Value::error();
        }
    }

    // =?= : identical type and value; strings compare case-sensitively. Never UNDEFINED.
    static bool identical(const Value& a, const Value& b)
    {
        if (a.type() != b.type()) {
            if (a.isNumber() && b.isNumber())
                return a.asReal() == b.asReal();
            return false;
        }
        switch (a.type()) {
        case Value::Type::Undefined:
        case Value::Type::Error:
            return true;
        case Value::Type::Boolean:
        case Value::Type::Integer:
            return a.asInteger() == b.asInteger();
        case Value::Type::Real:
            return a.asReal() == b.asReal();
        case Value::Type::String:
            return a.asString() == b.asString();
        case Value::Type::List: {
            if (a.asList().size() != b.asList().size())
                return false;
            for (std::size_t i = 0; i < a.asList().size(); ++i)
                if (!identical(a.asList()[i], b.asList()[i]))
                    return false;
            return true;
        }
        }
        return false;
    }

    Value binary(const Expression::Node* n, const ClassAd* my, const ClassAd* target)
    {
        const BinaryOp op = n->binary;
        if (op == BinaryOp::And || op == BinaryOp::Or) {
            // Three-valued, and lazy: false && anything is false, true || anything is true.
            const Value a = eval(n->children[0].get(), my, target);
            if (a.isError() || (!a.isUndefined() && !a.isBoolean() && !a.isNumber()))
                return Value::error();
            if (!a.isUndefined() && (op == BinaryOp::And ? !a.isTrue() : a.isTrue()))
                return Value::boolean(op == BinaryOp::Or);
            const Value b = eval(n->children[1].get(), my, target);
            if (b.isError() || (!b.isUndefined() && !b.isBoolean() && !b.isNumber()))
                return Value::error();
            if (!b.isUndefined() && (op == BinaryOp::And ? !b.isTrue() : b.isTrue()))
                return Value::boolean(op == BinaryOp::Or);
            if (a.isUndefined() || b.isUndefined())
                return Value::undefined();
            return Value::boolean(op == BinaryOp::And);
        }
        const Value a = eval(n->children[0].get(), my, target);
        const Value b = eval(n->children[1].get(), my, target);
        if (op == BinaryOp::Is)
            return Value::boolean(identical(a, b));
        if (op == BinaryOp::Isnt)
            return Value::boolean(!identical(a, b));
        if (a.isError() || b.isError())
            return Value::error();
        if (a.isUndefined() || b.isUndefined())
            return Value::undefined();

        switch (op) {
        case BinaryOp::Equal:
        case BinaryOp::NotEqual:
        case BinaryOp::Less:
        case BinaryOp::LessEqual:
        case BinaryOp::Greater:
        case BinaryOp::GreaterEqual:
            return compare(op, a, b);
        default:
            break;
        }
        if (a.isString() && b.isString() && op == BinaryOp::Add)
            return Value::error(); // ClassAds concatenate with strcat(), not '+'
        double x = 0;
        double y = 0;
        if (!a.toNumber(x) || !b.toNumber(y))
            return Value::error();
        const bool integers = (a.type() == Value::Type::Integer || a.isBoolean())
            && (b.type() == Value::Type::Integer || b.isBoolean());
        if (integers) {
            const std::int64_t i = a.asInteger();
            const std::int64_t j = b.asInteger();
            // 64-bit two's-complement wrap on overflow, as the C++ ClassAd library's integers behave in practice
            // (computed on unsigned values: signed overflow would be undefined behaviour).
            const auto u = static_cast<std::uint64_t>(i);
            const auto v = static_cast<std::uint64_t>(j);
            switch (op) {
            case BinaryOp::Add:
                return Value::integer(static_cast<std::int64_t>(u + v));
            case BinaryOp::Subtract:
                return Value::integer(static_cast<std::int64_t>(u - v));
            case BinaryOp::Multiply:
                return Value::integer(static_cast<std::int64_t>(u * v));
            case BinaryOp::Divide:
                if (j == 0 || (j == -1 && i == std::numeric_limits<std::int64_t>::min()))
                    return Value::error();
                return Value::integer(i / j);
            case BinaryOp::Modulo:
                if (j == 0 || (j == -1 && i == std::numeric_limits<std::int64_t>::min()))
                    return Value::error();
                return Value::integer(i % j);
            case BinaryOp::BitAnd:
                return Value::integer(i & j);
            case BinaryOp::BitOr:
                return Value::integer(i | j);
            case BinaryOp::BitXor:
                return Value::integer(i ^ j);
            case BinaryOp::ShiftLeft:
                return (j < 0 || j > 63)
                    ? Value::error()
                    : Value::integer(static_cast<std::int64_t>(static_cast<std::uint64_t>(i) << j));
            case BinaryOp::ShiftRight:
                return (j < 0 || j > 63) ? Value::error() : Value::integer(i >> j);
            default:
                return Value::error();
            }
        }
        switch (op) {
        case BinaryOp::Add:
            return Value::real(x + y);
        case BinaryOp::Subtract:
            return Value::real(x - y);
        case BinaryOp::Multiply:
            return Value::real(x * y);
        case BinaryOp::Divide:
            return y == 0 ? Value::error() : Value::real(x / y);
        case BinaryOp::Modulo:
            return y == 0 ? Value::error() : Value::real(std::fmod(x, y));
        default:
            return Value::error();
        }
    }

    static Value compare(BinaryOp op, const Value& a, const Value& b)
    {
        int order = 0;
        if (a.isString() && b.isString()) {
            // == and < on strings ignore case in ClassAds; =?= does not.
            const std::string x = text::toLower(a.asString());
            const std::string y = text::toLower(b.asString());
            order = x < y ? -1 : (x > y ? 1 : 0);
        } else {
            double x = 0;
            double y = 0;
            if (!a.toNumber(x) || !b.toNumber(y))
                return Value::error();
            order = x < y ? -1 : (x > y ? 1 : 0);
        }
        switch (op) {
        case BinaryOp::Equal:
            return Value::boolean(order == 0);
        case BinaryOp::NotEqual:
            return Value::boolean(order != 0);
        case BinaryOp::Less:
            return Value::boolean(order < 0);
        case BinaryOp::LessEqual:
            return Value::boolean(order <= 0);
        case BinaryOp::Greater:
            return Value::boolean(order > 0);
        case BinaryOp::GreaterEqual:
            return Value::boolean(order >= 0);
        default:
            return Value::error();
        }
    }

    Value call(const Expression::Node* n, const ClassAd* my, const ClassAd* target)
    {
        const std::string& f = n->name;
        const auto& args = n->children;
        const auto arg = [&](std::size_t i) { return eval(args[i].get(), my, target); };
        const auto argc = args.size();
        const auto wrongArgs = [&] { return Value::error(); };

        if (f == "ifthenelse") {
            if (argc != 3)
                return wrongArgs();
            const Value c = arg(0);
            if (c.isUndefined())
                return Value::undefined();
            if (!c.isBoolean() && !c.isNumber())
                return Value::error();
            return arg(c.isTrue() ? 1 : 2);
        }
        if (f == "isundefined" || f == "iserror" || f == "isstring" || f == "isinteger" || f == "isreal"
            || f == "isboolean" || f == "islist") {
            if (argc != 1)
                return wrongArgs();
            const Value v = arg(0);
            const Value::Type want = f == "isundefined" ? Value::Type::Undefined
                : f == "iserror"                        ? Value::Type::Error
                : f == "isstring"                       ? Value::Type::String
                : f == "isinteger"                      ? Value::Type::Integer
                : f == "isreal"                         ? Value::Type::Real
                : f == "isboolean"                      ? Value::Type::Boolean
                                                        : Value::Type::List;
            return Value::boolean(v.type() == want);
        }
        if (f == "time")
            return argc == 0 ? Value::integer(m_context.now) : wrongArgs();
        if (f == "debug")
            return argc == 1 ? arg(0) : wrongArgs();

        std::vector<Value> values;
        values.reserve(argc);
        for (std::size_t i = 0; i < argc; ++i)
            values.push_back(arg(i));
        for (const auto& v : values)
            if (v.isError())
                return Value::error();

        if (f == "min" || f == "max") {
            if (argc == 0)
                return wrongArgs();
            std::vector<Value> items = values;
            if (argc == 1 && values[0].isList())
                items = values[0].asList();
            Value best;
            double bestNumber = 0;
            bool anyReal = false;
            for (const auto& v : items) {
                if (v.isUndefined())
                    return Value::undefined();
                double x = 0;
                if (!v.toNumber(x))
                    return Value::error();
                anyReal = anyReal || v.type() == Value::Type::Real;
                if (best.isUndefined() || (f == "min" ? x < bestNumber : x > bestNumber)) {
                    best = v;
                    bestNumber = x;
                }
            }
            return anyReal ? Value::real(bestNumber) : best;
        }
        for (const auto& v : values)
            if (v.isUndefined() && f != "strcat" && f != "member" && f != "stringlistmember")
                return Value::undefined();

        if (f == "int" || f == "real" || f == "floor" || f == "ceiling" || f == "round" || f == "abs") {
            if (argc != 1)
                return wrongArgs();
            double x = 0;
            if (values[0].isString()) {
                const auto parsed = text::parseDouble(values[0].asString());
                if (!parsed)
                    return Value::error();
                x = *parsed;
            } else if (!values[0].toNumber(x)) {
                return Value::error();
            }
            if (f == "real")
                return Value::real(x);
            if (f == "abs")
                return values[0].type() == Value::Type::Real ? Value::real(std::fabs(x)) : integerOf(std::fabs(x));
            const double r = f == "int" ? std::trunc(x)
                : f == "floor"          ? std::floor(x)
                : f == "ceiling"        ? std::ceil(x)
                                        : std::round(x);
            return integerOf(r);
        }
        if (f == "pow") {
            double x = 0;
            double y = 0;
            if (argc != 2 || !values[0].toNumber(x) || !values[1].toNumber(y))
                return Value::error();
            return Value::real(std::pow(x, y));
        }
        if (f == "quantize") {
            double x = 0;
            double q = 0;
            if (argc != 2 || !values[0].toNumber(x) || !values[1].toNumber(q) || q == 0)
                return Value::error();
            return integerOf(std::ceil(x / q) * q);
        }
        if (f == "string") {
            if (argc != 1)
                return wrongArgs();
            return values[0].isString() ? values[0] : Value::string(values[0].toString());
        }
        if (f == "strcat") {
            std::string out;
            for (const auto& v : values) {
                if (v.isUndefined())
                    return Value::undefined();
                out += v.isString() ? v.asString() : v.toString();
            }
            return Value::string(out);
        }
        if (f == "tolower" || f == "toupper") {
            if (argc != 1 || !values[0].isString())
                return Value::error();
            std::string s = values[0].asString();
            for (auto& c : s)
                c = static_cast<char>(f == "tolower" ? std::tolower(static_cast<unsigned char>(c))
                                                     : std::toupper(static_cast<unsigned char>(c)));
            return Value::string(s);
        }
        if (f == "size") {
            if (argc != 1)
                return wrongArgs();
            if (values[0].isString())
                return Value::integer(static_cast<std::int64_t>(values[0].asString().size()));
            if (values[0].isList())
                return Value::integer(static_cast<std::int64_t>(values[0].asList().size()));
            return Value::error();
        }
        if (f == "substr") {
            if ((argc != 2 && argc != 3) || !values[0].isString() || values[1].type() != Value::Type::Integer
                || (argc == 3 && values[2].type() != Value::Type::Integer))
                return Value::error();
            const std::string& s = values[0].asString();
            const auto size = static_cast<std::int64_t>(s.size());
            std::int64_t offset = values[1].asInteger();
            if (offset < 0)
                offset = std::max<std::int64_t>(0, size + offset);
            if (offset >= size)
                return Value::string("");
            std::int64_t length = argc == 3 ? values[2].asInteger() : size - offset;
            if (length < 0)
                length = std::max<std::int64_t>(0, size - offset + length);
            return Value::string(
                s.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(std::min(length, size - offset))));
        }
        if (f == "regexp") {
            if ((argc != 2 && argc != 3) || !values[0].isString() || !values[1].isString()
                || (argc == 3 && !values[2].isString()))
                return Value::error();
            auto flags = std::regex::ECMAScript;
            if (argc == 3 && values[2].asString().find_first_of("iI") != std::string::npos)
                flags |= std::regex::icase;
            try {
                const std::regex re(values[0].asString(), flags);
                return Value::boolean(std::regex_search(values[1].asString(), re));
            } catch (const std::regex_error&) {
                return Value::error();
            }
        }
        if (f == "stringlistmember") {
            if (argc != 2 && argc != 3)
                return Value::error();
            if (!values[0].isString() || !values[1].isString() || (argc == 3 && !values[2].isString()))
                return values[0].isUndefined() || values[1].isUndefined() ? Value::undefined() : Value::error();
            const std::string separators = argc == 3 ? values[2].asString() : std::string(" ,");
            for (auto item : text::split(values[1].asString(), separators))
                if (item == values[0].asString())
                    return Value::boolean(true);
            return Value::boolean(false);
        }
        if (f == "member") {
            if (argc != 2)
                return Value::error();
            if (!values[1].isList())
                return values[1].isUndefined() ? Value::undefined() : Value::error();
            if (values[0].isUndefined())
                return Value::undefined();
            for (const auto& item : values[1].asList()) {
                const Value eq = compare(BinaryOp::Equal, values[0], item);
                if (eq.isBoolean() && eq.asBool())
                    return Value::boolean(true);
            }
            return Value::boolean(false);
        }
        return Value::error();
    }

    const EvalContext& m_context;
    int m_depth = 0;
};

} // namespace

Value evaluate(const Expression& expression, const EvalContext& context)
{
    if (expression.isNull())
        return Value::undefined();
    Evaluator evaluator(context);
    return evaluator.eval(expression.root(), context.my, context.target);
}

} // namespace pp::classad
