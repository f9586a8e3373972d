#pragma once
// What the audience sees over the map while a story is presented: the step's caption (large,
// dark on white, at the bottom, wrapped to 80 % of the width), the step number at the top left
// (and a step number being typed), and a short message to the presenter. Laid out before the
// frame is drawn, so that the camera frames the step above its caption and labels keep out of
// both in the same frame.

#include <geo/briefing/briefing.hpp>
#include <geo/view/display_list.hpp>
#include <geo/view/label_placement.hpp>
#include <geo/view/palette.hpp>
#include <geo/view/text_measure.hpp>

#include <glm/vec2.hpp>

#include <string>
#include <vector>

namespace geo {

// The caption of a step in `language` (Japanese shows the documents' Chinese; an empty one
// falls back to the other language).
const std::string& stepCaption(const StoryStep& step, Language language);

struct CaptionLayout {
    std::vector<std::string> lines; // empty: no caption
    float lineHeight = 0.0f, pad = 0.0f;
    glm::vec2 min{0.0f}, max{0.0f};
    bool empty() const { return lines.empty(); }
    // How far up from the bottom of the screen it reaches (0 without a caption).
    float inset(glm::vec2 display) const { return empty() ? 0.0f : display.y - min.y; }
};

// `scale`: the interface scale. 56 px × scale above the bottom (the attribution and scale bar),
// 18 px × scale of padding, lines 1.15 times the caption font's size apart.
CaptionLayout layoutCaption(const StoryStep& step, Language language, const TextMeasure& text, float scale, glm::vec2 display);

struct AudienceInput {
    const StoryStep* step = nullptr; // none: nothing to show
    std::size_t current = 0, count = 0; // 0-based step, steps in the story
    std::string pending;             // a step number being typed
    bool blanked = false;            // a black screen instead (painted by the app above everything)
    bool presenterOverlay = false;   // the overlay shows the step number instead
    std::string flash;               // a message to the presenter, while it shows ("" none)
    Language language = Language::En;
    float scale = 1.0f;              // the interface scale
    glm::vec2 display{0.0f};
};

struct AudienceLayout {
    DisplayList list;                // above every panel
    std::vector<ScreenBox> covered;  // the caption and the step number: labels keep out of them
    CaptionLayout caption;
};

AudienceLayout layoutAudience(const AudienceInput& in, const Palette& palette, const TextMeasure& text);

} // namespace geo
