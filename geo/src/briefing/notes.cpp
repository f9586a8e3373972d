#include <geo/briefing/notes.hpp>

#include <geo/base/format.hpp>
#include <geo/briefing/trip_route.hpp>
#include <geo/briefing/vocabulary.hpp>

#include <algorithm>
#include <utility>

namespace geo {

namespace {

using S = NoteBlock::Style;

class Builder {
public:
    explicit Builder(Notes& notes) : m_notes(notes) {}
    // Adds a block; an empty text adds nothing, but for headings, gaps and spacing.
    NoteBlock* add(S style, std::string text, std::string label = {}, Face face = Face::Interface) {
        if (style != S::Gap && style != S::Heading && style != S::Spacing && text.empty()) return nullptr;
        NoteBlock b;
        b.style = style;
        b.text = std::move(text);
        b.label = std::move(label);
        b.face = face;
        m_notes.blocks.push_back(std::move(b));
        return &m_notes.blocks.back();
    }
    // Two versions of a text (document language, English): the one in the chosen language
    // first, the other muted; an English text identical to the source once.
    void bilingual(const std::string& source, const std::string& english, Language language, bool item, Face face) {
        const S main = item ? S::Item : S::Body;
        const S other = item ? S::ItemMuted : S::Muted;
        const bool englishFirst = language == Language::En || source.empty();
        const std::string& first = englishFirst ? english : source;
        const std::string& second = englishFirst ? source : english;
        if (first.empty()) {
            add(main, second, {}, face);
            return;
        }
        add(main, first, {}, face);
        if (second != first) add(other, second, {}, face);
    }

private:
    Notes& m_notes;
};

std::string timeRange(const Stop& stop) {
    std::string s;
    if (stop.startTime) s = stop.startTime->toString();
    if (stop.endTime) s += "–" + stop.endTime->toString(); // "16:00–17:30", or "–17:30" with no start
    return s;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string s;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!s.empty()) s += separator;
        s += p;
    }
    return s;
}

std::string sourceTitle(const Briefing& briefing, const SourceRef& ref, Language language) {
    const Source* source = briefing.findSource(ref.source);
    std::string title = source ? pickText(source->title, source->titleEn, language) : ref.source;
    if (!ref.section.empty()) title += std::string("  (") + term(Term::Section, language) + " " + ref.section + ")";
    return title;
}

} // namespace

Notes siteNotes(const Briefing& briefing, const Site& site, Language language) {
    Notes notes;
    notes.title = std::string(displayName(site, language));
    notes.id = site.id;
    Builder b(notes);
    // Document text (Chinese or English) in the Chinese face; Japanese names in the Japanese one.
    const Face doc = Face::Chinese;
    b.add(S::Title, std::string(displayName(site, language)), {}, faceOf(displayLanguage(site, language)));
    b.add(S::Subtle, site.nameZh, {}, Face::Chinese);
    b.add(S::Subtle, site.nameJa, {}, Face::Japanese);
    b.add(S::Subtle, site.nameEn);
    b.add(S::Field, kindLabel(site.kind, language), term(Term::Kind, language));
    if (const Site* city = site.cityId.empty() ? nullptr : briefing.findSite(site.cityId))
        b.add(S::Field, std::string(displayName(*city, language)), term(Term::City, language));
    b.add(S::Field, formatLonLat({site.lon, site.lat}), term(Term::Position, language));

    const bool englishFirst = language == Language::En;
    const std::pair<Term, const std::string*> texts[2] = {{Term::Notes, &site.notes}, {Term::NotesEn, &site.notesEn}};
    for (int k = 0; k < 2; ++k) {
        const auto& [heading, text] = texts[englishFirst ? 1 - k : k];
        if (text->empty()) continue;
        b.add(S::Heading, term(heading, language), *text);
        b.add(S::Body, *text, {}, doc);
    }

    bool stopsHeading = false;
    for (const Trip& trip : briefing.trips) {
        for (const Stop& stop : trip.stops) {
            if (stop.siteId != site.id) continue;
            if (!stopsHeading) b.add(S::Heading, term(Term::Stops, language));
            stopsHeading = true;
            b.bilingual(trip.title, trip.titleEn, language, false, doc);
            std::string when = stop.date.toString();
            const std::string times = timeRange(stop);
            if (!times.empty()) when += "  " + times;
            if (stop.leg != LegMode::None) {
                when += std::string("  ·  ") + legLabel(stop.leg, language);
                if (!stop.flight.empty()) when += " " + stop.flight;
            }
            b.add(S::Subtle, when);
            b.bilingual(stop.what, stop.whatEn, language, true, doc);
            if (!stop.met.empty() || !stop.metEn.empty()) {
                const std::string prefix = std::string(term(Term::Met, language)) + ": ";
                b.bilingual(stop.met.empty() ? "" : prefix + stop.met, stop.metEn.empty() ? "" : prefix + stop.metEn, language, true,
                            doc);
            }
            b.add(S::Gap, "");
        }
    }

    bool partnershipsHeading = false;
    for (const Partnership& p : briefing.partnerships) {
        if (std::find(p.parties.begin(), p.parties.end(), site.id) == p.parties.end()) continue;
        if (!partnershipsHeading) b.add(S::Heading, term(Term::Partnerships, language));
        partnershipsHeading = true;
        b.bilingual(p.name, p.nameEn, language, false, doc);
        std::vector<std::string> others;
        for (const auto& id : p.parties) {
            if (id == site.id) continue;
            const Site* other = briefing.findSite(id);
            others.push_back(other ? std::string(displayName(*other, language)) : id);
        }
        b.add(S::Field, partnershipKindLabel(p.kind, language), term(Term::Kind, language));
        b.add(S::Field, join(others, "、"), term(Term::With, language));
        for (const Milestone& m : p.milestones) {
            const std::string date = m.date.toString() + "  ";
            b.bilingual(m.what.empty() ? "" : date + m.what, m.whatEn.empty() ? "" : date + m.whatEn, language, true, doc);
        }
        b.add(S::Gap, "");
    }

    if (!site.sources.empty()) b.add(S::Heading, term(Term::Sources, language));
    for (const SourceRef& ref : site.sources) b.add(S::Item, sourceTitle(briefing, ref, language), {}, doc);
    return notes;
}

Notes partnershipNotes(const Briefing& briefing, const Partnership& p, Language language) {
    Notes notes;
    const std::string& name = pickText(p.name, p.nameEn, language);
    notes.title = name;
    notes.id = p.id;
    Builder b(notes);
    b.add(S::Title, name);
    const std::string& other = language == Language::En ? p.name : p.nameEn;
    if (other != name) b.add(S::Muted, other);
    b.add(S::Spacing, "");
    if (NoteBlock* tag = b.add(S::KindTag, partnershipKindLabel(p.kind, language))) tag->kind = p.kind;
    b.add(S::Heading, term(Term::Parties, language));
    for (const auto& id : p.parties) {
        const Site* site = briefing.findSite(id);
        b.add(S::Link, site ? std::string(displayName(*site, language)) : id, site ? id : std::string());
    }
    const std::string& text = pickText(p.notes, p.notesEn, language);
    if (!text.empty()) {
        b.add(S::Heading, term(Term::Notes, language));
        b.add(S::Body, text);
        const std::string& otherText = language == Language::En ? p.notes : p.notesEn;
        if (!otherText.empty() && otherText != text) b.add(S::Muted, otherText);
    }
    if (!p.milestones.empty()) {
        b.add(S::Heading, term(Term::Milestones, language));
        for (const Milestone& m : p.milestones) {
            b.add(S::Date, m.date.toString());
            const std::string& what = pickText(m.what, m.whatEn, language);
            if (NoteBlock* block = b.add(S::Body, what)) block->indented = true;
            const std::string& otherWhat = language == Language::En ? m.what : m.whatEn;
            if (!otherWhat.empty() && otherWhat != what)
                if (NoteBlock* block = b.add(S::Muted, otherWhat)) block->indented = true;
        }
    }
    if (!p.sources.empty()) {
        b.add(S::Heading, term(Term::Sources, language));
        for (const auto& ref : p.sources) b.add(S::Muted, sourceTitle(briefing, ref, language));
    }
    return notes;
}

Notes stepNotes(const Briefing& briefing, const StoryStep& step, Language language) {
    Notes notes;
    Builder b(notes);
    std::vector<std::string> done; // ids already told about
    auto told = [&](const std::string& id) {
        if (std::find(done.begin(), done.end(), id) != done.end()) return true;
        done.push_back(id);
        return false;
    };
    auto section = [&](const std::string& heading, const std::vector<std::string>& lines) {
        bool any = !heading.empty();
        for (const auto& l : lines) any = any || !l.empty();
        if (!any) return;
        b.add(S::Heading, heading, {}, Face::Chinese); // the documents' Chinese, or English
        for (const auto& l : lines) b.add(S::Body, l, {}, Face::Chinese);
    };
    auto siteName = [&](const std::string& id) {
        const Site* site = briefing.findSite(id);
        return site ? std::string(displayName(*site, language)) : id;
    };
    auto addSite = [&](const std::string& id) {
        const Site* site = briefing.findSite(id);
        if (!site || told(id)) return;
        section(std::string(displayName(*site, language)), {pickText(site->notes, site->notesEn, language)});
    };
    auto addPartnership = [&](const std::string& id) {
        const Partnership* p = briefing.findPartnership(id);
        if (!p || told(id)) return;
        std::vector<std::string> lines{pickText(p->notes, p->notesEn, language)};
        for (const Milestone& m : p->milestones) {
            const std::string& what = pickText(m.what, m.whatEn, language);
            if (!what.empty()) lines.push_back(m.date.toString() + "  " + what);
        }
        section(pickText(p->name, p->nameEn, language), lines);
    };
    if (const Trip* trip = step.tripId.empty() ? nullptr : briefing.findTrip(step.tripId)) {
        told(trip->id);
        if (step.day > 0) {
            // The day's stops: when, where, what.
            const TripRoute route = buildTripRoute(briefing, *trip);
            std::vector<std::string> lines;
            for (std::size_t i = 0; i < trip->stops.size() && i < route.stopDay.size(); ++i) {
                if (route.stopDay[i] != step.day - 1) continue;
                const Stop& stop = trip->stops[i];
                std::string line;
                if (stop.startTime) {
                    line = stop.startTime->toString();
                    if (stop.endTime) line += "–" + stop.endTime->toString();
                    line += "  ";
                }
                line += siteName(stop.siteId);
                const std::string& what = pickText(stop.what, stop.whatEn, language);
                if (!what.empty()) line += " — " + what;
                lines.push_back(line);
            }
            section(dayTitle(step.day - 1, route.days, language), lines);
        } else {
            std::vector<std::string> lines{trip->start.toString() + " – " + trip->end.toString()};
            const std::string& leader = pickText(trip->leader, trip->leaderEn, language);
            if (!leader.empty()) lines.push_back(std::string(term(Term::Leader, language)) + ": " + leader);
            lines.push_back(pickText(trip->notes, trip->notesEn, language));
            section(pickText(trip->title, trip->titleEn, language), lines);
        }
    }
    if (!step.siteId.empty()) addSite(step.siteId);
    if (!step.partnershipId.empty()) addPartnership(step.partnershipId);
    if (!step.notesId.empty()) {
        addSite(step.notesId);
        addPartnership(step.notesId);
    }
    for (const std::string& id : step.partnerships) addPartnership(id);
    return notes;
}

std::string plainText(const Notes& notes) {
    std::string s;
    for (const NoteBlock& block : notes.blocks) {
        switch (block.style) {
        case S::Heading: s += "\n" + block.text + "\n"; break;
        case S::Field: s += block.label + ": " + block.text + "\n"; break;
        case S::Item:
        case S::ItemMuted:
        case S::Link: s += "  " + block.text + "\n"; break;
        case S::Date: s += block.text + "  "; break;
        case S::Gap: s += "\n"; break;
        case S::Spacing: break;
        default: s += block.text + "\n"; break;
        }
    }
    return s;
}

} // namespace geo
