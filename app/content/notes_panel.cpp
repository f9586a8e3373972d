// The notes panel (right) of the selected site or partnership, drawn from geo's notes model,
// and the tooltips of what the pointer is over.
#include "content/content_view.hpp"

#include "text/font_set.hpp"
#include "text/imgui_text.hpp"
#include "text/ui_text.hpp"

#include <geo/briefing/notes.hpp>
#include <geo/briefing/vocabulary.hpp>

#include <algorithm>

namespace app {

void ContentView::drawTooltip(const PanelContext& ctx) {
    const geo::ContentHover& hover = ctx.layout.hover;
    if (hover.kind == geo::ContentHover::Kind::None || !ctx.cursor) return;
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (hover.kind == geo::ContentHover::Kind::EdgeArrow) return;
    const geo::Briefing& b = ctx.document.briefing();
    const geo::Language lang = state.language;
    FontSet& fonts = ctx.fonts;
    const float s = ctx.scale;
    const ImVec4 muted = toImGuiColour(ctx.palette.interface.muted);
    // At the pointer we were given, not ImGui's idea of the mouse: the same in screenshots and tests.
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(ctx.cursor->x) + 18 * s, static_cast<float>(ctx.cursor->y) + 18 * s));
    if (hover.kind == geo::ContentHover::Kind::Link) {
        const geo::Partnership* p = b.findPartnership(hover.id);
        if (!p) return;
        const std::string& name = geo::pickText(p->name, p->nameEn, lang);
        const char* kind = geo::partnershipKindLabel(p->kind, lang);
        fonts.require(name);
        fonts.require(kind);
        ImGui::BeginTooltip();
        ImGui::PushFont(fonts.ui());
        ImGui::PushTextWrapPos(420.0f * s);
        ImGui::TextUnformatted(name.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TextColored(toImGuiColour(ctx.palette.link(p->kind).colour), "%s", kind);
        ImGui::TextColored(muted, "%s", ui(Ui::ClickForNotes, lang));
        ImGui::PopFont();
        ImGui::EndTooltip();
        return;
    }
    if (hover.cluster >= ctx.layout.hits.clusters.size()) return;
    const geo::ScreenCluster& cluster = ctx.layout.hits.clusters[hover.cluster];
    const geo::Site& site = b.sites[cluster.leader];
    const std::string name(geo::displayName(site, lang));
    std::vector<std::string> others;
    for (const std::string* n : {&site.nameZh, &site.nameJa, &site.nameEn})
        if (!n->empty() && *n != name && std::find(others.begin(), others.end(), *n) == others.end()) others.push_back(*n);
    const std::string kind = geo::kindLabel(site.kind, lang);
    const std::string hint = cluster.members.size() > 1 ? ui(Ui::ClickToZoom, lang) : ui(Ui::ClickForNotes, lang);
    fonts.require(name);
    for (const auto& o : others) fonts.require(o);
    fonts.require(kind);
    fonts.require(hint);
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts.large(geo::faceOf(geo::displayLanguage(site, lang))));
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts.ui());
    for (const auto& o : others) {
        ImGui::PushFont(fonts.ui(o == site.nameJa ? geo::Face::Japanese : geo::Face::Chinese));
        ImGui::TextUnformatted(o.c_str());
        ImGui::PopFont();
    }
    ImGui::TextColored(toImGuiColour(ctx.palette.interface.accent), "%s", kind.c_str());
    if (cluster.members.size() > 1) {
        // The places grouped under this marker.
        const std::size_t shown = std::min<std::size_t>(cluster.members.size(), 9);
        for (std::size_t k = 1; k < shown; ++k) {
            const geo::Site& m = b.sites[cluster.members[k]];
            const std::string n(geo::displayName(m, lang));
            fonts.require(n);
            ImGui::PushFont(fonts.ui(geo::faceOf(geo::displayLanguage(m, lang))));
            ImGui::BulletText("%s", n.c_str());
            ImGui::PopFont();
        }
        if (cluster.members.size() > shown) ImGui::TextColored(muted, "+%zu", cluster.members.size() - shown);
    }
    ImGui::TextColored(muted, "%s", hint.c_str());
    ImGui::PopFont();
    ImGui::EndTooltip();
}

void ContentView::drawNotes(const PanelContext& ctx) {
    if (!ctx.panels.hasNotes()) return;
    const geo::Briefing& b = ctx.document.briefing();
    const geo::Language lang = state.language;
    geo::Notes notes;
    std::string windowId;
    if (const geo::Site* site = b.findSite(state.selectedSite)) {
        notes = geo::siteNotes(b, *site, lang);
        windowId = "###briefing-notes-";
    } else if (const geo::Partnership* p = b.findPartnership(state.selectedPartnership)) {
        notes = geo::partnershipNotes(b, *p, lang);
        windowId = "###partnership-notes-";
    } else {
        return;
    }
    FontSet& fonts = ctx.fonts;
    for (const geo::NoteBlock& block : notes.blocks) {
        fonts.require(block.text);
        fonts.require(block.label);
    }
    const char* copy = ui(Ui::Copy, lang);
    const char* copyAll = ui(Ui::CopyAll, lang);
    fonts.require(copy);
    fonts.require(copyAll);
    const float s = ctx.scale;
    const ImVec4 muted = toImGuiColour(ctx.palette.interface.muted), accent = toImGuiColour(ctx.palette.interface.accent);
    const geo::ScreenBox& panel = ctx.panels.notes;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(panel.min.x), static_cast<float>(panel.min.y)), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(panel.max.x - panel.min.x), static_cast<float>(panel.max.y - panel.min.y)),
                             ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(1.0f);
    // One window per site or partnership (the id after ###): each keeps its own scroll position.
    const std::string title = notes.title + windowId + notes.id;
    fonts.require(title);
    bool open = true;
    ImGui::PushFont(fonts.ui());
    if (ImGui::Begin(title.c_str(), &open,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::SmallButton(copyAll)) ImGui::SetClipboardText(geo::plainText(notes).c_str());
        int id = 0;
        using St = geo::NoteBlock::Style;
        for (const geo::NoteBlock& block : notes.blocks) {
            ImGui::PushID(id++);
            const bool ownFace = block.face != geo::Face::Interface && block.style != St::Title;
            if (ownFace) ImGui::PushFont(fonts.ui(block.face));
            if (block.indented) ImGui::Indent(10 * s);
            switch (block.style) {
            case St::Title:
                ImGui::PushFont(fonts.large(block.face));
                wrapped(block.text);
                ImGui::PopFont();
                break;
            case St::Subtle: wrappedColoured(muted, block.text); break;
            case St::Heading:
                ImGui::Spacing();
                ImGui::Separator();
                ImGui::TextColored(accent, "%s", block.text.c_str());
                if (!block.label.empty()) {
                    ImGui::SameLine();
                    if (ImGui::SmallButton(copy)) ImGui::SetClipboardText(block.label.c_str());
                }
                break;
            case St::Field:
                ImGui::TextColored(muted, "%s", block.label.c_str());
                ImGui::SameLine();
                wrapped(block.text);
                break;
            case St::Body: wrapped(block.text); break;
            case St::Muted: wrappedColoured(muted, block.text); break;
            case St::Item:
                ImGui::Indent();
                wrapped(block.text);
                ImGui::Unindent();
                break;
            case St::ItemMuted:
                ImGui::Indent();
                wrappedColoured(muted, block.text);
                ImGui::Unindent();
                break;
            case St::KindTag: wrappedColoured(toImGuiColour(ctx.palette.link(block.kind).colour), block.text); break;
            case St::Link:
                if (ImGui::Selectable(block.text.c_str(), false) && !block.label.empty()) openSite(ctx, block.label, false);
                break;
            case St::Date: ImGui::TextColored(accent, "%s", block.text.c_str()); break;
            case St::Spacing:
            case St::Gap: ImGui::Spacing(); break;
            }
            if (block.indented) ImGui::Unindent(10 * s);
            if (ownFace) ImGui::PopFont();
            ImGui::PopID();
        }
    }
    ImGui::End();
    ImGui::PopFont();
    if (!open) geo::clearSelection(state);
}

} // namespace app
