#pragma once
// Turns a layer's projected geometry into what the GPU draws, level by level
// (the one the first frame needs at load, the others in the background):
// simplified levels of detail, each cut into grid cells so that a frame draws
// only the cells in view, polygon fills triangulated, lines and outlines
// extruded into quads whose width the vertex shader sets in pixels.
//
//   level 0 (coarsest, tolerance 2400 m) ... level 10 (full detail); steps of ~1.4x
//   (1700 ... 200 m) where the region and the islands fill the screen, which is where
//   the most coastline is on screen: the drawn tolerance stays between 0.7 and 1 pixel
//   there. Sparser steps below (100, 35 m): zoomed in, little is on screen, and the
//   sources hold little detail finer than ~50 m, so those levels are nearly full size
//   each level: cells of ~128 px at the finest scale it is used at (2 km at least)
//   each cell:  one index range of fill triangles, one of stroke quads

#include <geo/base/geometry.hpp>
#include <geo/basemap/layer_config.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace geo {

struct LayerData;

// Positions are metres relative to the mesh origin, as float: the region spans
// ~4000 km, so float keeps ~0.25 m precision, below a pixel at any usable zoom.
struct FillVertex {
    float x, y;
};

// One side of a stroke: the centre-line point and the unit miter direction (scaled
// by the miter length). Each point comes twice, the + side at an even index and the
// - side at the odd one after it, so the shader takes the side from the vertex's
// index (16 bytes a vertex instead of 20 with the side stored: the strokes are most of
// the map's memory). The shader moves it by side * normal * halfWidthPixels on screen,
// so the width never depends on zoom.
struct StrokeVertex {
    float x, y;
    float nx, ny;
};
// The side (+1 or -1) of the stroke vertex at `index`.
inline float strokeSide(std::size_t index) { return index % 2 == 0 ? 1.0f : -1.0f; }

// One corner of a point marker's quad; the shader moves it by corner * radius pixels.
struct PointVertex {
    float x, y;
    float cx, cy; // -1 or +1
};

struct DrawRange {
    Box box;                 // world bounds of what the range draws (projected metres)
    std::uint32_t first = 0; // first index
    std::uint32_t count = 0; // number of indices
};

struct MeshLevel {
    double tolerance = 0;   // simplification tolerance, metres (0: full detail)
    double minMpp = 0;      // used while metres-per-pixel >= minMpp (finest level: 0)
    bool built = false;     // levels are built on demand (see buildMeshLevel)
    std::vector<FillVertex> fillVertices;
    std::vector<std::uint32_t> fillIndices;
    std::vector<StrokeVertex> strokeVertices;
    std::vector<std::uint32_t> strokeIndices;
    std::vector<DrawRange> fill;
    std::vector<DrawRange> stroke;
};

struct MeshOptions {
    bool fill = true;
    bool stroke = true;
    bool polygonOutlines = true; // stroke polygon rings (coasts) as well as lines
};

struct LayerMesh {
    glm::dvec2 origin{0.0, 0.0};
    Box bounds;
    MeshOptions options;
    std::vector<PointVertex> pointVertices; // points are the same at every level
    std::vector<std::uint32_t> pointIndices;
    std::vector<DrawRange> points;
    std::vector<MeshLevel> levels; // coarsest first

    // The level to draw at this scale: the coarsest whose error stays under ~half a pixel.
    std::size_t levelFor(double metersPerPixel) const;
    // The built level nearest to `wanted` (coarser preferred on ties), or levels.size() if none is built.
    std::size_t nearestBuilt(std::size_t wanted) const;
};

// The mesh's frame (origin, levels with their tolerances, points) with no level built yet.
LayerMesh prepareLayerMesh(const LayerData& layer, const MeshOptions& options);

// Whether building a level of this mesh simplifies the layer's polygons (a fill, or outlines).
bool usesPolygons(const MeshOptions& options);
// The layer's polygons simplified for level `level`'s tolerance, those too small at its
// scale left out: what the level's fill and its polygon outlines are both made of (so a
// coast drawn over a land fill from the same data follows the fill's edge exactly).
// Simplifying is most of a level's cost: two meshes of the same data (a fill and its
// outline) share one result.
std::vector<Polygon> simplifiedPolygons(const LayerData& layer, std::size_t level);
// One polygon of simplifiedPolygons: empty when it is left out at that level (several
// threads can share one layer's polygons this way).
Polygon simplifiedPolygon(const Polygon& polygon, std::size_t level);
// Builds one level of a prepared mesh. Thread-safe for distinct levels (reads only `layer` and `mesh`'s frame).
// `simplified`: simplifiedPolygons(layer, level), made once for several meshes (empty
// polygons in it are skipped); null, it is made here.
MeshLevel buildMeshLevel(const LayerData& layer, const LayerMesh& mesh, std::size_t level,
                         const std::vector<Polygon>* simplified = nullptr);
// Everything at once (tests, tools).
LayerMesh buildLayerMesh(const LayerData& layer, const MeshOptions& options);

// Exposed for tests: extrudes a polyline (closed: the last point joins the first).
void extrudeLine(const LineString& line, bool closed, glm::dvec2 origin, std::vector<StrokeVertex>& vertices,
                 std::vector<std::uint32_t>& indices);

// Exposed for tests: Sutherland–Hodgman clip of a polygon's rings to a box.
Polygon clipPolygon(const Polygon& polygon, const Box& box);

} // namespace geo
