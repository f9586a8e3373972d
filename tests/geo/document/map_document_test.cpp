// The map document: the files loaded, their reloads merged into what is on screen, and the
// messages about them as they are now.
#include <geo/document/map_document.hpp>

#include <geo/view/map_view.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <ogr_core.h>

#include <chrono>
#include <thread>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> messages(const geo::Diagnostics& diagnostics, const fs::path& dir) {
    return test::formatWithout(diagnostics, dir.string() + "/");
}

struct Fixture {
    fs::path dir;
    fs::path layers;
    fs::path briefing;
    geo::Projection projection;

    explicit Fixture(const std::string& name) : dir(test::freshDir("document_" + name)), layers(dir / "layers.toml"), briefing(dir / "briefing.toml") {
        test::writeVector(dir, "land.geojson", "GeoJSON", wkbPolygon, 4326, {{"POLYGON ((120 23,121 23,121 24,120 24,120 23))", {}}});
        test::writeVector(dir, "roads.geojson", "GeoJSON", wkbLineString, 4326, {{"LINESTRING (120 23,121 24)", {}}});
    }
    static std::string land(const std::string& fill) {
        return "[background]\ncolor = \"#A9CBE3\"\n\n[[layer]]\nid = \"land\"\nsource = \"land.geojson\"\nfill = \"" + fill + "\"\n";
    }
    static std::string roads() { return "\n[[layer]]\nid = \"roads\"\nsource = \"roads.geojson\"\nstroke = \"#202020\"\n"; }
    geo::MapDocument::Files files(bool content = false) const { return {layers, {}, content ? briefing : fs::path()}; }
};

geo::MapDocument::LayerFileChange reload(geo::MapDocument& doc) { return doc.pollLayerFile(0.0, true, true); }

} // namespace

TEST_CASE("the map's messages about the layer file give way to those about it as it is now", "[document][layer_reload]") {
    Fixture f("messages");
    // A layer whose source is missing: loaded without it, with a message.
    test::writeFile(f.layers, Fixture::land("#F4F1E8") + "\n[[layer]]\nid = \"gone\"\nsource = \"gone.shp\"\nstroke = \"#000000\"\n");
    geo::MapDocument doc(f.files(), f.projection);
    doc.load(0.0);
    REQUIRE(doc.map().layers.size() == 1);
    CHECK(messages(doc.messages(), f.dir) ==
          std::vector<std::string>{"gone.shp: error: file not found (check the path; the map opens without this layer)"});

    // Broken: the map stays, the messages say why and that it is kept.
    test::writeFile(f.layers, Fixture::land("#F4F1E8") + "[[layer\n");
    REQUIRE(reload(doc) == geo::MapDocument::LayerFileChange::Kept);
    CHECK(doc.map().layers.size() == 1);
    const auto kept = messages(doc.messages(), f.dir);
    REQUIRE(kept.size() >= 2);
    CHECK(kept.front() == "layers.toml:8:8: error: Error while parsing table header: expected ']', saw '\\n' (fix the syntax; no layers "
                          "were read from this file)");
    CHECK(kept.back() == "gone.shp: error: file not found (check the path; the map opens without this layer)");

    // Fixed, with another layer: a new map, and only the messages about it now.
    test::writeFile(f.layers, Fixture::land("#F4F1E8") + Fixture::roads());
    REQUIRE(reload(doc) == geo::MapDocument::LayerFileChange::Reloaded);
    CHECK(doc.map().layers.size() == 2);
    CHECK(doc.messages().empty());
}

TEST_CASE("a restyle keeps the loaded geometry; what was switched off stays off through a reload", "[document][layer_reload]") {
    Fixture f("restyle");
    test::writeFile(f.layers, Fixture::land("#F4F1E8") + Fixture::roads());
    geo::MapDocument doc(f.files(), f.projection);
    doc.load(0.0);
    REQUIRE(doc.map().layers.size() == 2);
    geo::MapView view;
    view.setVisible(doc.map().layers[1], false); // roads off in the layer list
    const auto data = doc.map().layers[0].data;
    test::writeFile(f.layers, Fixture::land("#102030") + Fixture::roads());
    REQUIRE(reload(doc) == geo::MapDocument::LayerFileChange::Restyled);
    CHECK(doc.map().layers[0].data == data);
    CHECK(doc.map().layers[0].spec.style.fill == geo::Color{0x10, 0x20, 0x30, 255});
    // Reordered: a reload; the roads are still the roads, and still off.
    test::writeFile(f.layers, "[background]\ncolor = \"#A9CBE3\"\n" + Fixture::roads() + "\n[[layer]]\nid = \"land\"\nsource = \"land.geojson\"\n"
                                                                                          "fill = \"#102030\"\n");
    REQUIRE(reload(doc) == geo::MapDocument::LayerFileChange::Reloaded);
    REQUIRE(doc.map().layers.size() == 2);
    CHECK(doc.map().layers[0].spec.id == "roads");
    CHECK_FALSE(view.visible(doc.map().layers[0]));
    CHECK(view.visible(doc.map().layers[1]));
}

TEST_CASE("the briefing's reload replaces the projected content, and an edit with errors keeps it", "[document][briefing_reload]") {
    Fixture f("content");
    test::writeFile(f.layers, Fixture::land("#F4F1E8"));
    const std::string site = "schema = 1\ntitle = \"簡報\"\ntitle_en = \"Briefing\"\n\n[[site]]\nid = \"taipei\"\nkind = \"city\"\n"
                             "name_zh = \"臺北市\"\nname_en = \"Taipei\"\nlon = 121.5654\nlat = 25.0330\n";
    test::writeFile(f.briefing, site);
    geo::MapDocument doc(f.files(true), f.projection);
    doc.load(0.0);
    REQUIRE(doc.hasContent());
    CHECK_FALSE(geo::hasErrors(doc.contentMessages()));
    REQUIRE(doc.briefing().sites.size() == 1);
    REQUIRE(doc.scene().siteWorld.size() == 1);
    const auto generation = doc.contentGeneration();
    test::writeFile(f.briefing, site + "\n[[site]]\nid = \"tainan\"\nkind = \"city\"\nname_zh = \"臺南市\"\nname_en = \"Tainan\"\n"
                                       "lon = 120.2\nlat = 23.0\n");
    // Read off this thread: poll until it is applied.
    for (int i = 0; i < 400 && doc.contentGeneration() == generation; ++i) {
        doc.pollContent();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(doc.briefing().sites.size() == 2);
    CHECK(doc.scene().siteWorld.size() == 2);
    // Broken: the content stays, the messages say so.
    const auto replaced = doc.contentGeneration();
    test::writeFile(f.briefing, site + "\n[[site]]\nid = \"Bad Id\"\n");
    bool changed = false;
    for (int i = 0; i < 400 && !changed; ++i) {
        changed = doc.pollContent();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(changed);
    CHECK(doc.contentGeneration() == replaced);
    CHECK(doc.briefing().sites.size() == 2);
    CHECK(geo::hasErrors(doc.contentMessages()));
}
