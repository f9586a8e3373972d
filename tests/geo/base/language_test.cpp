#include <geo/base/language.hpp>
#include <geo/briefing/briefing.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <string>

using geo::Language;

TEST_CASE("fallbackOrder: the language first, then the other Han language before English", "[language]") {
    using Order = std::array<Language, 3>;
    CHECK(geo::fallbackOrder(Language::Zh) == Order{Language::Zh, Language::Ja, Language::En});
    CHECK(geo::fallbackOrder(Language::Ja) == Order{Language::Ja, Language::Zh, Language::En});
    CHECK(geo::fallbackOrder(Language::En) == Order{Language::En, Language::Zh, Language::Ja});
}

TEST_CASE("pickFallback takes the first text that is not empty and says its language", "[language]") {
    const std::string zh = "熊本市", ja = "熊本市（くまもとし）", en = "Kumamoto", none;
    auto picked = [](const geo::PickedText& p) { return std::make_pair(*p.text, p.language); };
    using Pick = std::pair<std::string, Language>;

    CHECK(picked(geo::pickFallback(zh, ja, en, Language::Zh)) == Pick{zh, Language::Zh});
    CHECK(picked(geo::pickFallback(zh, ja, en, Language::Ja)) == Pick{ja, Language::Ja});
    CHECK(picked(geo::pickFallback(zh, ja, en, Language::En)) == Pick{en, Language::En});

    CHECK(picked(geo::pickFallback(none, ja, en, Language::Zh)) == Pick{ja, Language::Ja});  // zh → ja
    CHECK(picked(geo::pickFallback(none, none, en, Language::Zh)) == Pick{en, Language::En}); // zh → ja → en
    CHECK(picked(geo::pickFallback(zh, none, en, Language::Ja)) == Pick{zh, Language::Zh});  // ja → zh
    CHECK(picked(geo::pickFallback(none, none, en, Language::Ja)) == Pick{en, Language::En}); // ja → zh → en
    CHECK(picked(geo::pickFallback(zh, ja, none, Language::En)) == Pick{zh, Language::Zh});  // en → zh
    CHECK(picked(geo::pickFallback(none, ja, none, Language::En)) == Pick{ja, Language::Ja}); // en → zh → ja
    CHECK(picked(geo::pickFallback(none, none, none, Language::Zh)) == Pick{"", Language::En}); // nothing

    // It refers to the argument itself, not a copy.
    CHECK(geo::pickFallback(zh, ja, en, Language::Ja).text == &ja);
}

TEST_CASE("pickText: English text for English, the source text for Chinese and Japanese", "[language]") {
    const std::string source = "熊本縣企業誘致", english = "Kumamoto's investment promotion", none;
    CHECK(&geo::pickText(source, english, Language::En) == &english);
    CHECK(&geo::pickText(source, english, Language::Zh) == &source);
    CHECK(&geo::pickText(source, english, Language::Ja) == &source);
    // The other one when the first choice is empty.
    CHECK(&geo::pickText(source, none, Language::En) == &source);
    CHECK(&geo::pickText(none, english, Language::Zh) == &english);
    CHECK(&geo::pickText(none, english, Language::Ja) == &english);
    CHECK(geo::pickText(none, none, Language::En).empty());
}

TEST_CASE("displayName and displayLanguage follow pickFallback, and the id when there is no name", "[language][briefing]") {
    geo::Site site;
    site.id = "kumamoto";
    const std::string names[] = {"", "熊本市"};
    for (const std::string& zh : names)
        for (const std::string& ja : {std::string(), std::string("くまもと")})
            for (const std::string& en : {std::string(), std::string("Kumamoto")})
                for (Language l : {Language::Zh, Language::Ja, Language::En}) {
                    site.nameZh = zh;
                    site.nameJa = ja;
                    site.nameEn = en;
                    const geo::PickedText p = geo::pickFallback(zh, ja, en, l);
                    INFO("zh '" << zh << "' ja '" << ja << "' en '" << en << "' language " << static_cast<int>(l));
                    CHECK(geo::displayLanguage(site, l) == p.language);
                    CHECK(geo::displayName(site, l) == (p.text->empty() ? site.id : *p.text));
                }
}
