#include "present/presenter_view.hpp"

#include "content/content_view.hpp"
#include "present/presentation.hpp"
#include "present/presenter_tools.hpp"
#include "text/font_set.hpp"
#include "text/imgui_text.hpp"
#include "text/ui_text.hpp"

#include <geo/briefing/notes.hpp>
#include <geo/view/audience_layout.hpp>

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>

namespace app {

namespace {

std::string withValue(Ui key, geo::Language language, const std::string& value) {
    std::string text = ui(key, language);
    if (const auto at = text.find("%s"); at != std::string::npos) text.replace(at, 2, value);
    return text;
}

// "last time 1:40" for the step shown (empty when the last run did not time it).
std::string lastTimeText(const PresenterTools& tools, std::size_t step, geo::Language language) {
    const double last = tools.lastTime(step);
    return last > 0.0 ? withValue(Ui::LastTime, language, geo::formatDuration(last)) : std::string();
}

// The countdown to the target and how far behind plan, in the pace's colour (empty: no target).
struct Countdown {
    std::string text;
    geo::PlanStatus::Pace pace = geo::PlanStatus::Pace::OnPlan;
};
Countdown countdown(const PresenterTools& tools, geo::Language language) {
    Countdown out;
    if (!tools.target()) return out;
    const geo::PlanStatus plan = tools.plan();
    out.pace = plan.pace;
    out.text = plan.remaining >= 0.0 ? withValue(Ui::TimeLeft, language, geo::formatDuration(plan.remaining))
                                     : withValue(Ui::OverTime, language, geo::formatDuration(-plan.remaining));
    if (plan.behind > 0.0) out.text += " · " + withValue(Ui::BehindPlan, language, geo::formatDuration(plan.behind));
    return out;
}

ImVec4 paceColour(geo::PlanStatus::Pace pace, const ImVec4& onPlan) {
    switch (pace) {
    case geo::PlanStatus::Pace::Behind: return ImVec4(1.0f, 0.75f, 0.0f, 1.0f); // amber
    case geo::PlanStatus::Pace::Late: return ImVec4(1.0f, 0.33f, 0.28f, 1.0f);  // red
    default: return onPlan;
    }
}

// The tools' buttons (the same as their keys); the one on is shown in `on` with `onText`.
struct ToolColours {
    ImVec4 button, text, on, onText;
};
void toolBar(PresenterTools& tools, geo::Language language, FontSet& fonts, const ToolColours& c, float s) {
    const geo::LiveTools& live = tools.live();
    struct Button {
        Ui label;
        StoryCommand command;
        bool active;
    };
    const Button buttons[] = {
        {Ui::ToolLaser, StoryCommand::Laser, live.mode == geo::PointerMode::Laser},
        {Ui::ToolSpotlight, StoryCommand::Spotlight, live.spotlight.on()},
        {Ui::ToolPen, StoryCommand::Pen, live.mode == geo::PointerMode::Pen},
        {Ui::ToolHighlighter, StoryCommand::Highlighter, live.mode == geo::PointerMode::Highlighter},
        {Ui::ToolColour, StoryCommand::InkColour, false},
        {Ui::ToolUndo, StoryCommand::UndoInk, false},
        {Ui::ToolClear, StoryCommand::ClearInk, false},
        {Ui::ToolKeep, StoryCommand::KeepInk, false},
        {Ui::ToolBack, StoryCommand::BackToStep, tools.onDetour()},
    };
    float x = 0.0f;
    const float room = ImGui::GetContentRegionAvail().x;
    // Beside the last button, or on a new row when it would not fit.
    auto place = [&](const char* label) {
        fonts.require(label);
        const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f;
        if (x > 0.0f && x + w < room) ImGui::SameLine(0.0f, 8.0f * s);
        else x = 0.0f;
        x += w + 8.0f * s;
    };
    for (const Button& b : buttons) {
        const char* label = ui(b.label, language);
        place(label);
        const ImVec4 bg = b.active ? c.on : c.button;
        ImGui::PushStyleColor(ImGuiCol_Button, bg);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(std::min(bg.x + 0.12f, 1.0f), std::min(bg.y + 0.12f, 1.0f), std::min(bg.z + 0.12f, 1.0f), 1.0f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.on);
        ImGui::PushStyleColor(ImGuiCol_Text, b.active ? c.onText : c.text);
        if (ImGui::Button(label)) tools.command(b.command);
        ImGui::PopStyleColor(4);
    }
    // The talk's target, 5 minutes shorter or longer (from what is left now when there is none).
    for (const Ui key : {Ui::TargetLess, Ui::TargetMore}) {
        const char* label = ui(key, language);
        place(label);
        ImGui::PushStyleColor(ImGuiCol_Button, c.button);
        ImGui::PushStyleColor(ImGuiCol_Text, c.text);
        if (ImGui::Button(label)) tools.changeTarget(key == Ui::TargetMore ? 300.0 : -300.0);
        ImGui::PopStyleColor(2);
    }
}

} // namespace

void drawPresenterOverlay(const Presentation& presentation, PresenterTools& tools, const geo::Briefing& briefing, FontSet& fonts,
                          const geo::Palette& palette, geo::Language language, float s) {
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
        const std::string last = lastTimeText(tools, nav.current(), language);
        const Countdown left = countdown(tools, language);
        if (!last.empty() || !left.text.empty()) {
            const std::string timing = last + (last.empty() || left.text.empty() ? "" : "    ") + left.text;
            fonts.require(timing);
            ImGui::TextColored(paceColour(left.pace, kMuted), "%s", timing.c_str());
        }
        if (tools.onDetour()) {
            const char* detour = ui(Ui::Detour, language);
            fonts.require(detour);
            ImGui::TextColored(kAccent, "%s", detour);
        }
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
        ImGui::Separator();
        toolBar(tools, language, fonts,
                {toImGuiColour(palette.interface.panel), toImGuiColour(palette.map.ink), kAccent, ImVec4(1.0f, 1.0f, 1.0f, 1.0f)}, s);
    }
    ImGui::End();
    ImGui::PopFont();
}

void drawPresenterView(const Presentation& presentation, PresenterTools& tools, const geo::Briefing& briefing, FontSet& fonts,
                       const geo::Palette& palette, geo::Language language, float s, const NextPicture& picture) {
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
        // Rehearsal: the countdown to the target (amber, then red, behind plan) and this step's last time.
        const Countdown left = countdown(tools, language);
        if (!left.text.empty()) {
            const float w = elapsedFont->CalcTextSizeA(elapsedFont->FontSize, 1e9f, 0.0f, left.text.c_str()).x;
            ImGui::SetCursorPosX(display.x - 32.0f * s - w);
            textIn(elapsedFont, paceColour(left.pace, white), left.text);
        }
        if (const std::string last = lastTimeText(tools, nav.current(), language); !last.empty()) textIn(elapsedFont, muted, last);
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
        if (tools.onDetour()) textIn(fonts.large(uiFace), accent, ui(Ui::Detour, language));

        // Left: this step's caption and notes. Right: the next step.
        const float gap = 40.0f * s;
        const ImGuiStyle& style = ImGui::GetStyle();
        // The separator, the key line, the tools' buttons and their keys.
        const float bottomRoom = small->FontSize * 2.0f + fonts.label(uiFace)->FontSize + style.FramePadding.y * 2.0f +
                                 style.ItemSpacing.y * 7.0f + 4.0f;
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
            // What the projector will show (the map, its highlights), then the caption.
            if (picture.texture && picture.width > 0) {
                const float w = ImGui::GetContentRegionAvail().x;
                const float h = w * static_cast<float>(picture.height) / static_cast<float>(picture.width);
                ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(picture.texture)), ImVec2(w, h), ImVec2(0, 1),
                             ImVec2(1, 0), ImVec4(1, 1, 1, 1), toImGuiColour(palette.presenter.rule));
                ImGui::Spacing();
            }
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
        ImGui::PushFont(fonts.label(uiFace));
        toolBar(tools, language, fonts, {toImGuiColour(palette.presenter.rule), white, accent, toImGuiColour(palette.presenter.background)}, s);
        ImGui::PopFont();
        wrappedIn(small, muted, ui(Ui::ToolKeys, language));
    }
    ImGui::End();
    ImGui::PopFont();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(5);
}

} // namespace app
