#include <geo/base/format.hpp>

#include <catch2/catch.hpp>

TEST_CASE("a scale bar's length is 1, 2 or 5 times a power of ten, at most the room it has", "[format]") {
    CHECK(geo::niceScaleLength(0.0) == 0.0);
    CHECK(geo::niceScaleLength(-5.0) == 0.0);
    CHECK(geo::niceScaleLength(1.0) == 1.0);
    CHECK(geo::niceScaleLength(1.9) == 1.0);
    CHECK(geo::niceScaleLength(2.0) == 2.0);
    CHECK(geo::niceScaleLength(4.99) == 2.0);
    CHECK(geo::niceScaleLength(5.0) == 5.0);
    CHECK(geo::niceScaleLength(73'000.0) == 50'000.0);
    CHECK(geo::niceScaleLength(0.37) == Approx(0.2));
}

TEST_CASE("distances read in metres below a kilometre and in kilometres from one on", "[format]") {
    CHECK(geo::formatDistance(200.0) == "200 m");
    CHECK(geo::formatDistance(999.0) == "999 m");
    CHECK(geo::formatDistance(1000.0) == "1 km");
    CHECK(geo::formatDistance(50'000.0) == "50 km");
    CHECK(geo::formatDistance(2500.0) == "2.5 km");
}

TEST_CASE("a position reads latitude first, to about 10 m, with its hemispheres", "[format]") {
    CHECK(geo::formatLonLat({130.70791, 32.80312}) == "32.8031°N 130.7079°E");
    CHECK(geo::formatLonLat({-112.07404, 33.44838}) == "33.4484°N 112.0740°W");
    CHECK(geo::formatLonLat({-58.38, -34.6}) == "34.6000°S 58.3800°W");
}

TEST_CASE("a distance off the map is rounded to 10 km from 100 km on, with a thousands separator", "[format]") {
    CHECK(geo::formatKm(0.4) == "0 km");
    CHECK(geo::formatKm(86.4) == "86 km");
    CHECK(geo::formatKm(123.0) == "120 km");
    CHECK(geo::formatKm(1384.0) == "1,380 km");
    CHECK(geo::formatKm(11'406.0) == "11,410 km");
    CHECK(geo::formatKm(1'234'567.0) == "1,234,570 km");
}
