// Partnership links: a curved arc between the parties, coloured and dashed by kind; several
// links between the same places bowed apart (partnership_links.hpp).
#include "content_layout_parts.hpp"

#include <geo/base/format.hpp>
#include <geo/base/great_circle.hpp>
#include <geo/view/edge_marker.hpp>

#include <algorithm>

namespace geo::layout {

namespace {

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
    for (std::size_t i = 0; i < scene.links.size() && i < scene.linkWorld.size(); ++i) {
        if (!linkShown(state, briefing, scene.links[i]) || scene.linkWorld[i].empty()) continue;
        std::vector<glm::dvec2>& line = hits.links[i];
        for (const auto& w : scene.linkWorld[i]) line.push_back(f.in.camera.worldToScreen(w));
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
        // A story step's partnerships are its subject: never faint, even beside a trip.
        const bool highlighted = state.presenting && contains(state.highlightPartnerships, p.id);
        const bool faint = dimmed && !emphasis && !highlighted;
        const float width = (emphasis ? 6.0f : faint ? 2.5f : 4.0f) * s;
        // A white casing under every kind keeps the arcs readable over land and borders; a wider
        // yellow one marks the selected or hovered link.
        LineStyle style;
        style.colour = faint ? look.colour.withAlpha(0.3f) : look.colour;
        style.width = width;
        style.casing = emphasis ? pal.partnerships.emphasis : faint ? Color{0, 0, 0, 0} : pal.partnerships.casing;
        style.casingWidth = width + (emphasis ? 7.0f : 3.5f) * s;
        style.dash = look.dash * s * 1.6f;
        style.gap = 6.0f * s;
        f.line(out, pts, style);
    }
}

} // namespace geo::layout
