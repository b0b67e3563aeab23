// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pp::classad {

/// A ClassAd value: the language's literal types plus UNDEFINED and ERROR (three-valued logic).
class Value
{
public:
    enum class Type { Undefined, Error, Boolean, Integer, Real, String, List };

    Value() = default;
    static Value undefined() { return {}; }
    static Value error()
    {
        Value v;
        v.m_type = Type::Error;
        return v;
    }
    static Value boolean(bool b)
    {
        Value v;
        v.m_type = Type::Boolean;
        v.m_int = b ? 1 : 0;
        return v;
    }
    static Value integer(std::int64_t i)
    {
        Value v;
        v.m_type = Type::Integer;
        v.m_int = i;
        return v;
    }
    static Value real(double d)
    {
        Value v;
        v.m_type = Type::Real;
        v.m_real = d;
        return v;
    }
    static Value string(std::string s)
    {
        Value v;
        v.m_type = Type::String;
        v.m_string = std::make_shared<const std::string>(std::move(s));
        return v;
    }
    /// A string value sharing storage that outlives many evaluations (names of submitters and groups).
    static Value sharedString(std::shared_ptr<const std::string> s)
    {
        Value v;
        v.m_type = Type::String;
        v.m_string = std::move(s);
        return v;
    }
    static Value list(std::vector<Value> items)
    {
        Value v;
        v.m_type = Type::List;
        v.m_list = std::make_shared<const std::vector<Value>>(std::move(items));
        return v;
    }

    Type type() const { return m_type; }
    bool isUndefined() const { return m_type == Type::Undefined; }
    bool isError() const { return m_type == Type::Error; }
    bool isBoolean() const { return m_type == Type::Boolean; }
    bool isNumber() const { return m_type == Type::Integer || m_type == Type::Real; }
    bool isString() const { return m_type == Type::String; }
    bool isList() const { return m_type == Type::List; }

    bool asBool() const { return m_int != 0; }
    std::int64_t asInteger() const
    {
        if (m_type != Type::Real)
            return m_int;
        return (m_real >= -9.2e18 && m_real <= 9.2e18) ? static_cast<std::int64_t>(m_real) : 0; // no UB on huge reals
    }
    double asReal() const { return m_type == Type::Real ? m_real : static_cast<double>(m_int); }
    const std::string& asString() const { return *m_string; }
    const std::vector<Value>& asList() const { return *m_list; }

    /// True only for a boolean true, or a non-zero number (HTCondor's reading of a number as a condition).
    bool isTrue() const
    {
        return (m_type == Type::Boolean || m_type == Type::Integer) ? m_int != 0
                                                                    : (m_type == Type::Real && m_real != 0);
    }
    /// The number as a double, when it is one (booleans count as 0 and 1, as in HTCondor's EvalFloat).
    bool toNumber(double& out) const;
    /// ClassAd text of the value, as condor_q -long prints it.
    std::string toString() const;

private:
    Type m_type = Type::Undefined;
    std::int64_t m_int = 0;
    double m_real = 0;
    std::shared_ptr<const std::string> m_string;
    std::shared_ptr<const std::vector<Value>> m_list;
};

} // namespace pp::classad
