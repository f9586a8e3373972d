// Session: the graphics, and a frame of the map, the content and the interface.
#include "shell/session.hpp"

#include "gl/gl_copy.hpp"
#include "platform/gl_driver.hpp"
#include "present/presenter_view.hpp"
#include "shell/imgui_sfml.hpp"

#include <geo/view/audience_layout.hpp>

#include <epoxy/gl.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace app {

namespace {

// The viewer's ImGui look at an interface scale (from the default style, so it can be re-applied).
void applyImGuiStyle(float scale, const geo::Palette& palette) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight();
    style.ScaleAllSizes(scale);
    style.WindowRounding = 6.0f * scale;
    style.Colors[ImGuiCol_WindowBg] = toImGuiColour(palette.interface.panel); // the panels, as the covers under them
}

bool inside(const geo::ScreenBox& box, glm::dvec2 p) { return p.x >= box.min.x && p.x < box.max.x && p.y >= box.min.y && p.y < box.max.y; }

} // namespace

void Session::applyUiScale() {
    float scale = m_baseUiScale;
    // The live viewer presenting: a projector taller than 1080 px (4K) shows what 1080p shows,
    // at its size, as the 3840x2160 export does.
    if (m_followDisplay && m_presentation.active()) scale *= std::max(1.0f, static_cast<float>(camera().viewport().y) / 1080.0f);
    scale = std::min(scale, 3.0f);
    if (scale == m_uiScale) return;
    m_uiScale = scale;
    if (m_imguiReady) applyImGuiStyle(scale, m_palette);
    m_fonts.setUiScale(scale); // re-baked before the next frame
}

bool Session::initGraphics(sf::Window* window) {
    using Clock = std::chrono::steady_clock;
    auto lap = [t = Clock::now()](const char* what) mutable {
        const auto now = Clock::now();
        spdlog::debug("start-up: {} {:.1f} ms", what, std::chrono::duration<double, std::milli>(now - t).count());
        t = now;
    };
    platform::pinGlDriver(); // the context is current: the driver is loaded
    std::string message;
    m_renderer.init(m_options.shadersDir, message, m_options.noShaders);
    // The content's lines and markers: with their own program where the map's build, else with ImGui.
    if (m_renderer.usingShaders()) m_glPainter.init(m_options.shadersDir, message, !m_options.bitmapText);
    lap("shaders");
    if (!message.empty()) {
        spdlog::warn("{}", message);
        addMessage(message, "");
    }
    m_renderer.upload(m_document.map());
    m_document.releaseVertices();
    lap("upload");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // never write imgui.ini into the user's folder
    applyImGuiStyle(m_uiScale, m_palette);
    if (!m_fontsReady) m_fonts.init(m_uiScale, m_fontMessage); // not started with the loading
    m_fontsReady = true;
    lap("fontconfig");
    if (!m_fontMessage.empty()) {
        spdlog::warn("{}", m_fontMessage);
        addMessage(m_fontMessage, "");
    }
    for (const auto& d : messages()) m_fonts.require(d.format());
    for (const auto& a : m_document.map().attributions()) m_fonts.require(a);
    m_fonts.useSdf(m_glPainter.textReady()); // the map's text measured as the GL painter draws it
    m_fonts.rebuildIfNeeded();
    lap("font atlas");
    if (!imgui_sfml::init(window)) {
        spdlog::error("the ImGui OpenGL renderer could not start");
        return false;
    }
    m_imguiReady = true;
    lap("imgui renderer");
    return true;
}

void Session::shutdownGraphics() {
    m_document.stop();
    m_renderer.release();
    m_glPainter.release();
    m_mapCache.release();
    m_panelCache.release();
    m_nextPicture.release();
    if (m_imguiReady) {
        imgui_sfml::shutdown(nullptr);
        ImGui::DestroyContext();
        m_imguiReady = false;
    }
}

geo::ContentLayout Session::layoutFrame(glm::vec2 display, geo::AudienceLayout& audience, std::optional<glm::dvec2> pointer) {
    const geo::Language language = m_content.state.language;
    audience = m_presentation.active()
                   ? geo::layoutAudience(m_presentation.audience(m_document.briefing(), language, m_uiScale, display), m_palette, m_fonts)
                   : geo::AudienceLayout{};
    if (!m_document.hasContent()) return {};
    return m_content.layout(m_document, camera(), m_projection, m_palette, m_fonts, m_uiScale, audience.covered, pointer);
}

bool Session::click(glm::dvec2 screen) {
    if (!m_document.hasContent()) return false;
    // What is under the pointer as the layout places it now (the same as what is on screen).
    geo::AudienceLayout audience;
    const glm::dvec2 vp = camera().viewport();
    const geo::ContentLayout layout = layoutFrame(glm::vec2(static_cast<float>(vp.x), static_cast<float>(vp.y)), audience, std::nullopt);
    const geo::ContentState before = m_content.state;
    const geo::ClickOutcome outcome = geo::click(m_content.state, m_document.briefing(), m_document.scene(), layout.hits, screen);
    if (!outcome.hit && m_presentation.active()) m_content.state = before; // a stray click keeps the step
    if (outcome.frame) frame(*outcome.frame, true);
    return outcome.hit;
}

std::optional<std::string> Session::siteAt(glm::dvec2 screen) const {
    if (!m_document.hasContent()) return std::nullopt;
    const auto index = m_layout.hits.clusterAt(screen);
    if (!index) return std::nullopt;
    const std::size_t leader = m_layout.hits.clusters[*index].leader;
    const geo::Briefing& b = m_document.briefing();
    if (leader >= b.sites.size()) return std::nullopt;
    return b.sites[leader].id;
}

Session::FrameStats Session::renderFrame(glm::ivec2 size, float dt) {
    camera().setViewport({static_cast<double>(size.x), static_cast<double>(size.y)});
    m_fonts.setInterfaceFace(geo::faceOf(m_content.state.language));
    // Fonts first: text seen last frame may need glyphs not yet baked.
    m_fonts.rebuildIfNeeded();
    glViewport(0, 0, size.x, size.y);
    const glm::vec2 display(static_cast<float>(size.x), static_cast<float>(size.y));
    const bool presenting = m_presentation.active();

    // The frame's layout, before anything is drawn: the panels, what the audience sees, the
    // content. Text measured for the first time needs its glyphs: baked, and measured again.
    const geo::PanelLayout panels = m_content.panels(display, m_uiScale);
    std::optional<glm::dvec2> pointer = m_pointer;
    if (pointer && !m_dragging &&
        ((m_imguiReady && ImGui::GetIO().WantCaptureMouse) || inside(panels.sidebar, *pointer) || inside(panels.notes, *pointer)))
        pointer.reset(); // no hover tooltip through a panel
    geo::AudienceLayout audience;
    m_layout = layoutFrame(display, audience, pointer);
    if (m_fonts.rebuildIfNeeded()) m_layout = layoutFrame(display, audience, pointer);

    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    // The map, or its copy while it stays the same (held still: playback, a landed story step).
    const geo::BaseMap& map = m_document.map();
    const geo::Color bg = m_mapView.background(map);
    m_mapSignature.clear();
    m_renderer.signature(map, camera(), m_mapView, m_uiScale, m_mapSignature);
    // Presenting: the live tools. The finished ink is drawn with the map (under the content)
    // and so kept in the map's copy while the camera holds still: 50 strokes then cost nothing.
    geo::LiveToolsLayout tools;
    if (presenting) tools = m_tools.layout(display);
    const bool inkWithMap = presenting && m_glPainter.ready() && !tools.ink.empty();
    if (inkWithMap) m_tools.inkSignature(m_mapSignature);
    FrameStats stats;
    stats.map = m_mapCache.render(size, m_mapSignature, [&] {
        glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
        {
            const ScissorOff off;
            glClear(GL_COLOR_BUFFER_BIT);
        }
        const MapRenderer::Stats drawn = m_renderer.draw(map, camera(), m_mapView, m_uiScale);
        if (inkWithMap) m_glPainter.drawNow(tools.ink, display);
        return drawn;
    });
    if (m_profiling) glFinish();
    const auto t1 = Clock::now();

    imgui_sfml::newFrame(sf::Vector2u(static_cast<unsigned>(size.x), static_cast<unsigned>(size.y)), sf::seconds(dt));
    m_fonts.sampleNearest(); // the atlas's texture is made by the first frame and by re-bakes
    Painter& painter = m_glPainter.ready() ? static_cast<Painter&>(m_glPainter) : static_cast<Painter&>(m_imguiPainter);
    m_glPainter.newFrame();
    m_glPainter.setHaloSoftness(m_palette.map.labelHaloSoftness * m_content.contentScale(m_uiScale));
    painter.paint(m_layout.list, ImGui::GetBackgroundDrawList());
    if (presenting) {
        // The live tools over the content, under the panels (a detour's notes, the presenter
        // overlay) and the caption, which stay legible in the spotlight's dimming; the laser
        // goes above everything, below.
        if (!inkWithMap) painter.paint(tools.ink, ImGui::GetBackgroundDrawList());
        painter.paint(tools.underCaption, ImGui::GetBackgroundDrawList());
    }
    if (m_document.hasContent())
        m_content.drawPanels({m_document, m_fonts, m_palette, panels, m_layout, m_mapView, m_content.contentScale(m_uiScale), pointer});
    if (presenting) {
        painter.paint(audience.list, ImGui::GetForegroundDrawList());
        drawPresenterOverlay(m_presentation, m_tools, m_document.briefing(), m_fonts, m_palette, m_content.state.language, m_uiScale);
    }
    const geo::Diagnostics all = messages();
    // Presenting, the pointer's coordinates are not for the audience.
    drawOverlay(OverlayInput{map, camera(), m_projection, all, presenting ? std::nullopt : m_pointer, m_fonts, m_palette,
                             m_content.state.language},
                m_mapView, m_overlay);
    if (presenting) painter.paint(tools.top, ImGui::GetForegroundDrawList());
    // A blanked projector is black: above everything, the attribution and scale bar too.
    if (presenting && m_presentation.navigator().blanked())
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(display.x, display.y), IM_COL32(0, 0, 0, 255));
    ImGui::Render();
    stats.contentVertices = m_glPainter.vertexCount();
    stats.contentDraws = m_glPainter.drawCount();
    const bool sidebar = panels.hasSidebar() && m_document.hasContent();
    const ImVec2 lo = sidebar ? ImVec2(static_cast<float>(panels.sidebar.min.x), static_cast<float>(panels.sidebar.min.y)) : ImVec2();
    const ImVec2 hi = sidebar ? ImVec2(static_cast<float>(panels.sidebar.max.x), static_cast<float>(panels.sidebar.max.y)) : ImVec2();
    m_panelCache.render(ImGui::GetDrawData(), ContentView::kSidebarMarker, lo, hi, toImGui(m_palette.interface.panel) | IM_COL32_A_MASK,
                        m_fonts.generation());
    if (m_profiling) {
        glFinish();
        stats.mapMs = std::chrono::duration<double, std::milli>(t1 - t0).count();
        stats.uiMs = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
    }
    // What the panels asked: the camera flies there from the next frame.
    if (const auto request = m_content.takeFrameRequest()) frame(*request, true);
    return stats;
}

} // namespace app
