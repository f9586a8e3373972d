#pragma once
// Helpers for geo tests: fresh temporary folders and small vector files made on the fly.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace geo {
struct Diagnostic;
struct Site;
} // namespace geo

namespace test {

// Diagnostics formatted as the user sees them, with `prefix` (a fixture folder) cut off
// the file names so that expectations do not depend on where the checkout is.
std::vector<std::string> formatWithout(const std::vector<geo::Diagnostic>& diagnostics, const std::string& prefix);

// A site with an id, a position and optionally the id of its city.
geo::Site makeSite(const std::string& id, double lon, double lat, const std::string& city = "");


// A new empty folder under $KTMAP_TEST_TMP (or the system temp folder), unique per call.
std::filesystem::path freshDir(const std::string& name);

struct Row {
    std::string wkt;                                        // geometry as WKT ("" for none)
    std::vector<std::pair<std::string, std::string>> attributes; // field name, UTF-8 value
};

// Writes a vector file with GDAL. `driver` is an OGR driver name ("ESRI Shapefile",
// "GeoJSON", "GPKG", "KML"); `epsg` 0 writes no CRS; `encoding` is the shapefile
// ENCODING layer option ("" for the default, UTF-8).
std::filesystem::path writeVector(const std::filesystem::path& dir, const std::string& fileName, const std::string& driver,
                                  int geometryType, int epsg, const std::vector<Row>& rows, const std::string& encoding = "");

// Every file (name) in a folder, sorted.
std::vector<std::string> listDir(const std::filesystem::path& dir);

std::string readFile(const std::filesystem::path& file);

// The fenced examples of a Markdown file (``` or ~~~ fences), in order: the fence's info
// string ("toml", "toml story", ...) and the lines between the fences.
struct FencedBlock {
    std::string info;
    std::string text;
};
std::vector<FencedBlock> fencedBlocks(const std::filesystem::path& markdown);
void writeFile(const std::filesystem::path& file, const std::string& bytes);

} // namespace test
