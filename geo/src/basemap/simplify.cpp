#include <geo/basemap/simplify.hpp>

#include <glm/common.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace geo {
namespace {

double dist2PointSegment(glm::dvec2 p, glm::dvec2 a, glm::dvec2 b) {
    const glm::dvec2 ab = b - a;
    const glm::dvec2 ap = p - a;
    const double len2 = ab.x * ab.x + ab.y * ab.y;
    double t = len2 > 0.0 ? (ap.x * ab.x + ap.y * ab.y) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const glm::dvec2 d = ap - t * ab;
    return d.x * d.x + d.y * d.y;
}

// Uniform grid of segments over a box. A segment is registered in every cell its
// bounding box overlaps, so two segments that share a point share a cell. Segments are
// removed lazily (marked dead).
class SegmentGrid {
public:
    // `minCell` keeps long segments from being registered in too many cells.
    SegmentGrid(const std::vector<glm::dvec2>& points, const Box& box, size_t expected, double minCell)
        : m_points(points) {
        m_min = box.min;
        const glm::dvec2 size = box.size();
        const double cells = static_cast<double>(std::max<size_t>(expected, 1));
        double cell = std::max(std::sqrt(size.x * size.y / cells), minCell);
        if (!(cell > 0.0)) cell = std::max(size.x, size.y) / cells; // flat box
        if (!(cell > 0.0) || !std::isfinite(cell)) cell = 1.0;       // a single point
        m_inv = 1.0 / cell;
        m_nx = static_cast<size_t>(std::min(size.x * m_inv, cells)) + 1;
        m_ny = static_cast<size_t>(std::min(size.y * m_inv, cells)) + 1;
        m_head.assign(m_nx * m_ny, -1);
        m_entries.reserve(expected * 2);
        m_segments.reserve(expected * 2);
    }

    uint32_t add(uint32_t ia, uint32_t ib) {
        const uint32_t id = static_cast<uint32_t>(m_segments.size());
        m_segments.push_back({ia, ib, true});
        m_stamp.push_back(0);
        size_t x0, y0, x1, y1;
        cellRange(m_points[ia], m_points[ib], x0, y0, x1, y1);
        for (size_t y = y0; y <= y1; ++y)
            for (size_t x = x0; x <= x1; ++x) {
                const size_t c = y * m_nx + x;
                m_entries.push_back({id, m_head[c]});
                m_head[c] = static_cast<int32_t>(m_entries.size() - 1);
            }
        return id;
    }

    void kill(uint32_t id) { m_segments[id].alive = false; }

    // Calls f(a, b) for each live segment whose cells overlap the box of (p, q), each
    // segment once; stops and returns true as soon as f returns true.
    // `work` counts the cells and entries visited.
    template <class F> bool any(glm::dvec2 p, glm::dvec2 q, int64_t& work, F f) {
        ++m_query;
        size_t x0, y0, x1, y1;
        cellRange(p, q, x0, y0, x1, y1);
        for (size_t y = y0; y <= y1; ++y)
            for (size_t x = x0; x <= x1; ++x)
                for (int32_t e = m_head[y * m_nx + x]; e >= 0; e = m_entries[static_cast<size_t>(e)].next) {
                    ++work;
                    const uint32_t id = m_entries[static_cast<size_t>(e)].segment;
                    const Segment& s = m_segments[id];
                    if (!s.alive || m_stamp[id] == m_query) continue;
                    m_stamp[id] = m_query;
                    if (f(s.a, s.b)) return true;
                }
        return false;
    }

private:
    struct Segment {
        uint32_t a, b; // point indices
        bool alive;
    };
    struct Entry {
        uint32_t segment;
        int32_t next;
    };

    size_t cellOf(double v, double min, size_t n) const {
        const double c = (v - min) * m_inv;
        // NaN (overflowing coordinates) goes to cell 0, so the conversion is defined.
        return c >= 0.0 ? static_cast<size_t>(std::min(c, static_cast<double>(n - 1))) : 0;
    }
    void cellRange(glm::dvec2 p, glm::dvec2 q, size_t& x0, size_t& y0, size_t& x1, size_t& y1) const {
        x0 = cellOf(std::min(p.x, q.x), m_min.x, m_nx);
        x1 = cellOf(std::max(p.x, q.x), m_min.x, m_nx);
        y0 = cellOf(std::min(p.y, q.y), m_min.y, m_ny);
        y1 = cellOf(std::max(p.y, q.y), m_min.y, m_ny);
    }

    const std::vector<glm::dvec2>& m_points;
    glm::dvec2 m_min{0.0};
    double m_inv = 1.0;
    size_t m_nx = 1, m_ny = 1;
    std::vector<int32_t> m_head;
    std::vector<Entry> m_entries;
    std::vector<Segment> m_segments;
    std::vector<uint32_t> m_stamp;
    uint32_t m_query = 0;
};

bool finitePoint(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Topology-preserving Douglas–Peucker over the rings of one polygon (or one ring).
class RingSimplifier {
public:
    RingSimplifier(const std::vector<const Ring*>& rings, double tolerance) : m_tol2(tolerance * tolerance) {
        Box box;
        for (const Ring* r : rings) {
            m_offsets.push_back(static_cast<uint32_t>(m_points.size()));
            for (const glm::dvec2& p : *r)
                if (finitePoint(p)) {
                    m_points.push_back(p);
                    box.extend(p);
                }
            m_sizes.push_back(static_cast<uint32_t>(m_points.size() - m_offsets.back()));
        }
        // Cell size: about one segment per cell for dense input, but never so small that
        // long segments (garbage input) fill the grid: total registrations stay ~4 n.
        double sumExtent = 0.0, sumArea = 0.0;
        for (size_t r = 0; r < m_offsets.size(); ++r)
            for (uint32_t k = 0; k < m_sizes[r]; ++k) {
                const glm::dvec2 d = glm::abs(m_points[m_offsets[r] + (k + 1) % m_sizes[r]] - m_points[m_offsets[r] + k]);
                sumExtent += d.x + d.y;
                sumArea += d.x * d.y;
            }
        const double n = static_cast<double>(std::max<size_t>(m_points.size(), 1));
        const double minCell = std::max(sumExtent / n, std::sqrt(sumArea / (2.0 * n)));
        m_grid = std::make_unique<SegmentGrid>(m_points, box, m_points.size(), minCell);
        m_budget = 100 * static_cast<int64_t>(m_points.size()) + 10'000'000;
        // Original segment k of ring r gets id offset(r) + k: added first, in order.
        for (size_t r = 0; r < m_offsets.size(); ++r)
            for (uint32_t k = 0; k < m_sizes[r]; ++k)
                m_grid->add(m_offsets[r] + k, m_offsets[r] + (k + 1) % m_sizes[r]);
    }

    Ring simplify(size_t r);

private:
    glm::dvec2 at(size_t r, size_t k) const { return m_points[m_offsets[r] + k % m_sizes[r]]; }
    bool shortcutAllowed(size_t r, size_t i, size_t j);
    bool insideSpan(size_t r, size_t i, size_t j, glm::dvec2 p);

    double m_tol2;
    std::vector<glm::dvec2> m_points;
    std::vector<uint32_t> m_offsets, m_sizes;
    std::unique_ptr<SegmentGrid> m_grid;
    std::vector<std::pair<size_t, size_t>> m_stack;
    // Work left (points and index entries visited) before giving up on further
    // simplification and keeping the remaining spans as they are. Only garbage input
    // (long criss-crossing segments) gets near it; it keeps such input from going
    // quadratic while the output stays valid.
    int64_t m_work = 0;
    int64_t m_budget = 0;
};

// May the span i..j (unrolled indices, j - i >= 2) of ring r be replaced by one segment?
// Not if the shortcut crosses or touches a current segment, and not if it would cut off
// part of a ring: a vertex inside the region between the span and the shortcut (that
// region lies within the tolerance of the shortcut, so only nearby vertices are tested).
bool RingSimplifier::shortcutAllowed(size_t r, size_t i, size_t j) {
    const size_t n = m_sizes[r];
    const uint32_t off = m_offsets[r];
    const glm::dvec2 a = at(r, i), b = at(r, j);
    const size_t spanStart = i % n, span = j - i;
    const double tol = std::sqrt(m_tol2);
    const glm::dvec2 lo = glm::min(a, b) - tol, hi = glm::max(a, b) + tol;
    const bool blocked = m_grid->any(lo, hi, m_work, [&](uint32_t sa, uint32_t sb) {
        // The span's own segments are what the shortcut replaces.
        if (sa >= off && sa < off + n && (sa - off + n - spanStart) % n < span && sb == off + (sa - off + 1) % n)
            return false;
        if (segmentsIntersectProperly(a, b, m_points[sa], m_points[sb])) return true;
        const glm::dvec2 c = m_points[sa];
        return c != a && c != b && dist2PointSegment(c, a, b) <= m_tol2 && insideSpan(r, i, j, c);
    });
    return !blocked;
}

// Even-odd test of p against the closed polygon span i..j plus the shortcut j -> i.
bool RingSimplifier::insideSpan(size_t r, size_t i, size_t j, glm::dvec2 p) {
    bool inside = false;
    m_work += static_cast<int64_t>(j - i);
    for (size_t k = i; k <= j; ++k) {
        const glm::dvec2 u = at(r, k), v = at(r, k == j ? i : k + 1);
        if ((u.y > p.y) != (v.y > p.y) && p.x < u.x + (p.y - u.y) * (v.x - u.x) / (v.y - u.y)) inside = !inside;
    }
    return inside;
}

Ring RingSimplifier::simplify(size_t r) {
    const size_t n = m_sizes[r];
    const uint32_t off = m_offsets[r];
    Ring ring(m_points.begin() + off, m_points.begin() + off + n);

    // Anchors that are always kept: point 0, the point farthest from it, and the point
    // farthest from the line through those two. They span the ring's largest-ish
    // triangle, so the result keeps at least 3 distinct points.
    size_t s1 = 0;
    double best = -1.0;
    for (size_t k = 1; k < n; ++k) {
        const glm::dvec2 d = ring[k] - ring[0];
        const double d2 = d.x * d.x + d.y * d.y;
        if (d2 > best) best = d2, s1 = k;
    }
    size_t s2 = 0;
    best = -1.0;
    for (size_t k = 1; k < n; ++k) {
        if (k == s1) continue;
        const double o = std::abs(orient2d(ring[0], ring[s1], ring[k]));
        if (o > best) best = o, s2 = k;
    }
    if (s2 < s1) std::swap(s1, s2);

    std::vector<size_t> keep;
    m_stack.clear();
    m_stack.emplace_back(s2, n);
    m_stack.emplace_back(s1, s2);
    m_stack.emplace_back(0, s1);
    while (!m_stack.empty()) {
        const auto [i, j] = m_stack.back();
        m_stack.pop_back();
        if (j - i <= 1) {
            keep.push_back(i);
            continue;
        }
        if (m_work > m_budget) { // out of budget: keep this span unsimplified
            for (size_t k = i; k < j; ++k) keep.push_back(k);
            continue;
        }
        m_work += static_cast<int64_t>(j - i);
        const glm::dvec2 a = at(r, i), b = at(r, j);
        // The point farthest from the segment a-b; spans end at n at most, so the points
        // between their ends are ring[i + 1 .. j - 1] with no wrap around.
        size_t far = i + 1;
        double farD2 = -1.0;
        const glm::dvec2 ab = b - a;
        const double len2 = ab.x * ab.x + ab.y * ab.y;
        const double invLen2 = len2 > 0.0 ? 1.0 / len2 : 0.0;
        for (size_t k = i + 1; k < j; ++k) {
            const glm::dvec2 ap = ring[k] - a;
            const double t = std::clamp((ap.x * ab.x + ap.y * ab.y) * invLen2, 0.0, 1.0);
            const glm::dvec2 d = ap - t * ab;
            const double d2 = d.x * d.x + d.y * d.y;
            if (d2 > farD2) farD2 = d2, far = k;
        }
        if (farD2 <= m_tol2 && shortcutAllowed(r, i, j)) {
            for (size_t k = i; k < j; ++k) m_grid->kill(static_cast<uint32_t>(off + k % n));
            m_grid->add(static_cast<uint32_t>(off + i % n), static_cast<uint32_t>(off + j % n));
            keep.push_back(i);
            continue;
        }
        m_stack.emplace_back(far, j);
        m_stack.emplace_back(i, far);
    }

    Ring out;
    out.reserve(keep.size());
    for (size_t k : keep) {
        const glm::dvec2 p = ring[k % n];
        if (out.empty() || out.back() != p) out.push_back(p); // zero-length shortcuts
    }
    while (out.size() > 1 && out.back() == out.front()) out.pop_back();
    if (out.size() < 3) return {};
    return out;
}

bool usable(const Ring& ring, double tolerance) {
    Ring finite;
    finite.reserve(ring.size());
    for (const glm::dvec2& p : ring)
        if (finitePoint(p)) finite.push_back(p);
    if (finite.size() < 3) return false;
    const double area = std::abs(signedArea(finite));
    return area >= tolerance * tolerance && area > 0.0;
}

} // namespace

LineString simplifyLine(const LineString& line, double tolerance) {
    if (line.size() < 3 || !(tolerance > 0.0)) return line;
    const double tol2 = tolerance * tolerance;
    std::vector<std::pair<size_t, size_t>> stack{{0, line.size() - 1}};
    LineString out;
    while (!stack.empty()) {
        const auto [i, j] = stack.back();
        stack.pop_back();
        size_t far = i;
        double farD2 = -1.0;
        for (size_t k = i + 1; k < j; ++k) {
            const double d2 = dist2PointSegment(line[k], line[i], line[j]);
            if (d2 > farD2) farD2 = d2, far = k;
        }
        // NaN distances never exceed the tolerance: such points are dropped.
        if (j - i <= 1 || !(farD2 > tol2)) {
            out.push_back(line[i]);
            continue;
        }
        stack.emplace_back(far, j);
        stack.emplace_back(i, far);
    }
    out.push_back(line.back());
    return out;
}

Ring simplifyRing(const Ring& ring, double tolerance) {
    if (!usable(ring, std::isfinite(tolerance) ? std::max(tolerance, 0.0) : 0.0)) return {};
    if (!(tolerance > 0.0) || !std::isfinite(tolerance)) return ring;
    RingSimplifier s({&ring}, tolerance);
    return s.simplify(0);
}

Polygon simplifyPolygon(const Polygon& polygon, double tolerance) {
    if (polygon.rings.empty()) return {};
    const double tol = std::isfinite(tolerance) ? std::max(tolerance, 0.0) : 0.0;
    if (!usable(polygon.rings[0], tol)) return {};
    std::vector<const Ring*> rings;
    for (size_t r = 0; r < polygon.rings.size(); ++r)
        if (r == 0 || usable(polygon.rings[r], tol)) rings.push_back(&polygon.rings[r]);
    Polygon out;
    if (!(tol > 0.0)) {
        for (const Ring* r : rings) out.rings.push_back(*r);
        return out;
    }
    RingSimplifier s(rings, tol);
    for (size_t r = 0; r < rings.size(); ++r) {
        Ring simplified = s.simplify(r);
        if (simplified.empty()) {
            if (r == 0) return {};
            continue;
        }
        out.rings.push_back(std::move(simplified));
    }
    return out;
}

} // namespace geo
