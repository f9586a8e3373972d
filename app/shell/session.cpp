#include "shell/session.hpp"

#include <geo/present/rehearsal.hpp>
#include <geo/view/audience_layout.hpp>
#include <geo/view/framing.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace app {

namespace {

geo::MapDocument::Files documentFiles(const ViewerOptions& o) { return {o.layerFile, o.extraLayers, o.briefingFile}; }

geo::Language languageOf(const std::string& code) {
    return code == "zh" ? geo::Language::Zh : code == "ja" ? geo::Language::Ja : geo::Language::En;
}

// What Home frames: the layer file's home, else all the data.
geo::Box homeBox(const geo::BaseMap& map, const geo::Projection& projection) {
    if (map.home) return projection.forward(*map.home);
    return map.frame.empty() ? map.bounds : map.frame;
}

} // namespace

sf::ContextSettings Session::contextSettings() {
    sf::ContextSettings s;
    s.depthBits = 0;
    s.stencilBits = 8;
    s.antialiasingLevel = 0; // lines are anti-aliased in the shader; MSAA costs ~14 ms a frame on llvmpipe
    s.majorVersion = 3;
    s.minorVersion = 3;
    return s;
}

Session::Session(ViewerOptions options)
    : m_options(std::move(options)), m_document(documentFiles(m_options), m_projection), m_baseUiScale(m_options.uiScale),
      m_uiScale(m_options.uiScale) {
    camera().setViewport({static_cast<double>(m_options.width), static_cast<double>(m_options.height)});
    m_mapCache.setEnabled(m_options.mapCopy);
    m_panelCache.setEnabled(m_options.panelCopy);
    m_presentation.reducedMotion = m_options.reducedMotion;
    m_presentation.fixedClock = m_options.clock;
    if (m_options.rememberSettings) m_tools.setTimingsFile(geo::rehearsalPath()); // remembered as the settings are
    if (m_options.paletteFile.empty()) {
        m_palette = geo::shippedPalette();
    } else {
        geo::PaletteLoad load = geo::loadPalette(m_options.paletteFile);
        m_palette = std::move(load.palette);
        for (const auto& d : load.diagnostics) spdlog::warn("{}", d.format());
        m_appMessages = std::move(load.diagnostics);
    }
}

Session::~Session() = default; // the graphics were shut down while their context was current

void Session::startLoading() {
    m_loading = std::async(std::launch::async, [this] {
        // The first view does not depend on the data: frame it first, so that loading builds
        // only the level of detail this view draws.
        camera().setLimits(geo::Box{}, 0.5, 1e5);
        if (m_options.view) {
            camera().setMetersPerPixel(geo::zoomToMpp(m_options.view->zoom));
            camera().setCenter(m_projection.forward({m_options.view->lon, m_options.view->lat}));
        } else if (!m_options.layerFile.empty()) {
            // Home, as the layer file gives it (read again with the map: a small file).
            const geo::LayerConfig config = geo::loadLayerConfig(m_options.layerFile).config;
            if (config.home) {
                const glm::dvec2 vp = camera().viewport();
                const geo::CameraView here{camera().center(), camera().metersPerPixel()};
                m_view.cut(geo::fitInArea(m_projection.forward(*config.home), {}, vp, geo::freeArea(vp, {}, config.homeMargin), 0.0, here));
            }
        }
        m_document.load(camera().metersPerPixel(), &m_loadTimings);
        limitCamera();
        if (!m_options.view) homeView();
        if (m_document.hasContent()) applyContentOptions();
    });
    // Finding and mapping the CJK font (fontconfig, ~10 ms) needs no GL either.
    m_fontsFound = std::async(std::launch::async, [this] {
        m_fonts.init(m_uiScale, m_fontMessage);
        m_fontsReady = true;
    });
}

void Session::finishLoading() {
    if (m_loading.valid()) m_loading.get();
    if (m_fontsFound.valid()) m_fontsFound.get();
}

void Session::limitCamera() {
    // The map can't be lost off-screen: the centre stays over the data (or the home area when
    // nothing loaded), the zoom between street level and the whole region. Home, with room for
    // its margins on any window shape, and where there is data (the frame, not the bounding
    // box: the clipped edge of the data never shows).
    geo::Box world = homeBox(m_document.map(), m_projection);
    const glm::dvec2 room = world.size() * 0.25;
    world.min -= room;
    world.max += room;
    world.extend(m_document.map().frame);
    if (world.empty()) return;
    const double maxMpp = std::max(world.size().x / 800.0, world.size().y / 500.0);
    camera().setLimits(world, 0.5, maxMpp);
}

void Session::homeView() {
    m_view.stopFlight();
    const geo::BaseMap& map = m_document.map();
    const geo::Box home = homeBox(map, m_projection);
    if (home.empty()) return;
    // The home area and every marker it shows, beside the panels (not under them), with the
    // layer file's margin all round: no marker hugs an edge of the first view.
    const glm::dvec2 vp = camera().viewport();
    geo::EdgePadding pad;
    std::vector<geo::FramedPoint> markers;
    if (m_document.hasContent()) {
        pad = padding();
        markers = geo::homeMarkers(m_document.briefing(), m_document.scene(), m_content.state, m_palette, home,
                                   m_content.contentScale(m_uiScale));
    }
    const geo::CameraView here{camera().center(), camera().metersPerPixel()};
    m_view.cut(geo::fitInArea(home, markers, vp, geo::freeArea(vp, pad, map.homeMargin), 0.0, here));
}

void Session::applyContentOptions() {
    const geo::Briefing& b = m_document.briefing();
    const geo::ContentScene& scene = m_document.scene();
    geo::ContentState& state = m_content.state;
    const std::string file = m_options.briefingFile.string();
    auto warn = [&](const std::string& message, const char* hint) {
        spdlog::warn("{}", message);
        addMessage(message, hint);
    };
    state.language = languageOf(m_options.language);
    state.sidebar = !m_options.noSidebar;
    if (m_options.year != 0) {
        state.yearFilter = true;
        state.year = m_options.year;
    }
    geo::reconcile(state, b, scene);
    // Trips: the first named is the active one (day list, playback); the view frames it unless
    // --view says otherwise.
    std::optional<geo::FrameRequest> request;
    for (auto it = m_options.trips.rbegin(); it != m_options.trips.rend(); ++it) {
        if (!geo::activateTrip(state, scene, *it)) {
            warn("--trip: there is no trip '" + *it + "' in " + file, "use a trip id from the briefing file");
            continue;
        }
        if (!m_options.view) request = geo::tripFrame(scene, *scene.trip(*it));
    }
    if (m_options.day > 0 && !m_options.trips.empty()) {
        geo::showDay(state, scene, m_options.day - 1);
        if (!m_options.view)
            if (const auto day = geo::dayFrame(state, scene, m_options.day - 1)) request = day; // that day's stops
    }
    if (!m_options.selectSite.empty() && geo::select(state, b, m_options.selectSite)) {
        if (!m_options.view && m_options.trips.empty()) request = geo::selectionFrame(state, b, scene);
    } else if (!m_options.selectSite.empty()) {
        warn("--select: there is no site or partnership '" + m_options.selectSite + "' in " + file,
             "use a site or partnership id from the briefing file");
    }
    if (request) frame(*request, false);
}

geo::EdgePadding Session::padding() {
    const glm::dvec2 vp = camera().viewport();
    const glm::vec2 display(static_cast<float>(vp.x), static_cast<float>(vp.y));
    const geo::PanelLayout panels = m_content.panels(display, m_uiScale);
    geo::EdgePadding padding;
    padding.left = static_cast<double>(panels.leftInset);
    padding.right = static_cast<double>(panels.rightInset);
    if (m_presentation.active()) {
        const double s = static_cast<double>(m_uiScale);
        // The caption covers the bottom of the screen: frame above it, as high as it reaches
        // once wrapped at this width (its glyphs baked first, so that it is measured as drawn).
        float caption = 0.0f;
        if (const geo::StoryStep* step = m_presentation.step(m_document.briefing())) {
            m_fonts.require(geo::stepCaption(*step, m_content.state.language));
            if (m_imguiReady && !ImGui::GetIO().Fonts->Locked) m_fonts.rebuildIfNeeded();
            caption = geo::layoutCaption(*step, m_content.state.language, m_fonts, m_uiScale, display).inset(display);
        }
        padding.bottom = std::max(150.0 * s, static_cast<double>(caption) + 16.0 * s);
        padding.top = 80.0 * s; // the step number and the day
    }
    return padding;
}

void Session::frame(const geo::FrameRequest& request, bool animate) {
    m_view.frame(request, padding(), static_cast<double>(m_uiScale), animate && !m_presentation.reducedMotion);
}

void Session::resized(int width, int height) {
    // A window minimised or squeezed to nothing keeps the last real size (nothing is drawn
    // until it is back).
    if (width <= 0 || height <= 0) return;
    camera().setViewport({static_cast<double>(width), static_cast<double>(height)});
    applyUiScale(); // a projector of another resolution
    // Presenting (a projector unplugged, the laptop's own screen taking over, another
    // resolution): the step keeps its place and is framed again for the new shape.
    if (m_presentation.active()) applyCurrentStep(false);
}

void Session::setBaseUiScale(float scale) {
    m_baseUiScale = std::clamp(scale, 1.0f, 3.0f);
    applyUiScale();
}

void Session::applyCurrentStep(bool animate) {
    if (!m_presentation.active()) return;
    const geo::StoryStep* step = m_presentation.step(m_document.briefing());
    if (!step) return;
    spdlog::debug("presenting '{}': step {} / {}", m_presentation.storyId(), m_presentation.navigator().current() + 1,
                  m_presentation.navigator().count());
    if (const auto request = geo::applyStep(m_content.state, m_document.briefing(), m_document.scene(), m_projection, *step))
        frame(*request, animate);
    m_tools.stepShown(); // the step as shown, to come back to from a detour; its time starts
}

bool Session::update(double dt) {
    bool changed = false;
    if (takeLevels()) changed = true;    // finer detail arrived: show it
    if (pollLayerFile()) changed = true; // the layer file was saved (checked in the background)
    if (pollContent()) changed = true;   // the content file was saved (read in the background)
    if (m_view.step(dt)) changed = true;
    if (m_presentation.animating()) changed = true; // the overlay's clock, a message
    if (m_presentation.active() && m_tools.update(dt)) changed = true; // the laser's trail, the spotlight's fade
    if (geo::advancePlayback(m_content.state, m_document.scene(), static_cast<float>(dt))) changed = true;
    return changed;
}

bool Session::takeLevels() {
    return m_document.takeLevels(camera().metersPerPixel(), [this](std::size_t layer, std::size_t level, const geo::MeshLevel& mesh) {
        upload(layer, level, mesh);
    });
}

void Session::waitForViewLevels() {
    m_document.waitForLevels(camera().metersPerPixel(), camera().zoom(),
                             [this](std::size_t layer, std::size_t level, const geo::MeshLevel& mesh) { upload(layer, level, mesh); });
}

void Session::waitForAllLevels() {
    m_document.waitForAllLevels([this](std::size_t layer, std::size_t level, const geo::MeshLevel& mesh) { upload(layer, level, mesh); });
}

bool Session::pollLayerFile(bool now, bool wait) {
    using Change = geo::MapDocument::LayerFileChange;
    const Change change = m_document.pollLayerFile(camera().metersPerPixel(), now, wait);
    if (change == Change::None) return false;
    if (change == Change::Reloaded) {
        m_renderer.upload(m_document.map());
        m_document.releaseVertices();
    }
    limitCamera(); // the home or the data may have changed
    return true;
}

bool Session::pollContent() {
    if (!m_document.pollContent()) return false;
    geo::reconcile(m_content.state, m_document.briefing(), m_document.scene());
    // Presenting: keep the place in the story (or leave when the story is gone).
    if (m_presentation.active()) {
        if (m_presentation.reload(m_document.briefing())) applyCurrentStep(false);
        else m_presenting.leave();
    }
    return true;
}

geo::Diagnostics Session::messages() const {
    geo::Diagnostics all = m_settingsMessages;
    const geo::Diagnostics map = m_document.mapMessages();
    all.insert(all.end(), map.begin(), map.end());
    all.insert(all.end(), m_appMessages.begin(), m_appMessages.end());
    all.insert(all.end(), m_document.contentMessages().begin(), m_document.contentMessages().end());
    return all;
}

void Session::addMessage(const std::string& message, const std::string& hint, const std::string& file) {
    m_appMessages.push_back({geo::Severity::Warning, file, 0, 0, message, hint});
}

} // namespace app
