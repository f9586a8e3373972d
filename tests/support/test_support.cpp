#include "test_support.hpp"

#include <geo/briefing/briefing.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace test {

std::filesystem::path freshDir(const std::string& name) {
    static std::atomic<int> counter{0};
    const char* base = std::getenv("KTMAP_TEST_TMP");
    std::filesystem::path root = base && *base ? std::filesystem::path(base) : std::filesystem::temp_directory_path() / "ktmap-tests";
    std::filesystem::path dir = root / (name + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path writeVector(const std::filesystem::path& dir, const std::string& fileName, const std::string& driverName,
                                  int geometryType, int epsg, const std::vector<Row>& rows, const std::string& encoding) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
    if (!driver) throw std::runtime_error("no GDAL driver " + driverName);
    const std::filesystem::path path = dir / fileName;
    GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds) throw std::runtime_error("cannot create " + path.string());
    OGRSpatialReference srs;
    if (epsg) {
        srs.importFromEPSG(epsg);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    CPLStringList options;
    if (!encoding.empty()) options.SetNameValue("ENCODING", encoding.c_str());
    OGRLayer* layer = ds->CreateLayer(std::filesystem::path(fileName).stem().c_str(), epsg ? &srs : nullptr,
                                      static_cast<OGRwkbGeometryType>(geometryType), options.List());
    std::vector<std::string> fields;
    for (const auto& row : rows)
        for (const auto& [k, v] : row.attributes)
            if (std::find(fields.begin(), fields.end(), k) == fields.end()) fields.push_back(k);
    for (const auto& f : fields) {
        OGRFieldDefn def(f.c_str(), OFTString);
        def.SetWidth(80);
        layer->CreateField(&def);
    }
    for (const auto& row : rows) {
        OGRFeature* feature = OGRFeature::CreateFeature(layer->GetLayerDefn());
        for (const auto& [k, v] : row.attributes) feature->SetField(k.c_str(), v.c_str());
        if (!row.wkt.empty()) {
            OGRGeometry* g = nullptr;
            OGRGeometryFactory::createFromWkt(row.wkt.c_str(), epsg ? &srs : nullptr, &g);
            feature->SetGeometryDirectly(g);
        }
        if (layer->CreateFeature(feature) != OGRERR_NONE) throw std::runtime_error("cannot write a feature to " + path.string());
        OGRFeature::DestroyFeature(feature);
    }
    GDALClose(ds);
    return path;
}

std::vector<std::string> listDir(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<FencedBlock> fencedBlocks(const std::filesystem::path& markdown) {
    std::ifstream in(markdown);
    std::vector<FencedBlock> blocks;
    std::string line, fence; // fence: the open block's ``` or ~~~, empty outside one
    while (std::getline(in, line)) {
        const std::string mark = line.substr(0, 3);
        if (fence.empty() && (mark == "```" || mark == "~~~")) {
            fence = mark;
            blocks.push_back({line.substr(3), {}});
        } else if (!fence.empty() && line == fence) {
            fence.clear();
        } else if (!fence.empty()) {
            blocks.back().text += line + '\n';
        }
    }
    return blocks;
}

void writeFile(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::vector<std::string> formatWithout(const std::vector<geo::Diagnostic>& diagnostics, const std::string& prefix) {
    std::vector<std::string> out;
    for (const geo::Diagnostic& d : diagnostics) {
        std::string line = d.format();
        if (!prefix.empty() && line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
        out.push_back(line);
    }
    return out;
}

geo::Site makeSite(const std::string& id, double lon, double lat, const std::string& city) {
    geo::Site s;
    s.id = id;
    s.lon = lon;
    s.lat = lat;
    s.cityId = city;
    return s;
}

} // namespace test
