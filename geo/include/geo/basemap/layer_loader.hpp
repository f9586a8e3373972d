#pragma once
// Reads one vector layer through GDAL/OGR into projected geometry.
// Never aborts: returns what was good and says, per file, what was not.

#include <geo/base/diagnostic.hpp>
#include <geo/base/geometry.hpp>
#include <geo/basemap/layer_config.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace geo {

class Projection;

struct Feature {
    std::vector<std::pair<std::string, std::string>> attributes; // name, UTF-8 value
    Box bounds; // projected metres
};

struct LayerData {
    LayerSpec spec;
    std::vector<Feature> features;
    std::vector<Polygon> polygons;       // projected metres
    std::vector<std::uint32_t> polygonFeature; // index into features, per polygon
    std::vector<LineString> lines;
    std::vector<std::uint32_t> lineFeature;
    std::vector<glm::dvec2> points;
    std::vector<std::uint32_t> pointFeature;
    std::string encoding; // the attribute encoding used ("UTF-8", "CP950", ...), empty when unknown
    Box bounds;
    // The largest projected box inside the source's own extent (its lon/lat rectangle
    // is curved in the map projection). Outside it there is no data: data clipped to a
    // rectangle ends there with a straight edge that is not a coast.
    Box frame;
    std::size_t vertexCount() const;
};

struct LayerLoadResult {
    LayerData layer;
    bool ok = false; // false: nothing usable was read (the diagnostics say why)
    Diagnostics diagnostics;
};

// Process-wide GDAL settings for our use: read-only, never write beside the
// user's files, fast polygon assembly. Idempotent; call once before loading.
void configureGdal();

// What one layer may hold; over a limit the layer is refused (left out whole, with a
// message naming the file and the layer) rather than cut off: a truncated layer would
// look complete. The defaults leave room for the heaviest layer in use (Taiwan's village
// boundaries: 7,701 polygons, 245,706 points, ~230 MB resident once meshed, ~0.95 KB a
// point): 2,000,000 points is 8 times it and ~1.9 GB, about what a presenter's 8 GB
// laptop can spare beside a browser and slides. Tests inject small limits.
struct LoadLimits {
    std::size_t maxVertices = 2'000'000;
    std::size_t maxFeatures = 1'000'000;
    int maxNesting = 16; // geometry collections inside collections; deeper parts are skipped
};

LayerLoadResult loadLayer(const LayerSpec& spec, const Projection& projection, const LoadLimits& limits = {});

// The names of the vector layers in a source (a KML's folders, a GeoPackage's tables);
// empty when it cannot be opened (loadLayer then says why).
std::vector<std::string> listLayers(const std::filesystem::path& source);

} // namespace geo
