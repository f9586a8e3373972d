#include "content/partnership_view.hpp"

#include "gl/content_renderer.hpp"
#include "text/font_set.hpp"
#include "content/map_draw.hpp"
#include "text/text_layout.hpp"
#include "text/ui_text.hpp"

#include <geo/view/camera.hpp>
#include <geo/view/edge_marker.hpp>
#include <geo/base/great_circle.hpp>
#include <geo/view/hit_test.hpp>
#include <geo/base/projection.hpp>

#include <algorithm>
#include <cmath>

namespace app {

namespace {

constexpr ImU32 kInk = IM_COL32(25, 35, 45, 255);
constexpr ImU32 kCasing = IM_COL32(255, 255, 255, 200);
constexpr ImU32 kEmphasis = IM_COL32(255, 205, 0, 255);
const ImVec4 kMuted(0.33f, 0.37f, 0.42f, 1.0f);
const ImVec4 kAccent(0.10f, 0.30f, 0.55f, 1.0f);

// Dash pattern per kind (0 = solid), so that kinds differ by more than colour.
float dashOf(geo::PartnershipKind kind) {
    using K = geo::PartnershipKind;
    switch (kind) {
    case K::SisterScienceParks:
    case K::SisterCities: return 0.0f;
    case K::FriendshipCities: return 14.0f;
    case K::UniversityMou: return 7.0f;
    case K::SisterStations: return 4.0f;
    case K::AssociationAgreement: return 10.0f;
    case K::TrilateralMou: return 18.0f;
    case K::CooperationMou: return 10.0f;
    case K::Other: break;
    }
    return 5.0f;
}

} // namespace

ImU32 PartnershipView::colour(geo::PartnershipKind kind) {
    using K = geo::PartnershipKind;
    switch (kind) {
    case K::SisterScienceParks: return IM_COL32(0, 130, 90, 255);    // green, like the science-park markers
    case K::SisterCities: return IM_COL32(190, 30, 60, 255);         // crimson
    case K::FriendshipCities: return IM_COL32(230, 120, 0, 255);     // orange
    case K::UniversityMou: return IM_COL32(30, 80, 200, 255);        // blue, like the university markers
    case K::SisterStations: return IM_COL32(90, 90, 105, 255);       // slate, like station markers
    case K::AssociationAgreement: return IM_COL32(140, 90, 30, 255); // brown (timber)
    case K::TrilateralMou: return IM_COL32(150, 40, 160, 255);       // purple
    case K::CooperationMou: return IM_COL32(0, 140, 160, 255);       // teal
    case K::Other: break;
    }
    return IM_COL32(70, 110, 150, 255);
}

void PartnershipView::swatch(geo::PartnershipKind kind, float width, float scale) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + ImGui::GetTextLineHeight() * 0.5f;
    std::vector<ImVec2> pts{ImVec2(p.x, y), ImVec2(p.x + width, y)};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float dash = dashOf(kind) * scale;
    if (dash > 0) drawDashedLine(dl, pts, colour(kind), 3.5f * scale, dash, 5.0f * scale);
    else drawCasedLine(dl, pts, colour(kind), 3.5f * scale, 0, 0);
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
}

void PartnershipView::rebuild(const geo::Briefing& briefing, const geo::Projection& projection) {
    m_links = geo::partnershipLinks(briefing);
    m_world.clear();
    m_linkIds.clear();
    for (const auto& link : m_links) m_linkIds.push_back(briefing.partnerships[link.partnership].id);
    for (const auto& link : m_links) {
        glm::dvec2 a = projection.forward({briefing.sites[link.fromSite].lon, briefing.sites[link.fromSite].lat});
        glm::dvec2 b = projection.forward({briefing.sites[link.toSite].lon, briefing.sites[link.toSite].lat});
        if (!isFinite(a) || !isFinite(b)) {
            m_world.emplace_back();
            continue;
        }
        m_world.push_back(geo::curvedArc(a, b, link.bend, 32)); // smooth at any zoom: the bow is at most 0.45 chords
    }
    m_screen.assign(m_links.size(), {});
    m_years = geo::milestoneYears(briefing);
    if (year == 0 || year < m_years.first || year > m_years.last) year = m_years.last;
    if (!m_selected.empty() && !briefing.findPartnership(m_selected)) m_selected.clear();
}

bool PartnershipView::linkVisible(const geo::Briefing& briefing, const geo::PartnershipLink& link) const {
    if (!visible || link.partnership >= briefing.partnerships.size()) return false;
    const geo::Partnership& p = briefing.partnerships[link.partnership];
    if (onlyHighlighted && !showAll && std::find(highlighted.begin(), highlighted.end(), p.id) == highlighted.end()) return false;
    const auto k = static_cast<std::size_t>(p.kind);
    if (k < kKinds && !kindVisible[k]) return false;
    return !yearFilter || geo::activeInYear(p, year);
}

void PartnershipView::drawMap(ImDrawList* dl, const MapContext& ctx, const geo::Briefing& briefing,
                              std::optional<glm::dvec2> cursor, float left, float right) {
    const float s = ctx.scale;
    m_callouts.clear();
    const glm::dvec2 vp = ctx.camera.viewport();
    const double inset = 34.0 * static_cast<double>(s);
    const double x0 = static_cast<double>(left), x1 = vp.x - static_cast<double>(right);
    const double bottom = vp.y - static_cast<double>(ctx.bottomReserve);
    auto inside = [&](glm::dvec2 p) { return isFinite(p) && p.x >= x0 + inset && p.x <= x1 - inset && p.y >= inset && p.y <= bottom - inset; };
    std::optional<std::string> hovered = cursor ? linkAt(*cursor) : std::nullopt;
    ContentRenderer& gl = ContentRenderer::instance();
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        m_screen[i].clear();
        if (!linkVisible(briefing, m_links[i]) || m_world[i].empty()) continue;
        std::vector<ImVec2> pts;
        for (const auto& w : m_world[i]) {
            const glm::dvec2 p = ctx.camera.worldToScreen(w);
            m_screen[i].push_back(p);
            pts.push_back(ImVec2(static_cast<float>(std::clamp(p.x, -1e6, 1e6)), static_cast<float>(std::clamp(p.y, -1e6, 1e6))));
        }
        const geo::Partnership& p = briefing.partnerships[m_links[i].partnership];
        const bool emphasis = p.id == m_selected || (hovered && *hovered == p.id);
        // A story step's partnerships are its subject: never faint, even beside a trip.
        const bool highlightedHere =
            onlyHighlighted && std::find(highlighted.begin(), highlighted.end(), p.id) != highlighted.end();
        const bool faint = dimmed && !emphasis && !highlightedHere;
        const float width = (emphasis ? 6.0f : faint ? 2.5f : 4.0f) * s;
        const ImU32 c = faint ? withAlpha(colour(p.kind), 0.3f) : colour(p.kind);
        const float dash = dashOf(p.kind) * s;
        // A white casing under every kind keeps the arcs readable over land and borders;
        // a wider yellow one (over it) marks the selected or hovered link.
        if (gl.active()) {
            LineStyle style;
            style.colour = c;
            style.width = width;
            style.casing = emphasis ? kEmphasis : faint ? 0 : kCasing;
            style.casingWidth = width + (emphasis ? 7.0f : 3.5f) * s;
            style.dash = dash * 1.6f;
            style.gap = 6.0f * s;
            gl.line(pts, style);
        } else {
            if (!faint) drawCasedLine(dl, pts, 0, 0, kCasing, width + 3.5f * s);
            if (emphasis) drawCasedLine(dl, pts, 0, 0, kEmphasis, width + 7.0f * s);
            if (dash > 0) drawDashedLine(dl, pts, c, width, dash * 1.6f, 6.0f * s);
            else drawCasedLine(dl, pts, c, width, 0, 0);
        }

        // The subject of the moment (selected, or a story step's) reaching a place off the map: say where.
        const bool subject = p.id == m_selected || (onlyHighlighted && (showAll || std::find(highlighted.begin(), highlighted.end(),
                                                                                                  p.id) != highlighted.end()));
        const auto& line = m_screen[i];
        if (subject && !line.empty() && inside(line.front()) != inside(line.back()) && x1 - x0 > 4 * inset) {
            const bool forward = inside(line.front());
            const std::size_t farSite = forward ? m_links[i].toSite : m_links[i].fromSite;
            const std::size_t nearSite = forward ? m_links[i].fromSite : m_links[i].toSite;
            std::vector<glm::dvec2> local;
            for (std::size_t k = 0; k < line.size(); ++k) {
                const glm::dvec2 q = line[forward ? k : line.size() - 1 - k];
                local.push_back({q.x - x0, q.y});
            }
            if (const auto exit = geo::edgeExit(local, {x1 - x0, bottom}, inset)) {
                const geo::Site& far = briefing.sites[farSite];
                const geo::Site& near = briefing.sites[nearSite];
                const LocalName name = localName(far, ctx.language);
                EdgeCallout callout;
                callout.position = {static_cast<float>(exit->position.x + x0), static_cast<float>(exit->position.y)};
                callout.direction = {static_cast<float>(exit->direction.x), static_cast<float>(exit->direction.y)};
                callout.text = name.text + "  " + formatKm(geo::greatCircleDistanceKm({near.lon, near.lat}, {far.lon, far.lat}));
                callout.japanese = name.language == geo::Language::Ja;
                callout.colour = colour(p.kind);
                callout.siteId = far.id;
                m_callouts.push_back(std::move(callout));
            }
        }
    }
    gl.flush(dl);
}

std::optional<std::string> PartnershipView::linkAt(glm::dvec2 screen) const {
    const auto hit = geo::pickPolyline(m_screen, screen, 8.0);
    if (!hit || *hit >= m_linkIds.size()) return std::nullopt;
    return m_linkIds[*hit];
}

bool PartnershipView::select(const geo::Briefing& briefing, std::string_view id) {
    if (!briefing.findPartnership(id)) return false;
    m_selected = std::string(id);
    return true;
}

void PartnershipView::drawPanel(const MapContext& ctx, const geo::Briefing& briefing, ContentActions& actions) {
    const geo::Language lang = ctx.language;
    const float s = ctx.scale;
    ctx.fonts.require(ui(Ui::ShowPartnerships, lang));
    ImGui::Checkbox(ui(Ui::ShowPartnerships, lang), &visible);
    if (!visible) return;
    // The legend is the filter: a line sample and a switch per kind that the content uses.
    for (std::size_t k = 0; k < kKinds; ++k) {
        const auto kind = static_cast<geo::PartnershipKind>(k);
        int count = 0;
        for (const auto& p : briefing.partnerships) count += p.kind == kind;
        if (count == 0) continue;
        const std::string label = std::string(partnershipKindLabel(kind, lang)) + " (" + std::to_string(count) + ")";
        ctx.fonts.require(label);
        ImGui::PushID(static_cast<int>(k));
        ImGui::Checkbox("##kind", &kindVisible[k]);
        ImGui::SameLine();
        swatch(kind, 40.0f * s, s);
        ImGui::SameLine();
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopID();
    }
    if (m_years.first > 0) {
        ctx.fonts.require(ui(Ui::AllYears, lang));
        bool all = !yearFilter;
        if (ImGui::Checkbox(ui(Ui::AllYears, lang), &all)) yearFilter = !all;
        if (yearFilter) {
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
            ImGui::SliderInt("##year", &year, m_years.first, m_years.last, "%d");
        }
    }
    // The partnerships themselves, clickable, oldest first; those filtered out are muted.
    std::vector<const geo::Partnership*> sorted;
    for (const auto& p : briefing.partnerships) sorted.push_back(&p);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const geo::Partnership* a, const geo::Partnership* b) { return geo::firstYear(*a) < geo::firstYear(*b); });
    for (const geo::Partnership* pp : sorted) {
        const geo::Partnership& p = *pp;
        const std::string& name = pick(p.name, p.nameEn, lang);
        const int first = geo::firstYear(p);
        const std::string label = (first ? std::to_string(first) + "  " : std::string()) + name;
        ctx.fonts.require(label);
        ImGui::PushID(p.id.c_str());
        const auto kindIndex = static_cast<std::size_t>(p.kind);
        const bool active = (!yearFilter || geo::activeInYear(p, year)) && (kindIndex >= kKinds || kindVisible[kindIndex]);
        if (!active) ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
        ImGui::PushStyleColor(ImGuiCol_Text, active ? ImGui::ColorConvertU32ToFloat4(colour(p.kind)) : kMuted);
        ImGui::Bullet();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        if (ImGui::Selectable(label.c_str(), m_selected == p.id)) actions.selectPartnership = p.id;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
        ImGui::PopTextWrapPos();
        if (!active) ImGui::PopStyleColor();
        ImGui::PopID();
    }
}

void PartnershipView::drawNotes(const MapContext& ctx, const geo::Briefing& briefing, ContentActions& actions) {
    const geo::Partnership* p = briefing.findPartnership(m_selected);
    if (!p) return;
    const geo::Language lang = ctx.language;
    FontSet& fonts = ctx.fonts;
    const float s = ctx.scale;
    const ImGuiIO& io = ImGui::GetIO();
    const float margin = 14.0f * s;
    const float width = std::min(std::max(io.DisplaySize.x * 0.3f, 320.0f * s), io.DisplaySize.x - 2 * margin);
    const float height = std::max(io.DisplaySize.y - 2 * margin - 48.0f * s - ctx.bottomReserve, 120.0f * s);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, margin), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(1.0f);
    const std::string& name = pick(p->name, p->nameEn, lang);
    const std::string title = name + "###partnership-notes-" + p->id;
    fonts.require(title);
    bool open = true;
    ContentRenderer& gl = ContentRenderer::instance();
    ImGui::PushFont(fonts.ui());
    if (ImGui::Begin(title.c_str(), &open,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        gl.coverCurrentWindow(); // llvmpipe skips the map under the panel
        const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
        geo::ScreenBox panel;
        panel.min = {static_cast<double>(wp.x), static_cast<double>(wp.y)};
        panel.max = {static_cast<double>(wp.x + ws.x), static_cast<double>(wp.y + ws.y)};
        actions.panels.push_back(panel);
        std::string all;
        auto line = [&](const std::string& text, const ImVec4* colour) {
            if (text.empty()) return;
            fonts.require(text);
            all += text + "\n";
            if (colour) wrappedColoured(*colour, text);
            else wrapped(text);
        };
        auto heading = [&](const char* text) {
            fonts.require(text);
            all += std::string("\n") + text + "\n";
            ImGui::Spacing();
            ImGui::Separator();
            ImGui::TextColored(kAccent, "%s", text);
        };
        fonts.require(ui(Ui::CopyAll, lang));
        const bool copy = ImGui::SmallButton(ui(Ui::CopyAll, lang));
        ImGui::PushFont(fonts.large());
        line(name, nullptr);
        ImGui::PopFont();
        const std::string& other = lang == geo::Language::En ? p->name : p->nameEn;
        if (other != name) line(other, &kMuted);
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour(p->kind)));
        line(partnershipKindLabel(p->kind, lang), nullptr);
        ImGui::PopStyleColor();
        heading(ui(Ui::Parties, lang));
        for (const auto& id : p->parties) {
            const geo::Site* site = briefing.findSite(id);
            const std::string label = site ? localName(*site, lang).text : id;
            fonts.require(label);
            ImGui::PushID(id.c_str());
            if (ImGui::Selectable(label.c_str(), false) && site) actions.selectSite = id;
            ImGui::PopID();
            all += "  " + label + "\n";
        }
        const std::string& notes = pick(p->notes, p->notesEn, lang);
        if (!notes.empty()) {
            heading(ui(Ui::Notes, lang));
            line(notes, nullptr);
            const std::string& otherNotes = lang == geo::Language::En ? p->notes : p->notesEn;
            if (!otherNotes.empty() && otherNotes != notes) line(otherNotes, &kMuted);
        }
        if (!p->milestones.empty()) {
            heading(ui(Ui::Milestones, lang));
            for (const geo::Milestone& m : p->milestones) {
                ImGui::TextColored(kAccent, "%s", m.date.toString().c_str());
                all += m.date.toString() + "  ";
                ImGui::Indent(10 * s);
                line(pick(m.what, m.whatEn, lang), nullptr);
                const std::string& otherWhat = lang == geo::Language::En ? m.what : m.whatEn;
                if (!otherWhat.empty() && otherWhat != pick(m.what, m.whatEn, lang)) line(otherWhat, &kMuted);
                ImGui::Unindent(10 * s);
            }
        }
        if (!p->sources.empty()) {
            heading(ui(Ui::Sources, lang));
            for (const auto& ref : p->sources) {
                const geo::Source* src = briefing.findSource(ref.source);
                std::string t = src ? pick(src->title, src->titleEn, lang) : ref.source;
                if (!ref.section.empty()) t += std::string("  (") + ui(Ui::Section, lang) + " " + ref.section + ")";
                line(t, &kMuted);
            }
        }
        if (copy) ImGui::SetClipboardText(all.c_str());
    }
    ImGui::End();
    ImGui::PopFont();
    if (!open) m_selected.clear();
}

} // namespace app
