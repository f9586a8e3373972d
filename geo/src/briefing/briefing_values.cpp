// The value readers of the briefing's TOML reader: each reads one key of a table,
// reports a missing required key or a value of the wrong type with a hint, and returns
// what it could read.
#include "briefing/briefing_reader.hpp"

#include <cstdint>

namespace geo::briefing_toml {

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

} // namespace geo::briefing_toml
