#pragma once
// A text measure for layout tests: every character 10 px wide and 20 px high, whatever the
// font, so that sizes are easy to count.

#include <geo/view/text_measure.hpp>

namespace test {

class FixedMeasure : public geo::TextMeasure {
public:
    glm::vec2 measure(std::string_view text, geo::FontRole, geo::Face) const override {
        float w = 0;
        for (std::size_t i = 0; i < text.size();) {
            const unsigned char c = static_cast<unsigned char>(text[i]);
            i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            w += 10;
        }
        return {w, 20};
    }
    float advance(unsigned, geo::FontRole, geo::Face) const override { return 10; }
    float size(geo::FontRole, geo::Face) const override { return 20; }
};

} // namespace test
