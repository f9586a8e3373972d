#pragma once
// Moving the camera as the content asks: framing a box in the part of the screen the panels
// leave free (as tangram-es's getEnclosingCameraPosition with EdgePadding), cut or flown along
// the van Wijk–Nuij path (fly_to.hpp), and the flight stepped frame by frame.
//
//   ┌──────────────────────────── viewport ────────────────────────────┐
//   │ left │            top                                   │ right  │
//   │ inset│   ┌──── the box, with `margin` around it ───┐    │ inset  │
//   │      │   │                                          │    │        │
//   │      │   └──────────────────────────────────────────┘    │        │
//   │      │            bottom (the presentation caption)      │        │
//   └──────────────────────────────────────────────────────────────────┘

#include <geo/base/geometry.hpp>
#include <geo/view/camera.hpp>
#include <geo/view/fly_to.hpp>

#include <glm/vec2.hpp>

#include <algorithm>
#include <optional>

namespace geo {

// A request to frame `box` (projected metres), zooming in no closer than `minMpp` metres per
// pixel (a single point is framed at that scale).
struct FrameRequest {
    Box box;
    double minMpp = 20.0;
    bool exact = false; // minMpp is the scale to use (an explicit view), not only a limit
};

// Pixels of the viewport that panels cover on each side.
struct EdgePadding {
    double left = 0.0, right = 0.0, top = 0.0, bottom = 0.0;
};

struct CameraView {
    glm::dvec2 center{0.0, 0.0};
    double metersPerPixel = 1.0;
};

// Where the camera goes to frame `request` in a viewport of `viewport` pixels with `padding`,
// at interface scale `scale` (margins grow with it; the closest zoom, minMpp, is for scale 1,
// so that a 4K display at scale 2 frames the same ground as 1080p). The free width is at
// least 200 px × scale; the margin around the box is 40 px × scale for a full-map view
// (minMpp ≤ 0), else 70 px × scale. The box is centred between the side insets (horizontally
// no further right than half the difference of the insets) and between top and bottom.
// An exact request keeps its scale and centres on the box's centre horizontally as well
// (shifted for the insets) but not vertically.
CameraView enclosingView(const FrameRequest& request, glm::dvec2 viewport, const EdgePadding& padding, double scale);

class CameraController {
public:
    Camera& camera() { return m_camera; }
    const Camera& camera() const { return m_camera; }

    // Frames the request (nothing for an empty box): a flight when `animate`, else a cut.
    void frame(const FrameRequest& request, const EdgePadding& padding, double scale, bool animate);
    // Cuts to `view` (cancels a flight).
    void cut(const CameraView& view);
    // Flies to `view` (cuts when not `animate`, or when it is where the camera is).
    void flyTo(const CameraView& view, bool animate);
    // Where the camera is going: the flight's end, else where it is.
    CameraView destination() const;
    // Advances a flight by dt seconds (eased); true while it flies (this frame moved).
    bool step(double dt);
    bool flying() const { return m_flight.has_value(); }
    // Seconds the flight still takes (0 when not flying).
    double flightRemaining() const { return m_flight ? std::max(0.0, m_flight->duration - m_flight->elapsed) : 0.0; }
    void stopFlight() { m_flight.reset(); }

private:
    struct Flight {
        FlyToPath path;
        double duration;
        double elapsed;
        CameraView to;
    };
    Camera m_camera;
    std::optional<Flight> m_flight;
};

} // namespace geo
