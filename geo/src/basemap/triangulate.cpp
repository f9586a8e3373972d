#include <geo/basemap/triangulate.hpp>

#include "basemap/triangulator.hpp"

#include <cmath>
#include <limits>
#include <utility>

// Outline of the algorithm (after mapbox/earcut, written from its description):
//
//   rings ──> doubly linked lists, outer CCW, holes CW
//   holes ──> sorted by leftmost x, each joined to the outer list by a bridge
//             (a two-way zero-width cut) to a vertex visible from its leftmost point
//   list  ──> ear clipping; the "is there a reflex vertex inside this ear" test walks
//             a z-order-sorted list so it only looks at nearby vertices
//   stuck ──> pass 1: drop duplicate/collinear points; pass 2: cut off local
//             self-intersections; pass 3: split along a diagonal and start over on
//             both halves.
//
// All coordinates are x right, y up; orient2d(a, b, c) > 0 means a left turn.

namespace geo {
namespace triangulation {

std::vector<uint32_t> Triangulator::run(const Polygon& polygon) {
    m_triangles.clear();
    if (polygon.rings.empty()) return {};

    std::vector<uint32_t> offsets;
    offsets.reserve(polygon.rings.size());
    size_t total = 0;
    for (const Ring& r : polygon.rings) {
        offsets.push_back(static_cast<uint32_t>(total));
        total += r.size();
    }
    if (total > std::numeric_limits<uint32_t>::max()) return {};

    m_arena = NodeArena(total + 2 * polygon.rings.size() + 16);
    Node* outer = linkedList(polygon.rings[0], 0, true);
    if (!outer || outer->next == outer->prev) return {};

    // Bounds of everything, for the z-order key and the bridge index.
    Box box;
    for (const Ring& r : polygon.rings)
        for (const glm::dvec2& p : r)
            if (std::isfinite(p.x) && std::isfinite(p.y)) box.extend(p);
    m_minX = box.min.x;
    m_minY = box.min.y;
    const double size = std::max(box.max.x - box.min.x, box.max.y - box.min.y);
    m_invSize = (total > 80 && size > 0.0) ? 65535.0 / size : 0.0;
    m_budget = 64 * static_cast<int64_t>(total) + 20'000'000;

    m_triangles.reserve(3 * (total + 2 * polygon.rings.size()));
    if (polygon.rings.size() > 1) outer = eliminateHoles(polygon, offsets, outer);

    m_work.clear();
    m_work.push_back({outer, 0, false});
    while (!m_work.empty()) {
        const Piece piece = m_work.back();
        m_work.pop_back();
        earcutLinked(piece.node, piece.pass, piece.fallback);
    }
    return std::move(m_triangles);
}

// Builds a circular list from the ring's finite points in the wanted orientation.
// Returns nullptr when nothing usable is left, and drops a closing duplicate point.
Node* Triangulator::linkedList(const Ring& ring, uint32_t start, bool ccw) {
    // Orientation from the finite points only (relative coordinates, see signedArea).
    double twiceArea = 0.0;
    bool haveFirst = false;
    glm::dvec2 origin{0.0}, prevRel{0.0};
    size_t finite = 0;
    for (const glm::dvec2& p : ring) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        ++finite;
        if (!haveFirst) {
            origin = p;
            haveFirst = true;
            continue;
        }
        const glm::dvec2 rel = p - origin;
        twiceArea += prevRel.x * rel.y - rel.x * prevRel.y;
        prevRel = rel;
    }
    if (finite < 3 || !(twiceArea != 0.0)) return nullptr; // too few points or zero area

    Node* last = nullptr;
    auto insert = [&](size_t k) {
        const glm::dvec2 p = ring[k];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
        Node* n = m_arena.make(start + static_cast<uint32_t>(k), p.x, p.y);
        if (!last) {
            n->prev = n;
            n->next = n;
        } else {
            n->next = last->next;
            n->prev = last;
            last->next->prev = n;
            last->next = n;
        }
        last = n;
    };
    if (ccw == (twiceArea > 0.0)) {
        for (size_t k = 0; k < ring.size(); ++k) insert(k);
    } else {
        for (size_t k = ring.size(); k-- > 0;) insert(k);
    }
    if (last && equals(last, last->next)) {
        Node* next = last->next;
        removeNode(last);
        last = next;
    }
    return last;
}

} // namespace triangulation

std::vector<uint32_t> triangulate(const Polygon& polygon) {
    triangulation::Triangulator t;
    return t.run(polygon);
}

} // namespace geo
