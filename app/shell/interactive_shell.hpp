#pragma once
// The interactive viewer: its window (and, presenting on two displays, the map borderless over
// the projector's display with the presenter window on the laptop's), the input (ImGui first,
// then the map: drag, wheel, keys, clicks), the frame loop that draws only when something
// changed, and the settings remembered between sessions.

#include "platform/displays.hpp"
#include "present/presentation_controller.hpp"
#include "present/presenter_window.hpp"
#include "shell/session.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Window.hpp>

#include <filesystem>
#include <memory>
#include <optional>

namespace app {

class InteractiveShell : public PresentationHost {
public:
    explicit InteractiveShell(ViewerOptions options);
    ~InteractiveShell() override;
    // Opens the window and runs until it is closed. Returns the process exit code.
    int run();

    // PresentationHost
    void presentingStarts() override;
    void presentingEnds() override;
    bool hasPresenterWindow() const override { return m_presenterWindow.isOpen(); }
    void togglePresenterWindow() override;

private:
    // The remembered view, language, sidebar and motion, merged under the command line; false
    // when they will not be saved (a folder that cannot be written, said in the window).
    bool loadSettings();
    void saveSettings();
    void createWindow();
    void fitCameraToWindow();
    void toggleFullscreen();
    void handleEvent(const sf::Event& event);
    void handleKey(const sf::Event::KeyEvent& key);
    bool handleScaleKey(const sf::Event::KeyEvent& key);
    bool presentOnTwoDisplays();
    // Rehearsing on one display: the map window and the presenter window side by side.
    bool openPresenterBeside();
    sf::Image drawPresenterWindow(float dt, bool capture);
    void writeCapture(const sf::Image& map, const sf::Image& presenter);

    ViewerOptions m_options;
    std::filesystem::path m_settingsFile;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<sf::Window> m_window;
    sf::Cursor m_arrow; // handed to the window when ImGui's cursors go (they must outlive it)
    bool m_fullscreen = false;
    bool m_quit = false;
    // The pointer.
    bool m_dragging = false;
    bool m_dragMoved = false; // a press that moved is a pan, not a click
    bool m_toolDrag = false;  // presenting: the drag draws ink or a zoom box instead of panning
    bool m_cursorHidden = false;
    bool m_shiftDown = false;   // from key events (the X test tool's too), with the keyboard's state
    sf::Vector2i m_pressAt, m_lastMouse;
    // The window as it was before presenting took it over.
    struct SavedWindow {
        bool fullscreen = false;
        sf::Vector2i position;
        sf::Vector2u size;
    };
    std::optional<SavedWindow> m_saved;
    // With two displays: the map over the projector's monitor, the presenter window on the other.
    std::optional<Monitor> m_projectorMonitor;
    PresenterWindow m_presenterWindow;
};

} // namespace app
