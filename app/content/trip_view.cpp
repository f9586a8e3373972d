#include "content/trip_view.hpp"

#include "gl/content_renderer.hpp"
#include "text/font_set.hpp"
#include "content/map_draw.hpp"
#include "text/text_layout.hpp"
#include "text/ui_text.hpp"

#include <geo/view/camera.hpp>
#include <geo/view/edge_marker.hpp>
#include <geo/base/great_circle.hpp>
#include <geo/base/projection.hpp>
#include <geo/view/site_clusters.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace app {

namespace {

constexpr ImU32 kInk = IM_COL32(25, 35, 45, 255);
constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kCasing = IM_COL32(255, 255, 255, 220);
const ImVec4 kMuted(0.33f, 0.37f, 0.42f, 1.0f);

// Okabe–Ito colours: distinct for colour-blind viewers and on a washed-out projector.
constexpr std::array<ImU32, 6> kTripColours{{
    IM_COL32(213, 94, 0, 255),   // vermillion
    IM_COL32(0, 114, 178, 255),  // blue
    IM_COL32(0, 158, 115, 255),  // bluish green
    IM_COL32(204, 121, 167, 255),// reddish purple
    IM_COL32(230, 159, 0, 255),  // orange
    IM_COL32(86, 180, 233, 255), // sky blue
}};

std::vector<ImVec2> toScreen(const geo::Camera& camera, const std::vector<glm::dvec2>& world) {
    std::vector<ImVec2> out;
    out.reserve(world.size());
    for (const auto& w : world) {
        if (!isFinite(w)) continue;
        const glm::dvec2 p = camera.worldToScreen(w);
        // Far off-screen points (the far side of a Pacific flight) stay finite floats.
        out.push_back(ImVec2(static_cast<float>(std::clamp(p.x, -1e6, 1e6)), static_cast<float>(std::clamp(p.y, -1e6, 1e6))));
    }
    return out;
}

std::string dayTitle(const geo::TripRoute& route, int day, geo::Language language) {
    std::string s = ui(Ui::Day, language);
    const auto at = s.find("%d");
    if (at != std::string::npos) s.replace(at, 2, std::to_string(day + 1));
    if (day >= 0 && static_cast<std::size_t>(day) < route.days.size()) s += "  " + route.days[static_cast<std::size_t>(day)].toString();
    return s;
}

// "1·3·5" for scattered stops, "4-8" for a run, "1·4-8·16" mixed (1-based).
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

} // namespace

ImU32 TripView::colour(std::size_t tripIndex) { return kTripColours[tripIndex % kTripColours.size()]; }

void TripView::rebuild(const geo::Briefing& briefing, const geo::Projection& projection) {
    m_routes.clear();
    for (const geo::Trip& trip : briefing.trips) {
        Route r;
        r.id = trip.id;
        r.route = geo::buildTripRoute(briefing, trip);
        r.stopWorld = r.route.stopLonLat;
        projection.forward(r.stopWorld);
        for (const auto& leg : r.route.legs) {
            std::vector<glm::dvec2> w = leg.lonLat;
            projection.forward(w);
            r.legWorld.push_back(std::move(w));
        }
        r.places = geo::stopsByPlace(trip);
        m_routes.push_back(std::move(r));
    }
    // Forget trips that are gone.
    for (auto it = m_shown.begin(); it != m_shown.end();)
        it = briefing.findTrip(*it) ? std::next(it) : m_shown.erase(it);
    if (!m_active.empty() && !briefing.findTrip(m_active)) m_active.clear();
    if (const Route* r = findRoute(m_active)) m_t = std::clamp(m_t, 0.0, static_cast<double>(r->route.days.size()));
}

const TripView::Route* TripView::findRoute(std::string_view id) const {
    for (const auto& r : m_routes)
        if (r.id == id) return &r;
    return nullptr;
}

CameraRequest TripView::frameRequest(const Route& r, const std::vector<std::size_t>& stops) const {
    CameraRequest req;
    for (std::size_t i : stops)
        if (i < r.stopWorld.size() && isFinite(r.stopWorld[i])) req.box.extend(r.stopWorld[i]);
    req.minMpp = 400.0; // a trip in one place (a forum) still shows its region
    return req;
}

bool TripView::activate(const geo::Briefing& briefing, std::string_view tripId, ContentActions& actions, bool frame) {
    const Route* r = findRoute(tripId);
    if (!r || !briefing.findTrip(tripId)) return false;
    m_shown.insert(std::string(tripId));
    m_active = std::string(tripId);
    m_t = static_cast<double>(std::max<std::size_t>(r->route.days.size(), 1)); // the whole route
    m_playing = false;
    if (frame) actions.camera = frameRequest(*r, geo::framedStops(r->route));
    return true;
}

void TripView::setShown(std::string_view tripId, bool on) {
    if (on) m_shown.insert(std::string(tripId));
    else {
        m_shown.erase(std::string(tripId));
        if (m_active == tripId) m_active.clear();
    }
}

void TripView::setTime(double tDays) {
    const Route* r = findRoute(m_active);
    const double end = r ? static_cast<double>(std::max<std::size_t>(r->route.days.size(), 1)) : 0.0;
    m_t = std::clamp(tDays, 0.0, end);
}

void TripView::showDay(int day) {
    setTime(static_cast<double>(day) + 0.999); // the end of that day, before midnight
    m_playing = false;
}

std::optional<CameraRequest> TripView::dayFrame(int day) const {
    const Route* r = findRoute(m_active);
    if (!r) return std::nullopt;
    std::vector<std::size_t> stops;
    for (std::size_t q = 0; q < r->route.stopDay.size(); ++q)
        if (r->route.stopDay[q] == day) stops.push_back(q);
    // Leave out stops far off the map (the day of the flight to Arizona frames its departure).
    std::vector<std::size_t> framed;
    for (std::size_t q : stops)
        if (geo::inBriefingRegion(r->route.stopLonLat[q])) framed.push_back(q);
    if (framed.empty()) return std::nullopt;
    CameraRequest req = frameRequest(*r, framed);
    req.minMpp = 120.0; // a day in one city still shows the city
    return req;
}

void TripView::togglePlay() {
    const Route* r = findRoute(m_active);
    if (!r) return;
    const double end = static_cast<double>(std::max<std::size_t>(r->route.days.size(), 1));
    if (!m_playing && m_t >= end - 1e-3) m_t = 0.0; // at the end: play from the start
    m_playing = !m_playing;
}

bool TripView::update(float dt) {
    if (!m_playing) return false;
    const Route* r = findRoute(m_active);
    if (!r) {
        m_playing = false;
        return false;
    }
    const double end = static_cast<double>(std::max<std::size_t>(r->route.days.size(), 1));
    m_t = std::min(end, m_t + static_cast<double>(dt) * static_cast<double>(m_speed));
    if (m_t >= end) m_playing = false;
    return true;
}

void TripView::drawRoute(ImDrawList* dl, const MapContext& ctx, const geo::Briefing& briefing, const Route& r,
                         std::size_t tripIndex, bool active) {
    const float s = ctx.scale;
    const ImU32 c = colour(tripIndex);
    const ImU32 faded = withAlpha(c, 0.35f);
    const glm::dvec2 vp = ctx.camera.viewport();
    const float vw = static_cast<float>(vp.x), vh = static_cast<float>(vp.y);
    const double t = active ? m_t : 1e9;
    const float inset = 34.0f * s;
    ContentRenderer& gl = ContentRenderer::instance();
    struct Arrow {
        ImVec2 at, dir;
        ImU32 colour;
    };
    std::vector<Arrow> arrows;

    for (std::size_t li = 0; li < r.route.legs.size(); ++li) {
        const geo::RouteLeg& leg = r.route.legs[li];
        const std::vector<ImVec2> pts = toScreen(ctx.camera, r.legWorld[li]);
        if (pts.size() < 2) continue;
        const double t0 = r.route.stopTime[leg.fromStop], t1 = r.route.stopTime[leg.toStop];
        const bool done = t >= t1;
        const bool future = t <= t0;
        const ImU32 lineColour = future ? faded : c;
        const float width = (active ? 4.5f : 3.5f) * s;
        if (gl.active()) {
            LineStyle style;
            style.colour = lineColour;
            style.width = width;
            style.casing = kCasing;
            style.casingWidth = width + 3.0f * s;
            if (leg.greatCircle) {
                style.dash = 16.0f * s;
                style.gap = 7.0f * s;
                style.casingDashed = true;
            }
            gl.line(pts, style);
        } else if (leg.greatCircle) {
            drawDashedLine(dl, pts, kCasing, width + 3.0f * s, 16.0f * s, 7.0f * s);
            drawDashedLine(dl, pts, lineColour, width, 16.0f * s, 7.0f * s);
        } else {
            drawCasedLine(dl, pts, lineColour, width, kCasing, width + 3.0f * s);
        }
        // Travelled part of the current leg, solid over the faded line.
        if (!done && !future && t1 > t0) {
            const geo::RoutePosition pos = geo::positionAt(r.route, t);
            const std::vector<ImVec2> part = polylineHead(pts, static_cast<float>(pos.legFraction));
            if (gl.active()) {
                LineStyle style;
                style.colour = c;
                style.width = width;
                gl.line(part, style);
            } else if (part.size() >= 2) {
                dl->AddPolyline(part.data(), static_cast<int>(part.size()), c, ImDrawFlags_None, width);
            }
        }
        // An arrow mid-leg (legs long enough to carry one) shows the direction of travel;
        // drawn after the route's lines, so that no leg covers another's arrow.
        ImVec2 at, dir;
        const float len = polylineLength(pts);
        if (len > 60.0f * s && pointAlong(pts, 0.55f, at, dir) && at.x > 0 && at.y > 0 && at.x < vw && at.y < vh)
            arrows.push_back({at, dir, future ? faded : c});

        // Off the map: the leg leaves the free part of the screen (between the panels) towards
        // a stop that is not in it. The callout is drawn after every route, above them.
        const float x0 = m_captionLeft, x1 = vw - m_captionRight;
        const glm::dvec2 end = ctx.camera.worldToScreen(r.stopWorld[leg.toStop]);
        const double in = static_cast<double>(inset);
        const double dx0 = static_cast<double>(x0), dx1 = static_cast<double>(x1);
        const bool endVisible = isFinite(end) && end.x >= dx0 + in && end.y >= in && end.x <= dx1 - in &&
                                end.y <= vp.y - static_cast<double>(ctx.bottomReserve) - in;
        if (!endVisible && x1 - x0 > 4 * inset) {
            std::vector<glm::dvec2> line; // in the free area's own coordinates
            bool started = false;
            for (const ImVec2& p : pts) {
                const bool inside = p.x >= x0 + inset && p.y >= inset && p.x <= x1 - inset && p.y <= vh - ctx.bottomReserve - inset;
                if (!started && !inside) continue;
                started = true;
                line.push_back({static_cast<double>(p.x - x0), static_cast<double>(p.y)});
            }
            // The free area ends above the presentation caption.
            const glm::dvec2 area(static_cast<double>(x1 - x0), vp.y - static_cast<double>(ctx.bottomReserve));
            if (const auto exit = geo::edgeExit(line, area, in)) {
                const geo::Trip* trip = briefing.findTrip(r.id);
                const geo::Site* site = trip ? briefing.findSite(trip->stops[leg.toStop].siteId) : nullptr;
                if (site) {
                    const LocalName name = localName(*site, ctx.language);
                    EdgeCallout callout;
                    callout.position = {static_cast<float>(exit->position.x) + x0, static_cast<float>(exit->position.y)};
                    callout.direction = {static_cast<float>(exit->direction.x), static_cast<float>(exit->direction.y)};
                    callout.text = name.text + "  " + formatKm(leg.lengthKm);
                    callout.japanese = name.language == geo::Language::Ja;
                    callout.colour = c;
                    callout.siteId = site->id;
                    m_callouts.push_back(std::move(callout));
                }
            }
        }
    }

    gl.flush(dl);
    for (const Arrow& a : arrows) drawArrowhead(dl, a.at, a.dir, 13.0f * s, a.colour, kWhite);

    // Numbered stops: one badge per place ("1·16" where the trip passes twice), and places
    // that crowd on screen share one ("4~8" for a day of visits in one city).
    const geo::Trip* trip = briefing.findTrip(r.id);
    if (!trip) return;
    ImFont* badgeFont = ctx.fonts.badge();
    std::vector<glm::dvec2> placeScreen;
    std::vector<int> placePriority;
    for (const geo::StopGroup& g : r.places) {
        const glm::dvec2 w = g.stops.empty() ? glm::dvec2(NAN, NAN) : r.stopWorld[g.stops.front()];
        placeScreen.push_back(isFinite(w) ? ctx.camera.worldToScreen(w) : w);
        placePriority.push_back(static_cast<int>(g.stops.size()));
    }
    for (const geo::ScreenCluster& cluster : geo::clusterPoints(placeScreen, placePriority, 46.0 * static_cast<double>(s))) {
        const glm::dvec2 p = cluster.position;
        if (p.x < -40 || p.y < -40 || p.x > vp.x + 40 || p.y > vp.y + 40) continue;
        std::vector<std::size_t> stops;
        for (std::size_t m : cluster.members) stops.insert(stops.end(), r.places[m].stops.begin(), r.places[m].stops.end());
        std::sort(stops.begin(), stops.end());
        bool reached = false;
        for (std::size_t k : stops) reached = reached || r.route.stopTime[k] <= t;
        const std::string text = stopNumbers(stops);
        ctx.fonts.require(text);
        // Offset up-left of the site marker so that both stay visible.
        const ImVec2 centre(static_cast<float>(p.x) - 13.0f * s, static_cast<float>(p.y) - 15.0f * s);
        drawBadge(dl, badgeFont, badgeFont->FontSize, centre, text, reached ? c : withAlpha(c, 0.55f), kWhite, kInk, 10.0f * s);
    }

    // The delegation during playback.
    if (active && m_t < static_cast<double>(r.route.days.size()) - 1e-6) {
        const geo::RoutePosition pos = geo::positionAt(r.route, m_t);
        glm::dvec2 world = ctx.projection.forward(pos.lonLat);
        if (isFinite(world)) {
            const ImVec2 p = toIm(ctx.camera.worldToScreen(world));
            dl->AddCircleFilled(p, 13.0f * s, kInk, 32);
            dl->AddCircleFilled(p, 11.0f * s, kWhite, 32);
            dl->AddCircleFilled(p, 7.5f * s, c, 32);
            // The day as a caption at the top of the map, large enough for the back of the room.
            const std::string label = dayTitle(r.route, pos.day, ctx.language);
            ctx.fonts.require(label);
            ImFont* captionFont = ctx.fonts.large();
            const ImVec2 ext = captionFont->CalcTextSizeA(captionFont->FontSize, 1e9f, 0.0f, label.c_str(), label.c_str() + label.size());
            const float cx = (m_captionLeft + (vw - m_captionRight)) * 0.5f;
            const ImVec2 at(cx - ext.x * 0.5f, 14.0f * s + 6.0f * s);
            dl->AddRectFilled(ImVec2(at.x - 14 * s, at.y - 6 * s), ImVec2(at.x + ext.x + 14 * s, at.y + ext.y + 6 * s),
                              IM_COL32(255, 255, 255, 240), 6 * s);
            dl->AddRect(ImVec2(at.x - 14 * s, at.y - 6 * s), ImVec2(at.x + ext.x + 14 * s, at.y + ext.y + 6 * s), c, 6 * s, 0,
                        3.0f * s);
            dl->AddText(captionFont, captionFont->FontSize, at, kInk, label.c_str(), label.c_str() + label.size());
            m_caption.min = {static_cast<double>(at.x - 14 * s), static_cast<double>(at.y - 6 * s)};
            m_caption.max = {static_cast<double>(at.x + ext.x + 14 * s), static_cast<double>(at.y + ext.y + 6 * s)};
        }
    }
}

void TripView::layoutCallouts(const MapContext& ctx) {
    const float s = ctx.scale;
    const glm::dvec2 vp = ctx.camera.viewport();
    const float vw = static_cast<float>(vp.x), vh = static_cast<float>(vp.y);
    const float x0 = m_captionLeft, x1 = vw - m_captionRight;
    m_placed.clear();
    m_calloutBoxes.clear();
    for (const EdgeCallout& co : m_callouts) {
        PlacedCallout pc;
        pc.dir = ImVec2(co.direction.x, co.direction.y);
        pc.tip = ImVec2(co.position.x + pc.dir.x * 18.0f * s, co.position.y + pc.dir.y * 18.0f * s);
        ctx.fonts.require(co.text);
        pc.font = ctx.fonts.label(co.japanese ? Face::Jp : Face::Tc);
        const float size = pc.font->FontSize;
        pc.ext = pc.font->CalcTextSizeA(size, 1e9f, 0.0f, co.text.c_str(), co.text.c_str() + co.text.size());
        // Inside the free area, beside the arrow, on the side away from the edge; below any callout already there.
        const ImVec2 d = pc.dir, ext = pc.ext;
        ImVec2 p(co.position.x - d.x * (ext.x * 0.5f + 30.0f * s) - ext.x * 0.5f,
                 co.position.y - d.y * (ext.y * 0.5f + 30.0f * s) - ext.y * 0.5f);
        p.x = std::clamp(p.x, x0 + 4.0f * s, std::max(x0 + 4.0f * s, x1 - ext.x - 10.0f * s));
        p.y = std::clamp(p.y, 8.0f * s, std::max(8.0f * s, vh - ctx.bottomReserve - ext.y - 8.0f * s));
        for (const geo::ScreenBox& q : m_calloutBoxes)
            if (static_cast<double>(p.x) < q.max.x && q.min.x < static_cast<double>(p.x + ext.x) &&
                static_cast<double>(p.y) < q.max.y && q.min.y < static_cast<double>(p.y + ext.y))
                p.y = static_cast<float>(q.max.y) + 10.0f * s;
        pc.at = p;
        geo::ScreenBox box;
        box.min = {static_cast<double>(p.x - 6 * s), static_cast<double>(p.y - 3 * s)};
        box.max = {static_cast<double>(p.x + ext.x + 6 * s), static_cast<double>(p.y + ext.y + 3 * s)};
        m_calloutBoxes.push_back(box);
        m_placed.push_back(pc);
    }
}

void TripView::drawCallouts(ImDrawList* dl, const MapContext& ctx) {
    const float s = ctx.scale;
    for (std::size_t i = 0; i < m_placed.size() && i < m_callouts.size(); ++i) {
        const EdgeCallout& co = m_callouts[i];
        const PlacedCallout& pc = m_placed[i];
        const ImVec2 p = pc.at, ext = pc.ext;
        drawArrowhead(dl, pc.tip, pc.dir, 26.0f * s, co.colour, kWhite);
        dl->AddRectFilled(ImVec2(p.x - 6 * s, p.y - 3 * s), ImVec2(p.x + ext.x + 6 * s, p.y + ext.y + 3 * s),
                          IM_COL32(255, 255, 255, 240), 4 * s);
        dl->AddRect(ImVec2(p.x - 6 * s, p.y - 3 * s), ImVec2(p.x + ext.x + 6 * s, p.y + ext.y + 3 * s), co.colour, 4 * s, 0,
                    2.0f * s);
        dl->AddText(pc.font, pc.font->FontSize, p, kInk, co.text.c_str(), co.text.c_str() + co.text.size());
        m_edgeArrows.push_back({pc.tip, pc.dir, co.siteId, 28.0f * s});
        // The callout itself is clickable too.
        m_edgeArrows.push_back({ImVec2(p.x + ext.x * 0.5f, p.y + ext.y * 0.5f), pc.dir, co.siteId, std::max(ext.x, ext.y) * 0.5f});
    }
}

void TripView::drawMap(ImDrawList* dl, const MapContext& ctx, const geo::Briefing& briefing, float left, float right,
                       const std::vector<EdgeCallout>& extra) {
    m_edgeArrows.clear();
    m_callouts = extra;
    m_caption = {};
    m_captionLeft = left;
    m_captionRight = right;
    // Inactive trips first, the active one on top.
    for (std::size_t i = 0; i < m_routes.size() && i < briefing.trips.size(); ++i)
        if (m_shown.count(m_routes[i].id) && m_routes[i].id != m_active) drawRoute(dl, ctx, briefing, m_routes[i], i, false);
    for (std::size_t i = 0; i < m_routes.size() && i < briefing.trips.size(); ++i)
        if (m_routes[i].id == m_active) drawRoute(dl, ctx, briefing, m_routes[i], i, true);
}

bool TripView::hoversEdgeArrow(glm::dvec2 screen) const {
    for (const auto& a : m_edgeArrows)
        if (std::hypot(screen.x - static_cast<double>(a.at.x), screen.y - static_cast<double>(a.at.y)) <= static_cast<double>(a.radius))
            return true;
    return false;
}

bool TripView::click(glm::dvec2 screen, ContentActions& actions) const {
    for (const auto& a : m_edgeArrows) {
        if (std::hypot(screen.x - static_cast<double>(a.at.x), screen.y - static_cast<double>(a.at.y)) <= static_cast<double>(a.radius)) {
            actions.selectSite = a.siteId;
            return true;
        }
    }
    return false;
}

void TripView::drawPanel(const MapContext& ctx, const geo::Briefing& briefing, ContentActions& actions) {
    const geo::Language lang = ctx.language;
    FontSet& fonts = ctx.fonts;
    const float s = ctx.scale;
    // In date order (the file may list them in any order); colours stay with the file order.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < briefing.trips.size() && i < m_routes.size(); ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return briefing.trips[a].start < briefing.trips[b].start;
    });
    for (std::size_t i : order) {
        const geo::Trip& trip = briefing.trips[i];
        ImGui::PushID(static_cast<int>(i));
        bool on = m_shown.count(trip.id) != 0;
        // Colour swatch as the checkbox's check mark colour: the legend of the routes.
        ImGui::PushStyleColor(ImGuiCol_CheckMark, ImGui::ColorConvertU32ToFloat4(colour(i)));
        if (ImGui::Checkbox("##show", &on)) setShown(trip.id, on);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        const ImVec2 sw = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(sw.x, sw.y + 4 * s), ImVec2(sw.x + 6 * s, sw.y + ImGui::GetFontSize()),
                                                  colour(i), 2 * s);
        ImGui::Dummy(ImVec2(8 * s, 1));
        ImGui::SameLine();
        const std::string& title = pick(trip.title, trip.titleEn, lang);
        const std::string label = trip.start.toString() + "  " + title;
        fonts.require(label);
        ImGui::PushTextWrapPos(0.0f);
        if (ImGui::Selectable(label.c_str(), m_active == trip.id, ImGuiSelectableFlags_None)) {
            if (m_active == trip.id) actions.camera = frameRequest(m_routes[i], geo::framedStops(m_routes[i].route));
            else activate(briefing, trip.id, actions);
        }
        if (ImGui::IsItemHovered()) {
            // The whole title (the row is cut at the sidebar's edge), with its dates.
            const std::string full = label + "  –  " + trip.end.toString();
            fonts.require(full);
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(480.0f * s);
            ImGui::TextUnformatted(full.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    const Route* r = findRoute(m_active);
    const geo::Trip* trip = briefing.findTrip(m_active);
    if (!r || !trip) return;

    ImGui::Separator();
    // Playback: play/pause, speed, and the timeline that scrubs through the days.
    const double end = static_cast<double>(std::max<std::size_t>(r->route.days.size(), 1));
    const char* playLabel = m_playing ? ui(Ui::Pause, lang) : ui(Ui::Play, lang);
    fonts.require(playLabel);
    if (ImGui::Button(playLabel, ImVec2(90 * s, 0))) togglePlay();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    const std::string speedFormat = std::string("%.2f ") + ui(Ui::DaysPerSecond, lang);
    fonts.require(speedFormat);
    ImGui::SliderFloat("##speed", &m_speed, 0.1f, 3.0f, speedFormat.c_str(), ImGuiSliderFlags_Logarithmic);
    const geo::RoutePosition pos = geo::positionAt(r->route, m_t);
    const std::string now = dayTitle(r->route, pos.day, lang);
    fonts.require(now);
    float t = static_cast<float>(m_t);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::SliderFloat("##timeline", &t, 0.0f, static_cast<float>(end), now.c_str())) {
        m_t = static_cast<double>(t);
        m_playing = false;
    }

    // Day by day: a day frames its stops; a stop flies there and opens its notes.
    int day = -2;
    for (std::size_t k = 0; k < trip->stops.size(); ++k) {
        const geo::Stop& stop = trip->stops[k];
        const int d = r->route.stopDay[k];
        if (d != day) {
            day = d;
            const std::string title = dayTitle(r->route, d, lang);
            fonts.require(title);
            ImGui::PushID(1000 + d);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour(static_cast<std::size_t>(r - m_routes.data()))));
            const bool current = pos.day == d && m_t < end - 1e-6;
            if (ImGui::Selectable(title.c_str(), current)) {
                if (const auto frame = dayFrame(d)) actions.camera = frame;
                showDay(d);
            }
            // While playing, the list keeps the current day in sight.
            if (current && m_playing && m_followDay != d) {
                ImGui::SetScrollHereY(0.2f);
                m_followDay = d;
            }
            ImGui::PopStyleColor();
            ImGui::PopID();
        }
        const geo::Site* site = briefing.findSite(stop.siteId);
        std::string line = std::to_string(k + 1) + ". ";
        if (stop.startTime) line += stop.startTime->toString() + " ";
        line += site ? localName(*site, lang).text : stop.siteId;
        const std::string& what = pick(stop.what, stop.whatEn, lang);
        fonts.require(line);
        ImGui::PushID(static_cast<int>(k));
        ImGui::Indent(10 * s);
        if (ImGui::Selectable(line.c_str(), false)) {
            if (site && isFinite(r->stopWorld[k])) {
                CameraRequest req;
                req.box.extend(r->stopWorld[k]);
                req.minMpp = 12.0; // close enough that the sites of a city separate
                actions.camera = req;
            }
            actions.selectSite = stop.siteId;
            setTime(r->route.stopTime[k]);
            m_playing = false;
        }
        if (!what.empty()) {
            // The first words of what happened, muted; the notes panel has the rest.
            std::string brief = what;
            if (brief.size() > 120) {
                std::size_t cut = 120;
                while (cut > 0 && (static_cast<unsigned char>(brief[cut]) & 0xC0) == 0x80) --cut;
                brief = brief.substr(0, cut) + "…";
            }
            fonts.require(brief);
            ImGui::Indent(14 * s);
            wrappedColoured(kMuted, brief);
            ImGui::Unindent(14 * s);
        }
        ImGui::Unindent(10 * s);
        ImGui::PopID();
    }
}

} // namespace app
