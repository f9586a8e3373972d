#include <geo/base/great_circle.hpp>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>

namespace geo {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180.0;

glm::dvec3 toUnitVector(glm::dvec2 lonLat) {
    const double lon = lonLat.x * kDegToRad;
    const double lat = lonLat.y * kDegToRad;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

glm::dvec2 lonLatOf(const glm::dvec3& v) {
    return {std::atan2(v.y, v.x) / kDegToRad, std::atan2(v.z, std::hypot(v.x, v.y)) / kDegToRad};
}

// `lon` moved by a multiple of 360° to within 180° of `previous`.
double continueLongitude(double lon, double previous) {
    return lon + 360.0 * std::round((previous - lon) / 360.0);
}

} // namespace

double greatCircleDistanceKm(glm::dvec2 fromLonLat, glm::dvec2 toLonLat) {
    // The special case of Vincenty's formula for a sphere: well conditioned at every
    // distance, where haversine loses precision near the antipode and the law of
    // cosines near zero (en.wikipedia.org/wiki/Great-circle_distance#Computational_formulas).
    const double lat1 = fromLonLat.y * kDegToRad;
    const double lat2 = toLonLat.y * kDegToRad;
    const double dLon = (toLonLat.x - fromLonLat.x) * kDegToRad;
    const double x = std::cos(lat2) * std::sin(dLon);
    const double y = std::cos(lat1) * std::sin(lat2) - std::sin(lat1) * std::cos(lat2) * std::cos(dLon);
    const double z = std::sin(lat1) * std::sin(lat2) + std::cos(lat1) * std::cos(lat2) * std::cos(dLon);
    return kEarthMeanRadiusKm * std::atan2(std::hypot(x, y), z);
}

std::vector<glm::dvec2> greatCircleArc(glm::dvec2 fromLonLat, glm::dvec2 toLonLat, double maxSegmentKm) {
    assert(maxSegmentKm > 0.0 && "greatCircleArc: maxSegmentKm must be positive");
    if (!(maxSegmentKm > 0.0)) maxSegmentKm = 50.0;
    const bool finite = std::isfinite(fromLonLat.x) && std::isfinite(fromLonLat.y) && std::isfinite(toLonLat.x) &&
                        std::isfinite(toLonLat.y);
    if (!finite) return {fromLonLat, toLonLat};

    const glm::dvec3 a = toUnitVector(fromLonLat);
    const glm::dvec3 b = toUnitVector(toLonLat);
    const glm::dvec3 normal = glm::cross(a, b);
    const double angle = std::atan2(glm::length(normal), glm::dot(a, b)); // radians, 0..π

    // Rotate `a` about the circle's axis: p(t) = a cos(tθ) + (axis × a) sin(tθ).
    glm::dvec3 axis;
    if (glm::length(normal) > 1e-12) {
        axis = glm::normalize(normal);
    } else {
        // Same or antipodal points: any circle through `a` will do; prefer one through the poles.
        glm::dvec3 helper = std::abs(a.z) < 0.9 ? glm::dvec3(0, 0, 1) : glm::dvec3(1, 0, 0);
        axis = glm::normalize(glm::cross(a, helper));
    }
    const glm::dvec3 tangent = glm::cross(axis, a);

    const double lengthKm = angle * kEarthMeanRadiusKm;
    const int segments = std::max(1, static_cast<int>(std::ceil(lengthKm / maxSegmentKm)));
    std::vector<glm::dvec2> points;
    points.reserve(static_cast<std::size_t>(segments) + 1);
    points.push_back(fromLonLat);
    for (int i = 1; i < segments; ++i) {
        const double t = angle * i / segments;
        glm::dvec2 p = lonLatOf(a * std::cos(t) + tangent * std::sin(t));
        p.x = continueLongitude(p.x, points.back().x);
        points.push_back(p);
    }
    points.push_back({continueLongitude(toLonLat.x, points.back().x), toLonLat.y});
    return points;
}

} // namespace geo
