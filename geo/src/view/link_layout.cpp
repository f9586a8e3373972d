// Partnership links: a curved arc between the parties, coloured and dashed by kind; links
// whose ends lie in the same two areas share a trunk, their lines side by side across it
// (partnership_links.hpp). Quiet at the regional zoom, full strength closer in and whenever
// a link is the subject (hovered, selected, filtered for, a story step's).
#include "content_layout_parts.hpp"

#include <geo/base/format.hpp>
#include <geo/base/great_circle.hpp>
#include <geo/view/edge_marker.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace geo::layout {

namespace {

constexpr float kWidth = 4.0f;         // a link at full strength, px at content scale 1
constexpr float kEmphasisWidth = 6.0f; // hovered or selected
constexpr float kFaintWidth = 2.5f;    // beside a trip on the map
constexpr double kLaneRamp = 24.0;     // px from an end over which a bundled line moves into its lane

float mix(float a, float b, float t) { return a + (b - a) * t; }

// A kind switched off or the year filter on: the links left are what the user asked for.
bool filtered(const ContentState& state) {
    return state.yearFilter || std::find(state.partnershipKinds.begin(), state.partnershipKinds.end(), false) != state.partnershipKinds.end();
}

// How strong the network is this frame, 0 (quiet) to 1 (full): with the zoom at interface scale 1.
float networkStrength(const Frame& f) {
    if (filtered(f.in.state)) return 1.0f;
    const double zoom = f.in.camera.zoom() - std::log2(std::max(static_cast<double>(f.s), 1e-3));
    return f.palette().partnerships.strength(zoom);
}

// Moves a bundled line into its lane: `offset` px to the left of the bundle's direction (to the
// right when the line runs against it), reached `ramp` px from either end (the ends stay on
// their sites).
void shiftIntoLane(std::vector<glm::dvec2>& line, double offset, double ramp) {
    const std::size_t n = line.size();
    if (n < 2 || offset == 0.0) return;
    std::vector<double> along(n, 0.0);
    for (std::size_t k = 1; k < n; ++k) along[k] = along[k - 1] + glm::length(line[k] - line[k - 1]);
    const std::vector<glm::dvec2> centre = line;
    for (std::size_t k = 0; k < n; ++k) {
        const glm::dvec2 tangent = centre[std::min(k + 1, n - 1)] - centre[k > 0 ? k - 1 : 0];
        const double length = glm::length(tangent);
        if (!(length > 0.0)) continue;
        // Screen y is down: the left of a direction (dx, dy) as seen on the map is (dy, -dx).
        const glm::dvec2 left{tangent.y / length, -tangent.x / length};
        const double x = std::clamp(std::min(along[k], along[n - 1] - along[k]) / ramp, 0.0, 1.0);
        line[k] = centre[k] + left * (offset * x * x * (3.0 - 2.0 * x));
    }
}

bool contains(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

bool linkShown(const ContentState& state, const Briefing& briefing, const PartnershipLink& link) {
    if (!state.partnerships || link.partnership >= briefing.partnerships.size()) return false;
    const Partnership& p = briefing.partnerships[link.partnership];
    // Presenting, only the step's partnerships (unless it highlights them all).
    if (state.presenting && !state.allPartnerships && !contains(state.highlightPartnerships, p.id)) return false;
    const auto k = static_cast<std::size_t>(p.kind);
    if (k < state.partnershipKinds.size() && !state.partnershipKinds[k]) return false;
    return !state.yearFilter || activeInYear(p, state.year);
}

} // namespace

void collectLinks(const Frame& f, HitIndex& hits, std::vector<EdgeCallout>& callouts) {
    const float s = f.s;
    const ContentState& state = f.in.state;
    const ContentScene& scene = f.in.scene;
    const Briefing& briefing = f.briefing();
    const glm::dvec2 vp = f.viewport;
    const double inset = 34.0 * static_cast<double>(s);
    const double x0 = static_cast<double>(f.in.panels.leftInset), x1 = vp.x - static_cast<double>(f.in.panels.rightInset);
    const double bottom = vp.y - static_cast<double>(f.in.panels.bottomReserve);
    auto inside = [&](glm::dvec2 p) { return finite(p) && p.x >= x0 + inset && p.x <= x1 - inset && p.y >= inset && p.y <= bottom - inset; };
    hits.links.assign(scene.links.size(), {});
    hits.linkIds = scene.linkIds;
    hits.linkRadius = 8.0;
    // The lanes of a bundle, as far apart as the lines are wide this frame (not with a hovered
    // line's width: the geometry stays put under the pointer).
    const Palette::Partnerships& look = f.palette().partnerships;
    const double lane = static_cast<double>((kWidth * mix(look.quietWidth, 1.0f, networkStrength(f)) + look.laneGap) * s);
    for (std::size_t i = 0; i < scene.links.size() && i < scene.linkWorld.size(); ++i) {
        if (!linkShown(state, briefing, scene.links[i]) || scene.linkWorld[i].empty()) continue;
        std::vector<glm::dvec2>& line = hits.links[i];
        for (const auto& w : scene.linkWorld[i]) line.push_back(f.in.camera.worldToScreen(w));
        const PartnershipLink& link = scene.links[i];
        if (link.bundle >= 0 && link.bundleSize > 1) {
            const double offset = (link.bundleLane - (link.bundleSize - 1) * 0.5) * lane;
            shiftIntoLane(line, link.bundleReversed ? -offset : offset, kLaneRamp * static_cast<double>(s));
        }
        // The subject of the moment (selected, or a story step's) reaching a place off the map: say where.
        const Partnership& p = briefing.partnerships[scene.links[i].partnership];
        const bool subject = p.id == state.selectedPartnership ||
                             (state.presenting && (state.allPartnerships || contains(state.highlightPartnerships, p.id)));
        if (!subject || line.empty() || inside(line.front()) == inside(line.back()) || x1 - x0 <= 4 * inset) continue;
        const bool forward = inside(line.front());
        const std::size_t farSite = forward ? scene.links[i].toSite : scene.links[i].fromSite;
        const std::size_t nearSite = forward ? scene.links[i].fromSite : scene.links[i].toSite;
        std::vector<glm::dvec2> local;
        for (std::size_t k = 0; k < line.size(); ++k) {
            const glm::dvec2 q = line[forward ? k : line.size() - 1 - k];
            local.push_back({q.x - x0, q.y});
        }
        if (const auto exit = edgeExit(local, {x1 - x0, bottom}, inset)) {
            const Site& far = briefing.sites[farSite];
            const Site& near = briefing.sites[nearSite];
            EdgeCallout callout;
            callout.position = {static_cast<float>(exit->position.x + x0), static_cast<float>(exit->position.y)};
            callout.direction = {static_cast<float>(exit->direction.x), static_cast<float>(exit->direction.y)};
            callout.text = std::string(displayName(far, state.language)) + "  " +
                           formatKm(greatCircleDistanceKm({near.lon, near.lat}, {far.lon, far.lat}));
            callout.face = faceOf(displayLanguage(far, state.language));
            callout.colour = f.palette().link(p.kind).colour;
            callout.siteId = far.id;
            callouts.push_back(std::move(callout));
        }
    }
}

void emitLinks(const Frame& f, const HitIndex& hits, const std::optional<std::string>& hovered, DisplayList& out) {
    const float s = f.s;
    const ContentState& state = f.in.state;
    const ContentScene& scene = f.in.scene;
    const Palette& pal = f.palette();
    // With a trip on the map, the partnership network steps back.
    const bool dimmed = !state.activeTrip.empty();
    const float network = networkStrength(f);
    // Every quiet casing first, then every line over them, so that the lines of a bundle lie side
    // by side on one pale band; a hovered or selected link last of all, over its neighbours.
    std::vector<std::pair<std::vector<glm::vec2>, LineStyle>> casings, lines, top;
    for (std::size_t i = 0; i < hits.links.size() && i < scene.links.size(); ++i) {
        const std::vector<glm::dvec2>& line = hits.links[i];
        if (line.empty()) continue;
        std::vector<glm::vec2> pts;
        pts.reserve(line.size());
        for (const glm::dvec2& p : line)
            pts.push_back({static_cast<float>(std::clamp(p.x, -1e6, 1e6)), static_cast<float>(std::clamp(p.y, -1e6, 1e6))});
        const Partnership& p = f.briefing().partnerships[scene.links[i].partnership];
        const LinkLook& look = pal.link(p.kind);
        const bool emphasis = p.id == state.selectedPartnership || (hovered && *hovered == p.id);
        // A story step's partnerships are its subject: full strength, never faint, even beside a trip.
        const bool highlighted = state.presenting && (state.allPartnerships || contains(state.highlightPartnerships, p.id));
        const bool faint = dimmed && !emphasis && !highlighted;
        const float strength = emphasis || highlighted ? 1.0f : network;
        const float opacity = faint ? 0.3f : mix(pal.partnerships.quietOpacity, 1.0f, strength);
        const float width = emphasis ? kEmphasisWidth * s
                                     : std::min(kWidth * mix(pal.partnerships.quietWidth, 1.0f, strength), faint ? kFaintWidth : kWidth) * s;
        // A white casing under every kind keeps the arcs readable over land and borders; a wider
        // yellow one marks the selected or hovered link.
        LineStyle style;
        style.colour = look.colour.withAlpha(opacity);
        style.width = width;
        style.dash = look.dash * s * 1.6f;
        style.gap = 6.0f * s;
        if (emphasis) {
            style.casing = pal.partnerships.emphasis;
            style.casingWidth = width + 7.0f * s;
            top.emplace_back(std::move(pts), style);
            continue;
        }
        if (!faint) {
            LineStyle casing;
            casing.colour = pal.partnerships.casing.withAlpha(opacity);
            casing.width = width + mix(2.0f, 3.5f, strength) * s;
            casings.emplace_back(pts, casing);
        }
        lines.emplace_back(std::move(pts), style);
    }
    for (auto* pass : {&casings, &lines, &top})
        for (const auto& [pts, style] : *pass) f.line(out, pts, style);
}

} // namespace geo::layout
