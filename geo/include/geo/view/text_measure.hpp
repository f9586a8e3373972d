#pragma once
// How large text is on screen, for layout in geo/ (label boxes, badges, captions, wrapping):
// the app answers from its fonts; tests answer with fixed advances.

#include <geo/base/text_face.hpp>
#include <geo/view/display_list.hpp>

#include <glm/vec2.hpp>

#include <string_view>
#include <vector>

namespace geo {

class TextMeasure {
public:
    virtual ~TextMeasure() = default;
    // The extent of one line of `text` (width, the font's line height), in pixels.
    virtual glm::vec2 measure(std::string_view text, FontRole role, Face face) const = 0;
    // The advance of one character, in pixels (for line breaking).
    virtual float advance(unsigned codepoint, FontRole role, Face face) const = 0;
    // The font's size in pixels (its line height).
    virtual float size(FontRole role, Face face) const = 0;
};

// Splits text into lines no wider than `width` pixels: at spaces (dropped), at line feeds, and
// between Chinese or Japanese characters, never starting a line with closing punctuation nor
// ending one with opening punctuation (simplified kinsoku). A word longer than the line is cut.
// The lines are views into `text`.
std::vector<std::string_view> wrapLines(const TextMeasure& measure, FontRole role, Face face, std::string_view text, float width);

} // namespace geo
