#include <geo/briefing/briefing_export.hpp>

#include "base/gdal_handles.hpp"
#include <geo/base/gdal_errors.hpp>
#include <geo/base/great_circle.hpp>
#include <geo/base/output_file.hpp>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <string>
#include <system_error>
#include <variant>

namespace geo {

namespace {

// ---- what to write, independent of the format ---------------------------------

using Value = std::variant<std::string, int, double>;

struct Field {
    const char* name;
    OGRFieldType type;
};

struct LayerSpec {
    const char* name;
    OGRwkbGeometryType geometry;
    std::vector<Field> fields;
};

struct Record {
    std::size_t layer; // index into layerSpecs()
    std::vector<std::pair<const char*, Value>> values;
    std::vector<glm::dvec2> points; // one: Point; more: LineString
};

enum LayerIndex : std::size_t { kSites, kStops, kTrips, kPartnerships };

const std::vector<LayerSpec>& layerSpecs() {
    static const std::vector<LayerSpec> specs{
        {"sites", wkbPoint,
         {{"id", OFTString}, {"name", OFTString}, {"kind", OFTString}, {"city", OFTString}, {"name_zh", OFTString},
          {"name_ja", OFTString}, {"name_en", OFTString}, {"lon", OFTReal}, {"lat", OFTReal}, {"notes", OFTString},
          {"notes_en", OFTString}, {"sources", OFTString}}},
        {"stops", wkbPoint,
         {{"trip", OFTString}, {"order", OFTInteger}, {"name", OFTString}, {"site", OFTString}, {"date", OFTString},
          {"start_time", OFTString}, {"end_time", OFTString}, {"leg", OFTString}, {"flight", OFTString},
          {"what", OFTString}, {"what_en", OFTString}, {"met", OFTString}, {"met_en", OFTString},
          {"sources", OFTString}}},
        {"trips", wkbLineString,
         {{"trip", OFTString}, {"name", OFTString}, {"trip_kind", OFTString}, {"title", OFTString},
          {"title_en", OFTString}, {"from_stop", OFTInteger}, {"to_stop", OFTInteger}, {"from_site", OFTString},
          {"to_site", OFTString}, {"date", OFTString}, {"mode", OFTString}, {"flight", OFTString}}},
        {"partnerships", wkbLineString,
         {{"id", OFTString}, {"name", OFTString}, {"kind", OFTString}, {"parties", OFTString},
          {"name_zh", OFTString}, {"name_en", OFTString}, {"notes", OFTString}, {"notes_en", OFTString},
          {"milestones", OFTString}, {"sources", OFTString}}},
    };
    return specs;
}

std::string joinSources(const std::vector<SourceRef>& refs) {
    std::string out;
    for (const SourceRef& ref : refs) {
        if (!out.empty()) out += "; ";
        out += ref.source;
        if (!ref.section.empty()) out += ' ' + ref.section;
    }
    return out;
}

std::string bilingual(const std::string& zh, const std::string& en) {
    if (zh.empty() || en.empty() || zh == en) return zh.empty() ? en : zh;
    return zh + " " + en;
}

std::vector<glm::dvec2> arcThrough(const std::vector<glm::dvec2>& points) {
    std::vector<glm::dvec2> line;
    for (std::size_t i = 1; i < points.size(); ++i) {
        glm::dvec2 from = points[i - 1];
        if (!line.empty()) from.x = line.back().x; // keep longitudes continuous
        auto arc = greatCircleArc(from, points[i]);
        line.insert(line.end(), line.empty() ? arc.begin() : arc.begin() + 1, arc.end());
    }
    return line;
}

std::vector<Record> recordsOf(const Briefing& b) {
    std::vector<Record> records;
    for (const Site& s : b.sites) {
        records.push_back({kSites,
                           {{"id", s.id}, {"name", bilingual(s.nameZh, s.nameEn)}, {"kind", std::string(siteKindName(s.kind))},
                            {"city", s.cityId}, {"name_zh", s.nameZh}, {"name_ja", s.nameJa}, {"name_en", s.nameEn},
                            {"lon", s.lon}, {"lat", s.lat}, {"notes", s.notes}, {"notes_en", s.notesEn},
                            {"sources", joinSources(s.sources)}},
                           {{s.lon, s.lat}}});
    }
    for (const Trip& t : b.trips) {
        const Site* previousSite = nullptr;
        for (std::size_t i = 0; i < t.stops.size(); ++i) {
            const Stop& stop = t.stops[i];
            const Site* site = b.findSite(stop.siteId);
            if (!site) continue; // loaders drop these; a briefing built in code might not
            const int order = static_cast<int>(i + 1);
            records.push_back({kStops,
                               {{"trip", t.id}, {"order", order},
                                {"name", std::to_string(order) + ". " + bilingual(site->nameZh, site->nameEn)},
                                {"site", stop.siteId}, {"date", stop.date.toString()},
                                {"start_time", stop.startTime ? stop.startTime->toString() : std::string()},
                                {"end_time", stop.endTime ? stop.endTime->toString() : std::string()},
                                {"leg", std::string(legModeName(stop.leg))}, {"flight", stop.flight},
                                {"what", stop.what}, {"what_en", stop.whatEn}, {"met", stop.met},
                                {"met_en", stop.metEn}, {"sources", joinSources(stop.sources)}},
                               {{site->lon, site->lat}}});
            if (previousSite && previousSite != site) {
                const glm::dvec2 from{previousSite->lon, previousSite->lat};
                const glm::dvec2 to{site->lon, site->lat};
                std::string mode(legModeName(stop.leg));
                records.push_back({kTrips,
                                   {{"trip", t.id},
                                    {"name", bilingual(t.title, t.titleEn) + " " + std::to_string(order - 1) + "→" +
                                                 std::to_string(order)},
                                    {"trip_kind", std::string(tripKindName(t.kind))}, {"title", t.title},
                                    {"title_en", t.titleEn}, {"from_stop", order - 1}, {"to_stop", order},
                                    {"from_site", previousSite->id}, {"to_site", site->id},
                                    {"date", stop.date.toString()}, {"mode", mode}, {"flight", stop.flight}},
                                   stop.leg == LegMode::Flight ? greatCircleArc(from, to)
                                                               : std::vector<glm::dvec2>{from, to}});
            }
            previousSite = site;
        }
    }
    for (const Partnership& p : b.partnerships) {
        std::vector<glm::dvec2> parties;
        std::string partyIds;
        for (const std::string& id : p.parties) {
            if (const Site* site = b.findSite(id)) {
                parties.push_back({site->lon, site->lat});
                partyIds += (partyIds.empty() ? "" : ", ") + id;
            }
        }
        if (parties.size() < 2) continue;
        std::string milestones;
        for (const Milestone& m : p.milestones) {
            if (!milestones.empty()) milestones += "; ";
            milestones += m.date.toString() + ' ' + m.what;
            if (!m.whatEn.empty()) milestones += " / " + m.whatEn;
        }
        records.push_back({kPartnerships,
                           {{"id", p.id}, {"name", bilingual(p.name, p.nameEn)},
                            {"kind", std::string(partnershipKindName(p.kind))}, {"parties", partyIds},
                            {"name_zh", p.name}, {"name_en", p.nameEn}, {"notes", p.notes}, {"notes_en", p.notesEn},
                            {"milestones", milestones}, {"sources", joinSources(p.sources)}},
                           arcThrough(parties)});
    }
    return records;
}

// ---- GDAL ----------------------------------------------------------------------

using detail::DatasetPtr;
using detail::FeaturePtr;



std::string lowercaseExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

double wrapLongitude(double lon) { return lon - 360.0 * std::floor((lon + 180.0) / 360.0); }

class Writer {
public:
    Writer(const std::filesystem::path& out, Diagnostics& diagnostics) : m_file(out.string()), m_out(diagnostics) {}

    void error(std::string message, std::string hint) {
        m_out.push_back({Severity::Error, m_file, 0, 0, std::move(message), std::move(hint)});
    }

    void write(GDALDriver& driver, const std::vector<Record>& records, bool singleLayer, bool wrapLon) {
        DatasetPtr ds(driver.Create(m_file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) {
            error("cannot create the file", gdalMessage());
            return;
        }
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER); // x = lon, y = lat

        const auto& specs = layerSpecs();
        std::vector<OGRLayer*> layers;
        if (singleLayer) {
            // One layer with the union of all fields, plus `layer` saying which one it was.
            LayerSpec all{"briefing", wkbUnknown, {{"layer", OFTString}}};
            for (const LayerSpec& spec : specs)
                for (const Field& f : spec.fields)
                    if (std::none_of(all.fields.begin(), all.fields.end(),
                                     [&](const Field& g) { return std::string(g.name) == f.name; }))
                        all.fields.push_back(f);
            OGRLayer* layer = createLayer(*ds, all, wgs84);
            if (!layer) return;
            layers.assign(specs.size(), layer);
        } else {
            for (const LayerSpec& spec : specs) {
                OGRLayer* layer = createLayer(*ds, spec, wgs84);
                if (!layer) return;
                layers.push_back(layer);
            }
        }

        for (const Record& record : records) {
            OGRLayer* layer = layers[record.layer];
            FeaturePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            if (singleLayer) feature->SetField("layer", specs[record.layer].name);
            for (const auto& [name, value] : record.values) {
                if (const auto* s = std::get_if<std::string>(&value)) {
                    if (!s->empty()) feature->SetField(name, s->c_str());
                } else if (const auto* i = std::get_if<int>(&value)) {
                    feature->SetField(name, *i);
                } else {
                    feature->SetField(name, std::get<double>(value));
                }
            }
            auto lon = [&](double x) { return wrapLon ? wrapLongitude(x) : x; };
            if (record.points.size() == 1) {
                OGRPoint point(lon(record.points[0].x), record.points[0].y);
                feature->SetGeometry(&point);
            } else {
                OGRLineString line;
                for (const glm::dvec2& p : record.points) line.addPoint(lon(p.x), p.y);
                feature->SetGeometry(&line);
            }
            if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
                error("cannot write a feature to layer '" + std::string(specs[record.layer].name) + "'",
                      gdalMessage());
                return;
            }
        }
        ds->FlushCache();
        if (CPLGetLastErrorType() >= CE_Failure) error("cannot finish writing the file", gdalMessage());
    }

private:
    OGRLayer* createLayer(GDALDataset& ds, const LayerSpec& spec, OGRSpatialReference& srs) {
        OGRLayer* layer = ds.CreateLayer(spec.name, &srs, spec.geometry, nullptr);
        if (!layer) {
            error("cannot create layer '" + std::string(spec.name) + "'", gdalMessage());
            return nullptr;
        }
        for (const Field& f : spec.fields) {
            OGRFieldDefn field(f.name, f.type);
            if (layer->CreateField(&field) != OGRERR_NONE) {
                error("cannot create field '" + std::string(f.name) + "' in layer '" + spec.name + "'", gdalMessage());
                return nullptr;
            }
        }
        return layer;
    }

    std::string m_file;
    Diagnostics& m_out;
};

} // namespace

namespace {

// The driver for `ext`, or a diagnostic through `writer` saying why there is none.
GDALDriver* driverFor(const std::string& ext, Writer& writer) {
    const bool geojson = ext == ".geojson" || ext == ".json";
    const bool kml = ext == ".kml";
    if (!geojson && !kml && ext != ".gpkg") {
        writer.error("cannot export to '" + ext + "' files", "name the file .geojson, .kml or .gpkg");
        return nullptr;
    }
    GDALAllRegister();
    GDALDriverManager* drivers = GetGDALDriverManager();
    GDALDriver* driver = drivers->GetDriverByName(geojson ? "GeoJSON" : kml ? "LIBKML" : "GPKG");
    if (!driver && kml) driver = drivers->GetDriverByName("KML");
    if (!driver) writer.error("this GDAL has no driver for '" + ext + "' files", "export to .gpkg or .geojson instead");
    return driver;
}

// Writes into `file`; the diagnostics name `label`.
Diagnostics writeLayers(const Briefing& briefing, const std::filesystem::path& file, const std::string& label,
                        const std::string& ext) {
    Diagnostics diagnostics;
    Writer writer(label, diagnostics);
    GDALDriver* driver = driverFor(ext, writer);
    if (!driver) return diagnostics;
    QuietGdalErrors quiet;
    Writer temporary(file, diagnostics);
    temporary.write(*driver, recordsOf(briefing), ext == ".geojson" || ext == ".json", ext == ".kml");
    for (Diagnostic& d : diagnostics) d.file = label; // the user's name, not the temporary one
    return diagnostics;
}

} // namespace

Diagnostics writeBriefingLayers(const Briefing& briefing, const std::filesystem::path& file, const std::string& label) {
    return writeLayers(briefing, file, label, lowercaseExtension(file));
}

Diagnostics exportBriefing(const Briefing& briefing, const std::filesystem::path& out,
                           const std::vector<std::filesystem::path>& inputs) {
    Diagnostics diagnostics;
    Writer writer(out, diagnostics);

    std::vector<std::filesystem::path> protectedFiles = inputs;
    if (!briefing.path.empty()) protectedFiles.push_back(briefing.path);
    OutputFile output(out, protectedFiles);
    if (!output.ok()) {
        writer.error(output.problem(), output.hint());
        return diagnostics;
    }

    const std::string ext = lowercaseExtension(out);
    if (!driverFor(ext, writer)) return diagnostics;
    diagnostics = writeLayers(briefing, output.temporary(), out.string(), ext);
    if (!diagnostics.empty()) return diagnostics;
    std::string error;
    if (!output.commit(error)) writer.error("cannot finish writing the file", error);
    return diagnostics;
}

} // namespace geo
