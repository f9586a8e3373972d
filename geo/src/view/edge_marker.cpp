#include <geo/view/edge_marker.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

namespace {

bool isFinite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// The inset rectangle [lo, hi]; nothing when it is empty or not finite.
struct InsetRect {
    glm::dvec2 lo;
    glm::dvec2 hi;

    bool contains(glm::dvec2 p) const { return p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y; }
};

std::optional<InsetRect> insetRect(glm::dvec2 viewport, double insetPx) {
    if (!isFinite(viewport) || !std::isfinite(insetPx)) return std::nullopt;
    const InsetRect r{{insetPx, insetPx}, viewport - insetPx};
    if (!(r.lo.x <= r.hi.x && r.lo.y <= r.hi.y)) return std::nullopt;
    return r;
}

// For `from` inside the rectangle: the largest t in [0, 1] for which from + t·d is still
// inside it (the exit parameter of Liang–Barsky clipping).
double exitParameter(const InsetRect& r, glm::dvec2 from, glm::dvec2 d) {
    double t = 1.0;
    for (int axis = 0; axis < 2; ++axis) {
        if (d[axis] > 0.0) t = std::min(t, (r.hi[axis] - from[axis]) / d[axis]);
        else if (d[axis] < 0.0) t = std::min(t, (r.lo[axis] - from[axis]) / d[axis]);
    }
    return std::clamp(t, 0.0, 1.0);
}

EdgeMarker markerOnEdge(const InsetRect& r, glm::dvec2 from, glm::dvec2 d) {
    const double t = exitParameter(r, from, d);
    EdgeMarker m;
    m.position = from + t * d;
    // Exactly on the edge, whatever rounding did to the axis that was not clipped.
    m.position = glm::clamp(m.position, r.lo, r.hi);
    m.direction = glm::normalize(d);
    return m;
}

} // namespace

std::optional<EdgeMarker> edgeExit(const std::vector<glm::dvec2>& screenLine, glm::dvec2 viewport, double insetPx) {
    const std::optional<InsetRect> rect = insetRect(viewport, insetPx);
    if (!rect || screenLine.empty() || !isFinite(screenLine.front()) || !rect->contains(screenLine.front()))
        return std::nullopt;
    for (std::size_t i = 1; i < screenLine.size(); ++i) {
        const glm::dvec2 a = screenLine[i - 1], b = screenLine[i];
        if (!isFinite(b)) return std::nullopt; // the line ends here, still inside
        if (rect->contains(b)) continue;
        return markerOnEdge(*rect, a, b - a); // a is inside, b outside: b - a is not zero
    }
    return std::nullopt;
}

} // namespace geo
