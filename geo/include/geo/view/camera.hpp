#pragma once
// Camera: which part of the projected plane is on screen, and at what scale.
//
//  screen (pixels)                 world (projected metres)
//  (0,0) ──────► x                        ▲ y
//    │                                    │
//    ▼ y          x_s = (x_w - cx)/mpp + w/2
//                 y_s = h/2 - (y_w - cy)/mpp
//                                          └──────► x
// mpp = metres per pixel; zoom levels are the web map's (geo/base/web_zoom.hpp).

#include <geo/base/geometry.hpp>
#include <geo/base/web_zoom.hpp>

#include <glm/vec2.hpp>

namespace geo {

class Projection;

class Camera {
public:
    glm::dvec2 center() const { return m_center; }
    double metersPerPixel() const { return m_mpp; }
    double zoom() const { return mppToZoom(m_mpp); }
    glm::dvec2 viewport() const { return m_viewport; }

    void setCenter(glm::dvec2 center);
    void setMetersPerPixel(double mpp);
    // Resizing keeps the centre and the scale (as far as the limits allow).
    void setViewport(glm::dvec2 sizePixels);

    glm::dvec2 worldToScreen(glm::dvec2 world) const;
    glm::dvec2 screenToWorld(glm::dvec2 screen) const;
    Box visibleBox() const;

    // Moves the map with the pointer: the world point under the cursor follows it.
    void panPixels(glm::dvec2 delta);
    // Zooms by factor (>1 zooms in) keeping the world point under `screen` fixed.
    void zoomAbout(glm::dvec2 screen, double factor);
    // Frames `box` with `marginPixels` on each side.
    void fit(const Box& box, double marginPixels);

    // Keeps the map findable: scale within [minMpp, maxMpp], and the view inside `world`
    // (so the edge of the data, where it was clipped, never shows).
    void setLimits(const Box& world, double minMpp, double maxMpp);

private:
    void clamp();

    glm::dvec2 m_center{0.0, 0.0};
    double m_mpp = 1000.0;
    glm::dvec2 m_viewport{1280.0, 720.0};
    Box m_limits;
    double m_minMpp = 0.05;
    double m_maxMpp = 100000.0;
};

} // namespace geo
