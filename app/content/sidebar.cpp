// The sidebar (left): language, search, trips, partnerships, the sites legend and
// filter, and the base layers. Tab hides it.
#include "content/briefing_layer.hpp"

#include "gl/content_renderer.hpp"
#include "text/font_set.hpp"
#include "text/text_layout.hpp"
#include "text/ui_text.hpp"

#include <geo/basemap/base_map.hpp>
#include <geo/briefing/site_search.hpp>

#include <imgui.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <vector>

namespace app {

namespace {
const ImVec4 kMuted(0.33f, 0.37f, 0.42f, 1.0f);
const ImVec4 kAccent(0.10f, 0.30f, 0.55f, 1.0f);

// A section header in the interface language, open at first.
bool section(FontSet& fonts, const char* title, const char* id, bool openAtFirst = true) {
    fonts.require(title);
    const std::string label = std::string(title) + "###" + id;
    return ImGui::CollapsingHeader(label.c_str(), openAtFirst ? ImGuiTreeNodeFlags_DefaultOpen : 0);
}
} // namespace

void BriefingLayer::drawSidebar(const MapContext& ctx, geo::BaseMap* map) {
    FontSet& fonts = ctx.fonts;
    const float s = ctx.scale;
    const geo::Language lang = language;
    const ImGuiIO& io = ImGui::GetIO();
    const float margin = 14.0f * s;
    const float width = std::min(380.0f * s, io.DisplaySize.x * 0.4f);
    // Leaves the bottom left to the scale bar and cursor position.
    const float height = std::max(io.DisplaySize.y - 2 * margin - 86.0f * s, 160.0f * s);
    ImGui::SetNextWindowPos(ImVec2(margin, margin), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
    // Opaque: no coastline showing through on a projector. Its background is drawn by the
    // content renderer where it can (llvmpipe then skips the map under it, and ImGui's
    // blended, textured fill of the panel is saved); the sidebar stays below every other window.
    // Square: opaque over its whole rectangle, so that the viewer can draw it from a copy
    // while it does not change (PanelCache).
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ContentRenderer& gl = ContentRenderer::instance();
    ImGui::SetNextWindowBgAlpha(gl.active() ? 0.0f : 1.0f);
    const ImU32 background = ImGui::GetColorU32(ImGuiCol_WindowBg) | IM_COL32_A_MASK;
    gl.windowBackground(ImVec2(margin, margin), ImVec2(width, height), background);
    m_sidebarPanel = {ImVec2(margin, margin), ImVec2(margin + width, margin + height), background};
    const std::string& title = pick(briefing().title, briefing().titleEn, lang);
    const std::string windowTitle = (title.empty() ? std::string("ktmap") : title) + kSidebarMarker;
    fonts.require(windowTitle);
    ImGui::PushFont(fonts.ui());
    ContentActions actions;
    const bool open = ImGui::Begin(windowTitle.c_str(), nullptr,
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar(); // (Begin took the window's rounding)
    if (open) {
        rememberPanel();
        // Language: each name in its own language and face.
        for (geo::Language l : {geo::Language::Zh, geo::Language::Ja, geo::Language::En}) {
            const char* name = languageName(l);
            fonts.require(name);
            ImGui::PushFont(fonts.ui(faceFor(l)));
            if (ImGui::RadioButton(name, language == l)) language = l;
            ImGui::PopFont();
            ImGui::SameLine();
        }
        ImGui::NewLine();

        // Search by any language's name.
        fonts.require(ui(Ui::SearchHint, lang));
        std::array<char, 256> buf{};
        std::copy_n(m_search.begin(), std::min(m_search.size(), buf.size() - 1), buf.begin());
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        const bool enter = ImGui::InputTextWithHint("##search", ui(Ui::SearchHint, lang), buf.data(), buf.size(),
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
        m_search = buf.data();
        fonts.require(m_search);
        if (!m_search.empty()) {
            ImGui::PushID("search");
            const auto hits = geo::searchSites(briefing(), m_search, 12);
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
                for (const auto& p : briefing().partnerships)
                    if (matches({&p.name, &p.nameEn, &p.id})) partnerHits.push_back(&p);
                for (const auto& t : briefing().trips)
                    if (matches({&t.title, &t.titleEn, &t.id})) tripHits.push_back(&t);
            }
            for (const geo::Trip* t : tripHits) {
                const std::string label = t->start.toString() + "  " + pick(t->title, t->titleEn, lang);
                fonts.require(label);
                ImGui::PushID(t->id.c_str());
                if (ImGui::Selectable(label.c_str(), m_trips.activeId() == t->id)) m_trips.activate(briefing(), t->id, actions);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
                ImGui::PopID();
            }
            for (const geo::Partnership* p : partnerHits) {
                const std::string& label = pick(p->name, p->nameEn, lang);
                fonts.require(label);
                ImGui::PushID(p->id.c_str());
                if (ImGui::Selectable(label.c_str(), m_partnerships.selectedId() == p->id)) actions.selectPartnership = p->id;
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
                ImGui::PopID();
            }
            if (hits.empty() && tripHits.empty() && partnerHits.empty()) {
                fonts.require(ui(Ui::NoMatch, lang));
                ImGui::TextColored(kMuted, "%s", ui(Ui::NoMatch, lang));
            }
            for (std::size_t k = 0; k < hits.size(); ++k) {
                const geo::Site& site = briefing().sites[hits[k].site];
                const LocalName name = localName(site, lang);
                std::string label = name.text;
                if (hits[k].matched != name.text) label += "  (" + hits[k].matched + ")";
                fonts.require(label);
                ImGui::PushID(static_cast<int>(k));
                if (ImGui::Selectable(label.c_str(), site.id == m_selectedId) || (enter && k == 0)) {
                    select(site.id);
                    const CameraRequest req = siteFrame(site);
                    if (!req.box.empty()) actions.camera = req;
                }
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
                ImGui::PopID();
            }
            ImGui::PopID();
        }

        // Each section in its own ID scope: the same row numbers and "##kind" switches recur.
        // Stories: a click presents one on the projector (P does the same for the last one).
        if (!briefing().stories.empty() && section(fonts, ui(Ui::Stories, lang), "stories")) {
            ImGui::PushID("stories");
            for (const geo::Story& story : briefing().stories) {
                const std::string label = pick(story.title, story.titleEn, lang) + "  (" + std::to_string(story.steps.size()) + ")";
                fonts.require(label);
                ImGui::PushID(story.id.c_str());
                if (ImGui::Selectable(label.c_str(), false)) actions.present = story.id;
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
                ImGui::PopID();
            }
            ImGui::PopID();
        }
        if (section(fonts, ui(Ui::Trips, lang), "trips")) {
            ImGui::PushID("trips");
            m_trips.drawPanel(ctx, briefing(), actions);
            ImGui::PopID();
        }
        if (section(fonts, ui(Ui::Partnerships, lang), "partnerships")) {
            ImGui::PushID("partnerships");
            m_partnerships.drawPanel(ctx, briefing(), actions);
            ImGui::PopID();
        }

        // The sites legend is also their filter.
        if (section(fonts, ui(Ui::Sites, lang), "sites", false)) {
            ImGui::PushID("sites");
            fonts.require(ui(Ui::ShowLabels, lang));
            ImGui::Checkbox(ui(Ui::ShowLabels, lang), &showLabels);
            std::array<int, kSiteKinds> counts{};
            for (const auto& site : briefing().sites) {
                const auto k = static_cast<std::size_t>(site.kind);
                if (k < counts.size()) ++counts[k];
            }
            for (std::size_t k = 0; k < kSiteKinds; ++k) {
                if (counts[k] == 0) continue;
                const auto kind = static_cast<geo::SiteKind>(k);
                const std::string label = std::string(kindLabelPlural(kind, lang)) + " (" + std::to_string(counts[k]) + ")";
                fonts.require(label);
                ImGui::PushID(static_cast<int>(k));
                bool on = kindVisible[k];
                if (ImGui::Checkbox("##kind", &on)) kindVisible[k] = on;
                ImGui::SameLine();
                const ImVec2 p = ImGui::GetCursorScreenPos();
                const float h = ImGui::GetTextLineHeight();
                drawMarker(ImGui::GetWindowDrawList(), ImVec2(p.x + 11 * s, p.y + h * 0.5f), kind, s);
                ImGui::Dummy(ImVec2(24 * s, h));
                ImGui::SameLine();
                ImGui::TextUnformatted(label.c_str());
                ImGui::PopID();
            }
            ImGui::PopID();
        }
        if (map && section(fonts, ui(Ui::Layers, lang), "layers", false)) {
            for (auto& layer : map->layers) {
                fonts.require(layer.spec.id);
                ImGui::Checkbox(layer.spec.id.c_str(), &layer.visible);
            }
        }
        ImGui::Spacing();
        fonts.require(ui(Ui::Sidebar, lang));
        ImGui::TextColored(kMuted, "%s", ui(Ui::Sidebar, lang));
    }
    ImGui::End();
    ImGui::PopFont();
    apply(actions);
}

} // namespace app
