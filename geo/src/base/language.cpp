#include <geo/base/language.hpp>

namespace geo {

std::array<Language, 3> fallbackOrder(Language language) {
    switch (language) {
    case Language::Zh: return {Language::Zh, Language::Ja, Language::En};
    case Language::Ja: return {Language::Ja, Language::Zh, Language::En};
    case Language::En: break;
    }
    return {Language::En, Language::Zh, Language::Ja};
}

PickedText pickFallback(const std::string& zh, const std::string& ja, const std::string& en, Language language) {
    for (Language l : fallbackOrder(language)) {
        const std::string& text = l == Language::Zh ? zh : l == Language::Ja ? ja : en;
        if (!text.empty()) return {&text, l};
    }
    return {&en, Language::En};
}

const std::string& pickText(const std::string& source, const std::string& english, Language language) {
    // The source text stands for both Han languages.
    return *pickFallback(source, source, english, language).text;
}

} // namespace geo
