#pragma once
// One run of the viewer, whatever drives it (the interactive shell, the headless runner, the
// benchmark, the soak): the document (the files and their reloads), the camera, the view state
// (content, base map, presentation, overlay), and the graphics that draw a frame of them.
//
//   files ─► geo::MapDocument ─► layout (geo: display lists, hit index) ─► painters, renderer ─► GPU
//                                   ▲
//          view state (selection, trips, theme, visibility) ────────────────┘

#include "content/content_view.hpp"
#include "content/overlay.hpp"
#include "gl/gl_painter.hpp"
#include "gl/map_cache.hpp"
#include "gl/offscreen_target.hpp"
#include "gl/map_renderer.hpp"
#include "gl/panel_cache.hpp"
#include "present/presentation.hpp"
#include "present/presentation_controller.hpp"
#include "present/presenter_tools.hpp"
#include "shell/viewer_options.hpp"
#include "text/font_set.hpp"

#include <geo/base/projection.hpp>
#include <geo/document/map_document.hpp>
#include <geo/view/camera_controller.hpp>
#include <geo/view/content_layout.hpp>
#include <geo/view/map_view.hpp>
#include <geo/view/palette.hpp>

#include <SFML/Window/ContextSettings.hpp>

#include <future>
#include <optional>
#include <string>
#include <vector>

namespace sf {
class Window;
}

namespace app {

class Session {
public:
    explicit Session(ViewerOptions options);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // The GL context every window and offscreen context asks for (GL 3.3, no MSAA).
    static sf::ContextSettings contextSettings();

    // Loads the files and finds the fonts on threads of their own, so that they overlap
    // making the window and its GL context; finishLoading() waits and applies the options.
    void startLoading();
    void finishLoading();
    // Everything a frame needs, on the current GL context (`window`: the one ImGui reads the
    // mouse from, or null offscreen). False (and said why) when ImGui's renderer cannot start.
    bool initGraphics(sf::Window* window);
    // Frees everything in the GL context; call while it is still current.
    void shutdownGraphics();

    const ViewerOptions& options() const { return m_options; }
    const geo::Projection& projection() const { return m_projection; }
    geo::MapDocument& document() { return m_document; }
    const geo::MapDocument& document() const { return m_document; }
    geo::CameraController& view() { return m_view; }
    geo::Camera& camera() { return m_view.camera(); }
    ContentView& content() { return m_content; }
    geo::MapView& mapView() { return m_mapView; }
    Presentation& presentation() { return m_presentation; }
    PresentationController& presenting() { return m_presenting; }
    PresenterTools& tools() { return m_tools; }
    OverlayState& overlay() { return m_overlay; }
    FontSet& fonts() { return m_fonts; }
    const geo::Palette& palette() const { return m_palette; }
    const geo::BaseMapTimings& loadTimings() const { return m_loadTimings; }

    // Frames `request` beside the panels (and above the caption while presenting); flies
    // when `animate` (and motion is not reduced), else cuts.
    void frame(const geo::FrameRequest& request, bool animate);
    // Taiwan and Kyushu together (the layer file's home), beside the sidebar.
    void homeView();
    // The window (or target) changed size: the camera keeps its centre and scale; presenting,
    // the step is framed again for the new shape.
    void resized(int width, int height);
    // The interface scale: the user's (--ui-scale, Ctrl+= / Ctrl+-), and in the live viewer
    // while presenting at least the display's height over 1080 (a 4K projector shows the 1080p
    // layout). uiScale() is the one in use.
    float uiScale() const { return m_uiScale; }
    float baseUiScale() const { return m_baseUiScale; }
    void setBaseUiScale(float scale);
    void setFollowDisplay(bool on) { m_followDisplay = on; }
    void applyUiScale();

    // Shows the presentation's current step (its trip, highlights, notes) and frames it.
    void applyCurrentStep(bool animate);

    // Once a frame, before drawing: the flight, playback, levels of detail that arrived, and
    // the files' reloads. True when the picture changed.
    bool update(double dt);
    // Levels of detail the background builder finished, uploaded; true if any.
    bool takeLevels();
    // Hot reload of the layer file (see MapDocument::pollLayerFile); true when the map or its messages changed.
    bool pollLayerFile(bool now = false, bool wait = false);
    // Hot reload of the briefing; presenting, the place in the story is kept (or presenting ends).
    bool pollContent();
    // Blocks until the view's levels, or all of them, are uploaded (screenshots, exports, tests).
    void waitForViewLevels();
    void waitForAllLevels();

    struct FrameStats {
        MapRenderer::Stats map;
        double mapMs = 0, uiMs = 0; // when profiling: map drawing and the interface, GPU work included
        std::size_t contentVertices = 0, contentDraws = 0; // the GL painter's (content and the map's text)
    };
    // Draws a frame into the bound framebuffer.
    FrameStats renderFrame(glm::ivec2 size, float dt);
    // Splits frame time into map and interface (adds a glFinish between them: benchmark only).
    void setProfiling(bool on) { m_profiling = on; }
    // The pointer over the window (screen pixels), or none; `dragging`: it is panning the map.
    void setPointer(std::optional<glm::dvec2> pointer, bool dragging = false) {
        m_pointer = pointer;
        m_dragging = dragging;
    }
    // A click on the map (not on a panel); true when something was hit. Presenting, a click
    // that hits nothing changes nothing (a clicker in mouse mode, a touchpad tap); one on a
    // site or a link opens it (a detour from the step).
    bool click(glm::dvec2 screen);
    // The site whose marker is under `screen` in the last frame's layout (what is on screen).
    std::optional<std::string> siteAt(glm::dvec2 screen) const;
    // The presenter window's picture of the next step: the map and the content as the projector
    // will show them, drawn into a texture when the step changes (none at the last step).
    // Call on the map's GL context, outside a frame.
    void updateNextPicture();
    const OffscreenTarget& nextPicture() const { return m_nextPicture; }
    bool hasNextPicture() const { return m_nextPictureShown; }
    // The last frame's layout (labels placed, label placement time; tests and the benchmark).
    const geo::ContentLayout& lastLayout() const { return m_layout; }
    PanelCache::Last panelCopyLast() const { return m_panelCache.last(); }
    MapCache::Last mapCopyLast() const { return m_mapCache.last(); }

    // Messages for the window: the settings', the files', the viewer's own.
    geo::Diagnostics messages() const;
    void addMessage(const std::string& message, const std::string& hint, const std::string& file = {});
    void addDiagnostic(geo::Diagnostic diagnostic) { m_appMessages.push_back(std::move(diagnostic)); }
    void setSettingsMessages(geo::Diagnostics messages) { m_settingsMessages = std::move(messages); }
    // A story the sidebar asked to present this frame.
    std::optional<std::string> takePresentRequest() { return m_content.takePresentRequest(); }

private:
    void applyContentOptions();
    void limitCamera();
    geo::EdgePadding padding();
    geo::ContentLayout layoutFrame(glm::vec2 display, geo::AudienceLayout& audience, std::optional<glm::dvec2> pointer);
    void upload(std::size_t layer, std::size_t level, const geo::MeshLevel& mesh) { m_renderer.uploadLevel(layer, level, mesh); }

    ViewerOptions m_options;
    geo::Projection m_projection;
    geo::MapDocument m_document;
    geo::BaseMapTimings m_loadTimings;
    geo::CameraController m_view;
    ContentView m_content;
    geo::MapView m_mapView;
    Presentation m_presentation;
    PresentationController m_presenting{*this};
    PresenterTools m_tools{*this};
    OverlayState m_overlay;
    geo::Palette m_palette;
    geo::Diagnostics m_settingsMessages, m_appMessages;
    float m_baseUiScale = 1.0f;
    float m_uiScale = 1.0f;
    bool m_followDisplay = false;

    // Loading.
    std::future<void> m_loading, m_fontsFound;
    std::string m_fontMessage;
    bool m_fontsReady = false;

    // Graphics.
    FontSet m_fonts;
    MapRenderer m_renderer;
    GlPainter m_glPainter{m_fonts};
    ImGuiPainter m_imguiPainter{m_fonts};
    MapCache m_mapCache;
    PanelCache m_panelCache;
    std::vector<unsigned char> m_mapSignature; // scratch: what this frame's map would draw
    bool m_imguiReady = false;
    bool m_profiling = false;
    std::optional<glm::dvec2> m_pointer;
    bool m_dragging = false;
    geo::ContentLayout m_layout;
    OffscreenTarget m_nextPicture;
    std::pair<std::string, std::size_t> m_nextPictureOf{"", static_cast<std::size_t>(-1)}; // the story step it shows
    bool m_nextPictureShown = false;
};

} // namespace app
