#include <geo/present/laser.hpp>
#include <geo/present/live_tools.hpp>
#include <geo/present/spotlight.hpp>

#include <catch2/catch.hpp>

#include "content_fixture.hpp"

TEST_CASE("laser: the dot is a fiftieth of the screen's height across, ringed, with a trail that fades in a second", "[laser]") {
    const geo::Palette::Tools look = geo::shippedPalette().tools;
    geo::LaserTrail laser;
    for (int i = 0; i <= 10; ++i) laser.move({100.0f + 40.0f * static_cast<float>(i), 500.0f}, 10.0 + 0.05 * i);
    geo::DisplayList list;
    laser.layout(10.5, 1080.0f, look, list);
    const auto* dot = std::get_if<geo::draw::Disc>(&list.items.back());
    REQUIRE(dot);
    CHECK(dot->centre == glm::vec2(500.0f, 500.0f));
    CHECK(dot->style.fillRadius * 2.0f == Approx(1080.0f / 50.0f));
    CHECK(dot->style.ring == look.laserRing); // a contrasting ring
    CHECK(dot->style.ringRadius > dot->style.fillRadius);
    CHECK(dot->style.rimRadius > dot->style.ringRadius);
    // The trail: older segments fainter.
    std::vector<int> alphas;
    for (const auto& item : list.items)
        if (const auto* l = std::get_if<geo::draw::Line>(&item)) alphas.push_back(l->style.colour.a);
    REQUIRE(alphas.size() >= 5);
    CHECK(alphas.front() < alphas.back());
    CHECK(laser.fading(10.5));
    // A second after the pointer stopped, only the dot is left.
    CHECK_FALSE(laser.fading(11.6));
    geo::DisplayList later;
    laser.layout(11.6, 1080.0f, look, later);
    REQUIRE(later.items.size() == 1);
    CHECK(std::holds_alternative<geo::draw::Disc>(later.items[0]));
    // Gone with the pointer.
    laser.hide();
    geo::DisplayList none;
    laser.layout(11.6, 1080.0f, look, none);
    CHECK(none.empty());
}

TEST_CASE("spotlight: fades in and out, follows the pointer, its radius kept in range", "[spotlight]") {
    const test::ContentFixture f;
    geo::Camera camera;
    camera.setViewport({1920.0, 1080.0});
    const geo::Palette::Tools look = geo::shippedPalette().tools;
    geo::Spotlight spot;
    geo::DisplayList off;
    spot.layout(f.briefing, f.scene, camera, {1920.0f, 1080.0f}, look, off);
    CHECK(off.empty());
    spot.toggle();
    CHECK(spot.step(0.1));
    CHECK(spot.opacity() > 0.0f);
    CHECK(spot.opacity() < 1.0f);
    while (spot.step(0.1)) {
    }
    CHECK(spot.opacity() == 1.0f);
    spot.setPointer(glm::vec2(300.0f, 200.0f));
    geo::DisplayList list;
    spot.layout(f.briefing, f.scene, camera, {1920.0f, 1080.0f}, look, list);
    REQUIRE(list.items.size() == 1);
    const auto& shade = std::get<geo::draw::Shade>(list.items[0]);
    CHECK(shade.centre == glm::vec2(300.0f, 200.0f));
    CHECK(shade.radius == Approx(0.16f * 1080.0f));
    CHECK(shade.softness > 0.0f);
    CHECK(shade.colour == look.spotlight);
    for (int i = 0; i < 40; ++i) spot.scaleRadius(1.25f);
    CHECK(spot.radius() == Approx(geo::Spotlight::kMaxRadius));
    for (int i = 0; i < 80; ++i) spot.scaleRadius(0.8f);
    CHECK(spot.radius() == Approx(geo::Spotlight::kMinRadius));
    spot.toggle();
    CHECK(spot.step(0.1));
    spot.settle();
    CHECK(spot.opacity() == 0.0f);
}

TEST_CASE("spotlight: locked to a site, it stays on the site while the camera moves", "[spotlight]") {
    const test::ContentFixture f;
    geo::Camera camera;
    camera.setViewport({1920.0, 1080.0});
    camera.setMetersPerPixel(800.0);
    camera.setCenter(f.projection.forward({125.0, 28.0}));
    geo::Spotlight spot;
    spot.setOn(true);
    spot.settle();
    spot.setPointer(glm::vec2(10.0f, 10.0f));
    spot.lockTo("kumamoto");
    const glm::dvec2 kumamoto = f.projection.forward({f.briefing.findSite("kumamoto")->lon, f.briefing.findSite("kumamoto")->lat});
    for (int frame = 0; frame < 5; ++frame) {
        camera.panPixels({37.0, -21.0});
        camera.zoomAbout({900.0, 500.0}, 1.1);
        const glm::vec2 c = spot.centre(f.briefing, f.scene, camera, {1920.0f, 1080.0f});
        const glm::dvec2 expect = camera.worldToScreen(kumamoto);
        CHECK(std::abs(static_cast<double>(c.x) - expect.x) < 0.5);
        CHECK(std::abs(static_cast<double>(c.y) - expect.y) < 0.5);
    }
    // Turned off, it lets go of the site.
    spot.toggle();
    CHECK(spot.lockedSite().empty());
}

TEST_CASE("laser, spotlight and ink: the audience's layers, the laser on top", "[laser][spotlight][ink]") {
    const test::ContentFixture f;
    geo::Camera camera;
    camera.setViewport({1920.0, 1080.0});
    geo::LiveTools tools;
    const geo::Palette::Tools look = geo::shippedPalette().tools;
    tools.toggle(geo::PointerMode::Laser);
    tools.laser.move({50.0f, 60.0f}, 1.0);
    tools.spotlight.setOn(true);
    tools.spotlight.settle();
    tools.zoomBox = std::make_pair(glm::vec2(10.0f, 10.0f), glm::vec2(200.0f, 100.0f));
    const geo::LiveToolsLayout out = geo::layoutLiveTools(tools, {"tour", 0}, {}, f.briefing, f.scene, camera, {1920.0f, 1080.0f}, look, 1.0f, 1.0);
    REQUIRE(out.top.items.size() == 1);
    CHECK(std::holds_alternative<geo::draw::Disc>(out.top.items[0]));
    REQUIRE(out.underCaption.items.size() == 2);
    CHECK(std::holds_alternative<geo::draw::Rect>(out.underCaption.items[0]));
    CHECK(std::holds_alternative<geo::draw::Shade>(out.underCaption.items[1]));
    // The laser off: no dot; the pen's colours cycle.
    tools.toggle(geo::PointerMode::Pen);
    CHECK(tools.inking());
    tools.nextColour(look);
    CHECK(tools.penColour == 1);
    for (std::size_t i = 1; i < look.ink.size(); ++i) tools.nextColour(look);
    CHECK(tools.penColour == 0);
    const geo::LiveToolsLayout pen = geo::layoutLiveTools(tools, {"tour", 0}, {}, f.briefing, f.scene, camera, {1920.0f, 1080.0f}, look, 1.0f, 1.0);
    CHECK(pen.top.empty());
}
