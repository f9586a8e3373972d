#include <geo/view/fly_to.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace geo {

FlyToPath::FlyToPath(FlightView from, FlightView to, double rho) : m_from(from), m_to(to), m_rho(rho) {
    m_from.width = std::max(m_from.width, 1e-9);
    m_to.width = std::max(m_to.width, 1e-9);
    const double w0 = m_from.width, w1 = m_to.width;
    m_u1 = glm::length(m_to.center - m_from.center);
    const double rho2 = rho * rho;
    // Far below a pixel's worth of the smaller width: treat as a pure zoom (the
    // general formulas divide by u1).
    if (!(m_u1 > 1e-9 * std::min(w0, w1))) {
        m_zoomOnly = true;
        m_S = std::abs(std::log(w1 / w0)) / rho;
        m_zoomSign = w1 > w0 ? 1.0 : w1 < w0 ? -1.0 : 0.0;
        return;
    }
    auto r = [&](int i) {
        const double wi = i == 0 ? w0 : w1;
        const double sign = i == 0 ? 1.0 : -1.0;
        const double b = (w1 * w1 - w0 * w0 + sign * rho2 * rho2 * m_u1 * m_u1) / (2.0 * wi * rho2 * m_u1);
        return std::log(std::sqrt(b * b + 1.0) - b);
    };
    m_r0 = r(0);
    m_S = (r(1) - m_r0) / rho;
}

FlightView FlyToPath::at(double t) const {
    t = std::clamp(t, 0.0, 1.0);
    if (t <= 0.0) return m_from;
    if (t >= 1.0) return m_to;
    const double s = t * m_S;
    FlightView v;
    if (m_zoomOnly) {
        v.center = m_from.center + (m_to.center - m_from.center) * t;
        v.width = m_from.width * std::exp(m_zoomSign * m_rho * s);
        return v;
    }
    const double rho2 = m_rho * m_rho;
    const double u = m_from.width / rho2 * (std::cosh(m_r0) * std::tanh(m_rho * s + m_r0) - std::sinh(m_r0));
    v.center = m_from.center + (m_to.center - m_from.center) * (u / m_u1);
    v.width = m_from.width * std::cosh(m_r0) / std::cosh(m_rho * s + m_r0);
    return v;
}

double FlyToPath::durationSeconds(double speed, double minSeconds, double maxSeconds) const {
    if (!(m_S > 1e-12)) return 0.0;
    return std::clamp(m_S / speed, minSeconds, maxSeconds);
}

double easeInOut(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

} // namespace geo
