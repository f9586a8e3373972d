#include "export/handout_pages.hpp"

#include "export/handout_maps.hpp"

#include <geo/briefing/vocabulary.hpp>

#include <algorithm>
#include <array>
#include <cstdio>

namespace app {

namespace {

constexpr double kMm = 72.0 / 25.4;
// Every map the same size, the content width: one offscreen target for them all.
constexpr double kMapWidth = HandoutMaps::kWidthMm, kMapHeight = HandoutMaps::kHeightMm;
constexpr std::uint32_t kInk = 0x1f2430, kMuted = 0x5c6370, kFaint = 0x7d8490, kAccent = 0x2a5d9f;

// Days since 1970-01-01 of a complete date (H. Hinnant's days_from_civil).
long daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::uint32_t rgb(geo::Color c) { return (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | std::uint32_t{c.b}; }

std::string dateSpan(const geo::PartialDate& a, const geo::PartialDate& b) {
    if (a.year == 0) return b.year ? b.toString() : std::string();
    if (b.year == 0 || a == b) return a.toString();
    return a.toString() + " – " + b.toString();
}

} // namespace

std::pair<std::string, std::string> briefingDateRange(const geo::Briefing& briefing) {
    std::vector<geo::PartialDate> dates;
    for (const geo::Trip& t : briefing.trips)
        for (const geo::Stop& s : t.stops) dates.push_back(s.date);
    for (const geo::Partnership& p : briefing.partnerships)
        for (const geo::Milestone& m : p.milestones) dates.push_back(m.date);
    dates.erase(std::remove_if(dates.begin(), dates.end(), [](const geo::PartialDate& d) { return d.year == 0; }), dates.end());
    if (dates.empty()) return {};
    const auto [lo, hi] = std::minmax_element(dates.begin(), dates.end());
    return {lo->toString(), hi->toString()};
}

const char* sourceLanguageTag(const std::string& text) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return "en";
    // Hiragana and katakana are U+3040..U+30FF: UTF-8 E3 81 80 .. E3 83 BF.
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) == 0xE3 && static_cast<unsigned char>(text[i + 1]) >= 0x81 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x83)
            return "ja";
    return "zh-TW";
}

// The handout's own words (the briefing's are geo's vocabulary): zh-Hant, ja, en.
enum class HandoutPages::Word { Handout, Overview, Trip, Event, Trips, Partnerships, Index, Date, Time, Place, What, Met, Site, Notes,
                                Sources, Leader, Agency, Parties, Milestones, Days, Key, Count };

namespace {
constexpr std::array<std::array<const char*, 3>, 21> kWords{{
    {"簡報講義", "ブリーフィング資料", "Briefing handout"},
    {"總覽", "概観", "Overview"},
    {"參訪", "訪問", "Trip"},
    {"活動", "行事", "Event"},
    {"參訪行程", "訪問日程", "Trips"},
    {"合作關係", "提携関係", "Partnerships"},
    {"地點索引", "地点索引", "Index of sites"},
    {"日期", "日付", "Date"},
    {"時間", "時刻", "Time"},
    {"地點", "場所", "Place"},
    {"行程內容", "内容", "What happened"},
    {"會見", "面会", "Who was met"},
    {"地點", "地点", "Site"},
    {"說明", "メモ", "Notes"},
    {"資料來源", "出典", "Sources"},
    {"團長", "団長", "Leader"},
    {"機關", "機関", "Agency"},
    {"參與方", "当事者", "Parties"},
    {"里程碑", "経緯", "Milestones"},
    {"共%d天", "%d日間", "%d days"},
    {"圖例", "凡例", "Key"},
}};
static_assert(kWords.size() == 21, "a row per HandoutPages::Word");
} // namespace

HandoutPages::HandoutPages(PageLayout& layout, const geo::Briefing& briefing, const geo::Palette& palette, geo::Language language,
                           HandoutMaps* maps)
    : m_layout(layout), m_briefing(briefing), m_palette(palette), m_language(language), m_maps(maps) {}

std::string HandoutPages::primary(Word word) const { return kWords[static_cast<std::size_t>(word)][geo::languageIndex(m_language)]; }

Block HandoutPages::label(Word word, double size, bool bold, std::uint32_t colour) const {
    const char* tag = m_language == geo::Language::Ja ? "ja" : "zh-TW";
    Block b;
    if (m_language != geo::Language::En) {
        b.push_back({primary(word) + "  ", tag, size, bold, colour});
        b.push_back({kWords[static_cast<std::size_t>(word)][2], "en", size * 0.92, false, kFaint});
    } else {
        b.push_back({kWords[static_cast<std::size_t>(word)][2], "en", size, bold, colour});
    }
    return b;
}

Block HandoutPages::bilingual(const std::string& source, const std::string& english, double size, std::uint32_t colour) const {
    Block b;
    if (m_language == geo::Language::En || source.empty()) {
        const std::string& text = english.empty() ? source : english;
        if (!text.empty()) b.push_back({text, english.empty() ? sourceLanguageTag(text) : "en", size, false, colour});
        return b;
    }
    b.push_back({source, sourceLanguageTag(source), size, false, colour});
    if (!english.empty() && english != source) b.push_back({"\n" + english, "en", size * 0.9, false, kMuted});
    return b;
}

Block HandoutPages::siteName(const geo::Site& site, double size, bool bold) const {
    const geo::Language shown = geo::displayLanguage(site, m_language);
    const char* tag = shown == geo::Language::Ja ? "ja" : shown == geo::Language::Zh ? "zh-TW" : "en";
    Block b{{std::string(geo::displayName(site, m_language)), tag, size, bold, kInk}};
    if (m_language != geo::Language::En && !site.nameEn.empty() && shown != geo::Language::En)
        b.push_back({"\n" + site.nameEn, "en", size * 0.9, false, kMuted});
    return b;
}

Block HandoutPages::footer() const {
    Block b;
    const std::uint32_t c = kFaint;
    if (m_language != geo::Language::En && !m_briefing.title.empty()) b.push_back({m_briefing.title + "  ", sourceLanguageTag(m_briefing.title), 7.5, false, c});
    const std::string& en = m_briefing.titleEn.empty() ? m_briefing.title : m_briefing.titleEn;
    if (!en.empty() && (m_language == geo::Language::En || en != m_briefing.title)) b.push_back({en, "en", 7.5, false, c});
    return b;
}

std::string HandoutPages::sourceText(const geo::SourceRef& ref) const {
    const geo::Source* source = m_briefing.findSource(ref.source);
    std::string s = source ? geo::pickText(source->title, source->titleEn, m_language) : ref.source;
    if (!ref.section.empty()) s += "  § " + ref.section;
    return s;
}

void HandoutPages::map(cairo_surface_t* picture, double widthMm, double heightMm) {
    if (!picture) {
        ++m_missingMaps;
        m_layout.space(heightMm * kMm); // the room it would have taken, so the pages read the same
        return;
    }
    m_layout.picture(picture, widthMm * kMm, heightMm * kMm);
    cairo_surface_destroy(picture);
}

void HandoutPages::title(const Block& overline, const std::string& source, const std::string& english) {
    m_layout.paragraph(overline);
    m_layout.space(3);
    Block t;
    if (m_language != geo::Language::En && !source.empty()) {
        t.push_back({source, sourceLanguageTag(source), 15, true, kInk});
        if (!english.empty()) t.push_back({"\n" + english, "en", 11, false, kMuted});
    } else {
        t.push_back({english.empty() ? source : english, english.empty() ? sourceLanguageTag(source) : "en", 15, true, kInk});
    }
    m_layout.paragraph(t);
    m_layout.space(6);
}

void HandoutPages::notesAndSources(const std::string& notes, const std::string& notesEn, const std::vector<geo::SourceRef>& sources) {
    if (!notes.empty() || !notesEn.empty()) {
        m_layout.space(10);
        m_layout.ensureRoom(40);
        m_layout.paragraph(label(Word::Notes, 10, true, kAccent));
        m_layout.space(3);
        m_layout.paragraph(bilingual(notes, notesEn, 8.5));
    }
    if (!sources.empty()) {
        m_layout.space(8);
        m_layout.ensureRoom(30);
        m_layout.paragraph(label(Word::Sources, 8.5, true, kAccent));
        m_layout.space(2);
        for (const geo::SourceRef& ref : sources) {
            const std::string s = sourceText(ref);
            m_layout.paragraph({{"· " + s, sourceLanguageTag(s), 7.5, false, kMuted}}, 6);
        }
    }
}

void HandoutPages::cover() {
    m_layout.newPage(label(Word::Overview, 7.5, false, kFaint));
    m_layout.space(12);
    m_layout.paragraph(label(Word::Handout, 9.5, true, kAccent));
    m_layout.space(6);
    Block t;
    if (m_language != geo::Language::En && !m_briefing.title.empty()) {
        t.push_back({m_briefing.title, sourceLanguageTag(m_briefing.title), 22, true, kInk});
        if (!m_briefing.titleEn.empty()) t.push_back({"\n" + m_briefing.titleEn, "en", 14, false, kMuted});
    } else {
        t.push_back({m_briefing.titleEn.empty() ? m_briefing.title : m_briefing.titleEn, "en", 22, true, kInk});
    }
    m_layout.paragraph(t);
    m_layout.space(8);
    const auto [from, to] = briefingDateRange(m_briefing);
    Block facts;
    if (!from.empty()) facts.push_back({from == to ? from : from + " – " + to, "en", 11, true, kInk});
    // How much the briefing holds: in the language, then in English.
    const std::string n[3] = {std::to_string(m_briefing.trips.size()), std::to_string(m_briefing.partnerships.size()),
                              std::to_string(m_briefing.sites.size())};
    const std::string countsEn = n[0] + " trips  ·  " + n[1] + " partnerships  ·  " + n[2] + " sites";
    if (m_language != geo::Language::En)
        facts.push_back({"\n" + primary(Word::Trips) + " " + n[0] + "  ·  " + primary(Word::Partnerships) + " " + n[1] + "  ·  " +
                             primary(Word::Site) + " " + n[2],
                         m_language == geo::Language::Ja ? "ja" : "zh-TW", 9, false, kMuted});
    facts.push_back({"\n" + countsEn, "en", m_language == geo::Language::En ? 9 : 8.5, false, kMuted});
    m_layout.paragraph(facts);
    m_layout.space(10);
    if (m_maps) map(m_maps->overview(kMapWidth, kMapHeight), kMapWidth, kMapHeight);
    else map(nullptr, kMapWidth, kMapHeight);
    m_layout.space(8);
    // The key: each trip in its route's colour, each partnership kind in its link's.
    m_layout.paragraph(label(Word::Key, 8.5, true, kAccent));
    m_layout.space(2);
    const double half = m_layout.geometry().contentWidth() / 2 - 6;
    const double top = m_layout.cursor();
    for (std::size_t i = 0; i < m_briefing.trips.size(); ++i) {
        const geo::Trip& trip = m_briefing.trips[i];
        Block b{{"■ ", "en", 8, false, rgb(m_palette.tripColour(i))}};
        const std::string& name = geo::pickText(trip.title, trip.titleEn, m_language);
        b.push_back({name, m_language == geo::Language::En ? "en" : sourceLanguageTag(name), 7, false, kInk});
        b.push_back({"  " + dateSpan(trip.start, trip.end), "en", 7, false, kFaint});
        const double h = m_layout.measure(b, half);
        if (h > m_layout.remaining()) break; // the key stays on the cover
        m_layout.paragraph(b, 0, half);
    }
    const double leftEnd = m_layout.cursor();
    m_layout.space(top - m_layout.cursor()); // the partnerships' column beside the trips'
    std::vector<geo::PartnershipKind> kinds;
    for (const geo::Partnership& p : m_briefing.partnerships)
        if (std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end()) kinds.push_back(p.kind);
    for (geo::PartnershipKind k : kinds) {
        Block b{{"━ ", "en", 8, true, rgb(m_palette.link(k).colour)}};
        const bool en = m_language == geo::Language::En;
        b.push_back({geo::partnershipKindLabel(k, m_language), en ? "en" : m_language == geo::Language::Ja ? "ja" : "zh-TW", 7, false, kInk});
        if (!en) b.push_back({std::string("  ") + geo::partnershipKindLabel(k, geo::Language::En), "en", 7, false, kFaint});
        if (m_layout.measure(b, half) > m_layout.remaining()) break;
        m_layout.paragraph(b, half + 12, half);
    }
    m_layout.space(std::max(0.0, leftEnd - m_layout.cursor()));
}

void HandoutPages::trip(std::size_t index) {
    const geo::Trip& trip = m_briefing.trips[index];
    m_layout.newPage(label(Word::Trips, 7.5, false, kFaint));
    const Word kind = trip.kind == geo::TripKind::Event ? Word::Event : Word::Trip;
    Block over{{"■ ", "en", 9, false, rgb(m_palette.tripColour(index))}};
    for (TextRun r : label(kind, 8.5, true, kAccent)) over.push_back(r);
    std::string span = "   " + dateSpan(trip.start, trip.end);
    if (const int days = geo::tripDayCount(trip); days > 0) {
        auto count = [days](std::string w) { return w.replace(w.find("%d"), 2, std::to_string(days)); };
        const std::string en = count(kWords[static_cast<std::size_t>(Word::Days)][2]);
        span += "  (" + (m_language == geo::Language::En ? en : count(primary(Word::Days)) + " · " + en) + ")";
    }
    over.push_back({span, m_language == geo::Language::En ? "en" : m_language == geo::Language::Ja ? "ja" : "zh-TW", 8.5, false, kMuted});
    title(over, trip.title, trip.titleEn);
    auto field = [&](Word word, const std::string& source, const std::string& english) {
        if (source.empty() && english.empty()) return;
        Block b = label(word, 8, true, kMuted);
        b.push_back({"   ", "en", 8, false, kInk});
        const Block text = bilingual(source, english, 8);
        if (!text.empty()) b.push_back(text.front()); // the field on one line, its English in brackets
        if (text.size() > 1) b.push_back({" (" + text[1].text.substr(1) + ")", "en", 7.5, false, kMuted});
        m_layout.paragraph(b);
        m_layout.space(1.5);
    };
    field(Word::Leader, trip.leader, trip.leaderEn);
    field(Word::Agency, trip.agency, trip.agencyEn);
    m_layout.space(6);
    if (m_maps) map(m_maps->trip(trip.id, kMapWidth, kMapHeight), kMapWidth, kMapHeight);
    else map(nullptr, kMapWidth, kMapHeight);
    m_layout.space(10);

    Table t;
    t.columns = {19 * kMm, 15 * kMm, 30 * kMm, 72 * kMm, 34 * kMm};
    t.header = {label(Word::Date, 7.5, true, kInk), label(Word::Time, 7.5, true, kInk), label(Word::Place, 7.5, true, kInk),
                label(Word::What, 7.5, true, kInk), label(Word::Met, 7.5, true, kInk)};
    const char* tag = m_language == geo::Language::Ja ? "ja" : m_language == geo::Language::Zh ? "zh-TW" : "en";
    std::string lastDate;
    for (const geo::Stop& stop : trip.stops) {
        std::vector<Block> row(5);
        const std::string date = stop.date.toString();
        Block dayCell;
        if (stop.date.isComplete() && trip.start.isComplete()) {
            const long day = daysFromCivil(stop.date.year, stop.date.month, stop.date.day) -
                             daysFromCivil(trip.start.year, trip.start.month, trip.start.day);
            dayCell.push_back({geo::dayTitle(static_cast<int>(day), {}, m_language) + "\n", tag, 7.5, true, kInk});
        }
        dayCell.push_back({date, "en", 7, false, kMuted});
        if (date != lastDate) row[0] = dayCell; // the day once, on its first stop
        else dayCell.back().text += " …";      // and again, marked, at the top of a continuation page
        const bool first = date != lastDate;
        lastDate = date;
        if (stop.startTime) {
            std::string time = stop.startTime->toString();
            if (stop.endTime) time += "–" + stop.endTime->toString();
            row[1].push_back({time, "en", 7.5, false, kInk});
        }
        if (const geo::Site* site = m_briefing.findSite(stop.siteId)) row[2] = siteName(*site, 7.5, true);
        else row[2].push_back({stop.siteId, "en", 7.5, false, kInk});
        if (stop.leg != geo::LegMode::None) {
            std::string leg = std::string("\n← ") + geo::legLabel(stop.leg, m_language);
            if (!stop.flight.empty()) leg += " " + stop.flight;
            row[2].push_back({leg, tag, 6.5, false, kFaint});
        }
        row[3] = bilingual(stop.what, stop.whatEn, 7.5);
        row[4] = bilingual(stop.met, stop.metEn, 7.5);
        std::vector<Block> continued;
        if (!first) {
            continued = row;
            continued[0] = dayCell;
        }
        t.continued.push_back(std::move(continued));
        t.rows.push_back(std::move(row));
    }
    if (!t.rows.empty()) m_layout.table(t);
    notesAndSources(trip.notes, trip.notesEn, trip.sources);
}

void HandoutPages::partnership(std::size_t index) {
    const geo::Partnership& p = m_briefing.partnerships[index];
    m_layout.newPage(label(Word::Partnerships, 7.5, false, kFaint));
    const bool en = m_language == geo::Language::En;
    Block over{{"━ ", "en", 9, true, rgb(m_palette.link(p.kind).colour)}};
    over.push_back({geo::partnershipKindLabel(p.kind, m_language), en ? "en" : m_language == geo::Language::Ja ? "ja" : "zh-TW", 8.5, true,
                    kAccent});
    if (!en) over.push_back({std::string("  ") + geo::partnershipKindLabel(p.kind, geo::Language::En), "en", 8, false, kFaint});
    title(over, p.name, p.nameEn);
    Block parties = label(Word::Parties, 8, true, kMuted);
    parties.push_back({"   ", "en", 8, false, kInk});
    for (std::size_t i = 0; i < p.parties.size(); ++i) {
        if (i) parties.push_back({"  —  ", "en", 8, false, kMuted});
        if (const geo::Site* s = m_briefing.findSite(p.parties[i])) {
            Block name = siteName(*s, 8, false);
            parties.push_back(name.front());
            if (name.size() > 1) parties.push_back({" (" + name[1].text.substr(1) + ")", "en", 7.5, false, kMuted});
        }
    }
    m_layout.paragraph(parties);
    m_layout.space(6);
    if (m_maps) map(m_maps->partnership(p.id, kMapWidth, kMapHeight), kMapWidth, kMapHeight);
    else map(nullptr, kMapWidth, kMapHeight);
    m_layout.space(10);
    if (!p.milestones.empty()) {
        m_layout.paragraph(label(Word::Milestones, 10, true, kAccent));
        m_layout.space(3);
        Table t;
        t.columns = {26 * kMm, 144 * kMm};
        t.header = {label(Word::Date, 7.5, true, kInk), label(Word::What, 7.5, true, kInk)};
        for (const geo::Milestone& m : p.milestones)
            t.rows.push_back({Block{{m.date.toString(), "en", 8, true, kInk}}, bilingual(m.what, m.whatEn, 8)});
        m_layout.table(t);
    }
    notesAndSources(p.notes, p.notesEn, p.sources);
}

void HandoutPages::siteIndex() {
    m_layout.newPage(label(Word::Index, 7.5, false, kFaint));
    m_layout.paragraph(label(Word::Index, 15, true, kInk));
    m_layout.space(8);
    std::vector<const geo::Site*> sites;
    for (const geo::Site& s : m_briefing.sites) sites.push_back(&s);
    // By kind (cities first, as the legend), then by English name.
    std::stable_sort(sites.begin(), sites.end(), [](const geo::Site* a, const geo::Site* b) {
        if (a->kind != b->kind) return a->kind < b->kind;
        return (a->nameEn.empty() ? a->id : a->nameEn) < (b->nameEn.empty() ? b->id : b->nameEn);
    });
    Table t;
    t.columns = {42 * kMm, 88 * kMm, 40 * kMm};
    t.header = {label(Word::Site, 7.5, true, kInk), label(Word::Notes, 7.5, true, kInk), label(Word::Sources, 7.5, true, kInk)};
    t.maxLines = 3; // short notes: the index is a finding aid, the viewer has the rest
    const char* tag = m_language == geo::Language::Ja ? "ja" : m_language == geo::Language::Zh ? "zh-TW" : "en";
    for (const geo::Site* s : sites) {
        Block name = siteName(*s, 7.5, true);
        name.push_back({std::string("\n") + geo::kindLabel(s->kind, m_language), tag, 6.5, false, kFaint});
        // Each document once, its sections after it.
        std::vector<std::pair<std::string, std::string>> documents; // source id, sections
        for (const geo::SourceRef& ref : s->sources) {
            auto it = std::find_if(documents.begin(), documents.end(), [&](const auto& d) { return d.first == ref.source; });
            if (it == documents.end()) it = documents.insert(documents.end(), {ref.source, ""});
            if (!ref.section.empty()) it->second += (it->second.empty() ? "§ " : ", ") + ref.section;
        }
        Block sources;
        for (const auto& [id, sections] : documents) {
            const geo::Source* source = m_briefing.findSource(id);
            const std::string title = source ? geo::pickText(source->title, source->titleEn, m_language) : id;
            sources.push_back({(sources.empty() ? "" : "\n") + title, sourceLanguageTag(title), 6.5, false, kMuted});
            if (!sections.empty()) sources.push_back({"  " + sections, sourceLanguageTag(sections), 6.5, false, kInk});
        }
        t.rows.push_back({std::move(name), bilingual(s->notes, s->notesEn, 7), std::move(sources)});
    }
    m_layout.table(t);
}

} // namespace app
