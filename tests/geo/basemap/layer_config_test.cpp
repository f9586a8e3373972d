#include <geo/basemap/layer_config.hpp>

#include <catch2/catch.hpp>

#include "committed_files.hpp"

namespace {
std::vector<std::string> messages(const geo::LayerConfigResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.push_back(d.format());
    return out;
}
} // namespace

TEST_CASE("a layer file lists styled layers in drawing order", "[layer-config]") {
    const auto r = geo::parseLayerConfig(R"(
[background]
color = "#9EC3DE"

[[layer]]
id = "lines"
source = "basemap/lines.shp"
stroke = "#80808080"
stroke_width = 0.8
order = 20

[[layer]]
id = "land"
source = "/data/land.gpkg"
layer = "land"
fill = "#F2EFE6"
stroke = "#4E6E8E"
min_zoom = 3
max_zoom = 18
order = 10
attribution = "© OpenStreetMap contributors"
)", "layers.toml", "/assets");
    CHECK(r.diagnostics.empty());
    CHECK(r.config.background == geo::Color{0x9E, 0xC3, 0xDE, 255});
    REQUIRE(r.config.layers.size() == 2);
    const auto& land = r.config.layers[0];
    CHECK(land.id == "land");
    CHECK(land.source == "/data/land.gpkg");
    CHECK(land.ogrLayer == "land");
    CHECK(land.style.fill == geo::Color{0xF2, 0xEF, 0xE6, 255});
    CHECK(land.style.minZoom == 3);
    CHECK(land.style.maxZoom == 18);
    CHECK(land.attribution == "© OpenStreetMap contributors");
    const auto& lines = r.config.layers[1];
    CHECK(lines.source == std::filesystem::path("/assets/basemap/lines.shp"));
    CHECK(lines.style.stroke == geo::Color{0x80, 0x80, 0x80, 0x80});
    CHECK_FALSE(lines.style.fill.has_value());
    CHECK(lines.style.strokeWidth == Approx(0.8f));
}

TEST_CASE("the projector theme's colours come from the layer file", "[layer-config]") {
    const auto r = geo::parseLayerConfig(R"(
[background]
color = "#9EC3DE"
projector_color = "#5B93C7"

[[layer]]
id = "land"
source = "land.shp"
fill = "#F2EFE6"
projector_fill = "#FFFFFF"
projector_stroke = "#000000"

[[layer]]
id = "coast"
source = "land.shp"
stroke = "#4E6E8E"
stroke_width = 1.2
projector_stroke = "#123456"
projector_stroke_width = 2.5

[[layer]]
id = "bad"
source = "x.shp"
stroke = "#4E6E8E"
projector_stroke = "navy"
)",
                                         "t.toml", "/base");
    REQUIRE(r.config.layers.size() == 2);
    REQUIRE(r.config.projectorBackground.has_value());
    CHECK(*r.config.projectorBackground == geo::Color{0x5B, 0x93, 0xC7, 255});
    const geo::LayerStyle land = geo::projectorStyle(r.config.layers[0].style);
    CHECK(*land.fill == geo::Color{255, 255, 255, 255});
    CHECK_FALSE(land.stroke.has_value()); // no stroke in the layer: the theme does not add one
    const geo::LayerStyle coast = geo::projectorStyle(r.config.layers[1].style);
    CHECK(*coast.stroke == geo::Color{0x12, 0x34, 0x56, 255});
    CHECK(coast.strokeWidth == 2.5f);
    CHECK(r.config.layers[1].style.strokeWidth == 1.2f); // the everyday style is unchanged
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 25); // projector_stroke = "navy"
    CHECK(r.diagnostics[0].message.find("projector_stroke") != std::string::npos);
}

TEST_CASE("a syntax error names the line and column and no layer is read", "[layer-config][bad-input]") {
    const auto r = geo::parseLayerConfig("[[layer]]\nid = \"land\nsource = \"x.shp\"\n", "layers.toml", "/");
    CHECK(r.config.layers.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[0].format().rfind("layers.toml:2:", 0) == 0);
    CHECK(r.diagnostics[0].hint == "fix the syntax; no layers were read from this file");
}

TEST_CASE("bad values are reported and only the bad layer is left out", "[layer-config][bad-input]") {
    const auto r = geo::parseLayerConfig(R"([[layer]]
id = "a"
source = "a.shp"
fill = "green"

[[layer]]
id = "b"
source = "b.shp"
strokes = "#FFFFFF"
stroke_width = -2

[[layer]]
id = "a"
source = "c.shp"

[[layer]]
source = "d.shp"
min_zoom = 9
max_zoom = 4

[[layer]]
id = "ok"
source = "ok.shp"
)", "layers.toml", "/");
    CHECK(messages(r) ==
          std::vector<std::string>{
              R"(layers.toml:4:8: error: 'fill' must be a colour like "#4E6E8E" or "#4E6E8E80" (six or eight hexadecimal digits after '#'))",
              "layers.toml:9:1: warning: unknown key 'strokes' in [[layer]]; it is ignored (did you mean 'stroke'?)",
              "layers.toml:10:16: error: 'stroke_width' must be a number from 0 to 64",
              "layers.toml:13:6: error: layer id 'a' is used twice (give each layer its own id)",
              "layers.toml:16:1: error: layer has no 'id' (add id = \"...\")",
              "layers.toml:16:1: error: min_zoom is larger than max_zoom, so the layer would never show (swap them)"});
    REQUIRE(r.config.layers.size() == 1);
    CHECK(r.config.layers[0].id == "ok");
}

TEST_CASE("a missing layer file is an error that names it", "[layer-config][bad-input]") {
    const auto r = geo::loadLayerConfig("/nonexistent/layers.toml");
    CHECK(messages(r) == std::vector<std::string>{"/nonexistent/layers.toml: error: cannot open the layer file (check that it "
                                                  "exists and is readable; the map opens without base layers)"});
}

TEST_CASE("colours parse with and without alpha", "[layer-config]") {
    CHECK(geo::Color::parse("#000000") == geo::Color{0, 0, 0, 255});
    CHECK(geo::Color::parse("#ff8000c0") == geo::Color{255, 128, 0, 192});
    CHECK_FALSE(geo::Color::parse("ff8000").has_value());
    CHECK_FALSE(geo::Color::parse("#ff80").has_value());
    CHECK_FALSE(geo::Color::parse("#gg0000").has_value());
}

TEST_CASE("a layer file far larger than a layer file is refused with a message", "[layer-config][bad-input]") {
    const auto dir = test::freshDir("huge_layers");
    const auto file = dir / "layers.toml";
    test::writeFile(file, std::string(geo::kMaxLayerFileBytes + 1, '#'));
    const auto r = geo::loadLayerConfig(file);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "the file is 1025 KB; a layer file may be at most 1024 KB");
    CHECK(r.config.layers.empty());
}

TEST_CASE("a folder given as the layer file is named as one, not read as an empty file", "[layer-config][bad-input]") {
    const auto dir = test::freshDir("layers_folder");
    const auto r = geo::loadLayerConfig(dir);
    CHECK(messages(r) == std::vector<std::string>{dir.string() + ": error: this is a folder, not a layer file (give the layer "
                                                                 "file itself (e.g. assets/layers.toml); the map opens without "
                                                                 "base layers)"});
    CHECK(r.config.layers.empty());
}

TEST_CASE("[view] gives what Home frames and the region whose places the camera frames", "[layer_config]") {
    const auto r = geo::parseLayerConfig("[view]\nhome = [118.2, 21.8, 132.2, 34.2]\nregion = [110, 15, 150, 45]\n", "view.toml", ".");
    CHECK(r.diagnostics.size() == 1); // (no layer: a warning)
    REQUIRE(r.config.home);
    CHECK(r.config.home->min == glm::dvec2(118.2, 21.8));
    CHECK(r.config.home->max == glm::dvec2(132.2, 34.2));
    REQUIRE(r.config.region);
    CHECK(r.config.region->contains({130.7, 32.8}));
    CHECK_FALSE(r.config.region->contains({-112.07, 33.45})); // Phoenix
    const auto none = geo::parseLayerConfig("[background]\ncolor = \"#8FBCDD\"\n", "none.toml", ".");
    CHECK_FALSE(none.config.home);
    CHECK_FALSE(none.config.region);
}

TEST_CASE("[view] home_margin: the share of the window Home keeps clear, 5 % unless the file says", "[layer_config]") {
    const auto given = geo::parseLayerConfig("[view]\nhome_margin = 0.1\n[[layer]]\nid = \"land\"\nsource = \"land.shp\"\n", "view.toml", ".");
    CHECK(given.diagnostics.empty());
    CHECK(given.config.homeMargin == 0.1);
    const auto none = geo::parseLayerConfig("[view]\nhome = [118.2, 21.8, 132.2, 34.2]\n[[layer]]\nid = \"land\"\nsource = \"land.shp\"\n",
                                            "view.toml", ".");
    CHECK(none.diagnostics.empty());
    CHECK(none.config.homeMargin == 0.05);
    const auto bad = geo::parseLayerConfig("[view]\nhome_margin = 0.5\n[[layer]]\nid = \"land\"\nsource = \"land.shp\"\n", "view.toml", ".");
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].format() == "view.toml:2:15: error: 'home_margin' must be a number from 0 to 0.3");
    CHECK(bad.config.homeMargin == 0.05);
}

TEST_CASE("a [view] box that is not west, south, east, north is refused with the line and an example", "[layer_config][bad-input]") {
    const auto r = geo::parseLayerConfig("[view]\nhome = [132.2, 21.8, 118.2, 34.2]\nregion = \"East Asia\"\nzoom = 7\n", "view.toml", ".");
    CHECK_FALSE(r.config.home);
    CHECK_FALSE(r.config.region);
    std::vector<std::string> lines;
    for (const auto& d : r.diagnostics) lines.push_back(d.format());
    CHECK(lines == std::vector<std::string>{
                       "view.toml:4:1: warning: unknown key 'zoom' in [view]; it is ignored",
                       "view.toml:2:8: error: 'home' must be [west, south, east, north] in degrees, west < east and south < north (e.g. home = "
                       "[118.2, 21.8, 132.2, 34.2])",
                       "view.toml:3:10: error: 'region' must be [west, south, east, north] in degrees, west < east and south < north (e.g. "
                       "region = [118.2, 21.8, 132.2, 34.2])",
                       "view.toml: warning: the layer file declares no [[layer]] (add a [[layer]] table with an id and a source)"});
}

TEST_CASE("[added] gives the colours, fill and width of files added with --layer, in turn", "[layer-config]") {
    const auto r = geo::parseLayerConfig("[added]\ncolors = [\"#112233\", \"#445566\"]\nfill_opacity = 0.5\nstroke_width = 3\n"
                                         "[[layer]]\nid = \"land\"\nsource = \"land.shp\"\n",
                                         "layers.toml", "/");
    CHECK(r.diagnostics.empty());
    const geo::AddedLayerStyle& added = r.config.added;
    REQUIRE(added.colors.size() == 2);
    const geo::LayerSpec first = geo::userLayerSpec("/data/wells.geojson", 0, added);
    const geo::LayerSpec third = geo::userLayerSpec("/data/roads.shp", 2, added);
    CHECK(first.userAdded);
    CHECK(first.id == "wells");
    CHECK(*first.style.stroke == geo::Color{0x11, 0x22, 0x33, 255});
    CHECK(first.style.pointColor == geo::Color{0x11, 0x22, 0x33, 255});
    CHECK(*first.style.fill == geo::Color{0x11, 0x22, 0x33, 127}); // fill_opacity 0.5
    CHECK(first.style.strokeWidth == 3.0f);
    CHECK(*third.style.stroke == *first.style.stroke); // the colours repeat after the last
    CHECK(*geo::userLayerSpec("/data/b.shp", 1, added).style.stroke == geo::Color{0x44, 0x55, 0x66, 255});
}

TEST_CASE("bad [added] values are named and the shipped ones stay", "[layer-config][bad-input]") {
    const auto r = geo::parseLayerConfig("[added]\ncolors = [\"#112233\", \"red\"]\nfill_opacity = 2\nstroke_widht = 1\n", "layers.toml", "/");
    CHECK(messages(r) == std::vector<std::string>{
                             "layers.toml:4:1: warning: unknown key 'stroke_widht' in [added]; it is ignored (did you mean 'stroke_width'?)",
                             R"(layers.toml:2:10: error: 'colors' in [added] must be a list of colours like "#D62728" (the shipped colours are used for added layers))",
                             "layers.toml:3:16: error: 'fill_opacity' must be a number from 0 to 1",
                             "layers.toml: warning: the layer file declares no [[layer]] (add a [[layer]] table with an id and a source)"});
    const geo::AddedLayerStyle shipped;
    CHECK(r.config.added.colors == shipped.colors);
    CHECK(r.config.added.fillOpacity == shipped.fillOpacity);
}

TEST_CASE("the shipped layer file reads without a message, and a viewer without one draws added files alike", "[layer-config][assets]") {
    const auto r = geo::loadLayerConfig(std::filesystem::path(KTMAP_ASSETS_DIR) / "layers.toml");
    CHECK(messages(r).empty());
    CHECK(r.config.layers.size() >= 4);
    const geo::AddedLayerStyle builtIn;
    CHECK(r.config.added.colors == builtIn.colors);
    CHECK(r.config.added.fillOpacity == builtIn.fillOpacity);
    CHECK(r.config.added.strokeWidth == builtIn.strokeWidth);
}

TEST_CASE("the layer file example in assets/FORMAT.md reads without a message", "[layer-config][assets]") {
    const std::vector<test::FencedBlock> examples = test::fencedBlocks(test::committedAsset("FORMAT.md"), "toml layers");
    REQUIRE(examples.size() == 1);
    const auto r = geo::parseLayerConfig(examples[0].text, "FORMAT.md layers example", KTMAP_ASSETS_DIR);
    CHECK(messages(r).empty());
    REQUIRE(r.config.layers.size() == 2);
    CHECK(r.config.layers[1].style.minZoom == 9.5);
    CHECK(r.config.home);
    CHECK(r.config.added.colors.size() == 3);
}
