#pragma once
// Plain planar geometry types and the small measures every other algorithm needs.
//
// Coordinates are projected map units (x right, y up), so "counter-clockwise"
// means the usual mathematical orientation and a CCW ring has positive area.

#include <glm/vec2.hpp>

#include <cstdint>
#include <limits>
#include <vector>

namespace geo {

using Ring = std::vector<glm::dvec2>;       // open ring: the first point is NOT repeated at the end
using LineString = std::vector<glm::dvec2>;

struct Polygon {
    std::vector<Ring> rings; // rings[0] outer, rest holes; orientation not guaranteed
};

// Axis-aligned box. Default-constructed it is empty (min > max) and extend() grows it.
struct Box {
    glm::dvec2 min{+std::numeric_limits<double>::infinity()};
    glm::dvec2 max{-std::numeric_limits<double>::infinity()};

    void extend(glm::dvec2 p);
    void extend(const Box& other);
    bool intersects(const Box& other) const; // closed boxes: touching counts
    bool contains(glm::dvec2 p) const;       // closed: points on the border count
    bool empty() const;
    glm::dvec2 size() const;   // (0,0) when empty
    glm::dvec2 center() const; // (0,0) when empty
};

double signedArea(const Ring& ring);        // shoelace, positive for counter-clockwise (x right, y up)
double polygonArea(const Polygon& polygon); // |outer| - sum |holes|

Box bounds(const Ring& ring);
Box bounds(const Polygon& polygon); // bounds of the outer ring (holes lie inside it)

// Even-odd test. Points exactly on an edge may go either way.
bool pointInRing(glm::dvec2 p, const Ring& ring);
// Inside the outer ring and outside every hole. False for a polygon without rings.
bool pointInPolygon(glm::dvec2 p, const Polygon& polygon);

double distancePointSegment(glm::dvec2 p, glm::dvec2 a, glm::dvec2 b);

// Twice the signed area of triangle (a, b, c): > 0 when a, b, c turn counter-clockwise.
inline double orient2d(glm::dvec2 a, glm::dvec2 b, glm::dvec2 c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

// True when closed segments [a,b] and [c,d] share at least one point (touching and
// collinear overlap count).
bool segmentsIntersect(glm::dvec2 a, glm::dvec2 b, glm::dvec2 c, glm::dvec2 d);

// True when the segments cross or overlap in a way that is not just the shared endpoint
// of two consecutive edges. Used by ring validity checks: edges (a,b) and (c,d) that
// share exactly one endpoint and are otherwise disjoint do not count.
bool segmentsIntersectProperly(glm::dvec2 a, glm::dvec2 b, glm::dvec2 c, glm::dvec2 d);

} // namespace geo
