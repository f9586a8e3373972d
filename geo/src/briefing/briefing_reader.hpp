#pragma once
// The TOML reader behind parseBriefing (private to geo): one Reader walks the parsed
// document and reports structural problems (keys, types, kinds, id spelling, ranges)
// as diagnostics with their source position. Its parts:
//   briefing_values.cpp        the value readers (strings, numbers, dates, lists, ids)
//   briefing_tables.cpp        the document and its [[source]], [[site]], [[trip]],
//                              [[partnership]] tables
//   briefing_story_tables.cpp  the [[story]] tables with their steps and views
// toml++ is used header-only without exceptions (see the ktmap_toml CMake target).
#undef TOML_SHARED_LIB
#include "base/toml_fixed.hpp"

#include <geo/briefing/briefing.hpp>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace geo::briefing_toml {

inline TextPos posOf(const toml::node& node) {
    const auto& begin = node.source().begin;
    return {static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

inline TextPos posOf(const toml::key& key) {
    const auto& begin = key.source().begin;
    return {static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

std::string typeName(const toml::node& node); // "a table", "an integer", …
std::vector<std::string> keyList(std::initializer_list<std::string_view> keys);
std::string joined(const std::vector<std::string>& items); // "a, b, c"

class Reader {
public:
    Reader(std::string file, Diagnostics& out) : m_file(std::move(file)), m_out(out) {}

    void error(TextPos pos, std::string message, std::string hint = {}) {
        m_out.push_back({Severity::Error, m_file, pos.line, pos.column, std::move(message), std::move(hint)});
    }
    void warning(TextPos pos, std::string message, std::string hint = {}) {
        m_out.push_back({Severity::Warning, m_file, pos.line, pos.column, std::move(message), std::move(hint)});
    }

    void readDocument(const toml::table& root, Briefing& out);
    int lastTableLine() const { return m_lastTableLine; } // of any [[…]] header read

private:
    // One table being read: where it is, how to name it in messages, which keys it knows.
    struct Ctx {
        const toml::table& table;
        std::string label; // "site 'kumamoto'", or "[[site]]" while the id is unknown
        std::vector<std::string> known;
    };

    void checkUnknownKeys(const Ctx& ctx, std::string_view where);
    const toml::node* get(const Ctx& ctx, std::string_view key, bool required, std::string_view example);
    void wrongType(const Ctx& ctx, std::string_view key, const toml::node& node, std::string_view expected,
                   std::string hint);

    std::string readString(const Ctx& ctx, std::string_view key, bool required);
    // An optional true/false: nullopt when absent; reported (and nullopt) when of another type.
    std::optional<bool> readBool(const Ctx& ctx, std::string_view key);
    std::optional<double> readNumber(const Ctx& ctx, std::string_view key);
    std::optional<PartialDate> readDate(const Ctx& ctx, std::string_view key, bool required);
    std::optional<PartialDate> readPartialDate(const Ctx& ctx, std::string_view key);
    std::optional<TimeOfDay> readTime(const Ctx& ctx, std::string_view key);
    std::vector<std::string> readStringList(const Ctx& ctx, std::string_view key, bool allowSingle,
                                            std::vector<TextPos>* positions);
    std::vector<SourceRef> readSources(const Ctx& ctx);
    std::string readId(Ctx& ctx, std::string_view entity);
    template <typename Enum>
    std::optional<Enum> readKind(const Ctx& ctx, std::string_view key, std::string_view what, bool required,
                                 std::optional<Enum> (*parse)(std::string_view), std::string (*all)());

    // Iterates an array of tables `key` in `parent`, complaining when it is something else.
    template <typename Fn>
    void forEachTable(const toml::table& parent, std::string_view key, std::string_view header, Fn&& fn);

    Source readSource(const toml::table& t);
    Site readSite(const toml::table& t);
    Trip readTrip(const toml::table& t);
    Stop readStop(const toml::table& t, const std::string& tripLabel, std::size_t index);
    Partnership readPartnership(const toml::table& t);
    Milestone readMilestone(const toml::table& t, const std::string& label, std::size_t index);
    Story readStory(const toml::table& t);
    StoryStep readStep(const toml::table& t, const std::string& storyLabel, std::size_t index);
    void readView(const Ctx& ctx, const toml::node& node, StoryStep& step);
    StepAnnotation readAnnotation(const toml::table& t, const std::string& stepLabel, std::size_t index);

    std::string m_file;
    Diagnostics& m_out;
    int m_lastTableLine = 0;
};

template <typename Enum>
std::optional<Enum> Reader::readKind(const Ctx& ctx, std::string_view key, std::string_view what, bool required,
                                     std::optional<Enum> (*parse)(std::string_view), std::string (*all)()) {
    std::string name = readString(ctx, key, required);
    if (name.empty()) return std::nullopt;
    if (auto value = parse(name)) return value;
    std::vector<std::string> names;
    std::string list = all();
    for (std::size_t start = 0; start < list.size();) {
        std::size_t end = list.find(", ", start);
        names.push_back(list.substr(start, end == std::string::npos ? std::string::npos : end - start));
        start = end == std::string::npos ? list.size() : end + 2;
    }
    std::string guess = closestMatch(name, names);
    error(posOf(*ctx.table.get(key)), ctx.label + ": unknown " + std::string(what) + " '" + name + "'",
          (guess.empty() ? "" : "did you mean '" + guess + "'? ") + "allowed: " + list);
    return std::nullopt;
}

template <typename Fn>
void Reader::forEachTable(const toml::table& parent, std::string_view key, std::string_view header, Fn&& fn) {
    const toml::node* node = parent.get(key);
    if (!node) return;
    const auto* array = node->as_array();
    if (!array || !array->is_array_of_tables()) {
        error(posOf(*node), "'" + std::string(key) + "' must be written as a list of tables",
              "start each one with " + std::string(header));
        return;
    }
    std::size_t index = 0;
    for (const toml::node& element : *array) {
        m_lastTableLine = std::max(m_lastTableLine, posOf(element).line);
        fn(*element.as_table(), ++index);
    }
}

} // namespace geo::briefing_toml
