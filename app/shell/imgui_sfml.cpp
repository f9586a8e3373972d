#include "shell/imgui_sfml.hpp"

#include <SFML/Window/Clipboard.hpp>
#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/Mouse.hpp>
#include <SFML/Window/Window.hpp>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <array>
#include <cassert>
#include <memory>
#include <string>

namespace app::imgui_sfml {

namespace {

struct State {
    sf::Window* window = nullptr;
    bool focused = true;
    bool mousePressed[3] = {false, false, false}; // presses shorter than a frame still count
    std::array<std::unique_ptr<sf::Cursor>, ImGuiMouseCursor_COUNT> cursors;
    ImGuiMouseCursor lastCursor = ImGuiMouseCursor_COUNT;
    std::string clipboard;
};
State* g_state = nullptr;

const char* getClipboard(void*) {
    const sf::String s = sf::Clipboard::getString(); // SFML 2.5 has no UTF-8 getter: convert
    std::basic_string<sf::Uint8> utf8 = s.toUtf8();
    g_state->clipboard.assign(utf8.begin(), utf8.end());
    return g_state->clipboard.c_str();
}

void setClipboard(void*, const char* text) {
    sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

void loadCursor(ImGuiMouseCursor imguiCursor, sf::Cursor::Type type) {
    auto cursor = std::make_unique<sf::Cursor>();
    if (cursor->loadFromSystem(type)) g_state->cursors[static_cast<size_t>(imguiCursor)] = std::move(cursor);
}

} // namespace

bool init(sf::Window* window) {
    assert(!g_state && "imgui_sfml::init called twice without shutdown");
    assert(ImGui::GetCurrentContext() && "call ImGui::CreateContext() before imgui_sfml::init");
    g_state = new State;
    g_state->window = window;
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "ktmap_imgui_sfml";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
    io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
    io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
    io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
    io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
    io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
    io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
    io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
    io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
    io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
    io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
    io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
    io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = sf::Keyboard::Enter;
    io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
    io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
    io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
    io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
    io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
    io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
    io.GetClipboardTextFn = getClipboard;
    io.SetClipboardTextFn = setClipboard;
    if (window) {
        loadCursor(ImGuiMouseCursor_Arrow, sf::Cursor::Arrow);
        loadCursor(ImGuiMouseCursor_TextInput, sf::Cursor::Text);
        loadCursor(ImGuiMouseCursor_ResizeAll, sf::Cursor::SizeAll);
        loadCursor(ImGuiMouseCursor_ResizeNS, sf::Cursor::SizeVertical);
        loadCursor(ImGuiMouseCursor_ResizeEW, sf::Cursor::SizeHorizontal);
        loadCursor(ImGuiMouseCursor_ResizeNESW, sf::Cursor::SizeBottomLeftTopRight);
        loadCursor(ImGuiMouseCursor_ResizeNWSE, sf::Cursor::SizeTopLeftBottomRight);
        loadCursor(ImGuiMouseCursor_Hand, sf::Cursor::Hand);
        loadCursor(ImGuiMouseCursor_NotAllowed, sf::Cursor::NotAllowed);
    }
    return ImGui_ImplOpenGL3_Init("#version 130");
}

void setWindow(sf::Window* window) {
    assert(g_state && "imgui_sfml::init was not called");
    g_state->window = window;
    g_state->lastCursor = ImGuiMouseCursor_COUNT;
}

void processEvent(const sf::Event& event) {
    assert(g_state && "imgui_sfml::init was not called");
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case sf::Event::MouseMoved:
        io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
        break;
    case sf::Event::MouseButtonPressed:
        if (event.mouseButton.button <= sf::Mouse::Middle) g_state->mousePressed[event.mouseButton.button] = true;
        break;
    case sf::Event::MouseWheelScrolled:
        if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) io.MouseWheel += event.mouseWheelScroll.delta;
        else io.MouseWheelH += event.mouseWheelScroll.delta;
        break;
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased:
        if (event.key.code >= 0 && event.key.code < 512) io.KeysDown[event.key.code] = event.type == sf::Event::KeyPressed;
        io.KeyCtrl = event.key.control;
        io.KeyShift = event.key.shift;
        io.KeyAlt = event.key.alt;
        io.KeySuper = event.key.system;
        break;
    case sf::Event::TextEntered:
        // Control characters are keys, not text.
        if (event.text.unicode >= 0x20 && event.text.unicode != 0x7F) io.AddInputCharacter(event.text.unicode);
        break;
    case sf::Event::GainedFocus: g_state->focused = true; break;
    case sf::Event::LostFocus:
        g_state->focused = false;
        // Keys released while unfocused never arrive: forget them.
        for (bool& k : io.KeysDown) k = false;
        io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
        break;
    case sf::Event::MouseLeft: io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); break;
    default: break;
    }
}

void newFrame(sf::Vector2u displaySize, sf::Time dt) {
    assert(g_state && "imgui_sfml::init was not called");
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(displaySize.x), static_cast<float>(displaySize.y));
    io.DeltaTime = dt.asSeconds() > 0.f ? dt.asSeconds() : 1.0f / 60.0f;
    if (g_state->window && g_state->focused) {
        const sf::Vector2i p = sf::Mouse::getPosition(*g_state->window);
        if (io.MousePos.x != -FLT_MAX) io.MousePos = ImVec2(static_cast<float>(p.x), static_cast<float>(p.y));
        for (int i = 0; i < 3; ++i) {
            io.MouseDown[i] = g_state->mousePressed[i] || sf::Mouse::isButtonPressed(static_cast<sf::Mouse::Button>(i));
            g_state->mousePressed[i] = false;
        }
    } else if (!g_state->window) {
        for (bool& down : io.MouseDown) down = false;
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    if (g_state->window && !(io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange)) {
        const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
        if (cursor != g_state->lastCursor) {
            g_state->lastCursor = cursor;
            const bool hide = io.MouseDrawCursor || cursor == ImGuiMouseCursor_None;
            g_state->window->setMouseCursorVisible(!hide);
            const auto& c = g_state->cursors[static_cast<size_t>(cursor >= 0 ? cursor : 0)];
            if (!hide && c) g_state->window->setMouseCursor(*c);
        }
    }
}

void render() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData()); // saves and restores the GL state it touches
}

void shutdown() {
    if (!g_state) return;
    ImGui_ImplOpenGL3_Shutdown();
    // The window may still show one of our cursors, and a window must not use a freed
    // cursor (X reports BadCursor when the window later changes). Hand it a system arrow
    // that lives as long as the program.
    if (g_state->window) {
        static sf::Cursor arrow;
        static const bool loaded = arrow.loadFromSystem(sf::Cursor::Arrow);
        if (loaded) g_state->window->setMouseCursor(arrow);
    }
    delete g_state;
    g_state = nullptr;
}

} // namespace app::imgui_sfml
