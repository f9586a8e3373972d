#pragma once
// What the briefing says about a site, a partnership or a story step, as a list of blocks:
// the notes panel draws them, "Copy all" copies them as text, and the presenter window reads
// a step's (its trip day's stops, the trip, the site's or partnership's notes and milestones).
// One model for every place notes are shown, so that they all say the same thing.

#include <geo/base/text_face.hpp>
#include <geo/briefing/briefing.hpp>

#include <string>
#include <vector>

namespace geo {

struct NoteBlock {
    enum class Style {
        Title,     // the name, large
        Subtle,    // another name, a date line: muted
        Heading,   // a section, after a rule; `label` is what its Copy button copies (empty: no button)
        Field,     // `label`: `text` on one line
        Body,      // a paragraph
        Muted,     // the paragraph's other language, muted
        Item,      // an indented paragraph (a stop's what, a source)
        ItemMuted, // its other language
        KindTag,   // a partnership's kind, in its kind's colour (`kind`)
        Link,      // a party: a click opens the site `label`
        Date,      // a milestone's date, accented; its text follows indented (`indented`)
        Spacing,   // a little room
        Gap        // room between entries
    };
    Style style = Style::Body;
    std::string text;
    std::string label;
    Face face = Face::Interface;
    bool indented = false;                      // a milestone's text, under its date
    PartnershipKind kind = PartnershipKind::Other; // KindTag
};

struct Notes {
    std::string title;  // the panel's title
    std::string id;     // the panel's identity (a site's or partnership's id): each keeps its own scroll
    std::vector<NoteBlock> blocks;
    bool empty() const { return blocks.empty(); }
};

// The notes panel of a site: its names (each in its own face), kind, city, position, notes in
// both languages (the chosen one first), every trip stop there, the partnerships it is a party
// to, its sources.
Notes siteNotes(const Briefing& briefing, const Site& site, Language language);
// The notes panel of a partnership: name, kind, parties (links), notes, milestones, sources.
Notes partnershipNotes(const Briefing& briefing, const Partnership& partnership, Language language);
// What the presenter reads about a story step, as Heading + Body blocks (a Body a paragraph):
// the trip day's stops (time, place, what happened) or, for a step on a whole trip, its dates,
// leader and notes; the site's notes; the partnership's notes and milestones; and those of the
// highlighted partnerships. Each subject once; subjects the briefing does not know are left out.
Notes stepNotes(const Briefing& briefing, const StoryStep& step, Language language);

// The blocks as plain text, for the clipboard: headings on lines of their own after a blank
// line, fields as "label: text", items indented by two spaces, a date followed by its text.
std::string plainText(const Notes& notes);

} // namespace geo
