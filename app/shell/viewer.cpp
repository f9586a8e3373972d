#include "shell/viewer.hpp"

#include "shell/app_paths.hpp"
#include "shell/imgui_sfml.hpp"
#include "gl/offscreen_target.hpp"
#include "present/pdf_writer.hpp"
#include "present/story_keys.hpp"

#include <geo/base/settings.hpp>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Window/Context.hpp>
#include <SFML/Window/VideoMode.hpp>
#include <epoxy/gl.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <link.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <thread>

namespace app {

namespace {

constexpr const char* kTitle = "Taiwan–Kyushu cooperation map";

#if defined(__SANITIZE_ADDRESS__)
// Sanitizer builds only: keeps the GL driver (Mesa's swrast_dri.so / libgallium, or a GPU's
// *_dri.so) mapped until the process ends. X11 teardown at exit dlclose()s it before
// LeakSanitizer looks, which takes the driver's globals away as roots: what they still
// point at (~240 B allocated by the driver during the first draw) is then reported as a
// leak, with stacks the fast unwinder cannot follow through the driver (no frame
// pointers), so no suppression can match it; the slow unwinder deadlocks in libgcc
// against llvmpipe's JIT frame registration. Pinned, those objects stay reachable.
void pinGlDriver() {
    std::vector<std::string> drivers;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) {
            const std::string name = info->dlpi_name ? info->dlpi_name : "";
            if (name.find("_dri.so") != std::string::npos || name.find("libgallium") != std::string::npos)
                static_cast<std::vector<std::string>*>(out)->push_back(name);
            return 0;
        },
        &drivers);
    for (const std::string& name : drivers) // (not inside the callback: it holds the loader's lock)
        if (!dlopen(name.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE)) spdlog::debug("cannot pin {}", name);
}
#endif

} // namespace

sf::ContextSettings Viewer::contextSettings() {
    sf::ContextSettings s;
    s.depthBits = 0;
    s.stencilBits = 8;
    s.antialiasingLevel = 0; // lines are anti-aliased in the shader; MSAA costs ~14 ms a frame on llvmpipe
    s.majorVersion = 3;
    s.minorVersion = 3;
    return s;
}

namespace {

// The area the Home key frames: Taiwan (with Kinmen and Matsu) and Kyushu together.
geo::Box homeBox(const geo::Projection& projection) {
    geo::Box box;
    // Walk the edges of the lon/lat rectangle: it is curved in the conic projection.
    const double lon0 = 118.2, lon1 = 132.2, lat0 = 21.8, lat1 = 34.2;
    for (int i = 0; i <= 16; ++i) {
        const double t = i / 16.0;
        for (glm::dvec2 ll : {glm::dvec2{lon0 + (lon1 - lon0) * t, lat0}, glm::dvec2{lon0 + (lon1 - lon0) * t, lat1},
                              glm::dvec2{lon0, lat0 + (lat1 - lat0) * t}, glm::dvec2{lon1, lat0 + (lat1 - lat0) * t}})
            box.extend(projection.forward(ll));
    }
    return box;
}

} // namespace

Viewer::Viewer(ViewerOptions options) : m_options(std::move(options)), m_baseUiScale(m_options.uiScale) {
    m_camera.setViewport({static_cast<double>(m_options.width), static_cast<double>(m_options.height)});
    // KTMAP_NO_PANEL_CACHE=1 draws the sidebar every frame (to compare, and if a driver's blit misbehaves).
    if (const char* off = std::getenv("KTMAP_NO_PANEL_CACHE"); off && *off && *off != '0') m_panelCache.setEnabled(false);
    // KTMAP_NO_MAP_CACHE=1 draws the map every frame, also while it is held still (the same).
    if (const char* off = std::getenv("KTMAP_NO_MAP_CACHE"); off && *off && *off != '0') m_mapCache.setEnabled(false);
}

Viewer::~Viewer() {
    // Graphics must have been shut down while the context was current (the run functions do).
    if (m_imguiReady) ImGui::DestroyContext();
}

void Viewer::shutdownGraphics() {
    m_meshBuilder.stop();
    m_renderer.release();
    m_mapCache.release();
    m_panelCache.release();
    if (m_imguiReady) {
        imgui_sfml::shutdown();
        ImGui::DestroyContext();
        m_imguiReady = false;
    }
}

void Viewer::loadData() {
    // The first view does not depend on the data: frame it first, so that loading
    // builds only the level of detail this view draws.
    m_camera.setLimits(geo::Box{}, 0.5, 1e5);
    applyInitialView();
    // Watching starts before the load reads the file: a save during loading is seen.
    if (!m_options.layerFile.empty())
        m_layerReloader = std::make_unique<geo::LayerFileReloader>(m_options.layerFile, m_options.extraLayers);
    m_map = geo::loadBaseMap(m_options.layerFile, m_options.extraLayers, m_projection, m_camera.metersPerPixel(),
                             &m_loadTimings);
    m_messages = m_map.diagnostics;
    m_mapMessages = m_messages.size();
    for (const auto& d : m_messages) {
        if (d.severity == geo::Severity::Error) spdlog::error("{}", d.format());
        else spdlog::warn("{}", d.format());
    }
    limitCamera();
    startMeshBuilder();

    if (!m_options.briefingFile.empty()) {
        m_briefing = std::make_unique<BriefingLayer>(m_options.briefingFile);
        m_briefing->setUiScale(m_options.uiScale);
        m_briefing->load();
        for (const auto& d : m_briefing->diagnostics()) spdlog::warn("{}", d.format());
        if (!m_options.view) homeView(); // beside the sidebar
        applyContentOptions();
    }
}

void Viewer::limitCamera() {
    // Limits: the map can't be lost off-screen. The centre stays over the data
    // (or the home area when nothing loaded), zoom stays between street level and
    // the whole region.
    // Home, with room for its margins on any window shape, and where there is data
    // (the frame, not the bounding box: the clipped edge of the data never shows).
    geo::Box world = homeBox(m_projection);
    const glm::dvec2 room = world.size() * 0.25;
    world.min -= room;
    world.max += room;
    world.extend(m_map.frame);
    const double maxMpp = std::max(world.size().x / 800.0, world.size().y / 500.0);
    m_camera.setLimits(world, 0.5, maxMpp);
}

void Viewer::startMeshBuilder() {
    // Every other level of detail, in the background, nearest to the current scale first.
    std::vector<geo::MeshBuilder::Job> jobs;
    for (const auto& layer : m_map.layers) {
        geo::MeshBuilder::Job job;
        job.data = layer.data;
        job.frame.origin = layer.mesh.origin;
        job.frame.bounds = layer.mesh.bounds;
        job.frame.options = layer.mesh.options;
        for (const auto& level : layer.mesh.levels) {
            geo::MeshLevel empty;
            empty.tolerance = level.tolerance;
            empty.minMpp = level.minMpp;
            job.frame.levels.push_back(std::move(empty));
            job.pending.push_back(!level.built);
        }
        jobs.push_back(std::move(job));
    }
    m_meshBuilder.start(std::move(jobs), m_camera.metersPerPixel());
}

bool Viewer::pollLayerFile(bool now, bool wait) {
    if (!m_layerReloader) return false;
    if (now) m_layerReloader->poll(m_map.layers, m_camera.metersPerPixel());
    else m_layerReloader->pollIfDue(std::chrono::steady_clock::now(), m_map.layers, m_camera.metersPerPixel());
    if (wait) m_layerReloader->wait();
    auto result = m_layerReloader->take();
    if (!result) return false;
    applyLayerFile(std::move(*result));
    return true;
}

void Viewer::applyLayerFile(geo::LayerFileReloader::Result result) {
    using Kind = geo::LayerFileReloader::Result::Kind;
    const std::string label = m_options.layerFile.string();
    // Messages about the file as it was give way to those about it as it is now.
    const auto mapEnd = m_messages.begin() + static_cast<std::ptrdiff_t>(m_mapMessages);
    const auto kept = std::remove_if(m_messages.begin(), mapEnd, [&](const geo::Diagnostic& d) { return d.file == label; });
    m_mapMessages = static_cast<std::size_t>(kept - m_messages.begin());
    m_messages.erase(kept, mapEnd);
    // Presenting, the layers wear the projector theme: the new everyday styles are kept
    // for leaving it, the theme goes over them.
    // `fresh`: every layer has just been loaded (a restyle leaves --layer ones in the theme already).
    auto presentLayers = [&](bool fresh) {
        if (!m_saved) return;
        m_saved->styles.resize(m_map.layers.size());
        for (std::size_t i = 0; i < m_map.layers.size(); ++i) {
            if (!fresh && m_map.layers[i].spec.userAdded) continue;
            m_saved->styles[i] = m_map.layers[i].spec.style;
            m_map.layers[i].spec.style = geo::projectorStyle(m_map.layers[i].spec.style);
        }
        m_saved->background = m_map.background;
        if (m_map.projectorBackground) m_map.background = *m_map.projectorBackground;
    };
    switch (result.kind) {
    case Kind::Kept:
        for (const auto& d : result.diagnostics) spdlog::warn("{}", d.format());
        m_layerFileMessages = std::move(result.diagnostics);
        break;
    case Kind::Restyle:
        spdlog::info("reloaded {}: new styles", label);
        geo::restyleBaseMap(m_map, result.config);
        presentLayers(false);
        m_layerFileMessages = std::move(result.diagnostics);
        break;
    case Kind::Reload: {
        spdlog::info("reloaded {}: {} layers", label, result.map->layers.size());
        m_meshBuilder.stop();
        m_meshBuilder.takeFinished(); // levels of the old map
        const std::vector<geo::MapLayer> old = std::move(m_map.layers);
        m_map = std::move(*result.map);
        for (auto& layer : m_map.layers) // what was switched off in the layer list stays off
            for (const auto& before : old)
                if (before.spec.id == layer.spec.id && before.spec.userAdded == layer.spec.userAdded) layer.visible = before.visible;
        presentLayers(true);
        for (const auto& d : m_map.diagnostics) spdlog::warn("{}", d.format());
        m_messages.erase(m_messages.begin(), m_messages.begin() + static_cast<std::ptrdiff_t>(m_mapMessages));
        m_messages.insert(m_messages.begin(), m_map.diagnostics.begin(), m_map.diagnostics.end());
        m_mapMessages = m_map.diagnostics.size();
        m_layerFileMessages.clear();
        m_renderer.upload(m_map);
        for (auto& layer : m_map.layers)
            for (auto& level : layer.mesh.levels) releaseCpuCopy(level);
        limitCamera();
        startMeshBuilder();
        break;
    }
    }
    if (m_imguiReady) {
        for (const auto& d : allMessages()) m_fonts.require(d.format());
        for (const auto& a : m_map.attributions()) m_fonts.require(a);
    }
}

void Viewer::resized(int width, int height) {
    // A window minimised or squeezed to nothing keeps the last real size (nothing is
    // drawn until it is back).
    if (width <= 0 || height <= 0) return;
    m_camera.setViewport({static_cast<double>(width), static_cast<double>(height)});
    applyUiScale(); // a projector of another resolution
    // Presenting (a projector unplugged, the laptop's own screen taking over, another
    // resolution): the step keeps its place and is framed again for the new shape.
    if (m_presentation.active()) applyCurrentStep(false);
}

namespace {
// The viewer's ImGui look at an interface scale (from the default style, so it can be re-applied).
void applyImGuiStyle(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight();
    style.ScaleAllSizes(scale);
    style.WindowRounding = 6.0f * scale;
}
} // namespace

float Viewer::wantedUiScale() const {
    float scale = m_baseUiScale;
    // The live viewer presenting: a projector taller than 1080 px (4K) shows what 1080p
    // shows, at its size, as the 3840x2160 export does.
    if (m_followDisplay && m_presentation.active())
        scale *= std::max(1.0f, static_cast<float>(m_camera.viewport().y) / 1080.0f);
    return std::min(scale, 3.0f);
}

void Viewer::applyUiScale() {
    const float scale = wantedUiScale();
    if (scale == m_options.uiScale) return;
    m_options.uiScale = scale;
    if (m_imguiReady) applyImGuiStyle(scale);
    m_fonts.setUiScale(scale); // re-baked before the next frame
    if (m_briefing) m_briefing->setUiScale(scale);
}

bool Viewer::handleScaleKey(const sf::Event::KeyEvent& key) {
    if (!key.control) return false;
    float base = m_baseUiScale;
    switch (key.code) {
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal: base += 0.25f; break;
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen: base -= 0.25f; break;
    case sf::Keyboard::Num0:
    case sf::Keyboard::Numpad0: base = 1.0f; break;
    default: return false;
    }
    m_baseUiScale = std::clamp(base, 1.0f, 3.0f);
    applyUiScale();
    char text[48];
    std::snprintf(text, sizeof text, "interface scale %.2fx (Ctrl+0: 1x)", static_cast<double>(m_options.uiScale));
    if (m_presentation.active()) {
        m_presentation.flash(text);
        applyCurrentStep(false); // the caption and panels changed size
    }
    spdlog::info("{}", text);
    return true;
}

void Viewer::applyContentOptions() {
    auto warn = [&](const std::string& message, const char* hint) {
        spdlog::warn("{}", message);
        m_messages.push_back({geo::Severity::Warning, "", 0, 0, message, hint});
    };
    const std::string file = m_options.briefingFile.string();
    m_briefing->language = m_options.language == "zh" ? geo::Language::Zh
                           : m_options.language == "ja" ? geo::Language::Ja
                                                        : geo::Language::En;
    m_briefing->showSidebar = !m_options.noSidebar;
    if (m_options.year != 0) {
        m_briefing->partnerships().yearFilter = true;
        m_briefing->partnerships().year = m_options.year;
    }
    // Trips: the first named is the active one (day list, playback); the view frames it
    // unless --view says otherwise.
    for (auto it = m_options.trips.rbegin(); it != m_options.trips.rend(); ++it)
        if (!m_briefing->showTrip(*it, m_projection, !m_options.view))
            warn("--trip: there is no trip '" + *it + "' in " + file, "use a trip id from the briefing file");
    if (m_options.day > 0 && !m_options.trips.empty()) {
        m_briefing->trips().showDay(m_options.day - 1);
        if (!m_options.view) m_briefing->frameDay(m_options.day - 1); // that day's stops, not the whole trip
    }
    if (!m_options.selectSite.empty() && m_briefing->select(m_options.selectSite)) {
        if (!m_options.view && m_options.trips.empty()) m_briefing->frameSelection(m_projection);
    } else if (!m_options.selectSite.empty())
        warn("--select: there is no site or partnership '" + m_options.selectSite + "' in " + file,
             "use a site or partnership id from the briefing file");
}

void Viewer::handleCameraRequest(const CameraRequest& request, bool animate) {
    if (request.box.empty()) return;
    const glm::dvec2 vp = m_camera.viewport();
    const double s = static_cast<double>(m_options.uiScale);
    // Frame the box in the part of the screen the panels leave free.
    const auto vw = static_cast<float>(vp.x);
    const double left = m_briefing ? static_cast<double>(m_briefing->leftInset(vw)) : 0.0;
    const double right = m_briefing ? static_cast<double>(m_briefing->rightInset(vw)) : 0.0;
    const double usable = std::max(vp.x - left - right, 200.0 * s);
    const double margin = (request.minMpp <= 0.0 ? 40.0 : 70.0) * s;
    // Presenting, the caption covers the bottom of the screen: frame above it (as high as the
    // caption reaches once wrapped at this width).
    double bottom = 0.0;
    if (m_presentation.active() && m_briefing) {
        const float caption = m_presentation.captionInset(m_briefing->briefing(), m_fonts, m_briefing->language,
                                                          m_options.uiScale, ImVec2(vw, static_cast<float>(vp.y)));
        bottom = std::max(150.0 * s, static_cast<double>(caption) + 16.0 * s);
    }
    const double top = m_presentation.active() ? 80.0 * s : 0.0; // the step number and the day
    const glm::dvec2 size = request.box.size();
    double mpp = std::max({size.x / std::max(usable - 2 * margin, 50.0), size.y / std::max(vp.y - bottom - top - 2 * margin, 50.0),
                           request.minMpp / s}); // closest zoom, for scale 1: at 2x (4K) the same ground
    if (request.exact) mpp = request.minMpp;
    const double screenX = std::min(left + usable * 0.5, vp.x * 0.5 + (left - right) * 0.5);
    glm::dvec2 centre = request.box.center();
    centre.x += (vp.x * 0.5 - screenX) * mpp;
    if (!request.exact) centre.y -= (bottom - top) * 0.5 * mpp; // world y is up: the box sits between them
    if (!animate || m_presentation.reducedMotion) {
        m_flight.reset();
        m_camera.setMetersPerPixel(mpp);
        m_camera.setCenter(centre);
        return;
    }
    const geo::FlightView from{m_camera.center(), m_camera.metersPerPixel() * vp.x};
    const geo::FlightView to{centre, mpp * vp.x};
    geo::FlyToPath path(from, to);
    const double duration = path.durationSeconds();
    if (duration <= 0.0) return;
    m_flight = Flight{path, duration, 0.0};
}

bool Viewer::stepFlight(double dt) {
    if (!m_flight) return false;
    m_flight->elapsed += dt;
    const double t = geo::easeInOut(m_flight->elapsed / m_flight->duration);
    const geo::FlightView v = m_flight->path.at(t);
    const glm::dvec2 vp = m_camera.viewport();
    m_camera.setMetersPerPixel(v.width / std::max(vp.x, 1.0));
    m_camera.setCenter(v.center);
    if (m_flight->elapsed >= m_flight->duration) m_flight.reset();
    return true;
}

void Viewer::startLoading() {
    m_loading = std::async(std::launch::async, [this] { loadData(); });
    // Finding and mapping the CJK font (fontconfig, ~10 ms) needs no GL either.
    m_fontsFound = std::async(std::launch::async, [this] { findFonts(); });
}

void Viewer::finishLoading() {
    if (m_loading.valid()) m_loading.get();
    if (m_fontsFound.valid()) m_fontsFound.get();
}

void Viewer::findFonts() {
    m_fonts.init(m_options.uiScale, m_fontMessage);
    m_fontsReady = true;
}

geo::Diagnostics Viewer::allMessages() const {
    geo::Diagnostics all = m_settingsMessages;
    all.insert(all.end(), m_layerFileMessages.begin(), m_layerFileMessages.end());
    all.insert(all.end(), m_messages.begin(), m_messages.end());
    if (m_briefing) all.insert(all.end(), m_briefing->diagnostics().begin(), m_briefing->diagnostics().end());
    return all;
}

// The GPU has the vertices once uploaded; keep only the ranges.
void Viewer::releaseCpuCopy(geo::MeshLevel& level) {
    level.fillVertices = {};
    level.fillIndices = {};
    level.strokeVertices = {};
    level.strokeIndices = {};
}

bool Viewer::takeBuiltLevels() {
    m_meshBuilder.setScale(m_camera.metersPerPixel());
    auto finished = m_meshBuilder.takeFinished();
    for (auto& f : finished) {
        if (f.layer >= m_map.layers.size()) continue;
        geo::MeshLevel& level = m_map.layers[f.layer].mesh.levels[f.level];
        level = std::move(f.mesh);
        m_renderer.uploadLevel(f.layer, f.level, level);
        releaseCpuCopy(level);
    }
#ifdef __GLIBC__
    // The builder thread's freed meshes stay in its malloc arena; give them back.
    if (!finished.empty() && m_meshBuilder.idle()) malloc_trim(0);
#endif
    return !finished.empty();
}

void Viewer::uploadLevelsUntil(const std::function<bool()>& enough) {
    // Upload as they come, as the frame loop does, so CPU copies do not pile up
    // (takeBuiltLevels also asks for the levels nearest the camera's scale first).
    while (!enough() && !m_meshBuilder.idle()) {
        takeBuiltLevels();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    takeBuiltLevels();
}

void Viewer::waitForAllLevels() {
    uploadLevelsUntil([] { return false; });
}

void Viewer::waitForViewLevels() {
    const double mpp = m_camera.metersPerPixel();
    const double zoom = m_camera.zoom();
    uploadLevelsUntil([&] {
        for (const geo::MapLayer& layer : m_map.layers)
            if (layer.drawnAt(zoom) && !layer.mesh.levels[layer.mesh.levelFor(mpp)].built)
                return false;
        return true;
    });
}

void Viewer::homeView() {
    m_flight.reset();
    if (m_briefing && m_briefing->showSidebar) {
        // Beside the sidebar, not under it.
        CameraRequest request;
        request.box = homeBox(m_projection);
        request.minMpp = 0.0; // no closer limit; the margin of a full-map view
        handleCameraRequest(request, false);
        return;
    }
    m_camera.fit(homeBox(m_projection), 24.0 * static_cast<double>(m_options.uiScale));
}

void Viewer::applyInitialView() {
    if (m_options.view) {
        m_camera.setMetersPerPixel(geo::Camera::zoomToMpp(m_options.view->zoom));
        m_camera.setCenter(m_projection.forward({m_options.view->lon, m_options.view->lat}));
    } else {
        homeView();
    }
}

bool Viewer::initGraphics(bool withWindow) {
    using Clock = std::chrono::steady_clock;
    auto lap = [t = Clock::now()](const char* what) mutable {
        const auto now = Clock::now();
        spdlog::debug("start-up: {} {:.1f} ms", what, std::chrono::duration<double, std::milli>(now - t).count());
        t = now;
    };
#if defined(__SANITIZE_ADDRESS__)
    pinGlDriver(); // the context is current: the driver is loaded
#endif
    std::string message;
    m_renderer.init(shadersDir(), message, m_options.noShaders);
    lap("shaders");
    if (!message.empty()) {
        spdlog::warn("{}", message);
        m_messages.push_back({geo::Severity::Warning, "", 0, 0, message, ""});
    }
    m_renderer.upload(m_map);
    for (auto& layer : m_map.layers)
        for (auto& level : layer.mesh.levels) releaseCpuCopy(level);
    lap("upload");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // never write imgui.ini into the user's folder
    applyImGuiStyle(m_options.uiScale);
    if (!m_fontsReady) findFonts(); // not started with the loading
    lap("fontconfig");
    if (!m_fontMessage.empty()) {
        spdlog::warn("{}", m_fontMessage);
        m_messages.push_back({geo::Severity::Warning, "", 0, 0, m_fontMessage, ""});
    }
    for (const auto& d : m_messages) m_fonts.require(d.format());
    for (const auto& a : m_map.attributions()) m_fonts.require(a);
    m_fonts.rebuildIfNeeded();
    lap("font atlas");
    if (!imgui_sfml::init(withWindow ? m_window.get() : nullptr)) {
        spdlog::error("the ImGui OpenGL renderer could not start");
        return false;
    }
    m_imguiReady = true;
    lap("imgui renderer");
    return true;
}

FrameStats Viewer::renderFrame(glm::ivec2 size, float dt) {
    m_camera.setViewport({static_cast<double>(size.x), static_cast<double>(size.y)});
    // Fonts first: text seen last frame may need glyphs not yet baked.
    m_fonts.rebuildIfNeeded();
    glViewport(0, 0, size.x, size.y);
    const geo::Color bg = m_map.background;
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    // The map, or its copy while it stays the same (held still: playback, a landed story step).
    m_mapSignature.clear();
    m_renderer.signature(m_map, m_camera, m_options.uiScale, m_mapSignature);
    FrameStats stats = m_mapCache.render(size, m_mapSignature, [&] {
        glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
        {
            const ScissorOff off;
            glClear(GL_COLOR_BUFFER_BIT);
        }
        return m_renderer.draw(m_map, m_camera, m_options.uiScale);
    });
    if (m_profiling) glFinish();
    const auto t1 = Clock::now();

    imgui_sfml::newFrame(sf::Vector2u(static_cast<unsigned>(size.x), static_cast<unsigned>(size.y)), sf::seconds(dt));
    m_fonts.sampleNearest(); // the atlas's texture is made by the first frame and by re-bakes
    // No hover tooltip through a panel: ImGui has the pointer then.
    const bool overPanel = ImGui::GetIO().WantCaptureMouse && !m_dragging;
    if (m_briefing) m_briefing->draw(m_camera, m_projection, m_fonts, overPanel ? std::nullopt : m_cursor, &m_map);
    if (m_presentation.active() && m_briefing) {
        for (const geo::ScreenBox& box :
             m_presentation.drawAudience(m_briefing->briefing(), m_fonts, m_briefing->language, m_options.uiScale))
            m_briefing->coverForLabels(box);
        m_presentation.drawPresenterOverlay(m_briefing->briefing(), m_fonts, m_briefing->language, m_options.uiScale);
    }
    const geo::Diagnostics messages = allMessages();
    const bool presenting = m_presentation.active();
    // Presenting, the pointer's coordinates are not for the audience.
    drawOverlay(OverlayInput{m_map, m_camera, m_projection, messages, presenting ? std::nullopt : m_cursor, m_fonts,
                             m_briefing ? m_briefing->language : geo::Language::En},
                m_map, m_overlay);
    // A blanked projector is black: above everything, the attribution and scale bar too.
    if (presenting && m_presentation.navigator().blanked())
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(static_cast<float>(size.x), static_cast<float>(size.y)),
                                                      IM_COL32(0, 0, 0, 255));
    ImGui::Render();
    const BriefingLayer::Panel sidebar = m_briefing ? m_briefing->sidebarPanel() : BriefingLayer::Panel{};
    m_panelCache.render(ImGui::GetDrawData(), BriefingLayer::kSidebarMarker, sidebar.min, sidebar.max, sidebar.background,
                        m_fonts.generation());
    if (m_profiling) {
        glFinish();
        stats.mapMs = std::chrono::duration<double, std::milli>(t1 - t0).count();
        stats.uiMs = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
    }
    return stats;
}

void Viewer::createWindow() {
    const sf::VideoMode mode = m_fullscreen ? sf::VideoMode::getDesktopMode()
                                            : sf::VideoMode(static_cast<unsigned>(m_options.width), static_cast<unsigned>(m_options.height));
    if (!m_window) m_window = std::make_unique<sf::Window>();
    if (m_projectorMonitor) {
        // Several displays share one X screen: sf::Style::Fullscreen would switch the video mode
        // of all of them. Borderless, exactly over the projector's monitor, instead.
        const Monitor& m = *m_projectorMonitor;
        m_window->create(sf::VideoMode(static_cast<unsigned>(m.width), static_cast<unsigned>(m.height)),
                         sf::String::fromUtf8(kTitle, kTitle + std::char_traits<char>::length(kTitle)), sf::Style::None,
                         contextSettings());
        m_window->setPosition({m.x, m.y});
    } else {
        m_window->create(mode, sf::String::fromUtf8(kTitle, kTitle + std::char_traits<char>::length(kTitle)),
                         m_fullscreen ? sf::Style::Fullscreen : sf::Style::Default, contextSettings());
        if (!m_fullscreen) {
            std::string error; // (no monitor list: centred on the whole screen)
            const sf::VideoMode screen = sf::VideoMode::getDesktopMode();
            const WindowPosition p = centredWindow(queryMonitors(error), static_cast<int>(mode.width), static_cast<int>(mode.height),
                                                   static_cast<int>(screen.width), static_cast<int>(screen.height));
            m_window->setPosition({p.x, p.y});
        }
    }
    m_window->setVerticalSyncEnabled(true);
    m_window->setKeyRepeatEnabled(true);
    m_window->setActive(true);
}

void Viewer::fitCameraToWindow() {
    // As a resize: presenting (F11 in a story), the step is framed again for the new shape.
    const sf::Vector2u size = m_window->getSize();
    resized(static_cast<int>(size.x), static_cast<int>(size.y));
}

int Viewer::runInteractive() {
    m_followDisplay = true;
    // What the last session left: the view, the language, the sidebar, reduced motion.
    // The command line wins; a settings file that cannot be read is set aside, with a message.
    const std::filesystem::path settingsFile = m_options.rememberSettings ? geo::settingsPath() : std::filesystem::path();
    if (!settingsFile.empty()) {
        const geo::SettingsLoad remembered = geo::loadSettings(settingsFile);
        for (const auto& d : remembered.diagnostics) spdlog::warn("{}", d.format());
        m_settingsMessages = remembered.diagnostics; // shown with the other messages
        const geo::Settings& s = remembered.settings;
        if (s.view && !m_options.view && m_options.trips.empty() && !m_options.present)
            m_options.view = InitialView{s.view->lon, s.view->lat, s.view->zoom};
        if (s.language && !m_options.languageGiven)
            m_options.language = *s.language == geo::Language::Zh ? "zh" : *s.language == geo::Language::Ja ? "ja" : "en";
        if (s.sidebar && !*s.sidebar) m_options.noSidebar = true;
        if (s.reducedMotion && *s.reducedMotion) m_options.reducedMotion = true;
    }
    // A settings folder that cannot be written (a read-only home, XDG_CONFIG_HOME through a
    // file): said once now, in the window, and not tried again on quitting.
    bool saveOnQuit = !settingsFile.empty();
    if (std::string why; saveOnQuit && !geo::settingsWritable(settingsFile, why)) {
        spdlog::warn("settings will not be remembered: {}", why);
        m_settingsMessages.push_back({geo::Severity::Warning, settingsFile.string(), 0, 0,
                                      "the view and language will not be remembered: " + why,
                                      "check XDG_CONFIG_HOME, or that the folder can be written"});
        saveOnQuit = false;
    }
    m_fullscreen = m_options.fullscreen;
    if (m_fullscreen) {
        const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
        m_camera.setViewport({static_cast<double>(desktop.width), static_cast<double>(desktop.height)});
    }
    startLoading(); // the data loads while the window and its GL context come up
    createWindow(); // (it must not touch the camera: loading is using it)
    finishLoading();
    fitCameraToWindow();
    if (!initGraphics(true)) return 1;
    m_presentation.fixedClock = m_options.clock;
    if (m_options.present) enterPresentation(m_options.presentStory, static_cast<std::size_t>(std::max(m_options.step - 1, 0)));
    if (m_options.reducedMotion) m_presentation.reducedMotion = true;
    // --capture-windows: every level of detail first, so that the frames do not depend on timing.
    int captureIn = m_options.captureDir.empty() ? -1 : 4;
    if (captureIn > 0) waitForAllLevels();
    // The presenter window is redrawn after input and when its clock ticks, not with every
    // frame of a flight or of playback (it would halve the projector's frame rate on llvmpipe).
    std::time_t presenterSecond = 0;
    int presenterRedraw = 0;
    auto drawPresenter = [&](float dt, bool capture, std::time_t second) {
        sf::Image image;
        if (!m_presenterWindow.isOpen() || (!capture && presenterRedraw <= 0 && second == presenterSecond)) return image;
        presenterSecond = second;
        presenterRedraw = std::max(presenterRedraw - 1, 0);
        image = drawPresenterWindow(dt, capture);
        if (m_fonts.rebuildIfNeeded()) presenterRedraw = std::max(presenterRedraw, 1); // its text needed new glyphs
        return image;
    };

    sf::Clock clock;
    sf::Clock frameClock; // animation time (flights, playback), also while idle
    int redraw = 3; // frames still to draw: ImGui needs a couple to settle after input
    while (!m_quit) {
        sf::Event event;
        bool any = false;
        while (m_window->pollEvent(event)) {
            // Tab always shows or hides the sidebar, even while a text field has the keyboard
            // (ImGui would move the focus instead).
            if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Tab) {
                if (m_briefing) m_briefing->showSidebar = !m_briefing->showSidebar;
                any = true;
                continue;
            }
            if (event.type == sf::Event::KeyReleased && event.key.code == sf::Keyboard::Tab) continue;
            imgui_sfml::processEvent(event);
            handleEvent(event);
            any = true;
        }
        // The presenter window: the same keys; closing it leaves presentation mode.
        while (m_presenterWindow.isOpen() && m_presenterWindow.window().pollEvent(event)) {
            m_presenterWindow.processEvent(event);
            if (event.type == sf::Event::Closed) leavePresentation();
            else if (event.type == sf::Event::KeyPressed) handleKey(event.key);
            any = true;
        }
        if (any) presenterRedraw = 3;
        if (m_quit) break;
        if (takeBuiltLevels()) any = true; // finer detail arrived: show it
        if (pollLayerFile()) any = true;   // the layer file was saved (checked in the background)
        if (m_briefing && m_briefing->poll()) {
            any = true; // the content file was saved
            // Presenting: keep the place in the story (or leave when the story is gone).
            if (m_presentation.active()) {
                if (m_presentation.reload(m_briefing->briefing())) applyCurrentStep(false);
                else leavePresentation();
            }
        }
        if (m_briefing)
            if (const auto story = m_briefing->takePresentRequest()) enterPresentation(*story);
        const double dt = std::min(frameClock.restart().asSeconds(), 0.1f);
        if (stepFlight(dt)) any = true;
        if (m_presentation.animating()) any = true; // the overlay's clock, a message
        if (m_briefing && m_briefing->update(static_cast<float>(dt))) any = true; // trip playback
        if (captureIn > 0) any = true;
        if (any) redraw = 3;
        const std::time_t second = std::time(nullptr);
        if (redraw <= 0) drawPresenter(static_cast<float>(dt), false, second);
        if (redraw <= 0) {
            // Nothing changed: don't spend the presenter's battery redrawing the same picture.
            std::this_thread::sleep_for(std::chrono::milliseconds(8));
            continue;
        }
        --redraw;
        const sf::Vector2u size = m_window->getSize();
        if (size.x == 0 || size.y == 0) continue; // minimised
        const float frameDt = clock.restart().asSeconds();
        renderFrame({static_cast<int>(size.x), static_cast<int>(size.y)}, frameDt);
        const bool capture = captureIn > 0 && --captureIn == 0;
        const sf::Image mapFrame = capture ? readBackBuffer(size) : sf::Image();
        m_window->display();
        const sf::Image presenterFrame = drawPresenter(frameDt, capture, second);
        if (capture) {
            writeCapture(mapFrame, presenterFrame);
            m_quit = true;
        }
        if (m_briefing)
            if (const auto request = m_briefing->takeCameraRequest()) {
                handleCameraRequest(*request, true);
                redraw = 3;
            }
    }
    if (m_presentation.active()) leavePresentation(); // the everyday sidebar state is the one to keep
    if (saveOnQuit) {
        geo::Settings s;
        const glm::dvec2 ll = m_projection.inverse(m_camera.center());
        if (std::isfinite(ll.x) && std::isfinite(ll.y)) s.view = geo::Settings::View{ll.x, ll.y, m_camera.zoom()};
        if (m_briefing) {
            s.language = m_briefing->language;
            s.sidebar = m_briefing->showSidebar;
        }
        s.reducedMotion = m_presentation.reducedMotion;
        std::string error;
        if (!geo::saveSettings(settingsFile, s, error)) spdlog::warn("settings not saved: {}", error);
    }
    shutdownGraphics();
    m_window->close();
    return 0;
}

void Viewer::handleEvent(const sf::Event& event) {
    const ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case sf::Event::Closed: m_quit = true; break;
    case sf::Event::Resized:
        // Keeps the centre and the scale: the map does not jump (see resized()).
        resized(static_cast<int>(event.size.width), static_cast<int>(event.size.height));
        break;
    case sf::Event::MouseButtonPressed:
        if (!io.WantCaptureMouse && event.mouseButton.button == sf::Mouse::Left) {
            m_dragging = true;
            m_dragMoved = false;
            m_lastMouse = m_pressAt = {event.mouseButton.x, event.mouseButton.y};
        }
        break;
    case sf::Event::MouseButtonReleased:
        if (event.mouseButton.button == sf::Mouse::Left && m_dragging) {
            m_dragging = false;
            // Presenting, a stray click (a clicker in mouse mode, a touchpad tap) must not undo the step.
            if (!m_dragMoved && m_briefing && !m_presentation.active())
                m_briefing->click({static_cast<double>(event.mouseButton.x), static_cast<double>(event.mouseButton.y)}, m_camera,
                                  m_projection);
        }
        break;
    case sf::Event::MouseMoved: {
        const sf::Vector2i p{event.mouseMove.x, event.mouseMove.y};
        if (m_dragging && (std::abs(p.x - m_pressAt.x) > 3 || std::abs(p.y - m_pressAt.y) > 3)) m_dragMoved = true;
        if (m_dragging && m_dragMoved) {
            m_camera.panPixels({static_cast<double>(p.x - m_lastMouse.x), static_cast<double>(p.y - m_lastMouse.y)});
            m_lastMouse = p;
        }
        m_cursor = io.WantCaptureMouse && !m_dragging ? std::nullopt : std::optional<glm::dvec2>(glm::dvec2(p.x, p.y));
        break;
    }
    case sf::Event::MouseLeft: m_cursor.reset(); break;
    case sf::Event::MouseWheelScrolled:
        if (!io.WantCaptureMouse && event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
            m_camera.zoomAbout({static_cast<double>(event.mouseWheelScroll.x), static_cast<double>(event.mouseWheelScroll.y)},
                               std::pow(1.25, static_cast<double>(event.mouseWheelScroll.delta)));
        break;
    case sf::Event::KeyPressed:
        if (!io.WantCaptureKeyboard) handleKey(event.key);
        break;
    case sf::Event::LostFocus: m_dragging = false; break;
    default: break;
    }
}

bool Viewer::enterPresentation(const std::string& storyId, std::size_t step) {
    if (!m_briefing) return false;
    if (!m_presentation.start(m_briefing->briefing(), storyId, step)) {
        const std::string message = storyId.empty() ? "presentation: the briefing file has no story to present"
                                                    : "presentation: there is no story '" + storyId + "' with steps in " +
                                                          m_options.briefingFile.string();
        spdlog::warn("{}", message);
        m_messages.push_back({geo::Severity::Warning, "", 0, 0, message, "add a [[story]] with [[story.step]] (assets/FORMAT.md)"});
        return false;
    }
    if (!m_saved) {
        SavedLook saved;
        for (auto& layer : m_map.layers) {
            saved.styles.push_back(layer.spec.style);
            layer.spec.style = geo::projectorStyle(layer.spec.style);
        }
        saved.background = m_map.background;
        if (m_map.projectorBackground) m_map.background = *m_map.projectorBackground;
        saved.sidebar = m_briefing->showSidebar;
        saved.fullscreen = m_fullscreen;
        saved.messages = m_overlay.showMessages;
        if (m_window) {
            saved.windowPosition = m_window->getPosition();
            saved.windowSize = m_window->getSize();
        }
        m_saved = saved;
    }
    m_overlay.showMessages = false; // chrome hidden: the audience sees the map
    m_fonts.setProjector(true);
    m_briefing->setPresenting(true);
    // Two displays: the map on the projector, the presenter window on the laptop. One: full screen.
    const bool onTwoDisplays = m_projectorMonitor || (m_window && presentOnTwoDisplays());
    if (m_window && !m_fullscreen && !onTwoDisplays) {
        m_fullscreen = true;
        createWindow();
        fitCameraToWindow();
        imgui_sfml::setWindow(m_window.get());
    }
    applyUiScale();
    applyCurrentStep(false);
    return true;
}

void Viewer::leavePresentation() {
    m_presentation.stop();
    if (m_briefing) m_briefing->setPresenting(false);
    m_fonts.setProjector(false);
    if (m_saved) {
        for (std::size_t i = 0; i < m_map.layers.size() && i < m_saved->styles.size(); ++i) m_map.layers[i].spec.style = m_saved->styles[i];
        m_map.background = m_saved->background;
        if (m_briefing) m_briefing->showSidebar = m_saved->sidebar;
        m_overlay.showMessages = m_saved->messages;
        if (m_window && m_projectorMonitor) {
            // Back from the projector's display to the window as it was.
            m_presenterWindow.close();
            m_projectorMonitor.reset();
            m_fullscreen = m_saved->fullscreen;
            createWindow();
            if (!m_fullscreen && m_saved->windowSize.x > 0 && m_saved->windowSize.y > 0) {
                m_window->setSize(m_saved->windowSize);
                m_window->setPosition(m_saved->windowPosition);
            }
            fitCameraToWindow();
            imgui_sfml::setWindow(m_window.get());
        } else if (m_window && m_fullscreen != m_saved->fullscreen) {
            m_fullscreen = m_saved->fullscreen;
            createWindow();
            fitCameraToWindow();
            imgui_sfml::setWindow(m_window.get());
        }
        m_saved.reset();
    }
    applyUiScale(); // back to the user's scale
}

bool Viewer::presentOnTwoDisplays() {
    std::string error;
    const std::vector<Monitor> monitors = queryMonitors(error);
    if (!error.empty()) spdlog::info("displays: {}; presenting full screen", error);
    const DisplayChoice choice = chooseDisplays(monitors, m_options.display);
    if (!choice.message.empty()) {
        spdlog::warn("{}", choice.message);
        m_messages.push_back({geo::Severity::Warning, "", 0, 0, choice.message, "give a number or a name from the list"});
    }
    if (!choice.twoDisplays()) return false;
    const Monitor& projector = monitors[static_cast<std::size_t>(choice.projector)];
    const Monitor& laptop = monitors[static_cast<std::size_t>(choice.presenter)];
    spdlog::info("displays: {}; the map on {}, the presenter window on {}", describeMonitors(monitors), projector.name, laptop.name);
    m_projectorMonitor = projector;
    createWindow();
    fitCameraToWindow();
    imgui_sfml::setWindow(m_window.get());
    if (!m_presenterWindow.open(laptop, m_options.uiScale)) {
        spdlog::warn("presenter window: cannot open it on {}; O shows the presenter overlay on the projector", laptop.name);
    }
    m_window->setActive(true);
    return true;
}

sf::Image Viewer::drawPresenterWindow(float dt, bool capture) {
    sf::Image image;
    if (!m_presenterWindow.isOpen() || !m_briefing) return image;
    m_presenterWindow.frame(
        [&] { m_presentation.drawPresenterView(m_briefing->briefing(), m_fonts, m_briefing->language, m_options.uiScale); }, dt);
    if (capture) image = m_presenterWindow.capture();
    m_presenterWindow.display();
    m_window->setActive(true); // the map's context again
    return image;
}

void Viewer::writeCapture(const sf::Image& map, const sf::Image& presenter) {
    const std::filesystem::path& dir = m_options.captureDir;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::ofstream placement(dir / "windows.txt");
    auto line = [&](const char* what, sf::Window* window) {
        if (!window) {
            placement << what << " none\n";
            return;
        }
        // Where X has the window (SFML asks the server: XTranslateCoordinates to the root window).
        const sf::Vector2i p = window->getPosition();
        const sf::Vector2u size = window->getSize();
        placement << what << ' ' << size.x << 'x' << size.y << '+' << p.x << '+' << p.y << '\n';
    };
    line("map", m_window.get());
    line("presenter", m_presenterWindow.isOpen() ? &m_presenterWindow.window() : nullptr);
    if (!placement) spdlog::error("--capture-windows: cannot write {}", (dir / "windows.txt").string());
    if (!map.saveToFile((dir / "map.png").string())) spdlog::error("--capture-windows: cannot write map.png in {}", dir.string());
    if (presenter.getSize().x > 0 && !presenter.saveToFile((dir / "presenter.png").string()))
        spdlog::error("--capture-windows: cannot write presenter.png in {}", dir.string());
    spdlog::info("wrote the windows' frames and placement to {}", dir.string());
}

void Viewer::applyCurrentStep(bool animate) {
    if (!m_briefing || !m_presentation.active()) return;
    const geo::StoryStep* step = m_presentation.step(m_briefing->briefing());
    if (!step) return;
    spdlog::debug("presenting '{}': step {} / {}", m_presentation.storyId(), m_presentation.navigator().current() + 1,
                  m_presentation.navigator().count());
    m_briefing->applyStep(*step, m_projection);
    if (const auto request = m_briefing->takeCameraRequest()) handleCameraRequest(*request, animate);
}

void Viewer::handlePresentationKey(const sf::Event::KeyEvent& key) {
    geo::StoryNavigator& nav = m_presentation.navigator();
    const StoryKey k = storyKeyFor(key.code);
    bool moved = false;
    switch (k.command) {
    case StoryCommand::Next: moved = nav.next(); break;
    case StoryCommand::Previous: moved = nav.previous(); break;
    case StoryCommand::First: moved = nav.first(); break;
    case StoryCommand::Blank: nav.toggleBlank(); break;
    case StoryCommand::Digit: nav.typeDigit(k.digit); break;
    case StoryCommand::Enter: {
        const std::string typed = nav.pending();
        moved = nav.enter();
        if (!moved && !typed.empty() && typed != std::to_string(nav.current() + 1))
            m_presentation.flash("no step " + typed + " (1–" + std::to_string(nav.count()) + ")");
        break;
    }
    case StoryCommand::Leave:
        // Esc brings the picture back, clears a typed number, and only then leaves.
        if (nav.blanked()) nav.toggleBlank();
        else if (!nav.pending().empty()) nav.cancel();
        else leavePresentation();
        break;
    case StoryCommand::PresenterOverlay: // with a presenter window it would only show the audience the notes
        if (!m_presenterWindow.isOpen()) m_presentation.presenterOverlay = !m_presentation.presenterOverlay;
        break;
    case StoryCommand::ReducedMotion:
        m_presentation.reducedMotion = !m_presentation.reducedMotion;
        m_presentation.flash(m_presentation.reducedMotion ? "reduced motion: cut between steps" : "motion: fly between steps");
        break;
    case StoryCommand::None:
        if (key.code == sf::Keyboard::P || key.code == sf::Keyboard::F5) leavePresentation();
        else if (key.code == sf::Keyboard::F11 && !m_projectorMonitor) {
            m_fullscreen = !m_fullscreen;
            createWindow();
            fitCameraToWindow();
            imgui_sfml::setWindow(m_window.get());
        } else if (key.code == sf::Keyboard::Q && key.control) m_quit = true;
        break;
    }
    if (moved) applyCurrentStep(true);
}

void Viewer::handleKey(const sf::Event::KeyEvent& key) {
    if (handleScaleKey(key)) return;
    if (m_presentation.active()) {
        handlePresentationKey(key);
        return;
    }
    const glm::dvec2 vp = m_camera.viewport();
    const double step = std::min(vp.x, vp.y) / 6.0;
    switch (key.code) {
    case sf::Keyboard::Left: m_camera.panPixels({step, 0}); break;
    case sf::Keyboard::Right: m_camera.panPixels({-step, 0}); break;
    case sf::Keyboard::Up: m_camera.panPixels({0, step}); break;
    case sf::Keyboard::Down: m_camera.panPixels({0, -step}); break;
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal: m_camera.zoomAbout(vp * 0.5, 1.5); break;
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen: m_camera.zoomAbout(vp * 0.5, 1.0 / 1.5); break;
    case sf::Keyboard::Home:
        m_flight.reset();
        homeView();
        break;
    case sf::Keyboard::F11:
        m_fullscreen = !m_fullscreen;
        createWindow(); // GL objects live on: SFML's contexts share them
        fitCameraToWindow();
        imgui_sfml::setWindow(m_window.get());
        break;
    case sf::Keyboard::Escape:
        if (m_briefing) m_briefing->escape();
        break;
    case sf::Keyboard::L: m_overlay.showLayers = !m_overlay.showLayers; break;
    case sf::Keyboard::P:
    case sf::Keyboard::F5: enterPresentation(m_presentation.storyId()); break;
    case sf::Keyboard::Space:
        if (m_briefing) m_briefing->trips().togglePlay();
        break;
    case sf::Keyboard::M: m_overlay.showMessages = !m_overlay.showMessages; break;
    case sf::Keyboard::F1: m_overlay.showHelp = !m_overlay.showHelp; break;
    case sf::Keyboard::Q:
        if (key.control) m_quit = true;
        break;
    default: break;
    }
}

bool Viewer::prepareHeadless(sf::Context& context, OffscreenTarget& target, const char* what) {
    const int w = m_options.width, h = m_options.height;
    if (!context.setActive(true)) {
        spdlog::error("{}: no OpenGL context (is an X server such as Xvfb running?)", what);
        return false;
    }
    if (!initGraphics(false)) return false;
    if (!target.create(w, h)) {
        spdlog::error("{}: cannot make a {}x{} framebuffer", what, w, h);
        shutdownGraphics(); // while the context is current
        return false;
    }
    m_camera.setViewport({static_cast<double>(w), static_cast<double>(h)});
    return true;
}

int Viewer::runStoryExport(const std::vector<std::string>& storyIds, const std::filesystem::path& outDir,
                           const std::filesystem::path& pdfPath) {
    const int w = m_options.width, h = m_options.height;
    startLoading();
    sf::Context context(contextSettings(), static_cast<unsigned>(w), static_cast<unsigned>(h));
    finishLoading();
    if (!m_briefing) {
        spdlog::error("--export-story: no briefing file to take the stories from");
        return 1;
    }
    OffscreenTarget target;
    if (!prepareHeadless(context, target, "--export-story")) return 1;
    std::unique_ptr<PdfWriter> pdf;
    if (!pdfPath.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(pdfPath.parent_path(), ec);
        // Pages of 16:9 at 96 dpi: 1920x1080 px is 1440x810 pt.
        pdf = std::make_unique<PdfWriter>(pdfPath, w * 0.75, h * 0.75);
        if (!pdf->ok()) {
            spdlog::error("--export-story: cannot write {} (is the folder writable?)", pdfPath.string());
            target.release();
            shutdownGraphics(); // while the context is current
            return 1;
        }
    }
    int failures = 0, written = 0;
    for (const std::string& id : storyIds) {
        const geo::Story* story = m_briefing->briefing().findStory(id);
        if (!story || story->steps.empty() || !enterPresentation(id)) {
            spdlog::error("--export-story: there is no story '{}' with steps in {}", id, m_options.briefingFile.string());
            ++failures;
            continue;
        }
        spdlog::info("exporting story '{}' ({} steps) at {}x{}", id, story->steps.size(), w, h);
        std::error_code ec;
        const std::filesystem::path dir = outDir / id;
        std::filesystem::create_directories(dir, ec);
        for (std::size_t i = 0; i < story->steps.size(); ++i) {
            m_presentation.navigator().jumpTo(i + 1);
            applyCurrentStep(false);
            waitForViewLevels();
            // Three frames: glyphs of new text baked, labels placed against the panels of the frame before.
            for (int f = 0; f < 3; ++f) renderFrame({w, h}, 1.0f / 60.0f);
            const sf::Image image = target.read();
            char name[32];
            std::snprintf(name, sizeof name, "%02zu.png", i + 1);
            const std::filesystem::path file = dir / name;
            if (!image.saveToFile(file.string())) {
                spdlog::error("--export-story: cannot write {}", file.string());
                ++failures;
                continue;
            }
            ++written;
            if (pdf && !pdf->addPage(image)) {
                spdlog::error("--export-story: cannot add a page to {}", pdfPath.string());
                ++failures;
            }
        }
    }
    leavePresentation();
    target.release();
    shutdownGraphics();
    if (pdf) {
        std::string error;
        const int pages = pdf->pages();
        if (!pdf->close(error)) {
            spdlog::error("--export-story: {}: {}", pdfPath.string(), error);
            ++failures;
        } else {
            spdlog::info("wrote {} ({} pages)", pdfPath.string(), pages);
        }
    }
    spdlog::info("wrote {} step image(s) at {}x{} under {}", written, w, h, outDir.string());
    return failures ? 1 : 0;
}

int Viewer::runScreenshot(const std::filesystem::path& out) {
    const int w = m_options.width, h = m_options.height;
    startLoading();
    // An offscreen context and framebuffer: the picture does not depend on the screen's size.
    const auto t0 = std::chrono::steady_clock::now();
    sf::Context context(contextSettings(), static_cast<unsigned>(w), static_cast<unsigned>(h));
    spdlog::debug("start-up: GL context {:.1f} ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    finishLoading();
    spdlog::debug("start-up: waited for data {:.1f} ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    OffscreenTarget target;
    if (!prepareHeadless(context, target, "--screenshot")) return 1;
    if (m_options.present) enterPresentation(m_options.presentStory, static_cast<std::size_t>(std::max(m_options.step - 1, 0)));
    // Two frames: the first registers the text on screen, so the second has every glyph baked.
    renderFrame({w, h}, 1.0f / 60.0f);
    if (m_briefing)
        if (const auto request = m_briefing->takeCameraRequest()) handleCameraRequest(*request, false);
    waitForViewLevels();
    renderFrame({w, h}, 1.0f / 60.0f);
    // Labels are placed against the panels of the frame before; --frames draws more, as a
    // window held still does (the sidebar then comes from its copy: tests compare the two).
    for (int f = 2; f < std::max(m_options.screenshotFrames, 3); ++f) renderFrame({w, h}, 1.0f / 60.0f);
    if (m_panelCache.last() == PanelCache::Last::Copied) spdlog::info("--screenshot: the sidebar was drawn from its copy");
    if (m_mapCache.last() == MapCache::Last::Copied) spdlog::info("--screenshot: the map was drawn from its copy");
    const sf::Image image = target.read();
    if (!m_options.labelsOut.empty()) {
        std::ofstream labels(m_options.labelsOut);
        if (m_briefing)
            for (const geo::PlacedLabel& l : m_briefing->placedLabels())
                labels << l.box.min.x << '\t' << l.box.min.y << '\t' << l.box.max.x << '\t' << l.box.max.y << '\n';
        if (!labels) spdlog::error("--labels-out: cannot write {}", m_options.labelsOut.string());
    }
    target.release();
    shutdownGraphics();
    if (!image.saveToFile(out.string())) {
        spdlog::error("--screenshot: cannot write {}", out.string());
        return 1;
    }
    spdlog::info("wrote {} ({}x{})", out.string(), w, h);
    return 0;
}

} // namespace app
