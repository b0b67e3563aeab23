// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "classad/value.h"
#include "util/expected.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pp::classad {

class ClassAd;

/// A parsed ClassAd expression (the language of the HTCondor manual's "ClassAd Mechanism" chapter):
/// literals, attribute references with MY./TARGET. scopes (case-insensitive), arithmetic, comparison,
/// && || ! with UNDEFINED/ERROR three-valued logic, =?= =!= is isnt, ?:, lists, and the functions
/// policies use. Immutable and cheap to copy; evaluate it against a pair of ads.
class Expression
{
public:
    struct Node;

    Expression() = default;
    /// Parses `text`; on failure the Diagnostic names `origin` (the knob or attribute) and the position.
    /// Knobs are parsed with Functions::Known so that a typo is an error; ads written by HTCondor may call
    /// functions the evaluator lacks (userMap, splitSlotName, …): Functions::Any keeps them, evaluating to ERROR.
    enum class Functions { Known, Any };
    static Expected<Expression> parse(
        std::string_view source, const std::string& origin = "expression", Functions functions = Functions::Known);
    /// A literal value as an expression.
    static Expression literal(Value value);

    bool isNull() const { return !m_root; }
    /// The text it was parsed from (or the literal's ClassAd text).
    const std::string& text() const { return m_text; }
    /// True when the expression is a literal, so callers can skip evaluation (e.g. PREEMPTION_REQUIREMENTS = False).
    bool isLiteral(Value* value = nullptr) const;

    const Node* root() const { return m_root.get(); }

    /// The attribute names it refers to, lower case and without scope; `time()` counts as "time()".
    std::vector<std::string> references() const;

private:
    std::shared_ptr<const Node> m_root;
    std::string m_text;
};

/// What an evaluation sees: MY, TARGET and the current time (for time()).
struct EvalContext
{
    const ClassAd* my = nullptr;
    const ClassAd* target = nullptr;
    std::int64_t now = 0;
};

Value evaluate(const Expression& expression, const EvalContext& context);

} // namespace pp::classad
