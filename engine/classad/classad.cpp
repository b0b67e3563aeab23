// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "classad/classad.h"

#include "util/text.h"

namespace pp::classad {

void ClassAd::set(const std::string& name, Expression expression)
{
    const std::string lower = text::toLower(name);
    m_values.erase(lower);
    m_attributes[lower] = std::move(expression);
}

void ClassAd::set(const std::string& name, Value value)
{
    setLower(text::toLower(name), std::move(value));
}

void ClassAd::setLower(const std::string& lowerName, Value value)
{
    const auto it = m_values.find(lowerName);
    if (it != m_values.end()) {
        it->second = std::move(value);
        return;
    }
    m_attributes.erase(lowerName);
    m_values.emplace(lowerName, std::move(value));
}

void ClassAd::remove(const std::string& name)
{
    const std::string lower = text::toLower(name);
    m_attributes.erase(lower);
    m_values.erase(lower);
}

namespace {
// A reused buffer for lower-casing names: lookups by name happen millions of times when reading job ads.
const std::string& lowered(std::string_view name)
{
    thread_local std::string buffer;
    buffer.assign(name);
    for (auto& c : buffer)
        c = text::asciiLower(c);
    return buffer;
}
} // namespace

bool ClassAd::contains(std::string_view name) const
{
    return hasLower(lowered(name));
}

const Expression* ClassAd::lookup(std::string_view name) const
{
    return lookupLower(lowered(name));
}

Value ClassAd::evaluateAttribute(std::string_view name, const ClassAd* target, std::int64_t now) const
{
    const std::string& lower = lowered(name);
    if (const Value* v = lookupValueLower(lower))
        return *v;
    const Expression* e = lookupLower(lower);
    if (!e)
        return Value::undefined();
    return evaluate(*e, EvalContext {this, target, now});
}

} // namespace pp::classad
