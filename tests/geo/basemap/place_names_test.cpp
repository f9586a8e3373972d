#include <geo/basemap/layer_config.hpp>
#include <geo/basemap/place_names.hpp>

#include <catch2/catch.hpp>

#include "committed_files.hpp"
#include "test_support.hpp"

#include <ogr_core.h>

#include <algorithm>

namespace {

const geo::PlaceName* findEnglish(const geo::PlaceNamesResult& r, const std::string& en) {
    const auto it = std::find_if(r.places.begin(), r.places.end(), [&](const geo::PlaceName& p) { return p.en == en; });
    return it == r.places.end() ? nullptr : &*it;
}

// A layer file's text with one layer after it (a file without a [[layer]] is warned about).
std::string withLayer(const std::string& text) { return text + "\n[[layer]]\nid = \"land\"\nsource = \"land.shp\"\n"; }

std::vector<std::string> messages(const geo::Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) out.push_back(d.message);
    return out;
}

} // namespace

TEST_CASE("the shipped place names have Kumamoto, Kitakyushu and Hsinchu's towns in three languages", "[place-names][assets]") {
    const auto r = geo::loadPlaceNames(test::committedAsset("basemap/places.shp"));
    INFO(test::formatAll(r.diagnostics));
    CHECK(r.diagnostics.empty());
    REQUIRE(r.places.size() > 500);

    const geo::PlaceName* kumamoto = findEnglish(r, "Kumamoto");
    REQUIRE(kumamoto);
    CHECK(kumamoto->ja == "熊本市");
    CHECK(kumamoto->zh == "熊本市");
    CHECK(kumamoto->population > 500000);
    CHECK(kumamoto->lonLat.x == Approx(130.69).margin(0.05));
    CHECK(kumamoto->lonLat.y == Approx(32.80).margin(0.05));

    const geo::PlaceName* kagoshima = findEnglish(r, "Kagoshima");
    REQUIRE(kagoshima);
    CHECK(kagoshima->ja == "鹿児島市");
    CHECK(kagoshima->zh == "鹿兒島市"); // the kanji name in Traditional characters, as Taiwan writes it

    // A Taiwan town from the MOI table: its Chinese name, its English name without "City".
    const geo::PlaceName* zhubei = findEnglish(r, "Zhubei");
    REQUIRE(zhubei);
    CHECK(zhubei->zh == "竹北市");
    CHECK(zhubei->lonLat.x == Approx(121.0).margin(0.1));
    CHECK(zhubei->lonLat.y == Approx(24.83).margin(0.1));

    // Ranked: 0 first, every rank once, and bigger towns before smaller ones.
    for (std::size_t i = 0; i < r.places.size(); ++i) REQUIRE(r.places[i].rank == static_cast<int>(i));
    CHECK(kumamoto->rank < zhubei->rank);
    const geo::PlaceName* kitakyushu = findEnglish(r, "Kitakyushu");
    REQUIRE(kitakyushu);
    CHECK(kitakyushu->ja == "北九州市");
    CHECK(kitakyushu->rank < kumamoto->rank);
}

TEST_CASE("a missing place names file is an error naming it, and gives no places", "[place-names]") {
    const auto dir = test::freshDir("places-missing");
    const auto r = geo::loadPlaceNames(dir / "nowhere.shp");
    CHECK(r.places.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == geo::Severity::Error);
    CHECK(r.diagnostics[0].file == (dir / "nowhere.shp").string());
    CHECK(r.diagnostics[0].message == "place names file not found");
    CHECK_FALSE(r.diagnostics[0].hint.empty());
}

TEST_CASE("a file without name fields is an error", "[place-names]") {
    const auto dir = test::freshDir("places-no-names");
    const auto file = test::writeVector(dir, "p.geojson", "GeoJSON", wkbPoint, 4326, {{"POINT (130.7 32.8)", {{"name", "Kumamoto"}}}});
    const auto r = geo::loadPlaceNames(file);
    CHECK(r.places.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == geo::Severity::Error);
    CHECK(r.diagnostics[0].message == "the place names file has none of the fields name_zh, name_ja, name_en");
}

TEST_CASE("bad rows are left out with a warning naming the row; the good ones are read", "[place-names]") {
    const auto dir = test::freshDir("places-bad-rows");
    const auto file = test::writeVector(dir, "p.geojson", "GeoJSON", wkbUnknown, 4326,
                                        {{"POINT (130.7 32.8)", {{"name_en", "Kumamoto"}, {"name_ja", "熊本市"}, {"population", "680423"}}},
                                         {"LINESTRING (130 32, 131 33)", {{"name_en", "A line"}}},
                                         {"POINT (130.8 32.9)", {{"population", "100"}}},
                                         {"POINT (130.9 32.9)", {{"name_en", "Minus"}, {"population", "-5"}}},
                                         {"", {{"name_en", "Nowhere"}}},
                                         {"POINT (121.0 24.8)", {{"name_zh", "竹北市"}, {"population", "200000"}}}});
    const auto r = geo::loadPlaceNames(file);
    CHECK(messages(r.diagnostics) == std::vector<std::string>{
                                         "row 2: its geometry is a Line String, not a point; it is left out",
                                         "row 3: it has no name in any language; it is left out",
                                         "row 4: its population is negative or not a number; it is left out",
                                         "row 5: it has no position; it is left out",
                                     });
    for (const auto& d : r.diagnostics) {
        CHECK(d.severity == geo::Severity::Warning);
        CHECK(d.file == file.string());
    }
    // No rank field: ranked by population, largest first.
    REQUIRE(r.places.size() == 2);
    CHECK(r.places[0].en == "Kumamoto");
    CHECK(r.places[0].rank == 0);
    CHECK(r.places[1].zh == "竹北市");
    CHECK(r.places[1].rank == 1);
    CHECK(r.places[1].population == 200000.0);
}

TEST_CASE("a rank field orders the places", "[place-names]") {
    const auto dir = test::freshDir("places-rank");
    const auto file = test::writeVector(dir, "p.geojson", "GeoJSON", wkbPoint, 4326,
                                        {{"POINT (130.7 32.8)", {{"name_en", "Second"}, {"rank", "1"}, {"population", "9"}}},
                                         {"POINT (130.8 32.9)", {{"name_en", "First"}, {"rank", "0"}}},
                                         {"POINT (130.9 32.9)", {{"name_en", "Bad"}, {"rank", "-1"}}}});
    const auto r = geo::loadPlaceNames(file);
    CHECK(messages(r.diagnostics) ==
          std::vector<std::string>{"row 3: its rank is negative (0 is the most important); it is left out"});
    REQUIRE(r.places.size() == 2);
    CHECK(r.places[0].en == "First");
    CHECK(r.places[1].en == "Second");
}

TEST_CASE("a place's name in a language: its own, else English, else any", "[place-names]") {
    geo::PlaceName all;
    all.zh = "鹿兒島市";
    all.ja = "鹿児島市";
    all.en = "Kagoshima";
    CHECK(geo::placeNameIn(all, geo::Language::Zh) == "鹿兒島市");
    CHECK(geo::placeNameIn(all, geo::Language::Ja) == "鹿児島市");
    CHECK(geo::placeNameIn(all, geo::Language::En) == "Kagoshima");

    geo::PlaceName zhEn;
    zhEn.zh = "竹北市";
    zhEn.en = "Zhubei";
    CHECK(geo::placeNameIn(zhEn, geo::Language::Ja) == "竹北市"); // its characters before its romanisation
    CHECK(geo::placeNameIn(zhEn, geo::Language::En) == "Zhubei");

    geo::PlaceName zhOnly;
    zhOnly.zh = "東區";
    CHECK(geo::placeNameIn(zhOnly, geo::Language::En) == "東區");
    CHECK(geo::placeNameIn(zhOnly, geo::Language::Ja) == "東區");

    geo::PlaceName jaOnly;
    jaOnly.ja = "宇土";
    CHECK(geo::placeNameIn(jaOnly, geo::Language::Zh) == "宇土");
}

TEST_CASE("the layer file's [places] names the place file, resolved like a layer's source", "[place-names][layer-config]") {
    const auto r = geo::parseLayerConfig(withLayer(R"toml(
[places]
source = "basemap/places.shp"
min_zoom = 9.5
attribution = "GeoNames (CC BY 4.0)"
)toml"), "layers.toml", "/assets");
    INFO(test::formatAll(r.diagnostics));
    CHECK(r.diagnostics.empty());
    REQUIRE(r.config.places);
    CHECK(r.config.places->source == std::filesystem::path("/assets/basemap/places.shp"));
    CHECK(r.config.places->minZoom == 9.5);
    CHECK(r.config.places->attribution == "GeoNames (CC BY 4.0)");
    CHECK(r.config.places->origin == "layers.toml:2");

    const auto absolute = geo::parseLayerConfig(withLayer("[places]\nsource = \"/data/towns.gpkg\"\n"), "layers.toml", "/assets");
    REQUIRE(absolute.config.places);
    CHECK(absolute.config.places->source == std::filesystem::path("/data/towns.gpkg"));
    CHECK(absolute.config.places->minZoom == 9.0); // the default

    const auto none = geo::parseLayerConfig("[background]\ncolor = \"#9EC3DE\"\n[[layer]]\nid = \"a\"\nsource = \"a.shp\"\n",
                                            "layers.toml", "/assets");
    CHECK_FALSE(none.config.places);
}

TEST_CASE("bad values in [places] are reported, and leave the place names out", "[place-names][layer-config]") {
    SECTION("min_zoom out of range") {
        const auto r = geo::parseLayerConfig(withLayer("[places]\nsource = \"basemap/places.shp\"\nmin_zoom = 40\n"), "layers.toml", "/assets");
        CHECK_FALSE(r.config.places);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].format() == "layers.toml:3:12: error: 'min_zoom' must be a number from 0 to 30");
    }
    SECTION("no source") {
        const auto r = geo::parseLayerConfig(withLayer("[places]\nmin_zoom = 9\n"), "layers.toml", "/assets");
        CHECK_FALSE(r.config.places);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].format() == "layers.toml:1:1: error: [places] has no 'source' (add source = \"...\")");
    }
    SECTION("a source that is not a string") {
        const auto r = geo::parseLayerConfig(withLayer("[places]\nsource = 3\n"), "layers.toml", "/assets");
        CHECK_FALSE(r.config.places);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].message == "'source' must be a string");
    }
    SECTION("places that is not a table") {
        const auto r = geo::parseLayerConfig(withLayer("places = \"basemap/places.shp\"\n"), "layers.toml", "/assets");
        CHECK_FALSE(r.config.places);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].message == "'places' must be a table");
    }
    SECTION("an unknown key is a warning; the rest is read") {
        const auto r = geo::parseLayerConfig(withLayer("[places]\nsource = \"basemap/places.shp\"\nmin_zom = 9\n"), "layers.toml", "/assets");
        REQUIRE(r.config.places);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].severity == geo::Severity::Warning);
        CHECK(r.diagnostics[0].format() ==
              "layers.toml:3:1: warning: unknown key 'min_zom' in [places]; it is ignored (did you mean 'min_zoom'?)");
    }
}

TEST_CASE("the shipped layer file and FORMAT.md's example name the shipped place names", "[place-names][layer-config][assets]") {
    const auto shipped = geo::loadLayerConfig(test::committedAsset("layers.toml"));
    INFO(test::formatAll(shipped.diagnostics));
    REQUIRE(shipped.config.places);
    CHECK(std::filesystem::exists(shipped.config.places->source));
    CHECK_FALSE(shipped.config.places->attribution.empty());
    CHECK(geo::loadPlaceNames(shipped.config.places->source).diagnostics.empty());

    const std::vector<test::FencedBlock> examples = test::fencedBlocks(test::committedAsset("FORMAT.md"), "toml layers");
    REQUIRE(examples.size() == 1);
    const auto example = geo::parseLayerConfig(examples[0].text, "FORMAT.md layers example", KTMAP_ASSETS_DIR);
    REQUIRE(example.config.places);
    CHECK(std::filesystem::exists(example.config.places->source));
}
