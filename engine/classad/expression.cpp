// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Parsing ClassAd expressions into the tree of node.h.
#include "classad/expression.h"

#include "classad/node.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace pp::classad {

using namespace detail;

namespace {

// Functions the evaluator knows; anything else is refused when the expression is parsed.
constexpr const char* knownFunctions[] = {"ifthenelse", "isundefined", "iserror", "isstring", "isinteger", "isreal",
    "isboolean", "islist", "time", "int", "real", "string", "floor", "ceiling", "round", "min", "max", "strcat",
    "substr", "regexp", "stringlistmember", "member", "size", "tolower", "toupper", "abs", "pow", "quantize", "debug"};

} // namespace

namespace {

using NodePtr = std::shared_ptr<const Expression::Node>;

class Parser
{
public:
    Parser(std::string_view text, std::string origin, bool strictFunctions)
        : m_text(text)
        , m_origin(std::move(origin))
        , m_strictFunctions(strictFunctions)
    {
    }

    NodePtr parseAll()
    {
        NodePtr node = parseTernary();
        skipSpace();
        if (!m_error && m_pos < m_text.size())
            fail("unexpected '" + std::string(m_text.substr(m_pos, 10)) + "'");
        return node;
    }
    const std::optional<Diagnostic>& error() const { return m_error; }

private:
    void fail(const std::string& reason)
    {
        if (!m_error)
            m_error = Diagnostic {m_origin, 0, "position " + std::to_string(m_pos + 1) + ": " + reason};
    }
    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    bool accept(std::string_view token)
    {
        skipSpace();
        if (m_text.substr(m_pos, token.size()) == token) {
            m_pos += token.size();
            return true;
        }
        return false;
    }
    bool acceptWord(std::string_view word)
    {
        skipSpace();
        if (m_pos + word.size() <= m_text.size() && text::iequals(m_text.substr(m_pos, word.size()), word)
            && (m_pos + word.size() == m_text.size()
                || !(std::isalnum(static_cast<unsigned char>(m_text[m_pos + word.size()]))
                    || m_text[m_pos + word.size()] == '_'))) {
            m_pos += word.size();
            return true;
        }
        return false;
    }
    static NodePtr binary(BinaryOp op, NodePtr a, NodePtr b)
    {
        auto n = std::make_shared<Expression::Node>();
        n->op = Op::Binary;
        n->binary = op;
        n->children = {std::move(a), std::move(b)};
        return n;
    }

    NodePtr parseTernary()
    {
        // Each level costs a dozen stack frames (more under sanitizers): 100 is far beyond any real policy.
        if (++m_depth > maxNesting) {
            fail("expression nested too deeply");
            return nullptr;
        }
        NodePtr condition = parseBinary(0);
        if (m_error) {
            --m_depth;
            return condition;
        }
        if (accept("?")) {
            NodePtr a = parseTernary();
            if (!accept(":"))
                fail("expected ':' of a '? :' expression");
            NodePtr b = parseTernary();
            auto n = std::make_shared<Expression::Node>();
            n->op = Op::Ternary;
            n->children = {condition, a, b};
            condition = n;
        }
        --m_depth;
        return condition;
    }

    // Precedence climbing over the binary operators, lowest first.
    bool peekBinary(int level, BinaryOp& op)
    {
        skipSpace();
        const std::size_t save = m_pos;
        const auto is = [&](std::string_view t, BinaryOp o) {
            if (m_text.substr(m_pos, t.size()) == t) {
                m_pos += t.size();
                op = o;
                return true;
            }
            return false;
        };
        bool found = false;
        switch (level) {
        case 0:
            found = is("||", BinaryOp::Or);
            break;
        case 1:
            found = is("&&", BinaryOp::And);
            break;
        case 2:
            found = m_text.substr(m_pos, 2) != "||" && is("|", BinaryOp::BitOr);
            break;
        case 3:
            found = is("^", BinaryOp::BitXor);
            break;
        case 4:
            found = m_text.substr(m_pos, 2) != "&&" && is("&", BinaryOp::BitAnd);
            break;
        case 5:
            found = is("=?=", BinaryOp::Is) || is("=!=", BinaryOp::Isnt) || is("==", BinaryOp::Equal)
                || is("!=", BinaryOp::NotEqual);
            if (!found && acceptWord("isnt")) {
                op = BinaryOp::Isnt;
                found = true;
            } else if (!found && acceptWord("is")) {
                op = BinaryOp::Is;
                found = true;
            }
            break;
        case 6:
            found = is("<=", BinaryOp::LessEqual) || is(">=", BinaryOp::GreaterEqual)
                || (m_text.substr(m_pos, 2) != "<<" && is("<", BinaryOp::Less))
                || (m_text.substr(m_pos, 2) != ">>" && is(">", BinaryOp::Greater));
            break;
        case 7:
            found = is("<<", BinaryOp::ShiftLeft) || is(">>", BinaryOp::ShiftRight);
            break;
        case 8:
            found = is("+", BinaryOp::Add) || is("-", BinaryOp::Subtract);
            break;
        case 9:
            found = is("*", BinaryOp::Multiply) || is("/", BinaryOp::Divide) || is("%", BinaryOp::Modulo);
            break;
        default:
            break;
        }
        if (!found)
            m_pos = save;
        return found;
    }

    NodePtr parseBinary(int level)
    {
        if (level > 9)
            return parseUnary();
        NodePtr left = parseBinary(level + 1);
        BinaryOp op {};
        while (!m_error && peekBinary(level, op)) {
            NodePtr right = parseBinary(level + 1);
            left = binary(op, left, right);
        }
        return left;
    }

    NodePtr parseUnary()
    {
        skipSpace();
        if (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '-' || c == '+' || c == '!' || c == '~') {
                if (++m_depth > maxNesting) {
                    fail("expression nested too deeply");
                    return nullptr;
                }
                ++m_pos;
                auto n = std::make_shared<Expression::Node>();
                n->op = Op::Unary;
                n->unary = c;
                n->children = {parseUnary()};
                --m_depth;
                return n;
            }
        }
        return parsePostfix(parsePrimary());
    }

    NodePtr parsePostfix(NodePtr node)
    {
        while (!m_error) {
            skipSpace();
            if (accept("[")) {
                auto n = std::make_shared<Expression::Node>();
                n->op = Op::Subscript;
                n->children = {node, parseTernary()};
                if (!accept("]"))
                    fail("expected ']'");
                node = n;
            } else if (m_pos < m_text.size() && m_text[m_pos] == '.' && m_pos + 1 < m_text.size()
                && (std::isalpha(static_cast<unsigned char>(m_text[m_pos + 1])) || m_text[m_pos + 1] == '_')) {
                ++m_pos;
                auto n = std::make_shared<Expression::Node>();
                n->op = Op::Select;
                n->name = text::toLower(identifier());
                n->children = {node};
                node = n;
            } else {
                break;
            }
        }
        return node;
    }

    std::string identifier()
    {
        const std::size_t start = m_pos;
        while (
            m_pos < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_'))
            ++m_pos;
        return std::string(m_text.substr(start, m_pos - start));
    }

    static NodePtr literal(Value v)
    {
        auto n = std::make_shared<Expression::Node>();
        n->op = Op::Literal;
        n->value = std::move(v);
        return n;
    }

    NodePtr parsePrimary()
    {
        skipSpace();
        if (m_pos >= m_text.size()) {
            fail("expression ends where a value was expected");
            return literal(Value::error());
        }
        const char c = m_text[m_pos];
        if (c == '(') {
            ++m_pos;
            NodePtr inner = parseTernary();
            if (!accept(")"))
                fail("expected ')'");
            return inner;
        }
        if (c == '{') {
            ++m_pos;
            auto n = std::make_shared<Expression::Node>();
            n->op = Op::List;
            if (!accept("}")) {
                do
                    n->children.push_back(parseTernary());
                while (!m_error && accept(","));
                if (!accept("}"))
                    fail("expected '}' closing a list");
            }
            return n;
        }
        if (c == '"')
            return literal(Value::string(stringLiteral()));
        if (std::isdigit(static_cast<unsigned char>(c))
            || (c == '.' && m_pos + 1 < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos + 1]))))
            return number();
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const std::string word = identifier();
            const std::string lower = text::toLower(word);
            if (lower == "true")
                return literal(Value::boolean(true));
            if (lower == "false")
                return literal(Value::boolean(false));
            if (lower == "undefined")
                return literal(Value::undefined());
            if (lower == "error")
                return literal(Value::error());
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == '(') {
                ++m_pos;
                if (m_strictFunctions
                    && std::find(std::begin(knownFunctions), std::end(knownFunctions), lower)
                        == std::end(knownFunctions)) {
                    m_pos -= word.size() + 1;
                    fail("unknown function '" + word + "'");
                    return literal(Value::error());
                }
                auto n = std::make_shared<Expression::Node>();
                n->op = Op::Call;
                n->name = lower;
                if (!accept(")")) {
                    do
                        n->children.push_back(parseTernary());
                    while (!m_error && accept(","));
                    if (!accept(")"))
                        fail("expected ')' closing the arguments of " + word);
                }
                return n;
            }
            auto n = std::make_shared<Expression::Node>();
            n->op = Op::Attribute;
            if ((lower == "my" || lower == "target") && m_pos < m_text.size() && m_text[m_pos] == '.') {
                ++m_pos;
                n->scope = lower == "my" ? Scope::My : Scope::Target;
                n->name = text::toLower(identifier());
                if (n->name.empty())
                    fail("expected an attribute name after '" + word + ".'");
            } else {
                n->name = lower;
            }
            return n;
        }
        fail(std::string("unexpected '") + c + "'");
        return literal(Value::error());
    }

    std::string stringLiteral()
    {
        ++m_pos; // opening quote
        std::string out;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            char c = m_text[m_pos++];
            if (c == '\\' && m_pos < m_text.size()) {
                const char e = m_text[m_pos++];
                c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
            }
            out += c;
        }
        if (m_pos >= m_text.size())
            fail("string without its closing '\"'");
        else
            ++m_pos;
        return out;
    }

    NodePtr number()
    {
        const std::size_t start = m_pos;
        bool real = false;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (std::isdigit(static_cast<unsigned char>(c)))
                ++m_pos;
            else if (c == '.') {
                real = true;
                ++m_pos;
            } else if ((c == 'e' || c == 'E') && m_pos + 1 < m_text.size()
                && (std::isdigit(static_cast<unsigned char>(m_text[m_pos + 1])) || m_text[m_pos + 1] == '-'
                    || m_text[m_pos + 1] == '+')) {
                real = true;
                m_pos += 2;
            } else
                break;
        }
        const std::string_view digits = m_text.substr(start, m_pos - start);
        if (real) {
            double d = 0;
            const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
            if (ec != std::errc() || p != digits.data() + digits.size())
                fail("'" + std::string(digits) + "' is not a number");
            return literal(Value::real(d));
        }
        std::int64_t i = 0;
        const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), i);
        if (ec != std::errc()) {
            double d = 0;
            std::from_chars(digits.data(), digits.data() + digits.size(), d);
            return literal(Value::real(d));
        }
        (void)p;
        return literal(Value::integer(i));
    }

    std::string_view m_text;
    std::string m_origin;
    std::size_t m_pos = 0;
    int m_depth = 0;
    static constexpr int maxNesting = 100;
    bool m_strictFunctions = true;
    std::optional<Diagnostic> m_error;
};

} // namespace

Expected<Expression> Expression::parse(std::string_view source, const std::string& origin, Functions functions)
{
    if (text::trim(source).empty())
        return Diagnostic {origin, 0, "empty expression"};
    Parser parser(source, origin, functions == Functions::Known);
    NodePtr root = parser.parseAll();
    if (parser.error())
        return *parser.error();
    Expression e;
    e.m_root = std::move(root);
    e.m_text = std::string(text::trim(source));
    return e;
}

Expression Expression::literal(Value value)
{
    auto n = std::make_shared<Node>();
    n->op = Op::Literal;
    n->value = std::move(value);
    Expression e;
    e.m_text = n->value.toString();
    e.m_root = std::move(n);
    return e;
}

bool Expression::isLiteral(Value* value) const
{
    if (!m_root || m_root->op != Op::Literal)
        return false;
    if (value)
        *value = m_root->value;
    return true;
}

std::vector<std::string> Expression::references() const
{
    std::vector<std::string> names;
    std::vector<const Node*> stack;
    if (m_root)
        stack.push_back(m_root.get());
    while (!stack.empty()) {
        const Node* n = stack.back();
        stack.pop_back();
        if (n->op == Op::Attribute)
            names.push_back(n->name);
        if (n->op == Op::Call && n->name == "time")
            names.emplace_back("time()");
        for (const auto& c : n->children)
            stack.push_back(c.get());
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

} // namespace pp::classad
