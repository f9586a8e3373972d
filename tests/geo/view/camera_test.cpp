#include <geo/view/camera.hpp>

#include <catch2/catch.hpp>

#include <cmath>

namespace {
geo::Box box(double x0, double y0, double x1, double y1) {
    geo::Box b;
    b.extend({x0, y0});
    b.extend({x1, y1});
    return b;
}
} // namespace

TEST_CASE("screen and world coordinates convert both ways", "[camera]") {
    geo::Camera c;
    c.setViewport({800, 600});
    c.setCenter({1000, 2000});
    c.setMetersPerPixel(10);
    CHECK(c.worldToScreen({1000, 2000}) == glm::dvec2(400, 300));
    // Screen y grows downwards, world y upwards.
    CHECK(c.worldToScreen({1100, 2100}) == glm::dvec2(410, 290));
    const glm::dvec2 w = c.screenToWorld({123, 456});
    const glm::dvec2 s = c.worldToScreen(w);
    CHECK(s.x == Approx(123).margin(1e-9));
    CHECK(s.y == Approx(456).margin(1e-9));
    const geo::Box v = c.visibleBox();
    CHECK(v.min == glm::dvec2(-3000, -1000));
    CHECK(v.max == glm::dvec2(5000, 5000));
}

TEST_CASE("zooming about a point keeps that point under the cursor", "[camera]") {
    geo::Camera c;
    c.setViewport({1920, 1080});
    c.setMetersPerPixel(500);
    const glm::dvec2 cursor{300, 700};
    const glm::dvec2 anchor = c.screenToWorld(cursor);
    c.zoomAbout(cursor, 2.0);
    CHECK(c.metersPerPixel() == Approx(250));
    const glm::dvec2 after = c.worldToScreen(anchor);
    CHECK(after.x == Approx(cursor.x).margin(1e-6)); // pixels
    CHECK(after.y == Approx(cursor.y).margin(1e-6));
}

TEST_CASE("panning moves the map with the pointer", "[camera]") {
    geo::Camera c;
    c.setViewport({800, 600});
    c.setMetersPerPixel(2);
    const glm::dvec2 grabbed = c.screenToWorld({100, 100});
    c.panPixels({50, -20});
    const glm::dvec2 now = c.worldToScreen(grabbed);
    CHECK(now.x == Approx(150));
    CHECK(now.y == Approx(80));
}

TEST_CASE("fit frames a box with the margin and resizing keeps the centre", "[camera]") {
    geo::Camera c;
    c.setViewport({1000, 500});
    c.fit(box(0, 0, 4000, 1000), 50);
    // 4000 m over 900 px wide, 1000 m over 400 px high: width decides.
    CHECK(c.metersPerPixel() == Approx(4000.0 / 900.0));
    CHECK(c.center() == glm::dvec2(2000, 500));
    c.setViewport({300, 700});
    CHECK(c.center() == glm::dvec2(2000, 500));
    CHECK(c.metersPerPixel() == Approx(4000.0 / 900.0));
}

TEST_CASE("limits keep the map findable and the view inside the data", "[camera]") {
    geo::Camera c;
    c.setViewport({800, 600});
    c.setLimits(box(-1000, -1000, 1000, 1000), 0.5, 100);
    // Zoomed out as far as allowed: 2000 m over 800 px wide is 2.5 m per pixel.
    c.zoomAbout({400, 300}, 1e-9);
    CHECK(c.metersPerPixel() == Approx(2.5));
    c.setMetersPerPixel(1.0);
    c.panPixels({1e9, 1e9}); // dragged far to the bottom right: the view stops at the top-left corner
    CHECK(c.center() == glm::dvec2(-1000 + 400, 1000 - 300));
    CHECK(c.visibleBox().min.x == Approx(-1000));
    CHECK(c.visibleBox().max.y == Approx(1000));
    c.zoomAbout({400, 300}, 1e9);
    CHECK(c.metersPerPixel() == 0.5);
    c.setViewport({0, 0}); // a minimised window
    CHECK(c.viewport() == glm::dvec2(1, 1));
    CHECK(std::isfinite(c.center().x));
}

TEST_CASE("zoom levels follow the web-map convention", "[camera]") {
    // Zoom 0 is 156543.03392804097 m per pixel at the equator (EPSG:3857, 256 px tiles).
    CHECK(geo::zoomToMpp(0) == Approx(156543.03392804097));
    CHECK(geo::zoomToMpp(10) == Approx(152.87405657035));
    CHECK(geo::mppToZoom(geo::zoomToMpp(7.5)) == Approx(7.5));
}
