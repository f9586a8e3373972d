#pragma once
// How the base map is shown, apart from the loaded map: which layers are switched off in the
// layer list, and the theme (the everyday look, or the projector theme of presentation mode:
// the layer file's projector_* colours and widths). The renderer takes it with the map; the
// map itself never changes for it.

#include <geo/basemap/base_map.hpp>

#include <set>
#include <string>

namespace geo {

enum class Theme { Everyday, Projector };

struct MapView {
    Theme theme = Theme::Everyday;
    std::set<std::string> hiddenLayers; // layerKey()s

    // A layer's identity across reloads: its id, marked when it came from --layer.
    static std::string layerKey(const MapLayer& layer) { return (layer.spec.userAdded ? "+" : "") + layer.spec.id; }
    bool visible(const MapLayer& layer) const { return hiddenLayers.count(layerKey(layer)) == 0; }
    void setVisible(const MapLayer& layer, bool on) {
        if (on) hiddenLayers.erase(layerKey(layer));
        else hiddenLayers.insert(layerKey(layer));
    }
    // Switched on, and drawn at this zoom.
    bool drawn(const MapLayer& layer, double zoom) const { return visible(layer) && layer.drawnAt(zoom); }
    // The layer's style in this theme.
    LayerStyle style(const MapLayer& layer) const {
        return theme == Theme::Projector ? projectorStyle(layer.spec.style) : layer.spec.style;
    }
    Color background(const BaseMap& map) const {
        return theme == Theme::Projector && map.projectorBackground ? *map.projectorBackground : map.background;
    }
};

} // namespace geo
