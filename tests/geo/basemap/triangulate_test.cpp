#include <geo/base/geometry.hpp>
#include <geo/basemap/triangulate.hpp>

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <algorithm>

#include <cmath>
#include <limits>
#include <random>

// Tolerances: areas are compared relative to the polygon's area, 1e-9 (rounding of a
// few hundred thousand shoelace terms in doubles is far below that).

namespace {

using geo::Polygon;
using geo::Ring;
using glm::dvec2;

std::vector<dvec2> flatten(const Polygon& polygon) {
    std::vector<dvec2> points;
    for (const Ring& r : polygon.rings) points.insert(points.end(), r.begin(), r.end());
    return points;
}

struct MeshCheck {
    double area = 0.0;
    size_t triangles = 0;
    bool indicesInRange = true;
    bool allCcw = true; // orient2d >= 0 for every triangle
};

MeshCheck check(const Polygon& polygon, const std::vector<uint32_t>& indices) {
    const std::vector<dvec2> points = flatten(polygon);
    MeshCheck result;
    REQUIRE(indices.size() % 3 == 0);
    result.triangles = indices.size() / 3;
    for (size_t t = 0; t + 2 < indices.size(); t += 3) {
        const uint32_t i0 = indices[t], i1 = indices[t + 1], i2 = indices[t + 2];
        if (i0 >= points.size() || i1 >= points.size() || i2 >= points.size()) {
            result.indicesInRange = false;
            continue;
        }
        const double o = geo::orient2d(points[i0], points[i1], points[i2]);
        if (o < 0.0) result.allCcw = false;
        result.area += 0.5 * o;
    }
    return result;
}

// Triangulates, checks indices and winding, and returns the covered area.
double triangulatedArea(const Polygon& polygon) {
    const std::vector<uint32_t> indices = geo::triangulate(polygon);
    const MeshCheck c = check(polygon, indices);
    CHECK(c.indicesInRange);
    CHECK(c.allCcw);
    return c.area;
}

void requireExactCover(const Polygon& polygon) {
    const double expected = geo::polygonArea(polygon);
    REQUIRE(expected > 0.0);
    CHECK(triangulatedArea(polygon) == Approx(expected).epsilon(1e-9));
}

Ring square(dvec2 min, double size, bool ccw = true) {
    Ring r{min, min + dvec2(size, 0), min + dvec2(size, size), min + dvec2(0, size)};
    if (!ccw) std::reverse(r.begin(), r.end());
    return r;
}

// A comb: `teeth` teeth of width 1 with gaps of 1, height 10, on a base of height 1.
Ring comb(int teeth) {
    Ring r{{0, 0}, {2.0 * teeth - 1, 0}};
    for (int t = teeth - 1; t >= 0; --t) {
        const double x0 = 2.0 * t;
        r.push_back({x0 + 1, 11});
        r.push_back({x0, 11});
        if (t > 0) {
            r.push_back({x0, 1});
            r.push_back({x0 - 1, 1});
        }
    }
    return r;
}

// A thick square spiral, `turns` turns: a very concave ring with long corridors.
Ring spiral(int turns) {
    // Walk the centre line of a square spiral and offset it by +-0.25 on either side.
    std::vector<dvec2> centre{{0, 0}};
    const dvec2 dirs[4] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    double len = 1.0;
    for (int k = 0; k < 4 * turns; ++k) {
        centre.push_back(centre.back() + dirs[k % 4] * len);
        if (k % 2 == 1) len += 1.0;
    }
    // Offset polyline: left side forward, right side backward (miter joins).
    auto offsetSide = [&](double d) {
        std::vector<dvec2> side;
        for (size_t i = 0; i < centre.size(); ++i) {
            dvec2 nPrev{0}, nNext{0};
            if (i > 0) {
                const dvec2 t = glm::normalize(centre[i] - centre[i - 1]);
                nPrev = {-t.y, t.x};
            }
            if (i + 1 < centre.size()) {
                const dvec2 t = glm::normalize(centre[i + 1] - centre[i]);
                nNext = {-t.y, t.x};
            }
            if (i == 0) nPrev = nNext;
            if (i + 1 == centre.size()) nNext = nPrev;
            const dvec2 miter = nPrev + nNext;
            const double scale = d / glm::dot(miter, nNext);
            side.push_back(centre[i] + miter * scale);
        }
        return side;
    };
    Ring ring = offsetSide(0.25);
    std::vector<dvec2> right = offsetSide(-0.25);
    ring.insert(ring.end(), right.rbegin(), right.rend());
    return ring;
}

Ring randomStar(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> radius(0.2, 1.0);
    Ring r;
    r.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const double a = 2.0 * M_PI * static_cast<double>(i) / static_cast<double>(n);
        const double rr = radius(rng);
        r.push_back({1000.0 + rr * std::cos(a), 2000.0 + rr * std::sin(a)});
    }
    return r;
}

} // namespace

TEST_CASE("triangulate: square in either orientation", "[triangulate]") {
    for (bool ccw : {true, false}) {
        Polygon p{{square({0, 0}, 2, ccw)}};
        const std::vector<uint32_t> idx = geo::triangulate(p);
        CHECK(idx.size() == 6);
        requireExactCover(p);
    }
}

TEST_CASE("triangulate: closed ring with repeated first point", "[triangulate]") {
    Ring r = square({0, 0}, 1);
    r.push_back(r.front());
    Polygon p{{r}};
    requireExactCover(p);
}

TEST_CASE("triangulate: concave comb and spiral", "[triangulate]") {
    Polygon c{{comb(50)}};
    REQUIRE(geo::polygonArea(c) == Approx(50 * 10 + 99 * 1));
    requireExactCover(c);
    Polygon s{{spiral(12)}};
    requireExactCover(s);
    // and mirrored (clockwise input)
    std::reverse(s.rings[0].begin(), s.rings[0].end());
    requireExactCover(s);
}

TEST_CASE("triangulate: square with a grid of holes", "[triangulate]") {
    Polygon p{{square({0, 0}, 100)}};
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 10; ++j) p.rings.push_back(square({10.0 * i + 2, 10.0 * j + 3}, 5, (i + j) % 2 == 0));
    REQUIRE(geo::polygonArea(p) == Approx(10000 - 100 * 25));
    requireExactCover(p);
}

TEST_CASE("triangulate: many holes in a large ring use the bridge index", "[triangulate]") {
    // 2000-point star-ish outer ring with 900 holes: enough for the banded bridge search.
    Ring outer;
    for (int i = 0; i < 2000; ++i) {
        const double a = 2.0 * M_PI * i / 2000.0;
        const double r = 500.0 + 20.0 * std::sin(37.0 * a);
        outer.push_back({r * std::cos(a), r * std::sin(a)});
    }
    Polygon p{{outer}};
    for (int i = 0; i < 30; ++i)
        for (int j = 0; j < 30; ++j) {
            const dvec2 c{-300.0 + 20.0 * i, -300.0 + 20.0 * j};
            Ring hole;
            for (int k = 0; k < 7; ++k) { // heptagons, clockwise
                const double a = -2.0 * M_PI * k / 7.0 + 0.1 * (i + j);
                hole.push_back(c + 6.0 * dvec2(std::cos(a), std::sin(a)));
            }
            p.rings.push_back(hole);
        }
    requireExactCover(p);
}

TEST_CASE("triangulate: holes touching the outer ring and each other", "[triangulate]") {
    SECTION("hole shares a vertex with the outer ring") {
        Polygon p{{square({0, 0}, 10), {{0, 5}, {3, 3}, {3, 7}}}};
        requireExactCover(p);
    }
    SECTION("hole edge lies on the outer edge") {
        Polygon p{{square({0, 0}, 10), {{0, 2}, {0, 4}, {3, 4}, {3, 2}}}};
        requireExactCover(p);
    }
    SECTION("hole touches the outer edge at a point inside the edge") {
        Polygon p{{square({0, 0}, 10), {{5, 0}, {6, 2}, {4, 2}}}};
        requireExactCover(p);
    }
    SECTION("two holes share a vertex") {
        Polygon p{{square({0, 0}, 10), {{2, 2}, {5, 5}, {2, 8}}, {{5, 5}, {8, 2}, {8, 8}}}};
        requireExactCover(p);
    }
    SECTION("a staircase of holes, each sharing part of an edge with the one below") {
        // Each hole's leftmost point lies on the top edge of the one below it, so its
        // bridge runs along that edge (a T-junction).
        Polygon p{{square({-10, -10}, 20), {{-6, -8}, {-1, -8}, {-1, -6}, {-6, -6}},
                   {{-3, -6}, {2, -6}, {2, -4}, {-3, -4}}, {{-5, -4}, {0, -4}, {0, -2}, {-5, -2}}}};
        requireExactCover(p);
    }
}

TEST_CASE("triangulate: points made collinear by bridging holes are no triangle corners", "[triangulate]") {
    // Midpoints on the outer square's edges: once the hole is joined they are collinear
    // points of the one ring, dropped before clipping (8 triangles, not 12).
    Polygon p{{{{0, 0}, {5, 0}, {10, 0}, {10, 5}, {10, 10}, {5, 10}, {0, 10}, {0, 5}}, square({3, 3}, 4, false)}};
    requireExactCover(p);
    CHECK(geo::triangulate(p).size() == 3 * 8);
}

TEST_CASE("triangulate: duplicate points and collinear runs", "[triangulate]") {
    Polygon p{{{{0, 0}, {0, 0}, {1, 0}, {2, 0}, {3, 0}, {3, 0}, {3, 3}, {3, 3}, {2, 3}, {1, 3}, {0, 3}, {0, 3}}}};
    requireExactCover(p);
}

TEST_CASE("triangulate: self-touching ring", "[triangulate]") {
    // Two squares joined at the corner (2,2), walked as one ring.
    Polygon p{{{{0, 0}, {2, 0}, {2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}, {0, 2}}}};
    requireExactCover(p);
}

TEST_CASE("triangulate: degenerate inputs return without hanging", "[triangulate]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(geo::triangulate(Polygon{}).empty());
    CHECK(geo::triangulate(Polygon{{Ring{}}}).empty());
    CHECK(geo::triangulate(Polygon{{{{0, 0}}}}).empty());
    CHECK(geo::triangulate(Polygon{{{{0, 0}, {1, 1}}}}).empty());
    CHECK(geo::triangulate(Polygon{{{{0, 0}, {1, 1}, {2, 2}, {3, 3}}}}).empty()); // collinear, zero area
    CHECK(geo::triangulate(Polygon{{{{1, 1}, {1, 1}, {1, 1}, {1, 1}}}}).empty());
    CHECK(geo::triangulate(Polygon{{{{0, 0}, {1, 0}, {2, 0}, {1, 0}}}}).empty()); // there and back
    CHECK(geo::triangulate(Polygon{{{{nan, nan}, {nan, 0}, {0, nan}}}}).empty());

    SECTION("NaN points are skipped") {
        Polygon p{{{{0, 0}, {nan, 5}, {4, 0}, {4, 4}, {0, 4}}}};
        const auto idx = geo::triangulate(p);
        const MeshCheck c = check(p, idx);
        CHECK(c.indicesInRange);
        CHECK(c.allCcw);
        CHECK(c.area == Approx(16.0).epsilon(1e-12));
        for (uint32_t i : idx) CHECK(i != 1);
    }
    SECTION("degenerate holes are ignored") {
        Polygon p{{square({0, 0}, 4), {}, {{1, 1}}, {{1, 1}, {2, 2}}, {{1, 1}, {2, 2}, {3, 3}}}};
        CHECK(triangulatedArea(p) == Approx(16.0).epsilon(1e-12));
    }
    SECTION("hole outside the outer ring is ignored") {
        Polygon p{{square({0, 0}, 4), square({10, 10}, 1, false)}};
        CHECK(triangulatedArea(p) == Approx(16.0).epsilon(1e-12));
    }
    SECTION("bow tie (self-intersecting): bounded area, no hang") {
        Polygon p{{{{0, 0}, {2, 2}, {2, 0}, {0, 2}}}};
        const double area = triangulatedArea(p);
        CHECK(area >= 0.0);
        CHECK(area <= 4.0);
    }
    SECTION("random garbage rings terminate with in-range CCW triangles") {
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> coord(0, 6); // small grid: many duplicates and collinear points
        for (int trial = 0; trial < 300; ++trial) {
            Polygon p;
            const int rings = 1 + trial % 3;
            for (int r = 0; r < rings; ++r) {
                Ring ring;
                const int n = 3 + (trial * 7 + r) % 40;
                for (int k = 0; k < n; ++k) ring.push_back({coord(rng), coord(rng)});
                p.rings.push_back(ring);
            }
            const MeshCheck c = check(p, geo::triangulate(p));
            CHECK(c.indicesInRange);
            CHECK(c.allCcw);
            // Covered area stays within what the rings could possibly cover.
            CHECK(c.area <= 36.0 * static_cast<double>(c.triangles) + 1e-9);
        }
    }
}

TEST_CASE("triangulate: large random star polygon (1e5 points)", "[triangulate]") {
    // Radii uniform in [0.2, 1]: needle-thin radial spikes, a hard case for the
    // bounding-box-based ear test (see the report: slower than coastlines).
    Polygon p{{randomStar(100000, 42)}};
    const auto idx = geo::triangulate(p);
    CHECK(idx.size() == 3 * (100000 - 2)); // a simple ring of n points gives n - 2 triangles
    const MeshCheck c = check(p, idx);
    CHECK(c.indicesInRange);
    CHECK(c.allCcw);
    CHECK(c.area == Approx(geo::polygonArea(p)).epsilon(1e-9));
}

TEST_CASE("triangulate: large ring with holes, clockwise outer", "[triangulate]") {
    Ring outer = randomStar(20000, 3);
    std::reverse(outer.begin(), outer.end());
    Polygon p{{outer}};
    // Holes within radius 0.2 of the centre, where the star is certainly solid.
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) p.rings.push_back(square({999.85 + 0.06 * i, 1999.85 + 0.06 * j}, 0.03));
    requireExactCover(p);
}

TEST_CASE("triangulate: garbage input terminates quickly", "[triangulate]") {
    SECTION("5000 random points as one ring (crosses itself everywhere)") {
        std::mt19937 rng(5);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        Ring r;
        for (int i = 0; i < 5000; ++i) r.push_back({u(rng), u(rng)});
        Polygon p{{r}};
        const MeshCheck c = check(p, geo::triangulate(p));
        CHECK(c.indicesInRange);
        CHECK(c.allCcw);
    }
    SECTION("coordinates near the limits of double") {
        for (double s : {1e-300, 1e150, 1e300}) {
            Polygon p{{{{0, 0}, {s, 0}, {s, s}, {0.5 * s, 0.2 * s}, {0, s}}, square({0.1 * s, 0.05 * s}, 0.01 * s)}};
            const MeshCheck c = check(p, geo::triangulate(p));
            CHECK(c.indicesInRange);
            CHECK(c.allCcw);
        }
        Polygon p{{{{-1e308, -1e308}, {1e308, -1e308}, {1e308, 1e308}, {-1e308, 1e308}}}};
        const MeshCheck c = check(p, geo::triangulate(p)); // orient2d overflows to inf/NaN here
        CHECK(c.indicesInRange);
    }
}

TEST_CASE("triangulate: many holes sharing their leftmost point", "[triangulate]") {
    // Fans of triangular holes around (5, 5), some with a repeated point; the hole order
    // must stay a strict weak ordering (no NaN slopes).
    Polygon p{{square({0, 0}, 10)}};
    for (int k = 0; k < 40; ++k) {
        const double a0 = -1.2 + 0.06 * k, a1 = a0 + 0.05;
        Ring hole{{5, 5}, {5 + 4 * std::cos(a1), 5 + 4 * std::sin(a1)}, {5 + 4 * std::cos(a0), 5 + 4 * std::sin(a0)}};
        if (k % 3 == 0) hole.insert(hole.begin() + 1, dvec2(5, 5));
        p.rings.push_back(hole);
    }
    requireExactCover(p);
}

TEST_CASE("triangulate: random valid polygons with messy rings are covered exactly", "[triangulate]") {
    // Star-shaped outer ring (radius 50..100) and up to 30 holes in a 6 x 6 grid of
    // 10-unit cells within radius 42: stars, squares, and diamonds that touch their
    // neighbours at a vertex. Every ring gets repeated points, extra collinear points, a
    // random start and a random orientation. Outer rings of 7000+ points use the banded
    // bridge search, small ones the plain scan.
    std::mt19937 rng(99);
    auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
    auto star = [&](dvec2 c, double r, int n, double jitter) {
        Ring ring;
        for (int i = 0; i < n; ++i) {
            const double a = 2 * M_PI * i / n;
            ring.push_back(c + r * (1 - jitter * uniform(0, 1)) * dvec2(std::cos(a), std::sin(a)));
        }
        return ring;
    };
    for (int trial = 0; trial < 300; ++trial) {
        Polygon p{{star({0, 0}, 100, trial % 10 == 0 ? 7000 : 8 + static_cast<int>(rng() % 300), uniform(0, 0.5))}};
        std::vector<int> used(36, 0);
        const int holes = static_cast<int>(rng() % 30);
        for (int h = 0; h < holes; ++h) {
            const int cell = static_cast<int>(rng() % 36);
            if (used[static_cast<size_t>(cell)]++) continue;
            const dvec2 c{-25.0 + 10.0 * (cell % 6), -25.0 + 10.0 * (cell / 6)};
            switch (rng() % 3) {
            case 0: p.rings.push_back(star(c, 4.9, 3 + static_cast<int>(rng() % 12), uniform(0, 0.6))); break;
            case 1: p.rings.push_back(square(c - 4.9, 9.8)); break;
            default: p.rings.push_back({c + dvec2(-5, 0), c + dvec2(0, -5), c + dvec2(5, 0), c + dvec2(0, 5)}); break;
            }
        }
        for (Ring& r : p.rings) {
            Ring messy;
            for (size_t i = 0; i < r.size(); ++i) {
                messy.push_back(r[i]);
                if (rng() % 10 == 0) messy.push_back(r[i]);
                if (rng() % 10 == 0) messy.push_back(0.5 * (r[i] + r[(i + 1) % r.size()]));
            }
            std::rotate(messy.begin(), messy.begin() + static_cast<long>(rng() % messy.size()), messy.end());
            if (rng() % 2) std::reverse(messy.begin(), messy.end());
            r = messy;
        }
        INFO("trial " << trial);
        requireExactCover(p);
    }
}
