#include <geo/basemap/base_map.hpp>
#include <geo/base/projection.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <ogr_core.h>

TEST_CASE("a file added with --layer brings every layer it holds", "[base-map]") {
    const auto dir = test::freshDir("basemap-multi");
    // Two tables in one GeoPackage: write the second into the first's file.
    const auto gpkg = test::writeVector(dir, "two.gpkg", "GPKG", wkbPoint, 4326, {{"POINT (130.7 32.8)", {{"name", "熊本"}}}});
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRSpatialReference srs;
        srs.importFromEPSG(4326);
        OGRLayer* lines = ds->CreateLayer("routes", &srs, wkbLineString, nullptr);
        OGRFeature* f = OGRFeature::CreateFeature(lines->GetLayerDefn());
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt("LINESTRING (130.4 33.6,130.7 32.8)", &srs, &g);
        f->SetGeometryDirectly(g);
        REQUIRE(lines->CreateFeature(f) == OGRERR_NONE);
        OGRFeature::DestroyFeature(f);
    }
    geo::Projection projection;
    const geo::BaseMap map = geo::loadBaseMap("", {gpkg}, projection);
    CHECK(map.diagnostics.empty());
    REQUIRE(map.layers.size() == 2);
    CHECK(map.layers[0].spec.id == "two:two");
    CHECK(map.layers[1].spec.id == "two:routes");
    CHECK(map.layers[0].data->points.size() == 1);
    CHECK(map.layers[1].data->lines.size() == 1);
    // Each added layer gets its own colour.
    CHECK_FALSE(map.layers[0].spec.style.stroke == map.layers[1].spec.style.stroke);
}
