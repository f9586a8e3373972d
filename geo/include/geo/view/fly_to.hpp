#pragma once
// Camera flights: the smooth zoom-and-pan path of van Wijk and Nuij ("Smooth and
// efficient zooming and panning", InfoVis 2003), the one MapLibre's flyTo follows:
// it zooms out while it travels far, so that the start and the end stay in context,
// and takes the optimal path in (centre, width) space for the curvature ρ.
//
// A view is a centre in world units (projected metres) and a width in world units
// (metres per pixel × viewport width: what is seen across the screen).

#include <glm/vec2.hpp>

namespace geo {

struct FlightView {
    glm::dvec2 center{0.0, 0.0};
    double width = 1.0; // world units across the viewport, > 0
};

class FlyToPath {
public:
    static constexpr double kDefaultRho = 1.42; // MapLibre's default curvature

    FlyToPath(FlightView from, FlightView to, double rho = kDefaultRho);

    // The view at progress t in [0, 1] along the path (clamped); t = 0 is `from` and
    // t = 1 is `to` exactly. Progress is proportional to the path's length S.
    FlightView at(double t) const;
    // The path length S of the paper (in units of the screen width, so the same
    // whatever the world units): durations are made proportional to it.
    double length() const { return m_S; }
    // A duration in seconds growing with the path length: length / speed, clamped to
    // [minSeconds, maxSeconds]; 0 when the two views are the same.
    double durationSeconds(double speed = 1.2, double minSeconds = 0.4, double maxSeconds = 3.0) const;

private:
    FlightView m_from;
    FlightView m_to;
    double m_rho;
    double m_u1 = 0.0; // distance between the centres
    double m_r0 = 0.0;
    double m_S = 0.0;
    bool m_zoomOnly = false; // the centres coincide: a pure zoom
    double m_zoomSign = 0.0;
};

// Ease-in-out on [0, 1] (cubic Bézier 0.25, 0.1, 0.25, 1 is MapLibre's; this is the
// simpler smoothstep-like 3t² − 2t³): monotone, 0 at 0, 1 at 1.
double easeInOut(double t);

} // namespace geo
