#include <geo/base/geometry.hpp>

#include <catch2/catch.hpp>

#include <cmath>

// Exact expected values: every input here is small integers or halves, so the results
// are exact in double precision unless a tolerance is stated.

using geo::Box;
using geo::Polygon;
using geo::Ring;
using glm::dvec2;

TEST_CASE("signedArea is positive counter-clockwise and exact for lattice polygons", "[geometry]") {
    const Ring ccw{{0, 0}, {4, 0}, {4, 3}, {0, 3}};
    CHECK(geo::signedArea(ccw) == 12.0);
    CHECK(geo::signedArea(Ring(ccw.rbegin(), ccw.rend())) == -12.0);
    CHECK(geo::signedArea(Ring{{0, 0}, {1, 1}}) == 0.0);
    CHECK(geo::signedArea(Ring{}) == 0.0);
    // A closing duplicate point adds nothing.
    CHECK(geo::signedArea(Ring{{0, 0}, {4, 0}, {4, 3}, {0, 3}, {0, 0}}) == 12.0);
    // Far from the origin (projected metres): relative 1e-12.
    const dvec2 o{4.0e6, 3.0e6};
    CHECK(geo::signedArea(Ring{o, o + dvec2(1, 0), o + dvec2(1, 1)}) == Approx(0.5).epsilon(1e-12));
}

TEST_CASE("polygonArea subtracts holes whatever their orientation", "[geometry]") {
    Polygon p{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{1, 1}, {3, 1}, {3, 3}, {1, 3}}, {{5, 5}, {5, 6}, {6, 6}, {6, 5}}}};
    CHECK(geo::polygonArea(p) == 100.0 - 4.0 - 1.0);
    CHECK(geo::polygonArea(Polygon{}) == 0.0);
}

TEST_CASE("Box extends, intersects and contains", "[geometry]") {
    Box b;
    CHECK(b.empty());
    CHECK(b.size() == dvec2(0));
    b.extend(dvec2(1, 2));
    CHECK_FALSE(b.empty());
    CHECK(b.size() == dvec2(0));
    b.extend(dvec2(3, -2));
    CHECK(b.min == dvec2(1, -2));
    CHECK(b.max == dvec2(3, 2));
    CHECK(b.center() == dvec2(2, 0));
    CHECK(b.contains({3, 2}));
    CHECK_FALSE(b.contains({3.5, 0}));
    Box c;
    c.extend(dvec2(3, 2)); // touches b's corner
    c.extend(dvec2(5, 5));
    CHECK(b.intersects(c));
    CHECK_FALSE(b.intersects(Box{}));
    Box d;
    d.extend(Box{}); // extending by an empty box changes nothing
    CHECK(d.empty());
    d.extend(c);
    CHECK(d.min == c.min);
    CHECK(d.max == c.max);
}

TEST_CASE("bounds of rings and polygons", "[geometry]") {
    const Ring r{{1, 5}, {-2, 3}, {4, -1}};
    const Box b = geo::bounds(r);
    CHECK(b.min == dvec2(-2, -1));
    CHECK(b.max == dvec2(4, 5));
    CHECK(geo::bounds(Polygon{}).empty());
    CHECK(geo::bounds(Polygon{{r}}).max == dvec2(4, 5));
}

TEST_CASE("pointInRing and pointInPolygon", "[geometry]") {
    const Ring square{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    CHECK(geo::pointInRing({5, 5}, square));
    CHECK_FALSE(geo::pointInRing({15, 5}, square));
    CHECK_FALSE(geo::pointInRing({5, 5}, Ring{{0, 0}, {10, 0}}));
    // concave: a U shape, the notch is outside
    const Ring u{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}};
    CHECK(geo::pointInRing({0.5, 2}, u));
    CHECK_FALSE(geo::pointInRing({1.5, 2}, u));
    const Polygon p{{square, {{2, 2}, {4, 2}, {4, 4}, {2, 4}}}};
    CHECK(geo::pointInPolygon({1, 1}, p));
    CHECK_FALSE(geo::pointInPolygon({3, 3}, p)); // in the hole
    CHECK_FALSE(geo::pointInPolygon({11, 1}, p));
    CHECK_FALSE(geo::pointInPolygon({1, 1}, Polygon{}));
}

TEST_CASE("distancePointSegment", "[geometry]") {
    CHECK(geo::distancePointSegment({0, 1}, {-1, 0}, {1, 0}) == 1.0);
    CHECK(geo::distancePointSegment({3, 4}, {0, 0}, {0, 0}) == 5.0); // degenerate segment
    CHECK(geo::distancePointSegment({4, 4}, {0, 0}, {1, 0}) == 5.0); // beyond the end
    CHECK(geo::distancePointSegment({0.5, 0}, {0, 0}, {1, 0}) == 0.0);
}

TEST_CASE("segment intersection predicates", "[geometry]") {
    CHECK(geo::segmentsIntersect({0, 0}, {2, 2}, {0, 2}, {2, 0}));      // cross
    CHECK(geo::segmentsIntersect({0, 0}, {2, 0}, {1, 0}, {1, 5}));      // T touch
    CHECK(geo::segmentsIntersect({0, 0}, {2, 0}, {1, 0}, {3, 0}));      // collinear overlap
    CHECK_FALSE(geo::segmentsIntersect({0, 0}, {1, 0}, {2, 0}, {3, 0})); // collinear apart
    CHECK_FALSE(geo::segmentsIntersect({0, 0}, {1, 1}, {0, 1}, {0.4, 0.6}));
    // Consecutive edges sharing a vertex are fine, unless they fold back onto each other.
    CHECK_FALSE(geo::segmentsIntersectProperly({0, 0}, {1, 0}, {1, 0}, {1, 1}));
    CHECK(geo::segmentsIntersectProperly({0, 0}, {2, 0}, {2, 0}, {1, 0}));
    CHECK(geo::segmentsIntersectProperly({0, 0}, {2, 0}, {1, -1}, {1, 1}));
    CHECK(geo::orient2d({0, 0}, {1, 0}, {0, 1}) > 0.0);
}
