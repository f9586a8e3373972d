// TOML text → Briefing. Structural checks live here (syntax, keys, types, kinds,
// id spelling, value ranges); cross-references are in briefing_validator.cpp.
// toml++ is used header-only without exceptions (see the ktmap_toml CMake target).
#undef TOML_SHARED_LIB
#include "base/toml_fixed.hpp"

#include <geo/briefing/briefing.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <limits>
#include <tuple>
#include <utility>

namespace geo {

namespace {

constexpr const char* kIncompleteHint = "the file looks incomplete — was it saved while still being written?";

TextPos posOf(const toml::node& node) {
    const auto& begin = node.source().begin;
    return {static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

TextPos posOf(const toml::key& key) {
    const auto& begin = key.source().begin;
    return {static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

std::string typeName(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
    }
    return "nothing";
}

// ---- UTF-8 and typing mistakes -----------------------------------------------

struct Utf8Error {
    TextPos pos;        // line 0 when the text is valid
    bool cutOff = false; // a multi-byte character cut short by the end of the text
};

// The 1-based line and column (in characters) of the first byte that is not valid UTF-8.
Utf8Error firstInvalidUtf8(std::string_view text) {
    int line = 1;
    int column = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t minimum = 0;
        if (byte < 0x80) length = 1;
        else if ((byte & 0xE0) == 0xC0) { length = 2; minimum = 0x80; }
        else if ((byte & 0xF0) == 0xE0) { length = 3; minimum = 0x800; }
        else if ((byte & 0xF8) == 0xF0) { length = 4; minimum = 0x10000; }
        else return {{line, column}};
        const bool cutOff = i + length > text.size();
        for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return {{line, column}};
        if (cutOff) return {{line, column}, true};
        std::uint32_t cp = length == 1 ? byte : (byte & (0x7Fu >> length));
        for (std::size_t k = 1; k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            cp = (cp << 6) | (next & 0x3Fu);
        }
        if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {{line, column}};
        if (byte == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += length;
    }
    return {};
}

struct FullWidth {
    std::string_view typed;
    std::string_view ascii;
};

// Punctuation a CJK input method produces where TOML wants ASCII.
constexpr FullWidth kFullWidth[] = {
    {"＝", "="}, {"：", ":"}, {"，", ","}, {"、", ","}, {"［", "["}, {"］", "]"}, {"｛", "{"}, {"｝", "}"},
    {"“", "\""}, {"”", "\""}, {"＂", "\""}, {"‘", "'"}, {"’", "'"}, {"＃", "#"}, {"．", "."}, {"。", "."},
    {"－", "-"}, {"＿", "_"}, {"\u3000", " "},
};

std::string_view lineAt(std::string_view text, int line) {
    std::size_t start = 0;
    for (int l = 1; l < line; ++l) {
        start = text.find('\n', start);
        if (start == std::string_view::npos) return {};
        ++start;
    }
    std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// The first full-width character outside an ASCII-quoted string on `line`, as a hint.
std::string fullWidthHint(std::string_view line) {
    bool inString = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"') inString = !inString;
        if (line[i] == '#' && !inString) break;
        if (inString) continue;
        for (const FullWidth& fw : kFullWidth) {
            if (line.substr(i, fw.typed.size()) == fw.typed) {
                std::string shown = fw.typed == "\u3000" ? "full-width space" : "'" + std::string(fw.typed) + "'";
                std::string wanted = fw.ascii == " " ? "an ASCII space" : "'" + std::string(fw.ascii) + "'";
                return "the full-width " + shown + " was typed with a CJK input method; type " + wanted +
                       " instead";
            }
        }
    }
    return {};
}

// ---- the reader ---------------------------------------------------------------

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

    std::string m_file;
    Diagnostics& m_out;
    int m_lastTableLine = 0;
};

std::vector<std::string> keyList(std::initializer_list<std::string_view> keys) {
    return {keys.begin(), keys.end()};
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += item;
    }
    return out;
}

void Reader::checkUnknownKeys(const Ctx& ctx, std::string_view where) {
    for (auto&& [key, node] : ctx.table) {
        std::string name(key.str());
        if (std::find(ctx.known.begin(), ctx.known.end(), name) != ctx.known.end()) continue;
        std::string guess = closestMatch(name, ctx.known);
        warning(posOf(key), "unknown key '" + name + "' in " + std::string(where) + " is ignored",
                guess.empty() ? "known keys: " + joined(ctx.known) : "did you mean '" + guess + "'?");
    }
}

const toml::node* Reader::get(const Ctx& ctx, std::string_view key, bool required, std::string_view example) {
    const toml::node* node = ctx.table.get(key);
    if (!node && required)
        error(posOf(ctx.table), ctx.label + " is missing required key '" + std::string(key) + "'",
              "add a line like " + std::string(key) + " = " + std::string(example));
    return node;
}

void Reader::wrongType(const Ctx& ctx, std::string_view key, const toml::node& node, std::string_view expected,
                       std::string hint) {
    error(posOf(node), ctx.label + ": '" + std::string(key) + "' must be " + std::string(expected) + ", not " +
                           typeName(node),
          std::move(hint));
}

std::optional<bool> Reader::readBool(const Ctx& ctx, std::string_view key) {
    const toml::node* node = ctx.table.get(key);
    if (!node) return std::nullopt;
    if (const auto* b = node->as_boolean()) return b->get();
    wrongType(ctx, key, *node, "true or false", "write " + std::string(key) + " = true, without quotes");
    return std::nullopt;
}

std::string Reader::readString(const Ctx& ctx, std::string_view key, bool required) {
    const toml::node* node = get(ctx, key, required, "\"…\"");
    if (!node) return {};
    if (const auto* s = node->as_string()) {
        if (required && s->get().empty())
            error(posOf(*node), ctx.label + ": '" + std::string(key) + "' is empty", "write the text between the quotes");
        return s->get();
    }
    wrongType(ctx, key, *node, "a string", "put the text in double quotes: " + std::string(key) + " = \"…\"");
    return {};
}

std::optional<double> Reader::readNumber(const Ctx& ctx, std::string_view key) {
    const toml::node* node = get(ctx, key, true, key == "lon" ? "130.7417" : "32.8032");
    if (!node) return std::nullopt;
    if (const auto* f = node->as_floating_point()) return f->get();
    if (const auto* i = node->as_integer()) return static_cast<double>(i->get());
    wrongType(ctx, key, *node, "a number", "write the degrees without quotes, e.g. " + std::string(key) + " = " +
                                               (key == "lon" ? "130.7417" : "32.8032"));
    return std::nullopt;
}

std::optional<PartialDate> Reader::readDate(const Ctx& ctx, std::string_view key, bool required) {
    const toml::node* node = get(ctx, key, required, "2025-02-17");
    if (!node) return std::nullopt;
    if (const auto* d = node->as_date()) {
        const toml::date& v = d->get();
        return PartialDate{v.year, v.month, v.day};
    }
    std::string hint = "write a TOML date without quotes, e.g. " + std::string(key) + " = 2025-02-17";
    if (node->is_string()) hint = "remove the quotes: " + std::string(key) + " = " + node->as_string()->get();
    wrongType(ctx, key, *node, "a date", hint);
    return std::nullopt;
}

// A milestone date: a TOML date, or a "YYYY" / "YYYY-MM" string when the day is unknown.
std::optional<PartialDate> Reader::readPartialDate(const Ctx& ctx, std::string_view key) {
    const toml::node* node = get(ctx, key, true, "2017-05-01");
    if (!node) return std::nullopt;
    if (node->is_date()) return readDate(ctx, key, true);
    const std::string hint =
        "when the day is known write a date without quotes, like 2017-05-01; else \"2017\" or \"2017-05\"";
    const auto* s = node->as_string();
    if (!s) {
        wrongType(ctx, key, *node, "a date or a \"YYYY\" / \"YYYY-MM\" string", hint);
        return std::nullopt;
    }
    const std::string& text = s->get();
    auto digits = [&](std::size_t from, std::size_t count) {
        return text.size() >= from + count &&
               std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                           text.begin() + static_cast<std::ptrdiff_t>(from + count),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    PartialDate date;
    bool ok = false;
    if (text.size() == 4 && digits(0, 4)) {
        date.year = std::stoi(text);
        ok = true;
    } else if (text.size() == 7 && digits(0, 4) && text[4] == '-' && digits(5, 2)) {
        date.year = std::stoi(text.substr(0, 4));
        date.month = std::stoi(text.substr(5, 2));
        ok = date.month >= 1 && date.month <= 12;
    }
    if (!ok) {
        error(posOf(*node), ctx.label + ": '" + text + "' is not a year or a year-month", hint);
        return std::nullopt;
    }
    return date;
}

std::optional<TimeOfDay> Reader::readTime(const Ctx& ctx, std::string_view key) {
    const toml::node* node = get(ctx, key, false, "");
    if (!node) return std::nullopt;
    if (const auto* t = node->as_time()) {
        const toml::time& v = t->get();
        return TimeOfDay{v.hour, v.minute, v.second};
    }
    wrongType(ctx, key, *node, "a time", "write a TOML time without quotes, e.g. " + std::string(key) + " = 16:00:00");
    return std::nullopt;
}

std::vector<std::string> Reader::readStringList(const Ctx& ctx, std::string_view key, bool allowSingle,
                                                std::vector<TextPos>* positions) {
    std::vector<std::string> out;
    const toml::node* node = ctx.table.get(key);
    if (!node) return out;
    const std::string hint = "write a list of strings: " + std::string(key) + " = [\"…\", \"…\"]";
    if (allowSingle && node->is_string()) {
        out.push_back(node->as_string()->get());
        if (positions) positions->push_back(posOf(*node));
        return out;
    }
    const auto* array = node->as_array();
    if (!array) {
        wrongType(ctx, key, *node, "an array of strings", hint);
        return out;
    }
    for (const toml::node& element : *array) {
        if (const auto* s = element.as_string()) {
            out.push_back(s->get());
            if (positions) positions->push_back(posOf(element));
        } else {
            wrongType(ctx, key, element, "an array of strings, with no element that is", hint);
        }
    }
    return out;
}

std::vector<SourceRef> Reader::readSources(const Ctx& ctx) {
    std::vector<SourceRef> out;
    const toml::node* node = ctx.table.get("sources");
    if (!node) return out;
    const std::string hint = "write sources = [{ source = \"source-id\", section = \"…\" }]";
    const auto* array = node->as_array();
    if (!array) {
        wrongType(ctx, "sources", *node, "an array of inline tables", hint);
        return out;
    }
    for (const toml::node& element : *array) {
        if (const auto* s = element.as_string()) { // shorthand: just the id
            out.push_back({s->get(), {}, posOf(element)});
            continue;
        }
        const auto* table = element.as_table();
        if (!table) {
            wrongType(ctx, "sources", element, "an array of inline tables, with no element that is", hint);
            continue;
        }
        Ctx ref{*table, ctx.label + " sources", keyList({"source", "section"})};
        checkUnknownKeys(ref, "a source reference");
        SourceRef r;
        r.source = readString(ref, "source", true);
        r.pos = posOf(table->get("source") ? *table->get("source") : element);
        r.section = readString(ref, "section", false);
        if (!r.source.empty()) out.push_back(std::move(r));
    }
    return out;
}

// Reads `id`, checks its spelling, and names the context after it.
std::string Reader::readId(Ctx& ctx, std::string_view entity) {
    std::string id = readString(ctx, "id", true);
    if (id.empty()) return id;
    if (!isValidId(id)) {
        std::string suggestion;
        for (char c : id) {
            if (c >= 'A' && c <= 'Z') suggestion += static_cast<char>(c - 'A' + 'a');
            else if (c == '_' || c == ' ' || c == '.') suggestion += '-';
            else suggestion += c;
        }
        std::string hint = "ids use only lowercase letters a-z, digits and '-'";
        if (isValidId(suggestion)) hint += ", e.g. '" + suggestion + "'";
        error(posOf(*ctx.table.get("id")), std::string(entity) + " id '" + id + "' is not valid", hint);
    }
    ctx.label = std::string(entity) + " '" + id + "'";
    return id;
}

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

Source Reader::readSource(const toml::table& t) {
    Ctx ctx{t, "[[source]]", keyList({"id", "file", "title", "title_en", "publisher", "date"})};
    checkUnknownKeys(ctx, "[[source]]");
    Source s;
    s.pos = posOf(t);
    s.id = readId(ctx, "source");
    s.file = readString(ctx, "file", true);
    s.title = readString(ctx, "title", true);
    s.titleEn = readString(ctx, "title_en", false);
    s.publisher = readString(ctx, "publisher", false);
    s.date = readDate(ctx, "date", false);
    return s;
}

Site Reader::readSite(const toml::table& t) {
    Ctx ctx{t, "[[site]]", keyList({"id", "kind", "city", "name_zh", "name_ja", "name_en", "lon", "lat", "notes",
                                    "notes_en", "sources", "major"})};
    checkUnknownKeys(ctx, "[[site]]");
    Site s;
    s.pos = posOf(t);
    s.id = readId(ctx, "site");
    s.kind = readKind<SiteKind>(ctx, "kind", "site kind", true, parseSiteKind, allSiteKindNames)
                 .value_or(SiteKind::Other);
    s.cityId = readString(ctx, "city", false);
    if (const toml::node* city = t.get("city")) s.cityPos = posOf(*city);
    s.nameZh = readString(ctx, "name_zh", true);
    s.nameJa = readString(ctx, "name_ja", false);
    s.nameEn = readString(ctx, "name_en", true);
    s.notes = readString(ctx, "notes", false);
    s.notesEn = readString(ctx, "notes_en", false);
    s.sources = readSources(ctx);
    s.major = readBool(ctx, "major").value_or(false);

    // A site with no usable position cannot be drawn; NaN marks it for removal.
    auto lon = readNumber(ctx, "lon");
    auto lat = readNumber(ctx, "lat");
    s.lon = lon.value_or(std::nan(""));
    s.lat = lat.value_or(std::nan(""));
    auto checkRange = [&](std::string_view key, std::optional<double>& value, double limit, std::string_view axis) {
        if (!value) return;
        const TextPos pos = posOf(*t.get(key));
        if (std::isnan(*value)) {
            error(pos, ctx.label + ": " + std::string(key) + " is nan, not a number",
                  "write the degrees, e.g. " + std::string(key) + " = " + (key == "lon" ? "130.7417" : "32.8032"));
        } else if (std::abs(*value) > limit) {
            char degrees[32];
            std::snprintf(degrees, sizeof degrees, "%.10g", *value);
            std::string hint = std::string(key) + " runs " + std::string(axis) + " from " +
                               std::to_string(static_cast<int>(-limit)) + " to " + std::to_string(static_cast<int>(limit));
            if (key == "lat" && lon && std::abs(*lon) <= 90.0 && std::abs(*value) <= 180.0)
                hint += "; were lon and lat swapped?";
            error(pos, ctx.label + ": " + std::string(key) + " " + degrees + " is out of range", hint);
        } else {
            return;
        }
        value.reset();
        (key == "lon" ? s.lon : s.lat) = std::nan("");
    };
    checkRange("lon", lon, 180.0, "east–west");
    checkRange("lat", lat, 90.0, "north–south");
    return s;
}

Stop Reader::readStop(const toml::table& t, const std::string& tripLabel, std::size_t index) {
    Ctx ctx{t, tripLabel + " stop " + std::to_string(index),
            keyList({"site", "date", "start_time", "end_time", "leg", "flight", "what", "what_en", "met", "met_en",
                     "sources"})};
    checkUnknownKeys(ctx, "[[trip.stop]]");
    Stop s;
    s.pos = posOf(t);
    s.siteId = readString(ctx, "site", true);
    if (const toml::node* site = t.get("site")) s.sitePos = posOf(*site);
    s.date = readDate(ctx, "date", true).value_or(PartialDate{});
    s.startTime = readTime(ctx, "start_time");
    s.endTime = readTime(ctx, "end_time");
    s.leg = readKind<LegMode>(ctx, "leg", "leg", false, parseLegMode, allLegModeNames).value_or(LegMode::None);
    s.flight = readString(ctx, "flight", false);
    s.what = readString(ctx, "what", false);
    s.whatEn = readString(ctx, "what_en", false);
    s.met = readString(ctx, "met", false);
    s.metEn = readString(ctx, "met_en", false);
    s.sources = readSources(ctx);
    return s;
}

Trip Reader::readTrip(const toml::table& t) {
    Ctx ctx{t, "[[trip]]", keyList({"id", "kind", "title", "title_en", "leader", "leader_en", "agency", "agency_en",
                                    "members", "start", "end", "notes", "notes_en", "sources", "stop"})};
    checkUnknownKeys(ctx, "[[trip]]");
    Trip trip;
    trip.pos = posOf(t);
    trip.id = readId(ctx, "trip");
    trip.kind = readKind<TripKind>(ctx, "kind", "trip kind", true, parseTripKind, allTripKindNames)
                    .value_or(TripKind::Trip);
    trip.title = readString(ctx, "title", true);
    trip.titleEn = readString(ctx, "title_en", true);
    trip.leader = readString(ctx, "leader", false);
    trip.leaderEn = readString(ctx, "leader_en", false);
    trip.agency = readString(ctx, "agency", false);
    trip.agencyEn = readString(ctx, "agency_en", false);
    trip.members = readStringList(ctx, "members", true, nullptr);
    trip.start = readDate(ctx, "start", true).value_or(PartialDate{});
    trip.end = readDate(ctx, "end", true).value_or(PartialDate{});
    if (const toml::node* end = t.get("end")) trip.endPos = posOf(*end);
    trip.notes = readString(ctx, "notes", false);
    trip.notesEn = readString(ctx, "notes_en", false);
    trip.sources = readSources(ctx);
    forEachTable(t, "stop", "[[trip.stop]]", [&](const toml::table& stop, std::size_t index) {
        trip.stops.push_back(readStop(stop, ctx.label, index));
    });
    return trip;
}

Milestone Reader::readMilestone(const toml::table& t, const std::string& label, std::size_t index) {
    Ctx ctx{t, label + " milestone " + std::to_string(index), keyList({"date", "what", "what_en", "sources"})};
    checkUnknownKeys(ctx, "[[partnership.milestone]]");
    Milestone m;
    m.pos = posOf(t);
    m.date = readPartialDate(ctx, "date").value_or(PartialDate{});
    m.what = readString(ctx, "what", true);
    m.whatEn = readString(ctx, "what_en", false);
    m.sources = readSources(ctx);
    return m;
}

Partnership Reader::readPartnership(const toml::table& t) {
    Ctx ctx{t, "[[partnership]]", keyList({"id", "kind", "parties", "name", "name_en", "notes", "notes_en",
                                           "sources", "milestone"})};
    checkUnknownKeys(ctx, "[[partnership]]");
    Partnership p;
    p.pos = posOf(t);
    p.id = readId(ctx, "partnership");
    p.kind = readKind<PartnershipKind>(ctx, "kind", "partnership kind", true, parsePartnershipKind,
                                       allPartnershipKindNames)
                 .value_or(PartnershipKind::Other);
    // A missing or short `parties` is reported by the validator ("needs at least 2").
    p.parties = readStringList(ctx, "parties", false, &p.partyPos);
    p.name = readString(ctx, "name", true);
    p.nameEn = readString(ctx, "name_en", false);
    p.notes = readString(ctx, "notes", false);
    p.notesEn = readString(ctx, "notes_en", false);
    p.sources = readSources(ctx);
    forEachTable(t, "milestone", "[[partnership.milestone]]", [&](const toml::table& m, std::size_t index) {
        p.milestones.push_back(readMilestone(m, ctx.label, index));
    });
    return p;
}

StoryStep Reader::readStep(const toml::table& t, const std::string& storyLabel, std::size_t index) {
    Ctx ctx{t, storyLabel + " step " + std::to_string(index),
            keyList({"caption", "caption_en", "site", "trip", "day", "partnership", "view", "sites", "partnerships",
                     "all_partnerships", "notes"})};
    checkUnknownKeys(ctx, "[[story.step]]");
    StoryStep step;
    step.pos = posOf(t);
    step.caption = readString(ctx, "caption", false);
    step.captionEn = readString(ctx, "caption_en", false);
    auto ref = [&](std::string_view key, std::string& id, TextPos& pos) {
        id = readString(ctx, key, false);
        if (const toml::node* node = t.get(key)) pos = posOf(*node);
    };
    ref("site", step.siteId, step.sitePos);
    ref("trip", step.tripId, step.tripPos);
    ref("partnership", step.partnershipId, step.partnershipPos);
    ref("notes", step.notesId, step.notesPos);
    if (const toml::node* day = t.get("day")) {
        if (const auto* i = day->as_integer()) {
            step.dayPos = posOf(*day);
            // Beyond int's range is as wrong as any other day outside the trip.
            step.day = static_cast<int>(std::clamp<std::int64_t>(i->get(), std::numeric_limits<int>::min(),
                                                                 std::numeric_limits<int>::max()));
        } else {
            wrongType(ctx, "day", *day, "a whole number",
                      "write the day of the trip without quotes, 1 for its first day: day = 1");
        }
    }
    if (const toml::node* view = t.get("view")) readView(ctx, *view, step);
    step.sites = readStringList(ctx, "sites", false, &step.sitesPos);
    step.partnerships = readStringList(ctx, "partnerships", false, &step.partnershipsPos);
    if (const toml::node* all = t.get("all_partnerships")) step.allPartnershipsPos = posOf(*all);
    step.allPartnerships = readBool(ctx, "all_partnerships").value_or(false);
    return step;
}

// view = { lon = 130.40, lat = 33.59, zoom = 9 }. A member that is missing or not a
// number is reported here and left NaN (the validator checks the ranges of the rest).
void Reader::readView(const Ctx& ctx, const toml::node& node, StoryStep& step) {
    const std::string example = "view = { lon = 130.40, lat = 33.59, zoom = 9 }";
    step.viewPos = posOf(node);
    const auto* table = node.as_table();
    if (!table) {
        wrongType(ctx, "view", node, "an inline table", "write " + example);
        return;
    }
    Ctx view{*table, ctx.label + " view", keyList({"lon", "lat", "zoom"})};
    checkUnknownKeys(view, "a view");
    StoryView v;
    auto member = [&](std::string_view key, double& value, TextPos& pos) {
        value = std::nan("");
        const toml::node* m = table->get(key);
        if (!m) {
            error(step.viewPos, ctx.label + ": view is missing '" + std::string(key) + "'", "write " + example);
            return;
        }
        pos = posOf(*m);
        if (const auto* f = m->as_floating_point()) value = f->get();
        else if (const auto* i = m->as_integer()) value = static_cast<double>(i->get());
        else {
            wrongType(view, key, *m, "a number", "write " + example);
            return;
        }
        if (std::isnan(value))
            error(pos, ctx.label + ": view " + std::string(key) + " is nan, not a number", "write " + example);
    };
    member("lon", v.lon, step.viewLonPos);
    member("lat", v.lat, step.viewLatPos);
    member("zoom", v.zoom, step.viewZoomPos);
    step.view = v;
}

Story Reader::readStory(const toml::table& t) {
    Ctx ctx{t, "[[story]]", keyList({"id", "title", "title_en", "step"})};
    checkUnknownKeys(ctx, "[[story]]");
    Story story;
    story.pos = posOf(t);
    story.id = readId(ctx, "story");
    story.title = readString(ctx, "title", true);
    story.titleEn = readString(ctx, "title_en", false);
    forEachTable(t, "step", "[[story.step]]", [&](const toml::table& step, std::size_t index) {
        story.steps.push_back(readStep(step, ctx.label, index));
    });
    return story;
}

void Reader::readDocument(const toml::table& root, Briefing& out) {
    const std::vector<std::string> known =
        keyList({"schema", "title", "title_en", "source", "site", "trip", "partnership", "story"});
    for (auto&& [key, node] : root) {
        std::string name(key.str());
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        std::string guess = closestMatch(name, known);
        bool isTable = node.is_table() || node.is_array_of_tables();
        std::string shown = !isTable ? "key '" + name + "'" : node.is_table() ? "table [" + name + "]" : "table [[" + name + "]]";
        warning(isTable ? posOf(node) : posOf(key), "unknown " + shown + " is ignored",
                guess.empty() ? "known: " + joined(known) : "did you mean '" + guess + "'?");
    }

    Ctx ctx{root, "the briefing", known};
    if (const toml::node* schema = get(ctx, "schema", true, "1")) {
        if (const auto* i = schema->as_integer()) {
            out.schema = static_cast<int>(i->get());
            if (out.schema != 1)
                error(posOf(*schema), "schema " + std::to_string(out.schema) + " is not supported",
                      "this version of the viewer reads schema = 1");
        } else {
            wrongType(ctx, "schema", *schema, "an integer", "write schema = 1");
        }
    }
    out.title = readString(ctx, "title", true);
    out.titleEn = readString(ctx, "title_en", true);

    forEachTable(root, "source", "[[source]]", [&](const toml::table& t, std::size_t) {
        out.sources.push_back(readSource(t));
    });
    forEachTable(root, "site", "[[site]]", [&](const toml::table& t, std::size_t) { out.sites.push_back(readSite(t)); });
    forEachTable(root, "trip", "[[trip]]", [&](const toml::table& t, std::size_t) { out.trips.push_back(readTrip(t)); });
    forEachTable(root, "partnership", "[[partnership]]", [&](const toml::table& t, std::size_t) {
        out.partnerships.push_back(readPartnership(t));
    });
    forEachTable(root, "story", "[[story]]", [&](const toml::table& t, std::size_t) {
        out.stories.push_back(readStory(t));
    });
}

template <typename T>
void dropIf(std::vector<T>& items, const std::function<bool(const T&)>& bad) {
    items.erase(std::remove_if(items.begin(), items.end(), bad), items.end());
}

// A story step keeps the references that resolve, a valid view, a day within its trip
// and a single camera target: the first one written.
void keepWhatIsGood(const Briefing& b, StoryStep& step) {
    if (!step.siteId.empty() && !b.findSite(step.siteId)) step.siteId.clear();
    if (!step.partnershipId.empty() && !b.findPartnership(step.partnershipId)) step.partnershipId.clear();
    if (step.view && !step.view->isValid()) step.view.reset();
    const Trip* trip = b.findTrip(step.tripId);
    if (!trip) step.tripId.clear();
    const int days = trip ? tripDayCount(*trip) : 0;
    if (!trip || step.day < 0 || (days > 0 && step.day > days)) step.day = 0;

    if (step.targetCount() > 1) {
        auto at = [](TextPos p) { return std::make_pair(p.line, p.column); };
        std::pair<int, int> first{std::numeric_limits<int>::max(), 0};
        if (!step.siteId.empty()) first = std::min(first, at(step.sitePos));
        if (!step.tripId.empty()) first = std::min(first, at(step.tripPos));
        if (!step.partnershipId.empty()) first = std::min(first, at(step.partnershipPos));
        if (step.view) first = std::min(first, at(step.viewPos));
        if (at(step.sitePos) != first) step.siteId.clear();
        if (at(step.tripPos) != first) {
            step.tripId.clear();
            step.day = 0;
        }
        if (at(step.partnershipPos) != first) step.partnershipId.clear();
        if (at(step.viewPos) != first) step.view.reset();
    }

    auto keep = [](std::vector<std::string>& ids, std::vector<TextPos>& positions, auto&& exists) {
        std::vector<std::string> keptIds;
        std::vector<TextPos> keptPos;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (!exists(ids[i]) || std::find(keptIds.begin(), keptIds.end(), ids[i]) != keptIds.end()) continue;
            keptIds.push_back(ids[i]);
            keptPos.push_back(i < positions.size() ? positions[i] : TextPos{});
        }
        ids = std::move(keptIds);
        positions = std::move(keptPos);
    };
    keep(step.sites, step.sitesPos, [&](const std::string& id) { return b.findSite(id) != nullptr; });
    keep(step.partnerships, step.partnershipsPos, [&](const std::string& id) { return b.findPartnership(id) != nullptr; });
    if (step.allPartnerships) {
        step.partnerships.clear();
        step.partnershipsPos.clear();
    }
    if (!step.notesId.empty() && !b.findSite(step.notesId) && !b.findPartnership(step.notesId)) step.notesId.clear();
}

// Keeps what the viewer can use: entities with an id and a position, first
// definition of each id, references that resolve.
void keepWhatIsGood(Briefing& b) {
    auto dedupe = [](auto& items) {
        std::vector<std::string> seen;
        using Item = typename std::decay_t<decltype(items)>::value_type;
        dropIf<Item>(items, [&](const Item& item) {
            if (item.id.empty() || std::find(seen.begin(), seen.end(), item.id) != seen.end()) return true;
            seen.push_back(item.id);
            return false;
        });
    };
    dropIf<Site>(b.sites, [](const Site& s) { return std::isnan(s.lon) || std::isnan(s.lat); });
    dedupe(b.sources);
    dedupe(b.sites);
    dedupe(b.trips);
    dedupe(b.partnerships);
    for (Site& s : b.sites) {
        const Site* city = b.findSite(s.cityId);
        if (!city || city->kind != SiteKind::City) s.cityId.clear();
    }
    for (Trip& t : b.trips)
        dropIf<Stop>(t.stops, [&](const Stop& s) { return b.findSite(s.siteId) == nullptr; });
    for (Partnership& p : b.partnerships) {
        std::vector<std::string> parties;
        std::vector<TextPos> positions;
        for (std::size_t i = 0; i < p.parties.size(); ++i) {
            if (!b.findSite(p.parties[i]) ||
                std::find(parties.begin(), parties.end(), p.parties[i]) != parties.end())
                continue;
            parties.push_back(p.parties[i]);
            positions.push_back(i < p.partyPos.size() ? p.partyPos[i] : TextPos{});
        }
        p.parties = std::move(parties);
        p.partyPos = std::move(positions);
    }
    dropIf<Partnership>(b.partnerships, [](const Partnership& p) { return p.parties.size() < 2; });

    dedupe(b.stories);
    for (Story& story : b.stories) {
        for (StoryStep& step : story.steps) keepWhatIsGood(b, step);
        dropIf<StoryStep>(story.steps, [](const StoryStep& s) {
            return !s.hasCaption() && s.targetCount() == 0 && s.sites.empty() && s.partnerships.empty() &&
                   !s.allPartnerships && s.notesId.empty();
        });
    }
    dropIf<Story>(b.stories, [](const Story& s) { return s.steps.empty(); });
}

} // namespace

BriefingLoadResult parseBriefing(std::string_view text, std::string fileLabel) {
    BriefingLoadResult result;
    Diagnostics& out = result.diagnostics;

    if (Utf8Error bad = firstInvalidUtf8(text); bad.pos.line != 0) {
        out.push_back({Severity::Error, fileLabel, bad.pos.line, bad.pos.column, "the file is not valid UTF-8",
                       bad.cutOff ? kIncompleteHint : "save it with the UTF-8 encoding"});
        return result;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.push_back({Severity::Error, fileLabel, 0, 0, "the file is empty", kIncompleteHint});
        return result;
    }

    toml::parse_result parsed = toml::parse(text, std::string_view{fileLabel});
    if (!parsed) {
        const toml::parse_error& err = parsed.error();
        const int line = static_cast<int>(err.source().begin.line);
        const int column = static_cast<int>(err.source().begin.column);
        std::string description(err.description());
        // toml++ says "Error while parsing key-value pair: expected '='…"; drop the "Error".
        if (description.rfind("Error ", 0) == 0) description.erase(0, 6);
        std::string hint = fullWidthHint(lineAt(text, line));
        if (hint.empty() && description.find("end-of-file") != std::string::npos) hint = kIncompleteHint;
        out.push_back({Severity::Error, fileLabel, line, column, "TOML syntax error " + description, hint});
        return result;
    }

    Reader reader(fileLabel, out);
    reader.readDocument(parsed.table(), result.briefing);
    Diagnostics crossChecks = validateBriefing(result.briefing, fileLabel);
    out.insert(out.end(), crossChecks.begin(), crossChecks.end());

    // A file cut off mid-table still parses; its last table then lacks required keys.
    // Without a final line break, say that the file looks half-saved.
    if (text.back() != '\n') {
        for (Diagnostic& d : out)
            if (d.line >= reader.lastTableLine() && d.message.find("is missing required key") != std::string::npos)
                d.hint = kIncompleteHint;
    }

    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    keepWhatIsGood(result.briefing);
    return result;
}

} // namespace geo
