#include "present/story_keys.hpp"

namespace app {

StoryKey storyKeyFor(sf::Keyboard::Key code) {
    using K = sf::Keyboard;
    if (code >= K::Num0 && code <= K::Num9) return {StoryCommand::Digit, static_cast<int>(code - K::Num0)};
    if (code >= K::Numpad0 && code <= K::Numpad9) return {StoryCommand::Digit, static_cast<int>(code - K::Numpad0)};
    switch (code) {
    case K::PageDown:
    case K::Right:
    case K::Down:
    case K::Space: return {StoryCommand::Next};
    case K::PageUp:
    case K::Left:
    case K::Up:
    case K::Backspace: return {StoryCommand::Previous};
    case K::Home: return {StoryCommand::First};
    case K::B:
    case K::Period: return {StoryCommand::Blank};
    case K::Enter: return {StoryCommand::Enter};
    case K::Escape: return {StoryCommand::Leave};
    case K::O: return {StoryCommand::PresenterOverlay};
    case K::R: return {StoryCommand::ReducedMotion};
    case K::L: return {StoryCommand::Laser};
    case K::S: return {StoryCommand::Spotlight};
    case K::D: return {StoryCommand::Pen};
    case K::H: return {StoryCommand::Highlighter};
    case K::C: return {StoryCommand::InkColour};
    case K::U: return {StoryCommand::UndoInk};
    case K::X: return {StoryCommand::ClearInk};
    case K::K: return {StoryCommand::KeepInk};
    case K::Z: return {StoryCommand::BackToStep};
    case K::W: return {StoryCommand::PresenterWindow};
    default: break;
    }
    return {};
}

} // namespace app
