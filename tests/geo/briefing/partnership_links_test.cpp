#include <geo/briefing/partnership_links.hpp>

#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace {

using Catch::WithinAbs;

geo::Site site(const std::string& id, double lon, double lat, const std::string& city = "") {
    return test::makeSite(id, lon, lat, city);
}

geo::Partnership partnership(const std::string& id, std::vector<std::string> parties,
                             std::vector<geo::PartialDate> milestoneDates = {}) {
    geo::Partnership p;
    p.id = id;
    p.parties = std::move(parties);
    for (const auto& d : milestoneDates) {
        geo::Milestone m;
        m.date = d;
        p.milestones.push_back(m);
    }
    return p;
}

geo::Briefing places() {
    geo::Briefing b;
    b.sites.push_back(site("taichung", 120.6736, 24.1477));                     // 0
    b.sites.push_back(site("miyazaki", 131.4202, 31.9111));                     // 1
    b.sites.push_back(site("miyazaki-prefecture", 131.4239, 31.9077));          // 2
    b.sites.push_back(site("taichung-city-hall", 120.6469, 24.1618, "taichung")); // 3
    b.sites.push_back(site("miyazaki-gov", 131.4239, 31.9110, "miyazaki"));     // 4
    b.sites.push_back(site("kaohsiung", 120.3014, 22.6273));                    // 5
    b.sites.push_back(site("arizona", -111.6602, 34.2744));                     // 6
    b.sites.push_back(site("kumamoto-prefecture", 130.7417, 32.7898));          // 7
    b.sites.push_back(site("stray", 0.0, 0.0, "no-such-city"));                 // 8: its city is itself
    return b;
}

glm::dvec2 position(const geo::Briefing& b, std::size_t site) { return {b.sites[site].lon, b.sites[site].lat}; }

// The city of a site as the header defines it, written out independently.
std::size_t cityIndex(const geo::Briefing& b, std::size_t s) {
    const std::string& city = b.sites[s].cityId;
    for (std::size_t i = 0; i < b.sites.size(); ++i)
        if (!city.empty() && b.sites[i].id == city) return i;
    return s;
}

} // namespace

TEST_CASE("partnershipLinks: one link per pair of parties that are sites", "[partnership_links]") {
    geo::Briefing b = places();
    b.partnerships.push_back(partnership("pair", {"kaohsiung", "kumamoto-prefecture"}));
    b.partnerships.push_back(partnership("triangle", {"kaohsiung", "arizona", "kumamoto-prefecture"}));
    b.partnerships.push_back(partnership("unknown-party", {"taichung", "atlantis", "miyazaki"}));
    b.partnerships.push_back(partnership("lonely", {"taichung", "atlantis"}));
    b.partnerships.push_back(partnership("twice", {"miyazaki", "miyazaki"}));
    const auto links = geo::partnershipLinks(b);
    REQUIRE(links.size() == 1 + 3 + 1);

    CHECK(links[0].partnership == 0);
    CHECK(links[0].fromSite == 5);
    CHECK(links[0].toSite == 7);

    std::set<std::pair<std::size_t, std::size_t>> triangle;
    for (std::size_t i = 1; i <= 3; ++i) {
        CHECK(links[i].partnership == 1);
        CHECK(links[i].fromSite < links[i].toSite); // no site here has a city: plain site order
        triangle.insert({links[i].fromSite, links[i].toSite});
    }
    CHECK(triangle == std::set<std::pair<std::size_t, std::size_t>>{{5, 6}, {5, 7}, {6, 7}});

    CHECK(links[4].partnership == 2);
    CHECK(links[4].fromSite == 0);
    CHECK(links[4].toSite == 1);

    for (const auto& link : links) CHECK(link.fromSite != link.toSite);
}

TEST_CASE("partnershipLinks: a lone link in its corridor bows by 0.2", "[partnership_links]") {
    geo::Briefing b = places();
    b.partnerships.push_back(partnership("p", {"kumamoto-prefecture", "kaohsiung"}));
    const auto links = geo::partnershipLinks(b);
    REQUIRE(links.size() == 1);
    CHECK(links[0].fromSite == 5); // put in canonical order
    CHECK(links[0].toSite == 7);
    CHECK(links[0].lane == 0);
    CHECK(links[0].laneCount == 1);
    CHECK(links[0].bend == 0.2);
}

TEST_CASE("partnershipLinks: links between sites of the same two cities get their own lanes", "[partnership_links]") {
    // Both join Taichung and Miyazaki: the city hall (of Taichung) with Miyazaki, and
    // Miyazaki's government office (of Miyazaki) with Taichung. By site index the first runs
    // Miyazaki → Taichung (1 < 3) and the second Taichung → Miyazaki (0 < 4).
    for (bool swapFirst : {false, true}) {
        for (bool swapSecond : {false, true}) {
            DYNAMIC_SECTION("party order " << swapFirst << swapSecond) {
                geo::Briefing b = places();
                std::vector<std::string> first{"taichung-city-hall", "miyazaki"};
                std::vector<std::string> second{"miyazaki-gov", "taichung"};
                if (swapFirst) std::swap(first[0], first[1]);
                if (swapSecond) std::swap(second[0], second[1]);
                b.partnerships.push_back(partnership("a", first));
                b.partnerships.push_back(partnership("elsewhere", {"kaohsiung", "arizona"}));
                b.partnerships.push_back(partnership("b", second));
                const auto links = geo::partnershipLinks(b);
                REQUIRE(links.size() == 3);
                const auto& a = links[0];
                const auto& c = links[2];
                CHECK(a.laneCount == 2);
                CHECK(c.laneCount == 2);
                CHECK(a.lane == 0); // partnership order
                CHECK(c.lane == 1);
                CHECK(links[1].laneCount == 1);
                CHECK(a.bend != c.bend);
                CHECK(a.bend != 0.0);
                CHECK(c.bend != 0.0);
                CHECK(std::abs(a.bend) <= 0.45);
                CHECK(std::abs(c.bend) <= 0.45);
                CHECK(a.bend == -0.15);
                CHECK(c.bend == 0.15);
                // Both run from the Taichung end to the Miyazaki end...
                CHECK(a.fromSite == 3);
                CHECK(a.toSite == 1);
                CHECK(c.fromSite == 0);
                CHECK(c.toSite == 4);
                // ...so their curves are on opposite sides of the corridor: the middles are
                // well apart (each ~0.075 × 13.7° off the chord), not on top of each other.
                const auto arcA = geo::curvedArc(position(b, a.fromSite), position(b, a.toSite), a.bend, 2);
                const auto arcC = geo::curvedArc(position(b, c.fromSite), position(b, c.toSite), c.bend, 2);
                CHECK(glm::distance(arcA[1], arcC[1]) > 1.5);
            }
        }
    }
}

TEST_CASE("laneBend: distinct, non-zero, at most 0.45", "[partnership_links]") {
    CHECK(geo::laneBend(0, 1) == 0.2);
    CHECK_THAT(geo::laneBend(0, 2), WithinAbs(-0.15, 1e-12));
    CHECK_THAT(geo::laneBend(1, 2), WithinAbs(0.15, 1e-12));
    CHECK_THAT(geo::laneBend(0, 3), WithinAbs(-0.15, 1e-12));
    CHECK_THAT(geo::laneBend(1, 3), WithinAbs(0.15, 1e-12));
    CHECK_THAT(geo::laneBend(2, 3), WithinAbs(0.45, 1e-12));
    for (int count = 1; count <= 12; ++count) {
        std::set<double> seen;
        for (int lane = 0; lane < count; ++lane) {
            INFO(lane << " of " << count);
            const double bend = geo::laneBend(lane, count);
            CHECK(bend != 0.0);
            CHECK(std::abs(bend) <= 0.45);
            CHECK(seen.insert(bend).second);
            if (lane > 0) CHECK(bend - geo::laneBend(lane - 1, count) > 0.05); // apart, in lane order
        }
    }
}

TEST_CASE("partnershipLinks: a crowded corridor", "[partnership_links]") {
    geo::Briefing b = places();
    // Five links between Taichung and Miyazaki, written every which way.
    b.partnerships.push_back(partnership("1", {"taichung", "miyazaki"}));
    b.partnerships.push_back(partnership("2", {"miyazaki-gov", "taichung-city-hall"}));
    b.partnerships.push_back(partnership("3", {"taichung-city-hall", "miyazaki"}));
    b.partnerships.push_back(partnership("4", {"miyazaki-gov", "taichung"}));
    b.partnerships.push_back(partnership("5", {"miyazaki", "taichung"}));
    b.partnerships.push_back(partnership("other", {"miyazaki-prefecture", "taichung"})); // Miyazaki Prefecture is not Miyazaki City
    const auto links = geo::partnershipLinks(b);
    REQUIRE(links.size() == 6);
    std::set<double> bends;
    for (int i = 0; i < 5; ++i) {
        const auto& link = links[static_cast<std::size_t>(i)];
        CHECK(link.lane == i);
        CHECK(link.laneCount == 5);
        CHECK(cityIndex(b, link.fromSite) == 0);
        CHECK(cityIndex(b, link.toSite) == 1);
        CHECK(link.bend != 0.0);
        CHECK(std::abs(link.bend) <= 0.45);
        bends.insert(link.bend);
    }
    CHECK(bends.size() == 5);
    CHECK(links[5].laneCount == 1);
    CHECK(links[5].bend == 0.2);
}

TEST_CASE("partnershipLinks: a city that is not a site leaves the site its own city", "[partnership_links]") {
    geo::Briefing b = places();
    b.partnerships.push_back(partnership("1", {"stray", "taichung"}));
    b.partnerships.push_back(partnership("2", {"taichung", "stray"}));
    const auto links = geo::partnershipLinks(b);
    REQUIRE(links.size() == 2);
    CHECK(links[0].fromSite == 0);
    CHECK(links[0].toSite == 8);
    CHECK(links[0].laneCount == 2);
    CHECK(links[0].bend != links[1].bend);
}

TEST_CASE("curvedArc: a quadratic Bézier bowing to the left", "[partnership_links]") {
    SECTION("endpoints exact, count, midpoint at half the control offset") {
        const glm::dvec2 a{0.0, 0.0};
        const glm::dvec2 b{10.0, 0.0};
        const auto arc = geo::curvedArc(a, b, 0.2, 32);
        REQUIRE(arc.size() == 33);
        CHECK(arc.front() == a);
        CHECK(arc.back() == b);
        // Control point (5, 2): the curve's middle is halfway to it, (5, 1) = bend/2 × chord, left of a → b.
        CHECK_THAT(arc[16].x, WithinAbs(5.0, 1e-12));
        CHECK_THAT(arc[16].y, WithinAbs(1.0, 1e-12));
        for (std::size_t i = 1; i + 1 < arc.size(); ++i) CHECK(arc[i].y > 0.0);
        // Reversed, it bows to the other side of the same chord.
        const auto back = geo::curvedArc(b, a, 0.2, 32);
        CHECK_THAT(back[16].y, WithinAbs(-1.0, 1e-12));
    }
    SECTION("oblique chord, negative bend: to the right") {
        const glm::dvec2 a{1.0, 2.0};
        const glm::dvec2 b{4.0, 6.0}; // chord 5, left normal (-0.8, 0.6)
        const auto arc = geo::curvedArc(a, b, -0.3, 4);
        REQUIRE(arc.size() == 5);
        CHECK(arc.front() == a);
        CHECK(arc.back() == b);
        // Middle (2.5, 4) + (-0.8, 0.6) × (-0.3 / 2 × 5)
        CHECK_THAT(arc[2].x, WithinAbs(3.1, 1e-12));
        CHECK_THAT(arc[2].y, WithinAbs(3.55, 1e-12));
        const double offset = glm::distance(arc[2], (a + b) * 0.5);
        CHECK_THAT(offset, WithinAbs(0.3 / 2.0 * 5.0, 1e-12));
    }
    SECTION("exact endpoints with awkward coordinates") {
        const glm::dvec2 a{-1234567.891, 9876543.21};
        const glm::dvec2 b{3456789.012, -123456.789};
        const auto arc = geo::curvedArc(a, b, 0.37, 7);
        REQUIRE(arc.size() == 8);
        CHECK(arc.front() == a);
        CHECK(arc.back() == b);
    }
    SECTION("degenerate") {
        const glm::dvec2 p{3.0, 4.0};
        const auto same = geo::curvedArc(p, p, 0.2, 8);
        CHECK(same == std::vector<glm::dvec2>(9, p));
        CHECK(geo::curvedArc({0.0, 0.0}, {1.0, 0.0}, 0.2, 1) == std::vector<glm::dvec2>{{0.0, 0.0}, {1.0, 0.0}});
        CHECK(geo::curvedArc({0.0, 0.0}, {1.0, 0.0}, 0.2, 0).size() == 2);
        CHECK(geo::curvedArc({0.0, 0.0}, {1.0, 0.0}, 0.2, -3).size() == 2);
        // bend 0 is the straight chord.
        const auto straight = geo::curvedArc({0.0, 0.0}, {8.0, 0.0}, 0.0, 4);
        for (std::size_t i = 0; i < straight.size(); ++i) {
            CHECK_THAT(straight[i].x, WithinAbs(2.0 * static_cast<double>(i), 1e-12));
            CHECK(straight[i].y == 0.0);
        }
    }
}

TEST_CASE("firstYear and activeInYear", "[partnership_links]") {
    const auto p = partnership("p", {"a", "b"}, {geo::PartialDate{2017, 9, 0}, geo::PartialDate{2005, 0, 0}});
    CHECK(geo::firstYear(p) == 2005);
    CHECK_FALSE(geo::activeInYear(p, 2004));
    CHECK(geo::activeInYear(p, 2005));
    CHECK(geo::activeInYear(p, 2010));
    CHECK(geo::activeInYear(p, 2017));
    CHECK(geo::activeInYear(p, 2030));

    const auto undated = partnership("u", {"a", "b"}, {geo::PartialDate{0, 0, 0}});
    CHECK(geo::firstYear(undated) == 0);
    CHECK(geo::activeInYear(undated, 1900));
    const auto none = partnership("n", {"a", "b"});
    CHECK(geo::firstYear(none) == 0);
    CHECK(geo::activeInYear(none, 2024));
    const auto mixed = partnership("m", {"a", "b"}, {geo::PartialDate{0, 0, 0}, geo::PartialDate{2019, 3, 1}});
    CHECK(geo::firstYear(mixed) == 2019);
    CHECK_FALSE(geo::activeInYear(mixed, 2018));
}

TEST_CASE("milestoneYears spans every partnership's milestones", "[partnership_links]") {
    geo::Briefing b;
    CHECK(geo::milestoneYears(b).first == 0);
    CHECK(geo::milestoneYears(b).last == 0);
    b.partnerships.push_back(partnership("none", {}));
    b.partnerships.push_back(partnership("u", {}, {geo::PartialDate{0, 0, 0}}));
    CHECK(geo::milestoneYears(b).first == 0);
    CHECK(geo::milestoneYears(b).last == 0);
    b.partnerships.push_back(partnership("p", {}, {geo::PartialDate{2017, 9, 0}, geo::PartialDate{2005, 0, 0}}));
    b.partnerships.push_back(partnership("q", {}, {geo::PartialDate{2024, 11, 3}}));
    const auto span = geo::milestoneYears(b);
    CHECK(span.first == 2005);
    CHECK(span.last == 2024);
}

TEST_CASE("partnership links and years from TOML", "[partnership_links]") {
    const auto loaded = geo::loadBriefingFile(std::string(KTMAP_TEST_DATA_DIR) + "/briefing/valid_minimal.toml");
    REQUIRE(loaded.briefing.partnerships.size() == 1);
    const auto links = geo::partnershipLinks(loaded.briefing);
    REQUIRE(links.size() == 1);
    CHECK(loaded.briefing.sites[links[0].fromSite].id == "kumamoto"); // index 0: the lower
    CHECK(loaded.briefing.sites[links[0].toSite].id == "hsinchu-science-park");
    CHECK(geo::firstYear(loaded.briefing.partnerships[0]) == 2017);
    const auto span = geo::milestoneYears(loaded.briefing);
    CHECK(span.first == 2017);
    CHECK(span.last == 2024);
}

TEST_CASE("links of the shipped briefing keep their invariants", "[partnership_links][assets]") {
    const auto loaded = geo::loadBriefingFile(std::string(KTMAP_ASSETS_DIR) + "/briefing.toml");
    const geo::Briefing& b = loaded.briefing;
    REQUIRE_FALSE(b.partnerships.empty());
    const auto links = geo::partnershipLinks(b);
    CHECK(links.size() >= b.partnerships.size());

    std::map<std::pair<std::size_t, std::size_t>, std::vector<const geo::PartnershipLink*>> corridors;
    for (const auto& link : links) {
        REQUIRE(link.partnership < b.partnerships.size());
        REQUIRE(link.fromSite < b.sites.size());
        REQUIRE(link.toSite < b.sites.size());
        CHECK(link.fromSite != link.toSite);
        CHECK(link.lane >= 0);
        CHECK(link.lane < link.laneCount);
        CHECK(link.bend != 0.0);
        CHECK(std::abs(link.bend) <= 0.45);
        const auto& parties = b.partnerships[link.partnership].parties;
        CHECK(std::count(parties.begin(), parties.end(), b.sites[link.fromSite].id) == 1);
        CHECK(std::count(parties.begin(), parties.end(), b.sites[link.toSite].id) == 1);
        const std::size_t cityFrom = cityIndex(b, link.fromSite);
        const std::size_t cityTo = cityIndex(b, link.toSite);
        CHECK(std::make_pair(cityFrom, link.fromSite) < std::make_pair(cityTo, link.toSite));
        corridors[{std::min(cityFrom, cityTo), std::max(cityFrom, cityTo)}].push_back(&link);
    }
    for (const auto& [key, members] : corridors) {
        INFO("corridor " << b.sites[key.first].id << " – " << b.sites[key.second].id);
        std::set<double> bends;
        std::set<int> lanes;
        for (const auto* link : members) {
            CHECK(link->laneCount == static_cast<int>(members.size()));
            bends.insert(link->bend);
            lanes.insert(link->lane);
        }
        CHECK(bends.size() == members.size());
        CHECK(lanes.size() == members.size());
    }

    // The 4-university course partnership is a complete graph of 6 links; Taichung–Miyazaki
    // (sister cities, timber agreement) and Kaohsiung–Kumamoto Prefecture (friendship,
    // trilateral MOU) are two-lane corridors.
    const auto lanesBetween = [&](const std::string& x, const std::string& y) {
        for (const auto& link : links)
            if ((b.sites[link.fromSite].id == x && b.sites[link.toSite].id == y) ||
                (b.sites[link.fromSite].id == y && b.sites[link.toSite].id == x))
                return link.laneCount;
        return 0;
    };
    CHECK(lanesBetween("taichung", "miyazaki-prefecture") == 2);
    CHECK(lanesBetween("kaohsiung", "kumamoto-prefecture") == 2);
    if (const geo::Partnership* courses = b.findPartnership("kyushu-semiconductor-talent-courses")) {
        const auto index = static_cast<std::size_t>(courses - b.partnerships.data());
        CHECK(std::count_if(links.begin(), links.end(), [&](const auto& l) { return l.partnership == index; }) == 6);
    }
}

namespace {

// Sites on both sides of the strait, and in Kyushu itself (Kumamoto first: a link to it runs
// from Kyushu in the canonical order).
geo::Briefing strait() {
    geo::Briefing b;
    b.sites.push_back(site("kumamoto", 130.74, 32.79));     // 0
    b.sites.push_back(site("hsinchu", 121.00, 24.78));      // 1
    b.sites.push_back(site("taichung", 120.65, 24.16));     // 2
    b.sites.push_back(site("kaohsiung", 120.31, 22.62));    // 3
    b.sites.push_back(site("kitakyushu", 130.71, 33.89));   // 4
    b.sites.push_back(site("fukuoka", 130.22, 33.60));      // 5
    b.sites.push_back(site("miyazaki", 131.42, 31.91));     // 6
    b.sites.push_back(site("phoenix", -112.07, 33.45));     // 7
    return b;
}
bool taiwanese(std::size_t site) { return site >= 1 && site <= 3; }

// A plane for the paths: degrees as they are (the bundles do not depend on the projection).
std::vector<glm::dvec2> plane(const geo::Briefing& b) {
    std::vector<glm::dvec2> out;
    for (const auto& s : b.sites) out.push_back({s.lon, s.lat});
    return out;
}

} // namespace

TEST_CASE("partnershipLinks: links between the same two areas share a bundle; others stand alone", "[partnership_links]") {
    geo::Briefing b = strait();
    b.partnerships.push_back(partnership("parks", {"hsinchu", "kitakyushu"}));     // 0
    b.partnerships.push_back(partnership("friends", {"kumamoto", "kaohsiung"}));   // 1: written Kyushu first
    b.partnerships.push_back(partnership("sister", {"taichung", "miyazaki"}));     // 2
    b.partnerships.push_back(partnership("mou", {"hsinchu", "fukuoka"}));          // 3
    b.partnerships.push_back(partnership("courses", {"fukuoka", "kumamoto"}));     // 4: inside Kyushu
    b.partnerships.push_back(partnership("far", {"kaohsiung", "phoenix"}));        // 5
    b.partnerships.push_back(partnership("far too", {"kumamoto", "phoenix"}));     // 6
    const auto links = geo::partnershipLinks(b);
    REQUIRE(links.size() == 7);
    // The four across the strait: one bundle, every line running Taiwan → Kyushu or flagged.
    for (std::size_t i : {0u, 1u, 2u, 3u}) {
        INFO(i);
        CHECK(links[i].bundle == 0);
        CHECK(links[i].bundleSize == 4);
        CHECK(taiwanese(links[i].bundleReversed ? links[i].toSite : links[i].fromSite));
    }
    CHECK(links[1].bundleReversed); // Kumamoto → Kaohsiung
    CHECK_FALSE(links[0].bundleReversed);
    // A 100 km link inside Kyushu is not in it; nor are the two to Phoenix, whose near ends are
    // 1,300 km apart (more than the 400 km an area spans).
    for (std::size_t i : {4u, 5u, 6u}) {
        INFO(i);
        CHECK(links[i].bundle == -1);
        CHECK(links[i].bundleSize == 1);
    }
    // Lanes from the right of Taiwan → Kyushu to its left, by how far both ends lie left of the
    // line between the areas' means: Taichung–Miyazaki (Miyazaki lies far to the right), then
    // Kaohsiung–Kumamoto, Hsinchu–Kitakyushu, Hsinchu–Fukuoka (Fukuoka the furthest left).
    std::vector<int> lanes;
    for (std::size_t i : {2u, 1u, 0u, 3u}) lanes.push_back(links[i].bundleLane);
    CHECK(lanes == std::vector<int>{0, 1, 2, 3});
}

TEST_CASE("linkPaths: a bundle's lines follow one trunk in the middle and end on their own sites", "[partnership_links]") {
    geo::Briefing b = strait();
    b.partnerships.push_back(partnership("parks", {"hsinchu", "kitakyushu"}));
    b.partnerships.push_back(partnership("friends", {"kumamoto", "kaohsiung"}));
    b.partnerships.push_back(partnership("courses", {"fukuoka", "kumamoto"}));
    const auto links = geo::partnershipLinks(b);
    const auto world = plane(b);
    const auto paths = geo::linkPaths(links, world);
    REQUIRE(paths.size() == 3);
    // The lone link is its arc.
    CHECK(paths[2] == geo::curvedArc(world[links[2].fromSite], world[links[2].toSite], links[2].bend, 32));
    // Bundled: from its own from-site to its own to-site, 49 points.
    for (std::size_t i : {0u, 1u}) {
        REQUIRE(paths[i].size() == 49);
        CHECK(paths[i].front() == world[links[i].fromSite]);
        CHECK(paths[i].back() == world[links[i].toSite]);
    }
    // "friends" runs Kyushu → Taiwan: its points in the bundle's direction are reversed. Along the
    // middle (30 % to 70 % of the way) both lie on the same trunk, point for point.
    std::vector<glm::dvec2> friends = paths[1];
    REQUIRE(links[1].bundleReversed);
    std::reverse(friends.begin(), friends.end());
    for (std::size_t k = 15; k <= 33; ++k) {
        INFO(k);
        CHECK(glm::length(friends[k] - paths[0][k]) < 1e-9);
    }
    // Near the ends they are apart (they leave from Hsinchu and Kaohsiung), and smooth: no step
    // between two points is more than twice the one before it.
    CHECK(glm::length(friends[3] - paths[0][3]) > 0.5);
    for (const auto& path : {paths[0], friends})
        for (std::size_t k = 2; k < path.size(); ++k) CHECK(glm::length(path[k] - path[k - 1]) < 2.0 * glm::length(path[k - 1] - path[k - 2]) + 1e-9);
    // An end that is not finite: no line.
    auto broken = world;
    broken[links[0].fromSite] = {std::nan(""), 0.0};
    CHECK(geo::linkPaths(links, broken)[0].empty());
}
