// The [[story]] tables: their [[story.step]]s, each with its caption, targets and view.
#include "briefing/briefing_reader.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace geo::briefing_toml {

StoryStep Reader::readStep(const toml::table& t, const std::string& storyLabel, std::size_t index) {
    Ctx ctx{t, storyLabel + " step " + std::to_string(index),
            keyList({"caption", "caption_en", "site", "trip", "day", "partnership", "view", "sites", "partnerships",
                     "all_partnerships", "notes"})};
    checkUnknownKeys(ctx, "[[story.step]]");
    StoryStep step;
    step.pos = posOf(t);
    step.caption = readString(ctx, "caption", false);
    step.captionEn = readString(ctx, "caption_en", false);
    auto ref = [&](std::string_view key, std::string& id, TextPos& pos) {
        id = readString(ctx, key, false);
        if (const toml::node* node = t.get(key)) pos = posOf(*node);
    };
    ref("site", step.siteId, step.sitePos);
    ref("trip", step.tripId, step.tripPos);
    ref("partnership", step.partnershipId, step.partnershipPos);
    ref("notes", step.notesId, step.notesPos);
    if (const toml::node* day = t.get("day")) {
        if (const auto* i = day->as_integer()) {
            step.dayPos = posOf(*day);
            // Beyond int's range is as wrong as any other day outside the trip.
            step.day = static_cast<int>(std::clamp<std::int64_t>(i->get(), std::numeric_limits<int>::min(),
                                                                 std::numeric_limits<int>::max()));
        } else {
            wrongType(ctx, "day", *day, "a whole number",
                      "write the day of the trip without quotes, 1 for its first day: day = 1");
        }
    }
    if (const toml::node* view = t.get("view")) readView(ctx, *view, step);
    step.sites = readStringList(ctx, "sites", false, &step.sitesPos);
    step.partnerships = readStringList(ctx, "partnerships", false, &step.partnershipsPos);
    if (const toml::node* all = t.get("all_partnerships")) step.allPartnershipsPos = posOf(*all);
    step.allPartnerships = readBool(ctx, "all_partnerships").value_or(false);
    return step;
}

// view = { lon = 130.40, lat = 33.59, zoom = 9 }. A member that is missing or not a
// number is reported here and left NaN (the validator checks the ranges of the rest).
void Reader::readView(const Ctx& ctx, const toml::node& node, StoryStep& step) {
    const std::string example = "view = { lon = 130.40, lat = 33.59, zoom = 9 }";
    step.viewPos = posOf(node);
    const auto* table = node.as_table();
    if (!table) {
        wrongType(ctx, "view", node, "an inline table", "write " + example);
        return;
    }
    Ctx view{*table, ctx.label + " view", keyList({"lon", "lat", "zoom"})};
    checkUnknownKeys(view, "a view");
    StoryView v;
    auto member = [&](std::string_view key, double& value, TextPos& pos) {
        value = std::nan("");
        const toml::node* m = table->get(key);
        if (!m) {
            error(step.viewPos, ctx.label + ": view is missing '" + std::string(key) + "'", "write " + example);
            return;
        }
        pos = posOf(*m);
        if (const auto* f = m->as_floating_point()) value = f->get();
        else if (const auto* i = m->as_integer()) value = static_cast<double>(i->get());
        else {
            wrongType(view, key, *m, "a number", "write " + example);
            return;
        }
        if (std::isnan(value))
            error(pos, ctx.label + ": view " + std::string(key) + " is nan, not a number", "write " + example);
    };
    member("lon", v.lon, step.viewLonPos);
    member("lat", v.lat, step.viewLatPos);
    member("zoom", v.zoom, step.viewZoomPos);
    step.view = v;
}

Story Reader::readStory(const toml::table& t) {
    Ctx ctx{t, "[[story]]", keyList({"id", "title", "title_en", "step"})};
    checkUnknownKeys(ctx, "[[story]]");
    Story story;
    story.pos = posOf(t);
    story.id = readId(ctx, "story");
    story.title = readString(ctx, "title", true);
    story.titleEn = readString(ctx, "title_en", false);
    forEachTable(t, "step", "[[story.step]]", [&](const toml::table& step, std::size_t index) {
        story.steps.push_back(readStep(step, ctx.label, index));
    });
    return story;
}

} // namespace geo::briefing_toml
