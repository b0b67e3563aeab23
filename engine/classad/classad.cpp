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
    // One lookup: try_emplace leaves `value` alone when the name is there already.
    const auto [it, inserted] = m_values.try_emplace(lowerName, std::move(value));
    if (!inserted)
        it->second = std::move(value);
    else if (!m_attributes.empty()) // an ad being read sets mostly literals: no second lookup for them
        m_attributes.erase(lowerName);
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
