#include <geo/view/text_measure.hpp>

#include <geo/base/text_encoding.hpp>

#include <string>

namespace geo {

namespace {

// Chinese and Japanese run without spaces: a line may break between any two of their characters.
bool isCjk(unsigned cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

// Simplified kinsoku: never start a line with closing punctuation, nor end one with opening punctuation.
bool noBreakBefore(unsigned cp) {
    static constexpr std::u32string_view kClosing = U"，。、：；！？）」』】〕〉》’”・·…ー々〜）．,.;:!?)]}%";
    return kClosing.find(static_cast<char32_t>(cp)) != std::u32string_view::npos;
}
bool noBreakAfter(unsigned cp) {
    static constexpr std::u32string_view kOpening = U"（「『【〔〈《‘“([{";
    return kOpening.find(static_cast<char32_t>(cp)) != std::u32string_view::npos;
}

} // namespace

std::vector<std::string_view> wrapLines(const TextMeasure& measure, FontRole role, Face face, std::string_view text, float width) {
    std::vector<std::string_view> lines;
    auto advance = [&](unsigned cp) { return measure.advance(cp <= 0xFFFF ? cp : 0xFFFD, role, face); };
    std::size_t lineStart = 0, i = 0;
    std::size_t breakEnd = std::string_view::npos, breakNext = 0; // line end and next line start at the last opportunity
    float lineWidth = 0, widthAtBreak = 0;
    unsigned previous = 0;
    while (i < text.size()) {
        const std::size_t at = i;
        const unsigned cp = nextCodepoint(text, i);
        if (cp == '\n') {
            lines.push_back(text.substr(lineStart, at - lineStart));
            lineStart = i;
            breakEnd = std::string_view::npos;
            lineWidth = 0;
            previous = 0;
            continue;
        }
        if (cp == ' ') {
            breakEnd = at; // break here: the space itself is dropped
            breakNext = i;
            lineWidth += advance(cp);
            widthAtBreak = lineWidth;
            previous = cp;
            continue;
        }
        if (at > lineStart && previous != ' ' && (isCjk(cp) || isCjk(previous)) && !noBreakBefore(cp) && !noBreakAfter(previous)) {
            breakEnd = at;
            breakNext = at;
            widthAtBreak = lineWidth;
        }
        const float w = advance(cp);
        if (lineWidth + w > width && at > lineStart) {
            if (breakEnd != std::string_view::npos && breakEnd > lineStart) {
                lines.push_back(text.substr(lineStart, breakEnd - lineStart));
                lineStart = breakNext;
                lineWidth -= widthAtBreak; // widthAtBreak includes a dropped space
            } else { // one word longer than the line: cut it
                lines.push_back(text.substr(lineStart, at - lineStart));
                lineStart = at;
                lineWidth = 0;
            }
            breakEnd = std::string_view::npos;
        }
        lineWidth += w;
        previous = cp;
    }
    if (lineStart < text.size() || lines.empty()) lines.push_back(text.substr(lineStart));
    return lines;
}

} // namespace geo
