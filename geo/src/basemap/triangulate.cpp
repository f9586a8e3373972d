#include <geo/basemap/triangulate.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
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
namespace {

struct Node {
    double x = 0.0;
    double y = 0.0;
    Node* prev = nullptr;
    Node* next = nullptr;
    uint32_t i = 0;     // index into the concatenated input
    uint32_t zpos = 0;  // slot in the z-order arrays, valid while zgen matches
    uint32_t zgen = 0;  // z-order index generation, 0 = never indexed
    bool removed = false;
};

double orient(const Node* a, const Node* b, const Node* c) {
    return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}

bool equals(const Node* a, const Node* b) { return a->x == b->x && a->y == b->y; }

glm::dvec2 pos(const Node* n) { return {n->x, n->y}; }

// Point p in the closed CCW triangle (a, b, c), not counting p == a. Excluding a copy of
// `a` matters where a hole bridge duplicated a vertex.
bool inCcwTriangleExceptFirst(const Node* a, const Node* b, const Node* c, const Node* p) {
    if (p->x == a->x && p->y == a->y) return false;
    return orient(a, b, p) >= 0.0 && orient(b, c, p) >= 0.0 && orient(c, a, p) >= 0.0;
}

// Point (px, py) in the closed triangle, any orientation.
bool inTriangle(double ax, double ay, double bx, double by, double cx, double cy, double px, double py) {
    const double d1 = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    const double d2 = (cx - bx) * (py - by) - (cy - by) * (px - bx);
    const double d3 = (ax - cx) * (py - cy) - (ay - cy) * (px - cx);
    const bool hasNeg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    const bool hasPos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    return !(hasNeg && hasPos);
}

// Does the diagonal a->b leave a into the polygon's interior (locally)?
bool locallyInside(const Node* a, const Node* b) {
    if (orient(a->prev, a, a->next) > 0.0) // convex at a
        return orient(a, b, a->next) <= 0.0 && orient(a, a->prev, b) <= 0.0;
    return orient(a, b, a->prev) > 0.0 || orient(a, a->next, b) > 0.0;
}

// Is m's sector contained in p's sector? Used to pick among coincident bridge targets.
bool sectorContainsSector(const Node* m, const Node* p) {
    return orient(m->prev, m, p->prev) > 0.0 && orient(p->next, m, m->next) > 0.0;
}

// Slots of the z-order index hold a Node* tagged in its low bit when the vertex was
// strictly convex when indexed (see isEarHashed); 0 once the node is removed.
constexpr uintptr_t kConvexTag = 1;

// Tropf & Herzog: the smallest z-order key greater than `cur` (which lies in
// [minZ, maxZ] but outside the box with corners minZ and maxZ) that is inside the box.
bool bigMin(uint32_t cur, uint32_t minZ, uint32_t maxZ, uint32_t& out) {
    bool found = false;
    for (int bit = 31; bit >= 0; --bit) {
        const uint32_t mask = 1u << bit;
        const uint32_t below = ((bit & 1) ? 0xAAAAAAAAu : 0x55555555u) & (mask - 1); // same axis, lower bits
        const bool v = cur & mask, lo = minZ & mask, hi = maxZ & mask;
        if (!v && !lo && hi) {
            out = (minZ & ~below) | mask;
            found = true;
            maxZ = (maxZ & ~mask) | below;
        } else if (!v && lo && hi) {
            out = minZ;
            return true;
        } else if (v && !lo && !hi) {
            return found;
        } else if (v && !lo && hi) {
            minZ = (minZ & ~below) | mask;
        }
    }
    return found;
}

// The largest key less than `cur` inside the box (the mirror of bigMin).
bool litMax(uint32_t cur, uint32_t minZ, uint32_t maxZ, uint32_t& out) {
    bool found = false;
    for (int bit = 31; bit >= 0; --bit) {
        const uint32_t mask = 1u << bit;
        const uint32_t below = ((bit & 1) ? 0xAAAAAAAAu : 0x55555555u) & (mask - 1);
        const bool v = cur & mask, lo = minZ & mask, hi = maxZ & mask;
        if (!v && !lo && hi) {
            maxZ = (maxZ & ~mask) | below;
        } else if (!v && lo && hi) {
            return found;
        } else if (v && !lo && !hi) {
            out = maxZ;
            return true;
        } else if (v && !lo && hi) {
            out = (maxZ & ~mask) | below;
            found = true;
            minZ = (minZ & ~below) | mask;
        }
    }
    return found;
}

// Clamps a cell coordinate to [0, max]; NaN (from overflowing coordinates) goes to 0,
// so the conversion to an integer is always defined.
double clampCell(double v, double max) { return v >= 0.0 ? std::min(v, max) : 0.0; }

// Nodes live in chunks that never move, so Node pointers stay valid.
class NodeArena {
public:
    explicit NodeArena(size_t firstChunk) { m_chunks.emplace_back().reserve(std::max<size_t>(firstChunk, 16)); }

    Node* make(uint32_t i, double x, double y) {
        std::vector<Node>* chunk = &m_chunks.back();
        if (chunk->size() == chunk->capacity()) {
            const size_t next = chunk->capacity() / 2 + 64;
            chunk = &m_chunks.emplace_back();
            chunk->reserve(next);
        }
        Node& n = chunk->emplace_back();
        n.i = i;
        n.x = x;
        n.y = y;
        return &n;
    }

private:
    std::vector<std::vector<Node>> m_chunks;
};

// Edges of the outer list bucketed by horizontal bands, so finding the bridge for a hole
// (a ray cast to the left of its leftmost point) looks at one band instead of the whole
// ring. Entries may go stale as the list changes; readers re-check them against the
// live geometry, and every live edge is registered in all bands its y-range touches.
class EdgeBands {
public:
    EdgeBands(double minY, double maxY, size_t bandCount) : m_minY(minY), m_bands(std::max<size_t>(bandCount, 1)) {
        const double h = maxY - minY;
        m_scale = h > 0.0 ? static_cast<double>(m_bands.size()) / h : 0.0;
    }

    size_t bandOf(double y) const {
        const double b = clampCell((y - m_minY) * m_scale, static_cast<double>(m_bands.size() - 1));
        return static_cast<size_t>(b);
    }

    void add(Node* p) {
        const size_t b0 = bandOf(std::min(p->y, p->next->y));
        const size_t b1 = bandOf(std::max(p->y, p->next->y));
        for (size_t b = b0; b <= b1; ++b) m_bands[b].push_back(p);
    }

    const std::vector<Node*>& band(size_t b) const { return m_bands[b]; }

private:
    double m_minY;
    double m_scale = 0.0;
    std::vector<std::vector<Node*>> m_bands;
};

class Triangulator {
public:
    std::vector<uint32_t> run(const Polygon& polygon);

private:
    Node* linkedList(const Ring& ring, uint32_t start, bool ccw);
    Node* eliminateHoles(const Polygon& polygon, const std::vector<uint32_t>& offsets, Node* outer);
    Node* findHoleBridge(Node* hole, Node* outer);
    void earcutLinked(Node* ear, int pass, bool fallback);
    bool isEar(Node* ear) const;
    bool isEarHashed(Node* ear) const;
    Node* cureLocalIntersections(Node* start);
    void splitEarcut(Node* start);
    bool isValidDiagonal(Node* a, Node* b);
    bool intersectsPolygon(const Node* a, const Node* b);
    bool middleInside(const Node* a, const Node* b);
    Node* filterPoints(Node* start, Node* end = nullptr);
    Node* splitPolygon(Node* a, Node* b);
    void removeNode(Node* p);
    void indexCurve(Node* start);
    uint32_t zOrder(double x, double y) const;
    void emit(const Node* a, const Node* b, const Node* c);

    NodeArena m_arena{0};
    std::vector<uint32_t> m_triangles;
    struct Piece {
        Node* node;
        int pass;
        bool fallback; // pass > 0, or split off by splitEarcut: work counts against the budget
    };
    std::vector<Piece> m_work; // pieces still to triangulate
    void compactZIndex();

    // z-order index of the piece being clipped: keys sorted ascending, and the node in
    // each slot (nullptr once removed). Scanning the contiguous keys and testing the
    // quantized box on the key alone is much cheaper than walking a linked list.
    std::vector<uint32_t> m_zKeys;
    std::vector<uintptr_t> m_zNodes;
    std::vector<uint64_t> m_sortKeys, m_sortTmp;
    std::vector<size_t> m_radixCounts;
    std::vector<Node*> m_sortNodes;
    size_t m_zAlive = 0;
    uint32_t m_zGen = 0;
    EdgeBands* m_bands = nullptr; // only while bridging holes on large inputs
    double m_minX = 0.0;
    double m_minY = 0.0;
    double m_invSize = 0.0; // 0: no z-order hashing (small input)
    // Node visits left for the fallback paths (passes 1 and 2, split pieces). Simple
    // polygons finish in pass 0 and never touch it; garbage input that exhausts it gets
    // its remaining pieces left out instead of taking quadratic time.
    mutable int64_t m_budget = 0;
    bool m_countWork = false;
};

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
    return outer;
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
            if (locallyInside(v, hole) &&
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

void Triangulator::emit(const Node* a, const Node* b, const Node* c) {
    if (orient(a, b, c) < 0.0) std::swap(b, c);
    m_triangles.push_back(a->i);
    m_triangles.push_back(b->i);
    m_triangles.push_back(c->i);
}

void Triangulator::earcutLinked(Node* ear, int pass, bool fallback) {
    if (!ear) return;
    // Re-index at every pass: filtering and curing can turn convex vertices reflex,
    // while plain ear clipping only ever makes vertices more convex.
    if (m_invSize > 0.0) indexCurve(ear);

    m_countWork = fallback;
    Node* stop = ear;
    while (ear->prev != ear->next) {
        if (fallback && m_budget < 0) return; // out of budget: leave this piece out
        Node* prev = ear->prev;
        Node* next = ear->next;
        if (m_invSize > 0.0 ? isEarHashed(ear) : isEar(ear)) {
            emit(prev, ear, next);
            removeNode(ear);
            // Skipping the next vertex gives fewer sliver triangles.
            ear = next->next;
            stop = next->next;
            continue;
        }
        ear = next;
        if (ear == stop) { // went all the way round without an ear
            if (pass == 0) {
                m_work.push_back({filterPoints(ear), 1, true});
            } else if (pass == 1) {
                ear = cureLocalIntersections(filterPoints(ear));
                m_work.push_back({ear, 2, true});
            } else {
                splitEarcut(ear);
            }
            return;
        }
    }
}

bool Triangulator::isEar(Node* ear) const {
    const Node* a = ear->prev;
    const Node* b = ear;
    const Node* c = ear->next;
    if (orient(a, b, c) <= 0.0) return false; // reflex or flat
    const double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
    const double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
    for (const Node* p = c->next; p != a; p = p->next) {
        if (p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 && inCcwTriangleExceptFirst(a, b, c, p) &&
            orient(p->prev, p, p->next) <= 0.0)
            return false;
    }
    return true;
}

bool Triangulator::isEarHashed(Node* ear) const {
    if (ear->zgen != m_zGen) return isEar(ear); // not indexed (cannot happen; be safe)
    const Node* a = ear->prev;
    const Node* b = ear;
    const Node* c = ear->next;
    if (orient(a, b, c) <= 0.0) return false;
    const double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
    const double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
    const uint32_t minZ = zOrder(x0, y0);
    const uint32_t maxZ = zOrder(x1, y1);
    // Interleaved bits keep each axis' order under a mask, so the quantized box test
    // needs only the key. Vertices that were strictly convex when indexed cannot block
    // an ear (clipping only makes vertices more convex): skipped without a node access.
    constexpr uint32_t mx = 0x55555555u, my = 0xAAAAAAAAu;
    const uint32_t lx = minZ & mx, hx = maxZ & mx, ly = minZ & my, hy = maxZ & my;
    const uint32_t* keys = m_zKeys.data();
    int64_t scanned = 0;
    auto inBox = [&](uint32_t key) {
        ++scanned;
        return (key & mx) >= lx && (key & mx) <= hx && (key & my) >= ly && (key & my) <= hy;
    };
    auto finish = [&](bool result) {
        if (m_countWork) m_budget -= scanned;
        return result;
    };
    auto blocks = [&](size_t k) {
        const uintptr_t slot = m_zNodes[k];
        if (slot == 0 || (slot & kConvexTag)) return false;
        const Node* p = reinterpret_cast<const Node*>(slot);
        return p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 && p != a && p != c &&
               inCcwTriangleExceptFirst(a, b, c, p) && orient(p->prev, p, p->next) <= 0.0;
    };
    // First look at the nearest keys on both sides (blockers are usually close), then
    // scan each side to the end of the key range. After a few keys outside the box,
    // jump to the next key inside it (BIGMIN / LITMAX): a box straddling a quadrant
    // boundary otherwise spans many keys that are far away.
    const size_t count = m_zKeys.size();
    size_t lo = ear->zpos; // next candidate below: lo - 1
    size_t hi = ear->zpos + 1;
    for (int step = 0; step < 8 && lo > 0 && keys[lo - 1] >= minZ && hi < count && keys[hi] <= maxZ; ++step) {
        if ((inBox(keys[lo - 1]) && blocks(lo - 1)) || (inBox(keys[hi]) && blocks(hi))) return finish(false);
        --lo;
        ++hi;
    }
    int misses = 0;
    while (hi < count && keys[hi] <= maxZ) {
        const uint32_t key = keys[hi];
        if (inBox(key)) {
            misses = 0;
            if (blocks(hi)) return finish(false);
            ++hi;
        } else if (++misses < 4) {
            ++hi;
        } else {
            misses = 0;
            uint32_t next = 0;
            if (!bigMin(key, minZ, maxZ, next)) break;
            hi = static_cast<size_t>(std::lower_bound(keys + hi + 1, keys + count, next) - keys);
        }
    }
    misses = 0;
    while (lo > 0 && keys[lo - 1] >= minZ) {
        const uint32_t key = keys[lo - 1];
        if (inBox(key)) {
            misses = 0;
            if (blocks(lo - 1)) return finish(false);
            --lo;
        } else if (++misses < 4) {
            --lo;
        } else {
            misses = 0;
            uint32_t prev = 0;
            if (!litMax(key, minZ, maxZ, prev)) break;
            lo = static_cast<size_t>(std::upper_bound(keys, keys + lo - 1, prev) - keys);
        }
    }
    return finish(true);
}

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

// Removes duplicate and collinear points between start and end (the whole ring if end
// is null). Returns a node still in the ring.
Node* Triangulator::filterPoints(Node* start, Node* end) {
    if (!start) return start;
    if (!end) end = start;
    Node* p = start;
    bool again = false;
    do {
        again = false;
        if (equals(p, p->next) || orient(p->prev, p, p->next) == 0.0) {
            removeNode(p);
            p = end = p->prev;
            if (p == p->next) break;
            again = true;
        } else {
            p = p->next;
        }
    } while (again || p != end);
    return end;
}

// Links a and b with a two-way diagonal, splitting the ring in two (or, for a hole, joining
// two rings into one). Returns the copy of b, which is in the ring b is not.
Node* Triangulator::splitPolygon(Node* a, Node* b) {
    Node* a2 = m_arena.make(a->i, a->x, a->y);
    Node* b2 = m_arena.make(b->i, b->x, b->y);
    Node* an = a->next;
    Node* bp = b->prev;
    a->next = b;
    b->prev = a;
    a2->next = an;
    an->prev = a2;
    b2->next = a2;
    a2->prev = b2;
    bp->next = b2;
    b2->prev = bp;
    return b2;
}

void Triangulator::removeNode(Node* p) {
    p->next->prev = p->prev;
    p->prev->next = p->next;
    p->removed = true;
    if (p->zgen == m_zGen && m_zGen != 0) {
        m_zNodes[p->zpos] = 0;
        if (--m_zAlive * 2 < m_zNodes.size() && m_zNodes.size() > 256) compactZIndex();
    }
    if (m_bands) m_bands->add(p->prev); // its edge now reaches p's old next
}

uint32_t Triangulator::zOrder(double x, double y) const {
    // 16 bits per axis, interleaved; clamping keeps the key monotone in x and in y.
    uint32_t ix = static_cast<uint32_t>(clampCell((x - m_minX) * m_invSize, 65535.0));
    uint32_t iy = static_cast<uint32_t>(clampCell((y - m_minY) * m_invSize, 65535.0));
    ix = (ix | (ix << 8)) & 0x00FF00FFu;
    ix = (ix | (ix << 4)) & 0x0F0F0F0Fu;
    ix = (ix | (ix << 2)) & 0x33333333u;
    ix = (ix | (ix << 1)) & 0x55555555u;
    iy = (iy | (iy << 8)) & 0x00FF00FFu;
    iy = (iy | (iy << 4)) & 0x0F0F0F0Fu;
    iy = (iy | (iy << 2)) & 0x33333333u;
    iy = (iy | (iy << 1)) & 0x55555555u;
    return ix | (iy << 1);
}

// Sorts the piece's nodes by z-order key into m_zKeys/m_zNodes (a new generation, so
// slots of nodes outside this piece are known stale).
void Triangulator::indexCurve(Node* start) {
    m_sortNodes.clear();
    m_sortKeys.clear();
    Node* p = start;
    do {
        m_sortKeys.push_back((static_cast<uint64_t>(zOrder(p->x, p->y)) << 32) | m_sortNodes.size());
        m_sortNodes.push_back(p);
        p = p->next;
    } while (p != start);

    // LSD radix sort on the 32-bit key, 3 passes of 11 bits: linear, and stable.
    m_sortTmp.resize(m_sortKeys.size());
    for (int shift = 32; shift < 64; shift += 11) {
        std::vector<size_t>& counts = m_radixCounts;
        counts.assign(2049, 0);
        for (uint64_t k : m_sortKeys) ++counts[((k >> shift) & 2047u) + 1];
        for (size_t b = 1; b < 2049; ++b) counts[b] += counts[b - 1];
        for (uint64_t k : m_sortKeys) m_sortTmp[counts[(k >> shift) & 2047u]++] = k;
        m_sortKeys.swap(m_sortTmp);
    }

    ++m_zGen;
    m_zKeys.resize(m_sortKeys.size());
    m_zNodes.resize(m_sortKeys.size());
    for (size_t k = 0; k < m_sortKeys.size(); ++k) {
        Node* n = m_sortNodes[static_cast<size_t>(m_sortKeys[k] & 0xFFFFFFFFu)];
        const bool convex = orient(n->prev, n, n->next) > 0.0;
        m_zKeys[k] = static_cast<uint32_t>(m_sortKeys[k] >> 32);
        m_zNodes[k] = reinterpret_cast<uintptr_t>(n) | (convex ? kConvexTag : 0);
        n->zpos = static_cast<uint32_t>(k);
        n->zgen = m_zGen;
    }
    m_zAlive = m_zNodes.size();
}

// Drops removed slots once they are the majority, so scans stay proportional to the
// live nodes.
void Triangulator::compactZIndex() {
    size_t out = 0;
    for (size_t k = 0; k < m_zNodes.size(); ++k) {
        const uintptr_t slot = m_zNodes[k];
        if (!slot) continue;
        m_zKeys[out] = m_zKeys[k];
        m_zNodes[out] = slot;
        reinterpret_cast<Node*>(slot & ~kConvexTag)->zpos = static_cast<uint32_t>(out);
        ++out;
    }
    m_zKeys.resize(out);
    m_zNodes.resize(out);
    m_zAlive = out;
}

} // namespace

std::vector<uint32_t> triangulate(const Polygon& polygon) {
    Triangulator t;
    return t.run(polygon);
}

} // namespace geo
