#include <geo/basemap/place_names.hpp>
#include <geo/basemap/layer_loader.hpp>
#include <geo/base/text_encoding.hpp>

#include "base/gdal_handles.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace geo {

namespace {

using detail::DatasetPtr;
using detail::FeaturePtr;
using detail::GdalErrorCollector;

constexpr const char* kHint = "rebuild it with assets/build_basemap.sh, or fix the row; the map shows the other places";

struct Fields {
    int zh = -1, ja = -1, en = -1, population = -1, rank = -1;
};

Fields findFields(OGRFeatureDefn* defn) {
    Fields f;
    f.zh = defn->GetFieldIndex("name_zh");
    f.ja = defn->GetFieldIndex("name_ja");
    f.en = defn->GetFieldIndex("name_en");
    f.population = defn->GetFieldIndex("population");
    f.rank = defn->GetFieldIndex("rank");
    return f;
}

std::string text(OGRFeature& feature, int field) {
    if (field < 0 || !feature.IsFieldSetAndNotNull(field)) return {};
    std::string s = feature.GetFieldAsString(field);
    // Trailing blanks are the .dbf's padding, never part of a name.
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    return s;
}

} // namespace

PlaceNamesResult loadPlaceNames(const std::filesystem::path& file) {
    configureGdal();
    PlaceNamesResult result;
    const std::string label = file.string();
    auto error = [&](std::string message, std::string hint) {
        result.diagnostics.push_back({Severity::Error, label, 0, 0, std::move(message), std::move(hint)});
    };
    auto warnRow = [&](long row, const std::string& message) {
        result.diagnostics.push_back(
            {Severity::Warning, label, 0, 0, "row " + std::to_string(row) + ": " + message + "; it is left out", kHint});
    };

    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        error("place names file not found", "check [places] source in the layer file; the map shows no place names");
        return result;
    }
    if (!std::filesystem::is_regular_file(file, ec)) {
        error("this is not a regular file", "give the place names file itself (e.g. basemap/places.shp); the map shows no place names");
        return result;
    }

    GdalErrorCollector errors;
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds || ds->GetLayerCount() == 0) {
        const std::string why = errors.firstFailure();
        error("cannot read the place names file" + (why.empty() ? std::string() : " (" + why + ")"),
              "it must be a point file GDAL reads (e.g. a shapefile with its .shx and .dbf); the map shows no place names");
        return result;
    }
    OGRLayer* layer = ds->GetLayer(0);
    const Fields fields = findFields(layer->GetLayerDefn());
    if (fields.zh < 0 && fields.ja < 0 && fields.en < 0) {
        error("the place names file has none of the fields name_zh, name_ja, name_en",
              "add at least one of them (see assets/FORMAT.md, \"The layer file\"); the map shows no place names");
        return result;
    }

    bool anyRank = false;
    long row = 0;
    layer->ResetReading();
    while (FeaturePtr feature{layer->GetNextFeature()}) {
        ++row;
        PlaceName place;
        const OGRGeometry* g = feature->GetGeometryRef();
        if (!g || g->IsEmpty() || wkbFlatten(g->getGeometryType()) != wkbPoint) {
            warnRow(row, g && !g->IsEmpty() ? std::string("its geometry is a ") + OGRGeometryTypeToName(g->getGeometryType()) +
                                                   ", not a point"
                                             : "it has no position");
            continue;
        }
        const auto* p = g->toPoint();
        place.lonLat = {p->getX(), p->getY()};
        if (!std::isfinite(place.lonLat.x) || !std::isfinite(place.lonLat.y) || std::abs(place.lonLat.x) > 180.0 ||
            std::abs(place.lonLat.y) > 90.0) {
            warnRow(row, "its position is not a longitude and latitude in degrees");
            continue;
        }
        place.zh = text(*feature, fields.zh);
        place.ja = text(*feature, fields.ja);
        place.en = text(*feature, fields.en);
        if (place.zh.empty() && place.ja.empty() && place.en.empty()) {
            warnRow(row, "it has no name in any language");
            continue;
        }
        if (!isValidUtf8(place.zh) || !isValidUtf8(place.ja) || !isValidUtf8(place.en)) {
            warnRow(row, "a name is not UTF-8 text");
            continue;
        }
        if (fields.population >= 0 && feature->IsFieldSetAndNotNull(fields.population)) {
            place.population = feature->GetFieldAsDouble(fields.population);
            if (!std::isfinite(place.population) || place.population < 0.0) {
                warnRow(row, "its population is negative or not a number");
                continue;
            }
        }
        if (fields.rank >= 0 && feature->IsFieldSetAndNotNull(fields.rank)) {
            place.rank = feature->GetFieldAsInteger(fields.rank);
            if (place.rank < 0) {
                warnRow(row, "its rank is negative (0 is the most important)");
                continue;
            }
            anyRank = true;
        } else {
            place.rank = -1; // ranked by population below
        }
        result.places.push_back(std::move(place));
    }

    if (anyRank) {
        // Rows without a rank go after the ranked ones, in file order.
        int next = 0;
        for (const PlaceName& p : result.places) next = std::max(next, p.rank + 1);
        for (PlaceName& p : result.places)
            if (p.rank < 0) p.rank = next++;
        std::stable_sort(result.places.begin(), result.places.end(),
                         [](const PlaceName& a, const PlaceName& b) { return a.rank < b.rank; });
    } else {
        std::stable_sort(result.places.begin(), result.places.end(),
                         [](const PlaceName& a, const PlaceName& b) { return a.population > b.population; });
        for (std::size_t i = 0; i < result.places.size(); ++i) result.places[i].rank = static_cast<int>(i);
    }
    return result;
}

const std::string& placeNameIn(const PlaceName& place, Language language) {
    // As every text of the map falls back (geo/base/language.hpp): a Japanese audience reads a
    // Taiwanese town in its Chinese characters before its romanisation.
    return *pickFallback(place.zh, place.ja, place.en, language).text;
}

} // namespace geo
