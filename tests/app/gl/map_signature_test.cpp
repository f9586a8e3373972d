#include "gl/map_renderer.hpp"

#include <geo/basemap/layer_loader.hpp>

#include <catch2/catch.hpp>

namespace {

// A map of one layer with two levels, the coarser built (no GL: only the signature is asked for).
geo::BaseMap oneLayer() {
    geo::BaseMap map;
    geo::MapLayer layer;
    layer.spec.style.fill = geo::Color{250, 246, 236, 255};
    layer.spec.style.stroke = geo::Color{46, 94, 136, 255};
    for (double tolerance : {2400.0, 0.0}) {
        geo::MeshLevel level;
        level.tolerance = tolerance;
        level.minMpp = tolerance;
        layer.mesh.levels.push_back(level);
    }
    layer.mesh.levels[0].built = true;
    map.layers.push_back(layer);
    return map;
}

geo::Camera camera() {
    geo::Camera c;
    c.setViewport({1280, 720});
    c.setMetersPerPixel(500.0);
    c.setCenter({100000.0, 200000.0});
    return c;
}

std::vector<unsigned char> signature(const app::MapRenderer& r, const geo::BaseMap& map, const geo::Camera& cam, float scale = 1.0f,
                                     const geo::MapView& view = {}) {
    std::vector<unsigned char> s;
    r.signature(map, cam, view, scale, s);
    return s;
}

} // namespace

// (The renderer's upload generation is in it too; testing that needs a GL context, and no
// test does yet.)
TEST_CASE("the map's signature changes with everything that changes its picture, and only then", "[map-cache]") {
    const app::MapRenderer renderer;
    const geo::BaseMap map = oneLayer();
    const geo::Camera cam = camera();
    const auto base = signature(renderer, map, cam);
    CHECK(signature(renderer, map, cam) == base); // the same frame again: a copy may be used

    geo::Camera moved = cam;
    moved.setCenter({100000.25, 200000.0}); // a quarter of a metre
    CHECK(signature(renderer, map, moved) != base);
    geo::Camera zoomed = cam;
    zoomed.setMetersPerPixel(499.0);
    CHECK(signature(renderer, map, zoomed) != base);
    geo::Camera resized = cam;
    resized.setViewport({1281, 720});
    CHECK(signature(renderer, map, resized) != base);
    CHECK(signature(renderer, map, cam, 1.5f) != base); // projector scale: wider lines

    geo::MapView hidden;
    hidden.setVisible(map.layers[0], false);
    CHECK(signature(renderer, map, cam, 1.0f, hidden) != base);
    geo::BaseMap recoloured = map;
    recoloured.layers[0].spec.style.fill->g = 247; // one step
    CHECK(signature(renderer, recoloured, cam) != base);
    geo::BaseMap wider = map;
    wider.layers[0].spec.style.strokeWidth = 1.01f;
    CHECK(signature(renderer, wider, cam) != base);
    geo::BaseMap noStroke = map;
    noStroke.layers[0].spec.style.stroke.reset();
    CHECK(signature(renderer, noStroke, cam) != base);
    geo::BaseMap sea = map;
    sea.background = geo::Color{92, 151, 201, 255}; // the clear under the map
    CHECK(signature(renderer, sea, cam) != base);
    // The projector theme: its sea, and its colours where the layer file gives them.
    geo::MapView projector;
    projector.theme = geo::Theme::Projector;
    CHECK(signature(renderer, map, cam, 1.0f, projector) == base); // neither a projector sea nor projector colours: the same picture
    geo::BaseMap themed = map;
    themed.projectorBackground = geo::Color{92, 151, 201, 255};
    CHECK(signature(renderer, themed, cam) == base); // everyday: the projector sea is not drawn
    CHECK(signature(renderer, themed, cam, 1.0f, projector) != base);
    themed = map;
    themed.layers[0].spec.style.projectorFill = geo::Color{255, 255, 255, 255};
    CHECK(signature(renderer, themed, cam, 1.0f, projector) != base);
    geo::BaseMap points = map;
    points.layers[0].spec.style.pointColor.r = 201;
    CHECK(signature(renderer, points, cam) != base);
    points = map;
    points.layers[0].spec.style.pointSize = 6.5f;
    CHECK(signature(renderer, points, cam) != base);
    geo::BaseMap outOfRange = map;
    outOfRange.layers[0].spec.style.minZoom = 20.0; // not shown at this zoom
    CHECK(signature(renderer, outOfRange, cam) != base);

    // The finer level arrives from the background builder: a view that wants it draws it
    // instead of the coarse one standing in...
    geo::BaseMap finer = map;
    finer.layers[0].mesh.levels[1].built = true;
    CHECK(signature(renderer, finer, cam) != base);
    // ...but a view that draws the coarse level anyway stays the same.
    geo::Camera far = cam;
    far.setMetersPerPixel(3000.0);
    CHECK(signature(renderer, finer, far) == signature(renderer, map, far));
}
