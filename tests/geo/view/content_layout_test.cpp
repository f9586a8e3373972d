#include <geo/view/content_layout.hpp>

#include <geo/base/projection.hpp>

#include "content_fixture.hpp"
#include "fixed_measure.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <variant>

namespace {

struct Fixture : test::ContentFixture {
    geo::Camera camera;
    geo::Palette palette = geo::shippedPalette();
    test::FixedMeasure measure;
    geo::PanelLayout panels;
    std::optional<glm::dvec2> cursor;

    Fixture() {
        camera.setViewport({1280, 720});
        lookAt(130.74, 32.80, 200.0);
    }
    void lookAt(double lon, double lat, double mpp) {
        camera.setMetersPerPixel(mpp);
        camera.setCenter(projection.forward({lon, lat}));
    }
    geo::ContentLayout layout() const {
        return geo::layoutContent({briefing, scene, state, camera, projection, palette, measure, 1.0f, panels, {}, cursor, {}, nullptr});
    }
    glm::dvec2 screen(std::size_t site) const { return camera.worldToScreen(scene.siteWorld[site]); }
};

// The kind of each item, in painting order: L line, D disc, C circle, F filled circle,
// A arrow, R rect, T text, H text with a halo, V cover.
std::string kinds(const geo::DisplayList& list) {
    std::string s;
    for (const geo::DisplayItem& item : list.items) {
        switch (item.index()) {
        case 0: s += 'L'; break;
        case 1: s += 'D'; break;
        case 2: s += 'C'; break;
        case 3: s += 'F'; break;
        case 4: s += 'A'; break;
        case 5: s += 'R'; break;
        case 6: s += std::get<geo::draw::Text>(item).halo > 0 ? 'H' : 'T'; break;
        default: s += 'V'; break;
        }
    }
    return s;
}

std::vector<std::string> texts(const geo::DisplayList& list, bool halo) {
    std::vector<std::string> out;
    for (const geo::DisplayItem& item : list.items)
        if (const auto* t = std::get_if<geo::draw::Text>(&item); t && (t->halo > 0) == halo) out.push_back(t->text);
    return out;
}

} // namespace

TEST_CASE("places that crowd on screen are one marker with a count; the count is part of the marker", "[content-layout]") {
    Fixture f;
    const geo::ContentLayout out = f.layout();
    // At 200 m a pixel Kumamoto's venue and university are within a few pixels of the city.
    const auto group = std::find_if(out.hits.clusters.begin(), out.hits.clusters.end(), [](const geo::ScreenCluster& c) { return c.leader == 0; });
    REQUIRE(group != out.hits.clusters.end());
    CHECK(group->members.size() == 3);
    REQUIRE(out.hits.badges.size() == 1);
    CHECK(texts(out.list, false) == std::vector<std::string>{"+2"});
    // A click on the badge is a click on the group: it opens the city and zooms in until its places separate.
    const geo::ScreenBox badge = out.hits.badges[0].second;
    geo::ContentState state = f.state;
    const geo::ClickOutcome click = geo::click(state, f.briefing, f.scene, out.hits, (badge.min + badge.max) * 0.5);
    CHECK(click.hit);
    CHECK(state.selectedSite == "kumamoto");
    REQUIRE(click.frame);
    CHECK(click.frame->minMpp == 6.0);
    // Zoomed in, they separate and each has its label.
    f.lookAt(130.74, 32.80, 5.0);
    const geo::ContentLayout near = f.layout();
    CHECK(near.hits.badges.empty());
    CHECK(near.labels.size() == 3);
}

TEST_CASE("the layout paints links, then markers, trips, labels, callouts and the covers under the panels", "[content-layout]") {
    Fixture f;
    f.lookAt(125.5, 27.7, 1500.0); // Taiwan and Kyushu
    geo::activateTrip(f.state, f.scene, "delegation");
    f.state.selectedSite = "kaohsiung";
    geo::PanelInput panels;
    panels.display = {1280, 720};
    panels.notes = true;
    f.panels = geo::layoutPanels(panels);
    const std::string order = kinds(f.layout().list);
    INFO(order);
    const auto first = [&](char k) { return order.find(k); };
    const auto last = [&](char k) { return order.rfind(k); };
    CHECK(first('L') == 0);                  // the partnership links first,
    CHECK(first('L') < first('D'));           // below the markers,
    CHECK(last('D') < first('C'));            // the selection ring above every marker,
    const auto trip = order.find('L', last('C'));
    CHECK(trip != std::string::npos);         // then the trip's route, its arrows and numbered stops,
    CHECK(order.find('A', trip) < first('H')); // then the labels,
    CHECK(order.find("ART", first('H')) != std::string::npos); // the callout to Phoenix above them,
    CHECK(order.substr(order.size() - 2) == "VV"); // and the covers under the notes panel and the sidebar last
}

TEST_CASE("labels keep out of the panels of the same frame", "[content-layout]") {
    Fixture f;
    f.lookAt(130.74, 32.80, 5.0);
    const geo::ContentLayout open = f.layout();
    REQUIRE(open.labels.size() == 3);
    // A panel over the whole left half: no label there, whatever was drawn before.
    f.panels.sidebar.min = {0, 0};
    f.panels.sidebar.max = {640, 720};
    const geo::ContentLayout covered = f.layout();
    for (const geo::PlacedLabel& l : covered.labels) CHECK_FALSE(l.box.overlaps(f.panels.sidebar));
}

TEST_CASE("the same input gives the same picture", "[content-layout]") {
    Fixture f;
    f.lookAt(125.5, 27.7, 1500.0);
    geo::activateTrip(f.state, f.scene, "delegation");
    const geo::ContentLayout a = f.layout(), b = f.layout();
    CHECK(kinds(a.list) == kinds(b.list));
    CHECK(texts(a.list, true) == texts(b.list, true));
    REQUIRE(a.labels.size() == b.labels.size());
    for (std::size_t i = 0; i < a.labels.size(); ++i) CHECK(a.labels[i].box.min == b.labels[i].box.min);
}

TEST_CASE("a leg to a place off the map ends in an arrow at the edge, with the place and its distance", "[content-layout]") {
    Fixture f;
    f.lookAt(130.74, 32.80, 200.0);
    geo::activateTrip(f.state, f.scene, "delegation");
    const geo::ContentLayout out = f.layout();
    const std::vector<std::string> plain = texts(out.list, false);
    const auto callout = std::find_if(plain.begin(), plain.end(), [](const std::string& t) { return t.rfind("Phoenix  ", 0) == 0; });
    REQUIRE(callout != plain.end());
    // The great-circle distance from Kumamoto University, the stop before: 10,146.6 km (haversine,
    // R = 6371.0088 km), rounded to 10 km.
    CHECK(*callout == "Phoenix  10,150 km");
    // Its arrow and its box open Phoenix.
    REQUIRE(out.hits.edgeTargets.size() == 2);
    geo::ContentState state = f.state;
    CHECK(geo::click(state, f.briefing, f.scene, out.hits, out.hits.edgeTargets[0].at).hit);
    CHECK(state.selectedSite == "phoenix");
}

TEST_CASE("a kind switched off is not drawn, unless it is the selected site", "[content-layout]") {
    Fixture f;
    f.lookAt(130.74, 32.80, 5.0);
    const std::size_t all = f.layout().hits.clusters.size();
    f.state.siteKinds[static_cast<std::size_t>(geo::SiteKind::University)] = false;
    CHECK(f.layout().hits.clusters.size() == all - 1);
    f.state.selectedSite = "kumamoto-university";
    CHECK(f.layout().hits.clusters.size() == all);
}

TEST_CASE("what the pointer is over: a marker first, then a link", "[content-layout]") {
    Fixture f;
    f.lookAt(125.5, 27.7, 1500.0);
    f.cursor = f.screen(2); // Kaohsiung
    const geo::ContentLayout marker = f.layout();
    REQUIRE(marker.hover.kind == geo::ContentHover::Kind::Marker);
    CHECK(marker.hits.clusters[marker.hover.cluster].leader == 2);
    // Halfway along the sister-city link, away from any marker.
    const auto& arc = marker.hits.links[0];
    REQUIRE(!arc.empty());
    f.cursor = arc[arc.size() / 2];
    const geo::ContentLayout link = f.layout();
    CHECK(link.hover.kind == geo::ContentHover::Kind::Link);
    CHECK(link.hover.id == "sister");
    // The hovered link wears the emphasis casing.
    bool emphasised = false;
    for (const geo::DisplayItem& item : link.list.items)
        if (const auto* l = std::get_if<geo::draw::Line>(&item)) emphasised = emphasised || l->style.casing == f.palette.partnerships.emphasis;
    CHECK(emphasised);
}

namespace {

// Does segment a-b pass through the inside of box [lo, hi]? (sampled finely enough for the test)
bool segmentInside(glm::vec2 a, glm::vec2 b, glm::dvec2 lo, glm::dvec2 hi) {
    const int steps = 64;
    for (int i = 0; i <= steps; ++i) {
        const glm::vec2 p = a + (b - a) * (static_cast<float>(i) / steps);
        if (static_cast<double>(p.x) > lo.x && static_cast<double>(p.x) < hi.x && static_cast<double>(p.y) > lo.y && static_cast<double>(p.y) < hi.y) return true;
    }
    return false;
}

} // namespace

TEST_CASE("no label covers a marker, badge, arrow, callout, caption or panel, nor has a line through it, at any view", "[content-layout]") {
    Fixture f;
    geo::activateTrip(f.state, f.scene, "delegation");
    f.panels.sidebar = {{0, 0}, {300, 720}};
    f.panels.leftInset = 300;
    std::size_t labels = 0, views = 0;
    for (double mpp : {8.0, 40.0, 200.0, 1000.0})
        for (double lon : {130.6, 130.74, 130.9})
            for (double lat : {32.7, 32.8, 33.0}) {
                f.lookAt(lon, lat, mpp);
                for (const std::string selected : {"", "kumamoto"}) {
                    f.state.selectedSite = selected;
                    const geo::ContentLayout out = f.layout();
                    ++views;
                    std::vector<geo::ScreenBox> placedLabels;
                    for (const geo::KindedBox& b : out.placement)
                        if (b.kind == geo::BoxKind::Label) placedLabels.push_back(b.box);
                    labels += placedLabels.size();
                    for (std::size_t i = 0; i < placedLabels.size(); ++i) {
                        const geo::ScreenBox& l = placedLabels[i];
                        INFO("view " << lon << "," << lat << " at " << mpp << " m/px, label " << i);
                        for (std::size_t j = i + 1; j < placedLabels.size(); ++j) CHECK_FALSE(l.overlaps(placedLabels[j]));
                        for (const geo::KindedBox& b : out.placement)
                            if (b.kind != geo::BoxKind::Label) {
                                INFO("a " << geo::boxKindName(b.kind));
                                CHECK_FALSE(l.overlaps(b.box));
                            }
                        for (const geo::DisplayItem& item : out.list.items)
                            if (const auto* line = std::get_if<geo::draw::Line>(&item))
                                for (std::size_t k = 1; k < line->points.size(); ++k)
                                    CHECK_FALSE(segmentInside(line->points[k - 1], line->points[k], l.min, l.max));
                    }
                }
            }
    CHECK(views == 72);
    CHECK(labels > 40); // the views do place labels
}

TEST_CASE("a place reached by two legs of a trip gets one callout, not one per leg", "[content-layout]") {
    Fixture f;
    // The delegation flies to Phoenix, back to Kumamoto University and to Phoenix again: two
    // legs from the same stop leave the map for Phoenix, with the same name and distance.
    geo::Trip& trip = f.briefing.trips.front();
    REQUIRE(trip.id == "delegation");
    REQUIRE(trip.stops.back().siteId == "phoenix");
    for (const char* site : {"kumamoto-university", "phoenix"}) {
        geo::Stop next;
        next.siteId = site;
        next.date = geo::PartialDate{2026, 3, 5};
        next.leg = geo::LegMode::Flight;
        trip.stops.push_back(next);
    }
    f.scene = geo::buildContentScene(f.briefing, f.projection, geo::LonLatBox{{110.0, 15.0}, {150.0, 45.0}});
    f.lookAt(130.74, 32.80, 200.0);
    geo::activateTrip(f.state, f.scene, "delegation");
    const geo::ContentLayout out = f.layout();
    const std::vector<std::string> plain = texts(out.list, false);
    CHECK(std::count_if(plain.begin(), plain.end(), [](const std::string& t) { return t.rfind("Phoenix  ", 0) == 0; }) == 1);
    CHECK(out.hits.edgeTargets.size() == 2); // its arrow and its box
}

TEST_CASE("an edge callout stands at the edge its line leaves through", "[content-layout]") {
    Fixture f;
    f.lookAt(130.74, 32.80, 200.0);
    geo::activateTrip(f.state, f.scene, "delegation");
    const geo::ContentLayout out = f.layout();
    std::vector<geo::ScreenBox> callouts;
    for (const geo::KindedBox& b : out.placement)
        if (b.kind == geo::BoxKind::Callout) callouts.push_back(b.box);
    REQUIRE(callouts.size() == 1);
    // Phoenix lies across the Pacific; the great circle leaves the map north-east, through its top
    // edge: the callout stands against that edge (its arrow's tip 8 px from it), not in the map's middle.
    const geo::ScreenBox& c = callouts[0];
    INFO("callout " << c.min.x << "," << c.min.y << " - " << c.max.x << "," << c.max.y);
    CHECK(c.min.y >= 0.0);
    CHECK(c.min.y < 10.0);
    CHECK(c.max.y < 120.0);
    CHECK(c.min.x > 640.0); // on the east half, where the line leaves
    CHECK(c.max.x <= 1280.0);
}

TEST_CASE("the base map's town names show at city zoom, under the site labels, only where they do not crowd", "[content-layout]") {
    Fixture f;
    geo::BasePlaces places;
    places.minZoom = 9.0;
    auto add = [&](double lon, double lat, std::string en) {
        geo::PlaceName p;
        p.lonLat = {lon, lat};
        p.en = std::move(en);
        places.names.push_back(p);
        places.world.push_back(f.projection.forward(p.lonLat));
    };
    add(130.60, 32.95, "Faraway");     // far from every site
    add(130.7417, 32.8032, "Under");   // on a site's marker
    add(130.6005, 32.9505, "Crowding"); // on top of Faraway
    const auto layout = [&](double mpp) {
        geo::ContentLayoutInput in{f.briefing, f.scene, f.state, f.camera, f.projection, f.palette, f.measure, 1.0f, f.panels, {}, f.cursor, {}, &places};
        f.lookAt(130.70, 32.85, mpp);
        return geo::layoutContent(in);
    };
    // City zoom (about 9.7): the far one only.
    auto out = layout(180.0);
    const auto isPlace = [](const std::string& t) { return t == "Faraway" || t == "Under" || t == "Crowding"; };
    std::vector<std::string> shown;
    for (const geo::DisplayItem& item : out.list.items)
        if (const auto* t = std::get_if<geo::draw::Text>(&item); t && isPlace(t->text)) shown.push_back(t->text);
    CHECK(shown == std::vector<std::string>{"Faraway"});
    // Painted before (under) the site labels.
    std::size_t firstPlace = 0, firstSite = 0;
    for (std::size_t i = 0; i < out.list.items.size(); ++i)
        if (const auto* t = std::get_if<geo::draw::Text>(&out.list.items[i]); t && t->halo > 0) {
            if (isPlace(t->text) && !firstPlace) firstPlace = i + 1;
            if (!isPlace(t->text) && !firstSite) firstSite = i + 1;
        }
    REQUIRE(firstPlace > 0);
    REQUIRE(firstSite > 0);
    CHECK(firstPlace < firstSite);
    // Below its zoom: none.
    out = layout(600.0); // zoom about 8
    for (const geo::DisplayItem& item : out.list.items)
        if (const auto* t = std::get_if<geo::draw::Text>(&item)) CHECK_FALSE(isPlace(t->text));
}
