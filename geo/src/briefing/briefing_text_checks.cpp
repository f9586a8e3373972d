#include "briefing/briefing_text_checks.hpp"

#include <cstdint>

namespace geo::briefing_text {

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
