#include <geo/present/live_tools.hpp>

#include <glm/common.hpp>

#include <algorithm>

namespace geo {

void LiveTools::nextColour(const Palette::Tools& look) {
    if (mode == PointerMode::Highlighter) highlighterColour = (highlighterColour + 1) % std::max<std::size_t>(look.highlighter.size(), 1);
    else penColour = (penColour + 1) % std::max<std::size_t>(look.ink.size(), 1);
}

LiveToolsLayout layoutLiveTools(const LiveTools& tools, const InkPage& page, const std::vector<InkStroke>& kept, const Briefing& briefing,
                                const ContentScene& scene, const Camera& camera, glm::vec2 display, const Palette::Tools& look,
                                float scale, double now) {
    LiveToolsLayout out;
    const std::optional<InkStroke>& drawing = tools.ink.drawing();
    const std::vector<InkStroke>& live = tools.ink.strokes(page);
    if (kept.empty()) {
        layoutInk(live, nullptr, camera, look, scale, display, out.ink);
    } else {
        std::vector<InkStroke> all = kept;
        all.insert(all.end(), live.begin(), live.end());
        layoutInk(all, nullptr, camera, look, scale, display, out.ink);
    }
    if (drawing) layoutInk({}, &*drawing, camera, look, scale, display, out.underCaption);
    if (tools.zoomBox) {
        const glm::vec2 a = tools.zoomBox->first, b = tools.zoomBox->second;
        draw::Rect r;
        r.min = glm::min(a, b);
        r.max = glm::max(a, b);
        r.fill = look.zoomBox.withAlpha(0.12f);
        r.outline = look.zoomBox;
        r.outlineWidth = 2.5f * scale;
        out.underCaption.add(r);
    }
    tools.spotlight.layout(briefing, scene, camera, display, look, out.underCaption);
    if (tools.mode == PointerMode::Laser) tools.laser.layout(now, display.y, look, out.top);
    return out;
}

} // namespace geo
