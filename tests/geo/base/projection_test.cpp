#include <geo/base/projection.hpp>

#include <catch2/catch.hpp>

#include <cmath>

// Reference: Lambert conformal conic, Snyder, "Map Projections: A Working Manual"
// (USGS PP 1395, 1987), pp. 104-110: the scale factor is exactly 1 on both standard
// parallels and below 1 between them; the origin (lat_0, lon_0) maps to (x_0, y_0).

TEST_CASE("the regional projection puts its origin at (0, 0)", "[projection]") {
    geo::Projection p;
    const glm::dvec2 o = p.forward({125.0, 28.0});
    CHECK(o.x == Approx(0.0).margin(1e-6)); // metres
    CHECK(o.y == Approx(0.0).margin(1e-6));
}

TEST_CASE("scale is true on the standard parallels 24N and 33N and below 1 between them", "[projection]") {
    geo::Projection p;
    CHECK(p.scaleFactor(24.0) == Approx(1.0).margin(1e-5));
    CHECK(p.scaleFactor(33.0) == Approx(1.0).margin(1e-5));
    CHECK(p.scaleFactor(28.5) < 1.0);
    // Scale error stays under 1 % over Taiwan and Kyushu (21.8N to 34.2N).
    for (double lat = 21.8; lat <= 34.2; lat += 0.2) CHECK(std::abs(p.scaleFactor(lat) - 1.0) < 0.01);
}

TEST_CASE("forward then inverse returns the same longitude and latitude within 1e-9 degree", "[projection]") {
    geo::Projection p;
    // 1e-9 degree is about 0.1 mm on the ground.
    for (double lon = 110.0; lon <= 145.0; lon += 2.5)
        for (double lat = 15.0; lat <= 45.0; lat += 2.5) {
            const glm::dvec2 back = p.inverse(p.forward({lon, lat}));
            CHECK(back.x == Approx(lon).margin(1e-9));
            CHECK(back.y == Approx(lat).margin(1e-9));
        }
}

TEST_CASE("batch forward equals point-by-point forward, and bad input becomes NaN", "[projection]") {
    geo::Projection p;
    std::vector<glm::dvec2> pts{{130.7, 32.8}, {120.97, 24.78}, {std::nan(""), 20.0}};
    const auto single0 = p.forward(pts[0]);
    p.forward(pts);
    CHECK(pts[0].x == Approx(single0.x).margin(1e-6));
    CHECK(pts[0].y == Approx(single0.y).margin(1e-6));
    CHECK(std::isnan(pts[2].x));
    CHECK(std::isnan(p.forward({std::nan(""), 0}).x));
}

TEST_CASE("distances on the map match great-circle distances within the scale error", "[projection]") {
    geo::Projection p;
    // Kumamoto (32.80N 130.71E) to Taichung (24.15N 120.67E): 1372.6 km on the sphere
    // (haversine, R = 6371.0088 km, the IUGG mean radius). The projection's scale
    // error is < 1 % here, and sphere vs ellipsoid differ by < 0.5 %.
    const glm::dvec2 a = p.forward({130.71, 32.80}), b = p.forward({120.67, 24.15});
    const double km = std::hypot(b.x - a.x, b.y - a.y) / 1000.0;
    CHECK(km == Approx(1372.6).epsilon(0.01));
}
