// Tests for geo/layer_reloader.hpp: the layer file changed while the map is open, saved
// the ways editors save it, broken, deleted, renamed, replaced. The policy: a clean edit
// restyles (or reloads) the map; anything else keeps the map and says why, naming the file.
#include <geo/basemap/layer_reloader.hpp>
#include <geo/base/projection.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <ogr_core.h>
#include <sys/stat.h>

#include <string>
#include <vector>

namespace fs = std::filesystem;
using Kind = geo::LayerFileReloader::Result::Kind;

namespace {

std::vector<std::string> messages(const geo::Diagnostics& diagnostics) {
    std::vector<std::string> lines;
    for (const auto& d : diagnostics) lines.push_back(d.format());
    return lines;
}

// A folder with two small GeoJSON sources and a layer file drawing the first.
struct Fixture {
    fs::path dir;
    fs::path file;
    geo::Projection projection;
    geo::BaseMap map;

    explicit Fixture(const std::string& name) : dir(test::freshDir("layer_reload_" + name)), file(dir / "layers.toml") {
        test::writeVector(dir, "land.geojson", "GeoJSON", wkbPolygon, 4326,
                          {{"POLYGON ((120 23,121 23,121 24,120 24,120 23))", {}}});
        test::writeVector(dir, "roads.geojson", "GeoJSON", wkbLineString, 4326, {{"LINESTRING (120 23,121 24)", {}}});
        test::writeFile(file, landLayer("#F4F1E8", 0));
        map = geo::loadBaseMap(file, {}, projection);
    }

    // One polygon layer; `fill` and `minZoom` vary between edits (and change the size,
    // so the tests do not depend on the file system's timestamp resolution).
    static std::string landLayer(const std::string& fill, int minZoom) {
        return "[background]\ncolor = \"#A9CBE3\"\n\n"
               "[[layer]]\nid = \"land\"\nsource = \"land.geojson\"\nfill = \"" + fill + "\"\n"
               "min_zoom = " + std::to_string(minZoom) + "\n";
    }
    static std::string roadsLayer() {
        return "\n[[layer]]\nid = \"roads\"\nsource = \"roads.geojson\"\nstroke = \"#202020\"\nstroke_width = 2\n";
    }

    // Polls once and waits for the background check.
    std::optional<geo::LayerFileReloader::Result> check(geo::LayerFileReloader& reloader) {
        reloader.poll(map.layers, 0.0);
        reloader.wait();
        return reloader.take();
    }
};

} // namespace

TEST_CASE("layer file: a new colour and zoom range restyle the map in place", "[layer_reload]") {
    Fixture f("restyle");
    REQUIRE(f.map.layers.size() == 1);
    const auto data = f.map.layers[0].data;
    geo::LayerFileReloader reloader(f.file, {});
    CHECK_FALSE(f.check(reloader)); // nothing changed: no check, no result

    test::writeFile(f.file, Fixture::landLayer("#102030", 12));
    auto result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Restyle);
    CHECK(result->diagnostics.empty());
    CHECK_FALSE(result->map);
    geo::restyleBaseMap(f.map, result->config);
    REQUIRE(f.map.layers.size() == 1);
    CHECK(f.map.layers[0].spec.style.fill == geo::Color{0x10, 0x20, 0x30, 255});
    CHECK(f.map.layers[0].spec.style.minZoom == 12.0);
    CHECK(f.map.layers[0].data == data); // the same loaded geometry: nothing read again
    CHECK_FALSE(reloader.take());        // reported once
}

TEST_CASE("layer file: a layer added loads a new map in the background", "[layer_reload]") {
    Fixture f("reload");
    geo::LayerFileReloader reloader(f.file, {});
    test::writeFile(f.file, Fixture::landLayer("#F4F1E8", 0) + Fixture::roadsLayer());
    auto result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Reload);
    REQUIRE(result->map);
    REQUIRE(result->map->layers.size() == 2);
    CHECK(result->map->layers[0].spec.id == "land");
    CHECK(result->map->layers[1].spec.id == "roads");
    CHECK(result->map->layers[1].data->lines.size() == 1);
    CHECK(result->map->diagnostics.empty());

    // Adding a stroke to a layer that had none needs new meshes too.
    f.map = std::move(*result->map);
    test::writeFile(f.file, Fixture::landLayer("#F4F1E8", 0) + "stroke = \"#000000\"\n" + Fixture::roadsLayer());
    result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Reload);
}

TEST_CASE("layer file: a syntax error keeps the map and names the file and line", "[layer_reload][bad-input]") {
    Fixture f("syntax");
    geo::LayerFileReloader reloader(f.file, {});
    test::writeFile(f.file, Fixture::landLayer("#F4F1E8", 0) + "stroke = \"#000000\n");
    auto result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Kept);
    CHECK_FALSE(result->map);
    const auto lines = messages(result->diagnostics);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind(f.file.string() + ":9:", 0) == 0); // the line of the broken string
    CHECK(lines[0].find("error:") != std::string::npos);
    CHECK(lines[1] == f.file.string() + ": note: the map still shows the layers from before this change (fix the layer "
                                        "file and save it again to see the changes)");

    // An error in one layer (a bad colour) also keeps the whole map: nothing half-applied.
    test::writeFile(f.file, Fixture::landLayer("#F4F1E", 0));
    result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Kept);
    CHECK(messages(result->diagnostics).front().rfind(f.file.string() + ":7:", 0) == 0);

    // Fixed: applied.
    test::writeFile(f.file, Fixture::landLayer("#FFFFFF", 0));
    result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Restyle);
}

TEST_CASE("layer file: deleted, then put back", "[layer_reload][bad-input]") {
    Fixture f("deleted");
    geo::LayerFileReloader reloader(f.file, {});
    fs::remove(f.file);
    auto result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Kept);
    CHECK(messages(result->diagnostics) ==
          std::vector<std::string>{
              f.file.string() + ": error: the layer file does not exist (deleted, or renamed?) (put it back, or save it again "
                                "under this name)",
              f.file.string() + ": note: the map still shows the layers from before this change (fix the layer file and "
                                "save it again to see the changes)"});
    CHECK_FALSE(f.check(reloader)); // reported once

    test::writeFile(f.file, Fixture::landLayer("#FFFFFF", 3));
    result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Restyle);
}

TEST_CASE("layer file: renamed away, and a new file renamed over it", "[layer_reload][bad-input]") {
    Fixture f("renamed");
    geo::LayerFileReloader reloader(f.file, {});
    fs::rename(f.file, f.dir / "layers.old.toml");
    auto result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Kept);
    CHECK(messages(result->diagnostics).front().find("does not exist (deleted, or renamed?)") != std::string::npos);

    // How vim and most IDEs save: a new file renamed over the old name.
    const fs::path temp = f.dir / ".layers.toml.tmp";
    test::writeFile(temp, Fixture::landLayer("#ABCDEF", 0));
    CHECK_FALSE(f.check(reloader)); // a sibling file is not the layer file
    fs::rename(temp, f.file);
    result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Restyle);
    CHECK(result->config.layers.at(0).style.fill == geo::Color{0xAB, 0xCD, 0xEF, 255});
}

TEST_CASE("layer file: replaced by a folder, by a huge file, by an empty file", "[layer_reload][bad-input]") {
    Fixture f("replaced");
    geo::LayerFileReloader reloader(f.file, {});
    const std::string note = f.file.string() + ": note: the map still shows the layers from before this change (fix the "
                                               "layer file and save it again to see the changes)";
    fs::remove(f.file);
    fs::create_directory(f.file);
    auto result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Kept);
    CHECK(messages(result->diagnostics) ==
          std::vector<std::string>{f.file.string() + ": error: this is now a folder, not a layer file (put the layer file "
                                                     "back under this name)",
                                   note});

    fs::remove(f.file);
    test::writeFile(f.file, std::string(geo::kMaxLayerFileBytes + 1, '#'));
    result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Kept);
    CHECK(messages(result->diagnostics) ==
          std::vector<std::string>{f.file.string() + ": error: the file is 1025 KB; a layer file may be at most 1024 KB "
                                                     "(check that this is the layer file)",
                                   note});

    // An editor that truncates before writing: for a moment the file is empty. The map stays.
    test::writeFile(f.file, "");
    result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Kept);
    CHECK(messages(result->diagnostics) ==
          std::vector<std::string>{
              f.file.string() + ": warning: the layer file declares no [[layer]] (add a [[layer]] table with an id and a source)",
              f.file.string() + ": error: the layer file now lists no layer to draw (an editor may still be saving it; the map "
                                "keeps its layers until the file lists some)",
              note});
}

TEST_CASE("layer file: a save during a check is checked after it", "[layer_reload]") {
    Fixture f("busy");
    geo::LayerFileReloader reloader(f.file, {});
    test::writeFile(f.file, Fixture::landLayer("#111111", 1));
    reloader.poll(f.map.layers, 0.0); // starts a check
    test::writeFile(f.file, Fixture::landLayer("#222222", 22)); // saved again while it may still run
    reloader.poll(f.map.layers, 0.0); // remembered, not started twice
    reloader.wait();
    auto first = reloader.take();
    REQUIRE(first);
    // The second save is picked up on the next poll even if the first check already read it.
    auto second = f.check(reloader);
    REQUIRE(second);
    CHECK(second->kind == Kind::Restyle);
    CHECK(second->config.layers.at(0).style.fill == geo::Color{0x22, 0x22, 0x22, 255});
}

TEST_CASE("layer file: pollIfDue looks at the file at most every 250 ms", "[layer_reload]") {
    using std::chrono::milliseconds;
    Fixture f("rate");
    geo::LayerFileReloader reloader(f.file, {});
    const auto t0 = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
    reloader.pollIfDue(t0, f.map.layers, 0.0);
    test::writeFile(f.file, Fixture::landLayer("#333333", 11));
    reloader.pollIfDue(t0 + milliseconds(100), f.map.layers, 0.0); // too soon: not looked at
    CHECK_FALSE(reloader.busy());
    reloader.wait();
    CHECK_FALSE(reloader.take());
    reloader.pollIfDue(t0 + milliseconds(250), f.map.layers, 0.0);
    reloader.wait();
    auto result = reloader.take();
    REQUIRE(result);
    CHECK(result->kind == Kind::Restyle);
}

TEST_CASE("layer file: layers added with --layer are not the file's and keep their style", "[layer_reload]") {
    Fixture f("extra");
    const fs::path extra = f.dir / "roads.geojson";
    f.map = geo::loadBaseMap(f.file, {extra}, f.projection);
    REQUIRE(f.map.layers.size() == 2);
    const geo::LayerStyle extraStyle = f.map.layers[1].spec.style;
    geo::LayerFileReloader reloader(f.file, {extra});
    test::writeFile(f.file, Fixture::landLayer("#445566", 10));
    auto result = f.check(reloader);
    REQUIRE(result);
    CHECK(result->kind == Kind::Restyle);
    geo::restyleBaseMap(f.map, result->config);
    CHECK(f.map.layers[0].spec.style.fill == geo::Color{0x44, 0x55, 0x66, 255});
    CHECK(f.map.layers[1].spec.style.stroke == extraStyle.stroke);

    // A reload loads the --layer files again.
    test::writeFile(f.file, Fixture::landLayer("#445566", 10) + Fixture::roadsLayer());
    result = f.check(reloader);
    REQUIRE(result);
    REQUIRE(result->kind == Kind::Reload);
    REQUIRE(result->map->layers.size() == 3);
    CHECK(result->map->layers[2].spec.userAdded);
}

TEST_CASE("layer file: replaced by a named pipe is not read, the map stays", "[layer_reload][bad-input]") {
    Fixture f("fifo");
    geo::LayerFileReloader reloader(f.file, {});
    fs::remove(f.file);
    REQUIRE(::mkfifo(f.file.c_str(), 0600) == 0);
    auto result = f.check(reloader); // a read would block the background check for good
    REQUIRE(result);
    CHECK(result->kind == Kind::Kept);
    CHECK(messages(result->diagnostics).front() ==
          f.file.string() + ": error: this is no longer a regular file (a pipe or a device?) (put the layer file back under this name)");
    // And at start, given as --layers:
    const geo::LayerConfigResult atStart = geo::loadLayerConfig(f.file);
    CHECK(messages(atStart.diagnostics) ==
          std::vector<std::string>{f.file.string() + ": error: this is not a regular file (a pipe or a device?) (give the layer "
                                                     "file itself (e.g. assets/layers.toml); the map opens without base layers)"});
}
