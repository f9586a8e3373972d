#pragma once
// The KML GDAL wrote, finished with libkml: each placemark gets its id and its place in the
// folder tree (trips by day, sites and partnerships by kind, stories), the stories' tours
// are added, and the whole is serialized again. GDAL writes one flat folder per layer and no
// tours; libkml has the DOM for both.

#include "export/kml_records.hpp"

#include <kml/dom.h>

#include <string>
#include <vector>

namespace app {

struct KmlTourEntry {
    std::vector<std::string> folder; // where it goes, as KmlRecord::folder
    kmldom::GxTourPtr tour;
};

struct KmlDocumentInfo {
    std::string name;        // the document's <name>
    std::string description; // its balloon (HTML)
    kmldom::AbstractViewPtr view; // where Google Earth opens it (may be null)
};

// False, with `error` saying why, when GDAL's KML cannot be parsed or does not hold the
// placemarks of `records` (in the order they were written).
bool finishKml(const std::string& gdalKml, const std::vector<KmlRecord>& records, const std::vector<KmlTourEntry>& tours,
               const KmlDocumentInfo& info, std::string& kml, std::string& error);

} // namespace app
