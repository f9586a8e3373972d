// Partnership links on screen: a bundle's lines side by side, quiet at the regional zoom and at
// full strength closer in or when they are the subject; clicks follow the lines as drawn.

#include <geo/view/content_layout.hpp>

#include <geo/base/projection.hpp>

#include "content_fixture.hpp"
#include "fixed_measure.hpp"

#include <catch2/catch.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace {

struct Fixture : test::ContentFixture {
    geo::Camera camera;
    geo::Palette palette = geo::shippedPalette();
    test::FixedMeasure measure;
    geo::PanelLayout panels;
    std::optional<glm::dvec2> cursor;

    // A second partnership between Kaohsiung and Kumamoto (its university): with "sister" it is
    // a bundle of two.
    Fixture() {
        geo::Partnership mou;
        mou.id = "mou";
        mou.kind = geo::PartnershipKind::UniversityMou;
        mou.parties = {"kumamoto-university", "kaohsiung"};
        briefing.partnerships.push_back(mou);
        scene = geo::buildContentScene(briefing, projection, geo::LonLatBox{{110.0, 15.0}, {150.0, 45.0}});
        camera.setViewport({1600, 900});
        lookAt(geo::zoomToMpp(6.0)); // the regional view
    }
    void lookAt(double mpp) {
        camera.setMetersPerPixel(mpp);
        camera.setCenter(projection.forward({125.5, 27.7})); // between Kaohsiung and Kumamoto
    }
    geo::ContentLayout layout() const {
        return geo::layoutContent({briefing, scene, state, camera, projection, palette, measure, 1.0f, panels, {}, cursor, {}, nullptr});
    }
    std::size_t link(const std::string& id) const {
        return static_cast<std::size_t>(std::find(scene.linkIds.begin(), scene.linkIds.end(), id) - scene.linkIds.begin());
    }
};

// The drawn lines of a kind (its colour, whatever its opacity), in painting order.
std::vector<geo::draw::Line> linesOf(const geo::DisplayList& list, geo::Color colour) {
    std::vector<geo::draw::Line> out;
    for (const geo::DisplayItem& item : list.items)
        if (const auto* l = std::get_if<geo::draw::Line>(&item))
            if (l->style.colour.r == colour.r && l->style.colour.g == colour.g && l->style.colour.b == colour.b) out.push_back(*l);
    return out;
}

geo::draw::Line only(const std::vector<geo::draw::Line>& lines) {
    REQUIRE(lines.size() == 1);
    return lines.front();
}

glm::dvec2 middle(const std::vector<glm::dvec2>& line) { return line[line.size() / 2]; }

} // namespace

TEST_CASE("a bundle's lines run side by side along its trunk, each clicked where it is drawn", "[link-layout]") {
    Fixture f;
    const std::size_t sister = f.link("sister"), mou = f.link("mou");
    REQUIRE(f.scene.links[sister].bundle >= 0);
    REQUIRE(f.scene.links[sister].bundle == f.scene.links[mou].bundle);
    const geo::ContentLayout out = f.layout();
    const std::vector<glm::dvec2>& a = out.hits.links[sister];
    const std::vector<glm::dvec2>& b = out.hits.links[mou];
    REQUIRE(a.size() == 49);
    REQUIRE(b.size() == 49);
    // Both run Kumamoto → Kaohsiung (the canonical order), the bundle's way.
    CHECK_FALSE(f.scene.links[sister].bundleReversed);
    CHECK_FALSE(f.scene.links[mou].bundleReversed);
    // Along the trunk they are one lane apart: 2 px lines at this zoom with 2 px between them.
    for (std::size_t k = 15; k <= 33; ++k) {
        INFO(k);
        CHECK(glm::length(a[k] - b[k]) == Approx(4.0).margin(0.05));
    }
    // The drawn line is the hit line: a click on either's middle is that link.
    const geo::draw::Line drawn = only(linesOf(out.list, f.palette.link(geo::PartnershipKind::SisterCities).colour));
    REQUIRE(drawn.points.size() == a.size());
    for (std::size_t k = 0; k < a.size(); ++k) CHECK(glm::length(glm::dvec2(drawn.points[k]) - a[k]) < 1e-3);
    CHECK(out.hits.linkAt(middle(a)) == std::optional<std::string>("sister"));
    CHECK(out.hits.linkAt(middle(b)) == std::optional<std::string>("mou"));
    // Both end on their sites: Kumamoto and its university, Kaohsiung.
    CHECK(glm::length(a.front() - f.camera.worldToScreen(f.scene.siteWorld[0])) < 1e-6);
    CHECK(glm::length(b.front() - f.camera.worldToScreen(f.scene.siteWorld[4])) < 1e-6);
    CHECK(glm::length(a.back() - f.camera.worldToScreen(f.scene.siteWorld[2])) < 1e-6);
    CHECK(glm::length(b.back() - f.camera.worldToScreen(f.scene.siteWorld[2])) < 1e-6);
}

TEST_CASE("links are quiet at the regional zoom and grow to full strength closer in", "[link-layout]") {
    Fixture f;
    const geo::Color colour = f.palette.link(geo::PartnershipKind::SisterCities).colour;
    const geo::draw::Line quiet = only(linesOf(f.layout().list, colour));
    CHECK(quiet.style.width == Approx(2.0f));                      // 4 px × quiet_width 0.5
    CHECK(quiet.style.colour.a == static_cast<int>(255 * 0.55f));  // quiet_opacity
    f.lookAt(geo::zoomToMpp(8.0));
    const geo::draw::Line half = only(linesOf(f.layout().list, colour));
    CHECK(half.style.width == Approx(3.0f));
    f.lookAt(geo::zoomToMpp(9.5));
    const auto full = linesOf(f.layout().list, colour);
    REQUIRE_FALSE(full.empty()); // (zoomed in, the line may leave the screen and come back)
    for (const auto& line : full) {
        CHECK(line.style.width == Approx(4.0f));
        CHECK(line.style.colour.a == 255);
    }
}

TEST_CASE("a hovered, selected, filtered-for or story link is at full strength at the regional zoom", "[link-layout]") {
    Fixture f;
    const geo::Color sisterColour = f.palette.link(geo::PartnershipKind::SisterCities).colour;
    const geo::Color mouColour = f.palette.link(geo::PartnershipKind::UniversityMou).colour;
    SECTION("hovered: wider than full, with the emphasis casing, drawn last; the other stays quiet") {
        f.cursor = middle(f.layout().hits.links[f.link("mou")]);
        const geo::ContentLayout out = f.layout();
        CHECK(out.hover.kind == geo::ContentHover::Kind::Link);
        CHECK(out.hover.id == "mou");
        const geo::draw::Line hovered = only(linesOf(out.list, mouColour));
        CHECK(hovered.style.width == Approx(6.0f));
        CHECK(hovered.style.colour.a == 255);
        CHECK(hovered.style.casing == f.palette.partnerships.emphasis);
        CHECK(only(linesOf(out.list, sisterColour)).style.width == Approx(2.0f));
        const auto last = std::find_if(out.list.items.rbegin(), out.list.items.rend(),
                                       [](const geo::DisplayItem& item) { return std::holds_alternative<geo::draw::Line>(item); });
        REQUIRE(last != out.list.items.rend());
        CHECK(std::get<geo::draw::Line>(*last).style.colour.r == mouColour.r);
    }
    SECTION("selected") {
        f.state.selectedPartnership = "sister";
        CHECK(only(linesOf(f.layout().list, sisterColour)).style.width == Approx(6.0f));
        CHECK(only(linesOf(f.layout().list, mouColour)).style.width == Approx(2.0f));
    }
    SECTION("a kind filtered out: the links left are full strength, their lanes as far apart as they are wide") {
        f.state.partnershipKinds[static_cast<std::size_t>(geo::PartnershipKind::CooperationMou)] = false;
        const geo::ContentLayout out = f.layout();
        CHECK(only(linesOf(out.list, sisterColour)).style.width == Approx(4.0f));
        CHECK(only(linesOf(out.list, mouColour)).style.colour.a == 255);
        const auto& a = out.hits.links[f.link("sister")];
        const auto& b = out.hits.links[f.link("mou")];
        CHECK(glm::length(a[24] - b[24]) == Approx(6.0).margin(0.05)); // 4 px lines, 2 px apart
    }
    SECTION("the year filter") {
        f.state.yearFilter = true;
        f.state.year = 2030;
        CHECK(only(linesOf(f.layout().list, sisterColour)).style.width == Approx(4.0f));
    }
    SECTION("a story step's") {
        f.state.presenting = true;
        f.state.highlightPartnerships = {"sister"};
        const geo::ContentLayout out = f.layout();
        CHECK(only(linesOf(out.list, sisterColour)).style.colour.a == 255);
        CHECK(linesOf(out.list, mouColour).empty()); // presenting shows the step's links only
    }
}
