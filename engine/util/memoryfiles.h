// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <string>
#include <string_view>

namespace pp {

/// Bytes a caller already holds (a poll's output, a fuzz input), readable by the path-based readers under `path`
/// on this thread while the scope lives. Nested scopes and several names at once are allowed; the newest scope of
/// a name wins. A scope must end on the thread that made it, and no reader opened under it may outlive it.
class MemoryFileScope
{
public:
    MemoryFileScope(std::string path, std::string_view bytes); // bytes are not copied: they must outlive the scope
    ~MemoryFileScope();
    MemoryFileScope(const MemoryFileScope&) = delete;
    MemoryFileScope& operator=(const MemoryFileScope&) = delete;

private:
    friend const std::string_view* memoryFile(const std::string& path);
    std::string m_path;
    std::string_view m_bytes;
};

/// The bytes registered under `path` on this thread, or nullptr.
const std::string_view* memoryFile(const std::string& path);

} // namespace pp
