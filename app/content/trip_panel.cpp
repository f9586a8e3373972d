// The sidebar's trips: the list (a switch shows a trip's route, a title makes it the active
// one and frames it), the active trip's playback and its days and stops.
#include "content/content_view.hpp"

#include "content/painter.hpp"
#include "content/title_row.hpp"
#include "text/font_set.hpp"
#include "text/imgui_text.hpp"
#include "text/ui_text.hpp"

#include <geo/base/text_encoding.hpp>
#include <geo/briefing/vocabulary.hpp>

#include <algorithm>
#include <cmath>

namespace app {

namespace {

bool finite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

} // namespace

void ContentView::drawTrips(const PanelContext& ctx) {
    const geo::Briefing& briefing = ctx.document.briefing();
    const geo::ContentScene& scene = ctx.document.scene();
    const geo::Language lang = state.language;
    FontSet& fonts = ctx.fonts;
    const float s = ctx.scale;
    // In date order (the file may list them in any order); colours stay with the file order.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < briefing.trips.size() && i < scene.trips.size(); ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return briefing.trips[a].start < briefing.trips[b].start; });
    for (std::size_t i : order) {
        const geo::Trip& trip = briefing.trips[i];
        const ImU32 colour = toImGui(ctx.palette.tripColour(i));
        ImGui::PushID(static_cast<int>(i));
        bool on = state.shownTrips.count(trip.id) != 0;
        // Colour swatch as the checkbox's check mark colour: the legend of the routes.
        ImGui::PushStyleColor(ImGuiCol_CheckMark, ImGui::ColorConvertU32ToFloat4(colour));
        if (ImGui::Checkbox("##show", &on)) geo::setTripShown(state, trip.id, on);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        const ImVec2 sw = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(sw.x, sw.y + 4 * s), ImVec2(sw.x + 6 * s, sw.y + ImGui::GetFontSize()), colour, 2 * s);
        ImGui::Dummy(ImVec2(8 * s, 1));
        ImGui::SameLine();
        const std::string label = trip.start.toString() + "  " + geo::pickText(trip.title, trip.titleEn, lang);
        // Hovered: the whole title (the row ends in "…" at the sidebar's edge), with its dates.
        if (titleRow(fonts, label, state.activeTrip == trip.id, label + "  –  " + trip.end.toString())) {
            if (state.activeTrip != trip.id) geo::activateTrip(state, scene, trip.id);
            request(geo::tripFrame(scene, scene.trips[i]));
        }
        ImGui::PopID();
    }
    const geo::TripGeometry* r = scene.trip(state.activeTrip);
    const geo::Trip* trip = briefing.findTrip(state.activeTrip);
    if (!r || !trip) return;
    const std::size_t tripIndex = scene.tripIndex(*r);

    ImGui::Separator();
    // Playback: play/pause, speed, and the timeline that scrubs through the days.
    const double end = r->days();
    const char* playLabel = state.playing ? ui(Ui::Pause, lang) : ui(Ui::Play, lang);
    fonts.require(playLabel);
    if (ImGui::Button(playLabel, ImVec2(90 * s, 0))) geo::togglePlay(state, scene);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    const std::string speedFormat = std::string("%.2f ") + ui(Ui::DaysPerSecond, lang);
    fonts.require(speedFormat);
    ImGui::SliderFloat("##speed", &state.speed, 0.1f, 3.0f, speedFormat.c_str(), ImGuiSliderFlags_Logarithmic);
    const geo::RoutePosition pos = geo::positionAt(r->route, state.tripTime);
    const std::string now = geo::dayTitle(pos.day, r->route.days, lang);
    fonts.require(now);
    float t = static_cast<float>(state.tripTime);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::SliderFloat("##timeline", &t, 0.0f, static_cast<float>(end), now.c_str())) {
        state.tripTime = static_cast<double>(t);
        state.playing = false;
    }

    // Day by day: a day frames its stops; a stop flies there and opens its notes.
    const ImVec4 dayColour = ImGui::ColorConvertU32ToFloat4(toImGui(ctx.palette.tripColour(tripIndex)));
    const ImVec4 muted = toImGuiColour(ctx.palette.interface.muted);
    int day = -2;
    for (std::size_t k = 0; k < trip->stops.size() && k < r->route.stopDay.size(); ++k) {
        const geo::Stop& stop = trip->stops[k];
        const int d = r->route.stopDay[k];
        if (d != day) {
            day = d;
            const std::string title = geo::dayTitle(d, r->route.days, lang);
            fonts.require(title);
            ImGui::PushID(1000 + d);
            ImGui::PushStyleColor(ImGuiCol_Text, dayColour);
            const bool current = pos.day == d && state.tripTime < end - 1e-6;
            if (titleRow(fonts, title, current)) {
                request(geo::dayFrame(state, scene, d));
                geo::showDay(state, scene, d);
            }
            // While playing, the list keeps the current day in sight.
            if (current && state.playing && m_followDay != d) {
                ImGui::SetScrollHereY(0.2f);
                m_followDay = d;
            }
            ImGui::PopStyleColor();
            ImGui::PopID();
        }
        const geo::Site* site = briefing.findSite(stop.siteId);
        std::string line = std::to_string(k + 1) + ". ";
        if (stop.startTime) line += stop.startTime->toString() + " ";
        line += site ? std::string(geo::displayName(*site, lang)) : stop.siteId;
        const std::string& what = geo::pickText(stop.what, stop.whatEn, lang);
        ImGui::PushID(static_cast<int>(k));
        ImGui::Indent(10 * s);
        if (titleRow(fonts, line, false)) {
            if (site && k < r->stopWorld.size() && finite(r->stopWorld[k])) {
                geo::FrameRequest req;
                req.box.extend(r->stopWorld[k]);
                req.minMpp = 12.0; // close enough that the sites of a city separate
                request(req);
            }
            geo::select(state, briefing, stop.siteId);
            geo::setTripTime(state, scene, r->route.stopTime[k]);
            state.playing = false;
        }
        if (!what.empty()) {
            // The first words of what happened, muted; the notes panel has the rest.
            const std::string brief = geo::truncateUtf8(what, 123); // 120 bytes and "…"
            fonts.require(brief);
            ImGui::Indent(14 * s);
            wrappedColoured(muted, brief);
            ImGui::Unindent(14 * s);
        }
        ImGui::Unindent(10 * s);
        ImGui::PopID();
    }
}

void ContentView::drawPartnerships(const PanelContext& ctx) {
    const geo::Briefing& briefing = ctx.document.briefing();
    const geo::Language lang = state.language;
    FontSet& fonts = ctx.fonts;
    const float s = ctx.scale;
    const ImVec4 muted = toImGuiColour(ctx.palette.interface.muted);
    fonts.require(ui(Ui::ShowPartnerships, lang));
    ImGui::Checkbox(ui(Ui::ShowPartnerships, lang), &state.partnerships);
    if (!state.partnerships) return;
    // The legend is the filter: a line sample and a switch per kind that the content uses.
    for (std::size_t k = 0; k < geo::kPartnershipKindCount; ++k) {
        const auto kind = static_cast<geo::PartnershipKind>(k);
        int count = 0;
        for (const auto& p : briefing.partnerships) count += p.kind == kind;
        if (count == 0) continue;
        const std::string label = std::string(geo::partnershipKindLabel(kind, lang)) + " (" + std::to_string(count) + ")";
        fonts.require(label);
        ImGui::PushID(static_cast<int>(k));
        ImGui::Checkbox("##kind", &state.partnershipKinds[k]);
        ImGui::SameLine();
        // A sample of the kind's line.
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float y = p.y + ImGui::GetTextLineHeight() * 0.5f;
        geo::draw::Line sample;
        sample.points = {{p.x, y}, {p.x + 40.0f * s, y}};
        sample.style.colour = ctx.palette.link(kind).colour;
        sample.style.width = 3.5f * s;
        sample.style.dash = ctx.palette.link(kind).dash * s;
        sample.style.gap = 5.0f * s;
        geo::DisplayList swatch;
        swatch.add(std::move(sample));
        ImGuiPainter(fonts).paint(swatch, ImGui::GetWindowDrawList());
        ImGui::Dummy(ImVec2(40.0f * s, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopID();
    }
    const geo::YearSpan years = ctx.document.scene().years;
    if (years.first > 0) {
        fonts.require(ui(Ui::AllYears, lang));
        bool all = !state.yearFilter;
        if (ImGui::Checkbox(ui(Ui::AllYears, lang), &all)) state.yearFilter = !all;
        if (state.yearFilter) {
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
            ImGui::SliderInt("##year", &state.year, years.first, years.last, "%d");
        }
    }
    // The partnerships themselves, clickable, oldest first; those filtered out are muted.
    std::vector<const geo::Partnership*> sorted;
    for (const auto& p : briefing.partnerships) sorted.push_back(&p);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const geo::Partnership* a, const geo::Partnership* b) { return geo::firstYear(*a) < geo::firstYear(*b); });
    for (const geo::Partnership* pp : sorted) {
        const geo::Partnership& p = *pp;
        const std::string& name = geo::pickText(p.name, p.nameEn, lang);
        const int first = geo::firstYear(p);
        const std::string label = (first ? std::to_string(first) + "  " : std::string()) + name;
        fonts.require(label);
        ImGui::PushID(p.id.c_str());
        const auto kindIndex = static_cast<std::size_t>(p.kind);
        const bool active = (!state.yearFilter || geo::activeInYear(p, state.year)) &&
                            (kindIndex >= state.partnershipKinds.size() || state.partnershipKinds[kindIndex]);
        if (!active) ImGui::PushStyleColor(ImGuiCol_Text, muted);
        ImGui::PushStyleColor(ImGuiCol_Text, active ? toImGuiColour(ctx.palette.link(p.kind).colour) : muted);
        ImGui::Bullet();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (titleRow(fonts, label, state.selectedPartnership == p.id)) openPartnership(ctx, p.id);
        if (!active) ImGui::PopStyleColor();
        ImGui::PopID();
    }
}

} // namespace app
