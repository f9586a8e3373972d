// Tests for geo/hit_test.hpp. All positions, radii and tolerances are screen pixels;
// expected distances are worked out by hand (Pythagoras on small integer triangles).
#include <geo/view/hit_test.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using glm::dvec2;

TEST_CASE("pickPoint picks the nearest of overlapping markers", "[hit_test]") {
    // Three markers drawn 6 px apart, all inside a 12 px radius of the cursor.
    const std::vector<dvec2> points{{100, 100}, {106, 100}, {112, 100}};
    CHECK(geo::pickPoint(points, {107, 101}, 12.0) == std::optional<std::size_t>(1)); // 1.41 px from [1]
    CHECK(geo::pickPoint(points, {111, 99}, 12.0) == std::optional<std::size_t>(2));  // 1.41 px from [2]
    CHECK(geo::pickPoint(points, {98, 100}, 12.0) == std::optional<std::size_t>(0));  // 2 px from [0]
}

TEST_CASE("pickPoint finds nothing outside the radius", "[hit_test]") {
    const std::vector<dvec2> points{{100, 100}, {200, 200}};
    CHECK_FALSE(geo::pickPoint(points, {150, 150}, 12.0));       // 70.7 px from both
    CHECK_FALSE(geo::pickPoint(points, {112.01, 100}, 12.0));    // 12.01 px: just outside
    CHECK(geo::pickPoint(points, {112, 100}, 12.0) == std::optional<std::size_t>(0)); // exactly 12 px: inside
    CHECK_FALSE(geo::pickPoint({}, {0, 0}, 12.0));               // no markers at all
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(geo::pickPoint({{nan, nan}}, {0, 0}, 1e9)); // a failed projection never hits
    CHECK_FALSE(geo::pickPoint(points, {nan, 100}, 12.0));  // nor does a cursor off the map
}

TEST_CASE("pickPoint breaks ties within 1 px by priority", "[hit_test]") {
    // A venue (priority 1) and a city (priority 3) on almost the same spot: the city wins
    // wherever the pointer is, as long as the two distances differ by <= kPickTiePx (1 px).
    const std::vector<dvec2> points{{100, 100}, {100.5, 100}};
    const std::vector<int> priority{1, 3};
    CHECK(geo::pickPoint(points, {100, 100}, 12.0, priority) == std::optional<std::size_t>(1)); // venue 0 px, city 0.5 px
    CHECK(geo::pickPoint(points, {95, 100}, 12.0, priority) == std::optional<std::size_t>(1));
    const std::vector<int> reversed{3, 1};
    CHECK(geo::pickPoint(points, {101, 100}, 12.0, reversed) == std::optional<std::size_t>(0)); // list order does not matter

    // Beyond the tie band the nearer point wins whatever its priority: 3 px apart, cursor on the venue.
    const std::vector<dvec2> apart{{100, 100}, {103, 100}};
    CHECK(geo::pickPoint(apart, {100, 100}, 12.0, priority) == std::optional<std::size_t>(0));

    // Equal priority and equal distance: the later marker (drawn on top) wins.
    const std::vector<dvec2> same{{50, 50}, {50, 50}};
    CHECK(geo::pickPoint(same, {52, 50}, 12.0) == std::optional<std::size_t>(1));
    // Equal priority inside the tie band: the nearer one.
    CHECK(geo::pickPoint(points, {99, 100}, 12.0, {2, 2}) == std::optional<std::size_t>(0));
    // A short priority list counts missing entries as 0.
    CHECK(geo::pickPoint(points, {100.25, 100}, 12.0, {5}) == std::optional<std::size_t>(0));
}

TEST_CASE("distanceToPolylinePx measures to the nearest segment", "[hit_test]") {
    const std::vector<dvec2> line{{0, 0}, {100, 0}, {100, 100}};
    CHECK(geo::distanceToPolylinePx(line, {50, 5}) == Approx(5.0).margin(1e-9));   // above the first segment
    CHECK(geo::distanceToPolylinePx(line, {104, 50}) == Approx(4.0).margin(1e-9)); // beside the second
    CHECK(geo::distanceToPolylinePx(line, {-3, -4}) == Approx(5.0).margin(1e-9));  // past the first end: to the vertex
    CHECK(geo::distanceToPolylinePx({{10, 10}}, {13, 14}) == Approx(5.0).margin(1e-9)); // one vertex: a point
    CHECK(std::isinf(geo::distanceToPolylinePx({}, {0, 0})));
    CHECK(geo::distanceToSegmentPx({5, 5}, {5, 5}, {8, 9}) == Approx(5.0).margin(1e-9)); // degenerate segment
}

TEST_CASE("pickPolyline hits a line near a segment and misses beyond the radius", "[hit_test]") {
    const std::vector<std::vector<dvec2>> lines{
        {{0, 0}, {200, 0}},              // 0: horizontal
        {{0, 100}, {100, 200}, {200, 100}}, // 1: a V
    };
    CHECK(geo::pickPolyline(lines, {120, 6}, 8.0) == std::optional<std::size_t>(0)); // 6 px from line 0
    CHECK(geo::pickPolyline(lines, {100, 190}, 8.0) == std::optional<std::size_t>(1)); // 7.07 px from the V's legs
    CHECK_FALSE(geo::pickPolyline(lines, {120, 9}, 8.0)); // 9 px: beyond the 8 px radius
    CHECK_FALSE(geo::pickPolyline(lines, {250, 0}, 8.0)); // past the end of line 0 by 50 px
    CHECK_FALSE(geo::pickPolyline({}, {0, 0}, 8.0));

    // Two lines equally near (within 1 px): the later one, drawn on top, wins.
    const std::vector<std::vector<dvec2>> parallel{{{0, 0}, {100, 0}}, {{0, 3}, {100, 3}}};
    CHECK(geo::pickPolyline(parallel, {50, 1.4}, 8.0) == std::optional<std::size_t>(1)); // 1.4 px vs 1.6 px
    CHECK(geo::pickPolyline(parallel, {50, -2}, 8.0) == std::optional<std::size_t>(0));  // 2 px vs 5 px: the nearer

    // A vertex that failed to project breaks the line instead of joining its neighbours.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<std::vector<dvec2>> broken{{{0, 0}, {nan, nan}, {100, 0}}};
    CHECK_FALSE(geo::pickPolyline(broken, {50, 0}, 8.0));
    CHECK(geo::pickPolyline(broken, {97, 2}, 8.0) == std::optional<std::size_t>(0));
}
