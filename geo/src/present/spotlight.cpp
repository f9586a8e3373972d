#include <geo/present/spotlight.hpp>

#include <algorithm>
#include <cmath>

namespace geo {

void Spotlight::setOn(bool on) {
    m_on = on;
    if (!on) m_site.clear();
}

bool Spotlight::step(double dt) {
    const float target = m_on ? 1.0f : 0.0f;
    if (m_opacity == target) return false;
    const float delta = static_cast<float>(dt / kFadeSeconds);
    m_opacity = m_on ? std::min(1.0f, m_opacity + delta) : std::max(0.0f, m_opacity - delta);
    return true;
}

void Spotlight::scaleRadius(float factor) { setRadius(m_radius * factor); }

void Spotlight::setRadius(float fraction) { m_radius = std::clamp(fraction, kMinRadius, kMaxRadius); }

glm::vec2 Spotlight::centre(const Briefing& briefing, const ContentScene& scene, const Camera& camera, glm::vec2 display) const {
    if (!m_site.empty()) {
        for (std::size_t i = 0; i < briefing.sites.size() && i < scene.siteWorld.size(); ++i) {
            if (briefing.sites[i].id != m_site) continue;
            const glm::dvec2 w = scene.siteWorld[i];
            if (!std::isfinite(w.x) || !std::isfinite(w.y)) break;
            const glm::dvec2 p = camera.worldToScreen(w);
            return {static_cast<float>(p.x), static_cast<float>(p.y)};
        }
    }
    if (m_pointer) return *m_pointer;
    return display * 0.5f;
}

void Spotlight::layout(const Briefing& briefing, const ContentScene& scene, const Camera& camera, glm::vec2 display,
                       const Palette::Tools& look, DisplayList& out) const {
    if (m_opacity <= 0.0f) return;
    // Eased, so that the dimming neither pops in nor lingers.
    const float t = m_opacity * m_opacity * (3.0f - 2.0f * m_opacity);
    const float radius = m_radius * display.y;
    out.add(draw::Shade{centre(briefing, scene, camera, display), radius, std::max(12.0f, radius * 0.35f), look.spotlight.withAlpha(t)});
}

} // namespace geo
