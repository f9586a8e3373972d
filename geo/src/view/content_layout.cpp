// Content layout: the parts in order (see content_layout.hpp).
#include "content_layout_parts.hpp"

#include <geo/view/screen_polyline.hpp>

#include <algorithm>

namespace geo::layout {

ScreenBox box(glm::vec2 lo, glm::vec2 hi) {
    ScreenBox b;
    b.min = {static_cast<double>(lo.x), static_cast<double>(lo.y)};
    b.max = {static_cast<double>(hi.x), static_cast<double>(hi.y)};
    return b;
}

Frame::Frame(const ContentLayoutInput& input)
    : in(input), s(input.scale), viewport(input.camera.viewport()), clipLo(-40.0f, -40.0f),
      clipHi(static_cast<float>(viewport.x) + 40.0f, static_cast<float>(viewport.y) + 40.0f) {}

void Frame::line(DisplayList& out, const std::vector<glm::vec2>& points, const LineStyle& style) const {
    if (points.size() < 2) return;
    for (ClippedRun& run : clipPolyline(points, clipLo, clipHi))
        if (run.points.size() >= 2) out.add(draw::Line{std::move(run.points), style, run.startLength});
}

std::vector<glm::vec2> Frame::toScreen(const std::vector<glm::dvec2>& world) const {
    std::vector<glm::vec2> out;
    out.reserve(world.size());
    for (const auto& w : world) {
        if (!finite(w)) continue;
        const glm::dvec2 p = in.camera.worldToScreen(w);
        // Far off-screen points (the far side of a Pacific flight) stay finite floats.
        out.push_back({static_cast<float>(std::clamp(p.x, -1e6, 1e6)), static_cast<float>(std::clamp(p.y, -1e6, 1e6))});
    }
    return out;
}

} // namespace geo::layout

namespace geo {

ContentLayout layoutContent(const ContentLayoutInput& in) {
    using namespace layout;
    const Frame f(in);
    ContentLayout out;
    HitIndex& hits = out.hits;

    // What is on screen and clickable, before anything is drawn: the markers (with their group
    // badges as a marker at rest has them), the links, the trips and the edge callouts.
    clusterSites(f, hits);
    const float s = f.s;
    for (std::size_t ci = 0; ci < hits.clusters.size(); ++ci) {
        const ScreenCluster& c = hits.clusters[ci];
        const glm::vec2 p = toFloat(c.position);
        if (c.members.size() < 2 || !(p.x > -40 * s && p.y > -40 * s && p.x < static_cast<float>(f.viewport.x) + 40 * s &&
                                      p.y < static_cast<float>(f.viewport.y) + 40 * s))
            continue;
        std::string text;
        glm::vec2 ext, centre;
        hits.badges.emplace_back(ci, groupBadge(f, c, 1.0f, text, ext, centre));
    }
    std::vector<EdgeCallout> callouts;
    collectLinks(f, hits, callouts);
    DisplayList trips;
    std::vector<ScreenBox> covered; // the playback day's caption
    layoutTrips(f, trips, covered, callouts);
    mergeCallouts(callouts);
    std::vector<ScreenBox> calloutBoxes;
    std::vector<ScreenBox> keepOut = in.blocked;
    keepOut.insert(keepOut.end(), covered.begin(), covered.end());
    const std::vector<PlacedCallout> placed = placeCallouts(f, callouts, keepOut, calloutBoxes);
    DisplayList calloutItems;
    emitCallouts(f, callouts, placed, calloutItems, hits);

    // What the pointer is over: a marker first, then an edge arrow, then a link.
    std::optional<std::size_t> hoveredCluster;
    std::optional<std::string> hoveredLink;
    if (in.cursor) {
        if ((hoveredCluster = hits.clusterAt(*in.cursor))) {
            out.hover.kind = ContentHover::Kind::Marker;
            out.hover.cluster = *hoveredCluster;
        } else if (const auto target = hits.edgeTargetAt(*in.cursor)) {
            out.hover.kind = ContentHover::Kind::EdgeArrow;
            out.hover.id = *target;
        } else if ((hoveredLink = hits.linkAt(*in.cursor))) {
            out.hover.kind = ContentHover::Kind::Link;
            out.hover.id = *hoveredLink;
        }
    }

    emitLinks(f, hits, hoveredLink, out.list);
    layoutMarkers(f, hoveredCluster, out.list, hits);
    out.list.items.insert(out.list.items.end(), std::make_move_iterator(trips.items.begin()), std::make_move_iterator(trips.items.end()));
    if (in.state.labels) {
        // Labels keep out of the panels, the caption and step number, the day caption, the
        // callouts, the markers, badges and arrows drawn so far, and where they can, the lines.
        std::vector<KindedBox> boxes;
        if (in.panels.hasSidebar()) boxes.push_back({BoxKind::Panel, in.panels.sidebar});
        if (in.panels.hasNotes()) boxes.push_back({BoxKind::Panel, in.panels.notes});
        for (const ScreenBox& b : in.overlays) boxes.push_back({BoxKind::Panel, b});
        for (const ScreenBox& b : in.blocked) boxes.push_back({BoxKind::Caption, b});
        for (const ScreenBox& b : covered) boxes.push_back({BoxKind::Caption, b});
        for (const ScreenBox& b : calloutBoxes) boxes.push_back({BoxKind::Callout, b});
        std::vector<LineSegment> lines;
        collectMarks(out.list, covered, boxes, lines);
        DisplayList labels;
        layoutLabels(f, hoveredCluster, hits, boxes, lines, out.list, labels, out);
        layoutPlaceNames(f, boxes, lines, out.list, out);
        out.list.items.insert(out.list.items.end(), std::make_move_iterator(labels.items.begin()), std::make_move_iterator(labels.items.end()));
    }
    out.list.items.insert(out.list.items.end(), std::make_move_iterator(calloutItems.items.begin()),
                          std::make_move_iterator(calloutItems.items.end()));
    // Under the panels: the software rasterizer then skips the map there.
    if (in.panels.hasNotes())
        out.list.add(draw::Cover{toFloat(in.panels.notes.min), toFloat(in.panels.notes.max), in.palette.interface.panel, false});
    if (in.panels.hasSidebar())
        out.list.add(draw::Cover{toFloat(in.panels.sidebar.min), toFloat(in.panels.sidebar.max), in.palette.interface.panel, true});
    return out;
}

} // namespace geo
