// TOML text → Briefing: the text checks, toml++'s parse, the reader's structural checks
// (syntax, keys, types, kinds, id spelling, value ranges; briefing_reader.hpp), the
// cross-references (briefing_validator.cpp), then what the viewer can use is kept.
#include "briefing/briefing_reader.hpp"
#include "briefing/briefing_text_checks.hpp"

#include <geo/briefing/briefing.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <tuple>
#include <utility>

namespace geo {

namespace {

template <typename T>
void dropIf(std::vector<T>& items, const std::function<bool(const T&)>& bad) {
    items.erase(std::remove_if(items.begin(), items.end(), bad), items.end());
}

// A story step keeps the references that resolve, a valid view, a day within its trip
// and a single camera target: the first one written.
void keepWhatIsGood(const Briefing& b, StoryStep& step) {
    // An annotation whose points could not be read has been reported: left out.
    step.annotations.erase(std::remove_if(step.annotations.begin(), step.annotations.end(),
                                          [](const StepAnnotation& a) { return a.points.empty(); }),
                           step.annotations.end());
    if (!step.siteId.empty() && !b.findSite(step.siteId)) step.siteId.clear();
    if (!step.partnershipId.empty() && !b.findPartnership(step.partnershipId)) step.partnershipId.clear();
    if (step.view && !step.view->isValid()) step.view.reset();
    const Trip* trip = b.findTrip(step.tripId);
    if (!trip) step.tripId.clear();
    const int days = trip ? tripDayCount(*trip) : 0;
    if (!trip || step.day < 0 || (days > 0 && step.day > days)) step.day = 0;

    if (step.targetCount() > 1) {
        auto at = [](TextPos p) { return std::make_pair(p.line, p.column); };
        std::pair<int, int> first{std::numeric_limits<int>::max(), 0};
        if (!step.siteId.empty()) first = std::min(first, at(step.sitePos));
        if (!step.tripId.empty()) first = std::min(first, at(step.tripPos));
        if (!step.partnershipId.empty()) first = std::min(first, at(step.partnershipPos));
        if (step.view) first = std::min(first, at(step.viewPos));
        if (at(step.sitePos) != first) step.siteId.clear();
        if (at(step.tripPos) != first) {
            step.tripId.clear();
            step.day = 0;
        }
        if (at(step.partnershipPos) != first) step.partnershipId.clear();
        if (at(step.viewPos) != first) step.view.reset();
    }

    auto keep = [](std::vector<std::string>& ids, std::vector<TextPos>& positions, auto&& exists) {
        std::vector<std::string> keptIds;
        std::vector<TextPos> keptPos;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (!exists(ids[i]) || std::find(keptIds.begin(), keptIds.end(), ids[i]) != keptIds.end()) continue;
            keptIds.push_back(ids[i]);
            keptPos.push_back(i < positions.size() ? positions[i] : TextPos{});
        }
        ids = std::move(keptIds);
        positions = std::move(keptPos);
    };
    keep(step.sites, step.sitesPos, [&](const std::string& id) { return b.findSite(id) != nullptr; });
    keep(step.partnerships, step.partnershipsPos, [&](const std::string& id) { return b.findPartnership(id) != nullptr; });
    if (step.allPartnerships) {
        step.partnerships.clear();
        step.partnershipsPos.clear();
    }
    if (!step.notesId.empty() && !b.findSite(step.notesId) && !b.findPartnership(step.notesId)) step.notesId.clear();
}

// Keeps what the viewer can use: entities with an id and a position, first
// definition of each id, references that resolve.
void keepWhatIsGood(Briefing& b) {
    auto dedupe = [](auto& items) {
        std::vector<std::string> seen;
        using Item = typename std::decay_t<decltype(items)>::value_type;
        dropIf<Item>(items, [&](const Item& item) {
            if (item.id.empty() || std::find(seen.begin(), seen.end(), item.id) != seen.end()) return true;
            seen.push_back(item.id);
            return false;
        });
    };
    dropIf<Site>(b.sites, [](const Site& s) { return std::isnan(s.lon) || std::isnan(s.lat); });
    dedupe(b.sources);
    dedupe(b.sites);
    dedupe(b.trips);
    dedupe(b.partnerships);
    for (Site& s : b.sites) {
        const Site* city = b.findSite(s.cityId);
        if (!city || city->kind != SiteKind::City) s.cityId.clear();
    }
    for (Trip& t : b.trips)
        dropIf<Stop>(t.stops, [&](const Stop& s) { return b.findSite(s.siteId) == nullptr; });
    for (Partnership& p : b.partnerships) {
        std::vector<std::string> parties;
        std::vector<TextPos> positions;
        for (std::size_t i = 0; i < p.parties.size(); ++i) {
            if (!b.findSite(p.parties[i]) ||
                std::find(parties.begin(), parties.end(), p.parties[i]) != parties.end())
                continue;
            parties.push_back(p.parties[i]);
            positions.push_back(i < p.partyPos.size() ? p.partyPos[i] : TextPos{});
        }
        p.parties = std::move(parties);
        p.partyPos = std::move(positions);
    }
    dropIf<Partnership>(b.partnerships, [](const Partnership& p) { return p.parties.size() < 2; });

    dedupe(b.stories);
    for (Story& story : b.stories) {
        for (StoryStep& step : story.steps) keepWhatIsGood(b, step);
        dropIf<StoryStep>(story.steps, [](const StoryStep& s) {
            return !s.hasCaption() && s.targetCount() == 0 && s.sites.empty() && s.partnerships.empty() &&
                   !s.allPartnerships && s.notesId.empty();
        });
    }
    dropIf<Story>(b.stories, [](const Story& s) { return s.steps.empty(); });
}

} // namespace

BriefingLoadResult parseBriefing(std::string_view text, std::string fileLabel) {
    BriefingLoadResult result;
    Diagnostics& out = result.diagnostics;

    if (briefing_text::Utf8Error bad = briefing_text::firstInvalidUtf8(text); bad.pos.line != 0) {
        out.push_back({Severity::Error, fileLabel, bad.pos.line, bad.pos.column, "the file is not valid UTF-8",
                       bad.cutOff ? briefing_text::kIncompleteHint : "save it with the UTF-8 encoding"});
        return result;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.push_back({Severity::Error, fileLabel, 0, 0, "the file is empty", briefing_text::kIncompleteHint});
        return result;
    }

    toml::parse_result parsed = toml::parse(text, std::string_view{fileLabel});
    if (!parsed) {
        const toml::parse_error& err = parsed.error();
        const int line = static_cast<int>(err.source().begin.line);
        const int column = static_cast<int>(err.source().begin.column);
        std::string description(err.description());
        // toml++ says "Error while parsing key-value pair: expected '='…"; drop the "Error".
        if (description.rfind("Error ", 0) == 0) description.erase(0, 6);
        std::string hint = briefing_text::fullWidthHint(briefing_text::lineAt(text, line));
        if (hint.empty() && description.find("end-of-file") != std::string::npos) hint = briefing_text::kIncompleteHint;
        out.push_back({Severity::Error, fileLabel, line, column, "TOML syntax error " + description, hint});
        return result;
    }

    briefing_toml::Reader reader(fileLabel, out);
    reader.readDocument(parsed.table(), result.briefing);
    result.briefing.textHash = std::hash<std::string_view>{}(text);
    Diagnostics crossChecks = validateBriefing(result.briefing, fileLabel);
    out.insert(out.end(), crossChecks.begin(), crossChecks.end());

    // A file cut off mid-table still parses; its last table then lacks required keys.
    // Without a final line break, say that the file looks half-saved.
    if (text.back() != '\n') {
        for (Diagnostic& d : out)
            if (d.line >= reader.lastTableLine() && d.message.find("is missing required key") != std::string::npos)
                d.hint = briefing_text::kIncompleteHint;
    }

    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    keepWhatIsGood(result.briefing);
    return result;
}

} // namespace geo
