#pragma once
// The placemarks through GDAL's LIBKML driver: a layer (a KML Folder) per kind of record, the
// shared styles as the dataset's style table, and the fields LIBKML turns into KML elements
// (name, description, timestamp, begin, end, tessellate, visibility).

#include "export/kml_records.hpp"
#include "export/kml_styles.hpp"

#include <string>
#include <vector>

namespace app {

// The KML text GDAL wrote (in memory, /vsimem), or false with `error` saying why.
bool writeKmlWithGdal(const std::vector<KmlRecord>& records, const KmlStyles& styles, std::string& kml, std::string& error);

} // namespace app
