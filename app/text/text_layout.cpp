#include "text/text_layout.hpp"

#include <geo/base/text_encoding.hpp>

#include <algorithm>

namespace app {

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

// Splits text into lines no wider than `width` pixels: at spaces, at line feeds, and
// between CJK characters. ImGui's own wrapping only breaks at spaces, so a paragraph
// of Chinese is one "word" to it and wraps badly.
} // namespace

std::vector<std::string_view> wrapLines(const ImFont* font, float size, std::string_view text, float width) {
    std::vector<std::string_view> lines;
    const float scale = size / font->FontSize;
    auto advance = [&](unsigned cp) { return font->GetCharAdvance(static_cast<ImWchar>(cp <= 0xFFFF ? cp : 0xFFFD)) * scale; };
    std::size_t lineStart = 0, i = 0;
    std::size_t breakEnd = std::string_view::npos, breakNext = 0; // line end and next line start at the last opportunity
    float lineWidth = 0, widthAtBreak = 0;
    unsigned previous = 0;
    while (i < text.size()) {
        const std::size_t at = i;
        const unsigned cp = geo::nextCodepoint(text, i);
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

void wrapped(const std::string& text) {
    const float width = std::max(ImGui::GetContentRegionAvail().x, 40.0f);
    for (std::string_view line : wrapLines(ImGui::GetFont(), ImGui::GetFontSize(), text, width))
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
}

void wrappedColoured(const ImVec4& colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrapped(text);
    ImGui::PopStyleColor();
}

// Text with a light halo: legible over land, sea and borders alike.
void haloText(ImDrawList* dl, ImFont* font, float size, ImVec2 p, const std::string& text, float halo, ImU32 ink,
              ImU32 haloColour) {
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    // Four diagonal copies: half the fill of eight, and at a halo of 2 px no gap shows
    // (a glyph's strokes are wider than the space between the copies).
    static constexpr float kDirections[4][2] = {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}};
    for (const auto& d : kDirections)
        dl->AddText(font, size, ImVec2(p.x + d[0] * halo, p.y + d[1] * halo), haloColour, begin, end);
    dl->AddText(font, size, p, ink, begin, end);
}



} // namespace app
