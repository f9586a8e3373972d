#include "export/qgis_package.hpp"

#include "export/qgis_links.hpp"
#include "export/qgis_project.hpp"
#include "export/qgis_styles.hpp"

#include <geo/base/gdal_errors.hpp>
#include <geo/base/output_file.hpp>
#include <geo/base/projection.hpp>
#include <geo/basemap/layer_config.hpp>
#include <geo/briefing/briefing.hpp>
#include <geo/briefing/briefing_export.hpp>
#include <geo/view/palette.hpp>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>

namespace app {

namespace {

using qgis::Crs;
using qgis::Geometry;
using qgis::LayerLook;

struct DatasetClose {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetClose>;
struct FeatureFree {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};



geo::Language languageOf(const std::string& code) {
    return code == "zh" ? geo::Language::Zh : code == "ja" ? geo::Language::Ja : geo::Language::En;
}

Crs crsOf(const OGRSpatialReference* srs) {
    Crs crs;
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    if (!srs) srs = &wgs84;
    char* text = nullptr;
    if (srs->exportToWkt(&text) == OGRERR_NONE && text) crs.wkt = text;
    CPLFree(text);
    text = nullptr;
    if (srs->exportToProj4(&text) == OGRERR_NONE && text) crs.proj4 = text;
    CPLFree(text);
    OGRSpatialReference copy(*srs);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE || copy.GetAuthorityCode(nullptr)) {
        const char* name = copy.GetAuthorityName(nullptr);
        const char* code = copy.GetAuthorityCode(nullptr);
        if (name && code) crs.authid = std::string(name) + ":" + code;
    }
    if (const char* name = srs->GetName()) crs.description = name;
    crs.geographic = srs->IsGeographic();
    crs.acronym = crs.geographic ? "longlat" : "";
    return crs;
}

Geometry geometryOf(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint: return Geometry::Point;
    case wkbLineString:
    case wkbMultiLineString: return Geometry::Line;
    default: return Geometry::Polygon;
    }
}

// A base-map layer copied into the package.
struct BaseLayer {
    geo::LayerSpec spec;
    std::string table;
    Geometry geometry = Geometry::Polygon;
    Crs crs;
};

std::string tableName(const std::string& id) {
    std::string out = "basemap_";
    for (char c : id) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return out;
}

// Copies `layer` into `ds` as `table`. A shapefile mixes polygons and multipolygons (lines and
// multilines) under one type, which a GeoPackage table may not: they are all made multi.
bool copyLayer(GDALDataset& ds, OGRLayer& layer, const std::string& table) {
    const OGRwkbGeometryType type = OGR_GT_GetCollection(wkbFlatten(layer.GetGeomType())) != wkbUnknown
                                        ? OGR_GT_GetCollection(wkbFlatten(layer.GetGeomType()))
                                        : layer.GetGeomType();
    OGRLayer* copy = ds.CreateLayer(table.c_str(), layer.GetSpatialRef(), type, nullptr);
    if (!copy) return false;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (copy->CreateField(defn->GetFieldDefn(i)) != OGRERR_NONE) return false;
    if (copy->StartTransaction() != OGRERR_NONE) return false;
    layer.ResetReading();
    for (auto& feature : layer) {
        std::unique_ptr<OGRFeature, FeatureFree> f(OGRFeature::CreateFeature(copy->GetLayerDefn()));
        f->SetFrom(feature.get(), TRUE);
        if (OGRGeometry* g = feature->StealGeometry()) f->SetGeometryDirectly(OGRGeometryFactory::forceTo(g, type));
        if (copy->CreateFeature(f.get()) != OGRERR_NONE) return false;
    }
    return copy->CommitTransaction() == OGRERR_NONE;
}

// Copies the layer file's layers into `ds`, each source once (land and coast share land.shp).
// A source that cannot be read is left out with a warning, as the map leaves it out.
std::vector<BaseLayer> copyBaseMap(GDALDataset& ds, const geo::LayerConfig& config, std::string& error) {
    std::vector<BaseLayer> out;
    std::map<std::string, std::pair<std::string, Geometry>> copied; // source|layer -> table, geometry
    std::map<std::string, Crs> crsOfTable;
    for (const geo::LayerSpec& spec : config.layers) {
        if (spec.userAdded) continue;
        const std::string key = spec.source.string() + "|" + spec.ogrLayer;
        auto it = copied.find(key);
        if (it == copied.end()) {
            Dataset src(static_cast<GDALDataset*>(
                GDALOpenEx(spec.source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
            OGRLayer* layer = !src ? nullptr : spec.ogrLayer.empty() ? src->GetLayer(0) : src->GetLayerByName(spec.ogrLayer.c_str());
            if (!layer) {
                spdlog::warn("{}: the base-map layer '{}' is left out of the package: cannot read {} ({})", spec.origin, spec.id,
                             spec.source.string(), geo::gdalMessage());
                continue;
            }
            const std::string table = tableName(spec.id);
            if (!copyLayer(ds, *layer, table)) {
                error = "cannot copy the base-map layer " + spec.source.string() + " into the package: " + geo::gdalMessage();
                return {};
            }
            it = copied.emplace(key, std::make_pair(table, geometryOf(layer->GetGeomType()))).first;
            crsOfTable[table] = crsOf(layer->GetSpatialRef());
        }
        out.push_back({spec, it->second.first, it->second.second, crsOfTable[it->second.first]});
    }
    return out;
}

// The `layer_styles` table as QGIS makes it in a GeoPackage (QgsOgrProviderMetadata::saveStyle):
// one default style a table, which QGIS applies whenever the table is added to a map.
bool writeStyles(GDALDataset& ds, const std::vector<LayerLook>& defaults, std::string& error) {
    char** options = CSLSetNameValue(nullptr, "FID", "id");
    OGRLayer* styles = ds.CreateLayer("layer_styles", nullptr, wkbNone, options);
    CSLDestroy(options);
    if (!styles) {
        error = "cannot make the layer_styles table: " + geo::gdalMessage();
        return false;
    }
    struct F {
        const char* name;
        OGRFieldType type;
        int width;
    };
    const F fields[] = {{"f_table_catalog", OFTString, 256}, {"f_table_schema", OFTString, 256}, {"f_table_name", OFTString, 256},
                        {"f_geometry_column", OFTString, 256}, {"styleName", OFTString, 30}, {"styleQML", OFTString, 0},
                        {"styleSLD", OFTString, 0}, {"useAsDefault", OFTInteger, 0}, {"description", OFTString, 0},
                        {"owner", OFTString, 30}, {"ui", OFTString, 30}, {"update_time", OFTDateTime, 0}};
    for (const F& f : fields) {
        OGRFieldDefn defn(f.name, f.type);
        defn.SetWidth(f.width);
        if (std::string(f.name) == "useAsDefault") defn.SetSubType(OFSTBoolean);
        if (std::string(f.name) == "update_time") defn.SetDefault("CURRENT_TIMESTAMP");
        if (styles->CreateField(&defn) != OGRERR_NONE) {
            error = "cannot make the layer_styles table: " + geo::gdalMessage();
            return false;
        }
    }
    for (const LayerLook& look : defaults) {
        OGRLayer* table = ds.GetLayerByName(look.table.c_str());
        std::unique_ptr<OGRFeature, FeatureFree> f(OGRFeature::CreateFeature(styles->GetLayerDefn()));
        f->SetField("f_table_catalog", "");
        f->SetField("f_table_schema", "");
        f->SetField("f_table_name", look.table.c_str());
        f->SetField("f_geometry_column", table ? table->GetGeometryColumn() : "geom");
        f->SetField("styleName", look.name.substr(0, 30).c_str());
        f->SetField("styleQML", qgis::qmlText(look).c_str());
        f->SetField("styleSLD", qgis::sldText(look).c_str());
        f->SetField("useAsDefault", 1);
        f->SetField("description", "ktmap: as the map draws it");
        f->SetField("owner", "");
        if (styles->CreateFeature(f.get()) != OGRERR_NONE) {
            error = "cannot write the style of " + look.table + ": " + geo::gdalMessage();
            return false;
        }
    }
    return true;
}

std::string sqlText(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// The project in QGIS's GeoPackage project storage (QgsGeoPackageProjectStorage): the .qgz's
// bytes, hex-encoded, in qgis_projects.content.
bool writeProject(GDALDataset& ds, const std::string& name, const std::string& qgz, std::string& error) {
    static const char hex[] = "0123456789abcdef";
    std::string content;
    content.reserve(qgz.size() * 2);
    for (unsigned char c : qgz) {
        content += hex[c >> 4];
        content += hex[c & 15];
    }
    char when[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", std::gmtime(&now));
    const std::string metadata = std::string("{\"last_modified_time\": \"") + when + "\", \"last_modified_user\": \"ktmap\" }";
    CPLErrorReset();
    ds.ExecuteSQL("CREATE TABLE qgis_projects(name TEXT PRIMARY KEY, metadata BLOB, content BLOB)", nullptr, nullptr);
    if (CPLGetLastErrorType() < CE_Failure)
        ds.ExecuteSQL(("INSERT INTO qgis_projects VALUES (" + sqlText(name) + ", " + sqlText(metadata) + ", '" + content + "')").c_str(),
                      nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure) {
        error = "cannot store the QGIS project: " + geo::gdalMessage();
        return false;
    }
    return true;
}

std::string attributionOf(const geo::LayerConfig& config) {
    std::string out;
    std::vector<std::string> seen;
    for (const geo::LayerSpec& spec : config.layers) {
        if (spec.attribution.empty() || std::find(seen.begin(), seen.end(), spec.attribution) != seen.end()) continue;
        seen.push_back(spec.attribution);
        out += (out.empty() ? "" : " · ") + spec.attribution;
    }
    return out;
}

qgis::Project projectOf(const geo::Briefing& b, const geo::LayerConfig& config, const std::vector<BaseLayer>& base,
                        const std::vector<LayerLook>& content, const std::string& packageName, geo::Language language) {
    qgis::Project p;
    const std::string& title = geo::pickText(b.title, b.titleEn, language);
    p.title = title.empty() ? b.path.stem().string() : title;
    p.abstract = b.title + (b.titleEn.empty() || b.titleEn == b.title ? "" : " / " + b.titleEn) + "\n\nExported by ktmap from " +
                 b.path.filename().string() + ". Layers: the briefing's partnerships, trips, stops and sites over the base map.";
    p.attribution = attributionOf(config);
    geo::Projection projection;
    p.crs = crsOf(&projection.spatialReference());
    p.crs.proj4 = geo::Projection::kRegionalDefinition;
    p.crs.acronym = "lcc";
    p.crs.description = "ktmap: Lambert conformal conic (Taiwan–Kyushu)";
    // What Home frames on the map: Taiwan with Kinmen and Matsu, and Kyushu.
    const geo::LonLatBox home = config.home.value_or(geo::LonLatBox{{118.2, 21.8}, {132.2, 34.2}});
    const geo::Box box = projection.forward(home);
    p.xmin = box.min.x, p.ymin = box.min.y, p.xmax = box.max.x, p.ymax = box.max.y;
    p.background = config.background;
    const std::string prefix = "./" + packageName + "|layername=";
    for (const BaseLayer& l : base)
        p.layers.push_back({qgis::baseLook(l.spec, l.table, l.geometry), "basemap_" + l.spec.id, prefix + l.table, l.crs, true});
    const Crs wgs84 = crsOf(nullptr);
    for (LayerLook look : content) {
        // The map's curved links rather than the great circles of the partnerships table.
        if (look.table == "partnerships") look.table = qgis::kLinksTable;
        // As the map opens: the partnerships and the sites; a trip (its legs and numbered stops) when asked for.
        const bool shown = look.table == "sites" || look.table == qgis::kLinksTable;
        p.layers.push_back({look, "briefing_" + look.table, prefix + look.table, wgs84, shown});
    }
    return p;
}

} // namespace

int exportQgisPackage(const ViewerOptions& options, const std::filesystem::path& out) {
    // Messages name the user's file; the work happens in the OutputFile's temporary one.
    auto fail = [&](const std::string& why) {
        spdlog::error("--export: {}: {}", out.string(), why);
        return 1;
    };
    if (options.briefingFile.empty()) return fail("no briefing file to export");
    const geo::BriefingLoadResult loaded = geo::loadBriefingFile(options.briefingFile);
    for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (geo::hasErrors(loaded.diagnostics))
        return fail(options.briefingFile.string() + " has errors (fix them, or check with --check)");
    const geo::Briefing& briefing = loaded.briefing;

    geo::Palette palette = geo::shippedPalette();
    if (!options.paletteFile.empty()) {
        geo::PaletteLoad load = geo::loadPalette(options.paletteFile);
        for (const auto& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        palette = std::move(load.palette);
    }
    geo::LayerConfig config;
    if (!options.layerFile.empty()) {
        geo::LayerConfigResult load = geo::loadLayerConfig(options.layerFile);
        for (const auto& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        config = std::move(load.config);
    }

    std::vector<std::filesystem::path> inputs{options.briefingFile, options.layerFile, options.paletteFile};
    for (const geo::LayerSpec& spec : config.layers) inputs.push_back(spec.source);
    geo::OutputFile output(out, inputs);
    if (!output.ok()) return fail(output.problem() + " (" + output.hint() + ")");

    const geo::Diagnostics written = geo::writeBriefingLayers(briefing, output.temporary(), out.string());
    for (const auto& d : written) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (geo::hasErrors(written)) return fail(output.explain("cannot write the briefing's layers"));

    const geo::Language language = languageOf(options.language);
    std::string error;
    {
        geo::QuietGdalErrors quiet;
        Dataset ds(static_cast<GDALDataset*>(
            GDALOpenEx(output.temporary().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
        if (!ds) return fail(output.explain("cannot reopen the package to style it: " + geo::gdalMessage()));
        const std::vector<BaseLayer> base = copyBaseMap(*ds, config, error);
        if (!error.empty()) return fail(output.explain(error));
        if (!qgis::writePartnershipLinks(*ds, briefing, error)) return fail(output.explain(error));
        const std::vector<LayerLook> content = qgis::briefingLooks(briefing, palette, language);
        const qgis::Project project = projectOf(briefing, config, base, content, out.filename().string(), language);

        // One default style a table; land.shp's table is drawn by two layers (land, coast): its
        // default style draws both, as the map does.
        std::vector<LayerLook> defaults;
        for (const LayerLook& look : content)
            if (look.table == "partnerships") defaults.push_back(look); // the great circles, not in the project
        for (const qgis::ProjectLayer& layer : project.layers) {
            auto same = std::find_if(defaults.begin(), defaults.end(), [&](const LayerLook& l) { return l.table == layer.look.table; });
            if (same == defaults.end()) {
                defaults.push_back(layer.look);
            } else {
                same->symbol.insert(same->symbol.end(), layer.look.symbol.begin(), layer.look.symbol.end());
                same->minScale = 0;
            }
        }
        if (!writeStyles(*ds, defaults, error)) return fail(output.explain(error));

        const std::string qgsName = out.stem().string() + ".qgs";
        std::string qgz;
        std::filesystem::path scratch = output.temporary();
        scratch += ".qgz";
        if (!qgis::qgzBytes(qgsName, qgis::projectXml(project), scratch, qgz, error)) return fail(output.explain(error));
        if (!writeProject(*ds, out.stem().string(), qgz, error)) return fail(output.explain(error));
        GDALDataset* closing = ds.release();
        CPLErrorReset();
        GDALClose(closing);
        if (CPLGetLastErrorType() >= CE_Failure) return fail(output.explain("cannot finish the package: " + geo::gdalMessage()));
    }
    if (!output.commit(error)) return fail(output.explain("cannot finish writing the file: " + error));
    spdlog::info("wrote {} ({} sites, {} trips, {} partnerships, {} base-map layers; open it in QGIS: Project > Open From > GeoPackage)",
                 out.string(), briefing.sites.size(), briefing.trips.size(), briefing.partnerships.size(), config.layers.size());
    return 0;
}

} // namespace app
