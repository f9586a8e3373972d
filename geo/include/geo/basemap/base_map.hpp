#pragma once
// The base map: every layer of the layer file plus any added with --layer,
// loaded, projected and meshed, with what went wrong along the way.

#include <geo/base/diagnostic.hpp>
#include <geo/basemap/layer_config.hpp>
#include <geo/basemap/layer_loader.hpp>
#include <geo/basemap/layer_mesh.hpp>
#include <geo/basemap/place_names.hpp>

#include <glm/vec2.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace geo {

class Projection;

struct MapLayer {
    LayerSpec spec;
    // Features and projected geometry (for hit-testing and labels). Shared between
    // layers that draw the same source differently (a fill below, an outline above).
    std::shared_ptr<const LayerData> data;
    LayerMesh mesh;  // what the renderer uploads
    // Whether a frame at this zoom can draw it (when switched on): it has levels and the zoom
    // is within its range.
    bool drawnAt(double zoom) const { return !mesh.levels.empty() && spec.style.shownAt(zoom); }
};

// The layer file's [places]: town and municipality names for city zoom, projected once per load.
struct BasePlaces {
    std::vector<PlaceName> names; // by rank, most important first
    std::vector<glm::dvec2> world; // projected metres, one per name (NaN where the projection failed)
    double minZoom = 9.0;
    std::string attribution;
    bool shownAt(double zoom) const { return !names.empty() && zoom >= minZoom; }
};

struct BaseMap {
    Color background;
    std::optional<Color> projectorBackground; // the projector theme's sea, when the layer file gives one
    std::optional<LonLatBox> home;            // the layer file's [view]
    double homeMargin = 0.05;
    std::optional<LonLatBox> region;
    std::vector<MapLayer> layers; // in drawing order
    BasePlaces places;
    Diagnostics diagnostics;
    Box bounds;                   // of everything loaded, projected metres
    Box frame;                    // union of the layers' frames: where there is data (see LayerData::frame)
    // Distinct attribution strings of the loaded layers, in layer order.
    std::vector<std::string> attributions() const;
};

struct BaseMapTimings {
    double configMs = 0, loadMs = 0, meshMs = 0;
};

// Loads in parallel (one task per source, then one per layer's mesh). Never throws:
// failures become diagnostics and the map holds every layer that could be read.
// With `firstMpp` > 0 only the level of detail drawn at that scale is built (the
// rest is for a MeshBuilder); with 0 every level is built.
BaseMap loadBaseMap(const std::filesystem::path& layerFile, const std::vector<std::filesystem::path>& extraLayers,
                    const Projection& projection, double firstMpp = 0, BaseMapTimings* timings = nullptr);

} // namespace geo
