#include <geo/base/geometry.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace geo {

void Box::extend(glm::dvec2 p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
}

void Box::extend(const Box& other) {
    if (other.empty()) return;
    min = glm::min(min, other.min);
    max = glm::max(max, other.max);
}

bool Box::intersects(const Box& other) const {
    return min.x <= other.max.x && other.min.x <= max.x && min.y <= other.max.y && other.min.y <= max.y;
}

bool Box::contains(glm::dvec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }

bool Box::empty() const { return !(min.x <= max.x && min.y <= max.y); }

glm::dvec2 Box::size() const { return empty() ? glm::dvec2(0.0) : max - min; }

glm::dvec2 Box::center() const { return empty() ? glm::dvec2(0.0) : (min + max) * 0.5; }

double signedArea(const Ring& ring) {
    const size_t n = ring.size();
    if (n < 3) return 0.0;
    // Relative to the first point: the shoelace sum loses far less precision when the
    // coordinates are large (projected metres) and the ring is small.
    const glm::dvec2 o = ring[0];
    double sum = 0.0;
    for (size_t i = 1; i + 1 < n; ++i) {
        const glm::dvec2 a = ring[i] - o;
        const glm::dvec2 b = ring[i + 1] - o;
        sum += a.x * b.y - b.x * a.y;
    }
    return 0.5 * sum;
}

double polygonArea(const Polygon& polygon) {
    if (polygon.rings.empty()) return 0.0;
    double area = std::abs(signedArea(polygon.rings[0]));
    for (size_t i = 1; i < polygon.rings.size(); ++i) area -= std::abs(signedArea(polygon.rings[i]));
    return area;
}

Box bounds(const Ring& ring) {
    Box box;
    for (const glm::dvec2& p : ring) box.extend(p);
    return box;
}

Box bounds(const Polygon& polygon) {
    Box box;
    if (!polygon.rings.empty()) box = bounds(polygon.rings[0]);
    return box;
}

bool pointInRing(glm::dvec2 p, const Ring& ring) {
    const size_t n = ring.size();
    if (n < 3) return false;
    bool inside = false;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const glm::dvec2 a = ring[i];
        const glm::dvec2 b = ring[j];
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x < x) inside = !inside;
        }
    }
    return inside;
}

bool pointInPolygon(glm::dvec2 p, const Polygon& polygon) {
    if (polygon.rings.empty() || !pointInRing(p, polygon.rings[0])) return false;
    for (size_t i = 1; i < polygon.rings.size(); ++i)
        if (pointInRing(p, polygon.rings[i])) return false;
    return true;
}

double distancePointSegment(glm::dvec2 p, glm::dvec2 a, glm::dvec2 b) {
    const glm::dvec2 ab = b - a;
    const double len2 = glm::dot(ab, ab);
    double t = len2 > 0.0 ? glm::dot(p - a, ab) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return glm::length(p - (a + t * ab));
}

namespace {

int sign(double v) { return (v > 0.0) - (v < 0.0); }

// q is known collinear with [a,b]: is it within the segment's box?
bool onSegment(glm::dvec2 a, glm::dvec2 q, glm::dvec2 b) {
    return q.x <= std::max(a.x, b.x) && q.x >= std::min(a.x, b.x) && q.y <= std::max(a.y, b.y) &&
           q.y >= std::min(a.y, b.y);
}

} // namespace

bool segmentsIntersect(glm::dvec2 a, glm::dvec2 b, glm::dvec2 c, glm::dvec2 d) {
    const int o1 = sign(orient2d(a, b, c));
    const int o2 = sign(orient2d(a, b, d));
    const int o3 = sign(orient2d(c, d, a));
    const int o4 = sign(orient2d(c, d, b));
    if (o1 != o2 && o3 != o4) return true;
    if (o1 == 0 && onSegment(a, c, b)) return true;
    if (o2 == 0 && onSegment(a, d, b)) return true;
    if (o3 == 0 && onSegment(c, a, d)) return true;
    if (o4 == 0 && onSegment(c, b, d)) return true;
    return false;
}

bool segmentsIntersectProperly(glm::dvec2 a, glm::dvec2 b, glm::dvec2 c, glm::dvec2 d) {
    if (!segmentsIntersect(a, b, c, d)) return false;
    // Shared endpoint: fine unless the segments also overlap along a line.
    glm::dvec2 shared, other1, other2;
    if (a == c) {
        shared = a, other1 = b, other2 = d;
    } else if (a == d) {
        shared = a, other1 = b, other2 = c;
    } else if (b == c) {
        shared = b, other1 = a, other2 = d;
    } else if (b == d) {
        shared = b, other1 = a, other2 = c;
    } else {
        return true;
    }
    if (orient2d(shared, other1, other2) != 0.0) return false;
    // Collinear and sharing an endpoint: they overlap when both go the same way.
    return glm::dot(other1 - shared, other2 - shared) > 0.0;
}

} // namespace geo
