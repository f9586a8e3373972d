#include "shell/headless.hpp"

#include <geo/base/output_file.hpp>

#include <SFML/Graphics/Image.hpp>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>

namespace app {

Headless::Headless(Session& session) : m_session(session) {
    const auto t0 = std::chrono::steady_clock::now();
    const ViewerOptions& o = session.options();
    m_context = std::make_unique<sf::Context>(Session::contextSettings(), static_cast<unsigned>(o.width), static_cast<unsigned>(o.height));
    spdlog::debug("start-up: GL context {:.1f} ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
}

Headless::~Headless() { stop(); }

bool Headless::start(const char* what) {
    const int w = m_session.options().width, h = m_session.options().height;
    if (!m_context->setActive(true)) {
        spdlog::error("{}: no OpenGL context (is an X server such as Xvfb running?)", what);
        return false;
    }
    m_started = true;
    if (!m_session.initGraphics(nullptr)) return false;
    if (!m_target.create(w, h)) {
        spdlog::error("{}: cannot make a {}x{} framebuffer", what, w, h);
        return false;
    }
    m_session.camera().setViewport({static_cast<double>(w), static_cast<double>(h)});
    return true;
}

void Headless::stop() {
    if (!m_started) return;
    m_started = false;
    m_context->setActive(true);
    m_target.release();
    m_session.shutdownGraphics();
}

Session::FrameStats Headless::renderFrame(glm::ivec2 size, float dt) {
    // What ImGui drew, as bytes (the sidebar's copy compares its lists the same way).
    auto drawn = [] {
        DrawListSnapshot snapshot;
        if (const ImDrawData* data = ImGui::GetDrawData())
            for (int i = 0; i < data->CmdListsCount; ++i) snapshot.addList(*data->CmdLists[i]);
        return snapshot.bytes;
    };
    Session::FrameStats stats = m_session.renderFrame(size, dt);
    std::vector<unsigned char> before = drawn();
    for (int again = 0; again < 4; ++again) {
        const bool glyphs = m_session.fonts().dirty();
        stats = m_session.renderFrame(size, dt);
        std::vector<unsigned char> now = drawn();
        if (!glyphs && now == before) break;
        before = std::move(now);
    }
    return stats;
}

int runScreenshot(const ViewerOptions& options, const std::filesystem::path& out) {
    const int w = options.width, h = options.height;
    Session session(options);
    session.startLoading(); // the data loads while the GL context comes up
    Headless headless(session);
    session.finishLoading();
    if (!headless.start("--screenshot")) return 1;
    if (options.present) session.presenting().enter(options.presentStory, static_cast<std::size_t>(std::max(options.step - 1, 0)));
    // A picture must not depend on how far the background builder had got: the view's levels first.
    session.waitForViewLevels();
    // --frames draws more, as a window held still does (the sidebar and the map then come from
    // their copies: the tests compare the two).
    for (int f = 0; f < std::max(options.screenshotFrames, 1); ++f) headless.renderFrame({w, h});
    if (session.panelCopyLast() == PanelCache::Last::Copied) spdlog::info("--screenshot: the sidebar was drawn from its copy");
    if (session.mapCopyLast() == MapCache::Last::Copied) spdlog::info("--screenshot: the map was drawn from its copy");
    const sf::Image image = headless.target().read();
    if (!options.labelsOut.empty()) {
        std::ofstream labels(options.labelsOut);
        for (const geo::KindedBox& b : session.lastLayout().placement)
            labels << geo::boxKindName(b.kind) << '\t' << b.box.min.x << '\t' << b.box.min.y << '\t' << b.box.max.x << '\t' << b.box.max.y
                   << '\n';
        if (!labels) spdlog::error("--labels-out: cannot write {}", options.labelsOut.string());
    }
    headless.stop();
    geo::OutputFile file(out, {options.briefingFile, options.layerFile, options.paletteFile});
    std::string error;
    if (!file.ok() || !image.saveToFile(file.temporary().string()) || !file.commit(error)) {
        spdlog::error("--screenshot: {}", !file.ok() ? file.error() : error.empty() ? "cannot write " + out.string() : error);
        return 1;
    }
    spdlog::info("wrote {} ({}x{})", out.string(), w, h);
    return 0;
}

} // namespace app
