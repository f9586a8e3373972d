// Edge callouts: an arrow at the edge of the free map area, pointing on to a place off the
// map, with its name and distance beside it, inside the free area.
#include "content_layout_parts.hpp"

#include <algorithm>

namespace geo::layout {

std::vector<PlacedCallout> placeCallouts(const Frame& f, const std::vector<EdgeCallout>& callouts, std::vector<ScreenBox>& boxes) {
    const float s = f.s;
    const float vw = static_cast<float>(f.viewport.x), vh = static_cast<float>(f.viewport.y);
    const float x0 = f.in.panels.leftInset, x1 = vw - f.in.panels.rightInset;
    std::vector<PlacedCallout> placed;
    std::vector<ScreenBox> mine;
    for (const EdgeCallout& co : callouts) {
        PlacedCallout pc;
        pc.direction = co.direction;
        pc.tip = glm::vec2(co.position.x + pc.direction.x * 18.0f * s, co.position.y + pc.direction.y * 18.0f * s);
        pc.size = f.in.text.measure(co.text, FontRole::Label, co.face);
        // Inside the free area, beside the arrow, on the side away from the edge; below any callout already there.
        const glm::vec2 d = pc.direction, ext = pc.size;
        glm::vec2 p(co.position.x - d.x * (ext.x * 0.5f + 30.0f * s) - ext.x * 0.5f,
                    co.position.y - d.y * (ext.y * 0.5f + 30.0f * s) - ext.y * 0.5f);
        p.x = std::clamp(p.x, x0 + 4.0f * s, std::max(x0 + 4.0f * s, x1 - ext.x - 10.0f * s));
        p.y = std::clamp(p.y, 8.0f * s, std::max(8.0f * s, vh - f.in.panels.bottomReserve - ext.y - 8.0f * s));
        for (const ScreenBox& q : mine)
            if (static_cast<double>(p.x) < q.max.x && q.min.x < static_cast<double>(p.x + ext.x) && static_cast<double>(p.y) < q.max.y &&
                q.min.y < static_cast<double>(p.y + ext.y))
                p.y = static_cast<float>(q.max.y) + 10.0f * s;
        pc.at = p;
        mine.push_back(box({p.x - 6 * s, p.y - 3 * s}, {p.x + ext.x + 6 * s, p.y + ext.y + 3 * s}));
        placed.push_back(pc);
    }
    boxes.insert(boxes.end(), mine.begin(), mine.end());
    return placed;
}

void emitCallouts(const Frame& f, const std::vector<EdgeCallout>& callouts, const std::vector<PlacedCallout>& placed, DisplayList& out,
                  HitIndex& hits) {
    const float s = f.s;
    const Palette& pal = f.palette();
    for (std::size_t i = 0; i < placed.size() && i < callouts.size(); ++i) {
        const EdgeCallout& co = callouts[i];
        const PlacedCallout& pc = placed[i];
        const glm::vec2 p = pc.at, ext = pc.size;
        out.add(draw::Arrow{pc.tip, pc.direction, 26.0f * s, co.colour, pal.map.paper});
        out.add(draw::Rect{{p.x - 6 * s, p.y - 3 * s}, {p.x + ext.x + 6 * s, p.y + ext.y + 3 * s}, pal.map.callout, 4 * s, co.colour, 2.0f * s});
        draw::Text t;
        t.at = p;
        t.text = co.text;
        t.role = FontRole::Label;
        t.face = co.face;
        t.ink = pal.map.ink;
        out.add(std::move(t));
        hits.edgeTargets.push_back({glm::dvec2(pc.tip), static_cast<double>(28.0f * s), co.siteId});
        // The callout itself is clickable too.
        hits.edgeTargets.push_back({glm::dvec2(p.x + ext.x * 0.5f, p.y + ext.y * 0.5f), static_cast<double>(std::max(ext.x, ext.y) * 0.5f),
                                    co.siteId});
    }
}

} // namespace geo::layout
