#pragma once
// The interface's words in its three languages (繁體中文, 日本語, English), and the
// names of the content's kinds. One table per kind of word, indexed by language.

#include <geo/briefing/briefing.hpp>

#include <cstddef>
#include <string>

namespace app {

constexpr std::size_t langIndex(geo::Language language) {
    return language == geo::Language::Zh ? 0 : language == geo::Language::Ja ? 1 : 2;
}

// Interface words. Add a key here and a row in ui_text.cpp (the table's size is checked at compile time).
enum class Ui {
    Kind, City, Position, Notes, NotesEn, Stops, Partnerships, Sources, Met, With, Copy, CopyAll, Section,
    ClickForNotes, Search, SearchHint, NoMatch, Trips, Trip, Event, Days, Day, Play, Pause, Speed, DaysPerSecond,
    Timeline, ShowAll, ShowNone, Frame, Legend, Sites, Layers, Language, Milestones, Parties, Year, AllYears,
    PartnershipKinds, ShowPartnerships, ShowLabels, Leader, Members, Dates, Sidebar, Distance, OffMap, Places,
    ClickToZoom, Stories,
    // The presenter window.
    Now, Next, LastStep, Elapsed, Blanked, GoToStep, StepsCut, StepsFly, PresenterKeys, Count
};

const char* ui(Ui key, geo::Language language);

const char* kindLabel(geo::SiteKind kind, geo::Language language);
const char* kindLabelPlural(geo::SiteKind kind, geo::Language language);
const char* partnershipKindLabel(geo::PartnershipKind kind, geo::Language language);
const char* legLabel(geo::LegMode mode, geo::Language language);
// "繁中", "日本語", "English": each in its own language.
const char* languageName(geo::Language language);

// A name and the language it is written in (for choosing the font face).
struct LocalName {
    std::string text;
    geo::Language language = geo::Language::En;
};
// The site's name in `language`, falling back as geo::displayName does (→ en → zh → ja → id),
// and which language the chosen name is in.
LocalName localName(const geo::Site& site, geo::Language language);
// A text in the document's language or its English version, whichever the language prefers,
// falling back to the other when empty.
const std::string& pick(const std::string& source, const std::string& english, geo::Language language);

} // namespace app
