// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "util/memoryfiles.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

namespace pp {

namespace {

// Per thread, so that a worker parsing a poll's output and the GUI thread reading real files never see each
// other's names, and no lock is needed. The scopes themselves hold the bytes' views: they cannot move.
thread_local std::vector<const MemoryFileScope*> scopes;

} // namespace

MemoryFileScope::MemoryFileScope(std::string path, std::string_view bytes)
    : m_path(std::move(path))
    , m_bytes(bytes)
{
    scopes.push_back(this);
}

MemoryFileScope::~MemoryFileScope()
{
    // Usually the last one; scopes held in containers may end in another order.
    const auto it = std::find(scopes.rbegin(), scopes.rend(), this);
    if (it != scopes.rend())
        scopes.erase(std::next(it).base());
}

const std::string_view* memoryFile(const std::string& path)
{
    for (std::size_t i = scopes.size(); i-- > 0;) // the innermost scope first
        if (scopes[i]->m_path == path)
            return &scopes[i]->m_bytes;
    return nullptr;
}

} // namespace pp
