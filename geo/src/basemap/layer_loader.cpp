#include <geo/basemap/layer_loader.hpp>
#include <geo/base/projection.hpp>
#include <geo/base/text_encoding.hpp>

#include "base/gdal_handles.hpp"

#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <mutex>
#include <sstream>

namespace geo {

using detail::DatasetPtr;
using detail::FeaturePtr;
using detail::GdalErrorCollector;

std::size_t LayerData::vertexCount() const {
    std::size_t n = points.size();
    for (const auto& l : lines) n += l.size();
    for (const auto& p : polygons)
        for (const auto& r : p.rings) n += r.size();
    return n;
}

void configureGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Never write next to the user's files: no .shx restoration, no .aux.xml side-cars.
        CPLSetConfigOption("SHAPE_RESTORE_SHX", "NO");
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
        // We assemble shapefile polygons from their ring order ourselves (see
        // assembleShapefileRings): GDAL's general ring analysis costs ~50x the read.
        CPLSetConfigOption("OGR_ORGANIZE_POLYGONS", "SKIP");
        CPLSetConfigOption("OGR_SKIP", "");
        GDALAllRegister();
    });
}

namespace {

// Finds a sibling of a shapefile with another extension, in either case.
std::filesystem::path sibling(const std::filesystem::path& shp, const char* ext) {
    std::filesystem::path lower = shp, upper = shp;
    lower.replace_extension(ext);
    std::string up(ext);
    std::transform(up.begin(), up.end(), up.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    upper.replace_extension(up);
    std::error_code ec;
    if (std::filesystem::exists(lower, ec)) return lower;
    if (std::filesystem::exists(upper, ec)) return upper;
    return {};
}

bool isShapefile(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".shp";
}

// The .dbf's language-driver id (byte 29): non-zero means GDAL knows the code page.
int dbfLanguageDriver(const std::filesystem::path& dbf) {
    std::ifstream in(dbf, std::ios::binary);
    char header[32] = {};
    if (!in.read(header, sizeof header)) return -1;
    return static_cast<unsigned char>(header[29]);
}

struct Reporter {
    const LayerSpec& spec;
    Diagnostics& out;
    std::string file() const { return spec.source.string(); }
    void error(std::string message, std::string hint = {}) {
        out.push_back({Severity::Error, file(), 0, 0, std::move(message), std::move(hint)});
    }
    void warning(std::string message, std::string hint = {}) {
        out.push_back({Severity::Warning, file(), 0, 0, std::move(message), std::move(hint)});
    }
};

// Reads up to `limit` raw (undecoded) string attribute values.
std::vector<std::string> sampleRawText(const std::filesystem::path& path, std::size_t limit) {
    std::vector<std::string> samples;
    const char* options[] = {"ENCODING=", nullptr};
    GdalErrorCollector quiet;
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr)));
    if (!ds || ds->GetLayerCount() == 0) return samples;
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    FeaturePtr f;
    while (samples.size() < limit && (f = FeaturePtr(layer->GetNextFeature()))) {
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (defn->GetFieldDefn(i)->GetType() == OFTString && f->IsFieldSetAndNotNull(i))
                samples.emplace_back(f->GetFieldAsString(i));
    }
    return samples;
}

struct Counters {
    std::size_t badCoordinates = 0;
    long firstBadCoordinateFid = -1;
    std::size_t emptyGeometry = 0;
    long firstEmptyFid = -1;
    std::size_t unexpectedType = 0;
    long firstUnexpectedFid = -1;
    std::string unexpectedTypeName;
    std::size_t unreadable = 0;
};

bool finitePoints(const std::vector<glm::dvec2>& pts) {
    return std::all_of(pts.begin(), pts.end(), [](const glm::dvec2& p) { return std::isfinite(p.x) && std::isfinite(p.y); });
}

void readCurve(const OGRSimpleCurve& curve, std::vector<glm::dvec2>& out, bool dropClosing) {
    const int n = curve.getNumPoints();
    out.resize(static_cast<std::size_t>(std::max(n, 0)));
    if (n > 0) curve.getPoints(&out[0].x, sizeof(glm::dvec2), &out[0].y, sizeof(glm::dvec2));
    if (dropClosing && out.size() >= 2 && out.front() == out.back()) out.pop_back();
}

// Collects the geometry's parts into flat lists of rings/lines/points in source coordinates.
struct Parts {
    std::vector<Polygon> polygons;
    std::vector<LineString> lines;
    std::vector<glm::dvec2> points;
};

// `depth`: collections entered so far; parts nested deeper than `maxNesting` are left
// out (counted in `tooDeep`) so that a hostile file cannot recurse without end.
void collectParts(const OGRGeometry* g, Parts& parts, int depth, int maxNesting, std::size_t& tooDeep) {
    if (!g || g->IsEmpty()) return;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
        const auto* p = g->toPoint();
        parts.points.push_back({p->getX(), p->getY()});
        break;
    }
    case wkbLineString: {
        LineString l;
        readCurve(*g->toLineString(), l, false);
        parts.lines.push_back(std::move(l));
        break;
    }
    case wkbPolygon: {
        Polygon poly;
        for (const OGRLinearRing* ring : *g->toPolygon()) {
            Ring r;
            readCurve(*ring, r, true);
            poly.rings.push_back(std::move(r));
        }
        parts.polygons.push_back(std::move(poly));
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        if (depth >= maxNesting) {
            ++tooDeep;
            break;
        }
        for (const OGRGeometry* sub : *g->toGeometryCollection()) collectParts(sub, parts, depth + 1, maxNesting, tooDeep);
        break;
    default:
        // Curves, TINs, polyhedral surfaces: approximate with straight segments.
        if (g->hasCurveGeometry() || wkbFlatten(g->getGeometryType()) == wkbTIN ||
            wkbFlatten(g->getGeometryType()) == wkbPolyhedralSurface) {
            std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
            if (linear && !linear->hasCurveGeometry()) collectParts(linear.get(), parts, depth, maxNesting, tooDeep);
        }
        break;
    }
}

// With OGR_ORGANIZE_POLYGONS=SKIP a multi-ring shapefile record arrives as one
// polygon per ring. The shapefile format says outer rings are clockwise and
// holes counter-clockwise; a hole belongs to the outer ring that contains it
// (almost always the one just before it).
std::vector<Polygon> assembleShapefileRings(std::vector<Polygon>&& singles) {
    std::vector<Polygon> result;
    std::vector<Box> boxes;
    for (Polygon& single : singles) {
        for (Ring& ring : single.rings) {
            if (ring.size() < 3) continue;
            const bool clockwise = signedArea(ring) < 0;
            if (clockwise || result.empty()) {
                boxes.push_back(bounds(ring));
                result.push_back(Polygon{{std::move(ring)}});
                continue;
            }
            // A hole: find its outer ring, trying the most recent first.
            const glm::dvec2 probe = ring.front();
            std::size_t owner = result.size();
            for (std::size_t k = result.size(); k-- > 0;) {
                if (boxes[k].contains(probe) && pointInRing(probe, result[k].rings.front())) {
                    owner = k;
                    break;
                }
            }
            if (owner == result.size()) { // not inside any outer: an outer ring with the wrong orientation
                boxes.push_back(bounds(ring));
                result.push_back(Polygon{{std::move(ring)}});
            } else {
                result[owner].rings.push_back(std::move(ring));
            }
        }
    }
    return result;
}

bool inGeographicRange(const std::vector<glm::dvec2>& pts) {
    return std::all_of(pts.begin(), pts.end(),
                       [](const glm::dvec2& p) { return std::abs(p.x) <= 180.0 && std::abs(p.y) <= 90.0; });
}

} // namespace

std::vector<std::string> listLayers(const std::filesystem::path& source) {
    configureGdal();
    std::vector<std::string> names;
    GdalErrorCollector quiet;
    DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) return names;
    for (int i = 0; i < ds->GetLayerCount(); ++i) names.emplace_back(ds->GetLayer(i)->GetName());
    return names;
}

LayerLoadResult loadLayer(const LayerSpec& spec, const Projection& projection, const LoadLimits& limits) {
    configureGdal();
    LayerLoadResult result;
    result.layer.spec = spec;
    Reporter report{spec, result.diagnostics};
    const std::filesystem::path& path = spec.source;

    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        report.error("file not found", "check the path; the map opens without this layer");
        return result;
    }
    if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0) {
        report.error("the file is empty (0 bytes)", "it may have been cut off while copying; copy it again");
        return result;
    }

    const bool shapefile = isShapefile(path);
    std::string encodingOption;
    bool encodingUnknown = false;
    bool missingDbf = false;
    if (shapefile) {
        if (sibling(path, ".shx").empty()) {
            report.error("the shapefile has no .shx index file beside it",
                         "copy the .shx that belongs with it (a shapefile is .shp + .shx + .dbf + .prj); "
                         "the map opens without this layer");
            return result;
        }
        const auto dbf = sibling(path, ".dbf");
        missingDbf = dbf.empty();
        if (!missingDbf && sibling(path, ".cpg").empty() && dbfLanguageDriver(dbf) == 0) {
            // Neither a .cpg nor the .dbf header says how the text is encoded: look at it.
            EncodingGuess guess = guessEncoding(sampleRawText(path, 400));
            if (guess.confident) {
                encodingOption = "ENCODING=" + guess.encoding;
                if (guess.encoding != "UTF-8")
                    result.diagnostics.push_back(
                        {Severity::Info, path.string(), 0, 0,
                         "no .cpg file says how the attribute text is encoded; read as " +
                             std::string(guess.encoding == "CP950" ? "Big5" : "Shift_JIS") + " because " + guess.reason,
                         "add a .cpg file containing the encoding's name to make this certain"});
            } else {
                encodingUnknown = true;
                encodingOption = "ENCODING=";
                report.warning("the attribute text encoding cannot be determined: " + guess.reason +
                                   "; non-ASCII text is not shown",
                               "add a .cpg file beside the .shp naming the encoding, e.g. UTF-8, BIG5 or SHIFT_JIS");
            }
        }
    }

    GdalErrorCollector errors;
    const char* openOptions[] = {encodingOption.empty() ? nullptr : encodingOption.c_str(), nullptr};
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, openOptions, nullptr)));
    if (!ds) {
        std::string why = errors.firstFailure();
        report.error("GDAL cannot read this file as vector data" + (why.empty() ? std::string() : ": " + why),
                     "check that it is a complete shapefile, GeoPackage, GeoJSON or KML file");
        return result;
    }
    if (missingDbf)
        report.warning("the shapefile has no .dbf attribute file beside it; features have no names or attributes",
                       "copy the .dbf that belongs with it");
    if (ds->GetLayerCount() == 0) {
        report.error("the file contains no layers", "");
        return result;
    }
    OGRLayer* layer = nullptr;
    if (spec.ogrLayer.empty()) {
        layer = ds->GetLayer(0);
    } else {
        layer = ds->GetLayerByName(spec.ogrLayer.c_str());
        if (!layer) {
            std::vector<std::string> names;
            std::string list;
            for (int i = 0; i < ds->GetLayerCount(); ++i) {
                names.emplace_back(ds->GetLayer(i)->GetName());
                list += (i ? ", " : "") + names.back();
            }
            std::string suggestion = closestMatch(spec.ogrLayer, names);
            report.error("has no layer named '" + spec.ogrLayer + "' (it has: " + list + ")",
                         suggestion.empty() ? "set layer to one of those names" : "did you mean '" + suggestion + "'?");
            return result;
        }
    }

    // Where the coordinates come from.
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    std::unique_ptr<OGRCoordinateTransformation> toMap;
    bool assumeLonLat = false;
    if (srs) {
        toMap = projection.transformFrom(*srs);
        if (!toMap) {
            report.error("its coordinate reference system cannot be converted to the map's",
                         "reproject it to WGS84 (EPSG:4326), e.g. with ogr2ogr -t_srs EPSG:4326");
            return result;
        }
    } else {
        assumeLonLat = true; // decided per feature below; warned about once
        OGRSpatialReference wgs84;
        wgs84.SetWellKnownGeogCS("WGS84");
        toMap = projection.transformFrom(wgs84);
    }

    const OGRwkbGeometryType declared = wkbFlatten(layer->GetGeomType());
    auto family = [](OGRwkbGeometryType t) {
        switch (wkbFlatten(t)) {
        case wkbPoint: case wkbMultiPoint: return 1;
        case wkbLineString: case wkbMultiLineString: return 2;
        case wkbPolygon: case wkbMultiPolygon: return 3;
        default: return 0;
        }
    };

    Counters counters;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    LayerData& data = result.layer;
    layer->ResetReading();
    std::size_t featureCount = 0;
    std::size_t vertices = 0;  // kept so far
    std::size_t tooDeep = 0;   // collections nested beyond limits.maxNesting
    bool notLonLatWithoutSrs = false;
    auto refuse = [&](const std::string& what) {
        // The whole layer is left out: a layer cut off at the limit would look complete.
        report.error("layer '" + spec.id + "' " + what + "; the layer is left out",
                     "simplify it or split it into smaller layers (e.g. ogr2ogr -simplify, or -spat for a region)");
        result.layer = LayerData{};
        result.layer.spec = spec;
        result.ok = false;
    };
    for (;;) {
        errors.clear();
        FeaturePtr f(layer->GetNextFeature());
        if (!f) {
            if (!errors.firstFailure().empty()) ++counters.unreadable; // a record GDAL could not decode ends the read
            break;
        }
        ++featureCount;
        if (featureCount > limits.maxFeatures) {
            refuse("has more than " + std::to_string(limits.maxFeatures) + " features, the most a layer may have");
            return result;
        }
        if (!errors.firstFailure().empty()) ++counters.unreadable;
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            if (counters.emptyGeometry++ == 0) counters.firstEmptyFid = static_cast<long>(f->GetFID());
            continue;
        }
        const OGRwkbGeometryType actual = wkbFlatten(g->getGeometryType());
        if (family(declared) && family(actual) && family(declared) != family(actual)) {
            if (counters.unexpectedType++ == 0) {
                counters.firstUnexpectedFid = static_cast<long>(f->GetFID());
                counters.unexpectedTypeName = OGRGeometryTypeToName(actual);
            }
        }
        Parts parts;
        collectParts(g, parts, 0, limits.maxNesting, tooDeep);
        if (shapefile && !parts.polygons.empty()) parts.polygons = assembleShapefileRings(std::move(parts.polygons));

        // Gather every coordinate of the feature, check it, then project in one call.
        std::vector<glm::dvec2> all;
        for (const auto& p : parts.points) all.push_back(p);
        for (const auto& l : parts.lines) all.insert(all.end(), l.begin(), l.end());
        for (const auto& poly : parts.polygons)
            for (const auto& r : poly.rings) all.insert(all.end(), r.begin(), r.end());
        if (assumeLonLat && finitePoints(all) && !inGeographicRange(all)) {
            notLonLatWithoutSrs = true; // reported once, below
            continue;
        }
        bool bad = !finitePoints(all);
        if (!bad && srs && srs->IsGeographic() && !inGeographicRange(all)) bad = true;
        if (!bad) {
            std::vector<double> xs(all.size()), ys(all.size());
            for (std::size_t i = 0; i < all.size(); ++i) { xs[i] = all[i].x; ys[i] = all[i].y; }
            std::vector<int> ok(all.size(), 0);
            if (!all.empty()) toMap->Transform(static_cast<int>(all.size()), xs.data(), ys.data(), nullptr, ok.data());
            for (std::size_t i = 0; i < all.size() && !bad; ++i) {
                if (!ok[i] || !std::isfinite(xs[i]) || !std::isfinite(ys[i]) || std::abs(xs[i]) > 4.0e7 || std::abs(ys[i]) > 4.0e7)
                    bad = true;
                all[i] = {xs[i], ys[i]};
            }
        }
        if (bad) {
            if (counters.badCoordinates++ == 0) counters.firstBadCoordinateFid = static_cast<long>(f->GetFID());
            continue;
        }
        vertices += all.size();
        if (vertices > limits.maxVertices) {
            refuse("has more than " + std::to_string(limits.maxVertices) + " points (vertices), the most a layer may have");
            return result;
        }

        // Scatter the projected coordinates back into the parts.
        std::size_t k = 0;
        for (auto& p : parts.points) p = all[k++];
        for (auto& l : parts.lines)
            for (auto& p : l) p = all[k++];
        for (auto& poly : parts.polygons)
            for (auto& r : poly.rings)
                for (auto& p : r) p = all[k++];

        Feature feature;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            if (!f->IsFieldSetAndNotNull(i)) continue;
            std::string value = f->GetFieldAsString(i);
            if (encodingUnknown && !isValidUtf8(value)) value = "(text in an unknown encoding)";
            feature.attributes.emplace_back(defn->GetFieldDefn(i)->GetNameRef(), std::move(value));
        }
        for (const auto& p : all) feature.bounds.extend(p);
        const auto fi = static_cast<std::uint32_t>(data.features.size());
        for (auto& p : parts.points) { data.points.push_back(p); data.pointFeature.push_back(fi); }
        for (auto& l : parts.lines) {
            if (l.size() < 2) continue;
            data.lines.push_back(std::move(l));
            data.lineFeature.push_back(fi);
        }
        for (auto& poly : parts.polygons) {
            poly.rings.erase(std::remove_if(poly.rings.begin(), poly.rings.end(), [](const Ring& r) { return r.size() < 3; }),
                             poly.rings.end());
            if (poly.rings.empty()) continue;
            data.polygons.push_back(std::move(poly));
            data.polygonFeature.push_back(fi);
        }
        data.bounds.extend(feature.bounds);
        data.features.push_back(std::move(feature));
    }
    // The inscribed frame: walk the edges of the source extent in the map projection.
    OGREnvelope extent;
    if (!data.features.empty() && layer->GetExtent(&extent, TRUE) == OGRERR_NONE) {
        constexpr int kSteps = 64;
        double west = -1e300, east = 1e300, south = -1e300, north = 1e300;
        bool ok = true;
        for (int i = 0; i <= kSteps && ok; ++i) {
            const double t = static_cast<double>(i) / kSteps;
            const double x = extent.MinX + (extent.MaxX - extent.MinX) * t, y = extent.MinY + (extent.MaxY - extent.MinY) * t;
            double xs[4] = {extent.MinX, extent.MaxX, x, x}, ys[4] = {y, y, extent.MinY, extent.MaxY};
            int success[4] = {0, 0, 0, 0};
            toMap->Transform(4, xs, ys, nullptr, success);
            ok = success[0] && success[1] && success[2] && success[3];
            west = std::max(west, xs[0]);
            east = std::min(east, xs[1]);
            south = std::max(south, ys[2]);
            north = std::min(north, ys[3]);
        }
        if (ok && west < east && south < north) {
            data.frame.extend({west, south});
            data.frame.extend({east, north});
        }
    }
    if (data.frame.empty()) data.frame = data.bounds;
    data.encoding = encodingUnknown ? "" : (encodingOption.empty() ? "UTF-8" : encodingOption.substr(9));

    if (assumeLonLat && !data.features.empty())
        report.warning("has no coordinate reference system (no .prj); its coordinates look like longitude/latitude, "
                       "so they are read as WGS84",
                       "add the .prj that belongs with it to be sure");
    if (notLonLatWithoutSrs)
        report.error("has no coordinate reference system (no .prj) and its coordinates are not longitude/latitude, "
                     "so they cannot be placed on the map",
                     "copy the .prj that belongs with it");
    if (counters.unreadable)
        report.error(std::to_string(counters.unreadable) + " record(s) could not be read; the file looks truncated or corrupt",
                     "the readable features are shown; copy the file again from its source");
    if (counters.badCoordinates)
        report.warning(std::to_string(counters.badCoordinates) +
                           " feature(s) have coordinates that are not numbers or are out of range (first: feature " +
                           std::to_string(counters.firstBadCoordinateFid) + "); they are skipped",
                       "fix or remove those features");
    if (counters.emptyGeometry)
        report.warning(std::to_string(counters.emptyGeometry) + " feature(s) have no geometry, or one GDAL could not read "
                           "(such as NaN coordinates) (first: feature " + std::to_string(counters.firstEmptyFid) + "); nothing is drawn for them",
                       "");
    if (tooDeep)
        report.warning(std::to_string(tooDeep) + " geometry collection(s) are nested more than " +
                           std::to_string(limits.maxNesting) + " levels deep; what is inside them is not drawn",
                       "flatten the collections (e.g. ogr2ogr -explodecollections)");
    if (counters.unexpectedType)
        report.warning("declares " + std::string(OGRGeometryTypeToName(declared)) + " geometry but " +
                           std::to_string(counters.unexpectedType) + " feature(s) are " + counters.unexpectedTypeName +
                           " (first: feature " + std::to_string(counters.firstUnexpectedFid) + "); they are drawn as what they are",
                       "");
    if (featureCount == 0)
        report.warning("the layer has no features", "nothing to draw from it");
    else if (data.features.empty() && !notLonLatWithoutSrs)
        report.error("none of its " + std::to_string(featureCount) + " feature(s) has usable geometry", "");
    result.ok = !data.features.empty();
    return result;
}

} // namespace geo
