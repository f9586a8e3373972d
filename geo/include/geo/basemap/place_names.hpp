#pragma once
// Place names for the base map at city zoom: towns and municipalities of Taiwan and Kyushu
// (and the neighbours in view), a name per language and a size to choose by. A point file
// (assets/basemap/places.shp, built by assets/build_basemap.sh) named by the [places] table
// of the layer file; see assets/FORMAT.md, "The layer file".

#include <geo/base/diagnostic.hpp>
#include <geo/base/language.hpp>

#include <glm/vec2.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace geo {

struct PlaceName {
    glm::dvec2 lonLat{0.0, 0.0};
    std::string zh, ja, en;   // a name per language; empty where the data has none
    double population = 0.0;  // 0: unknown
    int rank = 0;             // 0 is the most important (bigger towns first); the order labels are tried in
};

struct PlaceNamesResult {
    std::vector<PlaceName> places; // sorted by rank, most important first
    std::vector<Diagnostic> diagnostics; // a bad file or row named, with what to do
};

// Reads a point file (any vector format GDAL reads) with the fields name_zh, name_ja, name_en
// (at least one of them), and optionally population and rank. A row that cannot be a place
// (no point, a position off the globe, no name, a negative population) is left out with a
// warning naming it; a file that cannot be read at all gives an error and no places. Without
// a rank field the places are ranked by population, largest first.
PlaceNamesResult loadPlaceNames(const std::filesystem::path& file);

// The name to show in `language`: that language's, else the others in geo::fallbackOrder
// (zh → ja → en, ja → zh → en, en → zh → ja), as every text of the map.
const std::string& placeNameIn(const PlaceName& place, Language language);

} // namespace geo
