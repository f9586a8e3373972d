#include "present/presenter_view.hpp"

#include "content/content_view.hpp"
#include "present/presentation.hpp"
#include "text/font_set.hpp"
#include "text/imgui_text.hpp"
#include "text/ui_text.hpp"

#include <geo/briefing/notes.hpp>
#include <geo/view/audience_layout.hpp>

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace app {

void drawPresenterOverlay(const Presentation& presentation, const geo::Briefing& briefing, FontSet& fonts, const geo::Palette& palette,
                          geo::Language language, float s) {
    if (!presentation.active() || !presentation.presenterOverlay) return;
    const geo::Story* st = presentation.story(briefing);
    const geo::StoryStep* current = presentation.step(briefing);
    const geo::StoryNavigator& nav = presentation.navigator();
    const ImVec4 kMuted = toImGuiColour(palette.interface.muted), kAccent = toImGuiColour(palette.interface.accent);
    if (!st || !current) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(520.0f * s, display.x * 0.45f);
    ImGui::SetNextWindowPos(ImVec2(16.0f * s, 16.0f * s), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.97f);
    ImGui::PushFont(fonts.ui());
    if (ImGui::Begin("Presenter###presenter", nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        const std::string& title = geo::pickText(st->title, st->titleEn, language);
        fonts.require(title);
        ImGui::TextColored(kAccent, "%s", title.c_str());
        // The clock and the time since the start: the presenter keeps to the slot.
        char line[96];
        std::snprintf(line, sizeof line, "%zu / %zu    %s    +%s", nav.current() + 1, nav.count(), presentation.clockText().c_str(),
                      presentation.elapsedText().c_str());
        ImGui::PushFont(fonts.large());
        ImGui::TextUnformatted(line);
        ImGui::PopFont();
        ImGui::Separator();
        ImGui::PushTextWrapPos(width - 20.0f * s);
        for (const std::string* text : {&current->caption, &current->captionEn}) {
            if (text->empty()) continue;
            fonts.require(*text);
            ImGui::TextUnformatted(text->c_str());
        }
        if (nav.current() + 1 < st->steps.size()) {
            const geo::StoryStep& next = st->steps[nav.current() + 1];
            const std::string& nextCaption = geo::stepCaption(next, language);
            const std::string label = std::string("▶ ") + nextCaption;
            fonts.require(label);
            ImGui::Spacing();
            ImGui::TextColored(kMuted, "%s", label.c_str());
        }
        ImGui::Separator();
        ImGui::TextColored(kMuted, "%s", presentation.reducedMotion ? "Reduced motion: steps cut (R: fly)" : "Steps fly (R: cut)");
        ImGui::TextColored(kMuted, "%s",
                           "PgDn / → / Space next · PgUp / ← back · Home first · B blank · 12 Enter: step 12 · "
                           "O this overlay · Esc leave");
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopFont();
}

void drawPresenterView(const Presentation& presentation, const geo::Briefing& briefing, FontSet& fonts, const geo::Palette& palette,
                       geo::Language language, float s) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const geo::Story* st = presentation.story(briefing);
    const geo::StoryStep* current = presentation.step(briefing);
    const geo::StoryNavigator& nav = presentation.navigator();
    // High contrast for a laptop beside a projector in a dim room: white on near-black.
    const ImVec4 white = toImGuiColour(palette.presenter.text);
    const ImVec4 muted = toImGuiColour(palette.presenter.muted);
    const ImVec4 accent = toImGuiColour(palette.presenter.accent);
    const ImVec4 alarm = toImGuiColour(palette.presenter.alarm);
    ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSize(display, ImGuiCond_Always);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, toImGuiColour(palette.presenter.background));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.0f, 0.0f, 0.0f, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, white);
    ImGui::PushStyleColor(ImGuiCol_Separator, toImGuiColour(palette.presenter.rule));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarBg, ImVec4(0.0f, 0.0f, 0.0f, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(32.0f * s, 24.0f * s));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    const geo::Face uiFace = geo::faceOf(language);
    const geo::Face text = geo::Face::Chinese; // captions and notes: the documents' Chinese, or English
    ImGui::PushFont(fonts.ui(uiFace));
    if (ImGui::Begin("###presenter-view", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus)) {
        auto textIn = [&](ImFont* font, const ImVec4& colour, const std::string& t) {
            fonts.require(t);
            ImGui::PushFont(font);
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextUnformatted(t.c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
        };
        auto wrappedIn = [&](ImFont* font, const ImVec4& colour, const std::string& t) {
            fonts.require(t);
            ImGui::PushFont(font);
            wrappedColoured(colour, t); // breaks Chinese and Japanese between characters too
            ImGui::PopFont();
        };
        // Top: the step number and the story, the clock and the time since presenting began.
        const std::string counter = std::to_string(nav.current() + 1) + " / " + std::to_string(nav.count());
        const std::string clock = presentation.clockText();
        const std::string elapsed = "+" + presentation.elapsedText() + " " + ui(Ui::Elapsed, language);
        fonts.require(counter + clock + elapsed);
        const float top = ImGui::GetCursorPosY();
        textIn(fonts.caption(text), accent, counter);
        if (st) {
            ImGui::SameLine(0.0f, 28.0f * s);
            ImGui::SetCursorPosY(top + 12.0f * s);
            const std::string& title = geo::pickText(st->title, st->titleEn, language);
            ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                                ImVec2(display.x * 0.68f, ImGui::GetCursorScreenPos().y + 60.0f * s), true);
            textIn(fonts.label(text), muted, title);
            ImGui::PopClipRect();
        }
        ImFont* clockFont = fonts.caption(text);
        const float clockWidth = clockFont->CalcTextSizeA(clockFont->FontSize, 1e9f, 0.0f, clock.c_str()).x;
        ImGui::SetCursorPos(ImVec2(display.x - 32.0f * s - clockWidth, top));
        textIn(clockFont, white, clock);
        ImFont* small = fonts.ui(uiFace);
        ImFont* elapsedFont = fonts.label(uiFace);
        const float elapsedWidth = elapsedFont->CalcTextSizeA(elapsedFont->FontSize, 1e9f, 0.0f, elapsed.c_str()).x;
        ImGui::SetCursorPosX(display.x - 32.0f * s - elapsedWidth);
        textIn(elapsedFont, muted, elapsed);
        ImGui::Separator();
        ImGui::Spacing();

        // Status the presenter must not miss: a black projector, a step number being typed.
        if (nav.blanked()) textIn(fonts.large(uiFace), alarm, ui(Ui::Blanked, language));
        if (!nav.pending().empty()) {
            std::string go = ui(Ui::GoToStep, language);
            if (const auto at = go.find("%s"); at != std::string::npos) go.replace(at, 2, nav.pending());
            textIn(fonts.large(uiFace), accent, go);
        }
        if (const std::string flash = presentation.currentFlash(); !flash.empty()) textIn(fonts.label(uiFace), accent, flash);

        // Left: this step's caption and notes. Right: the next step.
        const float gap = 40.0f * s;
        const ImGuiStyle& style = ImGui::GetStyle();
        const float bottomRoom = small->FontSize + style.ItemSpacing.y * 3.0f + 2.0f; // the separator and the key line
        const float height = std::max(ImGui::GetContentRegionAvail().y - bottomRoom, 100.0f);
        const float leftWidth = (ImGui::GetContentRegionAvail().x - gap) * 0.66f;
        ImGui::BeginChild("now", ImVec2(leftWidth, height), false);
        textIn(small, muted, ui(Ui::Now, language));
        if (current) {
            wrappedIn(fonts.caption(text), white, geo::stepCaption(*current, language));
            // A heading per subject; a paragraph a line (a stop of the day, a milestone), a little apart.
            bool first = true;
            for (const geo::NoteBlock& block : geo::stepNotes(briefing, *current, language).blocks) {
                if (block.style == geo::NoteBlock::Style::Heading) {
                    ImGui::Dummy(ImVec2(0.0f, 10.0f * s));
                    wrappedIn(fonts.label(block.face), accent, block.text);
                    first = true;
                    continue;
                }
                if (!first) ImGui::Dummy(ImVec2(0.0f, 4.0f * s));
                wrappedIn(fonts.label(block.face), white, block.text);
                first = false;
            }
        }
        ImGui::EndChild();
        ImGui::SameLine(0.0f, gap);
        ImGui::BeginChild("next", ImVec2(0.0f, height), false);
        textIn(small, muted, ui(Ui::Next, language));
        if (st && current && nav.current() + 1 < st->steps.size()) {
            const geo::StoryStep& next = st->steps[nav.current() + 1];
            wrappedIn(fonts.large(text), muted, geo::stepCaption(next, language));
            // What its notes are about (the day, the partnership), to lead into it.
            for (const geo::NoteBlock& block : geo::stepNotes(briefing, next, language).blocks)
                if (block.style == geo::NoteBlock::Style::Heading && !block.text.empty())
                    wrappedIn(fonts.label(block.face), muted, "· " + block.text);
        } else
            wrappedIn(fonts.large(uiFace), muted, ui(Ui::LastStep, language));
        ImGui::EndChild();

        ImGui::Separator();
        wrappedIn(small, muted, std::string(ui(presentation.reducedMotion ? Ui::StepsCut : Ui::StepsFly, language)) + "   ·   " +
                                    ui(Ui::PresenterKeys, language));
    }
    ImGui::End();
    ImGui::PopFont();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(5);
}

} // namespace app
