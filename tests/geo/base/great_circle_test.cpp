#include <geo/base/great_circle.hpp>

#include <catch2/catch.hpp>

#include <cmath>

// Reference values, all on the sphere of radius 6371.0088 km:
// - LAX (33°57'N 118°24'W) to JFK (40°38'N 73°47'W) is 0.623585 rad = 2144 nm: the worked
//   example in Ed Williams' Aviation Formulary (edwilliams.org/avform147.htm, "Distance between points").
// - Taipei Songshan TSA (121.5525E 25.0697N) to Fukuoka FUK (130.4517E 33.5856N): 1279.814 km,
//   midpoint 125.8156E 29.4014N; Kaohsiung KHH (120.3500E 22.5771N) to Phoenix PHX
//   (112.0116W 33.4343N): 11676.868 km, midpoint 178.2998E 50.1733N. Computed independently
//   (Python, double precision) with the haversine and midpoint formulas as given in Chris Veness,
//   "Calculate distance, bearing and more between Latitude/Longitude points" (movable-type.co.uk).

namespace {
const glm::dvec2 kLax{-(118.0 + 24.0 / 60.0), 33.0 + 57.0 / 60.0};
const glm::dvec2 kJfk{-(73.0 + 47.0 / 60.0), 40.0 + 38.0 / 60.0};
const glm::dvec2 kTaipeiSongshan{121.5525, 25.0697};
const glm::dvec2 kFukuoka{130.4517, 33.5856};
const glm::dvec2 kKaohsiung{120.3500, 22.5771};
const glm::dvec2 kPhoenix{-112.0116, 33.4343};

using Catch::WithinAbs;
} // namespace

TEST_CASE("greatCircleDistanceKm matches published and computed references", "[great_circle]") {
    // Tolerance 1 m on distance; the Formulary's radians to 6 decimals (±0.5e-6 rad ≈ 3.2 m).
    CHECK_THAT(geo::greatCircleDistanceKm(kLax, kJfk) / geo::kEarthMeanRadiusKm, WithinAbs(0.623585, 0.5e-6));
    CHECK_THAT(geo::greatCircleDistanceKm(kTaipeiSongshan, kFukuoka), WithinAbs(1279.814, 0.001));
    CHECK_THAT(geo::greatCircleDistanceKm(kKaohsiung, kPhoenix), WithinAbs(11676.868, 0.001));
    CHECK(geo::greatCircleDistanceKm(kFukuoka, kFukuoka) == 0.0);
    // Symmetric, and indifferent to a 360° shift in longitude.
    CHECK_THAT(geo::greatCircleDistanceKm(kPhoenix, kKaohsiung), WithinAbs(11676.868, 0.001));
    CHECK_THAT(geo::greatCircleDistanceKm(kKaohsiung, {kPhoenix.x + 360.0, kPhoenix.y}), WithinAbs(11676.868, 0.001));
}

TEST_CASE("greatCircleArc keeps endpoints exact and segments short", "[great_circle]") {
    const auto arc = geo::greatCircleArc(kTaipeiSongshan, kFukuoka, 50.0);
    // ceil(1279.814 / 50) = 26 segments, 27 points.
    REQUIRE(arc.size() == 27);
    CHECK(arc.front() == kTaipeiSongshan);
    CHECK(arc.back() == kFukuoka);
    double total = 0.0;
    for (std::size_t i = 1; i < arc.size(); ++i) {
        const double segment = geo::greatCircleDistanceKm(arc[i - 1], arc[i]);
        CHECK(segment <= 50.0);
        total += segment;
    }
    // The points lie on the great circle, so the polyline is as long as the arc (1 m).
    CHECK_THAT(total, WithinAbs(1279.814, 0.001));
}

TEST_CASE("greatCircleArc passes through the great-circle midpoint", "[great_circle]") {
    // 2 segments: the middle point is the midpoint. Tolerance 1e-6° (≈ 0.1 m).
    const auto arc = geo::greatCircleArc(kTaipeiSongshan, kFukuoka, 700.0);
    REQUIRE(arc.size() == 3);
    CHECK_THAT(arc[1].x, WithinAbs(125.8156078, 1e-6));
    CHECK_THAT(arc[1].y, WithinAbs(29.4014334, 1e-6));
}

TEST_CASE("greatCircleArc crosses the antimeridian with continuous longitudes", "[great_circle]") {
    const auto arc = geo::greatCircleArc(kKaohsiung, kPhoenix, 100.0);
    REQUIRE(arc.size() == 118); // ceil(11676.868 / 100) = 117 segments
    CHECK(arc.front() == kKaohsiung);
    // Eastward across the Pacific: Phoenix comes out at 247.9884°E, not 112.0116°W.
    CHECK_THAT(arc.back().x, WithinAbs(-112.0116 + 360.0, 1e-9));
    CHECK(arc.back().y == kPhoenix.y);
    for (std::size_t i = 1; i < arc.size(); ++i) {
        CHECK(arc[i].x > arc[i - 1].x); // always heading east
        CHECK(arc[i].x - arc[i - 1].x < 5.0);
    }
    // Great circles bow poleward: this one reaches well north of both ends (midpoint 50.17°N).
    const auto& middle = arc[arc.size() / 2];
    CHECK(middle.y > 45.0);
}

TEST_CASE("greatCircleArc handles degenerate input", "[great_circle]") {
    SECTION("same point") {
        const auto arc = geo::greatCircleArc(kFukuoka, kFukuoka);
        REQUIRE(arc.size() == 2);
        CHECK(arc[0] == kFukuoka);
        CHECK(arc[1] == kFukuoka);
    }
    SECTION("antipodal points: some half great circle, every point on it") {
        const glm::dvec2 from{0.0, 10.0};
        const glm::dvec2 to{180.0, -10.0};
        const auto arc = geo::greatCircleArc(from, to, 1000.0);
        REQUIRE(arc.size() == 22); // π R / 1000 km = 20.02 → 21 segments
        CHECK(arc.front() == from);
        CHECK_THAT(geo::greatCircleDistanceKm(arc.back(), to), WithinAbs(0.0, 1e-6));
        for (const auto& p : arc) {
            const double viaP = geo::greatCircleDistanceKm(from, p) + geo::greatCircleDistanceKm(p, to);
            CHECK_THAT(viaP, WithinAbs(M_PI * geo::kEarthMeanRadiusKm, 1e-6));
        }
    }
    SECTION("NaN gives just the endpoints") {
        const auto arc = geo::greatCircleArc({NAN, 0.0}, kFukuoka);
        CHECK(arc.size() == 2);
    }
}
