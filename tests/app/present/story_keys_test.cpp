#include "present/story_keys.hpp"

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

using app::StoryCommand;
using app::storyKeyFor;
using K = sf::Keyboard;

TEST_CASE("a clicker's and the keyboard's keys move through a story", "[story_keys]") {
    // Forward: PageDown (clickers), Right, Down, Space.
    for (auto key : {K::PageDown, K::Right, K::Down, K::Space}) CHECK(storyKeyFor(key).command == StoryCommand::Next);
    // Back: PageUp (clickers), Left, Up, Backspace.
    for (auto key : {K::PageUp, K::Left, K::Up, K::Backspace}) CHECK(storyKeyFor(key).command == StoryCommand::Previous);
    CHECK(storyKeyFor(K::Home).command == StoryCommand::First);
    // B or '.' blanks the screen (a clicker's "black screen" button sends one of them).
    CHECK(storyKeyFor(K::B).command == StoryCommand::Blank);
    CHECK(storyKeyFor(K::Period).command == StoryCommand::Blank);
    CHECK(storyKeyFor(K::Escape).command == StoryCommand::Leave);
    CHECK(storyKeyFor(K::Enter).command == StoryCommand::Enter);
    CHECK(storyKeyFor(K::O).command == StoryCommand::PresenterOverlay);
    CHECK(storyKeyFor(K::R).command == StoryCommand::ReducedMotion);
    CHECK(storyKeyFor(K::A).command == StoryCommand::None);
}

TEST_CASE("digits on the top row and the keypad type a step number", "[story_keys]") {
    for (int d = 0; d <= 9; ++d) {
        const auto top = storyKeyFor(static_cast<K::Key>(K::Num0 + d));
        const auto pad = storyKeyFor(static_cast<K::Key>(K::Numpad0 + d));
        CHECK(top.command == StoryCommand::Digit);
        CHECK(top.digit == d);
        CHECK(pad.command == StoryCommand::Digit);
        CHECK(pad.digit == d);
    }
}

TEST_CASE("laser, spotlight, ink and detour keys collide with no clicker key", "[story_keys][laser][spotlight][ink][detour]") {
    using C = StoryCommand;
    const std::vector<std::pair<K::Key, C>> tools{{K::L, C::Laser},       {K::S, C::Spotlight}, {K::D, C::Pen},
                                                  {K::H, C::Highlighter}, {K::C, C::InkColour}, {K::U, C::UndoInk},
                                                  {K::X, C::ClearInk},    {K::K, C::KeepInk},    {K::Z, C::BackToStep},
                                                  {K::W, C::PresenterWindow}};
    for (const auto& [key, command] : tools) {
        CHECK(storyKeyFor(key).command == command);
        for (const K::Key clicker : app::kClickerKeys) CHECK(key != clicker);
    }
    // And what each clicker key does is a story command, never a tool.
    for (const K::Key clicker : app::kClickerKeys) {
        const C c = storyKeyFor(clicker).command;
        for (const auto& [key, command] : tools) CHECK(c != command);
    }
    // Tab is the shell's (the sidebar), not a tool's.
    CHECK(storyKeyFor(K::Tab).command == C::None);
}
