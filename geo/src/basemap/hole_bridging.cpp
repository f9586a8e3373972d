// Holes: each joined to the outer ring by a zero-width bridge, left to right.
#include "basemap/triangulator.hpp"

#include <cmath>
#include <limits>
#include <memory>

namespace geo::triangulation {
namespace {

// Point (px, py) in the closed triangle, any orientation.
bool inTriangle(double ax, double ay, double bx, double by, double cx, double cy, double px, double py) {
    const double d1 = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    const double d2 = (cx - bx) * (py - by) - (cy - by) * (px - bx);
    const double d3 = (ax - cx) * (py - cy) - (ay - cy) * (px - cx);
    const bool hasNeg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    const bool hasPos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    return !(hasNeg && hasPos);
}

// Is m's sector contained in p's sector? Used to pick among coincident bridge targets.
bool sectorContainsSector(const Node* m, const Node* p) {
    return orient(m->prev, m, p->prev) > 0.0 && orient(p->next, m, m->next) > 0.0;
}

} // namespace

Node* Triangulator::eliminateHoles(const Polygon& polygon, const std::vector<uint32_t>& offsets, Node* outer) {
    std::vector<Node*> queue;
    size_t holeNodes = 0;
    for (size_t r = 1; r < polygon.rings.size(); ++r) {
        // Filtered first: a repeated leftmost point would give the hole ordering and the
        // bridge search a zero-length edge to work with.
        Node* list = filterPoints(linkedList(polygon.rings[r], offsets[r], false));
        if (!list || list->next == list->prev) continue;
        Node* leftmost = list;
        Node* p = list;
        do {
            if (p->x < leftmost->x || (p->x == leftmost->x && p->y < leftmost->y)) leftmost = p;
            p = p->next;
        } while (p != list);
        queue.push_back(leftmost);
        holeNodes += polygon.rings[r].size();
    }
    if (queue.empty()) return outer;

    // Left to right, so each hole's bridge can only cross holes already joined. When two
    // holes' leftmost points coincide, order them by slope so the bridge lands on the
    // shared point.
    std::sort(queue.begin(), queue.end(), [](const Node* a, const Node* b) {
        if (a->x != b->x) return a->x < b->x;
        if (a->y != b->y) return a->y < b->y;
        // atan2 instead of dy/dx: defined for a repeated point (no NaN in the ordering).
        return std::atan2(a->next->y - a->y, a->next->x - a->x) < std::atan2(b->next->y - b->y, b->next->x - b->x);
    });

    // Scanning the whole outer ring per hole is O(holes * n); index the edges by y-bands
    // when that would be large. Band count keeps the total registrations near 4 n.
    size_t outerNodes = 0;
    double sumDy = 0.0;
    Node* p = outer;
    do {
        ++outerNodes;
        sumDy += std::abs(p->next->y - p->y);
        p = p->next;
    } while (p != outer);
    std::unique_ptr<EdgeBands> bands;
    const size_t n = outerNodes + holeNodes;
    if (static_cast<double>(queue.size()) * static_cast<double>(outerNodes) > 2.0e5) {
        double minY = std::numeric_limits<double>::infinity(), maxY = -minY;
        p = outer;
        do {
            minY = std::min(minY, p->y);
            maxY = std::max(maxY, p->y);
            p = p->next;
        } while (p != outer);
        const double h = maxY - minY;
        double count = static_cast<double>(n) / 4.0;
        if (h > 0.0 && sumDy > 0.0) count = std::min(count, 3.0 * static_cast<double>(n) * h / sumDy);
        count = std::clamp(count, 1.0, 1048576.0);
        bands = std::make_unique<EdgeBands>(minY, maxY, static_cast<size_t>(count));
        p = outer;
        do {
            bands->add(p);
            p = p->next;
        } while (p != outer);
        m_bands = bands.get();
    }

    for (Node* hole : queue) {
        Node* bridge = findHoleBridge(hole, outer);
        if (!bridge) continue; // hole outside the outer ring: ignore it
        if (m_bands) {
            Node* q = hole;
            do {
                m_bands->add(q);
                q = q->next;
            } while (q != hole);
        }
        Node* bridgeReverse = splitPolygon(bridge, hole);
        if (m_bands) {
            m_bands->add(bridge);
            m_bands->add(bridgeReverse);
            m_bands->add(bridgeReverse->next);
        }
        filterPoints(bridgeReverse, bridgeReverse->next);
        outer = filterPoints(bridge, bridge->next);
    }
    m_bands = nullptr;
    return filterPoints(outer);
}

// Eberly's method: cast a ray left from the hole's leftmost point, take the nearest edge
// hit, then among the vertices in the triangle (hole point, hit point, edge endpoint)
// pick the one with the smallest angle to the ray; it is visible from the hole point.
Node* Triangulator::findHoleBridge(Node* hole, Node* outer) {
    const double hx = hole->x;
    const double hy = hole->y;
    double qx = -std::numeric_limits<double>::infinity();
    Node* m = nullptr;
    bool done = false;

    auto visitEdge = [&](Node* e) {
        if (equals(hole, e)) {
            m = e;
            done = true;
            return;
        }
        const Node* f = e->next;
        if (hy <= e->y && hy >= f->y && f->y != e->y) {
            const double x = e->x + (hy - e->y) * (f->x - e->x) / (f->y - e->y);
            if (x <= hx && x > qx) {
                qx = x;
                m = e->x < f->x ? e : e->next;
                if (x == hx) done = true; // the hole touches this edge
            }
        }
    };
    if (m_bands) {
        for (Node* e : m_bands->band(m_bands->bandOf(hy))) {
            if (e->removed) continue;
            visitEdge(e);
            if (done) return m;
        }
    } else {
        Node* e = outer;
        do {
            visitEdge(e);
            if (done) return m;
            e = e->next;
        } while (e != outer);
    }
    if (!m) return nullptr;

    const double mx = m->x;
    const double my = m->y;
    double tanMin = std::numeric_limits<double>::infinity();
    auto visitVertex = [&](Node* v) {
        if (hx >= v->x && v->x >= mx && hx != v->x &&
            inTriangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, v->x, v->y)) {
            const double tan = std::abs(hy - v->y) / (hx - v->x);
            // The hole point on v's horizontal edge (a T-junction, holes sharing an edge):
            // the bridge runs along that edge, valid though locallyInside calls it collinear.
            const bool alongEdge = v->y == hy && v->next->y == hy && v->next->x > hx;
            if ((locallyInside(v, hole) || alongEdge) &&
                (tan < tanMin || (tan == tanMin && (v->x > m->x || (v->x == m->x && sectorContainsSector(m, v)))))) {
                m = v;
                tanMin = tan;
            }
        }
    };
    if (m_bands) {
        const size_t b0 = m_bands->bandOf(std::min(hy, my));
        const size_t b1 = m_bands->bandOf(std::max(hy, my));
        Node* first = m;
        visitVertex(first); // the candidate itself first, as the ring walk would
        for (size_t b = b0; b <= b1; ++b)
            for (Node* v : m_bands->band(b))
                if (!v->removed) visitVertex(v);
    } else {
        Node* stop = m;
        Node* v = m;
        do {
            visitVertex(v);
            v = v->next;
        } while (v != stop);
    }
    return m;
}

} // namespace geo::triangulation
