#include "present/presenter_window.hpp"

#include "shell/session.hpp"

#include <SFML/Window/Event.hpp>
#include <SFML/Window/Mouse.hpp>

#include <backends/imgui_impl_opengl3.h>
#include <epoxy/gl.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <cfloat>
#include <vector>

namespace app {

namespace {
constexpr const char* kPresenterTitle = "Presenter — Taiwan–Kyushu cooperation map";
} // namespace

PresenterWindow::~PresenterWindow() { close(); }

bool PresenterWindow::open(const Monitor& monitor, float uiScale) {
    close();
    ImGuiContext* previous = ImGui::GetCurrentContext();
    if (!previous) return false;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    m_window = std::make_unique<sf::Window>();
    m_window->create(sf::VideoMode(static_cast<unsigned>(monitor.width), static_cast<unsigned>(monitor.height)),
                     sf::String::fromUtf8(kPresenterTitle, kPresenterTitle + std::char_traits<char>::length(kPresenterTitle)),
                     sf::Style::Titlebar | sf::Style::Resize | sf::Style::Close, Session::contextSettings());
    if (!m_window->isOpen()) {
        m_window.reset();
        return false;
    }
    m_window->setPosition({monitor.x, monitor.y});
    m_window->setVerticalSyncEnabled(false); // the map window's swap paces the loop
    m_window->setKeyRepeatEnabled(true);
    m_window->setActive(true);

    m_imgui = ImGui::CreateContext(atlas);
    ImGui::SetCurrentContext(m_imgui);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // never write imgui.ini
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui::StyleColorsLight();
    ImGui::GetStyle().ScaleAllSizes(uiScale);
    m_rendererReady = ImGui_ImplOpenGL3_Init("#version 130");
    m_ownTextureDropped = false;
    ImGui::SetCurrentContext(previous);
    if (!m_rendererReady) {
        spdlog::error("presenter window: the ImGui OpenGL renderer could not start");
        close();
        return false;
    }
    return true;
}

void PresenterWindow::close() {
    if (!m_window) return;
    ImGuiContext* previous = ImGui::GetCurrentContext();
    if (previous == m_imgui) previous = nullptr;
    m_window->setActive(true);
    if (m_imgui) {
        ImGui::SetCurrentContext(m_imgui);
        if (m_rendererReady) ImGui_ImplOpenGL3_Shutdown(); // its program and buffers (the font texture is the map's)
        ImGui::DestroyContext(m_imgui);                    // the shared atlas is not the context's to free
        m_imgui = nullptr;
    }
    m_rendererReady = false;
    ImGui::SetCurrentContext(previous);
    m_window->setActive(false);
    m_window->close();
    m_window.reset();
}

void PresenterWindow::processEvent(const sf::Event& event) {
    if (!m_imgui) return;
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(m_imgui);
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case sf::Event::MouseMoved:
        io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
        break;
    case sf::Event::MouseLeft: io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); break;
    case sf::Event::MouseWheelScrolled:
        if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) io.MouseWheel += event.mouseWheelScroll.delta;
        break;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased:
        if (event.mouseButton.button == sf::Mouse::Left) io.MouseDown[0] = event.type == sf::Event::MouseButtonPressed;
        break;
    default: break;
    }
    ImGui::SetCurrentContext(previous);
}

void PresenterWindow::frame(const std::function<void()>& draw, float dt) {
    if (!m_window || !m_imgui) return;
    ImGuiContext* previous = ImGui::GetCurrentContext();
    m_window->setActive(true);
    ImGui::SetCurrentContext(m_imgui);
    const sf::Vector2u size = m_window->getSize();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    io.DeltaTime = dt > 0.0f ? dt : 1.0f / 60.0f;
    glViewport(0, 0, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y));
    glClearColor(0.08f, 0.09f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    const ImTextureID shared = io.Fonts->TexID; // the map renderer's font texture
    ImGui_ImplOpenGL3_NewFrame(); // the first one makes the program, buffers and a font texture of its own
    if (!m_ownTextureDropped) {
        ImGui_ImplOpenGL3_DestroyFontsTexture(); // ...which is given up: FontSet only replaces the map's
        io.Fonts->SetTexID(shared);
        m_ownTextureDropped = true;
    }
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ImGui::SetCurrentContext(previous);
}

sf::Image PresenterWindow::capture() const {
    if (!m_window) return sf::Image();
    m_window->setActive(true);
    return readBackBuffer(m_window->getSize());
}

sf::Image readBackBuffer(sf::Vector2u size) {
    sf::Image image;
    const std::size_t w = size.x, h = size.y;
    std::vector<sf::Uint8> pixels(w * h * 4);
    glFinish();
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, static_cast<GLsizei>(w), static_cast<GLsizei>(h), GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    image.create(size.x, size.y);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x) {
            const sf::Uint8* p = &pixels[((h - 1 - y) * w + x) * 4];
            image.setPixel(static_cast<unsigned>(x), static_cast<unsigned>(y), sf::Color(p[0], p[1], p[2]));
        }
    return image;
}

} // namespace app
