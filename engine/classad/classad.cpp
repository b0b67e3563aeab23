// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "classad/classad.h"

#include "util/text.h"

namespace pp::classad {

void ClassAd::set(const std::string& name, Expression expression)
{
    m_attributes[text::toLower(name)] = std::move(expression);
}

void ClassAd::remove(const std::string& name)
{
    m_attributes.erase(text::toLower(name));
}

const Expression* ClassAd::lookup(std::string_view name) const
{
    const auto it = m_attributes.find(text::toLower(name));
    return it == m_attributes.end() ? nullptr : &it->second;
}

Value ClassAd::evaluateAttribute(std::string_view name, const ClassAd* target, std::int64_t now) const
{
    const Expression* e = lookup(name);
    if (!e)
        return Value::undefined();
    return evaluate(*e, EvalContext {this, target, now});
}

} // namespace pp::classad
