// The [[story]] tables: their [[story.step]]s, each with its caption, targets and view.
#include "briefing/briefing_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace geo::briefing_toml {

StoryStep Reader::readStep(const toml::table& t, const std::string& storyLabel, std::size_t index) {
    Ctx ctx{t, storyLabel + " step " + std::to_string(index),
            keyList({"caption", "caption_en", "site", "trip", "day", "partnership", "view", "sites", "partnerships",
                     "all_partnerships", "notes", "hold", "annotation"})};
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
    if (const toml::node* hold = t.get("hold")) {
        const auto* f = hold->as_floating_point();
        const auto* i = hold->as_integer();
        const double seconds = f ? f->get() : i ? static_cast<double>(i->get()) : -1.0;
        if (!f && !i) {
            wrongType(ctx, "hold", *hold, "a number", "write the seconds a video holds the step without quotes: hold = 8");
        } else if (!(seconds >= StoryStep::kMinHold && seconds <= StoryStep::kMaxHold)) {
            error(posOf(*hold), ctx.label + ": hold = " + std::to_string(static_cast<long long>(std::lround(seconds))) +
                                    " is out of range",
                  "write between 1 and 120 seconds: hold = 8");
        } else {
            step.hold = seconds;
        }
    }
    step.sites = readStringList(ctx, "sites", false, &step.sitesPos);
    step.partnerships = readStringList(ctx, "partnerships", false, &step.partnershipsPos);
    if (const toml::node* all = t.get("all_partnerships")) step.allPartnershipsPos = posOf(*all);
    step.allPartnerships = readBool(ctx, "all_partnerships").value_or(false);
    forEachTable(t, "annotation", "[[story.step.annotation]]", [&](const toml::table& a, std::size_t i) {
        step.annotations.push_back(readAnnotation(a, ctx.label, i));
    });
    return step;
}

// tool = "pen" | "highlighter", color = 1.., points = [[lon, lat], ...]. A point outside
// the map's range, or not a pair of numbers, is reported and the annotation left out.
StepAnnotation Reader::readAnnotation(const toml::table& t, const std::string& stepLabel, std::size_t index) {
    Ctx ctx{t, stepLabel + " annotation " + std::to_string(index), keyList({"tool", "color", "points"})};
    checkUnknownKeys(ctx, "[[story.step.annotation]]");
    StepAnnotation a;
    a.pos = posOf(t);
    const std::string tool = readString(ctx, "tool", false);
    if (tool == "highlighter") a.highlighter = true;
    else if (!tool.empty() && tool != "pen")
        error(posOf(*t.get("tool")), ctx.label + ": unknown tool '" + tool + "'", "write tool = \"pen\" or tool = \"highlighter\"");
    if (const toml::node* colour = t.get("color")) {
        const auto* i = colour->as_integer();
        if (i && i->get() >= 1 && i->get() <= 99) a.colour = static_cast<int>(i->get()) - 1;
        else wrongType(ctx, "color", *colour, "a colour number from 1", "write color = 1 for the palette's first ink colour");
    }
    const std::string example = "points = [[130.70, 33.89], [130.78, 33.94]]";
    const toml::node* points = get(ctx, "points", true, "[[130.70, 33.89], [130.78, 33.94]]");
    if (!points) return a;
    const auto* list = points->as_array();
    if (!list || list->empty()) {
        wrongType(ctx, "points", *points, "a list of [lon, lat] pairs", "write " + example);
        return a;
    }
    for (const toml::node& p : *list) {
        const auto* pair = p.as_array();
        const auto number = [&](std::size_t k) -> std::optional<double> {
            if (!pair || pair->size() != 2) return std::nullopt;
            const toml::node& n = *pair->get(k);
            if (const auto* f = n.as_floating_point()) return f->get();
            if (const auto* i = n.as_integer()) return static_cast<double>(i->get());
            return std::nullopt;
        };
        const auto lon = number(0), lat = number(1);
        if (!lon || !lat || !(std::abs(*lon) <= 180.0) || !(std::abs(*lat) <= 85.0)) {
            error(posOf(p), ctx.label + ": a point must be [lon, lat] with lon -180..180 and lat -85..85", "write " + example);
            a.points.clear();
            return a;
        }
        a.points.emplace_back(*lon, *lat);
    }
    return a;
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
