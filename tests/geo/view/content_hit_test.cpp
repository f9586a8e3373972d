// Hit-testing the content as the viewer lays it out on screen: two partnership links
// between the same places (bowed apart by their lanes) and crowded site markers.
#include <geo/briefing/briefing.hpp>
#include <geo/view/hit_test.hpp>
#include <geo/briefing/partnership_links.hpp>
#include <geo/view/site_clusters.hpp>

#include <catch2/catch.hpp>

#include <glm/geometric.hpp>

namespace {

geo::Site site(const char* id, geo::SiteKind kind, double lon, double lat, const char* city = "") {
    geo::Site s;
    s.id = id;
    s.kind = kind;
    s.lon = lon;
    s.lat = lat;
    s.cityId = city;
    s.nameEn = id;
    return s;
}

geo::Partnership partnership(const char* id, std::vector<std::string> parties) {
    geo::Partnership p;
    p.id = id;
    p.parties = std::move(parties);
    return p;
}

// A stand-in camera: lon/lat scaled to pixels, y down (as on screen).
glm::dvec2 toScreen(const geo::Site& s) { return {(s.lon - 120.0) * 100.0, (35.0 - s.lat) * 100.0}; }

} // namespace

TEST_CASE("two links between the same cities are bowed apart and each can be clicked", "[content_hit]") {
    geo::Briefing b;
    b.sites = {site("taichung", geo::SiteKind::City, 120.68, 24.14), site("miyazaki", geo::SiteKind::Prefecture, 131.42, 31.91)};
    b.partnerships = {partnership("sister", {"taichung", "miyazaki"}), partnership("timber", {"miyazaki", "taichung"})};
    const auto links = geo::partnershipLinks(b);
    REQUIRE(links.size() == 2);
    std::vector<std::vector<glm::dvec2>> lines;
    for (const auto& l : links) lines.push_back(geo::curvedArc(toScreen(b.sites[l.fromSite]), toScreen(b.sites[l.toSite]), l.bend, 48));
    // The two arcs' midpoints are far enough apart to be picked one by one.
    const glm::dvec2 mid0 = lines[0][24], mid1 = lines[1][24];
    CHECK(glm::length(mid0 - mid1) > 40.0);
    CHECK(geo::pickPolyline(lines, mid0, 8.0) == std::optional<std::size_t>(0));
    CHECK(geo::pickPolyline(lines, mid1, 8.0) == std::optional<std::size_t>(1));
    // Between them, farther than the radius from both: nothing.
    CHECK_FALSE(geo::pickPolyline(lines, (mid0 + mid1) * 0.5, 8.0).has_value());
    // At the shared end both are equally near: the one drawn last (on top) wins.
    CHECK(geo::pickPolyline(lines, lines[0].front(), 8.0) == std::optional<std::size_t>(1));
}

TEST_CASE("crowded markers group under their city and the group is what a click hits", "[content_hit]") {
    // Four places in Fukuoka within a few pixels at a regional zoom, and Kumamoto apart.
    std::vector<glm::dvec2> screen = {{500, 300}, {506, 302}, {498, 309}, {511, 296}, {560, 520}};
    const std::vector<int> priority = {3, 1, 2, 1, 3}; // city, venue, university, office, city
    const auto clusters = geo::clusterPoints(screen, priority, 17.0);
    REQUIRE(clusters.size() == 2);
    CHECK(clusters[0].leader == 0);
    CHECK(clusters[0].members.size() == 4);
    CHECK(clusters[1].leader == 4);
    // Clicking anywhere on the group's marker picks its leader; the venue under it is not hit alone.
    std::vector<glm::dvec2> leaders;
    for (const auto& c : clusters) leaders.push_back(c.position);
    CHECK(geo::pickPoint(leaders, {505, 301}, 15.0) == std::optional<std::size_t>(0));
    CHECK(geo::pickPoint(leaders, {558, 518}, 15.0) == std::optional<std::size_t>(1));
    // Zoomed in four times, the places separate and each is its own marker.
    for (auto& p : screen) p = (p - glm::dvec2(500, 300)) * 4.0 + glm::dvec2(500, 300);
    CHECK(geo::clusterPoints(screen, priority, 17.0).size() == 5);
}
