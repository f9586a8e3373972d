#include <geo/briefing/annotation_writer.hpp>

#include <geo/base/atomic_file.hpp>

#include "base/toml_fixed.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <system_error>

namespace geo {

namespace {

// The line (1-based) of every table header below `node`, into `lines`.
void headerLines(const toml::node& node, std::set<std::size_t>& lines, bool self) {
    if (const toml::table* t = node.as_table()) {
        if (self && !t->is_inline()) lines.insert(t->source().begin.line);
        for (const auto& [key, child] : *t) headerLines(child, lines, true);
    } else if (const toml::array* a = node.as_array()) {
        for (const toml::node& child : *a) headerLines(child, lines, true);
    }
}

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

bool blankOrComment(std::string_view line) {
    const std::size_t first = line.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos || line[first] == '#';
}

double rounded(double degrees) { return std::round(degrees * 1e6) / 1e6; } // ~0.1 m

// One [[story.step.annotation]] table: its header, `tool` and `color` as toml++ writes them,
// and `points`, whose numbers fmt writes in their shortest exact form (toml++ 3.3 writes a
// double with 17 digits, 130.74170000000001, or with 6, 130.742, which is 100 m off).
std::string annotationText(const StepAnnotation& a, const std::string& newline, const std::string& indent) {
    toml::table t{{"tool", a.highlighter ? "highlighter" : "pen"}, {"color", a.colour + 1}};
    std::ostringstream keys;
    keys << toml::toml_formatter{t};
    std::string points = "points = [";
    for (std::size_t i = 0; i < a.points.size(); ++i)
        points += fmt::format("{}[{}, {}]", i ? ", " : "", rounded(a.points[i].first), rounded(a.points[i].second));
    points += "]";
    // Indented as the step's header is, with the file's own line ends (toml++ ends lines with \n).
    std::string out = newline + indent + "[[story.step.annotation]]" + newline;
    std::istringstream lines(keys.str());
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) out += indent + line + newline;
    return out + indent + points + newline;
}

} // namespace

std::optional<std::string> appendAnnotations(std::string_view text, const std::string& storyId, std::size_t step,
                                             const std::vector<StepAnnotation>& ink, std::string& error) {
    toml::parse_result parsed = toml::parse(text);
    if (!parsed) {
        error = "the file is not valid TOML (line " + std::to_string(parsed.error().source().begin.line) + ")";
        return std::nullopt;
    }
    const toml::table& root = parsed.table();
    const toml::table* stepTable = nullptr;
    if (const toml::array* stories = root["story"].as_array())
        for (const toml::node& s : *stories) {
            const toml::table* story = s.as_table();
            if (!story || (*story)["id"].value<std::string>() != storyId) continue;
            const toml::array* steps = (*story)["step"].as_array();
            if (steps && step < steps->size()) stepTable = steps->get(step)->as_table();
        }
    if (!stepTable || stepTable->is_inline()) {
        error = "the file has no step " + std::to_string(step + 1) + " in story '" + storyId + "' written as [[story.step]]";
        return std::nullopt;
    }
    // The step's section runs from its header to the next header that is not one of its own
    // tables (its annotations so far, a [story.step.view]); the new tables go after its last line
    // that is not blank or a comment (a comment before the next header is that table's).
    const std::size_t header = stepTable->source().begin.line;
    std::set<std::size_t> all, own;
    headerLines(root, all, false);
    headerLines(*stepTable, own, false);
    std::size_t next = 0; // 1-based line of the next header; 0: none
    for (const std::size_t line : all)
        if (line > header && !own.count(line)) {
            next = line;
            break;
        }
    const std::vector<std::string_view> lines = splitLines(text);
    std::size_t after = next ? next - 1 : lines.size(); // lines [0, after) are before the new tables
    while (after > header && blankOrComment(lines[after - 1])) --after;
    const std::string newline = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    std::string out;
    out.reserve(text.size() + 256 * ink.size());
    std::size_t offset = 0;
    for (std::size_t i = 0; i < after; ++i) offset += lines[i].size();
    out.append(text.substr(0, offset));
    if (!out.empty() && out.back() != '\n') out += newline; // the last line had no line end
    const std::string_view headerLine = lines[header - 1];
    const std::string indent(headerLine.substr(0, headerLine.find_first_not_of(" \t")));
    for (const StepAnnotation& a : ink) out += annotationText(a, newline, indent);
    const std::string_view rest = text.substr(offset);
    if (!rest.empty() && !blankOrComment(lines[after < lines.size() ? after : lines.size() - 1])) out += newline;
    out.append(rest);
    return out;
}

KeepOutcome keepAnnotations(const Briefing& briefing, const std::string& storyId, std::size_t step,
                            const std::vector<StepAnnotation>& ink) {
    KeepOutcome out;
    const std::filesystem::path& file = briefing.path;
    if (file.empty()) {
        out.message = "the briefing was not loaded from a file; nothing to keep the ink in";
        return out;
    }
    if (ink.empty()) {
        out.message = "no ink on this step to keep";
        return out;
    }
    const std::optional<std::string> read = readFileBytes(file);
    if (!read) {
        out.message = "cannot read " + file.string();
        out.hint = "check that the file is there and can be read";
        return out;
    }
    const std::string& text = *read;
    if (std::hash<std::string_view>{}(text) != briefing.textHash) {
        out.message = file.string() + " changed since it was loaded (saved by someone else?); the ink was not written";
        out.hint = "wait for the map to reload it (or fix its errors), then keep again";
        return out;
    }
    std::string error;
    const std::optional<std::string> changed = appendAnnotations(text, storyId, step, ink, error);
    if (!changed) {
        out.message = file.string() + ": " + error;
        out.hint = "the ink was not written";
        return out;
    }
    std::error_code ec;
    const auto perms = std::filesystem::status(file, ec).permissions();
    out.backup = file;
    out.backup += ".bak";
    std::string why;
    if (!replaceFileAtomically(out.backup, text, why)) {
        out.message = "no backup could be made (" + why + "); the ink was not written";
        out.hint = "check that the briefing's folder can be written";
        out.backup.clear();
        return out;
    }
    if (!replaceFileAtomically(file, *changed, why, ec ? std::nullopt : std::optional<std::filesystem::perms>(perms))) {
        out.message = "the ink was not written: " + why;
        out.hint = "check that the briefing's folder can be written";
        return out;
    }
    out.written = true;
    out.message = "kept " + std::to_string(ink.size()) + (ink.size() == 1 ? " stroke" : " strokes") + " in " + file.string() +
                  " (the file as it was: " + out.backup.filename().string() + ")";
    return out;
}

} // namespace geo
