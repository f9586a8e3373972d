#pragma once
// The map projection: WGS84 longitude/latitude <-> projected metres, through PROJ
// (via OGR's coordinate transformation).
//
//            N
//            ^  y (metres, north)
//            |
//   ---------+---------> x (metres, east)      origin: 28°N 125°E
//            |
// Lambert conformal conic, standard parallels 24°N and 33°N: conformal, so
// coastlines and street grids keep their shapes, and the scale error between
// Taiwan (22–25°N) and Kyushu (31–34°N) stays under 1 %.

#include <geo/base/geometry.hpp>
#include <geo/base/lon_lat_box.hpp>

#include <glm/vec2.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

class OGRSpatialReference;
class OGRCoordinateTransformation;

namespace geo {

class Projection {
public:
    // PROJ string of the regional map projection.
    static const char* const kRegionalDefinition;

    // Builds the projection from a PROJ string, WKT or "EPSG:n". An invalid
    // definition is a programming error (assert); the shipped one is always valid.
    explicit Projection(const std::string& definition = kRegionalDefinition);
    ~Projection();
    Projection(const Projection&) = delete;
    Projection& operator=(const Projection&) = delete;

    // lon/lat degrees -> metres. Returns NaN coordinates where PROJ fails.
    glm::dvec2 forward(glm::dvec2 lonLat) const;
    // metres -> lon/lat degrees. Returns NaN coordinates where PROJ fails.
    glm::dvec2 inverse(glm::dvec2 xy) const;
    // In place, many points at once (much faster than one by one).
    void forward(std::vector<glm::dvec2>& points) const;

    // The projected bounds of a lon/lat rectangle, walked along its edges (it is curved in a
    // conic projection).
    Box forward(const LonLatBox& box) const;

    // Point-scale factor at a latitude: ground metres per projected metre is 1/k.
    double scaleFactor(double latDeg) const;

    const OGRSpatialReference& spatialReference() const { return *m_srs; }

    // A transformation from another CRS into this projection, or null when PROJ
    // cannot build one (the caller reports it). Axis order is traditional GIS
    // (x = east/longitude first) on both sides. Thread-safe. From WGS84 longitude/latitude
    // (most files) it is a copy of the one built with this object (~0.1 ms instead of
    // PROJ's 1-5 ms search of its database, once per layer).
    std::unique_ptr<OGRCoordinateTransformation> transformFrom(const OGRSpatialReference& source) const;

private:
    mutable std::mutex m_cloneMutex;
    std::unique_ptr<OGRSpatialReference> m_srs;
    std::unique_ptr<OGRSpatialReference> m_wgs84;
    std::unique_ptr<OGRCoordinateTransformation> m_toProjected;
    std::unique_ptr<OGRCoordinateTransformation> m_toLonLat;
};

} // namespace geo
