#pragma once
// The spotlight: everything outside a soft-edged circle is dimmed. The circle follows the
// pointer, or stays on a site clicked while the spotlight is on (also while the camera
// flies); the wheel changes its radius; the dimming fades in and out.

#include <geo/briefing/briefing.hpp>
#include <geo/view/camera.hpp>
#include <geo/view/content_scene.hpp>
#include <geo/view/display_list.hpp>
#include <geo/view/palette.hpp>

#include <glm/vec2.hpp>

#include <optional>
#include <string>

namespace geo {

class Spotlight {
public:
    static constexpr double kFadeSeconds = 0.3;
    static constexpr float kMinRadius = 0.04f, kMaxRadius = 0.6f; // of the display's height

    bool on() const { return m_on; }
    void toggle() { setOn(!m_on); }
    void setOn(bool on);
    // How much of the dimming shows now (0..1); it fades towards on().
    float opacity() const { return m_opacity; }
    // Fades by dt seconds; true while it changes (draw again).
    bool step(double dt);
    // Jumps to the end of the fade (reduced motion, still frames).
    void settle() { m_opacity = m_on ? 1.0f : 0.0f; }

    void setPointer(std::optional<glm::vec2> screen) { m_pointer = screen; }
    // Stays on this site (its id) until unlock() or toggle(); "" unlocks.
    void lockTo(std::string siteId) { m_site = std::move(siteId); }
    void unlock() { m_site.clear(); }
    const std::string& lockedSite() const { return m_site; }
    // The radius as a fraction of the display's height, scaled by the wheel and kept in range.
    float radius() const { return m_radius; }
    void scaleRadius(float factor);
    void setRadius(float fraction);

    // Where the circle is now: on the locked site (projected through this frame's camera),
    // else at the pointer, else the display's centre.
    glm::vec2 centre(const Briefing& briefing, const ContentScene& scene, const Camera& camera, glm::vec2 display) const;
    // The dimming (nothing when fully faded out).
    void layout(const Briefing& briefing, const ContentScene& scene, const Camera& camera, glm::vec2 display, const Palette::Tools& look,
                DisplayList& out) const;

private:
    bool m_on = false;
    float m_opacity = 0.0f;
    float m_radius = 0.16f;
    std::optional<glm::vec2> m_pointer;
    std::string m_site;
};

} // namespace geo
