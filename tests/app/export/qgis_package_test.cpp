// ktmap --export OUT.gpkg: the package read back with GDAL, its styles and project parsed.
#include "export/qgis_package.hpp"

#include <geo/briefing/briefing.hpp>
#include <geo/briefing/partnership_links.hpp>
#include <geo/view/palette.hpp>

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <pugixml.hpp>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>
#include <unzip.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kAssets = KTMAP_ASSETS_DIR;

// A colour as QGIS writes it: "r,g,b,a".
std::string rgba(geo::Color c) {
    return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," + std::to_string(c.a);
}

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("ktmap-qgis-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
    std::set<std::string> files() const {
        std::set<std::string> out;
        for (const auto& e : fs::directory_iterator(path)) out.insert(e.path().filename().string());
        return out;
    }
};

app::ViewerOptions shippedOptions() {
    app::ViewerOptions o;
    o.briefingFile = kAssets / "briefing.toml";
    o.layerFile = kAssets / "layers.toml";
    o.paletteFile = kAssets / "palette.toml";
    o.language = "en";
    return o;
}

struct DatasetClose {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetClose>;

Dataset open(const fs::path& file) {
    GDALAllRegister();
    return Dataset(static_cast<GDALDataset*>(GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

struct Style {
    std::string qml, sld, name, geometryColumn;
    int useAsDefault = 0;
};

std::map<std::string, std::vector<Style>> stylesOf(GDALDataset& ds) {
    std::map<std::string, std::vector<Style>> out;
    OGRLayer* layer = ds.GetLayerByName("layer_styles");
    REQUIRE(layer);
    for (auto& f : *layer)
        out[f->GetFieldAsString("f_table_name")].push_back({f->GetFieldAsString("styleQML"), f->GetFieldAsString("styleSLD"),
                                                            f->GetFieldAsString("styleName"),
                                                            f->GetFieldAsString("f_geometry_column"), f->GetFieldAsInteger("useAsDefault")});
    return out;
}

// The .qgs of the package's project: qgis_projects.content is the .qgz, hex-encoded (as QGIS stores it).
std::string projectQgs(GDALDataset& ds, const fs::path& scratch, std::string& name) {
    OGRLayer* rows = ds.ExecuteSQL("SELECT name, content FROM qgis_projects", nullptr, nullptr);
    REQUIRE(rows);
    std::string hex;
    int count = 0;
    for (auto& f : *rows) {
        name = f->GetFieldAsString(0);
        // GDAL hands a BLOB column over as binary: the bytes stored are the hex text itself.
        if (f->GetFieldDefnRef(1)->GetType() == OFTBinary) {
            int n = 0;
            const GByte* stored = f->GetFieldAsBinary(1, &n);
            hex.assign(reinterpret_cast<const char*>(stored), static_cast<std::size_t>(n));
        } else {
            hex = f->GetFieldAsString(1);
        }
        ++count;
    }
    ds.ReleaseResultSet(rows);
    REQUIRE(count == 1);
    REQUIRE(hex.size() % 2 == 0);
    std::string bytes;
    for (std::size_t i = 0; i < hex.size(); i += 2) bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    REQUIRE(bytes.substr(0, 2) == "PK");
    std::ofstream(scratch, std::ios::binary) << bytes;
    unzFile zip = unzOpen64(scratch.c_str());
    REQUIRE(zip);
    REQUIRE(unzGoToFirstFile(zip) == UNZ_OK);
    char entry[256];
    unz_file_info64 info;
    REQUIRE(unzGetCurrentFileInfo64(zip, &info, entry, sizeof entry, nullptr, 0, nullptr, 0) == UNZ_OK);
    CHECK(fs::path(entry).extension() == ".qgs");
    REQUIRE(unzOpenCurrentFile(zip) == UNZ_OK);
    std::string xml(info.uncompressed_size, '\0');
    CHECK(unzReadCurrentFile(zip, xml.data(), static_cast<unsigned>(xml.size())) == static_cast<int>(xml.size()));
    unzCloseCurrentFile(zip);
    CHECK(unzGoToNextFile(zip) == UNZ_END_OF_LIST_OF_FILE);
    unzClose(zip);
    return xml;
}

pugi::xml_node symbolOf(pugi::xml_node renderer, const std::string& value) {
    const pugi::xml_node category = renderer.child("categories").find_child_by_attribute("category", "value", value.c_str());
    return renderer.child("symbols").find_child_by_attribute("symbol", "name", category.attribute("symbol").value());
}

std::string prop(pugi::xml_node layer, const char* key) { return layer.find_child_by_attribute("prop", "k", key).attribute("v").value(); }

} // namespace

TEST_CASE("the QGIS package holds the briefing, the base map, a default style for each table and the project") {
    TempDir dir;
    const fs::path out = dir.path / "briefing.gpkg";
    REQUIRE(app::exportQgisPackage(shippedOptions(), out) == 0);
    CHECK(dir.files() == std::set<std::string>{"briefing.gpkg"});

    Dataset ds = open(out);
    REQUIRE(ds);
    for (const char* table : {"sites", "stops", "trips", "partnerships", "partnership_links", "basemap_land", "basemap_borders",
                              "basemap_taiwan_counties"})
        CHECK(ds->GetLayerByName(table) != nullptr);
    // The links as the map draws them: one curve a pair of parties (a trilateral MOU is a triangle).
    const geo::BriefingLoadResult loaded = geo::loadBriefingFile(kAssets / "briefing.toml");
    CHECK(ds->GetLayerByName("partnership_links")->GetFeatureCount() ==
          static_cast<GIntBig>(geo::partnershipLinks(loaded.briefing).size()));
    CHECK(ds->GetLayerByName("basemap_coast") == nullptr); // coast draws land.shp's table again

    const auto styles = stylesOf(*ds);
    for (const char* table : {"sites", "stops", "trips", "partnerships", "partnership_links", "basemap_land", "basemap_borders"}) {
        INFO(table);
        REQUIRE(styles.count(table) == 1);
        REQUIRE(styles.at(table).size() == 1);
        const Style& s = styles.at(table)[0];
        CHECK(s.useAsDefault == 1);
        CHECK(s.geometryColumn == ds->GetLayerByName(table)->GetGeometryColumn());
        pugi::xml_document qml, sld;
        CHECK(qml.load_string(s.qml.c_str()));
        CHECK(std::string(qml.first_child().name()) == "qgis");
        CHECK(sld.load_string(s.sld.c_str()));
        CHECK(std::string(sld.first_child().name()) == "StyledLayerDescriptor");
    }

    SECTION("sites are categorised by kind, in the palette's colours, with English names") {
        pugi::xml_document qml;
        REQUIRE(qml.load_string(styles.at("sites")[0].qml.c_str()));
        const pugi::xml_node renderer = qml.child("qgis").child("renderer-v2");
        CHECK(std::string(renderer.attribute("type").value()) == "categorizedSymbol");
        CHECK(std::string(renderer.attribute("attr").value()) == "kind");
        std::set<std::string> kinds;
        for (auto& f : *ds->GetLayerByName("sites")) kinds.insert(f->GetFieldAsString("kind"));
        std::set<std::string> categories;
        for (pugi::xml_node c : renderer.child("categories").children("category")) categories.insert(c.attribute("value").value());
        CHECK(categories == kinds);
        const pugi::xml_node city = symbolOf(renderer, "city");
        REQUIRE(city);
        // palette.toml: city = #C81E2D, inside the paper-white ring (the top symbol layer)
        const pugi::xml_node fill = city.last_child();
        CHECK(prop(fill, "color") == "200,30,45,255");
        CHECK(prop(fill, "outline_color") == "255,255,255,255");
        // the briefing's main places (the seven cities) larger, in an opaque ring
        CHECK(std::string(city.first_child().select_node(".//Option[@name='enabled']/Option[@name='expression']").node().attribute("value").value())
                  .find("\"id\" IN ('") == 0);
        CHECK(std::string(fill.select_node(".//Option[@name='size']/Option[@name='expression']").node().attribute("value").value()).find("CASE WHEN") == 0);
        CHECK(std::string(qml.child("qgis").attribute("labelsEnabled").value()) == "1");
        const std::string label = qml.child("qgis").child("labeling").child("settings").child("text-style").attribute("fieldName").value();
        CHECK(label.find("coalesce(nullif(\"name_en\"") == 0);
        pugi::xml_document sld;
        REQUIRE(sld.load_string(styles.at("sites")[0].sld.c_str()));
        CHECK(sld.select_nodes("//se:Rule/ogc:Filter").size() == kinds.size());
        // the second mark of the cities' rule: the fill inside the rim
        const char* cityFill = "(//se:Rule[ogc:Filter/ogc:PropertyIsEqualTo/ogc:Literal='city']//se:Mark)[2]/se:Fill/se:SvgParameter[@name='fill']";
        CHECK(sld.select_node(cityFill).node().text().as_string() == std::string("#c81e2d"));
    }

    SECTION("partnerships by kind, dashed like the map; trips by trip, flights dashed") {
        pugi::xml_document qml;
        REQUIRE(qml.load_string(styles.at("partnerships")[0].qml.c_str()));
        const pugi::xml_node renderer = qml.child("qgis").child("renderer-v2");
        CHECK(std::string(renderer.attribute("attr").value()) == "kind");
        std::set<std::string> kinds;
        for (auto& f : *ds->GetLayerByName("partnerships")) kinds.insert(f->GetFieldAsString("kind"));
        CHECK(std::distance(renderer.child("categories").children("category").begin(),
                            renderer.child("categories").children("category").end()) == static_cast<long>(kinds.size()));
        if (kinds.count("sister-cities")) {
            const pugi::xml_node line = symbolOf(renderer, "sister-cities").child("layer").next_sibling("layer");
            const geo::LinkLook look = geo::loadPalette(kAssets / "palette.toml").palette.link(geo::PartnershipKind::SisterCities);
            CHECK(prop(line, "line_color") == rgba(look.colour));
            CHECK(prop(line, "use_custom_dash") == (look.dash > 0.0f ? "1" : "0"));
        }
        if (kinds.count("university-mou")) {
            const pugi::xml_node line = symbolOf(renderer, "university-mou").child("layer").next_sibling("layer");
            CHECK(prop(line, "use_custom_dash") == "1");
            CHECK(prop(line, "customdash") == "11.2;6"); // 7 px at the map's 1.6, 6 px gaps
        }
        pugi::xml_document trips;
        REQUIRE(trips.load_string(styles.at("trips")[0].qml.c_str()));
        const pugi::xml_node tripRenderer = trips.child("qgis").child("renderer-v2");
        CHECK(std::string(tripRenderer.attribute("attr").value()) == "trip");
        const pugi::xml_node first = tripRenderer.child("categories").child("category");
        REQUIRE(first);
        // palette.toml's first trip colour; the dashed copy only where "mode" = 'flight'
        const pugi::xml_node symbol = symbolOf(tripRenderer, first.attribute("value").value());
        const pugi::xml_node dashed = symbol.find_child_by_attribute("layer", "class", "SimpleLine").next_sibling().next_sibling().next_sibling();
        CHECK(prop(dashed, "line_color") == rgba(geo::loadPalette(kAssets / "palette.toml").palette.tripColour(0)));
        CHECK(prop(dashed, "use_custom_dash") == "1");
        CHECK(dashed.select_node(".//Option[@name='enabled']/Option[@name='expression']").node().attribute("value").value() ==
              std::string("\"mode\" = 'flight'"));
    }

    SECTION("the project: layers in order over the base map, the title, the attribution, sources in the package") {
        std::string name;
        const std::string xml = projectQgs(*ds, dir.path / "scratch.qgz", name);
        CHECK(name == "briefing");
        pugi::xml_document qgs;
        REQUIRE(qgs.load_string(xml.c_str()));
        const pugi::xml_node root = qgs.child("qgis");
        CHECK(std::string(root.child("title").text().as_string()).find("Taiwan") != std::string::npos);
        std::vector<std::string> order;
        for (pugi::xml_node l : root.child("layer-tree-group").children("layer-tree-layer")) order.push_back(l.attribute("name").value());
        REQUIRE(order.size() >= 8);
        CHECK(std::vector<std::string>(order.begin(), order.begin() + 4) ==
              std::vector<std::string>{"stops", "sites", "trips", "partnerships"});
        CHECK(order.back() == "land");
        const pugi::xml_node links = root.child("projectlayers").find_child_by_attribute("maplayer", "geometry", "Line");
        CHECK(std::string(root.select_node("projectlayers/maplayer[layername='partnerships']/datasource").node().text().as_string()) ==
              "./briefing.gpkg|layername=partnership_links");
        CHECK(links);
        CHECK(std::find(order.begin(), order.end(), "coast") < std::find(order.begin(), order.end(), "land"));
        for (pugi::xml_node m : root.child("projectlayers").children("maplayer")) {
            INFO(m.child("id").text().as_string());
            CHECK(std::string(m.child("datasource").text().as_string()).rfind("./briefing.gpkg|layername=", 0) == 0);
            CHECK(std::string(m.child("provider").text().as_string()) == "ogr");
            CHECK(m.child("renderer-v2"));
        }
        const std::string copyright = root.child("properties").child("CopyrightLabel").child("Label").text().as_string();
        CHECK(copyright.find("© OpenStreetMap contributors (ODbL)") != std::string::npos);
        CHECK(copyright.find("OGDL-Taiwan 1.0") != std::string::npos);
        CHECK(copyright.find("Natural Earth") != std::string::npos);
        CHECK(std::string(root.child("projectCrs").child("spatialrefsys").child("proj4").text().as_string()).find("+proj=lcc") == 0);
        const pugi::xml_node extent = root.child("mapcanvas").child("extent");
        CHECK(extent.child("xmin").text().as_double() < extent.child("xmax").text().as_double());
        CHECK(std::string(root.child("properties").child("Paths").child("Absolute").text().as_string()) == "false");
    }
}

TEST_CASE("the QGIS package follows --palette and --lang") {
    TempDir dir;
    std::ofstream(dir.path / "palette.toml") << "[sites]\ncity = { fill = \"#123456\", radius = 10.0, rank = 3 }\n";
    app::ViewerOptions o = shippedOptions();
    o.paletteFile = dir.path / "palette.toml";
    o.language = "ja";
    REQUIRE(app::exportQgisPackage(o, dir.path / "ja.gpkg") == 0);
    Dataset ds = open(dir.path / "ja.gpkg");
    REQUIRE(ds);
    pugi::xml_document qml;
    REQUIRE(qml.load_string(stylesOf(*ds).at("sites")[0].qml.c_str()));
    const pugi::xml_node renderer = qml.child("qgis").child("renderer-v2");
    CHECK(prop(symbolOf(renderer, "city").last_child(), "color") == "18,52,86,255");
    const pugi::xml_node text = qml.child("qgis").child("labeling").child("settings").child("text-style");
    CHECK(std::string(text.attribute("fieldName").value()).find("coalesce(nullif(\"name_ja\", ''), nullif(\"name_zh\"") == 0);
    CHECK(std::string(text.attribute("fontFamily").value()) == "Noto Sans CJK JP");
}

TEST_CASE("the QGIS package refuses an input as output and names an unwritable folder, leaving nothing behind") {
    TempDir dir;
    fs::copy_file(kAssets / "briefing.toml", dir.path / "briefing.toml");
    const auto before = fs::last_write_time(dir.path / "briefing.toml");
    const auto size = fs::file_size(dir.path / "briefing.toml");
    auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(32);
    spdlog::default_logger()->sinks().push_back(sink);
    struct Unhook {
        std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink;
        ~Unhook() {
            auto& sinks = spdlog::default_logger()->sinks();
            sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
        }
    } unhook{sink};
    auto logged = [&] {
        std::string all;
        for (const std::string& line : sink->last_formatted()) all += line;
        return all;
    };

    app::ViewerOptions o = shippedOptions();
    o.briefingFile = dir.path / "briefing.toml";
    SECTION("the briefing as output") {
        // The name says .toml, so main.cpp would not call this; the package writer refuses it all the same.
        CHECK(app::exportQgisPackage(o, dir.path / "briefing.toml") == 1);
        CHECK(fs::file_size(dir.path / "briefing.toml") == size);
        CHECK(fs::last_write_time(dir.path / "briefing.toml") == before);
    }
    SECTION("a folder that cannot be made") {
        std::ofstream(dir.path / "plain-file") << "not a folder";
        const fs::path out = dir.path / "plain-file" / "out.gpkg";
        CHECK(app::exportQgisPackage(o, out) == 1);
        CHECK(logged().find((dir.path / "plain-file").string()) != std::string::npos);
    }
    SECTION("a briefing with errors") {
        std::ofstream(dir.path / "bad.toml") << "schema = 1\n[[site]]\nid = \"x\"\nkind = \"nonsense\"\nlon = 500\n";
        o.briefingFile = dir.path / "bad.toml";
        CHECK(app::exportQgisPackage(o, dir.path / "out.gpkg") == 1);
        CHECK(logged().find("bad.toml") != std::string::npos);
    }
    SECTION("a base-map layer that cannot go into a GeoPackage, found after the briefing's layers are written") {
        // A text field named "fid" clashes with the GeoPackage's own feature id.
        std::ofstream(dir.path / "clash.geojson")
            << R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"fid": "x"},)"
            << R"( "geometry": {"type": "Point", "coordinates": [121, 24]}}]})";
        std::ofstream(dir.path / "layers.toml") << "[[layer]]\nid = \"clash\"\nsource = \"clash.geojson\"\norder = 1\n";
        o.layerFile = dir.path / "layers.toml";
        CHECK(app::exportQgisPackage(o, dir.path / "out.gpkg") == 1);
        CHECK(logged().find("clash.geojson") != std::string::npos);
    }
    std::set<std::string> left = dir.files();
    for (const char* input : {"bad.toml", "plain-file", "clash.geojson", "layers.toml"}) left.erase(input);
    CHECK(left == std::set<std::string>{"briefing.toml"});
}
