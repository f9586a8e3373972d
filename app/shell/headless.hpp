#pragma once
// The viewer without a window: an offscreen GL context and framebuffer of the options' size,
// for screenshots, story exports, the benchmark and the soak. An X server is still needed for
// the context (Xvfb will do).

#include "gl/offscreen_target.hpp"
#include "shell/session.hpp"

#include <SFML/Window/Context.hpp>

#include <filesystem>
#include <memory>

namespace app {

class Headless {
public:
    // Makes the GL context (call after Session::startLoading: it comes up while the data loads).
    explicit Headless(Session& session);
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // Makes the context current and starts the session's graphics and a target of the options'
    // size (call after Session::finishLoading); false, having said why, when it cannot.
    bool start(const char* what);
    // Frees the target and the graphics while the context is current.
    void stop();
    OffscreenTarget& target() { return m_target; }
    sf::Context& context() { return *m_context; }

    // Draws a frame, and draws it again until it has settled, so that the picture read after it
    // is complete: the layout of the content needs nothing from an earlier frame, but text
    // registered for the first time needs its glyphs baked (the font atlas can only change
    // between frames), and ImGui sizes a panel's scroll bar from the content it measured in the
    // frame before. Settled: no new glyphs, and ImGui drew the same as in the frame before.
    Session::FrameStats renderFrame(glm::ivec2 size, float dt = 1.0f / 60.0f);

private:
    Session& m_session;
    std::unique_ptr<sf::Context> m_context;
    OffscreenTarget m_target;
    bool m_started = false;
};

// ktmap --screenshot OUT.png: the view the options ask for, drawn offscreen, written as PNG.
int runScreenshot(const ViewerOptions& options, const std::filesystem::path& out);

} // namespace app
