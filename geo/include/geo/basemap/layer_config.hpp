#pragma once
// The layer file: which vector sources make up the base map, and how each is styled.
// A TOML file (assets/layers.toml); see assets/FORMAT.md, "The layer file".

#include <geo/base/color.hpp>
#include <geo/base/diagnostic.hpp>
#include <geo/base/lon_lat_box.hpp>
#include <geo/base/text_match.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace geo {

struct LayerStyle {
    std::optional<Color> fill;   // polygons are filled when set
    std::optional<Color> stroke; // lines and polygon outlines are stroked when set
    float strokeWidth = 1.0f;    // screen pixels, the same at every zoom
    Color pointColor{200, 40, 40, 255};
    float pointSize = 6.0f;      // screen pixels
    double minZoom = 0.0;        // web-map zoom levels (geo/base/web_zoom.hpp)
    double maxZoom = 30.0;
    bool shownAt(double zoom) const { return zoom >= minZoom && zoom <= maxZoom; }
    // The projector theme (presentation mode): colours and width that survive a washed-out
    // projector, where the layer file gives them (projector_fill, projector_stroke, projector_stroke_width).
    std::optional<Color> projectorFill;
    std::optional<Color> projectorStroke;
    std::optional<float> projectorStrokeWidth;
};

// The style with the projector theme's values where the layer file gives them. A layer
// without a fill or stroke does not gain one (its mesh has none).
LayerStyle projectorStyle(const LayerStyle& style);

struct LayerSpec {
    std::string id;
    std::filesystem::path source; // absolute, or relative to the current directory
    std::string ogrLayer;         // empty: the source's first layer
    LayerStyle style;
    int order = 0;
    std::string attribution;
    bool userAdded = false;       // from --layer rather than the layer file
    std::string origin;           // "file:line" where it was declared, for messages
};

// [added]: how files added with --layer are drawn. Each takes the next colour in turn: its
// lines and points in it, its polygons filled with it at `fillOpacity`. (These defaults are
// the shipped layer file's, for a viewer started without one.)
struct AddedLayerStyle {
    std::vector<Color> colors{{214, 39, 40, 255}, {148, 103, 189, 255}, {44, 160, 44, 255},
                              {255, 127, 14, 255}, {23, 190, 207, 255}, {227, 119, 194, 255}};
    float fillOpacity = 0.22f;
    float strokeWidth = 1.5f;
};

// [places]: the point file of town and municipality names shown at city zoom
// (geo/basemap/place_names.hpp reads it), and from which zoom on.
struct PlacesConfig {
    std::filesystem::path source; // absolute, or relative to the current directory
    double minZoom = 9.0;         // web-map zoom levels (geo/base/web_zoom.hpp)
    std::string attribution;
    std::string origin;           // "file:line" where it was declared, for messages
};

struct LayerConfig {
    Color background{158, 195, 222, 255};
    std::optional<Color> projectorBackground; // [background] projector_color
    // [view]: what the Home key frames, and the region whose places the camera frames (a trip
    // or partnership reaching beyond it, to Arizona, points there with an edge callout).
    // Without them Home frames all the data and every place counts.
    std::optional<LonLatBox> home;
    // Home keeps the home area and its markers this share of the window's width (left and
    // right) and height (top and bottom) inside the map the panels leave free.
    double homeMargin = 0.05;
    std::optional<LonLatBox> region;
    std::vector<LayerSpec> layers; // sorted by order (stable)
    AddedLayerStyle added;
    std::optional<PlacesConfig> places; // without [places] (or with a bad one) the map has no place names
};

struct LayerConfigResult {
    LayerConfig config;   // whatever was good
    Diagnostics diagnostics;
};

// The largest layer file read; a larger one is an error (it lists a few dozen layers).
inline constexpr std::uintmax_t kMaxLayerFileBytes = 1024u * 1024u;

// Parses a layer file. Relative sources are resolved against the file's folder.
LayerConfigResult loadLayerConfig(const std::filesystem::path& file);
LayerConfigResult parseLayerConfig(const std::string& text, const std::string& fileLabel,
                                   const std::filesystem::path& baseDir);

// The spec of a file added with --layer: the `index`th added layer takes the `index`th
// colour of `style` (repeating after the last), so that several added layers stay distinct.
LayerSpec userLayerSpec(const std::filesystem::path& source, int index, const AddedLayerStyle& style);

} // namespace geo
