#include <geo/basemap/layer_loader.hpp>
#include <geo/basemap/layer_mesh.hpp>
#include <geo/basemap/simplify.hpp>
#include <geo/basemap/triangulate.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace geo {

namespace {

// Tolerances of the levels, metres. Each is used down to the scale where it
// is about a pixel: level k is drawn while mpp >= tolerance[k]. Dense (~1.4x) where
// whole coasts are on screen, since the vertices drawn follow the tolerance drawn
// (2026-12-01, the benchmark's flight: 9% fewer triangles a frame on average and 21%
// fewer at the worst than with 2400/1400/800/450/250/80/25/8/0, for the same memory:
// the levels finer than ~100 m are nearly the source's full size, so fewer of them).
constexpr double kTolerances[] = {2400.0, 1700.0, 1200.0, 850.0, 600.0, 420.0, 300.0, 200.0, 100.0, 35.0, 0.0};
constexpr std::size_t kLevelCount = sizeof kTolerances / sizeof kTolerances[0];
constexpr double kCellPixels = 128.0;
constexpr std::size_t kStrokeRun = 64; // segments per culling run
// Generalisation: at a level, a ring (islet, lake, village) or line smaller than this
// many pixels across is left out, as an atlas leaves out what is too small to print;
// drawn, it would be a blot that costs as much as a stretch of real coast.
constexpr double kMinFeaturePixels = 2.5;

template <typename Points>
bool tooSmall(const Points& points, double tolerance) {
    const double minSide = kMinFeaturePixels * tolerance; // tolerance ~ one pixel at its level
    const Box b = bounds(points);
    return b.size().x < minSide && b.size().y < minSide;
}

struct CellKey {
    long x, y;
    bool operator<(const CellKey& o) const { return x < o.x || (x == o.x && y < o.y); }
};

CellKey cellOf(glm::dvec2 p, double cell) {
    return {static_cast<long>(std::floor(p.x / cell)), static_cast<long>(std::floor(p.y / cell))};
}

// Clips a ring against the half-plane  axis-coordinate <= value (keepBelow) or >= value.
Ring clipHalf(const Ring& ring, int axis, double value, bool keepBelow) {
    Ring out;
    if (ring.empty()) return out;
    auto inside = [&](const glm::dvec2& p) { return keepBelow ? p[axis] <= value : p[axis] >= value; };
    out.reserve(ring.size() + 4);
    glm::dvec2 prev = ring.back();
    bool prevIn = inside(prev);
    for (const glm::dvec2& cur : ring) {
        const bool curIn = inside(cur);
        if (curIn != prevIn) {
            const double t = (value - prev[axis]) / (cur[axis] - prev[axis]);
            glm::dvec2 hit = prev + (cur - prev) * t;
            hit[axis] = value;
            out.push_back(hit);
        }
        if (curIn) out.push_back(cur);
        prev = cur;
        prevIn = curIn;
    }
    if (out.size() < 3) out.clear();
    return out;
}

Polygon clipPolygonHalf(const Polygon& polygon, int axis, double value, bool keepBelow) {
    Polygon out;
    for (std::size_t i = 0; i < polygon.rings.size(); ++i) {
        Ring r = clipHalf(polygon.rings[i], axis, value, keepBelow);
        if (r.empty()) {
            if (i == 0) return {}; // outer ring gone: nothing left
            continue;
        }
        out.rings.push_back(std::move(r));
    }
    return out;
}

// Splits a polygon along grid lines until each piece lies in one cell or is
// small enough (few vertices) that drawing all of it costs nothing. A big
// simple interior (the middle of China) stays one piece instead of thousands.
constexpr std::size_t kPieceVertices = 24;

std::size_t vertexCount(const Polygon& p) {
    std::size_t n = 0;
    for (const auto& r : p.rings) n += r.size();
    return n;
}

void splitToCells(Polygon&& polygon, double cell, std::map<CellKey, std::vector<Polygon>>& cells, int depth = 0) {
    if (polygon.rings.empty()) return;
    const Box b = bounds(polygon.rings.front());
    const CellKey lo = cellOf(b.min, cell), hi = cellOf(b.max, cell);
    if ((lo.x == hi.x && lo.y == hi.y) || vertexCount(polygon) <= kPieceVertices || depth > 40) {
        cells[cellOf(b.center(), cell)].push_back(std::move(polygon));
        return;
    }
    // Cut at the grid line nearest the middle of the longer side.
    const int axis = (hi.x - lo.x) >= (hi.y - lo.y) ? 0 : 1;
    const long mid = axis == 0 ? (lo.x + hi.x + 1) / 2 : (lo.y + hi.y + 1) / 2;
    const double value = static_cast<double>(mid) * cell;
    splitToCells(clipPolygonHalf(polygon, axis, value, true), cell, cells, depth + 1);
    splitToCells(clipPolygonHalf(polygon, axis, value, false), cell, cells, depth + 1);
}

} // namespace

Polygon clipPolygon(const Polygon& polygon, const Box& box) {
    Polygon p = clipPolygonHalf(polygon, 0, box.min.x, false);
    p = clipPolygonHalf(p, 0, box.max.x, true);
    p = clipPolygonHalf(p, 1, box.min.y, false);
    return clipPolygonHalf(p, 1, box.max.y, true);
}

std::size_t LayerMesh::levelFor(double metersPerPixel) const {
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (metersPerPixel >= levels[i].minMpp) return i;
    return levels.empty() ? 0 : levels.size() - 1;
}

std::size_t LayerMesh::nearestBuilt(std::size_t wanted) const {
    for (std::size_t d = 0; d < levels.size(); ++d) {
        if (wanted >= d && wanted - d < levels.size() && levels[wanted - d].built) return wanted - d;
        if (wanted + d < levels.size() && levels[wanted + d].built) return wanted + d;
    }
    return levels.size();
}

void extrudeLine(const LineString& line, bool closed, glm::dvec2 origin, std::vector<StrokeVertex>& vertices,
                 std::vector<std::uint32_t>& indices) {
    // Drop repeated points: they have no direction.
    LineString pts;
    pts.reserve(line.size() + 1);
    for (const auto& p : line)
        if (pts.empty() || p != pts.back()) pts.push_back(p);
    if (closed && pts.size() > 2 && pts.front() == pts.back()) pts.pop_back();
    if (pts.size() < 2) return;
    const std::size_t n = pts.size();
    const std::size_t base = vertices.size();
    const std::size_t count = closed ? n + 1 : n; // a closed ring repeats its first point to close the strip
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = k % n;
        glm::dvec2 dPrev, dNext;
        const bool hasPrev = closed || i > 0;
        const bool hasNext = closed || i + 1 < n;
        if (hasPrev) dPrev = glm::normalize(pts[i] - pts[(i + n - 1) % n]);
        if (hasNext) dNext = glm::normalize(pts[(i + 1) % n] - pts[i]);
        if (!hasPrev) dPrev = dNext;
        if (!hasNext) dNext = dPrev;
        const glm::dvec2 nPrev{-dPrev.y, dPrev.x}, nNext{-dNext.y, dNext.x};
        glm::dvec2 miter = nPrev + nNext;
        const double len = glm::length(miter);
        double scale = 1.0;
        if (len < 1e-6) {
            miter = nNext; // a full reversal: square it off
        } else {
            miter /= len;
            // Miter length 1/cos(half angle), capped so that spikes stay short.
            scale = std::min(1.0 / std::max(glm::dot(miter, nNext), 1e-6), 2.5);
        }
        const glm::dvec2 m = miter * scale;
        const auto px = static_cast<float>(pts[i].x - origin.x), py = static_cast<float>(pts[i].y - origin.y);
        vertices.push_back({px, py, static_cast<float>(m.x), static_cast<float>(m.y)}); // + side: even index
        vertices.push_back({px, py, static_cast<float>(m.x), static_cast<float>(m.y)}); // - side
    }
    for (std::size_t k = 0; k + 1 < count; ++k) {
        const auto a = static_cast<std::uint32_t>(base + 2 * k);
        indices.insert(indices.end(), {a, a + 1, a + 2, a + 1, a + 3, a + 2});
    }
}

LayerMesh prepareLayerMesh(const LayerData& layer, const MeshOptions& options) {
    LayerMesh mesh;
    mesh.bounds = layer.bounds;
    mesh.options = options;
    if (layer.bounds.empty()) return mesh;
    // Round the origin so that it is stable and exact in float.
    mesh.origin = glm::round(layer.bounds.center() / 1000.0) * 1000.0;

    // Points: a quad each, grouped into runs of 256 for culling.
    for (std::size_t start = 0; start < layer.points.size(); start += 256) {
        DrawRange range;
        range.first = static_cast<std::uint32_t>(mesh.pointIndices.size());
        for (std::size_t i = start; i < std::min(layer.points.size(), start + 256); ++i) {
            const glm::dvec2 p = layer.points[i];
            const auto base = static_cast<std::uint32_t>(mesh.pointVertices.size());
            const auto x = static_cast<float>(p.x - mesh.origin.x), y = static_cast<float>(p.y - mesh.origin.y);
            for (auto [cx, cy] : {std::pair{-1.f, -1.f}, {1.f, -1.f}, {1.f, 1.f}, {-1.f, 1.f}}) mesh.pointVertices.push_back({x, y, cx, cy});
            mesh.pointIndices.insert(mesh.pointIndices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
            range.box.extend(p);
        }
        range.count = static_cast<std::uint32_t>(mesh.pointIndices.size()) - range.first;
        mesh.points.push_back(range);
    }
    for (std::size_t li = 0; li < kLevelCount; ++li) {
        MeshLevel level;
        level.tolerance = kTolerances[li];
        // Used while the simplification error stays under about a pixel: anti-aliased
        // lines hide a one-pixel deviation, and each finer level costs ~3x the triangles.
        level.minMpp = (li + 1 == kLevelCount) ? 0.0 : kTolerances[li];
        mesh.levels.push_back(std::move(level));
    }
    return mesh;
}

bool usesPolygons(const MeshOptions& options) { return options.fill || (options.stroke && options.polygonOutlines); }

Polygon simplifiedPolygon(const Polygon& polygon, std::size_t li) {
    const double tol = kTolerances[std::min(li, kLevelCount - 1)];
    if (tol <= 0) return polygon;
    if (polygon.rings.empty() || tooSmall(polygon.rings.front(), tol)) return {};
    return simplifyPolygon(polygon, tol);
}

std::vector<Polygon> simplifiedPolygons(const LayerData& layer, std::size_t li) {
    std::vector<Polygon> out;
    out.reserve(layer.polygons.size());
    for (const Polygon& poly : layer.polygons) {
        Polygon simplified = simplifiedPolygon(poly, li);
        if (!simplified.rings.empty()) out.push_back(std::move(simplified));
    }
    return out;
}

MeshLevel buildMeshLevel(const LayerData& layer, const LayerMesh& mesh, std::size_t li, const std::vector<Polygon>* simplified) {
    MeshLevel level;
    level.tolerance = mesh.levels.at(li).tolerance;
    level.minMpp = mesh.levels[li].minMpp;
    level.built = true;
    const MeshOptions& options = mesh.options;
    const double tol = level.tolerance;
    // Cells about kCellPixels wide at the finest scale this level is drawn at.
    const double usedDownTo = li + 1 == kLevelCount ? kTolerances[li - 1] / 4.0 : level.minMpp;
    const double cell = std::max(usedDownTo * kCellPixels, 2000.0);

    std::vector<Polygon> own;
    const std::vector<Polygon>* polygons = simplified;
    if (!polygons && usesPolygons(options) && !layer.polygons.empty()) {
        if (tol > 0) own = simplifiedPolygons(layer, li);
        polygons = tol > 0 ? &own : &layer.polygons; // full detail: the source itself
    }

    if (options.fill && polygons && !polygons->empty()) {
        std::map<CellKey, std::vector<Polygon>> cells;
        // Cut into cells; a copy when the outlines below still need the pieces whole.
        const bool ownedHere = polygons == &own && !(options.stroke && options.polygonOutlines);
        for (std::size_t p = 0; p < polygons->size(); ++p)
            splitToCells(ownedHere ? std::move(own[p]) : Polygon((*polygons)[p]), cell, cells);
        for (auto& [key, pieces] : cells) {
            DrawRange range;
            range.first = static_cast<std::uint32_t>(level.fillIndices.size());
            for (const Polygon& piece : pieces) {
                const std::vector<std::uint32_t> tri = triangulate(piece);
                if (tri.empty()) continue;
                const auto base = static_cast<std::uint32_t>(level.fillVertices.size());
                for (const Ring& r : piece.rings)
                    for (const auto& p : r) {
                        level.fillVertices.push_back({static_cast<float>(p.x - mesh.origin.x), static_cast<float>(p.y - mesh.origin.y)});
                        range.box.extend(p);
                    }
                for (std::uint32_t i : tri) level.fillIndices.push_back(base + i);
            }
            range.count = static_cast<std::uint32_t>(level.fillIndices.size()) - range.first;
            if (range.count) level.fill.push_back(range);
        }
    }

    if (options.stroke) {
        // Each stroke run (<= kStrokeRun segments) goes to the cell of its middle point.
        std::map<CellKey, std::vector<std::pair<LineString, bool>>> runs; // bool: closed
        auto addRuns = [&](const LineString& line, bool closed) {
            if (line.size() < 2) return;
            const Box b = bounds(line);
            const CellKey lo = cellOf(b.min, cell), hi = cellOf(b.max, cell);
            if (line.size() <= kStrokeRun && lo.x == hi.x && lo.y == hi.y) {
                runs[lo].push_back({line, closed});
                return;
            }
            LineString all = line;
            if (closed) all.push_back(line.front());
            for (std::size_t st = 0; st + 1 < all.size(); st += kStrokeRun) {
                const std::size_t e = std::min(all.size() - 1, st + kStrokeRun);
                LineString piece(all.begin() + static_cast<long>(st), all.begin() + static_cast<long>(e) + 1);
                runs[cellOf(piece[piece.size() / 2], cell)].push_back({std::move(piece), false});
            }
        };
        for (const LineString& line : layer.lines)
            if (tol <= 0 || !tooSmall(line, tol)) addRuns(tol > 0 ? simplifyLine(line, tol) : line, false);
        if (options.polygonOutlines && polygons)
            for (const Polygon& poly : *polygons)
                for (const Ring& ring : poly.rings)
                    if (tol <= 0 || !tooSmall(ring, tol)) addRuns(ring, true); // (a lake too small for a line)
        for (auto& [key, list] : runs) {
            DrawRange range;
            range.first = static_cast<std::uint32_t>(level.strokeIndices.size());
            for (auto& [line, closed] : list) {
                extrudeLine(line, closed, mesh.origin, level.strokeVertices, level.strokeIndices);
                range.box.extend(bounds(line));
            }
            range.count = static_cast<std::uint32_t>(level.strokeIndices.size()) - range.first;
            if (range.count) level.stroke.push_back(range);
        }
    }
    return level;
}

LayerMesh buildLayerMesh(const LayerData& layer, const MeshOptions& options) {
    LayerMesh mesh = prepareLayerMesh(layer, options);
    for (std::size_t li = 0; li < mesh.levels.size(); ++li) mesh.levels[li] = buildMeshLevel(layer, mesh, li);
    return mesh;
}

} // namespace geo
