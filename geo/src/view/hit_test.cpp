#include <geo/view/hit_test.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

namespace {

bool isFinite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

} // namespace

std::optional<std::size_t> pickPoint(const std::vector<glm::dvec2>& screenPoints, glm::dvec2 cursor, double radiusPx,
                                     const std::vector<int>& priority) {
    if (!isFinite(cursor) || !(radiusPx >= 0.0)) return std::nullopt;
    std::vector<double> distance(screenPoints.size(), std::numeric_limits<double>::infinity());
    double nearest = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < screenPoints.size(); ++i) {
        if (!isFinite(screenPoints[i])) continue;
        distance[i] = glm::distance(screenPoints[i], cursor);
        if (distance[i] <= radiusPx) nearest = std::min(nearest, distance[i]);
    }
    if (!std::isfinite(nearest)) return std::nullopt;

    // Two passes, so that the tie band is measured from the nearest point and the
    // answer does not depend on the order of the list.
    auto priorityOf = [&](std::size_t i) { return i < priority.size() ? priority[i] : 0; };
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < screenPoints.size(); ++i) {
        if (!(distance[i] <= radiusPx && distance[i] <= nearest + kPickTiePx)) continue;
        if (!best || priorityOf(i) > priorityOf(*best) ||
            (priorityOf(i) == priorityOf(*best) && distance[i] <= distance[*best]))
            best = i;
    }
    return best;
}

double distanceToSegmentPx(glm::dvec2 a, glm::dvec2 b, glm::dvec2 p) {
    const glm::dvec2 ab = b - a;
    const double lengthSquared = glm::dot(ab, ab);
    if (!(lengthSquared > 0.0)) return glm::distance(a, p);
    const double t = std::clamp(glm::dot(p - a, ab) / lengthSquared, 0.0, 1.0);
    return glm::distance(a + t * ab, p);
}

double distanceToPolylinePx(const std::vector<glm::dvec2>& line, glm::dvec2 p) {
    double best = std::numeric_limits<double>::infinity();
    const glm::dvec2* previous = nullptr; // last finite vertex: a failed vertex breaks the line
    for (const glm::dvec2& v : line) {
        if (!isFinite(v)) {
            previous = nullptr;
            continue;
        }
        best = std::min(best, previous ? distanceToSegmentPx(*previous, v, p) : glm::distance(v, p));
        previous = &v;
    }
    return best;
}

std::optional<std::size_t> pickPolyline(const std::vector<std::vector<glm::dvec2>>& screenLines, glm::dvec2 cursor,
                                        double radiusPx) {
    if (!isFinite(cursor) || !(radiusPx >= 0.0)) return std::nullopt;
    std::vector<double> distance(screenLines.size());
    double nearest = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < screenLines.size(); ++i) {
        distance[i] = distanceToPolylinePx(screenLines[i], cursor);
        if (distance[i] <= radiusPx) nearest = std::min(nearest, distance[i]);
    }
    if (!std::isfinite(nearest)) return std::nullopt;
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < screenLines.size(); ++i)
        if (distance[i] <= radiusPx && distance[i] <= nearest + kPickTiePx) best = i;
    return best;
}

} // namespace geo
