#pragma once
// The viewer: loads the data, owns the camera and the renderer, and runs either
// the interactive window or a single headless frame.

#include "content/briefing_layer.hpp"
#include "platform/displays.hpp"
#include "text/font_set.hpp"
#include "gl/map_renderer.hpp"
#include "gl/map_cache.hpp"
#include "gl/panel_cache.hpp"
#include "content/overlay.hpp"
#include "present/presentation.hpp"
#include "present/presenter_window.hpp"
#include "shell/viewer_options.hpp"

#include <geo/basemap/base_map.hpp>
#include <geo/view/camera.hpp>
#include <geo/view/fly_to.hpp>
#include <geo/basemap/layer_reloader.hpp>
#include <geo/basemap/mesh_builder.hpp>
#include <geo/base/projection.hpp>

#include <SFML/System/Clock.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/ContextSettings.hpp>
#include <SFML/Window/Window.hpp>

namespace sf {
class Context;
}

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>

namespace app {

class OffscreenTarget;

class Viewer {
public:
    explicit Viewer(ViewerOptions options);
    ~Viewer();
    Viewer(const Viewer&) = delete;
    Viewer& operator=(const Viewer&) = delete;

    // Opens the window and runs until it is closed. Returns the process exit code.
    int runInteractive();
    // Renders one frame offscreen at the requested size and writes it as PNG.
    int runScreenshot(const std::filesystem::path& out);

    // For the benchmark: everything a frame needs, on the current GL context.
    bool initGraphics(bool withWindow);
    FrameStats renderFrame(glm::ivec2 size, float dt);
    // Splits frame time into map and interface (adds a glFinish between them: benchmark only).
    void setProfiling(bool on) { m_profiling = on; }
    geo::Camera& camera() { return m_camera; }
    // The briefing content layer (null with --briefing ""): trips, partnerships, labels.
    BriefingLayer* briefing() { return m_briefing.get(); }
    // Moves the camera as the content would ask (a cut when !animate); advances a flight by dt.
    void requestCamera(const CameraRequest& request, bool animate) { handleCameraRequest(request, animate); }
    bool advanceFlight(double dt) { return stepFlight(dt); }
    const geo::BaseMap& baseMap() const { return m_map; }
    const geo::Projection& projection() const { return m_projection; }
    const geo::BaseMapTimings& loadTimings() const { return m_loadTimings; }
    void loadData();
    // loadData on another thread, so that it overlaps creating the window and GL context.
    void startLoading();
    void finishLoading();
    void homeView();
    // Uploads levels of detail the background builder finished; true if there were any.
    bool takeBuiltLevels();
    // How the last frame drew the sidebar (benchmark).
    PanelCache::Last panelCacheLast() const { return m_panelCache.last(); }
    // How the last frame drew the map (benchmark).
    MapCache::Last mapCacheLast() const { return m_mapCache.last(); }
    // Blocks until every level of detail is built and uploaded (benchmark).
    void waitForAllLevels();
    // Blocks until every shown layer has the level of detail the camera's scale needs
    // (screenshots and exports: a picture must not depend on how far the background
    // builder had got, or a zoomed-in story step is drawn from the coarsest coastline).
    void waitForViewLevels();
    // Hot reload of the layer file: looks at it (~4 times a second; every call when `now`)
    // and applies a finished background check (restyle, new map, or the messages saying why
    // the map is kept). With `wait`, blocks until a check it started has finished (soak).
    // True when the map or its messages changed.
    bool pollLayerFile(bool now = false, bool wait = false);
    // The window (or the offscreen target) changed size: the camera keeps its centre and
    // scale, or, presenting, frames the current step again for the new shape.
    void resized(int width, int height);
    // Frees everything that lives in the GL context; call while it is still current.
    void shutdownGraphics();
    // Headless rendering (screenshot, export, benchmark, soak): makes `context` current, starts
    // the graphics and an offscreen target of the options' size; false (and says why) otherwise.
    bool prepareHeadless(sf::Context& context, OffscreenTarget& target, const char* what);
    // The GL context every window and offscreen context of the viewer asks for (GL 3.3, no MSAA).
    static sf::ContextSettings contextSettings();
    // Presentation mode: the projector theme, chrome hidden, a story step by step.
    bool enterPresentation(const std::string& storyId, std::size_t step = 0);
    void leavePresentation();
    Presentation& presentation() { return m_presentation; }
    // Shows the presentation's current step; the camera flies there (cuts with reduced motion or !animate).
    void applyCurrentStep(bool animate);
    // Renders every step of the stories to PNG (and, when pdf is set, a PDF of them all). Returns the exit code.
    int runStoryExport(const std::vector<std::string>& storyIds, const std::filesystem::path& outDir,
                       const std::filesystem::path& pdf);

private:
    // Uploads finished levels of detail as they come until `enough` or the builder is idle.
    void uploadLevelsUntil(const std::function<bool()>& enough);
    static void releaseCpuCopy(geo::MeshLevel& level);
    void handleEvent(const sf::Event& event);
    void handleKey(const sf::Event::KeyEvent& key);
    void createWindow();
    void fitCameraToWindow();
    void applyInitialView();
    void applyContentOptions();
    // Camera limits from the map's frame and the home area.
    void limitCamera();
    // Every level of detail not yet built, in the background, nearest to the current scale first.
    void startMeshBuilder();
    void applyLayerFile(geo::LayerFileReloader::Result result);
    // Moves the camera as the content asked: a flight when `animate`, else a cut.
    void handleCameraRequest(const CameraRequest& request, bool animate);
    // Advances a camera flight; true while it flies.
    bool stepFlight(double dt);

    ViewerOptions m_options;
    geo::Projection m_projection;
    geo::BaseMap m_map;
    geo::BaseMapTimings m_loadTimings;
    geo::MeshBuilder m_meshBuilder;
    geo::Camera m_camera;
    geo::Diagnostics m_messages;
    geo::Diagnostics m_settingsMessages; // about the settings file (set aside, values ignored)
    std::size_t m_mapMessages = 0;       // the first m_mapMessages of m_messages are the base map's
    geo::Diagnostics m_layerFileMessages; // about the layer file as it is now, after a change
    std::unique_ptr<geo::LayerFileReloader> m_layerReloader;
    MapRenderer m_renderer;
    PanelCache m_panelCache; // the sidebar, from a copy while it does not change
    MapCache m_mapCache;     // the map, from a copy while it is held still
    std::vector<unsigned char> m_mapSignature; // scratch: what this frame's map would draw
    FontSet m_fonts;
    OverlayState m_overlay;
    std::unique_ptr<BriefingLayer> m_briefing;
    std::future<void> m_loading;
    // The font lookup (fontconfig) runs beside the loading; its message, if any.
    void findFonts();
    std::future<void> m_fontsFound;
    std::string m_fontMessage;
    bool m_fontsReady = false;
    geo::Diagnostics allMessages() const; // base map + briefing content problems
    std::unique_ptr<sf::Window> m_window;
    bool m_fullscreen = false;
    bool m_quit = false;
    bool m_profiling = false;
    bool m_imguiReady = false;
    // Mouse drag state.
    bool m_dragging = false;
    bool m_dragMoved = false; // a press that moved is a pan, not a click
    sf::Vector2i m_pressAt;
    sf::Vector2i m_lastMouse;
    std::optional<glm::dvec2> m_cursor;
    struct Flight {
        geo::FlyToPath path;
        double duration;
        double elapsed;
    };
    std::optional<Flight> m_flight;
    Presentation m_presentation;
    // What presentation mode changed, to restore on leaving it.
    struct SavedLook {
        std::vector<geo::LayerStyle> styles;
        geo::Color background;
        bool sidebar = true;
        bool fullscreen = false;
        bool messages = true;
        sf::Vector2i windowPosition; // the window before it went over the projector's display
        sf::Vector2u windowSize;
    };
    std::optional<SavedLook> m_saved;
    void handlePresentationKey(const sf::Event::KeyEvent& key);
    // The interface scale: the user's (--ui-scale; Ctrl+= and Ctrl+- in steps of 0.25, Ctrl+0
    // back to 1), and, in the live viewer while presenting, at least the window's height over
    // 1080. m_options.uiScale is the one in use.
    float m_baseUiScale = 1.0f;
    bool m_followDisplay = false; // the live viewer (not screenshots, exports, benchmark, soak)
    float wantedUiScale() const;
    void applyUiScale();
    bool handleScaleKey(const sf::Event::KeyEvent& key);
    // With two displays: the map borderless over the projector's monitor, the presenter
    // window on the other (see displays.hpp). Unset: one display (full screen, the O overlay).
    std::optional<Monitor> m_projectorMonitor;
    PresenterWindow m_presenterWindow;
    // Moves presenting onto the displays chooseDisplays picks; false when there are not two.
    bool presentOnTwoDisplays();
    // Draws the presenter window's frame (when open); with `capture`, returns its picture.
    sf::Image drawPresenterWindow(float dt, bool capture);
    // --capture-windows: the frames of the map and presenter windows and where they stand.
    void writeCapture(const sf::Image& map, const sf::Image& presenter);
};

} // namespace app
