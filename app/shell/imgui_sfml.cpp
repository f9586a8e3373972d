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
// Per ImGui context, as ImGui's own backends keep theirs (io.BackendPlatformUserData).
State* state() { return ImGui::GetCurrentContext() ? static_cast<State*>(ImGui::GetIO().BackendPlatformUserData) : nullptr; }

const char* getClipboard(void* user) {
    State* st = static_cast<State*>(user);
    const sf::String s = sf::Clipboard::getString(); // SFML 2.5 has no UTF-8 getter: convert
    std::basic_string<sf::Uint8> utf8 = s.toUtf8();
    st->clipboard.assign(utf8.begin(), utf8.end());
    return st->clipboard.c_str();
}

void setClipboard(void*, const char* text) {
    sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

void loadCursor(State& st, ImGuiMouseCursor imguiCursor, sf::Cursor::Type type) {
    auto cursor = std::make_unique<sf::Cursor>();
    if (cursor->loadFromSystem(type)) st.cursors[static_cast<size_t>(imguiCursor)] = std::move(cursor);
}

} // namespace

bool init(sf::Window* window) {
    assert(ImGui::GetCurrentContext() && "call ImGui::CreateContext() before imgui_sfml::init");
    assert(!state() && "imgui_sfml::init called twice without shutdown");
    ImGuiIO& io = ImGui::GetIO();
    State* st = new State;
    st->window = window;
    io.BackendPlatformUserData = st;
    io.ClipboardUserData = st;
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
        loadCursor(*st, ImGuiMouseCursor_Arrow, sf::Cursor::Arrow);
        loadCursor(*st, ImGuiMouseCursor_TextInput, sf::Cursor::Text);
        loadCursor(*st, ImGuiMouseCursor_ResizeAll, sf::Cursor::SizeAll);
        loadCursor(*st, ImGuiMouseCursor_ResizeNS, sf::Cursor::SizeVertical);
        loadCursor(*st, ImGuiMouseCursor_ResizeEW, sf::Cursor::SizeHorizontal);
        loadCursor(*st, ImGuiMouseCursor_ResizeNESW, sf::Cursor::SizeBottomLeftTopRight);
        loadCursor(*st, ImGuiMouseCursor_ResizeNWSE, sf::Cursor::SizeTopLeftBottomRight);
        loadCursor(*st, ImGuiMouseCursor_Hand, sf::Cursor::Hand);
        loadCursor(*st, ImGuiMouseCursor_NotAllowed, sf::Cursor::NotAllowed);
    }
    return ImGui_ImplOpenGL3_Init("#version 130");
}

void setWindow(sf::Window* window) {
    State* st = state();
    assert(st && "imgui_sfml::init was not called");
    st->window = window;
    st->lastCursor = ImGuiMouseCursor_COUNT;
}

void processEvent(const sf::Event& event) {
    State* st = state();
    assert(st && "imgui_sfml::init was not called");
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case sf::Event::MouseMoved:
        io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
        break;
    case sf::Event::MouseButtonPressed:
        if (event.mouseButton.button <= sf::Mouse::Middle) st->mousePressed[event.mouseButton.button] = true;
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
    case sf::Event::GainedFocus: st->focused = true; break;
    case sf::Event::LostFocus:
        st->focused = false;
        // Keys released while unfocused never arrive: forget them.
        for (bool& k : io.KeysDown) k = false;
        io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
        break;
    case sf::Event::MouseLeft: io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); break;
    default: break;
    }
}

void newFrame(sf::Vector2u displaySize, sf::Time dt) {
    State* st = state();
    assert(st && "imgui_sfml::init was not called");
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(displaySize.x), static_cast<float>(displaySize.y));
    io.DeltaTime = dt.asSeconds() > 0.f ? dt.asSeconds() : 1.0f / 60.0f;
    if (st->window && st->focused) {
        const sf::Vector2i p = sf::Mouse::getPosition(*st->window);
        if (io.MousePos.x != -FLT_MAX) io.MousePos = ImVec2(static_cast<float>(p.x), static_cast<float>(p.y));
        for (int i = 0; i < 3; ++i) {
            io.MouseDown[i] = st->mousePressed[i] || sf::Mouse::isButtonPressed(static_cast<sf::Mouse::Button>(i));
            st->mousePressed[i] = false;
        }
    } else if (!st->window) {
        for (bool& down : io.MouseDown) down = false;
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    if (st->window && !(io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange)) {
        const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
        if (cursor != st->lastCursor) {
            st->lastCursor = cursor;
            const bool hide = io.MouseDrawCursor || cursor == ImGuiMouseCursor_None;
            st->window->setMouseCursorVisible(!hide);
            const auto& c = st->cursors[static_cast<size_t>(cursor >= 0 ? cursor : 0)];
            if (!hide && c) st->window->setMouseCursor(*c);
        }
    }
}

void setCursorHidden(bool hidden) {
    State* st = state();
    if (!st || !st->window) return;
    ImGuiIO& io = ImGui::GetIO();
    if (hidden) io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    else io.ConfigFlags &= ~ImGuiConfigFlags_NoMouseCursorChange;
    st->window->setMouseCursorVisible(!hidden);
    st->lastCursor = ImGuiMouseCursor_COUNT; // shown again: ImGui's shape is set anew
}

void render() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData()); // saves and restores the GL state it touches
}

void shutdown(const sf::Cursor* arrow) {
    State* st = state();
    if (!st) return;
    ImGui_ImplOpenGL3_Shutdown();
    // The window may still show one of our cursors, and a window must not use a freed cursor
    // (X reports BadCursor when the window later changes): it is handed `arrow`, which outlives it.
    if (st->window && arrow) st->window->setMouseCursor(*arrow);
    ImGui::GetIO().BackendPlatformUserData = nullptr;
    ImGui::GetIO().ClipboardUserData = nullptr;
    delete st;
}

} // namespace app::imgui_sfml
