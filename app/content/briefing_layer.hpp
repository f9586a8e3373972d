#pragma once
// The briefing content on the map: a marker for every site (by kind, grouped where
// they crowd), labels placed without overlaps, a tooltip on hover, a notes panel for
// the selected site, the trips (TripView) and partnerships (PartnershipView), the
// sidebar (search, trips, partnerships, legend, layers, language), and hot reload of
// the content file (policy in geo/content_reloader.hpp).
//
// Everything goes to ImGui's background draw list, so every ImGui window stays above
// it. Positions are projected once per load; each frame only applies the camera.
//
//   lon/lat ──Projection::forward (per load)──► metres ──Camera::worldToScreen (per frame)──► pixels

#include "text/font_set.hpp"
#include "content/map_context.hpp"
#include "content/partnership_view.hpp"
#include "content/trip_view.hpp"

#include <geo/briefing/briefing.hpp>
#include <geo/briefing/content_reloader.hpp>
#include <geo/base/diagnostic.hpp>
#include <geo/view/label_placement.hpp>
#include <geo/view/site_clusters.hpp>

#include <glm/vec2.hpp>
#include <imgui.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace geo {
class Camera;
class Projection;
struct BaseMap;
} // namespace geo

namespace app {

class FontSet;

// How a site kind looks on the map: fill colour, radius at UI scale 1, and its rank
// (hit-test tie-break and label priority: cities above the places in them).
struct MarkerStyle {
    ImU32 fill;
    float radius;
    int priority;
};
MarkerStyle markerStyle(geo::SiteKind kind);
// A site's: its kind's, larger and ranked first for the briefing's main places (`major`).
MarkerStyle markerStyle(const geo::Site& site);
// Draws one marker at `p` (legend and map alike); a major place gets a second, dark ring.
void drawMarker(ImDrawList* dl, ImVec2 p, geo::SiteKind kind, float scale, float grow = 1.0f, bool major = false);

class BriefingLayer {
public:
    static constexpr std::size_t kSiteKinds = 14;

    explicit BriefingLayer(std::filesystem::path file);

    // Loads the file. Problems become diagnostics; if the file has errors, what was valid
    // is still shown on the first load, and on later loads the last good content stays.
    void load();
    // Polls the file (cheap; call every frame: it looks at the file ~4 times a second).
    // Returns true when the content on screen changed or new diagnostics appeared.
    bool poll();
    // Advances trip playback and camera-independent animation; true while something moves.
    bool update(float dt);

    const geo::Briefing& briefing() const { return m_reloader.briefing(); }
    // Current problems of the content file, for the viewer's messages panel.
    const geo::Diagnostics& diagnostics() const { return m_reloader.diagnostics(); }

    // Call between ImGui::NewFrame and ImGui::Render: partnerships, trips, markers,
    // labels, tooltip, notes panels and the sidebar. `cursor` is the pointer in screen
    // pixels when it is over the map. `map` gives the sidebar its layer switches (may be null).
    void draw(const geo::Camera& camera, const geo::Projection& projection, FontSet& fonts, std::optional<glm::dvec2> cursor,
              geo::BaseMap* map);
    // A left click on the map (not on ImGui): an edge arrow, a site (or a group of them),
    // a partnership link, or nothing (clears the selection). Returns true if something was hit.
    bool click(glm::dvec2 screen, const geo::Camera& camera, const geo::Projection& projection);
    // Esc: closes the notes panel. Returns true if it did something.
    bool escape();
    // What the last clicks and panels asked the viewer to do (camera moves); cleared by the call.
    std::optional<CameraRequest> takeCameraRequest();
    // A story the sidebar asked to present; cleared by the call.
    std::optional<std::string> takePresentRequest();

    // Selects a site (opens its notes panel) or a partnership by id; false, and no change, if there is none.
    bool select(std::string_view id);
    // Asks the camera to frame the selected site or partnership (its parties on the map).
    void frameSelection(const geo::Projection& projection);
    const geo::Site* selectedSite() const;
    bool notesOpen() const { return selectedSite() != nullptr || !m_partnerships.selectedId().empty(); }
    // Shows a trip and makes it the active one; frames it (a camera request) when asked.
    bool showTrip(std::string_view tripId, const geo::Projection& projection, bool frame = true);
    // Frames the stops of day `day` (0-based) of the active trip.
    void frameDay(int day);
    // Shows a story step: its trip (up to its day), highlighted sites and partnerships, its
    // notes, and a camera request for its target (none: the camera stays).
    void applyStep(const geo::StoryStep& step, const geo::Projection& projection);
    // Presentation mode: larger markers, only the step's partnerships, highlights; off restores.
    void setPresenting(bool on);
    // A box drawn over the map this frame (a caption): labels keep out of it from the next frame.
    void coverForLabels(const geo::ScreenBox& box) { m_panelsNext.push_back(box); }
    bool presenting() const { return m_presenting; }
    // The sidebar's rectangle in this frame (min == max: not drawn), its window's name marker
    // and its opaque background colour: for drawing it from a copy while it does not change.
    struct Panel {
        ImVec2 min, max;
        ImU32 background = 0;
    };
    const Panel& sidebarPanel() const { return m_sidebarPanel; }
    static constexpr const char* kSidebarMarker = "###sidebar";
    // Width in pixels the sidebar and the notes panel cover on the left and the right, for framing.
    float leftInset(float displayWidth) const;
    float rightInset(float displayWidth) const;
    TripView& trips() { return m_trips; }
    PartnershipView& partnerships() { return m_partnerships; }
    // The site under `screen` (a cluster's leader when grouped), by index into briefing().sites.
    std::optional<std::size_t> siteAt(glm::dvec2 screen, const geo::Camera& camera, const geo::Projection& projection);
    // The labels placed in the last frame (screen boxes), for tests and the benchmark.
    const std::vector<geo::PlacedLabel>& placedLabels() const { return m_labels; }
    double lastLabelMs() const { return m_labelMs; }
    void setUiScale(float scale);

    geo::Language language = geo::Language::En; // labels and interface; names shown with fallback (displayName)
    bool showSidebar = true;
    bool showLabels = true;
    std::array<bool, kSiteKinds> kindVisible{};

private:
    void ensureProjected(const geo::Projection& projection);
    void updateScreenPositions(const geo::Camera& camera);
    void updateClusters();
    const geo::ScreenCluster* clusterAt(glm::dvec2 screen) const;
    void drawMarkers(const FontSet& fonts, std::optional<std::size_t> hoveredCluster);
    void drawLabels(FontSet& fonts, std::optional<std::size_t> hoveredCluster, glm::dvec2 viewport);
    void drawTooltip(FontSet& fonts, const geo::ScreenCluster& cluster, glm::dvec2 cursor);
    void drawPartnershipTooltip(FontSet& fonts, const std::string& id, glm::dvec2 cursor);
    void drawNotesPanel(FontSet& fonts);
    void drawSidebar(const MapContext& ctx, geo::BaseMap* map);
    void apply(const ContentActions& actions);
    // How the camera frames a site (at a scale that suits its kind) or a partnership (its parties in the region).
    CameraRequest siteFrame(const geo::Site& site) const;
    CameraRequest partnershipFrame(const geo::Partnership& p) const;
    void rememberPanel(); // call inside a panel's Begin/End: its rectangle blocks labels next frame

    geo::ContentReloader m_reloader;
    TripView m_trips;
    PartnershipView m_partnerships;
    // Per site of the briefing on screen, same order.
    std::vector<glm::dvec2> m_world;  // projected metres; NaN where the projection failed
    std::vector<glm::dvec2> m_screen; // this frame's pixels (NaN for hidden kinds)
    std::vector<int> m_priority;      // hit-test tie-break: cities above venues
    std::vector<geo::ScreenCluster> m_clusters;
    std::vector<geo::PlacedLabel> m_labels;
    std::vector<std::pair<std::size_t, geo::ScreenBox>> m_badges; // last frame's "+N" badges, by cluster
    std::vector<geo::ScreenBox> m_panels, m_panelsNext; // panel rectangles labels must not cover
    Panel m_sidebarPanel;
    double m_labelMs = 0.0;
    std::uint64_t m_projectedGeneration = 0;
    const geo::Projection* m_projectedWith = nullptr;
    std::string m_selectedId; // kept across reloads while the id exists
    std::optional<CameraRequest> m_cameraRequest;
    std::string m_search;
    bool m_presenting = false;
    std::optional<std::string> m_presentRequest;
    std::vector<std::string> m_highlightSites; // the story step's
    float m_uiScale = 1.0f;   // from the last draw, for hit radii in click()
};

} // namespace app
