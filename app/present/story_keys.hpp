#pragma once
// What a key does in presentation mode. Clickers send PageDown / PageUp (some also B
// or '.' for a black screen, F5 / Esc to start and stop, and sometimes Tab); the keyboard
// adds Right, Left, Space, Home and a step number typed then Enter. The live tools take
// letters no clicker sends (kClickerKeys), so that a remote never draws or dims by accident:
// L laser, S spotlight, D pen, H highlighter, C colour, U undo, X clear the ink, K keep the
// step's ink in the briefing file, Z back to the step, W the presenter window beside the map (rehearsing on one display).

#include <SFML/Window/Keyboard.hpp>

namespace app {

enum class StoryCommand {
    None, Next, Previous, First, Blank, Digit, Enter, Leave, PresenterOverlay, ReducedMotion,
    // The live tools.
    Laser, Spotlight, Pen, Highlighter, InkColour, UndoInk, ClearInk, KeepInk, BackToStep, PresenterWindow
};

// The keys presentation clickers send (the tools must not use them).
inline constexpr sf::Keyboard::Key kClickerKeys[] = {sf::Keyboard::PageUp, sf::Keyboard::PageDown, sf::Keyboard::B,
                                                     sf::Keyboard::Period, sf::Keyboard::F5,     sf::Keyboard::Escape,
                                                     sf::Keyboard::Tab};

struct StoryKey {
    StoryCommand command = StoryCommand::None;
    int digit = -1; // 0..9 for Digit
};

StoryKey storyKeyFor(sf::Keyboard::Key code);

} // namespace app
