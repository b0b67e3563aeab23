// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweep/suggestionformat.h"

#include "format/texttable.h"
#include "util/humanformat.h"
#include "util/json.h"
#include "util/text.h"

namespace pp {

namespace {

std::string figureText(const TargetOutcome& o, int runs)
{
    const bool seconds
        = o.target.metric.size() > 2 && o.target.metric.compare(o.target.metric.size() - 2, 2, "_s") == 0;
    const auto one = [&](double v) { return seconds ? human::duration(v) : human::quantity(v); };
    std::string text = o.target.metric == "delivered_over_pledge" || o.target.metric == "share"
        ? text::fixed(o.figure, 2)
        : one(o.figure);
    if (runs > 1 && o.high > o.low)
        text += " (" + (seconds ? one(o.low) + "–" + one(o.high) : text::fixed(o.low, 2) + "–" + text::fixed(o.high, 2))
            + ")";
    return text + (o.met ? " met" : " MISSED");
}

void writeTargets(JsonWriter& w, const QuotaCandidate& c)
{
    w.key("targets").beginArray();
    for (const auto& o : c.outcomes) {
        w.beginObject();
        w.key("target").value(o.target.text());
        w.key("group").value(o.target.group);
        w.key("metric").value(o.target.metric);
        w.key("op").value(o.target.atLeast ? ">=" : "<=");
        w.key("value").value(o.target.value, 4);
        w.key("figure").value(o.figure, 4);
        w.key("low").value(o.low, 4);
        w.key("high").value(o.high, 4);
        w.key("met").value(o.met);
        w.endObject();
    }
    w.endArray();
    w.key("knobs").beginObject();
    for (const auto& [key, value] : c.knobs)
        w.key(key).value(value);
    w.endObject();
}

} // namespace

std::string suggestionText(const QuotaSuggestion& s, bool withSnippet)
{
    int met = 0;
    for (const auto& o : s.best.outcomes)
        met += o.met ? 1 : 0;
    std::string out
        = (s.feasible ? "Every target met"
                      : std::to_string(met) + " of " + std::to_string(s.best.outcomes.size()) + " targets met")
        + " (" + std::to_string(s.evaluations) + " settings simulated, " + std::to_string(s.runs)
        + (s.runs == 1 ? " run" : " runs") + " each, " + human::duration(s.seconds) + ").\n\n";
    TextTable table({"target", "now", "suggested"});
    for (std::size_t i = 0; i < s.best.outcomes.size(); ++i)
        table.addRow({s.best.outcomes[i].target.text(),
            i < s.current.outcomes.size() ? figureText(s.current.outcomes[i], s.runs) : std::string(),
            figureText(s.best.outcomes[i], s.runs)});
    out += table.str() + "\n";
    out += s.best.knobs.empty() ? "No change helps: the current quotas are the closest found.\n"
                                : "Changes: " + s.best.description + ".\n";
    if (!s.conflicts.empty()) {
        out += "\nWhy not every target can be met:\n";
        for (const auto& c : s.conflicts)
            out += "  - " + c + "\n";
    }
    if (!s.alternatives.empty()) {
        out += "\nOther settings tried (the trade-off):\n";
        std::vector<std::string> header {"setting", "shortfall"};
        for (const auto& o : s.best.outcomes)
            header.push_back(o.target.group + " " + o.target.metric);
        TextTable alternatives(header);
        for (const auto& a : s.alternatives) {
            std::vector<std::string> row {a.description, text::fixed(a.shortfall, 3)};
            for (const auto& o : a.outcomes)
                row.push_back(figureText(o, s.runs));
            alternatives.addRow(row);
        }
        out += alternatives.str();
    }
    if (withSnippet && !s.best.knobs.empty())
        out += "\n" + s.snippet;
    return out;
}

std::string suggestionJson(const QuotaSuggestion& s)
{
    JsonWriter w;
    w.beginObject();
    w.key("feasible").value(s.feasible);
    w.key("conflicts").beginArray();
    for (const auto& c : s.conflicts)
        w.value(c);
    w.endArray();
    w.key("evaluations").value(s.evaluations);
    w.key("runs").value(s.runs);
    w.key("seconds").value(s.seconds, 2);
    w.key("current").beginObject();
    writeTargets(w, s.current);
    w.endObject();
    w.key("suggested").beginObject();
    w.key("changes").value(s.best.description);
    w.key("shortfall").value(s.best.shortfall, 4);
    writeTargets(w, s.best);
    w.endObject();
    w.key("alternatives").beginArray();
    for (const auto& a : s.alternatives) {
        w.beginObject();
        w.key("changes").value(a.description);
        w.key("shortfall").value(a.shortfall, 4);
        writeTargets(w, a);
        w.endObject();
    }
    w.endArray();
    w.key("snippet").value(s.snippet);
    w.endObject();
    return w.str() + "\n";
}

} // namespace pp
