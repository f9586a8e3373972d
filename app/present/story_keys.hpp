#pragma once
// What a key does in presentation mode. Clickers send PageDown / PageUp (some also B
// or '.' for a black screen, F5 / Esc to start and stop); the keyboard adds Right,
// Left, Space, Home and a step number typed then Enter.

#include <SFML/Window/Keyboard.hpp>

namespace app {

enum class StoryCommand { None, Next, Previous, First, Blank, Digit, Enter, Leave, PresenterOverlay, ReducedMotion };

struct StoryKey {
    StoryCommand command = StoryCommand::None;
    int digit = -1; // 0..9 for Digit
};

StoryKey storyKeyFor(sf::Keyboard::Key code);

} // namespace app
