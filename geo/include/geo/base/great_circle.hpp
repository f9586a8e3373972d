#pragma once
// Great-circle (shortest path on a sphere) distances and arcs between lon/lat
// points, for drawing flights. A spherical Earth is plenty at map scale: the
// ellipsoidal distance differs by at most ~0.5 %.

#include <glm/vec2.hpp>

#include <vector>

namespace geo {

// IUGG mean Earth radius R1 = (2a + b) / 3 for WGS84, in km.
inline constexpr double kEarthMeanRadiusKm = 6371.0088;

// Distance along the sphere between two {lon, lat} points in degrees, in km.
double greatCircleDistanceKm(glm::dvec2 fromLonLat, glm::dvec2 toLonLat);

// Points along the great circle from `fromLonLat` to `toLonLat` ({lon, lat}, degrees),
// no segment longer than maxSegmentKm (must be > 0).
//
// The first point is `fromLonLat` exactly. Longitudes are continuous: an arc that
// crosses the antimeridian keeps going past ±180 (Taipei → Phoenix ends near
// lon 247.9, not -112.1), so a line through the points never jumps across the
// map. The last point is `toLonLat`, its longitude shifted by a multiple of 360
// when the arc crossed the antimeridian. For antipodal points, where every great
// circle is shortest, one of them is chosen. Non-finite input gives just the two endpoints.
std::vector<glm::dvec2> greatCircleArc(glm::dvec2 fromLonLat, glm::dvec2 toLonLat, double maxSegmentKm = 50.0);

} // namespace geo
