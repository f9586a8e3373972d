#pragma once
// Writes a briefing as GIS layers through GDAL/OGR, so that it opens in QGIS
// (.gpkg), Google Earth (.kml) or any web map (.geojson).
//
// Layers, all in WGS84 lon/lat (EPSG:4326):
//   sites         Point       every attribute of [[site]]
//   stops         Point       trip, order, site, date, times, leg, flight, what, met
//   trips         LineString  one feature per leg (stop to stop): flights as great-circle
//                             arcs, other modes straight
//   partnerships  LineString  through the parties in order, as great-circle arcs;
//                             milestones summarised as text
// GeoJSON holds one layer per file, so a .geojson gets one FeatureCollection with
// every feature and a `layer` property naming the layer above. KML longitudes are
// wrapped to [-180, 180] (Google Earth joins points the short way); the other formats
// keep an arc's longitudes continuous across the antimeridian (e.g. up to 247.99).

#include <geo/briefing/briefing.hpp>
#include <geo/base/diagnostic.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace geo {

// The format follows the extension: .geojson/.json, .kml, .gpkg. An existing output
// file is replaced, except the briefing's own file (briefing.path) and any of
// `inputs` (e.g. the basemap files), which are never overwritten. Problems come back
// as diagnostics naming the output file; nothing throws.
Diagnostics exportBriefing(const Briefing& briefing, const std::filesystem::path& out,
                           const std::vector<std::filesystem::path>& inputs = {});

// The same layers written straight into `file` (made by GDAL, the format by its extension),
// for a writer that adds more to the file before committing it as one OutputFile (the QGIS
// package): no input check, no rename. Diagnostics name `label` (the user's name for the file).
Diagnostics writeBriefingLayers(const Briefing& briefing, const std::filesystem::path& file, const std::string& label);

} // namespace geo
