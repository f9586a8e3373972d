// Tests for geo/edge_marker.hpp. Screen pixels, y down; an 800 × 600 viewport with a
// 20 px inset, so the inset rectangle is [20, 780] × [20, 580] and the centre (400, 300).
#include <geo/view/edge_marker.hpp>

#include <catch2/catch.hpp>

#include <glm/geometric.hpp>

#include <cmath>
#include <limits>

using glm::dvec2;

namespace {
const dvec2 kViewport{800, 600};
constexpr double kInset = 20.0;
} // namespace

TEST_CASE("edgeExit: a line to the far right exits on the right inset edge", "[edge_marker]") {
    const auto m = geo::edgeExit({{400, 300}, {5000, 300}}, kViewport, kInset);
    REQUIRE(m);
    CHECK(m->position.x == Approx(780.0)); // viewport.x - inset
    CHECK(m->position.y == Approx(300.0));
    CHECK(m->direction.x == Approx(1.0));
    CHECK(m->direction.y == Approx(0.0).margin(1e-12));
}

TEST_CASE("edgeExit: a diagonal leaves through the first edge it meets", "[edge_marker]") {
    // From the centre at 45° up and to the right: y reaches 20 (280 px up) before x reaches 780 (380 px).
    const auto m = geo::edgeExit({{400, 300}, {500, 200}, {1400, -700}}, kViewport, kInset);
    REQUIRE(m);
    CHECK(m->position.x == Approx(680.0));
    CHECK(m->position.y == Approx(20.0));
    CHECK(m->direction.x == Approx(std::sqrt(0.5)));
    CHECK(m->direction.y == Approx(-std::sqrt(0.5)));
    // The direction is that of the crossing segment, not of the line's start.
    const auto bent = geo::edgeExit({{400, 300}, {400, 100}, {0, 100}}, kViewport, kInset);
    REQUIRE(bent);
    CHECK(bent->position.x == Approx(20.0));
    CHECK(bent->position.y == Approx(100.0));
    CHECK(bent->direction.x == Approx(-1.0));
    CHECK(bent->direction.y == Approx(0.0).margin(1e-12));
    // It reports the first exit, even when the line comes back in later.
    const auto outAndIn = geo::edgeExit({{400, 300}, {400, 700}, {400, 300}, {900, 300}}, kViewport, kInset);
    REQUIRE(outAndIn);
    CHECK(outAndIn->position.y == Approx(580.0));
    CHECK(outAndIn->direction.y == Approx(1.0));
}

TEST_CASE("edgeExit finds nothing for a line that stays in or starts out", "[edge_marker]") {
    CHECK_FALSE(geo::edgeExit({{100, 100}, {700, 500}, {780, 580}}, kViewport, kInset)); // ends on the edge: still in
    CHECK_FALSE(geo::edgeExit({{10, 300}, {400, 300}, {5000, 300}}, kViewport, kInset)); // starts in the inset margin
    CHECK_FALSE(geo::edgeExit({{-100, 300}, {400, 300}}, kViewport, kInset));
    CHECK_FALSE(geo::edgeExit({}, kViewport, kInset));
    CHECK_FALSE(geo::edgeExit({{400, 300}}, kViewport, kInset));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(geo::edgeExit({{400, 300}, {nan, nan}, {5000, 300}}, kViewport, kInset)); // the line ends at the NaN
    CHECK_FALSE(geo::edgeExit({{nan, 300}, {5000, 300}}, kViewport, kInset));
    CHECK_FALSE(geo::edgeExit({{400, 300}, {5000, 300}}, {30, 30}, kInset)); // inset wider than the view
}
