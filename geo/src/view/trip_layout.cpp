// The trips on the map: each shown trip's route in its own colour (flights as dashed
// great-circle arcs, ground legs as solid lines, an arrow on every leg, numbered stops), the
// delegation during playback with the day as a caption, and the legs to places off the map.
#include "content_layout_parts.hpp"

#include <geo/base/format.hpp>
#include <geo/base/projection.hpp>
#include <geo/briefing/vocabulary.hpp>
#include <geo/view/edge_marker.hpp>
#include <geo/view/screen_polyline.hpp>
#include <geo/view/site_clusters.hpp>

#include <algorithm>
#include <cmath>

namespace geo::layout {

namespace {

// "1·3·5" for scattered stops, "4~8" for a run, "1·4~8·16" mixed (1-based).
std::string stopNumbers(const std::vector<std::size_t>& sorted) {
    std::string out;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
        if (!out.empty()) out += "·";
        out += std::to_string(sorted[i] + 1);
        if (j >= i + 2) out += "~" + std::to_string(sorted[j] + 1);
        else if (j == i + 1) out += "·" + std::to_string(sorted[j] + 1);
        i = j + 1;
    }
    return out;
}

// A rounded badge with centred text (stop numbers), outlined.
void badge(const Frame& f, DisplayList& out, glm::vec2 centre, const std::string& text, Color fill, Color ink, Color outline,
           float minRadius) {
    const glm::vec2 ext = f.in.text.measure(text, FontRole::Badge, Face::Chinese);
    const float h = std::max(minRadius, ext.y * 0.5f + 1.0f);
    const float w = std::max(h, ext.x * 0.5f + h * 0.45f);
    const glm::vec2 p0(centre.x - w, centre.y - h), p1(centre.x + w, centre.y + h);
    out.add(draw::Rect{{p0.x - 1.5f, p0.y - 1.5f}, {p1.x + 1.5f, p1.y + 1.5f}, outline, h + 1.5f, {0, 0, 0, 0}, 0.0f});
    out.add(draw::Rect{p0, p1, fill, h, {0, 0, 0, 0}, 0.0f});
    draw::Text t;
    t.at = {centre.x - ext.x * 0.5f, centre.y - ext.y * 0.5f};
    t.text = text;
    t.role = FontRole::Badge;
    t.ink = ink;
    out.add(std::move(t));
}

struct Route {
    const Frame& f;
    const TripGeometry& trip;
    const Trip* source;
    Color colour;
    bool active;
};

void layoutRoute(const Route& r, DisplayList& out, std::vector<ScreenBox>& covered, std::vector<EdgeCallout>& callouts) {
    const Frame& f = r.f;
    const float s = f.s;
    const Palette& pal = f.palette();
    const Color c = r.colour;
    const Color faded = c.withAlpha(0.35f);
    const glm::dvec2 vp = f.viewport;
    const float vw = static_cast<float>(vp.x), vh = static_cast<float>(vp.y);
    const double t = r.active ? f.in.state.tripTime : 1e9;
    const float inset = 34.0f * s;
    const float bottomReserve = f.in.panels.bottomReserve;
    const TripRoute& route = r.trip.route;
    struct Arrow {
        glm::vec2 at, dir;
        Color colour;
    };
    std::vector<Arrow> arrows;

    for (std::size_t li = 0; li < route.legs.size() && li < r.trip.legWorld.size(); ++li) {
        const RouteLeg& leg = route.legs[li];
        const std::vector<glm::vec2> pts = f.toScreen(r.trip.legWorld[li]);
        if (pts.size() < 2) continue;
        const double t0 = route.stopTime[leg.fromStop], t1 = route.stopTime[leg.toStop];
        const bool done = t >= t1;
        const bool future = t <= t0;
        const float width = (r.active ? 4.5f : 3.5f) * s;
        LineStyle style;
        style.colour = future ? faded : c;
        style.width = width;
        style.casing = pal.trips.casing;
        style.casingWidth = width + 3.0f * s;
        if (leg.greatCircle) {
            style.dash = 16.0f * s;
            style.gap = 7.0f * s;
            style.casingDashed = true;
        }
        f.line(out, pts, style);
        // Travelled part of the current leg, solid over the faded line.
        if (!done && !future && t1 > t0) {
            const RoutePosition pos = positionAt(route, t);
            LineStyle travelled;
            travelled.colour = c;
            travelled.width = width;
            f.line(out, polylineHead(pts, static_cast<float>(pos.legFraction)), travelled);
        }
        // An arrow mid-leg (legs long enough to carry one) shows the direction of travel;
        // drawn after the route's lines, so that no leg covers another's arrow.
        glm::vec2 at, dir;
        const float len = polylineLength(pts);
        if (len > 60.0f * s && pointAlong(pts, 0.55f, at, dir) && at.x > 0 && at.y > 0 && at.x < vw && at.y < vh)
            arrows.push_back({at, dir, future ? faded : c});

        // Off the map: the leg leaves the free part of the screen (between the panels) towards a
        // stop that is not in it. The callout is drawn after every route, above them.
        const float x0 = f.in.panels.leftInset, x1 = vw - f.in.panels.rightInset;
        const glm::dvec2 end = f.in.camera.worldToScreen(r.trip.stopWorld[leg.toStop]);
        const double in = static_cast<double>(inset);
        const double dx0 = static_cast<double>(x0), dx1 = static_cast<double>(x1);
        const bool endVisible = finite(end) && end.x >= dx0 + in && end.y >= in && end.x <= dx1 - in &&
                                end.y <= vp.y - static_cast<double>(bottomReserve) - in;
        if (!endVisible && x1 - x0 > 4 * inset) {
            std::vector<glm::dvec2> line; // in the free area's own coordinates
            bool started = false;
            for (const glm::vec2& p : pts) {
                const bool inside = p.x >= x0 + inset && p.y >= inset && p.x <= x1 - inset && p.y <= vh - bottomReserve - inset;
                if (!started && !inside) continue;
                started = true;
                line.push_back({static_cast<double>(p.x - x0), static_cast<double>(p.y)});
            }
            // The free area ends above the presentation caption.
            const glm::dvec2 area(static_cast<double>(x1 - x0), vp.y - static_cast<double>(bottomReserve));
            if (const auto exit = edgeExit(line, area, in)) {
                const Site* site = r.source && leg.toStop < r.source->stops.size() ? f.briefing().findSite(r.source->stops[leg.toStop].siteId)
                                                                                   : nullptr;
                if (site) {
                    EdgeCallout callout;
                    callout.position = {static_cast<float>(exit->position.x) + x0, static_cast<float>(exit->position.y)};
                    callout.direction = {static_cast<float>(exit->direction.x), static_cast<float>(exit->direction.y)};
                    callout.text = std::string(displayName(*site, f.in.state.language)) + "  " + formatKm(leg.lengthKm);
                    callout.face = faceOf(displayLanguage(*site, f.in.state.language));
                    callout.colour = c;
                    callout.siteId = site->id;
                    callouts.push_back(std::move(callout));
                }
            }
        }
    }
    for (const Arrow& a : arrows) out.add(draw::Arrow{a.at, a.dir, 13.0f * s, a.colour, pal.map.paper});

    // Numbered stops: one badge per place ("1·16" where the trip passes twice), and places that
    // crowd on screen share one ("4~8" for a day of visits in one city).
    if (!r.source) return;
    std::vector<glm::dvec2> placeScreen;
    std::vector<int> placePriority;
    for (const StopGroup& g : r.trip.places) {
        const glm::dvec2 w = g.stops.empty() ? glm::dvec2(NAN, NAN) : r.trip.stopWorld[g.stops.front()];
        placeScreen.push_back(finite(w) ? f.in.camera.worldToScreen(w) : w);
        placePriority.push_back(static_cast<int>(g.stops.size()));
    }
    for (const ScreenCluster& cluster : clusterPoints(placeScreen, placePriority, 46.0 * static_cast<double>(s))) {
        const glm::dvec2 p = cluster.position;
        if (p.x < -40 || p.y < -40 || p.x > vp.x + 40 || p.y > vp.y + 40) continue;
        std::vector<std::size_t> stops;
        for (std::size_t m : cluster.members) stops.insert(stops.end(), r.trip.places[m].stops.begin(), r.trip.places[m].stops.end());
        std::sort(stops.begin(), stops.end());
        bool reached = false;
        for (std::size_t k : stops) reached = reached || route.stopTime[k] <= t;
        // Up-left of the site marker, so that both stay visible.
        const glm::vec2 centre(static_cast<float>(p.x) - 13.0f * s, static_cast<float>(p.y) - 15.0f * s);
        badge(f, out, centre, stopNumbers(stops), reached ? c : c.withAlpha(0.55f), pal.map.paper, pal.map.ink, 10.0f * s);
    }

    // The delegation during playback, and the day as a caption at the top of the map, large
    // enough for the back of the room.
    if (!r.active || f.in.state.tripTime >= static_cast<double>(route.days.size()) - 1e-6) return;
    const RoutePosition pos = positionAt(route, f.in.state.tripTime);
    const glm::dvec2 world = f.in.projection.forward(pos.lonLat);
    if (!finite(world)) return;
    const glm::vec2 p = toFloat(f.in.camera.worldToScreen(world));
    out.add(draw::FilledCircle{p, 13.0f * s, pal.map.ink});
    out.add(draw::FilledCircle{p, 11.0f * s, pal.map.paper});
    out.add(draw::FilledCircle{p, 7.5f * s, c});
    const std::string label = dayTitle(pos.day, route.days, f.in.state.language);
    const glm::vec2 ext = f.in.text.measure(label, FontRole::Large, Face::Interface);
    const float cx = (f.in.panels.leftInset + (vw - f.in.panels.rightInset)) * 0.5f;
    const glm::vec2 at(cx - ext.x * 0.5f, 14.0f * s + 6.0f * s);
    const glm::vec2 lo(at.x - 14 * s, at.y - 6 * s), hi(at.x + ext.x + 14 * s, at.y + ext.y + 6 * s);
    out.add(draw::Rect{lo, hi, pal.map.callout, 6 * s, c, 3.0f * s});
    draw::Text text;
    text.at = at;
    text.text = label;
    text.role = FontRole::Large;
    text.face = Face::Interface;
    text.ink = pal.map.ink;
    out.add(std::move(text));
    covered.push_back(box(lo, hi));
}

} // namespace

void layoutTrips(const Frame& f, DisplayList& out, std::vector<ScreenBox>& covered, std::vector<EdgeCallout>& callouts) {
    const ContentState& state = f.in.state;
    const auto& trips = f.in.scene.trips;
    const auto& source = f.briefing().trips;
    // Inactive trips first, the active one on top.
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t i = 0; i < trips.size() && i < source.size(); ++i) {
            const bool active = trips[i].id == state.activeTrip;
            if (pass == 0 ? (!state.shownTrips.count(trips[i].id) || active) : !active) continue;
            layoutRoute({f, trips[i], &source[i], f.palette().tripColour(i), active}, out, covered, callouts);
        }
}

} // namespace geo::layout
