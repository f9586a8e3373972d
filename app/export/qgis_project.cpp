#include "export/qgis_project.hpp"

#include <geo/base/atomic_file.hpp>

#include <zip.h>

#include <ctime>
#include <optional>
#include <sstream>
#include <system_error>

namespace app::qgis {

namespace {

std::string number(double v) {
    std::ostringstream out;
    out.precision(17);
    out << v;
    return out.str();
}

void text(pugi::xml_node parent, const char* name, const std::string& value) { parent.append_child(name).text() = value.c_str(); }

void writeCrs(pugi::xml_node parent, const Crs& crs) {
    pugi::xml_node srs = parent.append_child("spatialrefsys");
    srs.append_attribute("nativeFormat") = "Wkt";
    text(srs, "wkt", crs.wkt);
    text(srs, "proj4", crs.proj4);
    text(srs, "srsid", "0");
    text(srs, "srid", crs.authid.rfind("EPSG:", 0) == 0 ? crs.authid.substr(5) : "0");
    text(srs, "authid", crs.authid);
    text(srs, "description", crs.description);
    text(srs, "projectionacronym", crs.acronym);
    text(srs, "ellipsoidacronym", "EPSG:7030");
    text(srs, "geographicflag", crs.geographic ? "true" : "false");
}

// A typed entry of the project's <properties>, as QgsProject writes them.
void property(pugi::xml_node group, const char* name, const char* type, const std::string& value) {
    pugi::xml_node p = group.append_child(name);
    p.append_attribute("type") = type;
    p.text() = value.c_str();
}

void writeMapLayer(pugi::xml_node layers, const ProjectLayer& layer) {
    const LayerLook& look = layer.look;
    pugi::xml_node m = layers.append_child("maplayer");
    m.append_attribute("type") = "vector";
    const char* geometry = look.geometry == Geometry::Point ? "Point" : look.geometry == Geometry::Line ? "Line" : "Polygon";
    m.append_attribute("geometry") = geometry;
    text(m, "id", layer.id);
    text(m, "datasource", layer.source);
    text(m, "layername", look.name);
    writeCrs(m.append_child("srs"), layer.crs);
    pugi::xml_node meta = m.append_child("resourceMetadata");
    text(meta, "identifier", look.table);
    text(meta, "title", look.name);
    if (!look.attribution.empty()) {
        text(meta, "rights", look.attribution);
        pugi::xml_node attribution = m.append_child("attribution");
        attribution.append_attribute("href") = "";
        attribution.text() = look.attribution.c_str();
    }
    pugi::xml_node provider = m.append_child("provider");
    provider.append_attribute("encoding") = "UTF-8";
    provider.text() = "ogr";
    writeLook(m, look);
}

} // namespace

std::string projectXml(const Project& p) {
    pugi::xml_document doc;
    doc.append_child(pugi::node_doctype).set_value("qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'");
    pugi::xml_node root = doc.append_child("qgis");
    root.append_attribute("projectname") = p.title.c_str();
    root.append_attribute("version") = "3.22.16-Białowieża";
    pugi::xml_node home = root.append_child("homePath");
    home.append_attribute("path") = "";
    text(root, "title", p.title);
    writeCrs(root.append_child("projectCrs"), p.crs);

    // The legend lists the top layer first.
    pugi::xml_node tree = root.append_child("layer-tree-group");
    tree.append_child("customproperties");
    for (auto it = p.layers.rbegin(); it != p.layers.rend(); ++it) {
        pugi::xml_node l = tree.append_child("layer-tree-layer");
        l.append_attribute("id") = it->id.c_str();
        l.append_attribute("name") = it->look.name.c_str();
        l.append_attribute("source") = it->source.c_str();
        l.append_attribute("providerKey") = "ogr";
        l.append_attribute("checked") = it->visible ? "Qt::Checked" : "Qt::Unchecked";
        l.append_attribute("expanded") = "1";
        l.append_child("customproperties");
    }

    pugi::xml_node canvas = root.append_child("mapcanvas");
    canvas.append_attribute("name") = "theMapCanvas";
    canvas.append_attribute("annotationsVisible") = "1";
    text(canvas, "units", "meters");
    pugi::xml_node extent = canvas.append_child("extent");
    text(extent, "xmin", number(p.xmin));
    text(extent, "ymin", number(p.ymin));
    text(extent, "xmax", number(p.xmax));
    text(extent, "ymax", number(p.ymax));
    text(canvas, "rotation", "0");
    writeCrs(canvas.append_child("destinationsrs"), p.crs);
    text(canvas, "rendermaptile", "0");

    pugi::xml_node view = root.append_child("ProjectViewSettings");
    view.append_attribute("UseProjectScales") = "0";
    view.append_attribute("rotation") = "0";
    pugi::xml_node defaultExtent = view.append_child("DefaultViewExtent");
    defaultExtent.append_attribute("xmin") = number(p.xmin).c_str();
    defaultExtent.append_attribute("ymin") = number(p.ymin).c_str();
    defaultExtent.append_attribute("xmax") = number(p.xmax).c_str();
    defaultExtent.append_attribute("ymax") = number(p.ymax).c_str();
    writeCrs(defaultExtent, p.crs);

    pugi::xml_node projectLayers = root.append_child("projectlayers");
    for (const ProjectLayer& layer : p.layers) writeMapLayer(projectLayers, layer);
    pugi::xml_node order = root.append_child("layerorder");
    for (auto it = p.layers.rbegin(); it != p.layers.rend(); ++it) order.append_child("layer").append_attribute("id") = it->id.c_str();

    pugi::xml_node properties = root.append_child("properties");
    property(properties.append_child("Paths"), "Absolute", "bool", "false");
    // Without it QGIS ignores <projectCrs> (QgsProject::readProjectFile).
    pugi::xml_node srs = properties.append_child("SpatialRefSys");
    property(srs, "ProjectionsEnabled", "int", "1");
    property(srs, "ProjectCRSProj4String", "QString", p.crs.proj4);
    pugi::xml_node gui = properties.append_child("Gui");
    property(gui, "CanvasColorRedPart", "int", std::to_string(p.background.r));
    property(gui, "CanvasColorGreenPart", "int", std::to_string(p.background.g));
    property(gui, "CanvasColorBluePart", "int", std::to_string(p.background.b));
    // QGIS's copyright decoration writes the attribution in the map's corner, as ktmap does.
    pugi::xml_node copyright = properties.append_child("CopyrightLabel");
    property(copyright, "Enabled", "bool", "true");
    property(copyright, "Label", "QString", p.attribution);
    property(copyright, "Placement", "int", "0"); // bottom left

    pugi::xml_node meta = root.append_child("projectMetadata");
    text(meta, "identifier", "");
    text(meta, "parentidentifier", "");
    text(meta, "language", "");
    text(meta, "type", "");
    text(meta, "title", p.title);
    text(meta, "abstract", p.abstract);
    text(meta, "rights", p.attribution);
    text(meta, "author", "ktmap");

    std::ostringstream out;
    doc.save(out, " ", pugi::format_default | pugi::format_no_declaration);
    return out.str();
}

bool qgzBytes(const std::string& qgsName, const std::string& xml, const std::filesystem::path& scratch,
              std::string& bytes, std::string& error) {
    struct Remove {
        const std::filesystem::path& path;
        ~Remove() {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
    } remove{scratch};
    zipFile zip = zipOpen64(scratch.c_str(), APPEND_STATUS_CREATE);
    if (!zip) {
        error = "cannot make the project's zip at " + scratch.string();
        return false;
    }
    zip_fileinfo info{};
    const std::time_t now = std::time(nullptr);
    if (const std::tm* t = std::localtime(&now)) {
        info.tmz_date = {static_cast<uInt>(t->tm_sec), static_cast<uInt>(t->tm_min), static_cast<uInt>(t->tm_hour),
                         static_cast<uInt>(t->tm_mday), static_cast<uInt>(t->tm_mon), static_cast<uInt>(t->tm_year + 1900)};
    }
    bool ok = zipOpenNewFileInZip64(zip, qgsName.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                    Z_DEFAULT_COMPRESSION, 0) == ZIP_OK;
    ok = ok && zipWriteInFileInZip(zip, xml.data(), static_cast<unsigned>(xml.size())) == ZIP_OK;
    ok = zipCloseFileInZip(zip) == ZIP_OK && ok;
    ok = zipClose(zip, nullptr) == ZIP_OK && ok;
    if (!ok) {
        error = "cannot write the project's zip at " + scratch.string();
        return false;
    }
    std::optional<std::string> data = geo::readFileBytes(scratch);
    if (!data) {
        error = "cannot read back the project's zip at " + scratch.string();
        return false;
    }
    bytes = std::move(*data);
    return true;
}

} // namespace app::qgis
