#include <geo/view/camera.hpp>

#include <glm/common.hpp>

#include <algorithm>
#include <cmath>

namespace geo {

void Camera::setCenter(glm::dvec2 center) {
    m_center = center;
    clamp();
}

void Camera::setMetersPerPixel(double mpp) {
    if (std::isfinite(mpp) && mpp > 0) m_mpp = mpp;
    clamp();
}

void Camera::setViewport(glm::dvec2 sizePixels) {
    // A minimised window reports 0x0: keep a 1x1 viewport so the maths stays finite.
    m_viewport = glm::max(sizePixels, glm::dvec2(1.0, 1.0));
    clamp();
}

glm::dvec2 Camera::worldToScreen(glm::dvec2 world) const {
    return {(world.x - m_center.x) / m_mpp + m_viewport.x * 0.5, m_viewport.y * 0.5 - (world.y - m_center.y) / m_mpp};
}

glm::dvec2 Camera::screenToWorld(glm::dvec2 screen) const {
    return {(screen.x - m_viewport.x * 0.5) * m_mpp + m_center.x, (m_viewport.y * 0.5 - screen.y) * m_mpp + m_center.y};
}

Box Camera::visibleBox() const {
    Box b;
    b.extend(screenToWorld({0.0, 0.0}));
    b.extend(screenToWorld(m_viewport));
    return b;
}

void Camera::panPixels(glm::dvec2 delta) {
    m_center.x -= delta.x * m_mpp;
    m_center.y += delta.y * m_mpp;
    clamp();
}

void Camera::zoomAbout(glm::dvec2 screen, double factor) {
    if (!std::isfinite(factor) || factor <= 0) return;
    const glm::dvec2 anchor = screenToWorld(screen);
    const double oldMpp = m_mpp;
    m_mpp = std::clamp(m_mpp / factor, m_minMpp, m_maxMpp);
    // Keep `anchor` under `screen`: centre moves toward the anchor in proportion.
    m_center = anchor + (m_center - anchor) * (m_mpp / oldMpp);
    clamp();
}

void Camera::fit(const Box& box, double marginPixels) {
    if (box.empty()) return;
    const glm::dvec2 avail = glm::max(m_viewport - 2.0 * marginPixels, glm::dvec2(1.0, 1.0));
    const glm::dvec2 size = box.size();
    m_mpp = std::max(size.x / avail.x, size.y / avail.y);
    if (!(m_mpp > 0)) m_mpp = m_minMpp;
    m_center = box.center();
    clamp();
}

void Camera::setLimits(const Box& world, double minMpp, double maxMpp) {
    m_limits = world;
    m_minMpp = minMpp;
    m_maxMpp = maxMpp;
    clamp();
}

void Camera::clamp() {
    double maxMpp = m_maxMpp;
    if (!m_limits.empty()) {
        // Never show beyond the limits (the data's edge is not a coast): the view may
        // not be larger than the limits, and it stays inside them.
        const glm::dvec2 size = m_limits.size();
        maxMpp = std::min(maxMpp, std::min(size.x / m_viewport.x, size.y / m_viewport.y));
    }
    m_mpp = std::clamp(m_mpp, m_minMpp, std::max(maxMpp, m_minMpp));
    if (!m_limits.empty()) {
        const glm::dvec2 half = m_viewport * (0.5 * m_mpp);
        const glm::dvec2 lo = m_limits.min + half, hi = m_limits.max - half;
        m_center.x = lo.x <= hi.x ? std::clamp(m_center.x, lo.x, hi.x) : m_limits.center().x;
        m_center.y = lo.y <= hi.y ? std::clamp(m_center.y, lo.y, hi.y) : m_limits.center().y;
    }
    if (!std::isfinite(m_center.x) || !std::isfinite(m_center.y)) m_center = m_limits.empty() ? glm::dvec2(0.0) : m_limits.center();
}

} // namespace geo
