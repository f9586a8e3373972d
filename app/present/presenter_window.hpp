#pragma once
// The presenter's window on the laptop's display while the projector shows the map:
// a second SFML window (its GL context shares objects with the map window's) with its
// own ImGui context that shares the map's font atlas (ImGui::CreateContext(atlas)).
//
// ImGui 1.86's OpenGL3 backend keeps its state per ImGui context (io.BackendRendererUserData)
// and makes a new vertex array object in every RenderDrawData (VAOs are not shared between
// GL contexts); programs, buffers and textures are shared. Its own copy of the font texture
// is given up at once: the atlas keeps the map renderer's texture, which FontSet replaces
// whenever it re-bakes, so both windows draw the same glyphs.

#include "platform/displays.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Window/Window.hpp>

#include <functional>
#include <memory>

struct ImGuiContext;

namespace app {

class PresenterWindow {
public:
    PresenterWindow() = default;
    ~PresenterWindow();
    PresenterWindow(const PresenterWindow&) = delete;
    PresenterWindow& operator=(const PresenterWindow&) = delete;

    // Opens the window over `monitor` (call with the map's ImGui context current: its font
    // atlas is shared). False, and nothing open, when the window or its renderer cannot start.
    bool open(const Monitor& monitor, float uiScale);
    // Closes it; the caller makes its own GL context current again afterwards.
    void close();
    bool isOpen() const { return m_window != nullptr; }
    sf::Window& window() { return *m_window; }
    // The pointer and the wheel over it (a long day's notes scroll); keys are the viewer's.
    void processEvent(const sf::Event& event);

    // One frame: makes the window's GL context current, switches to its ImGui context,
    // clears, runs `draw` between NewFrame and Render, and switches back to the previous
    // ImGui context. The picture is shown by display(); capture() reads it before that.
    void frame(const std::function<void()>& draw, float dt);
    sf::Image capture() const;
    void display() { m_window->display(); }

private:
    std::unique_ptr<sf::Window> m_window;
    ImGuiContext* m_imgui = nullptr;
    bool m_rendererReady = false;
    bool m_ownTextureDropped = false;
};

// The current GL context's back buffer (a window's frame before display()), top row first, opaque.
sf::Image readBackBuffer(sf::Vector2u size);

} // namespace app
