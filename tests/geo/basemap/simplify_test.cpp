#include <geo/base/geometry.hpp>
#include <geo/basemap/simplify.hpp>

#include "geometry_fixtures.hpp"

#include <catch2/catch.hpp>
#include <glm/common.hpp>

#include <algorithm>

#include <cmath>
#include <limits>
#include <random>

// Distances are in the input's units; the Hausdorff checks allow 1e-9 relative slack
// for rounding on top of the tolerance.

namespace {

using geo::LineString;
using geo::Polygon;
using geo::Ring;
using glm::dvec2;

// Brute force: no two segments of the ring cross or touch, except consecutive segments
// at their shared vertex (and those must not fold back onto each other).
bool ringIsSimple(const Ring& r) {
    const size_t n = r.size();
    if (n < 3) return false;
    for (size_t i = 0; i < n; ++i) {
        const dvec2 a = r[i], b = r[(i + 1) % n];
        if (a == b) return false;
        for (size_t j = i + 1; j < n; ++j) {
            const dvec2 c = r[j], d = r[(j + 1) % n];
            const bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
            if (adjacent ? geo::segmentsIntersectProperly(a, b, c, d) : geo::segmentsIntersect(a, b, c, d))
                return false;
        }
    }
    return true;
}

bool ringsDisjoint(const Ring& r, const Ring& s) {
    for (size_t i = 0; i < r.size(); ++i)
        for (size_t j = 0; j < s.size(); ++j)
            if (geo::segmentsIntersect(r[i], r[(i + 1) % r.size()], s[j], s[(j + 1) % s.size()])) return false;
    return true;
}

double distanceToPolyline(dvec2 p, const std::vector<dvec2>& line, bool closed) {
    double best = std::numeric_limits<double>::infinity();
    const size_t segments = closed ? line.size() : line.size() - 1;
    for (size_t i = 0; i < segments; ++i)
        best = std::min(best, geo::distancePointSegment(p, line[i], line[(i + 1) % line.size()]));
    return best;
}

// Symmetric Hausdorff distance, approximated from the simplified side by sampling each
// segment at 9 points (exact from the original side: vertices of the original).
double hausdorff(const std::vector<dvec2>& original, const std::vector<dvec2>& simplified, bool closed) {
    double h = 0.0;
    for (const dvec2& p : original) h = std::max(h, distanceToPolyline(p, simplified, closed));
    const size_t segments = closed ? simplified.size() : simplified.size() - 1;
    for (size_t i = 0; i < segments; ++i)
        for (int k = 0; k <= 8; ++k) {
            const dvec2 p = glm::mix(simplified[i], simplified[(i + 1) % simplified.size()], k / 8.0);
            h = std::max(h, distanceToPolyline(p, original, closed));
        }
    return h;
}

using test::fractalRing;

} // namespace

TEST_CASE("simplifyLine: endpoints kept, fewer points, within tolerance", "[simplify]") {
    std::mt19937 rng(1);
    std::normal_distribution<double> noise(0.0, 0.3);
    LineString line;
    for (int i = 0; i < 3000; ++i) line.push_back({i * 0.1, std::sin(i * 0.01) * 20.0 + noise(rng)});
    for (double tol : {0.1, 0.5, 2.0}) {
        const LineString s = geo::simplifyLine(line, tol);
        CHECK(s.front() == line.front());
        CHECK(s.back() == line.back());
        CHECK(s.size() < line.size());
        CHECK(hausdorff(line, s, false) <= tol * (1 + 1e-9));
    }
    CHECK(geo::simplifyLine(line, 2.0).size() < geo::simplifyLine(line, 0.1).size());
}

TEST_CASE("simplifyLine: short lines and non-positive tolerance are returned as is", "[simplify]") {
    const LineString two{{0, 0}, {1, 1}};
    CHECK(geo::simplifyLine(two, 5.0) == two);
    CHECK(geo::simplifyLine({}, 5.0).empty());
    const LineString three{{0, 0}, {1, 0.001}, {2, 0}};
    CHECK(geo::simplifyLine(three, 0.0) == three);
    CHECK(geo::simplifyLine(three, -1.0) == three);
    CHECK(geo::simplifyLine(three, 0.01) == LineString{{0, 0}, {2, 0}});
    // collinear run and duplicates collapse to the endpoints
    CHECK(geo::simplifyLine({{0, 0}, {0, 0}, {1, 0}, {2, 0}, {2, 0}, {3, 0}}, 1e-9) == LineString{{0, 0}, {3, 0}});
}

TEST_CASE("simplifyRing: fractal ring stays simple and close", "[simplify]") {
    const Ring ring = fractalRing(11, 0.6, 3, {1000, 1000}, 100); // 8192 points
    REQUIRE(ringIsSimple(fractalRing(8, 0.6, 3, {1000, 1000}, 100)));
    for (double tol : {0.5, 2.0, 10.0}) {
        const Ring s = geo::simplifyRing(ring, tol);
        INFO("tolerance " << tol << ": " << s.size() << " of " << ring.size() << " points");
        REQUIRE(s.size() >= 3);
        CHECK(s.size() < ring.size() / 4);
        CHECK(s.front() == ring.front());
        CHECK(ringIsSimple(s));
        CHECK(hausdorff(ring, s, true) <= tol * (1 + 1e-9));
        CHECK((geo::signedArea(s) > 0) == (geo::signedArea(ring) > 0));
    }
}

TEST_CASE("simplifyRing: a shortcut that would cross another part of the ring is refused", "[simplify]") {
    // The bottom edge bulges down by 0.4 < tolerance, so plain Douglas–Peucker would
    // replace it by the straight chord y = 0, which crosses the spike hanging down to
    // y = -0.2 from the top.
    const Ring ring{{0, 0}, {5, -0.4}, {10, 0}, {10, 10}, {5.2, 10}, {5.05, -0.2}, {4.95, -0.2}, {4.8, 10}, {0, 10}};
    REQUIRE(ringIsSimple(ring));
    REQUIRE(geo::simplifyLine({{0, 0}, {5, -0.4}, {10, 0}}, 0.5).size() == 2);
    const Ring s = geo::simplifyRing(ring, 0.5);
    CHECK(ringIsSimple(s));
    CHECK(std::find(s.begin(), s.end(), dvec2(5, -0.4)) != s.end());
}

TEST_CASE("simplifyRing: narrow comb with noisy teeth stays simple", "[simplify]") {
    // Teeth 1 wide with gaps of 0.2; edges carry noise of 0.05. Tolerance 0.5 is more
    // than the gap, so unchecked shortcuts could jump between teeth.
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> noise(-0.05, 0.05);
    Ring ring{{0, 0}, {40 * 1.2 - 0.2, 0}};
    for (int t = 39; t >= 0; --t) {
        const double x0 = 1.2 * t;
        for (double y = 1; y < 10; y += 0.25) ring.push_back({x0 + 1 + noise(rng), y});
        for (double y = 10; y > 1; y -= 0.25) ring.push_back({x0 + noise(rng), y});
        if (t > 0) ring.push_back({x0 - 0.1, 0.9 + noise(rng)});
    }
    REQUIRE(ringIsSimple(ring));
    for (double tol : {0.3, 0.5, 1.0, 3.0}) {
        const Ring s = geo::simplifyRing(ring, tol);
        INFO("tolerance " << tol << ": " << s.size() << " of " << ring.size());
        CHECK(s.size() < ring.size());
        CHECK(ringIsSimple(s));
        CHECK(hausdorff(ring, s, true) <= tol * (1 + 1e-9));
    }
}

TEST_CASE("simplifyRing: tiny and degenerate rings", "[simplify]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const Ring small{{0, 0}, {0.5, 0}, {0.5, 0.5}, {0, 0.5}}; // area 0.25
    CHECK(geo::simplifyRing(small, 1.0).empty());             // 0.25 < 1²
    CHECK(geo::simplifyRing(small, 0.4).size() >= 3);         // 0.25 >= 0.16
    CHECK(geo::simplifyRing({}, 1.0).empty());
    CHECK(geo::simplifyRing({{0, 0}, {1, 1}}, 0.1).empty());
    CHECK(geo::simplifyRing({{0, 0}, {1, 1}, {2, 2}, {3, 3}}, 0.1).empty()); // zero area
    CHECK(geo::simplifyRing({{1, 1}, {1, 1}, {1, 1}}, 0.1).empty());
    CHECK(geo::simplifyRing({{nan, 0}, {1, nan}, {nan, nan}}, 0.1).empty());
    // NaN points are dropped, the rest simplified
    const Ring withNan{{0, 0}, {nan, nan}, {10, 0}, {10, 10}, {5, 10.01}, {0, 10}};
    const Ring s = geo::simplifyRing(withNan, 0.1);
    CHECK(s == Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}});
    // a closing duplicate point does not survive as a zero-length edge
    const Ring closed{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}};
    CHECK(ringIsSimple(geo::simplifyRing(closed, 0.1)));
    // non-positive tolerance: unchanged
    CHECK(geo::simplifyRing(small, 0.0) == small);
}

TEST_CASE("simplifyPolygon: holes stay inside, tiny holes vanish", "[simplify]") {
    Polygon p{{fractalRing(10, 0.6, 9, {0, 0}, 100)}};
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) {
            Ring hole = fractalRing(7, 0.6, 100 + i * 5 + j, {-40.0 + 20 * i, -40.0 + 20 * j}, 6);
            std::reverse(hole.begin(), hole.end());
            p.rings.push_back(hole);
        }
    p.rings.push_back({{1, 1}, {1.2, 1}, {1.2, 1.2}}); // area 0.02: vanishes at tolerance 1
    const Polygon s = geo::simplifyPolygon(p, 1.0);
    REQUIRE(s.rings.size() == 26);
    for (size_t r = 0; r < s.rings.size(); ++r) {
        CHECK(ringIsSimple(s.rings[r]));
        CHECK(s.rings[r].size() < p.rings[r].size());
        for (size_t q = r + 1; q < s.rings.size(); ++q) CHECK(ringsDisjoint(s.rings[r], s.rings[q]));
        if (r > 0) CHECK(geo::pointInRing(s.rings[r][0], s.rings[0]));
    }
    CHECK(geo::polygonArea(s) == Approx(geo::polygonArea(p)).epsilon(0.05));

    CHECK(geo::simplifyPolygon(p, 1000.0).rings.empty()); // outer too small to see
    CHECK(geo::simplifyPolygon(Polygon{}, 1.0).rings.empty());
}

TEST_CASE("simplifyPolygon: holes close to the outer ring do not cross it", "[simplify]") {
    // The outer edge bulges out by 0.4 < tolerance; the hole reaches below the chord y = 0.
    Polygon p{{{{0, 0}, {5, -0.4}, {10, 0}, {10, 10}, {0, 10}}, {{4, -0.2}, {4, 3}, {6, 3}, {6, -0.2}}}};
    REQUIRE(ringsDisjoint(p.rings[0], p.rings[1]));
    const Polygon s = geo::simplifyPolygon(p, 0.5);
    REQUIRE(s.rings.size() == 2);
    CHECK(ringsDisjoint(s.rings[0], s.rings[1]));
    CHECK(std::find(s.rings[0].begin(), s.rings[0].end(), dvec2(5, -0.4)) != s.rings[0].end());
}

TEST_CASE("simplifyPolygon: a hole inside the outer ring's bulge is not cut off", "[simplify]") {
    // The bulge (depth 0.4 < tolerance) holds a whole small hole below y = 0; the chord
    // y = 0 crosses nothing but would leave the hole outside.
    Polygon p{{{{0, 0}, {5, -0.4}, {10, 0}, {10, 10}, {0, 10}}, {{4.9, -0.25}, {5.0, -0.1}, {5.1, -0.25}}}};
    REQUIRE(geo::pointInRing({5.0, -0.2}, p.rings[0]));
    const Polygon s = geo::simplifyPolygon(p, 0.5);
    REQUIRE(s.rings.size() == 1); // the hole is below tolerance² and vanishes
    const Polygon s2 = geo::simplifyPolygon(p, 0.12); // hole area 0.015 >= 0.0144: kept
    REQUIRE(s2.rings.size() == 2);
    for (const dvec2& v : s2.rings[1]) CHECK(geo::pointInRing(v, s2.rings[0]));
    // Make the hole big enough to survive tolerance 0.5 and still sit in the bulge.
    Polygon q{{{{0, 0}, {5, -0.45}, {10, 0}, {10, 10}, {0, 10}}, {{1, -0.05}, {9, -0.05}, {5, -0.4}}}};
    REQUIRE(geo::polygonArea(Polygon{{q.rings[1]}}) >= 0.25);
    REQUIRE(ringsDisjoint(q.rings[0], q.rings[1]));
    const Polygon sq = geo::simplifyPolygon(q, 0.5);
    REQUIRE(sq.rings.size() == 2);
    for (const dvec2& v : sq.rings[1]) CHECK(geo::pointInRing(v, sq.rings[0]));
}

// Speed is measured by the geometry benchmark (bash .ci/benchmark), not asserted here.
TEST_CASE("simplifyRing and simplifyLine reduce a million-point ring", "[simplify]") {
    const Ring ring = fractalRing(18, 0.65, 11, {500000, 3000000}, 100000); // 1,048,576 points
    const Ring s = geo::simplifyRing(ring, 50.0);
    CHECK(s.size() >= 3);
    CHECK(s.size() < ring.size() / 10);
    const LineString l = geo::simplifyLine(ring, 50.0);
    CHECK(l.size() < ring.size() / 10);
}

TEST_CASE("simplify: garbage input terminates with valid output", "[simplify]") {
    std::mt19937 rng(17);
    std::uniform_int_distribution<int> coord(0, 8); // many duplicates and collinear points
    for (int trial = 0; trial < 200; ++trial) {
        Polygon p;
        for (int r = 0; r < 1 + trial % 4; ++r) {
            Ring ring;
            for (int k = 0; k < 3 + (trial * 13 + r) % 60; ++k) ring.push_back({coord(rng), coord(rng)});
            p.rings.push_back(ring);
        }
        for (double tol : {0.5, 2.0}) {
            for (const Ring& r : geo::simplifyPolygon(p, tol).rings) CHECK(r.size() >= 3);
            const Ring s = geo::simplifyRing(p.rings[0], tol);
            CHECK((s.empty() || s.size() >= 3));
            CHECK(geo::simplifyLine(p.rings[0], tol).size() <= p.rings[0].size());
        }
    }
    // 100k random points as one ring: every segment crosses thousands of others.
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Ring big;
    for (int i = 0; i < 100000; ++i) big.push_back({u(rng), u(rng)});
    // Termination is the point (ctest's timeout catches a hang); the work limit keeps it bounded.
    const Ring s = geo::simplifyRing(big, 0.01);
    CHECK(s.size() >= 3);
}
