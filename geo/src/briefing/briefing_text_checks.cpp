#include "briefing/briefing_text_checks.hpp"

#include <geo/base/text_encoding.hpp>

namespace geo::briefing_text {

Utf8Error firstInvalidUtf8(std::string_view text) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Char c = decodeUtf8(text, i);
        if (!c.valid) return {{line, column}, c.truncated};
        if (c.codepoint == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += c.length;
    }
    return {};
}

namespace {

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

} // namespace

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

} // namespace geo::briefing_text
