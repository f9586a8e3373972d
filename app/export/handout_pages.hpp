#pragma once
// What the handout says, page by page: the cover (title, dates, the overview map and its key), a
// page per trip (its map and day-by-day table), a page per partnership (its map and milestones)
// and the index of sites, in the chosen language with English beside it (English only for en).

#include "export/handout_layout.hpp"

#include <geo/briefing/briefing.hpp>
#include <geo/view/palette.hpp>

#include <string>
#include <utility>

namespace app {

class HandoutMaps;

// The earliest and latest dates of the trips' stops and the partnerships' milestones
// ("2017-09", "2025-09"); empty when there are none.
std::pair<std::string, std::string> briefingDateRange(const geo::Briefing& briefing);
// The Pango language tag of a text written in the briefing's source language: "ja" when it has
// kana, "en" when it is all ASCII, else "zh-TW" (the briefing's Chinese is Taiwan's).
const char* sourceLanguageTag(const std::string& text);

class HandoutPages {
public:
    // `maps`: where the pictures come from (null: none, a frame in their place; the tests).
    HandoutPages(PageLayout& layout, const geo::Briefing& briefing, const geo::Palette& palette, geo::Language language,
                 HandoutMaps* maps);

    void cover();
    void trip(std::size_t index);
    void partnership(std::size_t index);
    void siteIndex();
    // Pictures the maps could not draw.
    int missingMaps() const { return m_missingMaps; }

    // The running footer: the briefing's title in the language, and in English.
    Block footer() const;

private:
    enum class Word;
    // `word` in the language, then in English (just English for en).
    Block label(Word word, double size, bool bold, std::uint32_t colour) const;
    std::string primary(Word word) const;
    // A text written in the source language with its English translation.
    Block bilingual(const std::string& source, const std::string& english, double size, std::uint32_t colour = 0x222222) const;
    Block siteName(const geo::Site& site, double size, bool bold) const;
    void map(cairo_surface_t* picture, double widthMm, double heightMm);
    void title(const Block& overline, const std::string& source, const std::string& english);
    void notesAndSources(const std::string& notes, const std::string& notesEn, const std::vector<geo::SourceRef>& sources);
    std::string sourceText(const geo::SourceRef& ref) const;

    PageLayout& m_layout;
    const geo::Briefing& m_briefing;
    const geo::Palette& m_palette;
    geo::Language m_language;
    HandoutMaps* m_maps;
    int m_missingMaps = 0;
};

} // namespace app
