#pragma once
// What each layer of the QGIS package looks like, as ktmap draws it (colours from the palette
// and the layer file, widths and dashes of the map), and that look written as QGIS's own XML:
// the renderer and labels of a QML style (also the body of a <maplayer> in the project) and an
// SLD for other GIS programs. All XML through pugixml.

#include <geo/base/color.hpp>
#include <geo/base/language.hpp>

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <vector>

namespace geo {
struct Briefing;
struct Palette;
struct LayerSpec;
} // namespace geo

namespace app::qgis {

enum class Geometry { Point, Line, Polygon };

// One QGIS symbol layer; sizes and widths in screen pixels.
struct SymbolPart {
    enum Kind { Circle, Line, Fill } kind = Line;
    geo::Color fill{0, 0, 0, 0};   // circle and polygon fill
    geo::Color stroke{0, 0, 0, 0}; // line colour, circle and polygon outline
    double size = 0;               // circle diameter
    double width = 0;              // line or outline width (0: no outline)
    std::vector<double> dash;      // on, off, ... (empty: solid)
    std::string enabledWhen;       // a QGIS expression: the part is drawn only where true (empty: always)
    std::string sizeExpression;    // a QGIS expression for the circle's diameter (empty: `size`)
};

struct Category {
    std::string value; // of the renderer's attribute
    std::string label; // in the legend
    std::vector<SymbolPart> symbol;
};

struct Labels {
    std::string expression; // a QGIS expression
    geo::Color colour, halo;
    double size = 10;        // points
    double haloSize = 1;     // millimetres
    bool centred = false;    // on the point (stop numbers) rather than around it
    std::string font = "Noto Sans CJK TC";
    std::string sizeExpression, priorityExpression; // QGIS expressions (empty: `size`, QGIS's default priority)
};

struct LayerLook {
    std::string table;      // the package's table
    std::string name;       // the layer's name in QGIS
    Geometry geometry = Geometry::Point;
    std::string attribute;  // categorised by it; empty: one symbol
    std::vector<Category> categories;
    std::vector<SymbolPart> symbol; // without categories
    std::optional<Labels> labels;
    double minScale = 0;    // hidden when zoomed out beyond 1:minScale (0: always shown)
    std::string attribution;
};

// The briefing's layers, drawn as the map draws them: partnerships, trips, stops, sites (bottom
// to top). Categories only for the kinds and trips present.
std::vector<LayerLook> briefingLooks(const geo::Briefing& briefing, const geo::Palette& palette, geo::Language language);
// A base-map layer of the layer file, in the everyday theme, reading `table`.
LayerLook baseLook(const geo::LayerSpec& spec, const std::string& table, Geometry geometry);

// Appends the renderer (<renderer-v2>), the labels and the scale limits to `layer`: the root of a
// QML document or a project's <maplayer>.
void writeLook(pugi::xml_node layer, const LayerLook& look);
// A whole QML style document, as QGIS saves one.
std::string qmlText(const LayerLook& look);
// The same look as an OGC SLD 1.1 document.
std::string sldText(const LayerLook& look);

std::string colourText(geo::Color c); // QGIS's "r,g,b,a"
std::string hexColour(geo::Color c);  // "#rrggbb" (SLD)

} // namespace app::qgis
