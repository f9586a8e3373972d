#include <geo/present/laser.hpp>

#include <algorithm>
#include <cmath>

namespace geo {

void LaserTrail::move(glm::vec2 screen, double now) {
    m_at = screen;
    while (!m_trail.empty() && now - m_trail.front().time > kTrailSeconds) m_trail.pop_front();
    if (!m_trail.empty()) {
        const glm::vec2 d = screen - m_trail.back().at;
        if (std::abs(d.x) + std::abs(d.y) < 1.0f) {
            m_trail.back().time = now;
            return;
        }
    }
    m_trail.push_back({screen, now});
    if (m_trail.size() > 240) m_trail.pop_front(); // a fast mouse at 240 Hz: one second
}

bool LaserTrail::fading(double now) const {
    return std::any_of(m_trail.begin(), m_trail.end(), [&](const Sample& s) { return now - s.time < kTrailSeconds; }) &&
           trailPoints(now) > 1;
}

std::size_t LaserTrail::trailPoints(double now) const {
    return static_cast<std::size_t>(
        std::count_if(m_trail.begin(), m_trail.end(), [&](const Sample& s) { return now - s.time < kTrailSeconds; }));
}

void LaserTrail::layout(double now, float displayHeight, const Palette::Tools& look, DisplayList& out) const {
    const float radius = std::max(displayHeight / 100.0f, 4.0f); // 1/50 of the height across
    // The trail: segment by segment, thinner and fainter with age.
    const Sample* previous = nullptr;
    for (const Sample& s : m_trail) {
        const double age = now - s.time;
        if (age >= kTrailSeconds) {
            previous = nullptr;
            continue;
        }
        if (previous) {
            const float fresh = static_cast<float>(1.0 - age / kTrailSeconds);
            LineStyle style;
            style.colour = look.laser.withAlpha(0.85f * fresh);
            style.width = radius * (0.35f + 0.9f * fresh);
            out.add(draw::Line{{previous->at, s.at}, style, 0.0f});
        }
        previous = &s;
    }
    if (m_at && previous && std::abs(previous->at.x - m_at->x) + std::abs(previous->at.y - m_at->y) > 0.5f) {
        LineStyle style;
        style.colour = look.laser.withAlpha(0.85f);
        style.width = radius * 1.25f;
        out.add(draw::Line{{previous->at, *m_at}, style, 0.0f});
    }
    if (!m_at) return;
    DiscStyle dot;
    dot.fill = look.laser;
    dot.fillRadius = radius;
    dot.ring = look.laserRing;
    dot.ringRadius = radius + std::max(2.0f, radius * 0.22f);
    dot.rim = look.laserRim;
    dot.rimRadius = dot.ringRadius + std::max(1.5f, radius * 0.18f);
    out.add(draw::Disc{*m_at, dot});
}

} // namespace geo
