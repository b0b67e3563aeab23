// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "classad/value.h"

#include <cstdio>

namespace pp::classad {

bool Value::toNumber(double& out) const
{
    switch (m_type) {
    case Type::Integer:
    case Type::Boolean:
        out = static_cast<double>(m_int);
        return true;
    case Type::Real:
        out = m_real;
        return true;
    default:
        return false;
    }
}

std::string Value::toString() const
{
    switch (m_type) {
    case Type::Undefined:
        return "undefined";
    case Type::Error:
        return "error";
    case Type::Boolean:
        return m_int ? "true" : "false";
    case Type::Integer:
        return std::to_string(m_int);
    case Type::Real: {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.15g", m_real);
        std::string s(buffer);
        if (s.find_first_of(".eEn") == std::string::npos)
            s += ".0";
        return s;
    }
    case Type::String: {
        std::string out = "\"";
        for (char c : *m_string) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        return out + '"';
    }
    case Type::List: {
        std::string out = "{ ";
        for (std::size_t i = 0; i < m_list->size(); ++i)
            out += (i ? ", " : "") + (*m_list)[i].toString();
        return out + " }";
    }
    }
    return "error";
}

} // namespace pp::classad
