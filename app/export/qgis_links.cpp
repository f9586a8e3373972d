#include "export/qgis_links.hpp"

#include <geo/base/projection.hpp>
#include <geo/briefing/briefing.hpp>
#include <geo/briefing/partnership_links.hpp>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>

namespace app::qgis {

namespace {

struct FeatureFree {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};

std::string gdalMessage() {
    const std::string m = CPLGetLastErrorMsg();
    return m.empty() ? "GDAL gave no reason" : "GDAL: " + m;
}

std::string bilingual(const std::string& zh, const std::string& en) {
    if (zh.empty() || en.empty() || zh == en) return zh.empty() ? en : zh;
    return zh + " " + en;
}

} // namespace

bool writePartnershipLinks(GDALDataset& ds, const geo::Briefing& b, std::string& error) {
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds.CreateLayer(kLinksTable, &wgs84, wkbLineString, nullptr);
    if (!layer) {
        error = "cannot make the partnership_links table: " + gdalMessage();
        return false;
    }
    for (const char* name : {"id", "name", "kind", "name_zh", "name_en", "from_site", "to_site"}) {
        OGRFieldDefn field(name, OFTString);
        if (layer->CreateField(&field) != OGRERR_NONE) {
            error = "cannot make the partnership_links table: " + gdalMessage();
            return false;
        }
    }
    const geo::Projection projection;
    for (const geo::PartnershipLink& link : geo::partnershipLinks(b)) {
        const geo::Partnership& p = b.partnerships[link.partnership];
        const geo::Site& from = b.sites[link.fromSite];
        const geo::Site& to = b.sites[link.toSite];
        const glm::dvec2 a = projection.forward({from.lon, from.lat});
        const glm::dvec2 c = projection.forward({to.lon, to.lat});
        if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(c.x) || !std::isfinite(c.y)) continue;
        OGRLineString line;
        for (const glm::dvec2& xy : geo::curvedArc(a, c, link.bend, 32)) {
            const glm::dvec2 ll = projection.inverse(xy);
            line.addPoint(ll.x, ll.y);
        }
        std::unique_ptr<OGRFeature, FeatureFree> f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("id", p.id.c_str());
        f->SetField("name", bilingual(p.name, p.nameEn).c_str());
        f->SetField("kind", std::string(geo::partnershipKindName(p.kind)).c_str());
        f->SetField("name_zh", p.name.c_str());
        f->SetField("name_en", p.nameEn.c_str());
        f->SetField("from_site", from.id.c_str());
        f->SetField("to_site", to.id.c_str());
        f->SetGeometry(&line);
        if (layer->CreateFeature(f.get()) != OGRERR_NONE) {
            error = "cannot write partnership '" + p.id + "' to partnership_links: " + gdalMessage();
            return false;
        }
    }
    return true;
}

} // namespace app::qgis
