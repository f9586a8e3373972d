// Site labels, placed against the whole picture: the markers, badges and arrows, the edge
// callouts, the captions, the panels and the lines. A label never covers any of them (the
// selected site's may cover a marker or a badge, when it fits nowhere else); it crosses a
// line only when no free place is left, and the line is then knocked out under it, halo
// and all, so that no stroke runs through the text.
#include "content_layout_parts.hpp"

#include <geo/view/screen_polyline.hpp>

#include <algorithm>
#include <chrono>

namespace geo::layout {

namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

ScreenBox around(glm::vec2 centre, float radius) {
    const glm::dvec2 c(centre), r(static_cast<double>(radius));
    return ScreenBox{c - r, c + r};
}

bool sameBox(const ScreenBox& a, const ScreenBox& b) {
    // A day caption's rectangle is its covered box; a badge's outline is 1.5 px outside its fill.
    return std::abs(a.min.x - b.min.x) < 2.0 && std::abs(a.min.y - b.min.y) < 2.0 && std::abs(a.max.x - b.max.x) < 2.0 &&
           std::abs(a.max.y - b.max.y) < 2.0;
}

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

void collectMarks(const DisplayList& list, const std::vector<ScreenBox>& skip, std::vector<KindedBox>& boxes,
                  std::vector<LineSegment>& lines) {
    for (const DisplayItem& item : list.items) {
        std::visit(Overloaded{
                       [&](const draw::Line& l) {
                           const double half = 0.5 * static_cast<double>(std::max(l.style.width, l.style.casing.visible() ? l.style.casingWidth : 0.0f));
                           for (std::size_t i = 1; i < l.points.size(); ++i)
                               lines.push_back({glm::dvec2(l.points[i - 1]), glm::dvec2(l.points[i]), half});
                       },
                       [&](const draw::Disc& d) {
                           const DiscStyle& s = d.style;
                           boxes.push_back({BoxKind::Marker, around(d.centre, std::max({s.fillRadius, s.ringRadius, s.rimRadius, s.outerRadius}))});
                       },
                       [&](const draw::Circle& c) { boxes.push_back({BoxKind::Marker, around(c.centre, c.radius + c.width * 0.5f)}); },
                       [&](const draw::FilledCircle& c) { boxes.push_back({BoxKind::Marker, around(c.centre, c.radius)}); },
                       [&](const draw::Arrow& a) {
                           const glm::vec2 n(-a.direction.y, a.direction.x), back = a.tip - a.direction * a.size;
                           const glm::vec2 p = back + n * (a.size * 0.55f), q = back - n * (a.size * 0.55f);
                           ScreenBox b;
                           b.min = glm::dvec2(std::min({a.tip.x, p.x, q.x}), std::min({a.tip.y, p.y, q.y}));
                           b.max = glm::dvec2(std::max({a.tip.x, p.x, q.x}), std::max({a.tip.y, p.y, q.y}));
                           boxes.push_back({BoxKind::Marker, b});
                       },
                       [&](const draw::Rect& r) {
                           const ScreenBox b = box(r.min, r.max);
                           if (std::none_of(skip.begin(), skip.end(), [&](const ScreenBox& s) { return sameBox(s, b); }))
                               boxes.push_back({BoxKind::Badge, b});
                       },
                       [](const auto&) {},
                   },
                   item);
    }
}

void layoutLabels(const Frame& f, std::optional<std::size_t> hovered, const HitIndex& hits, const std::vector<KindedBox>& boxes,
                  const std::vector<LineSegment>& lines, DisplayList& under, DisplayList& out, ContentLayout& result) {
    const auto t0 = std::chrono::steady_clock::now();
    const float s = f.s;
    const ContentState& state = f.in.state;
    const auto& sites = f.briefing().sites;
    const glm::dvec2 viewport = f.viewport;
    struct Text {
        std::string text;
        FontRole role;
        Face face;
        std::size_t site;
    };
    std::vector<Text> texts;
    std::vector<LabelRequest> requests;
    LabelPlacementOptions options;
    options.viewport = viewport;
    options.padding = 3.0 * static_cast<double>(s);
    options.lines = lines;
    // Markers and badges only the selected site's label may cover (when it fits nowhere else);
    // callouts, captions and panels none.
    for (const KindedBox& b : boxes)
        (b.kind == BoxKind::Marker || b.kind == BoxKind::Badge ? options.avoid : options.blocked).push_back(b.box);
    for (std::size_t ci = 0; ci < hits.clusters.size(); ++ci) {
        const ScreenCluster& c = hits.clusters[ci];
        if (c.position.x < -200 || c.position.y < -200 || c.position.x > viewport.x + 200 || c.position.y > viewport.y + 200)
            continue;
        const Site& site = sites[c.leader];
        const MarkerLook look = f.palette().marker(site);
        const std::string name(displayName(site, state.language));
        const Face face = faceOf(displayLanguage(site, state.language));
        const bool isSelected = site.id == state.selectedSite || contains(state.highlightSites, site.id);
        // Clear of the marker's rings: the major places' dark ring, the highlight and selection rings.
        const double ring = isSelected ? 10.0 : site.major ? 6.0 : 3.5;
        const double r = static_cast<double>(look.radius * s) + ring * static_cast<double>(s);
        // The main cities (and the selection) in the large size; a town or venue in the label size.
        const FontRole role = site.major || isSelected ? FontRole::Large : FontRole::Label;
        const glm::vec2 ext = f.in.text.measure(name, role, face);
        LabelRequest q;
        q.id = texts.size();
        q.anchor = c.position;
        q.size = {static_cast<double>(ext.x), static_cast<double>(ext.y)};
        q.gap = r + 2.0 * static_cast<double>(s);
        // The hierarchy: the selection and a story step's sites, the hovered one, the seven main
        // cities, then parks, fabs and universities, then the rest; a group before a lone place.
        q.priority = isSelected ? 1000 : hovered == ci ? 900 : look.rank * 100 + static_cast<int>(std::min<std::size_t>(c.members.size(), 50));
        q.required = isSelected;
        requests.push_back(q);
        texts.push_back({name, role, face, c.leader});
    }
    result.labels = placeLabels(requests, options);
    result.labelMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const float halo = std::max(1.5f, f.palette().map.labelHaloWidth * s);
    std::vector<std::pair<glm::vec2, glm::vec2>> knockouts;
    for (const PlacedLabel& l : result.labels) {
        const Text& t = texts[l.id];
        result.labelSites.push_back(t.site);
        draw::Text item;
        item.at = toFloat(l.box.min);
        item.text = t.text;
        item.role = t.role;
        item.face = t.face;
        item.ink = f.palette().map.ink;
        item.halo = halo;
        item.haloColour = f.palette().map.labelHalo;
        out.add(std::move(item));
        if (l.crossesLine) knockouts.emplace_back(toFloat(l.box.min) - (halo + 1.0f), toFloat(l.box.max) + (halo + 1.0f));
    }
    // The lines under a label that had to cross them stop at its halo's edge.
    if (!knockouts.empty()) {
        std::vector<DisplayItem> items;
        items.reserve(under.items.size());
        for (DisplayItem& item : under.items) {
            auto* line = std::get_if<draw::Line>(&item);
            if (!line) {
                items.push_back(std::move(item));
                continue;
            }
            for (ClippedRun& run : knockOutPolyline(line->points, knockouts, line->phase))
                items.emplace_back(draw::Line{std::move(run.points), line->style, run.startLength});
        }
        under.items = std::move(items);
    }
    result.placement = boxes;
    for (const PlacedLabel& l : result.labels) result.placement.push_back({BoxKind::Label, l.box});
}

void layoutPlaceNames(const Frame& f, const std::vector<KindedBox>& boxes, const std::vector<LineSegment>& lines, DisplayList& out,
                      ContentLayout& result) {
    const BasePlaces* places = f.in.places;
    if (!places || !places->shownAt(f.in.camera.zoom())) return;
    const float s = f.s;
    const Language language = f.in.state.language;
    LabelPlacementOptions options;
    options.viewport = f.viewport;
    options.padding = 3.0 * static_cast<double>(s);
    options.lines = lines;
    for (const KindedBox& b : boxes) options.blocked.push_back(b.box);
    for (const PlacedLabel& l : result.labels) options.placed.push_back(l.box);
    std::vector<LabelRequest> requests;
    struct Name {
        const std::string* text;
        Face face;
    };
    std::vector<Name> which;
    const double margin = 40.0 * static_cast<double>(s);
    for (std::size_t i = 0; i < places->names.size() && i < places->world.size(); ++i) {
        if (!finite(places->world[i])) continue;
        const glm::dvec2 p = f.in.camera.worldToScreen(places->world[i]);
        if (p.x < -margin || p.y < -margin || p.x > f.viewport.x + margin || p.y > f.viewport.y + margin) continue;
        const PlaceName& place = places->names[i];
        const PickedText picked = pickFallback(place.zh, place.ja, place.en, language);
        if (picked.text->empty()) continue;
        const Face face = faceOf(picked.language); // a Taiwanese name in the Chinese face, even for a Japanese audience
        const glm::vec2 ext = f.in.text.measure(*picked.text, FontRole::Label, face);
        LabelRequest q;
        q.id = which.size();
        q.anchor = p;
        q.size = {static_cast<double>(ext.x), static_cast<double>(ext.y)};
        q.centred = true;
        q.priority = -static_cast<int>(std::min<std::size_t>(i, 1000000)); // by rank: the list is sorted
        q.mayCrossLines = false;
        q.clearance = 16.0 * static_cast<double>(s); // room around each: a quiet layer, never a crowd
        requests.push_back(q);
        which.push_back({picked.text, face});
    }
    const std::vector<PlacedLabel> placed = placeLabels(requests, options);
    for (const PlacedLabel& l : placed) {
        draw::Text item;
        item.at = toFloat(l.box.min);
        item.text = *which[l.id].text;
        item.role = FontRole::Label;
        item.face = which[l.id].face;
        // The map's ink: a lighter grey fell under 4.5:1 against the halo once a projector washed
        // it out (the render cases measure it). They give way to the site labels instead.
        item.ink = f.palette().map.ink;
        item.halo = std::max(1.5f, f.palette().map.labelHaloWidth * s);
        item.haloColour = f.palette().map.labelHalo;
        out.add(std::move(item));
        result.placement.push_back({BoxKind::Label, l.box});
    }
}

} // namespace geo::layout
