// Site markers, their group badges and rings, and their labels.
#include "content_layout_parts.hpp"

#include <geo/view/site_clusters.hpp>

#include <algorithm>
#include <limits>

namespace geo::layout {

namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

} // namespace

void clusterSites(const Frame& f, HitIndex& hits) {
    const ContentState& state = f.in.state;
    const auto& sites = f.briefing().sites;
    const auto& world = f.in.scene.siteWorld;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<glm::dvec2> screen(std::min(world.size(), sites.size()));
    std::vector<int> priority(screen.size());
    hits.clusterRank.clear();
    for (std::size_t i = 0; i < screen.size(); ++i) {
        const auto k = static_cast<std::size_t>(sites[i].kind);
        const bool shown = k >= state.siteKinds.size() || state.siteKinds[k] || sites[i].id == state.selectedSite;
        screen[i] = shown && finite(world[i]) ? f.in.camera.worldToScreen(world[i]) : glm::dvec2(nan, nan);
        // The selected site always stands on its own; then a story step's; then cities, parks,
        // fabs... lead the groups.
        priority[i] = sites[i].id == state.selectedSite ? 100 : contains(state.highlightSites, sites[i].id) ? 90
                                                                                                           : f.palette().marker(sites[i]).rank;
    }
    hits.clusters = clusterPoints(screen, priority, 17.0 * static_cast<double>(f.s));
    for (const ScreenCluster& c : hits.clusters) hits.clusterRank.push_back(f.palette().marker(sites[c.leader]).rank);
    hits.markerRadius = 15.0 * static_cast<double>(f.s);
    hits.badgeSlop = 3.0 * static_cast<double>(f.s);
}

ScreenBox groupBadge(const Frame& f, const ScreenCluster& c, float grow, std::string& text, glm::vec2& ext, glm::vec2& centre) {
    const float s = f.s;
    const Site& site = f.briefing().sites[c.leader];
    const glm::vec2 p = toFloat(c.position);
    text = "+" + std::to_string(c.members.size() - 1);
    const float r = f.palette().marker(site).radius * s * grow;
    ext = f.in.text.measure(text, FontRole::Badge, Face::Chinese);
    centre = glm::vec2(p.x - r - ext.x * 0.5f + 2 * s, p.y - r * 0.8f);
    return box({centre.x - ext.x * 0.5f - 4 * s, centre.y - ext.y * 0.5f - 1 * s},
               {centre.x + ext.x * 0.5f + 4 * s, centre.y + ext.y * 0.5f + 1 * s});
}

void layoutMarkers(const Frame& f, std::optional<std::size_t> hovered, DisplayList& out, HitIndex& hits) {
    const float s = f.s;
    const Palette& pal = f.palette();
    const auto& sites = f.briefing().sites;
    const float vw = static_cast<float>(f.viewport.x), vh = static_cast<float>(f.viewport.y);
    auto visible = [&](glm::vec2 p, float margin) { return p.x > -margin && p.y > -margin && p.x < vw + margin && p.y < vh + margin; };
    // Low rank first, so that cities are drawn on top.
    std::vector<std::size_t> order(hits.clusters.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return hits.clusterRank[a] < hits.clusterRank[b]; });
    hits.badges.clear();
    for (std::size_t ci : order) {
        const ScreenCluster& c = hits.clusters[ci];
        const glm::vec2 p = toFloat(c.position);
        const Site& site = sites[c.leader];
        const float grow = hovered == ci ? 1.25f : 1.0f;
        if (!visible(p, 40 * s)) continue;
        out.add(draw::Disc{p, markerDisc(pal, site.kind, site.major, s, grow)});
        if (c.members.size() > 1) {
            // How many places the marker stands for: "+5" on a small badge, upper left.
            std::string text;
            glm::vec2 ext, centre;
            const ScreenBox b = groupBadge(f, c, grow, text, ext, centre);
            const glm::vec2 b0 = toFloat(b.min), b1 = toFloat(b.max);
            out.add(draw::Rect{b0, b1, pal.map.ink, 8 * s, {0, 0, 0, 0}, 0.0f});
            hits.badges.emplace_back(ci, b);
            draw::Text t;
            t.at = {centre.x - ext.x * 0.5f, centre.y - ext.y * 0.5f};
            t.text = std::move(text);
            t.role = FontRole::Badge;
            t.ink = pal.map.paper;
            out.add(std::move(t));
        }
    }
    // A story step's highlighted sites: a ring in the highlight colour; the selection ring last, above every marker.
    auto ring = [&](const std::string& id, float extra, Color colour, float width) {
        const Site* h = f.briefing().findSite(id);
        if (!h) return;
        const auto i = static_cast<std::size_t>(h - sites.data());
        if (i >= f.in.scene.siteWorld.size() || !finite(f.in.scene.siteWorld[i])) return;
        const auto k = static_cast<std::size_t>(h->kind);
        if (k < f.in.state.siteKinds.size() && !f.in.state.siteKinds[k] && h->id != f.in.state.selectedSite) return; // hidden kind
        const glm::vec2 p = toFloat(f.in.camera.worldToScreen(f.in.scene.siteWorld[i]));
        const float r = pal.marker(*h).radius * s + extra * s;
        out.add(draw::Circle{p, r + 2.0f * s, 2.0f * s, pal.map.ink});
        out.add(draw::Circle{p, r, width * s, colour});
    };
    for (const std::string& id : f.in.state.highlightSites) ring(id, 5.0f, pal.map.highlight, 3.5f);
    if (!f.in.state.selectedSite.empty()) ring(f.in.state.selectedSite, 6.0f, pal.map.selection, 4.0f);
}

} // namespace geo::layout

namespace geo {

DiscStyle markerDisc(const Palette& palette, SiteKind kind, bool major, float s, float grow) {
    MarkerLook look = palette.marker(kind);
    if (major) look.radius += 3.0f;
    const float r = look.radius * s * grow;
    DiscStyle d;
    d.outerRadius = major ? r + 4.5f * s : 0.0f;
    d.rim = palette.map.markerRim;
    d.rimRadius = r + 2.5f * s;
    d.ring = palette.map.paper;
    d.ringRadius = r + 1.5f * s;
    d.fill = look.fill;
    d.fillRadius = r - 0.5f * s;
    return d;
}

} // namespace geo
