// Export through GDAL, read back through GDAL: every site, stop and partnership is
// there with its attributes, CJK text intact, in each format.

#include <geo/briefing/briefing.hpp>
#include <geo/briefing/briefing_export.hpp>

#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <glm/vec2.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) { return test::freshDir("briefing_export_" + name); }

struct ReadFeature {
    std::map<std::string, std::string> fields; // unset fields are absent
    std::vector<glm::dvec2> points;
};
using ReadLayers = std::map<std::string, std::vector<ReadFeature>>;

// Every feature of every layer; a GeoJSON's single layer is split by its `layer` property.
ReadLayers readBack(const fs::path& path) {
    GDALAllRegister();
    ReadLayers layers;
    // Read GeoJSON strings as written: by default GDAL turns "2025-02-17" into a Date field.
    const char* const geojsonOptions[] = {"DATE_AS_STRING=YES", nullptr};
    const bool geojson = path.extension() == ".geojson";
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                                      geojson ? geojsonOptions : nullptr, nullptr));
    REQUIRE(ds);
    for (OGRLayer* layer : ds->GetLayers()) {
        for (const auto& feature : *layer) {
            ReadFeature f;
            for (int i = 0; i < feature->GetFieldCount(); ++i)
                if (feature->IsFieldSetAndNotNull(i))
                    f.fields[feature->GetFieldDefnRef(i)->GetNameRef()] = feature->GetFieldAsString(i);
            const OGRGeometry* g = feature->GetGeometryRef();
            REQUIRE(g != nullptr);
            if (const auto* point = dynamic_cast<const OGRPoint*>(g)) {
                f.points.push_back({point->getX(), point->getY()});
            } else if (const auto* line = dynamic_cast<const OGRLineString*>(g)) {
                for (int i = 0; i < line->getNumPoints(); ++i) f.points.push_back({line->getX(i), line->getY(i)});
            }
            std::string name = f.fields.count("layer") ? f.fields["layer"] : layer->GetName();
            layers[name].push_back(std::move(f));
        }
    }
    return layers;
}

const ReadFeature& findBy(const std::vector<ReadFeature>& features, const std::string& field, const std::string& value) {
    for (const ReadFeature& f : features) {
        auto it = f.fields.find(field);
        if (it != f.fields.end() && it->second == value) return f;
    }
    FAIL("no feature with " << field << " = " << value);
    throw; // unreachable: FAIL throws
}

std::string readText(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("exportBriefing writes every entity with its attributes", "[briefing][export]") {
    const auto loaded = geo::loadBriefingFile(std::string(KTMAP_TEST_DATA_DIR) + "/briefing/valid_minimal.toml");
    REQUIRE(loaded.diagnostics.empty());
    const std::string ext = GENERATE(std::string(".gpkg"), std::string(".kml"), std::string(".geojson"));
    const fs::path out = freshDir(ext.substr(1)) / ("briefing" + ext);
    INFO(out.string());

    CHECK(geo::exportBriefing(loaded.briefing, out).empty());
    ReadLayers layers = readBack(out);
    CHECK(layers["sites"].size() == 3);
    CHECK(layers["stops"].size() == 2);
    CHECK(layers["trips"].size() == 1); // one leg between two stops
    CHECK(layers["partnerships"].size() == 1);

    const ReadFeature& kumamoto = findBy(layers["sites"], "id", "kumamoto");
    CHECK(kumamoto.fields.at("kind") == "city");
    CHECK(kumamoto.fields.at("name_zh") == "熊本市");
    CHECK(kumamoto.fields.at("name_ja") == "熊本市");
    CHECK(kumamoto.fields.at("name_en") == "Kumamoto");
    CHECK(kumamoto.fields.at("sources") == "hsp-2025-kyushu 參、四");
    REQUIRE(kumamoto.points.size() == 1);
    CHECK_THAT(kumamoto.points[0].x, Catch::WithinAbs(130.7417, 1e-9));
    CHECK_THAT(kumamoto.points[0].y, Catch::WithinAbs(32.8032, 1e-9));
    CHECK(findBy(layers["sites"], "id", "kumamoto-airport").fields.at("city") == "kumamoto");
    CHECK(findBy(layers["sites"], "id", "hsinchu-science-park").fields.at("notes_en") == "Taiwan's first science park");

    const ReadFeature& arrival = findBy(layers["stops"], "site", "kumamoto-airport");
    CHECK(arrival.fields.at("trip") == "hsp-2025-02");
    CHECK(arrival.fields.at("order") == "1");
    CHECK(arrival.fields.at("date") == "2025-02-17");
    CHECK(arrival.fields.at("start_time") == "16:00");
    CHECK(arrival.fields.at("end_time") == "17:30");
    CHECK(arrival.fields.at("leg") == "flight");
    CHECK(arrival.fields.at("flight") == "CI116");
    CHECK(arrival.fields.at("what") == "抵達熊本");
    CHECK(arrival.fields.at("what_en") == "Arrive in Kumamoto");
    const ReadFeature& call = findBy(layers["stops"], "site", "kumamoto");
    CHECK(call.fields.at("order") == "2");
    CHECK(call.fields.at("met") == "市長");
    CHECK(call.fields.at("met_en") == "the mayor");

    const ReadFeature& leg = layers["trips"].at(0);
    CHECK(leg.fields.at("trip") == "hsp-2025-02");
    CHECK(leg.fields.at("from_stop") == "1");
    CHECK(leg.fields.at("to_stop") == "2");
    CHECK(leg.fields.at("from_site") == "kumamoto-airport");
    CHECK(leg.fields.at("to_site") == "kumamoto");
    CHECK(leg.fields.at("date") == "2025-02-18");
    CHECK(leg.fields.at("mode") == "bus");
    CHECK(leg.points.size() == 2); // not a flight: straight

    const ReadFeature& p = layers["partnerships"].at(0);
    CHECK(p.fields.at("id") == "hsp-kumamoto");
    CHECK(p.fields.at("kind") == "cooperation-mou");
    CHECK(p.fields.at("parties") == "hsinchu-science-park, kumamoto");
    CHECK(p.fields.at("name_zh") == "竹科與熊本合作備忘錄");
    CHECK(p.fields.at("milestones") == "2017-05-01 簽署 / Signed; 2024-09 續約");
    REQUIRE(p.points.size() > 2); // ~1400 km as a great-circle arc of ≤ 50 km segments
    CHECK_THAT(p.points.front().x, Catch::WithinAbs(121.0096, 1e-9));
    CHECK_THAT(p.points.back().x, Catch::WithinAbs(130.7417, 1e-9));
}

TEST_CASE("exportBriefing draws flights as great-circle arcs across the Pacific", "[briefing][export]") {
    geo::Briefing b;
    auto addSite = [&](const char* id, double lon, double lat) {
        geo::Site s;
        s.id = id;
        s.kind = geo::SiteKind::Airport;
        s.nameZh = id;
        s.nameEn = id;
        s.lon = lon;
        s.lat = lat;
        b.sites.push_back(s);
    };
    addSite("khh", 120.3500, 22.5771);
    addSite("phx", -112.0116, 33.4343);
    geo::Trip trip;
    trip.id = "arizona";
    for (const char* site : {"khh", "phx"}) {
        geo::Stop stop;
        stop.siteId = site;
        stop.leg = geo::LegMode::Flight;
        trip.stops.push_back(stop);
    }
    b.trips.push_back(trip);

    const fs::path dir = freshDir("pacific");
    SECTION("GeoPackage keeps longitudes continuous") {
        REQUIRE(geo::exportBriefing(b, dir / "out.gpkg").empty());
        const auto leg = readBack(dir / "out.gpkg")["trips"].at(0);
        CHECK(leg.points.size() == 235); // ceil(11676.9 km / 50 km) + 1
        CHECK(leg.points.front().x == 120.35);
        CHECK_THAT(leg.points.back().x, Catch::WithinAbs(247.9884, 1e-9));
    }
    SECTION("KML wraps them to [-180, 180]") {
        REQUIRE(geo::exportBriefing(b, dir / "out.kml").empty());
        const auto leg = readBack(dir / "out.kml")["trips"].at(0);
        CHECK(leg.points.size() == 235);
        CHECK_THAT(leg.points.back().x, Catch::WithinAbs(-112.0116, 1e-9));
        for (const auto& p : leg.points) CHECK(std::abs(p.x) <= 180.0);
    }
}

TEST_CASE("exportBriefing never overwrites an input file", "[briefing][export]") {
    const fs::path dir = freshDir("inputs");
    geo::Briefing b;
    b.path = dir / "briefing.toml";
    std::ofstream(dir / "land.geojson") << "keep";

    SECTION("the briefing's own file") {
        std::ofstream(b.path) << "keep";
        const auto d = geo::exportBriefing(b, b.path);
        REQUIRE(d.size() == 1);
        CHECK(d[0].format() == (dir / "briefing.toml").string() +
                                   ": error: refusing to overwrite an input file (choose another name for the export)");
    }
    SECTION("a file named as an input, spelled differently") {
        const auto d = geo::exportBriefing(b, dir / "." / "land.geojson", {dir / "land.geojson"});
        REQUIRE(d.size() == 1);
        CHECK(d[0].message == "refusing to overwrite an input file");
        CHECK(readText(dir / "land.geojson") == "keep");
    }
    SECTION("an earlier export is replaced") {
        std::ofstream(dir / "old.geojson") << "old";
        CHECK(geo::exportBriefing(b, dir / "old.geojson").empty());
        CHECK(readText(dir / "old.geojson").find("FeatureCollection") != std::string::npos);
    }
}

TEST_CASE("exportBriefing reports what it cannot do, naming the file", "[briefing][export]") {
    const fs::path dir = freshDir("errors");
    geo::Briefing b;
    const auto shp = geo::exportBriefing(b, dir / "briefing.shp");
    REQUIRE(shp.size() == 1);
    CHECK(shp[0].format() == (dir / "briefing.shp").string() +
                                 ": error: cannot export to '.shp' files (name the file .geojson, .kml or .gpkg)");

    // A missing folder is made; one that cannot be (a file is in the way) is named, and nothing is left behind.
    CHECK(geo::exportBriefing(b, dir / "new-dir" / "briefing.gpkg").empty());
    CHECK(fs::is_regular_file(dir / "new-dir" / "briefing.gpkg"));
    std::ofstream(dir / "a-file") << "x";
    const auto blocked = geo::exportBriefing(b, dir / "a-file" / "briefing.gpkg");
    REQUIRE(blocked.size() == 1);
    CHECK(blocked[0].file == (dir / "a-file" / "briefing.gpkg").string());
    CHECK(blocked[0].message.rfind("cannot make the folder " + (dir / "a-file").string(), 0) == 0);
    CHECK(blocked[0].hint == "choose a folder you can write to");
}

TEST_CASE("exportBriefing leaves no half file and keeps an earlier export when it fails", "[briefing][export]") {
    const fs::path dir = freshDir("atomic");
    geo::Briefing b;
    std::ofstream(dir / "old.gpkg") << "old";
    CHECK(geo::exportBriefing(b, dir / "old.gpkg").empty());
    CHECK(readText(dir / "old.gpkg").rfind("SQLite format 3", 0) == 0);
    // Only the export itself is in the folder: the temporary file was renamed over it.
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);
}
