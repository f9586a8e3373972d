// Edge callouts: an arrow at the edge of the free map area, pointing on to a place off the
// map, with its name and distance beside it, inside the free area, stacked along the edge.
#include "content_layout_parts.hpp"

#include <algorithm>

namespace geo::layout {

namespace {

enum class Edge { Left, Right, Top, Bottom };

bool overlaps(glm::vec2 lo, glm::vec2 hi, const ScreenBox& b) {
    return static_cast<double>(lo.x) < b.max.x && b.min.x < static_cast<double>(hi.x) && static_cast<double>(lo.y) < b.max.y &&
           b.min.y < static_cast<double>(hi.y);
}

} // namespace

void mergeCallouts(std::vector<EdgeCallout>& callouts) {
    std::vector<EdgeCallout> kept;
    kept.reserve(callouts.size());
    for (EdgeCallout& c : callouts) {
        const bool seen = std::any_of(kept.begin(), kept.end(), [&](const EdgeCallout& k) {
            return k.siteId == c.siteId && k.text == c.text;
        });
        if (!seen) kept.push_back(std::move(c));
    }
    callouts = std::move(kept);
}

// Each callout stands at the edge of the free area it points through, its arrow's tip on
// that edge and its text just inside, as near to where its line leaves as the others allow:
// the callouts of one edge are stacked along it in the order their lines leave, clear of
// each other and of what `keepOut` holds (the caption, the step number, the day caption).
std::vector<PlacedCallout> placeCallouts(const Frame& f, const std::vector<EdgeCallout>& callouts, const std::vector<ScreenBox>& keepOut,
                                         std::vector<ScreenBox>& boxes) {
    const float s = f.s;
    const float vw = static_cast<float>(f.viewport.x), vh = static_cast<float>(f.viewport.y);
    const float x0 = f.in.panels.leftInset, x1 = vw - f.in.panels.rightInset;
    const float top = 0.0f, bottom = vh - f.in.panels.bottomReserve;
    const float margin = 8.0f * s, arrow = kCalloutArrow * s, padX = 6.0f * s, padY = 3.0f * s, spacing = 8.0f * s;
    std::vector<PlacedCallout> placed(callouts.size());
    std::vector<Edge> edges(callouts.size());
    std::vector<float> want(callouts.size());
    for (std::size_t i = 0; i < callouts.size(); ++i) {
        const glm::vec2 p = callouts[i].position;
        const float d[4] = {p.x - x0, x1 - p.x, p.y - top, bottom - p.y};
        const int e = static_cast<int>(std::min_element(d, d + 4) - d);
        edges[i] = static_cast<Edge>(e);
        want[i] = e < 2 ? p.y : p.x;
        placed[i].direction = callouts[i].direction;
        placed[i].size = f.in.text.measure(callouts[i].text, FontRole::Label, callouts[i].face);
    }
    // The box (text and padding) of callout i at `along` on its edge, and its arrow's tip.
    auto frame = [&](std::size_t i, float along, glm::vec2& lo, glm::vec2& hi, glm::vec2& tip) {
        const glm::vec2 ext = placed[i].size + glm::vec2(2 * padX, 2 * padY);
        switch (edges[i]) {
        case Edge::Left: tip = {x0 + margin, along}; lo = {tip.x + arrow + 4 * s, along - ext.y * 0.5f}; break;
        case Edge::Right: tip = {x1 - margin, along}; lo = {tip.x - arrow - 4 * s - ext.x, along - ext.y * 0.5f}; break;
        case Edge::Top: tip = {along, top + margin}; lo = {along - ext.x * 0.5f, tip.y + arrow + 4 * s}; break;
        case Edge::Bottom: tip = {along, bottom - margin}; lo = {along - ext.x * 0.5f, tip.y - arrow - 4 * s - ext.y}; break;
        }
        hi = lo + ext;
    };
    auto extent = [&](std::size_t i) { return edges[i] == Edge::Left || edges[i] == Edge::Right ? placed[i].size.y + 2 * padY : placed[i].size.x + 2 * padX; };
    for (int e = 0; e < 4; ++e) {
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < callouts.size(); ++i)
            if (static_cast<int>(edges[i]) == e) order.push_back(i);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return want[a] < want[b]; });
        const bool vertical = e < 2;
        const float lo = vertical ? top + margin : x0 + margin, hi = vertical ? bottom - margin : x1 - margin;
        float next = lo; // where the next callout may begin along the edge
        for (std::size_t i : order) {
            const float half = extent(i) * 0.5f;
            float along = std::clamp(want[i], std::max(next + half, lo + half), std::max(lo + half, hi - half));
            // Past what it must keep out of, the way the edge runs.
            for (int guard = 0; guard < 8; ++guard) {
                glm::vec2 bl, bh, tip;
                frame(i, along, bl, bh, tip);
                const auto hit = std::find_if(keepOut.begin(), keepOut.end(), [&](const ScreenBox& k) { return overlaps(bl, bh, k); });
                if (hit == keepOut.end()) break;
                along = static_cast<float>(vertical ? hit->max.y : hit->max.x) + spacing + half;
            }
            next = along + half + spacing;
            glm::vec2 bl, bh;
            frame(i, along, bl, bh, placed[i].tip);
            placed[i].at = bl + glm::vec2(padX, padY);
            // Labels keep out of the text and the arrow (which reaches back from the tip, towards the text).
            const glm::vec2 t = placed[i].tip;
            ScreenBox b = box(bl, bh);
            b.min.x = std::min(b.min.x, static_cast<double>(t.x - arrow));
            b.max.x = std::max(b.max.x, static_cast<double>(t.x + arrow));
            b.min.y = std::min(b.min.y, static_cast<double>(t.y - arrow));
            b.max.y = std::max(b.max.y, static_cast<double>(t.y + arrow));
            switch (edges[i]) {
            case Edge::Left: b.min.x = std::min(static_cast<double>(bl.x), static_cast<double>(t.x) - 2.0); break;
            case Edge::Right: b.max.x = std::max(static_cast<double>(bh.x), static_cast<double>(t.x) + 2.0); break;
            case Edge::Top: b.min.y = std::min(static_cast<double>(bl.y), static_cast<double>(t.y) - 2.0); break;
            case Edge::Bottom: b.max.y = std::max(static_cast<double>(bh.y), static_cast<double>(t.y) + 2.0); break;
            }
            boxes.push_back(b);
        }
    }
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
        out.add(draw::Arrow{pc.tip, pc.direction, kCalloutArrow * s, co.colour, pal.map.paper});
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
