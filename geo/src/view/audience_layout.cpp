#include <geo/view/audience_layout.hpp>

#include <algorithm>

namespace geo {

namespace {

ScreenBox box(glm::vec2 lo, glm::vec2 hi) {
    ScreenBox b;
    b.min = {static_cast<double>(lo.x), static_cast<double>(lo.y)};
    b.max = {static_cast<double>(hi.x), static_cast<double>(hi.y)};
    return b;
}

draw::Text text(glm::vec2 at, std::string s, FontRole role, Color ink) {
    draw::Text t;
    t.at = at;
    t.text = std::move(s);
    t.role = role;
    t.face = Face::Chinese; // captions are in the documents' Chinese or in English
    t.ink = ink;
    return t;
}

} // namespace

const std::string& stepCaption(const StoryStep& step, Language language) { return pickText(step.caption, step.captionEn, language); }

CaptionLayout layoutCaption(const StoryStep& step, Language language, const TextMeasure& measure, float s, glm::vec2 display) {
    CaptionLayout box;
    const std::string& caption = stepCaption(step, language);
    if (caption.empty()) return box;
    const float size = measure.size(FontRole::Caption, Face::Chinese);
    float width = 0;
    for (std::string_view line : wrapLines(measure, FontRole::Caption, Face::Chinese, caption, display.x * 0.8f)) {
        width = std::max(width, measure.measure(line, FontRole::Caption, Face::Chinese).x);
        box.lines.emplace_back(line);
    }
    box.lineHeight = size * 1.15f;
    const float height = box.lineHeight * static_cast<float>(box.lines.size());
    box.pad = 18.0f * s;
    const float bottom = display.y - 56.0f * s; // above the attribution and scale bar
    box.min = {(display.x - width) * 0.5f - box.pad, bottom - height - box.pad * 2};
    box.max = {(display.x + width) * 0.5f + box.pad, bottom};
    return box;
}

AudienceLayout layoutAudience(const AudienceInput& in, const Palette& palette, const TextMeasure& measure) {
    AudienceLayout out;
    if (!in.step || in.blanked) return out; // a blanked projector is painted black above everything
    const float s = in.scale;
    const Color ink = palette.map.ink;
    // The caption: large, dark on white, bottom centre.
    out.caption = layoutCaption(*in.step, in.language, measure, s, in.display);
    const CaptionLayout& cap = out.caption;
    if (!cap.empty()) {
        out.list.add(draw::Rect{cap.min, cap.max, palette.presentation.caption, 10.0f * s, ink, 3.0f * s});
        out.covered.push_back(box(cap.min, cap.max));
        float y = cap.min.y + cap.pad;
        for (const std::string& line : cap.lines) {
            const float w = measure.measure(line, FontRole::Caption, Face::Chinese).x;
            out.list.add(text({(in.display.x - w) * 0.5f, y}, line, FontRole::Caption, ink));
            y += cap.lineHeight;
        }
    }
    // Where we are: "3 / 8", and a number being typed ("→ 12"), unless the presenter overlay shows it.
    // Top left: the notes panel, when a step opens one, owns the right side.
    if (!in.presenterOverlay) {
        std::string counter = std::to_string(in.current + 1) + " / " + std::to_string(in.count);
        if (!in.pending.empty()) counter += "   → " + in.pending;
        const glm::vec2 ext = measure.measure(counter, FontRole::Large, Face::Chinese);
        const glm::vec2 p(24.0f * s, 16.0f * s);
        const glm::vec2 lo(p.x - 10 * s, p.y - 4 * s), hi(p.x + ext.x + 10 * s, p.y + ext.y + 4 * s);
        out.list.add(draw::Rect{lo, hi, palette.presentation.counter, 6 * s, {0, 0, 0, 0}, 0.0f});
        out.list.add(text(p, counter, FontRole::Large, ink));
        out.covered.push_back(box(lo, hi));
    }
    // A message for the presenter (a step that does not exist, reduced motion switched).
    if (!in.flash.empty()) {
        const glm::vec2 ext = measure.measure(in.flash, FontRole::Large, Face::Chinese);
        const glm::vec2 p((in.display.x - ext.x) * 0.5f, in.display.y * 0.4f);
        out.list.add(draw::Rect{{p.x - 16 * s, p.y - 8 * s}, {p.x + ext.x + 16 * s, p.y + ext.y + 8 * s}, palette.presentation.flash, 8 * s,
                                {0, 0, 0, 0}, 0.0f});
        out.list.add(text(p, in.flash, FontRole::Large, palette.map.paper));
    }
    return out;
}

} // namespace geo
