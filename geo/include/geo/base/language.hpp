#pragma once
// The three languages of the briefing and of the interface, and the one rule for a text
// that is missing in the language asked for: zh → ja → en, ja → zh → en, en → zh → ja. An
// audience reads the other Han text (臺中市 for a Japanese one, 熊本市 for a Chinese one)
// better than a romanisation, and an English one the Chinese text before the Japanese.

#include <array>
#include <string>

namespace geo {

enum class Language { Zh, Ja, En };

// `language` first, then the others in the order above.
std::array<Language, 3> fallbackOrder(Language language);

struct PickedText {
    const std::string* text; // one of the arguments of pickFallback, never null
    Language language;       // the language it is in; En when all were empty
};

// The first non-empty text of {zh, ja, en} in fallbackOrder(language), with its language.
// When all are empty: `en` (empty) and Language::En.
PickedText pickFallback(const std::string& zh, const std::string& ja, const std::string& en, Language language);

// The same rule for content written in one source language (Chinese or Japanese) with
// an English translation: for En the English text, else the source; the other one when
// that is empty. Returns a reference to one of the arguments.
const std::string& pickText(const std::string& source, const std::string& english, Language language);

} // namespace geo
