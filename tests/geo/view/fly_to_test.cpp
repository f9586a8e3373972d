#include <geo/view/fly_to.hpp>

#include <catch2/catch.hpp>

#include <glm/geometric.hpp>

#include <cmath>

using geo::FlightView;
using geo::FlyToPath;

TEST_CASE("a flight starts and ends exactly at its views", "[fly_to]") {
    const FlightView from{{-300000.0, 120000.0}, 2.0e6};
    const FlightView to{{550000.0, 900000.0}, 40000.0};
    const FlyToPath path(from, to);
    CHECK(path.at(0.0).center == from.center);
    CHECK(path.at(0.0).width == from.width);
    CHECK(path.at(1.0).center == to.center);
    CHECK(path.at(1.0).width == to.width);
    // Out-of-range progress is clamped, not extrapolated.
    CHECK(path.at(-0.5).center == from.center);
    CHECK(path.at(1.5).center == to.center);
    // Continuous at the ends: just before the end is within a thousandth of the way.
    const FlightView nearEnd = path.at(1.0 - 1e-6);
    CHECK(glm::length(nearEnd.center - to.center) < 1e-3 * glm::length(to.center - from.center));
    CHECK(std::abs(nearEnd.width / to.width - 1.0) < 1e-3);
}

TEST_CASE("progress along a flight is monotone towards the target", "[fly_to]") {
    const FlightView from{{0.0, 0.0}, 500000.0};
    const FlightView to{{1.3e6, -4.0e5}, 60000.0};
    const FlyToPath path(from, to);
    const double total = glm::length(to.center - from.center);
    double previous = -1.0;
    for (int i = 0; i <= 200; ++i) {
        const FlightView v = path.at(i / 200.0);
        const double along = glm::dot(v.center - from.center, to.center - from.center) / total;
        CHECK(along >= previous - 1e-6);
        // The centre stays on the straight line between the two centres.
        const glm::dvec2 dir = (to.center - from.center) / total;
        const glm::dvec2 off = (v.center - from.center) - dir * along;
        CHECK(glm::length(off) < 1e-6 * total);
        previous = along;
    }
}

TEST_CASE("a long flight zooms out on the way, a short one hardly", "[fly_to]") {
    // Taiwan to Kyushu (~1,200 km) seen 100 km wide: the path rises well above both ends.
    const FlyToPath far({{0.0, 0.0}, 100000.0}, {{1.2e6, 0.0}, 100000.0});
    CHECK(far.at(0.5).width > 5.0 * 100000.0);
    // Moving by a tenth of the screen barely changes the width.
    const FlyToPath near({{0.0, 0.0}, 100000.0}, {{10000.0, 0.0}, 100000.0});
    CHECK(near.at(0.5).width < 1.01 * 100000.0);
    CHECK(near.at(0.5).width >= 100000.0);
}

TEST_CASE("a flight between views with the same centre is a pure zoom", "[fly_to]") {
    const FlyToPath zoomIn({{5.0, 5.0}, 1.0e6}, {{5.0, 5.0}, 1.0e4});
    double previous = 2.0e6;
    for (int i = 0; i <= 50; ++i) {
        const FlightView v = zoomIn.at(i / 50.0);
        CHECK(v.center == glm::dvec2(5.0, 5.0));
        CHECK(v.width < previous); // keeps zooming in
        previous = v.width;
    }
    CHECK(zoomIn.at(1.0).width == 1.0e4);
    // The same view: nothing to fly.
    const FlyToPath same({{1.0, 2.0}, 300.0}, {{1.0, 2.0}, 300.0});
    CHECK(same.durationSeconds() == 0.0);
    CHECK(same.at(0.5).center == glm::dvec2(1.0, 2.0));
}

TEST_CASE("a flight's duration grows with distance within its bounds", "[fly_to]") {
    const FlightView start{{0.0, 0.0}, 200000.0};
    const double d1 = FlyToPath(start, {{50000.0, 0.0}, 200000.0}).durationSeconds();
    const double d2 = FlyToPath(start, {{500000.0, 0.0}, 200000.0}).durationSeconds();
    const double d3 = FlyToPath(start, {{5.0e6, 0.0}, 200000.0}).durationSeconds();
    CHECK(d1 >= 0.4);
    CHECK(d1 < d2);
    CHECK(d2 <= d3);
    CHECK(d3 <= 3.0);
}

TEST_CASE("easeInOut is monotone from 0 to 1", "[fly_to]") {
    CHECK(geo::easeInOut(0.0) == 0.0);
    CHECK(geo::easeInOut(1.0) == 1.0);
    CHECK(geo::easeInOut(0.5) == Approx(0.5));
    double previous = 0.0;
    for (int i = 1; i <= 100; ++i) {
        const double e = geo::easeInOut(i / 100.0);
        CHECK(e >= previous);
        previous = e;
    }
}
