#include <geo/basemap/layer_loader.hpp>
#include <geo/base/projection.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <ogr_core.h>

#include <algorithm>
#include <cmath>

namespace {

const geo::Projection& projection() {
    static geo::Projection p;
    return p;
}

geo::LayerSpec specFor(const std::filesystem::path& source, const std::string& ogrLayer = "") {
    geo::LayerSpec spec;
    spec.id = "test";
    spec.source = source;
    spec.ogrLayer = ogrLayer;
    return spec;
}

std::vector<std::string> messages(const geo::LayerLoadResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.push_back(d.format());
    return out;
}

std::string attribute(const geo::Feature& f, const std::string& name) {
    for (const auto& [k, v] : f.attributes)
        if (k == name) return v;
    return "<missing>";
}

const std::string kSquareWithHole = "POLYGON ((120 23,121 23,121 24,120 24,120 23),(120.25 23.25,120.25 23.75,120.75 23.75,120.75 23.25,120.25 23.25))";

} // namespace

TEST_CASE("a shapefile polygon with a hole and a multipolygon load with their rings in place", "[loader]") {
    const auto dir = test::freshDir("loader-rings");
    const auto shp = test::writeVector(dir, "land.shp", "ESRI Shapefile", wkbMultiPolygon, 4326,
                                       {{"MULTIPOLYGON (((120 23,121 23,121 24,120 24,120 23),(120.25 23.25,120.25 23.75,120.75 23.75,120.75 23.25,120.25 23.25)),((122 23,123 23,123 24,122 24,122 23)))",
                                         {{"name", "two islands"}}}});
    const auto before = test::listDir(dir);
    const auto r = geo::loadLayer(specFor(shp), projection());
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.layer.polygons.size() == 2);
    // Shapefile rings come back as separate parts (OGR_ORGANIZE_POLYGONS=SKIP); the
    // loader puts the hole back into the polygon that contains it.
    const auto& first = r.layer.polygons[0].rings.size() == 2 ? r.layer.polygons[0] : r.layer.polygons[1];
    CHECK(first.rings.size() == 2);
    CHECK(r.layer.features.size() == 1);
    CHECK(attribute(r.layer.features[0], "name") == "two islands");
    // Area in projected metres: one 1°x1° square near 23.5°N minus a quarter-size hole,
    // plus a full square: about (0.75 + 1) * 102 km * 111 km. Tolerance 3 % covers the
    // projection's scale factor and the change of longitude-degree length within the square.
    double area = 0;
    for (const auto& p : r.layer.polygons) area += geo::polygonArea(p);
    CHECK(area == Approx(1.75 * 102.1e3 * 110.8e3).epsilon(0.03));
    CHECK(test::listDir(dir) == before); // nothing written beside the input
}

TEST_CASE("GeoJSON and GeoPackage layers load, reprojected from their own CRS", "[loader]") {
    const auto dir = test::freshDir("loader-formats");
    const auto json = test::writeVector(dir, "a.geojson", "GeoJSON", wkbPolygon, 4326, {{kSquareWithHole, {{"name", "sq"}}}});
    // The same square in Web Mercator (EPSG:3857) in a GeoPackage must land in the same place.
    const auto gpkg = test::writeVector(dir, "b.gpkg", "GPKG", wkbLineString, 3857,
                                        {{"LINESTRING (13358338.895 2632018.638,13469658.385 2632018.638)", {}}});
    const auto a = geo::loadLayer(specFor(json), projection());
    const auto b = geo::loadLayer(specFor(gpkg), projection());
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    REQUIRE(a.layer.polygons.size() == 1);
    CHECK(a.layer.polygons[0].rings.size() == 2);
    REQUIRE(b.layer.lines.size() == 1);
    // 13358338.895 m in Web Mercator is 120°E; 2632018.638 m is 23°N (EPSG:3857 formulas): tolerance 1 m.
    const glm::dvec2 expected = projection().forward({120.0, 23.0});
    CHECK(b.layer.lines[0][0].x == Approx(expected.x).margin(1.0));
    CHECK(b.layer.lines[0][0].y == Approx(expected.y).margin(1.0));
}

TEST_CASE("a missing file, a missing .shx, and an empty file are reported by name", "[loader][bad-input]") {
    const auto dir = test::freshDir("loader-missing");
    auto r = geo::loadLayer(specFor(dir / "nowhere.shp"), projection());
    CHECK_FALSE(r.ok);
    CHECK(messages(r) == std::vector<std::string>{(dir / "nowhere.shp").string() +
                                                  ": error: file not found (check the path; the map opens without this layer)"});

    const auto shp = test::writeVector(dir, "a.shp", "ESRI Shapefile", wkbPolygon, 4326, {{kSquareWithHole, {}}});
    std::filesystem::remove(dir / "a.shx");
    const auto before = test::listDir(dir);
    r = geo::loadLayer(specFor(shp), projection());
    CHECK_FALSE(r.ok);
    CHECK(messages(r) == std::vector<std::string>{
                             shp.string() + ": error: the shapefile has no .shx index file beside it (copy the .shx that belongs "
                                            "with it (a shapefile is .shp + .shx + .dbf + .prj); the map opens without this layer)"});
    CHECK(test::listDir(dir) == before); // GDAL's SHAPE_RESTORE_SHX would have written a .shx here

    test::writeFile(dir / "empty.geojson", "");
    r = geo::loadLayer(specFor(dir / "empty.geojson"), projection());
    CHECK(messages(r) == std::vector<std::string>{(dir / "empty.geojson").string() +
                                                  ": error: the file is empty (0 bytes) (it may have been cut off while copying; copy it again)"});
}

TEST_CASE("a missing .dbf or .prj is a warning and the geometry still loads", "[loader][bad-input]") {
    const auto dir = test::freshDir("loader-sidecars");
    const auto shp = test::writeVector(dir, "a.shp", "ESRI Shapefile", wkbPolygon, 4326, {{kSquareWithHole, {{"name", "x"}}}});
    std::filesystem::remove(dir / "a.dbf");
    std::filesystem::remove(dir / "a.prj");
    std::filesystem::remove(dir / "a.cpg");
    const auto r = geo::loadLayer(specFor(shp), projection());
    CHECK(r.ok);
    CHECK(r.layer.polygons.size() == 1);
    CHECK(messages(r) ==
          std::vector<std::string>{
              shp.string() + ": warning: the shapefile has no .dbf attribute file beside it; features have no names or "
                             "attributes (copy the .dbf that belongs with it)",
              shp.string() + ": warning: has no coordinate reference system (no .prj); its coordinates look like "
                             "longitude/latitude, so they are read as WGS84 (add the .prj that belongs with it to be sure)"});
}

TEST_CASE("projected coordinates without a .prj cannot be placed", "[loader][bad-input]") {
    const auto dir = test::freshDir("loader-noprj");
    const auto shp = test::writeVector(dir, "m.shp", "ESRI Shapefile", wkbLineString, 3857,
                                       {{"LINESTRING (13358338 2632018,13469658 2632018)", {}}});
    std::filesystem::remove(dir / "m.prj");
    const auto r = geo::loadLayer(specFor(shp), projection());
    CHECK_FALSE(r.ok);
    CHECK(messages(r) == std::vector<std::string>{
                             shp.string() + ": error: has no coordinate reference system (no .prj) and its coordinates are not "
                                            "longitude/latitude, so they cannot be placed on the map (copy the .prj that belongs with it)"});
}

TEST_CASE("an unknown layer name lists the layers the file has", "[loader][bad-input]") {
    const auto dir = test::freshDir("loader-layername");
    const auto gpkg = test::writeVector(dir, "places.gpkg", "GPKG", wkbPoint, 4326, {{"POINT (120 23)", {}}});
    const auto r = geo::loadLayer(specFor(gpkg, "place"), projection());
    CHECK_FALSE(r.ok);
    CHECK(messages(r) == std::vector<std::string>{gpkg.string() + ": error: has no layer named 'place' (it has: places) "
                                                                  "(did you mean 'places'?)"});
}

TEST_CASE("a layer with no features is a warning", "[loader][bad-input]") {
    const auto dir = test::freshDir("loader-empty");
    const auto shp = test::writeVector(dir, "none.shp", "ESRI Shapefile", wkbPolygon, 4326, {});
    const auto r = geo::loadLayer(specFor(shp), projection());
    CHECK_FALSE(r.ok);
    CHECK(messages(r) == std::vector<std::string>{shp.string() + ": warning: the layer has no features (nothing to draw from it)"});
}

TEST_CASE("non-finite and out-of-range coordinates skip only their features", "[loader][bad-input]") {
    const auto dir = test::freshDir("loader-nan");
    // GeoJSON cannot hold NaN, so write it by hand: a JSON reader given NaN and 1e999 (infinity).
    test::writeFile(dir / "bad.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"n":"good"},"geometry":{"type":"Point","coordinates":[120.5,23.5]}},
{"type":"Feature","properties":{"n":"nan"},"geometry":{"type":"Point","coordinates":[NaN,23.5]}},
{"type":"Feature","properties":{"n":"inf"},"geometry":{"type":"LineString","coordinates":[[120,23],[1e999,24]]}},
{"type":"Feature","properties":{"n":"range"},"geometry":{"type":"Point","coordinates":[420.0,95.0]}}]})");
    const auto r = geo::loadLayer(specFor(dir / "bad.geojson"), projection());
    CHECK(r.ok);
    REQUIRE(r.layer.features.size() == 1);
    CHECK(attribute(r.layer.features[0], "n") == "good");
    // GDAL reads a NaN point as an empty point; infinity and out-of-range values reach us.
    CHECK(messages(r) == std::vector<std::string>{
                             (dir / "bad.geojson").string() + ": warning: 2 feature(s) have coordinates that are not numbers or "
                                                              "are out of range (first: feature 2); they are skipped (fix or remove those features)",
                             (dir / "bad.geojson").string() + ": warning: 1 feature(s) have no geometry, or one GDAL could not "
                                                              "read (such as NaN coordinates) (first: feature 1); nothing is drawn for them"});
}

TEST_CASE("records of another geometry type than declared are drawn as what they are, with a warning", "[loader][bad-input]") {
    const auto dir = test::freshDir("loader-mixed");
    // A GeoPackage declares its geometry type; GDAL lets a line into a polygon layer.
    const auto gpkg = test::writeVector(dir, "mixed.gpkg", "GPKG", wkbPolygon, 4326,
                                        {{kSquareWithHole, {}}, {"LINESTRING (120 23,121 24)", {}}});
    const auto r = geo::loadLayer(specFor(gpkg), projection());
    CHECK(r.ok);
    CHECK(r.layer.polygons.size() == 1);
    CHECK(r.layer.lines.size() == 1);
    CHECK(messages(r) == std::vector<std::string>{gpkg.string() + ": warning: declares Polygon geometry but 1 feature(s) are "
                                                                  "Line String (first: feature 2); they are drawn as what they are"});
}

TEST_CASE("a truncated shapefile keeps the records before the cut", "[loader][bad-input]") {
    const auto dir = test::freshDir("loader-truncated");
    std::vector<test::Row> rows;
    for (int i = 0; i < 20; ++i) {
        const double x = 120 + i * 0.1;
        rows.push_back({"POLYGON ((" + std::to_string(x) + " 23," + std::to_string(x + 0.05) + " 23," + std::to_string(x + 0.05) +
                            " 23.05," + std::to_string(x) + " 23))",
                        {}});
    }
    const auto shp = test::writeVector(dir, "cut.shp", "ESRI Shapefile", wkbPolygon, 4326, rows);
    std::string bytes = test::readFile(shp);
    test::writeFile(shp, bytes.substr(0, bytes.size() / 2)); // cut mid-file, as an interrupted copy would
    const auto r = geo::loadLayer(specFor(shp), projection());
    CHECK(r.ok);
    CHECK(r.layer.features.size() > 0);
    CHECK(r.layer.features.size() < 20);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics.front().format().find("could not be read; the file looks truncated or corrupt") != std::string::npos);
}

TEST_CASE("a corrupt file that is not vector data is refused", "[loader][bad-input]") {
    const auto dir = test::freshDir("loader-corrupt");
    test::writeFile(dir / "junk.shp", std::string(200, '\x7f'));
    test::writeFile(dir / "junk.shx", std::string(100, '\x7f'));
    const auto r = geo::loadLayer(specFor(dir / "junk.shp"), projection());
    CHECK_FALSE(r.ok);
    CHECK(messages(r) == std::vector<std::string>{(dir / "junk.shp").string() +
                                                  ": error: GDAL cannot read this file as vector data (check that it is a "
                                                  "complete shapefile, GeoPackage, GeoJSON or KML file)"});
}

TEST_CASE("attribute text in Big5, Shift_JIS and UTF-8 reads as UTF-8, with or without a .cpg", "[loader][encoding]") {
    const auto dir = test::freshDir("loader-encoding");
    struct Case { const char* encoding; const char* file; const char* text; };
    const Case cases[] = {{"CP950", "big5.shp", "臺中市政府經濟發展局"},
                          {"CP932", "sjis.shp", "くまもとサイエンスパーク熊本県"},
                          {"UTF-8", "utf8.shp", "福岡市・熊本市"}};
    for (const auto& c : cases) {
        for (bool withCpg : {true, false}) {
            INFO(c.file << (withCpg ? " with .cpg" : " without .cpg"));
            const auto sub = test::freshDir(std::string("enc-") + (withCpg ? "cpg" : "nocpg"));
            const auto shp = test::writeVector(sub, c.file, "ESRI Shapefile", wkbPoint, 4326,
                                               {{"POINT (120 23)", {{"name", c.text}}}, {"POINT (121 24)", {{"name", c.text}}}}, c.encoding);
            if (!withCpg) std::filesystem::remove(sub / (std::filesystem::path(c.file).stem().string() + ".cpg"));
            const auto r = geo::loadLayer(specFor(shp), projection());
            REQUIRE(r.ok);
            CHECK(attribute(r.layer.features[0], "name") == c.text);
        }
    }
}

TEST_CASE("text whose encoding cannot be known is not shown as mojibake", "[loader][encoding]") {
    const auto dir = test::freshDir("loader-unknown-encoding");
    // Latin-1 bytes that are neither UTF-8 nor plausible Big5 / Shift_JIS.
    const auto shp = test::writeVector(dir, "x.shp", "ESRI Shapefile", wkbPoint, 4326, {{"POINT (120 23)", {{"name", "placeholder"}}}}, "ISO-8859-1");
    std::filesystem::remove(dir / "x.cpg");
    std::string dbf = test::readFile(dir / "x.dbf");
    const auto at = dbf.find("placeholder");
    REQUIRE(at != std::string::npos);
    dbf.replace(at, 11, "\xff\xfe\x80\xff\xfe\x80\xff\xfe\x80\xff\xfe");
    test::writeFile(dir / "x.dbf", dbf);
    const auto r = geo::loadLayer(specFor(shp), projection());
    REQUIRE(r.ok);
    CHECK(attribute(r.layer.features[0], "name") == "(text in an unknown encoding)");
    CHECK(messages(r) == std::vector<std::string>{
                             shp.string() + ": warning: the attribute text encoding cannot be determined: the text is neither "
                                            "UTF-8 nor clearly Big5 or Shift_JIS; non-ASCII text is not shown (add a .cpg file "
                                            "beside the .shp naming the encoding, e.g. UTF-8, BIG5 or SHIFT_JIS)"});
}

TEST_CASE("a degenerate polygon loads without hanging", "[loader][bad-input]") {
    const auto dir = test::freshDir("loader-degenerate");
    const auto json = test::writeVector(dir, "d.geojson", "GeoJSON", wkbPolygon, 4326,
                                        {{"POLYGON ((120 23,120 23,120 23,120 23))", {}},
                                         {"POLYGON ((120 23,121 23,122 23,120 23))", {}},
                                         {"POLYGON ((120 23,121 24,121 23,120 24,120 23))", {}}});
    const auto r = geo::loadLayer(specFor(json), projection());
    CHECK(r.layer.features.size() <= 3);
}

TEST_CASE("a layer's frame is the largest projected box inside its lon/lat extent", "[loader]") {
    const auto dir = test::freshDir("loader-frame");
    // A lon/lat rectangle far from the projection's central meridian: its edges are
    // slanted in the map, so its bounding box holds corners with no data.
    const auto json = test::writeVector(dir, "rect.geojson", "GeoJSON", wkbPolygon, 4326,
                                        {{"POLYGON ((108 17,147 17,147 46,108 46,108 17))", {}}});
    const auto r = geo::loadLayer(specFor(json), projection());
    REQUIRE(r.ok);
    const geo::Box& frame = r.layer.frame;
    REQUIRE_FALSE(frame.empty());
    CHECK(frame.size().x < r.layer.bounds.size().x);
    // All four corners of the frame are inside the data (1 m tolerance: the edges are
    // sampled at 64 points, and each is a straight line in lon/lat).
    const geo::Polygon& poly = r.layer.polygons.at(0);
    for (glm::dvec2 corner : {frame.min, frame.max, glm::dvec2{frame.min.x, frame.max.y}, glm::dvec2{frame.max.x, frame.min.y}}) {
        const glm::dvec2 inward = corner + (r.layer.bounds.center() - corner) * 1e-6;
        CHECK(geo::pointInPolygon(inward, poly));
    }
}

TEST_CASE("a layer over the vertex cap is refused whole, naming the file and the layer", "[loader][bad-input][limits]") {
    const auto dir = test::freshDir("loader-vertex-cap");
    // Three lines of 4 points each: 12 points in all.
    const auto json = test::writeVector(dir, "roads.geojson", "GeoJSON", wkbLineString, 4326,
                                        {{"LINESTRING (120 23,120.1 23,120.2 23,120.3 23)", {}},
                                         {"LINESTRING (120 23.1,120.1 23.1,120.2 23.1,120.3 23.1)", {}},
                                         {"LINESTRING (120 23.2,120.1 23.2,120.2 23.2,120.3 23.2)", {}}});
    geo::LayerSpec spec = specFor(json);
    spec.id = "roads";
    geo::LoadLimits limits;
    limits.maxVertices = 12; // exactly what the file holds: loads
    auto r = geo::loadLayer(spec, projection(), limits);
    REQUIRE(r.ok);
    CHECK(r.layer.vertexCount() == 12);
    CHECK(r.diagnostics.empty());

    limits.maxVertices = 11; // one short: refused, nothing kept (a cut-off layer would look complete)
    r = geo::loadLayer(spec, projection(), limits);
    CHECK_FALSE(r.ok);
    CHECK(r.layer.features.empty());
    CHECK(r.layer.vertexCount() == 0);
    CHECK(messages(r) == std::vector<std::string>{
                             json.string() + ": error: layer 'roads' has more than 11 points (vertices), the most a layer may "
                                             "have; the layer is left out (simplify it or split it into smaller layers (e.g. "
                                             "ogr2ogr -simplify, or -spat for a region))"});
}

TEST_CASE("a layer over the feature cap is refused whole", "[loader][bad-input][limits]") {
    const auto dir = test::freshDir("loader-feature-cap");
    const auto json = test::writeVector(dir, "pts.geojson", "GeoJSON", wkbPoint, 4326,
                                        {{"POINT (120 23)", {}}, {"POINT (120.5 23)", {}}, {"POINT (121 23)", {}}});
    geo::LayerSpec spec = specFor(json);
    spec.id = "stops";
    geo::LoadLimits limits;
    limits.maxFeatures = 3;
    CHECK(geo::loadLayer(spec, projection(), limits).ok);
    limits.maxFeatures = 2;
    const auto r = geo::loadLayer(spec, projection(), limits);
    CHECK_FALSE(r.ok);
    CHECK(messages(r) == std::vector<std::string>{
                             json.string() + ": error: layer 'stops' has more than 2 features, the most a layer may have; the "
                                             "layer is left out (simplify it or split it into smaller layers (e.g. ogr2ogr "
                                             "-simplify, or -spat for a region))"});
}

TEST_CASE("geometry collections nested too deep are skipped with a warning, the rest loads", "[loader][bad-input][limits]") {
    const auto dir = test::freshDir("loader-nesting");
    // A point at the top level, and one inside three collections.
    test::writeFile(dir / "nested.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[120.5,23.5]}},
{"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
  {"type":"GeometryCollection","geometries":[
    {"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[121,24]}]}]}]}}]})");
    geo::LayerSpec spec = specFor(dir / "nested.geojson");
    geo::LoadLimits limits;
    auto r = geo::loadLayer(spec, projection(), limits); // default nesting limit: both points
    REQUIRE(r.ok);
    CHECK(r.layer.points.size() == 2);
    CHECK(r.diagnostics.empty());

    limits.maxNesting = 2;
    r = geo::loadLayer(spec, projection(), limits);
    REQUIRE(r.ok);
    CHECK(r.layer.points.size() == 1);
    CHECK(messages(r) == std::vector<std::string>{
                             (dir / "nested.geojson").string() +
                             ": warning: 1 geometry collection(s) are nested more than 2 levels deep; what is inside them is "
                             "not drawn (flatten the collections (e.g. ogr2ogr -explodecollections))"});
}
