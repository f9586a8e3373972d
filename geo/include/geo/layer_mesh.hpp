#pragma once
// Turns a layer's projected geometry into what the GPU draws, once, at load:
// simplified levels of detail, each cut into grid cells so that a frame draws
// only the cells in view, polygon fills triangulated, lines and outlines
// extruded into quads whose width the vertex shader sets in pixels.
//
//   level 0 (coarsest, tolerance 2400 m) ... level N (full detail)
//   each level: cells of ~512 px at the scale it is used at
//   each cell:  one index range of fill triangles, one of stroke quads

#include <geo/geometry.hpp>
#include <geo/layer_config.hpp>

#include <cstdint>
#include <vector>

namespace geo {

struct LayerData;

// Positions are metres relative to the mesh origin, as float: the region spans
// ~4000 km, so float keeps ~0.25 m precision, below a pixel at any usable zoom.
struct FillVertex {
    float x, y;
};

// One side of a stroke: the centre-line point, the unit miter direction (scaled
// by the miter length) and which side (+1 / -1). The shader moves it by
// normal * halfWidthPixels on screen, so the width never depends on zoom.
struct StrokeVertex {
    float x, y;
    float nx, ny;
    float side;
};

struct DrawRange {
    Box box;                 // world bounds of what the range draws (projected metres)
    std::uint32_t first = 0; // first index
    std::uint32_t count = 0; // number of indices
};

struct MeshLevel {
    double tolerance = 0;   // simplification tolerance, metres (0: full detail)
    double minMpp = 0;      // used while metres-per-pixel >= minMpp (finest level: 0)
    std::vector<DrawRange> fill;
    std::vector<DrawRange> stroke;
};

struct LayerMesh {
    glm::dvec2 origin{0.0, 0.0};
    std::vector<FillVertex> fillVertices;
    std::vector<std::uint32_t> fillIndices;
    std::vector<StrokeVertex> strokeVertices;
    std::vector<std::uint32_t> strokeIndices;
    std::vector<MeshLevel> levels; // coarsest first
    Box bounds;

    // The level to draw at this scale: the coarsest whose error stays under ~half a pixel.
    std::size_t levelFor(double metersPerPixel) const;
};

struct MeshOptions {
    bool fill = true;
    bool stroke = true;
    bool polygonOutlines = true; // stroke polygon rings (coasts) as well as lines
};

LayerMesh buildLayerMesh(const LayerData& layer, const MeshOptions& options);

// Exposed for tests: extrudes a polyline (closed: the last point joins the first).
void extrudeLine(const LineString& line, bool closed, glm::dvec2 origin, std::vector<StrokeVertex>& vertices,
                 std::vector<std::uint32_t>& indices);

// Exposed for tests: Sutherland–Hodgman clip of a polygon's rings to a box.
Polygon clipPolygon(const Polygon& polygon, const Box& box);

} // namespace geo
