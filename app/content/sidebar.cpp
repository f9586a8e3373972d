// The sidebar (left): language, search, stories, trips, partnerships, the sites legend and
// filter, and the base layers. Tab hides it.
#include "content/content_view.hpp"

#include "content/painter.hpp"
#include "content/title_row.hpp"
#include "text/font_set.hpp"
#include "text/ui_text.hpp"

#include <geo/briefing/site_search.hpp>
#include <geo/briefing/vocabulary.hpp>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <vector>

namespace app {

namespace {

// A section header in the interface language, open at first.
bool section(FontSet& fonts, const char* title, const char* id, bool openAtFirst = true) {
    fonts.require(title);
    const std::string label = std::string(title) + "###" + id;
    return ImGui::CollapsingHeader(label.c_str(), openAtFirst ? ImGuiTreeNodeFlags_DefaultOpen : 0);
}

} // namespace

void ContentView::drawSidebar(const PanelContext& ctx) {
    FontSet& fonts = ctx.fonts;
    const geo::Briefing& b = ctx.document.briefing();
    const geo::Language lang = state.language;
    const geo::ScreenBox& panel = ctx.panels.sidebar;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(panel.min.x), static_cast<float>(panel.min.y)), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(panel.max.x - panel.min.x), static_cast<float>(panel.max.y - panel.min.y)),
                             ImGuiCond_Always);
    // Opaque: no coastline showing through on a projector. Its background is the layout's cover
    // under it (a painter draws it where llvmpipe then skips the map under it, and ImGui's
    // blended fill of the panel is saved); the sidebar stays below every other window. Square:
    // opaque over its whole rectangle, so that it can be drawn from a copy (PanelCache).
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::SetNextWindowBgAlpha(0.0f);
    const std::string& title = geo::pickText(b.title, b.titleEn, lang);
    const std::string windowTitle = (title.empty() ? std::string("ktmap") : title) + kSidebarMarker;
    fonts.require(windowTitle);
    ImGui::PushFont(fonts.ui());
    const bool open = ImGui::Begin(windowTitle.c_str(), nullptr,
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar(); // (Begin took the window's rounding)
    if (open) {
        // Language: each name in its own language and face.
        for (geo::Language l : {geo::Language::Zh, geo::Language::Ja, geo::Language::En}) {
            const char* name = geo::languageName(l);
            fonts.require(name);
            ImGui::PushFont(fonts.ui(geo::faceOf(l)));
            if (ImGui::RadioButton(name, state.language == l)) state.language = l;
            ImGui::PopFont();
            ImGui::SameLine();
        }
        ImGui::NewLine();
        drawSearch(ctx);
        // Each section in its own ID scope: the same row numbers and "##kind" switches recur.
        // Stories: a click presents one on the projector (P does the same for the last one).
        if (!b.stories.empty() && section(fonts, ui(Ui::Stories, lang), "stories")) {
            ImGui::PushID("stories");
            for (const geo::Story& story : b.stories) {
                const std::string label = geo::pickText(story.title, story.titleEn, lang) + "  (" + std::to_string(story.steps.size()) + ")";
                fonts.require(label);
                ImGui::PushID(story.id.c_str());
                if (titleRow(fonts, label, false)) m_present = story.id;
                ImGui::PopID();
            }
            ImGui::PopID();
        }
        if (section(fonts, ui(Ui::Trips, lang), "trips")) {
            ImGui::PushID("trips");
            drawTrips(ctx);
            ImGui::PopID();
        }
        if (section(fonts, geo::term(geo::Term::Partnerships, lang), "partnerships")) {
            ImGui::PushID("partnerships");
            drawPartnerships(ctx);
            ImGui::PopID();
        }
        // The sites legend is also their filter.
        if (section(fonts, ui(Ui::Sites, lang), "sites", false)) {
            ImGui::PushID("sites");
            drawSites(ctx);
            ImGui::PopID();
        }
        if (section(fonts, ui(Ui::Layers, lang), "layers", false)) {
            for (const geo::MapLayer& layer : ctx.document.map().layers) {
                fonts.require(layer.spec.id);
                bool on = ctx.mapView.visible(layer);
                if (ImGui::Checkbox(layer.spec.id.c_str(), &on)) ctx.mapView.setVisible(layer, on);
            }
        }
        ImGui::Spacing();
        fonts.require(ui(Ui::Sidebar, lang));
        ImGui::TextColored(toImGuiColour(ctx.palette.interface.muted), "%s", ui(Ui::Sidebar, lang));
    }
    ImGui::End();
    ImGui::PopFont();
}

void ContentView::drawSearch(const PanelContext& ctx) {
    FontSet& fonts = ctx.fonts;
    const geo::Briefing& b = ctx.document.briefing();
    const geo::Language lang = state.language;
    // Search by any language's name.
    fonts.require(ui(Ui::SearchHint, lang));
    std::array<char, 256> buf{};
    std::copy_n(m_search.begin(), std::min(m_search.size(), buf.size() - 1), buf.begin());
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    const bool enter = ImGui::InputTextWithHint("##search", ui(Ui::SearchHint, lang), buf.data(), buf.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    m_search = buf.data();
    fonts.require(m_search);
    if (m_search.empty()) return;
    ImGui::PushID("search");
    const auto hits = geo::searchSites(b, m_search, 12);
    // Trips and partnerships by their names too ("sister", "MOU", 姊妹).
    const std::string folded = geo::foldForSearch(m_search);
    std::vector<const geo::Partnership*> partnerHits;
    std::vector<const geo::Trip*> tripHits;
    if (!folded.empty()) {
        auto matches = [&](std::initializer_list<const std::string*> texts) {
            for (const std::string* t : texts)
                if (geo::foldForSearch(*t).find(folded) != std::string::npos) return true;
            return false;
        };
        for (const auto& p : b.partnerships)
            if (matches({&p.name, &p.nameEn, &p.id})) partnerHits.push_back(&p);
        for (const auto& t : b.trips)
            if (matches({&t.title, &t.titleEn, &t.id})) tripHits.push_back(&t);
    }
    for (const geo::Trip* t : tripHits) {
        const std::string label = t->start.toString() + "  " + geo::pickText(t->title, t->titleEn, lang);
        fonts.require(label);
        ImGui::PushID(t->id.c_str());
        if (titleRow(fonts, label, state.activeTrip == t->id) && geo::activateTrip(state, ctx.document.scene(), t->id))
            if (const geo::TripGeometry* trip = ctx.document.scene().trip(t->id)) request(geo::tripFrame(ctx.document.scene(), *trip));
        ImGui::PopID();
    }
    for (const geo::Partnership* p : partnerHits) {
        const std::string& label = geo::pickText(p->name, p->nameEn, lang);
        fonts.require(label);
        ImGui::PushID(p->id.c_str());
        if (titleRow(fonts, label, state.selectedPartnership == p->id)) openPartnership(ctx, p->id);
        ImGui::PopID();
    }
    if (hits.empty() && tripHits.empty() && partnerHits.empty()) {
        fonts.require(ui(Ui::NoMatch, lang));
        ImGui::TextColored(toImGuiColour(ctx.palette.interface.muted), "%s", ui(Ui::NoMatch, lang));
    }
    for (std::size_t k = 0; k < hits.size(); ++k) {
        const geo::Site& site = b.sites[hits[k].site];
        const std::string name(geo::displayName(site, lang));
        std::string label = name;
        if (hits[k].matched != name) label += "  (" + hits[k].matched + ")";
        fonts.require(label);
        ImGui::PushID(static_cast<int>(k));
        if (titleRow(fonts, label, site.id == state.selectedSite) || (enter && k == 0)) openSite(ctx, site.id, true);
        ImGui::PopID();
    }
    ImGui::PopID();
}

void ContentView::drawSites(const PanelContext& ctx) {
    FontSet& fonts = ctx.fonts;
    const geo::Language lang = state.language;
    const float s = ctx.scale;
    fonts.require(ui(Ui::ShowLabels, lang));
    ImGui::Checkbox(ui(Ui::ShowLabels, lang), &state.labels);
    std::array<int, geo::kSiteKindCount> counts{};
    for (const auto& site : ctx.document.briefing().sites) {
        const auto k = static_cast<std::size_t>(site.kind);
        if (k < counts.size()) ++counts[k];
    }
    for (std::size_t k = 0; k < geo::kSiteKindCount; ++k) {
        if (counts[k] == 0) continue;
        const auto kind = static_cast<geo::SiteKind>(k);
        const std::string label = std::string(geo::kindLabelPlural(kind, lang)) + " (" + std::to_string(counts[k]) + ")";
        fonts.require(label);
        ImGui::PushID(static_cast<int>(k));
        bool on = state.siteKinds[k];
        if (ImGui::Checkbox("##kind", &on)) state.siteKinds[k] = on;
        ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        // The marker as the map draws it.
        geo::DisplayList marker;
        marker.add(geo::draw::Disc{{p.x + 11 * s, p.y + h * 0.5f}, geo::markerDisc(ctx.palette, kind, false, s)});
        ImGuiPainter(fonts).paint(marker, ImGui::GetWindowDrawList());
        ImGui::Dummy(ImVec2(24 * s, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopID();
    }
}

} // namespace app
