// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "classad/expression.h"

#include <string>
#include <unordered_map>

namespace pp::classad {

/// A set of named expressions with case-insensitive names (a job, slot or submitter ad).
class ClassAd
{
public:
    void set(const std::string& name, Expression expression);
    void set(const std::string& name, Value value);
    /// Sets a literal value under a name already in lower case; the hot path for ads rebuilt per evaluation.
    void setLower(const std::string& lowerName, Value value);
    void setInteger(const std::string& name, std::int64_t v) { set(name, Value::integer(v)); }
    void setReal(const std::string& name, double v) { set(name, Value::real(v)); }
    void setString(const std::string& name, std::string v) { set(name, Value::string(std::move(v))); }
    void setBoolean(const std::string& name, bool v) { set(name, Value::boolean(v)); }
    void remove(const std::string& name);
    /// Room for `values` literal values, so that a reader that knows how many it will set rehashes once.
    void reserveValues(std::size_t values) { m_values.reserve(values); }

    /// Whether the ad has the attribute, as an expression or a literal value.
    bool contains(std::string_view name) const;
    /// The expression of an attribute, or nullptr (literal values set with set(name, Value) are not expressions).
    const Expression* lookup(std::string_view name) const;
    /// The same, for a name already in lower case (the evaluator's hot path: no allocation).
    const Expression* lookupLower(const std::string& lowerName) const
    {
        const auto it = m_attributes.find(lowerName);
        return it == m_attributes.end() ? nullptr : &it->second;
    }
    /// A literal value set with set(name, Value), or nullptr.
    const Value* lookupValueLower(const std::string& lowerName) const
    {
        const auto it = m_values.find(lowerName);
        return it == m_values.end() ? nullptr : &it->second;
    }
    bool hasLower(const std::string& lowerName) const
    {
        return m_values.contains(lowerName) || m_attributes.contains(lowerName);
    }
    /// Evaluates an attribute with this ad as MY and `target` as TARGET.
    Value evaluateAttribute(std::string_view name, const ClassAd* target = nullptr, std::int64_t now = 0) const;
    std::size_t size() const { return m_attributes.size() + m_values.size(); }

private:
    // Literal values are kept apart from expressions so that updating one allocates nothing.
    std::unordered_map<std::string, Expression> m_attributes; // lower-case name
    std::unordered_map<std::string, Value> m_values;
};

} // namespace pp::classad
