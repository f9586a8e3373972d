#pragma once
// Numbers as the audience reads them: distances, scale-bar lengths, coordinates.

#include <glm/vec2.hpp>

#include <string>

namespace geo {

// "Nice" scale-bar length in metres for at most `maxMetres`: 1, 2 or 5 times a power of ten
// (0 when maxMetres is not positive).
double niceScaleLength(double maxMetres);
// "50 km" from 1000 m on, else "200 m" (%g: no trailing zeros).
std::string formatDistance(double metres);
// "32.8031°N 130.7079°E": latitude first, 4 decimals (about 10 m), hemisphere letters.
std::string formatLonLat(glm::dvec2 lonLat);
// "11,410 km": rounded to 10 km from 100 km on, with a thousands separator.
std::string formatKm(double km);

} // namespace geo
