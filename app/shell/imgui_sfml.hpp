#pragma once
// Platform half of the Dear ImGui backend for SFML 2.5 (the renderer half is
// ImGui's own OpenGL3 backend, shipped in Debian's libimgui.a).
//
// Implements: mouse position/buttons/wheel, keyboard (ImGui 1.86 KeyMap/KeysDown),
// text input, modifier keys, clipboard, focus, mouse cursor shapes (arrow, hand,
// text input, resize), display size and delta time.
// Life cycle, as in imgui-sfml: init -> (processEvent* -> newFrame -> ImGui calls -> render)* -> shutdown.
// Its state lives in the ImGui context (io.BackendPlatformUserData), as ImGui's own backends keep theirs.

#include <SFML/System/Time.hpp>
#include <SFML/Window/Event.hpp>

namespace sf {
class Cursor;
class Window;
} // namespace sf

namespace app::imgui_sfml {

// Creates the ImGui context's platform state and the GL3 renderer. `window` may be
// null for headless rendering into a framebuffer (then the caller sets the display size).
bool init(sf::Window* window);
void processEvent(const sf::Event& event);
// Starts a frame of `displaySize` pixels. The mouse is read from the window, if any.
void newFrame(sf::Vector2u displaySize, sf::Time dt);
// Draws ImGui's draw data with the GL3 renderer, saving and restoring GL state.
void render();
// `arrow`: a system arrow cursor that outlives the window (handed to it in place of ours); may be null.
void shutdown(const sf::Cursor* arrow);
// Switches the window the platform half reads from (after a fullscreen toggle).
void setWindow(sf::Window* window);

// Hides the system cursor over the window (the laser pointer stands in for it), or gives
// it back to ImGui's shapes.
void setCursorHidden(bool hidden);

} // namespace app::imgui_sfml
