// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

// The syntax tree shared by the parser (expression.cpp) and the evaluator (evaluator.cpp); not a public header.

#include "classad/expression.h"

#include <memory>
#include <string>
#include <vector>

namespace pp::classad {

namespace detail {

enum class Op { Literal, Attribute, List, Call, Ternary, Unary, Binary, Select, Subscript };

enum class BinaryOp {
    Or,
    And,
    BitOr,
    BitXor,
    BitAnd,
    Equal,
    NotEqual,
    Is,
    Isnt,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    ShiftLeft,
    ShiftRight,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo
};

enum class Scope { None, My, Target };

} // namespace detail

struct Expression::Node
{
    detail::Op op = detail::Op::Literal;
    Value value; // Literal
    std::string name; // Attribute (lower case), Call (lower case), Select attribute
    detail::Scope scope = detail::Scope::None;
    char unary = 0; // '-', '+', '!', '~'
    detail::BinaryOp binary = detail::BinaryOp::Add;
    std::vector<std::shared_ptr<const Node>> children;
};

} // namespace pp::classad
