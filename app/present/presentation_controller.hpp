#pragma once
// Entering and leaving presentation mode, and its keys: the projector theme (the layer file's
// projector_* colours, larger fonts, markers half as large again), the chrome hidden, the
// story step by step from a clicker. The window side (full screen, or the map over the
// projector's display with the presenter window on the laptop's) is the shell's, behind
// PresentationHost; headless runs have none.

#include <SFML/Window/Keyboard.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace app {

class Session;

class PresentationHost {
public:
    virtual ~PresentationHost() = default;
    // Presenting starts: the map window goes full screen, or borderless over the projector's
    // display with the presenter window beside it.
    virtual void presentingStarts() = 0;
    // It ends: the window as it was.
    virtual void presentingEnds() = 0;
    // A presenter window is open (the overlay O would then only show the audience the notes).
    virtual bool hasPresenterWindow() const = 0;
    // W: with one display, the presenter window beside the map window, or closed again.
    virtual void togglePresenterWindow() {}
};

class PresentationController {
public:
    explicit PresentationController(Session& session) : m_session(session) {}
    void setHost(PresentationHost* host) { m_host = host; }

    // Presents `storyId` (the first story when empty) from step `step` (0-based); false, with a
    // message, when the briefing has no such story.
    bool enter(const std::string& storyId, std::size_t step = 0);
    void leave();
    // A key while presenting (a clicker's PageDown, B, digits...); false when it is not one of
    // presentation mode's (the shell's: F11, Ctrl+Q, the interface scale).
    bool handleKey(sf::Keyboard::Key code);

private:
    struct SavedLook {
        bool sidebar = true;
        bool messages = true;
    };
    Session& m_session;
    PresentationHost* m_host = nullptr;
    std::optional<SavedLook> m_saved;
};

} // namespace app
