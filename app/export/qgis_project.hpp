#pragma once
// The QGIS project inside the package: its .qgs (through pugixml) and the .qgz holding it
// (through minizip), as QGIS stores a project in a GeoPackage's qgis_projects table.

#include "export/qgis_styles.hpp"

#include <geo/base/color.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace app::qgis {

// A coordinate reference system as QGIS writes one (<spatialrefsys>).
struct Crs {
    std::string wkt, proj4, authid, description, acronym;
    bool geographic = false;
};

struct ProjectLayer {
    LayerLook look;
    std::string id;         // unique in the project
    std::string source;     // "./OUT.gpkg|layername=TABLE": beside the project, in the same package
    Crs crs;
    bool visible = true;
};

struct Project {
    std::string title, abstract;
    std::string attribution;          // the base map's sources, shown on the map (QGIS's copyright decoration)
    Crs crs;
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0; // the extent shown, in `crs`
    geo::Color background;
    std::vector<ProjectLayer> layers; // bottom to top
};

std::string projectXml(const Project& project);
// The .qgz: a zip holding `qgsName` with `xml`. Written through a temporary file at `scratch`
// (removed again); false with `error` when it could not be.
bool qgzBytes(const std::string& qgsName, const std::string& xml, const std::filesystem::path& scratch,
              std::string& bytes, std::string& error);

} // namespace app::qgis
