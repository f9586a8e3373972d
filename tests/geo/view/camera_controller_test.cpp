#include <geo/view/camera_controller.hpp>

#include <catch2/catch.hpp>

#include <cmath>

namespace {

geo::FrameRequest request(double x0, double y0, double x1, double y1, double minMpp = 20.0) {
    geo::FrameRequest r;
    r.box.extend({x0, y0});
    r.box.extend({x1, y1});
    r.minMpp = minMpp;
    return r;
}

// Where the box lands on screen once framed.
geo::Box onScreen(const geo::FrameRequest& r, const geo::CameraView& v, glm::dvec2 viewport) {
    geo::Camera c;
    c.setViewport(viewport);
    c.setMetersPerPixel(v.metersPerPixel);
    c.setCenter(v.center);
    geo::Box b;
    b.extend(c.worldToScreen(r.box.min));
    b.extend(c.worldToScreen(r.box.max));
    return b;
}

} // namespace

TEST_CASE("a box is framed in the part of the screen the panels leave free, with a margin", "[camera-controller]") {
    const glm::dvec2 vp{1920, 1080};
    // 100 km by 50 km; the sidebar covers 394 px on the left, the notes panel 590 px on the right.
    const geo::FrameRequest r = request(0, 0, 100'000, 50'000);
    geo::EdgePadding padding;
    padding.left = 394;
    padding.right = 590;
    const geo::CameraView v = geo::enclosingView(r, vp, padding, 1.0);
    const geo::Box s = onScreen(r, v, vp);
    // The width limits: 1920 - 394 - 590 = 936 px free, 70 px of margin on each side.
    CHECK(v.metersPerPixel == Approx(100'000.0 / (936 - 140)));
    CHECK(s.min.x == Approx(394 + 70).margin(1e-6));
    CHECK(s.max.x == Approx(1920 - 590 - 70).margin(1e-6));
    CHECK((s.min.y + s.max.y) / 2 == Approx(540).margin(1e-6)); // centred between top and bottom
}

TEST_CASE("presenting, the box sits between the step number above and the caption below", "[camera-controller]") {
    const glm::dvec2 vp{1920, 1080};
    const geo::FrameRequest r = request(0, 0, 10'000, 100'000);
    geo::EdgePadding padding;
    padding.top = 80;
    padding.bottom = 250;
    const geo::CameraView v = geo::enclosingView(r, vp, padding, 1.0);
    const geo::Box s = onScreen(r, v, vp);
    CHECK(s.min.y == Approx(80 + 70).margin(1e-6));
    CHECK(s.max.y == Approx(1080 - 250 - 70).margin(1e-6));
    CHECK((s.min.x + s.max.x) / 2 == Approx(960).margin(1e-6));
}

TEST_CASE("a point is framed at the request's closest scale, which is for interface scale 1", "[camera-controller]") {
    const glm::dvec2 vp{3840, 2160};
    geo::FrameRequest r = request(5000, 7000, 5000, 7000, 40.0);
    // At interface scale 2 (4K) the same ground as at 1080p: half the metres per pixel.
    const geo::CameraView v = geo::enclosingView(r, vp, {}, 2.0);
    CHECK(v.metersPerPixel == Approx(20.0));
    CHECK(v.center.x == Approx(5000));
    CHECK(v.center.y == Approx(7000));
    // An exact request keeps its scale.
    r.exact = true;
    r.minMpp = 33.0;
    CHECK(geo::enclosingView(r, vp, {}, 2.0).metersPerPixel == 33.0);
}

TEST_CASE("a full-map view has a 40 px margin, and a screen narrower than 200 px a floor", "[camera-controller]") {
    const glm::dvec2 vp{1000, 800};
    const geo::FrameRequest r = request(0, 0, 92'000, 1, 0.0);
    CHECK(geo::enclosingView(r, vp, {}, 1.0).metersPerPixel == Approx(92'000.0 / (1000 - 80)));
    geo::EdgePadding crowded;
    crowded.left = 500;
    crowded.right = 450; // 50 px free: framed as if 200 px were
    CHECK(geo::enclosingView(request(0, 0, 13'000, 1), vp, crowded, 1.0).metersPerPixel == Approx(13'000.0 / 60));
}

TEST_CASE("the controller cuts, or flies and lands exactly on the framed view", "[camera-controller]") {
    geo::CameraController c;
    c.camera().setViewport({1280, 720});
    c.camera().setMetersPerPixel(2000);
    c.camera().setCenter({0, 0});
    const geo::FrameRequest r = request(400'000, 300'000, 500'000, 350'000);
    const geo::CameraView target = geo::enclosingView(r, {1280, 720}, {}, 1.0);
    c.frame(r, {}, 1.0, true);
    REQUIRE(c.flying());
    int steps = 0;
    while (c.step(1.0 / 60.0) && ++steps < 10'000) {
    }
    CHECK_FALSE(c.flying());
    CHECK(steps > 20); // a flight of 0.4 s at least
    CHECK(c.camera().center().x == Approx(target.center.x));
    CHECK(c.camera().center().y == Approx(target.center.y));
    CHECK(c.camera().metersPerPixel() == Approx(target.metersPerPixel));
    // A cut goes there at once; an empty box changes nothing.
    c.frame(request(0, 0, 1000, 1000), {}, 1.0, false);
    CHECK_FALSE(c.flying());
    CHECK(c.camera().center().x == Approx(500));
    const glm::dvec2 before = c.camera().center();
    c.frame(geo::FrameRequest{}, {}, 1.0, true);
    CHECK_FALSE(c.flying());
    CHECK(c.camera().center() == before);
}
