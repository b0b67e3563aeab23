// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "util/diagnostic.h"
#include "util/expected.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pp {

/// An HTCondor configuration as condor_config files or `condor_config_val -dump` output define it:
/// case-insensitive names, later definitions win, `\` continuation lines, `include : FILE`,
/// `if/elif/else/endif` on literals and `defined NAME`, and `$(NAME)` / `$(NAME:default)` macros
/// expanded when a value is read (so, as in HTCondor, a macro may refer to a name defined later).
class Config
{
public:
    struct Entry
    {
        std::string name; ///< as spelled where it was last defined
        std::string value; ///< raw, unexpanded
        std::string file;
        long line = 0;
    };

    static Expected<Config> fromFile(const std::string& path);
    static Expected<Config> fromText(const std::string& text, const std::string& sourceName);

    const Entry* entry(const std::string& name) const;
    bool contains(const std::string& name) const { return entry(name) != nullptr; }
    /// The value with macros expanded; nullopt when the name is not defined.
    std::optional<std::string> value(const std::string& name) const;
    /// Defines or replaces a knob, as a what-if edit does.
    void set(const std::string& name, const std::string& value, const std::string& origin = "edit");
    /// Defines a knob as a later line of a configuration file does, so that `X = $(X), more` appends to the
    /// earlier value as in a config.d file; `file` and `line` say where it was written, for errors.
    void define(const std::string& name, const std::string& value, const std::string& file, long line);
    /// Reads a further file over this configuration, as condor_config reads LOCAL_CONFIG_DIR after the main
    /// file: its definitions win, and its self-references and `if defined` see what came before.
    std::optional<Diagnostic> readFile(const std::string& path);
    void remove(const std::string& name);
    /// Every defined entry, sorted by lower-case name.
    std::vector<const Entry*> entries() const;

    const Warnings& warnings() const { return m_warnings; }
    /// Expands $(...) macros in any text with this configuration's definitions.
    std::string expand(const std::string& text) const;

private:
    struct ParseState;
    std::optional<Diagnostic> parseText(const std::string& text, const std::string& sourceName, int depth);
    std::optional<Diagnostic> parseFile(const std::string& path, int depth, const std::string& fromFile, long fromLine);
    // What one expansion may still read; past it, the expansion stops and says so.
    struct Budget
    {
        std::size_t remaining;
        bool exceeded = false;
    };
    std::string expandDepth(const std::string& text, int depth, Budget& budget) const;
    // A knob whose expansion runs past the bounds: the configuration is refused, naming the knob and its line.
    std::optional<Diagnostic> checkExpansions() const;
    static std::string replaceSelfReference(
        const std::string& value, const std::string& name, const std::string& previous);

    std::map<std::string, Entry> m_entries; // key: lower-case name
    Warnings m_warnings;
};

} // namespace pp
