#pragma once
// The briefing content on the map (first version): a marker for every site, labels
// for the cities, a tooltip on hover, a notes panel for the selected site, and hot
// reload of the content file (policy in geo/content_reloader.hpp).
//
// Markers and labels go to ImGui's background draw list, so every ImGui window
// stays above them. Site positions are projected once per load; each frame only
// applies the camera.
//
//   lon/lat ──Projection::forward (per load)──► metres ──Camera::worldToScreen (per frame)──► pixels

#include <geo/briefing.hpp>
#include <geo/content_reloader.hpp>
#include <geo/diagnostic.hpp>

#include <glm/vec2.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo {
class Camera;
class Projection;
} // namespace geo

namespace app {

class FontSet;

class BriefingLayer {
public:
    explicit BriefingLayer(std::filesystem::path file);

    // Loads the file. Problems become diagnostics; if the file has errors, what was valid
    // is still shown on the first load, and on later loads the last good content stays.
    void load();
    // Polls the file (cheap; call every frame: it looks at the file ~4 times a second).
    // Returns true when the content on screen changed or new diagnostics appeared.
    bool poll();

    const geo::Briefing& briefing() const { return m_reloader.briefing(); }
    // Current problems of the content file, for the viewer's messages panel.
    const geo::Diagnostics& diagnostics() const { return m_reloader.diagnostics(); }

    // Call between ImGui::NewFrame and ImGui::Render: markers, city labels, hover
    // tooltip, notes panel. `cursor` is the pointer in screen pixels when it is over the map.
    void draw(const geo::Camera& camera, const geo::Projection& projection, FontSet& fonts, std::optional<glm::dvec2> cursor);
    // A left click on the map (not on ImGui): selects the site under the cursor or
    // clears the selection. Returns true if a site was hit.
    bool click(glm::dvec2 screen, const geo::Camera& camera, const geo::Projection& projection);
    // Esc: closes the notes panel. Returns true if it did something.
    bool escape();

    // Selects a site by id (opens its notes panel); false, and no change, if there is none.
    bool select(std::string_view siteId);
    const geo::Site* selectedSite() const;
    bool notesOpen() const { return selectedSite() != nullptr; }
    // The site under `screen`, by index into briefing().sites.
    std::optional<std::size_t> siteAt(glm::dvec2 screen, const geo::Camera& camera, const geo::Projection& projection);

    geo::Language language = geo::Language::En; // labels and panel headings; names shown with fallback (displayName)

private:
    void ensureProjected(const geo::Projection& projection);
    void updateScreenPositions(const geo::Camera& camera);
    void drawMarkers(std::optional<std::size_t> hovered);
    void drawLabels(FontSet& fonts, std::optional<std::size_t> hovered, glm::dvec2 viewport);
    void drawTooltip(FontSet& fonts, const geo::Site& site, glm::dvec2 cursor);
    void drawNotesPanel(FontSet& fonts);

    geo::ContentReloader m_reloader;
    // Per site of the briefing on screen, same order.
    std::vector<glm::dvec2> m_world;  // projected metres; NaN where the projection failed
    std::vector<glm::dvec2> m_screen; // this frame's pixels
    std::vector<int> m_priority;      // hit-test tie-break: cities above venues
    std::vector<std::size_t> m_drawOrder; // low priority first, so cities are drawn on top
    std::uint64_t m_projectedGeneration = 0;
    const geo::Projection* m_projectedWith = nullptr;
    std::string m_selectedId; // kept across reloads while the id exists
    float m_uiScale = 1.0f;   // from the last draw, for hit radii in click()
};

} // namespace app
