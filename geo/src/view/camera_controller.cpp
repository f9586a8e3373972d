#include <geo/view/camera_controller.hpp>

#include <algorithm>

namespace geo {

CameraView enclosingView(const FrameRequest& request, glm::dvec2 vp, const EdgePadding& padding, double s) {
    const double left = padding.left, right = padding.right, top = padding.top, bottom = padding.bottom;
    const double usable = std::max(vp.x - left - right, 200.0 * s);
    const double margin = (request.minMpp <= 0.0 ? 40.0 : 70.0) * s;
    const glm::dvec2 size = request.box.size();
    double mpp = std::max({size.x / std::max(usable - 2 * margin, 50.0), size.y / std::max(vp.y - bottom - top - 2 * margin, 50.0),
                           request.minMpp / s});
    if (request.exact) mpp = request.minMpp;
    const double screenX = std::min(left + usable * 0.5, vp.x * 0.5 + (left - right) * 0.5);
    glm::dvec2 centre = request.box.center();
    centre.x += (vp.x * 0.5 - screenX) * mpp;
    if (!request.exact) centre.y -= (bottom - top) * 0.5 * mpp; // world y is up: the box sits between them
    return {centre, mpp};
}

void CameraController::frame(const FrameRequest& request, const EdgePadding& padding, double scale, bool animate) {
    if (request.box.empty()) return;
    const glm::dvec2 vp = m_camera.viewport();
    const CameraView to = enclosingView(request, vp, padding, scale);
    flyTo(to, animate);
}

void CameraController::flyTo(const CameraView& to, bool animate) {
    if (!animate) {
        cut(to);
        return;
    }
    const glm::dvec2 vp = m_camera.viewport();
    const FlyToPath path(FlightView{m_camera.center(), m_camera.metersPerPixel() * vp.x}, FlightView{to.center, to.metersPerPixel * vp.x});
    const double duration = path.durationSeconds();
    if (duration <= 0.0) return;
    m_flight = Flight{path, duration, 0.0, to};
}

CameraView CameraController::destination() const {
    if (m_flight) return m_flight->to;
    return {m_camera.center(), m_camera.metersPerPixel()};
}

void CameraController::cut(const CameraView& view) {
    m_flight.reset();
    m_camera.setMetersPerPixel(view.metersPerPixel);
    m_camera.setCenter(view.center);
}

bool CameraController::step(double dt) {
    if (!m_flight) return false;
    m_flight->elapsed += dt;
    const double t = easeInOut(m_flight->elapsed / m_flight->duration);
    const FlightView v = m_flight->path.at(t);
    const glm::dvec2 vp = m_camera.viewport();
    m_camera.setMetersPerPixel(v.width / std::max(vp.x, 1.0));
    m_camera.setCenter(v.center);
    if (m_flight->elapsed >= m_flight->duration) m_flight.reset();
    return true;
}

} // namespace geo
