#pragma once
// The briefing content on the screen: its view state (geo::ContentState: selection, trips,
// filters, language), the frame's layout (geo::layoutContent: markers, labels, routes, links,
// callouts, hit areas), and the ImGui panels that read and write that state: the sidebar
// (language, search, stories, trips, partnerships, the sites legend, the base layers), the notes
// panel of a site or a partnership, and the tooltips. The loaded briefing is only read.

#include <geo/document/map_document.hpp>
#include <geo/view/camera_controller.hpp>
#include <geo/view/content_layout.hpp>
#include <geo/view/content_state.hpp>
#include <geo/view/map_view.hpp>
#include <geo/view/palette.hpp>
#include <geo/view/panel_layout.hpp>

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace geo {
class Camera;
class Projection;
} // namespace geo

namespace app {

class FontSet;

// What the panels read and write in a frame.
struct PanelContext {
    const geo::MapDocument& document;
    FontSet& fonts;
    const geo::Palette& palette;
    const geo::PanelLayout& panels;
    const geo::ContentLayout& layout;
    geo::MapView& mapView;
    float scale;                       // content scale
    std::optional<glm::dvec2> cursor;  // the pointer over the map
};

class ContentView {
public:
    geo::ContentState state;

    // The interface scale × 1.5 while presenting: markers, lines and panels on the projector.
    float contentScale(float uiScale) const { return uiScale * (state.presenting ? 1.5f : 1.0f); }
    // Where the panels stand in a frame of `display` pixels.
    geo::PanelLayout panels(glm::vec2 display, float uiScale) const;
    // The frame's layout of the content (`blocked`: what else labels must keep out of).
    geo::ContentLayout layout(const geo::MapDocument& document, const geo::Camera& camera, const geo::Projection& projection,
                              const geo::Palette& palette, const FontSet& fonts, float uiScale,
                              const std::vector<geo::ScreenBox>& blocked, std::optional<glm::dvec2> cursor) const;

    // ImGui, between NewFrame and Render: the tooltip of what the pointer is over, the notes
    // panel, the sidebar (not while presenting).
    void drawPanels(const PanelContext& ctx);

    // What the panels asked this frame: a camera move, a story to present.
    std::optional<geo::FrameRequest> takeFrameRequest();
    std::optional<std::string> takePresentRequest();

    // The sidebar's rectangle and its background (for drawing it from a copy), and the marker
    // in its window's name.
    static constexpr const char* kSidebarMarker = "###sidebar";

private:
    void drawTooltip(const PanelContext& ctx);
    void drawNotes(const PanelContext& ctx);
    void drawSidebar(const PanelContext& ctx);
    void drawSearch(const PanelContext& ctx);
    void drawTrips(const PanelContext& ctx);
    void drawPartnerships(const PanelContext& ctx);
    void drawSites(const PanelContext& ctx);
    // A site picked in a panel: selected, and framed.
    void openSite(const PanelContext& ctx, const std::string& id, bool frame);
    void openPartnership(const PanelContext& ctx, const std::string& id);
    void request(std::optional<geo::FrameRequest> frame);

    std::string m_search;
    int m_followDay = -1; // the day the trip list last scrolled to during playback
    std::optional<geo::FrameRequest> m_frame;
    std::optional<std::string> m_present;
};

// Converts a palette colour for ImGui's text colours.
ImVec4 toImGuiColour(geo::Color c);

} // namespace app
