// When ear clipping finds no ear: cure local self-intersections (pass 2), then split
// along a valid diagonal and start over on both halves (pass 3), within the work budget.
#include "basemap/triangulator.hpp"

namespace geo::triangulation {

// Where the ring crosses itself locally (a-p and p.next-b intersect), cut off the
// triangle (a, p, b) and drop p and p.next.
Node* Triangulator::cureLocalIntersections(Node* start) {
    if (!start) return start;
    Node* p = start;
    do {
        if (p->next == p->prev) break; // fewer than 3 nodes
        Node* a = p->prev;
        Node* b = p->next->next;
        if (!equals(a, b) && segmentsIntersect(pos(a), pos(p), pos(p->next), pos(b)) && locallyInside(a, b) &&
            locallyInside(b, a)) {
            emit(a, p, b);
            removeNode(p->next);
            removeNode(p);
            p = start = b;
        }
        p = p->next;
    } while (p != start);
    return filterPoints(p);
}

// Last resort: find any valid diagonal, split, and triangulate both halves afresh.
void Triangulator::splitEarcut(Node* start) {
    if (!start) return;
    Node* a = start;
    do {
        for (Node* b = a->next->next; b != a->prev; b = b->next) {
            if (m_budget < 0) return; // give up on this piece rather than go quadratic
            --m_budget;
            if (a->i != b->i && isValidDiagonal(a, b)) {
                Node* c = splitPolygon(a, b);
                a = filterPoints(a, a->next);
                c = filterPoints(c, c->next);
                m_work.push_back({a, 0, true});
                m_work.push_back({c, 0, true});
                return;
            }
        }
        a = a->next;
    } while (a != start);
}

bool Triangulator::isValidDiagonal(Node* a, Node* b) {
    if (a->next->i == b->i || a->prev->i == b->i) return false;
    const bool locally = locallyInside(a, b) && locallyInside(b, a) &&
                         // and the diagonal does not make opposite-facing sectors
                         (orient(a->prev, a, b->prev) != 0.0 || orient(a, b->prev, b) != 0.0);
    const bool coincident =
        equals(a, b) && orient(a->prev, a, a->next) < 0.0 && orient(b->prev, b, b->next) < 0.0;
    if (!locally && !coincident) return false; // cheap tests first, the rest walk the ring
    if (intersectsPolygon(a, b)) return false;
    return coincident || middleInside(a, b);
}

bool Triangulator::intersectsPolygon(const Node* a, const Node* b) {
    const Node* p = a;
    do {
        --m_budget;
        if (p->i != a->i && p->next->i != a->i && p->i != b->i && p->next->i != b->i &&
            segmentsIntersect(pos(p), pos(p->next), pos(a), pos(b)))
            return true;
        p = p->next;
    } while (p != a);
    return false;
}

// Even-odd test of the diagonal's midpoint against the ring.
bool Triangulator::middleInside(const Node* a, const Node* b) {
    const Node* p = a;
    bool inside = false;
    const double px = (a->x + b->x) / 2.0;
    const double py = (a->y + b->y) / 2.0;
    do {
        --m_budget;
        const Node* q = p->next;
        if ((p->y > py) != (q->y > py) && q->y != p->y && px < (q->x - p->x) * (py - p->y) / (q->y - p->y) + p->x)
            inside = !inside;
        p = q;
    } while (p != a);
    return inside;
}

} // namespace geo::triangulation
