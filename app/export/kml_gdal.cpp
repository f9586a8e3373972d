#include "export/kml_gdal.hpp"

#include <geo/base/gdal_errors.hpp>

#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <memory>

#include <unistd.h>

namespace app {

namespace {

struct DatasetClose {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
struct FeatureDestroy {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};



bool isLine(KmlLayer layer) { return layer == KmlLayer::Legs || layer == KmlLayer::Partnerships; }

void setTime(OGRFeature& feature, const char* field, const std::optional<KmlTime>& t) {
    if (!t || t->dateOnly) return; // a day alone: GDAL's date-time fields cannot say it; kml_document does
    // GDAL's time zone flag: 100 is UTC, each step of 1 a quarter of an hour.
    feature.SetField(field, t->year, t->month, t->day, t->hour, t->minute, static_cast<float>(t->second),
                     100 + 4 * t->utcOffsetHours);
}

OGRLayer* createLayer(GDALDataset& ds, KmlLayer kind, OGRSpatialReference& wgs84, std::string& error) {
    OGRLayer* layer = ds.CreateLayer(kmlLayerName(kind), &wgs84, isLine(kind) ? wkbLineString : wkbPoint, nullptr);
    if (!layer) {
        error = "cannot create layer '" + std::string(kmlLayerName(kind)) + "': " + geo::gdalMessage();
        return nullptr;
    }
    std::vector<std::pair<const char*, OGRFieldType>> fields{{"name", OFTString}, {"description", OFTString}};
    if (kind == KmlLayer::Stops) fields.push_back({"timestamp", OFTDateTime});
    if (kind == KmlLayer::Legs) {
        fields.push_back({"begin", OFTDateTime});
        fields.push_back({"end", OFTDateTime});
    }
    if (isLine(kind)) fields.push_back({"tessellate", OFTInteger});
    if (kind == KmlLayer::Captions) fields.push_back({"visibility", OFTInteger});
    for (const auto& [name, type] : fields) {
        OGRFieldDefn field(name, type);
        if (layer->CreateField(&field) != OGRERR_NONE) {
            error = "cannot create field '" + std::string(name) + "': " + geo::gdalMessage();
            return nullptr;
        }
    }
    return layer;
}

} // namespace

bool writeKmlWithGdal(const std::vector<KmlRecord>& records, const KmlStyles& styles, std::string& kml, std::string& error) {
    GDALAllRegister();
    const geo::QuietGdalErrors quiet;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("LIBKML");
    if (!driver) {
        error = "this GDAL has no LIBKML driver (Debian: libgdal with libkml)";
        return false;
    }
    static std::atomic<int> counter{0};
    const std::string memory = "/vsimem/ktmap-google-earth-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".kml";
    {
        std::unique_ptr<GDALDataset, DatasetClose> ds(driver->Create(memory.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) {
            error = "cannot start the KML: " + geo::gdalMessage();
            return false;
        }
        OGRStyleTable table;
        for (const KmlStyle& style : styles.all()) table.AddStyle(style.id.c_str(), style.ogrStyle.c_str());
        ds->SetStyleTable(&table);

        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER); // x = lon, y = lat
        std::vector<OGRLayer*> layers(kKmlLayerCount, nullptr);
        for (std::size_t i = 0; i < kKmlLayerCount; ++i)
            if (!(layers[i] = createLayer(*ds, static_cast<KmlLayer>(i), wgs84, error))) return false;

        for (const KmlRecord& r : records) {
            OGRLayer* layer = layers[static_cast<std::size_t>(r.layer)];
            std::unique_ptr<OGRFeature, FeatureDestroy> feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            feature->SetField("name", r.name.c_str());
            feature->SetField("description", r.description.c_str());
            if (r.layer == KmlLayer::Stops) setTime(*feature, "timestamp", r.timestamp);
            if (r.layer == KmlLayer::Legs) {
                setTime(*feature, "begin", r.begin);
                setTime(*feature, "end", r.end);
            }
            if (isLine(r.layer)) feature->SetField("tessellate", 1);
            if (r.layer == KmlLayer::Captions) feature->SetField("visibility", r.hidden ? 0 : 1);
            feature->SetStyleString(("@" + r.style).c_str());
            if (r.points.size() == 1) {
                OGRPoint point(r.points[0].x, r.points[0].y);
                feature->SetGeometry(&point);
            } else {
                OGRLineString line;
                for (const glm::dvec2& p : r.points) line.addPoint(p.x, p.y);
                feature->SetGeometry(&line);
            }
            if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
                error = "cannot write '" + r.name + "': " + geo::gdalMessage();
                return false;
            }
        }
    } // closing the dataset writes the file
    vsi_l_offset length = 0;
    GByte* bytes = VSIGetMemFileBuffer(memory.c_str(), &length, FALSE);
    if (!bytes || length == 0) {
        VSIUnlink(memory.c_str());
        error = "GDAL wrote no KML: " + geo::gdalMessage();
        return false;
    }
    kml.assign(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
    VSIUnlink(memory.c_str());
    return true;
}

} // namespace app
