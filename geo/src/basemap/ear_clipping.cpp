// Ear clipping: walk the ring, cut off each ear (a convex corner with no reflex vertex
// inside), and hand the piece to the fallbacks when a whole round finds none. Also the
// ring's list operations that clipping, bridging and the fallbacks share.
#include "basemap/triangulator.hpp"

#include <utility>

namespace geo::triangulation {

void Triangulator::emit(const Node* a, const Node* b, const Node* c) {
    if (orient(a, b, c) < 0.0) std::swap(b, c);
    m_triangles.push_back(a->i);
    m_triangles.push_back(b->i);
    m_triangles.push_back(c->i);
}

// Flattened: the ear test, emit and the list operations inlined into the clipping loop,
// as they were when the triangulator was one file of internal-linkage functions (without
// it the split costs ~6% more instructions on tools/geometry_bench).
[[gnu::flatten]] void Triangulator::earcutLinked(Node* ear, int pass, bool fallback) {
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

} // namespace geo::triangulation
