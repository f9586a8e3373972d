#include <geo/base/projection.hpp>

#include <ogr_spatialref.h>

#include <cassert>
#include <cmath>
#include <limits>

namespace geo {

const char* const Projection::kRegionalDefinition =
    "+proj=lcc +lat_1=24 +lat_2=33 +lat_0=28 +lon_0=125 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs";

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::unique_ptr<OGRSpatialReference> makeSrs(const std::string& definition) {
    auto srs = std::make_unique<OGRSpatialReference>();
    [[maybe_unused]] OGRErr err = srs->SetFromUserInput(definition.c_str());
    assert(err == OGRERR_NONE && "Projection: invalid CRS definition");
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}
} // namespace

Projection::Projection(const std::string& definition)
    : m_srs(makeSrs(definition)), m_wgs84(makeSrs("EPSG:4326")) {
    m_toProjected.reset(OGRCreateCoordinateTransformation(m_wgs84.get(), m_srs.get()));
    m_toLonLat.reset(OGRCreateCoordinateTransformation(m_srs.get(), m_wgs84.get()));
    assert(m_toProjected && m_toLonLat && "Projection: PROJ could not build the transformations");
}

Projection::~Projection() = default;

glm::dvec2 Projection::forward(glm::dvec2 lonLat) const {
    double x = lonLat.x, y = lonLat.y;
    if (!std::isfinite(x) || !std::isfinite(y) || !m_toProjected->Transform(1, &x, &y)) return {kNaN, kNaN};
    return {x, y};
}

glm::dvec2 Projection::inverse(glm::dvec2 xy) const {
    double x = xy.x, y = xy.y;
    if (!std::isfinite(x) || !std::isfinite(y) || !m_toLonLat->Transform(1, &x, &y)) return {kNaN, kNaN};
    return {x, y};
}

void Projection::forward(std::vector<glm::dvec2>& points) const {
    if (points.empty()) return;
    // glm::dvec2 is two packed doubles: transform with strided x/y arrays.
    std::vector<double> xs(points.size()), ys(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        xs[i] = points[i].x;
        ys[i] = points[i].y;
    }
    std::vector<int> ok(points.size(), 0);
    m_toProjected->Transform(static_cast<int>(points.size()), xs.data(), ys.data(), nullptr, ok.data());
    for (size_t i = 0; i < points.size(); ++i)
        points[i] = ok[i] ? glm::dvec2{xs[i], ys[i]} : glm::dvec2{kNaN, kNaN};
}

Box Projection::forward(const LonLatBox& area) const {
    Box box;
    const glm::dvec2 lo = area.min, hi = area.max;
    for (int i = 0; i <= 16; ++i) {
        const double t = i / 16.0;
        for (glm::dvec2 ll : {glm::dvec2{lo.x + (hi.x - lo.x) * t, lo.y}, glm::dvec2{lo.x + (hi.x - lo.x) * t, hi.y},
                              glm::dvec2{lo.x, lo.y + (hi.y - lo.y) * t}, glm::dvec2{hi.x, lo.y + (hi.y - lo.y) * t}})
            box.extend(forward(ll));
    }
    return box;
}

double Projection::scaleFactor(double latDeg) const {
    // Numerically: project two points 1 km apart along the meridian and compare
    // with the ground distance on the WGS84 ellipsoid (meridional radius of curvature).
    constexpr double a = 6378137.0, f = 1.0 / 298.257223563, e2 = f * (2 - f);
    const double phi = latDeg * M_PI / 180.0;
    const double s = std::sin(phi);
    const double meridionalRadius = a * (1 - e2) / std::pow(1 - e2 * s * s, 1.5);
    const double dLat = (1000.0 / meridionalRadius) * 180.0 / M_PI;
    const glm::dvec2 p0 = forward({125.0, latDeg - dLat / 2}), p1 = forward({125.0, latDeg + dLat / 2});
    return std::hypot(p1.x - p0.x, p1.y - p0.y) / 1000.0;
}

std::unique_ptr<OGRCoordinateTransformation> Projection::transformFrom(const OGRSpatialReference& source) const {
    OGRSpatialReference src(source);
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct;
    // WGS84 longitude/latitude, as most files are: a copy of the transformation this object
    // built at its construction, on its own thread. (A transformation cached from a loading
    // thread would hold that thread's PROJ context, which GDAL frees when the thread ends.)
    const char* const sameness[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT", nullptr};
    if (src.IsSame(m_wgs84.get(), sameness)) {
        std::lock_guard<std::mutex> lock(m_cloneMutex);
        ct.reset(m_toProjected->Clone());
        if (ct) return ct;
    }
    CPLPushErrorHandler(CPLQuietErrorHandler);
    ct.reset(OGRCreateCoordinateTransformation(&src, m_srs.get()));
    CPLPopErrorHandler();
    return ct;
}

} // namespace geo
