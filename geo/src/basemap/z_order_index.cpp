// The z-order index: the piece's vertices sorted by their z-order (Morton) key, so the
// "is a reflex vertex inside this ear" test only looks at vertices near the ear.
#include "basemap/triangulator.hpp"

namespace geo::triangulation {

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

} // namespace geo::triangulation
