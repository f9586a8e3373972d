#pragma once
// The triangulator's internals, shared by the files that implement it (private to geo):
//   triangulate.cpp           the driver: rings to linked lists, pieces to clip
//   ear_clipping.cpp          the ear test and the clipping loop, the list operations
//   hole_bridging.cpp         holes joined to the outer ring (Eberly's bridges, edge bands)
//   z_order_index.cpp         the z-order index that keeps the ear test local on large rings
//   triangulate_fallback.cpp  what runs when no ear is found: curing local self-intersections
//                             and splitting along a diagonal
// See triangulate.cpp for an outline of the algorithm.

#include <geo/base/geometry.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace geo::triangulation {

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

inline double orient(const Node* a, const Node* b, const Node* c) {
    return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}

inline bool equals(const Node* a, const Node* b) { return a->x == b->x && a->y == b->y; }

inline glm::dvec2 pos(const Node* n) { return {n->x, n->y}; }

// Point p in the closed CCW triangle (a, b, c), not counting p == a. Excluding a copy of
// `a` matters where a hole bridge duplicated a vertex.
inline bool inCcwTriangleExceptFirst(const Node* a, const Node* b, const Node* c, const Node* p) {
    if (p->x == a->x && p->y == a->y) return false;
    return orient(a, b, p) >= 0.0 && orient(b, c, p) >= 0.0 && orient(c, a, p) >= 0.0;
}

// Does the diagonal a->b leave a into the polygon's interior (locally)?
inline bool locallyInside(const Node* a, const Node* b) {
    if (orient(a->prev, a, a->next) > 0.0) // convex at a
        return orient(a, b, a->next) <= 0.0 && orient(a, a->prev, b) <= 0.0;
    return orient(a, b, a->prev) > 0.0 || orient(a, a->next, b) > 0.0;
}

// Slots of the z-order index hold a Node* tagged in its low bit when the vertex was
// strictly convex when indexed (see isEarHashed); 0 once the node is removed.
constexpr uintptr_t kConvexTag = 1;

// Tropf & Herzog: the smallest z-order key greater than `cur` (which lies in
// [minZ, maxZ] but outside the box with corners minZ and maxZ) that is inside the box.
bool bigMin(uint32_t cur, uint32_t minZ, uint32_t maxZ, uint32_t& out);
// The largest key less than `cur` inside the box (the mirror of bigMin).
bool litMax(uint32_t cur, uint32_t minZ, uint32_t maxZ, uint32_t& out);

// Clamps a cell coordinate to [0, max]; NaN (from overflowing coordinates) goes to 0,
// so the conversion to an integer is always defined.
inline double clampCell(double v, double max) { return v >= 0.0 ? std::min(v, max) : 0.0; }

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

// Inline: the ear test computes two keys per candidate ear.
inline uint32_t Triangulator::zOrder(double x, double y) const {
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

} // namespace geo::triangulation
