#pragma once
// The briefing's own words in its three languages (繁體中文, 日本語, English): the names of
// the kinds of sites, partnerships and legs, and the headings of the notes about them.
// The notes model (notes.hpp), the map's callouts and the interface all take them from here;
// the interface's other words (buttons, hints) are the app's (app/text/ui_text).

#include <geo/briefing/briefing.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace geo {

// 0 zh-Hant, 1 ja, 2 en: the column of a word table.
constexpr std::size_t languageIndex(Language language) {
    return language == Language::Zh ? 0 : language == Language::Ja ? 1 : 2;
}

// Headings and field names of the notes. Add a term here and a row in vocabulary.cpp
// (the table's size is checked when it is compiled).
enum class Term { Kind, City, Position, Notes, NotesEn, Stops, Partnerships, Sources, Met, With, Section, Day, Leader, Parties,
                  Milestones, Count };

const char* term(Term term, Language language);
const char* kindLabel(SiteKind kind, Language language);
const char* kindLabelPlural(SiteKind kind, Language language);
const char* partnershipKindLabel(PartnershipKind kind, Language language);
// "" for LegMode::None.
const char* legLabel(LegMode mode, Language language);
// "繁中", "日本語", "English": each in its own language.
const char* languageName(Language language);

// "Day 2  2025-02-18" (第2天, 2日目) for the 0-based `day` of a trip whose days are `days`
// (the date is left out when the day is not among them).
std::string dayTitle(int day, const std::vector<PartialDate>& days, Language language);

} // namespace geo
