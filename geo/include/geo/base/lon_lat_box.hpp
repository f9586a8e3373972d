#pragma once
// A rectangle of longitude and latitude (degrees, bounds inclusive): the area the Home key
// frames, the region whose places the camera frames (layers.toml, [view]).

#include <glm/vec2.hpp>

namespace geo {

struct LonLatBox {
    glm::dvec2 min{0.0, 0.0}; // west, south
    glm::dvec2 max{0.0, 0.0}; // east, north
    bool contains(glm::dvec2 lonLat) const {
        return lonLat.x >= min.x && lonLat.x <= max.x && lonLat.y >= min.y && lonLat.y <= max.y;
    }
    // West < east, south < north, within -180..180 and -90..90.
    bool valid() const { return min.x < max.x && min.y < max.y && min.x >= -180 && max.x <= 180 && min.y >= -90 && max.y <= 90; }
};

} // namespace geo
