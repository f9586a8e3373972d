#include "export/kml_balloons.hpp"

#include <sstream>

namespace app {

HtmlBuilder::HtmlBuilder() { m_root = m_doc.append_child("div"); }

void HtmlBuilder::heading(const std::string& text) { m_root.append_child("h3").text().set(text.c_str()); }

void HtmlBuilder::subheading(const std::string& text) { m_root.append_child("h4").text().set(text.c_str()); }

void HtmlBuilder::paragraph(const std::string& text, const std::string& lang) {
    pugi::xml_node p = m_root.append_child("p");
    if (!lang.empty()) p.append_attribute("lang").set_value(lang.c_str());
    p.text().set(text.c_str());
}

void HtmlBuilder::detail(const std::string& label, const std::string& value) {
    pugi::xml_node p = m_root.append_child("p");
    p.append_child("b").text().set(label.c_str());
    p.append_child(pugi::node_pcdata).set_value((" " + value).c_str());
}

void HtmlBuilder::list(const std::vector<std::string>& items) {
    if (items.empty()) return;
    pugi::xml_node ul = m_root.append_child("ul");
    for (const std::string& item : items) ul.append_child("li").text().set(item.c_str());
}

void HtmlBuilder::outline(const std::vector<Item>& items) {
    if (items.empty()) return;
    pugi::xml_node ul = m_root.append_child("ul");
    for (const Item& item : items) {
        pugi::xml_node li = ul.append_child("li");
        li.append_child(pugi::node_pcdata).set_value(item.text.c_str());
        if (item.children.empty()) continue;
        pugi::xml_node sub = li.append_child("ul");
        for (const std::string& child : item.children) sub.append_child("li").text().set(child.c_str());
    }
}

std::string HtmlBuilder::html() const {
    std::ostringstream out;
    m_doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return out.str();
}

namespace {

std::string join(const std::string& a, const std::string& b, const char* separator) {
    if (a.empty() || b.empty() || a == b) return a.empty() ? b : a;
    return a + separator + b;
}

} // namespace

BalloonWriter::BalloonWriter(const geo::Briefing& briefing, geo::Language language)
    : m_briefing(briefing), m_language(language) {}

// The briefing's texts are written in Traditional Chinese with an English translation
// (assets/FORMAT.md); a Japanese audience reads the Chinese one.
std::string BalloonWriter::sourceLanguage() const { return "zh-Hant"; }

std::vector<std::pair<std::string, std::string>> BalloonWriter::texts(const std::string& source,
                                                                      const std::string& english) const {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string& first = geo::pickText(source, english, m_language);
    if (first.empty()) return out;
    out.emplace_back(first, &first == &english ? "en" : sourceLanguage());
    if (&first != &english && !english.empty() && english != first) out.emplace_back(english, "en");
    return out;
}

void BalloonWriter::notes(HtmlBuilder& html, const std::string& source, const std::string& english) const {
    for (const auto& [text, lang] : texts(source, english)) html.paragraph(text, lang);
}

std::string BalloonWriter::siteName(const std::string& siteId) const {
    const geo::Site* site = m_briefing.findSite(siteId);
    return site ? std::string(geo::displayName(*site, m_language)) : siteId;
}

std::string BalloonWriter::tripTitle(const geo::Trip& trip) const {
    const std::string& title = geo::pickText(trip.title, trip.titleEn, m_language);
    return title.empty() ? trip.id : title;
}

std::string BalloonWriter::partnershipName(const geo::Partnership& p) const {
    const std::string& name = geo::pickText(p.name, p.nameEn, m_language);
    return name.empty() ? p.id : name;
}

std::string BalloonWriter::storyTitle(const geo::Story& story) const {
    const std::string& title = geo::pickText(story.title, story.titleEn, m_language);
    return title.empty() ? story.id : title;
}

void BalloonWriter::sources(HtmlBuilder& html, const std::vector<geo::SourceRef>& refs) const {
    if (refs.empty()) return;
    std::vector<std::string> items;
    for (const geo::SourceRef& ref : refs) {
        std::string item = ref.source;
        if (const geo::Source* source = m_briefing.findSource(ref.source)) {
            item = join(geo::pickText(source->title, source->titleEn, m_language), source->file, " — ");
            if (item.empty()) item = source->id;
            if (!source->publisher.empty()) item += ", " + source->publisher;
            if (source->date) item += ", " + source->date->toString();
        }
        if (!ref.section.empty()) item += " § " + ref.section;
        items.push_back(item);
    }
    html.subheading(m_language == geo::Language::En ? "Sources" : m_language == geo::Language::Ja ? "出典 Sources" : "資料來源 Sources");
    html.list(items);
}

// "2025-02-17 09:00–11:30"
std::string BalloonWriter::when(const geo::Stop& stop) const {
    std::string line = stop.date.toString();
    if (stop.startTime) line += ' ' + stop.startTime->toString();
    if (stop.endTime) line += (stop.startTime ? "–" : " –") + stop.endTime->toString();
    return line;
}

// "2025-02-17 09:00–11:30 · What · English · met: …"
std::string BalloonWriter::stopLine(const geo::Stop& stop) const {
    std::string line = when(stop);
    for (const auto& [text, lang] : texts(stop.what, stop.whatEn)) line += " · " + text;
    std::string met;
    for (const auto& [text, lang] : texts(stop.met, stop.metEn)) met = join(met, text, " / ");
    if (!met.empty()) line += " · met: " + met;
    return line;
}

std::vector<std::string> BalloonWriter::milestones(const geo::Partnership& p) const {
    std::vector<std::string> items;
    for (const geo::Milestone& m : p.milestones) {
        std::string what;
        for (const auto& [text, lang] : texts(m.what, m.whatEn)) what = join(what, text, " / ");
        items.push_back(m.date.toString() + " " + what);
    }
    return items;
}

std::string BalloonWriter::site(const geo::Site& site) const {
    HtmlBuilder html;
    html.heading(std::string(geo::displayName(site, m_language)));
    std::vector<std::string> names;
    for (const std::string* name : {&site.nameZh, &site.nameJa, &site.nameEn})
        if (!name->empty() && *name != geo::displayName(site, m_language)) names.push_back(*name);
    std::string others;
    for (const std::string& n : names) others = join(others, n, " · ");
    if (!others.empty()) html.paragraph(others);
    html.detail("Kind:", std::string(geo::siteKindName(site.kind)));
    if (!site.cityId.empty()) html.detail("City:", siteName(site.cityId));
    notes(html, site.notes, site.notesEn);

    std::vector<std::string> visits;
    for (const geo::Trip& trip : m_briefing.trips)
        for (const geo::Stop& stop : trip.stops)
            if (stop.siteId == site.id) visits.push_back(tripTitle(trip) + ": " + stopLine(stop));
    if (!visits.empty()) {
        html.subheading("Trip stops");
        html.list(visits);
    }
    std::vector<HtmlBuilder::Item> links;
    for (const geo::Partnership& p : m_briefing.partnerships) {
        bool party = false;
        for (const std::string& id : p.parties) party = party || id == site.id;
        if (party) links.push_back({partnershipName(p) + " (" + std::string(geo::partnershipKindName(p.kind)) + ")", milestones(p)});
    }
    if (!links.empty()) {
        html.subheading("Partnerships");
        html.outline(links);
    }
    sources(html, site.sources);
    return html.html();
}

std::string BalloonWriter::stop(const geo::Trip& trip, std::size_t i) const {
    const geo::Stop& stop = trip.stops[i];
    HtmlBuilder html;
    html.heading(std::to_string(i + 1) + ". " + siteName(stop.siteId));
    html.detail("Trip:", join(tripTitle(trip), trip.titleEn, " · "));
    html.detail("When:", when(stop));
    notes(html, stop.what, stop.whatEn);
    std::string met;
    for (const auto& [text, lang] : texts(stop.met, stop.metEn)) met = join(met, text, " / ");
    if (!met.empty()) html.detail("Met:", met);
    if (stop.leg != geo::LegMode::None) html.detail("Arrived by:", join(std::string(geo::legModeName(stop.leg)), stop.flight, " "));
    sources(html, stop.sources);
    return html.html();
}

std::string BalloonWriter::leg(const geo::Trip& trip, std::size_t from, std::size_t to) const {
    const geo::Stop& arrival = trip.stops[to];
    HtmlBuilder html;
    html.heading(siteName(trip.stops[from].siteId) + " → " + siteName(arrival.siteId));
    html.detail("Trip:", join(tripTitle(trip), trip.titleEn, " · "));
    html.detail("Date:", arrival.date.toString());
    if (arrival.leg != geo::LegMode::None) html.detail("By:", std::string(geo::legModeName(arrival.leg)));
    if (!arrival.flight.empty()) html.detail("Flight:", arrival.flight);
    return html.html();
}

std::string BalloonWriter::partnership(const geo::Partnership& p) const {
    HtmlBuilder html;
    html.heading(partnershipName(p));
    if (!p.nameEn.empty() && p.nameEn != partnershipName(p)) html.paragraph(p.nameEn, "en");
    html.detail("Kind:", std::string(geo::partnershipKindName(p.kind)));
    std::string parties;
    for (const std::string& id : p.parties) parties = join(parties, siteName(id), " · ");
    html.detail("Parties:", parties);
    notes(html, p.notes, p.notesEn);
    if (!p.milestones.empty()) {
        html.subheading("Milestones");
        html.list(milestones(p));
    }
    sources(html, p.sources);
    return html.html();
}

std::string BalloonWriter::caption(const geo::Story& story, std::size_t i) const {
    const geo::StoryStep& step = story.steps[i];
    HtmlBuilder html;
    html.subheading(join(storyTitle(story), std::to_string(i + 1) + "/" +
                                                                                    std::to_string(story.steps.size()), " · "));
    notes(html, step.caption, step.captionEn);
    return html.html();
}

} // namespace app
