#include "present/presentation.hpp"

#include "text/text_layout.hpp"
#include "text/ui_text.hpp"

#include <geo/briefing/trip_route.hpp>

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace app {

namespace {
constexpr ImU32 kInk = IM_COL32(15, 20, 30, 255);
const ImVec4 kMuted(0.33f, 0.37f, 0.42f, 1.0f);
const ImVec4 kAccent(0.10f, 0.30f, 0.55f, 1.0f);
} // namespace

const std::string& stepCaption(const geo::StoryStep& step, geo::Language language) {
    return pick(step.caption, step.captionEn, language);
}

void Presentation::flash(std::string message) {
    m_flash = std::move(message);
    m_flashUntil = std::chrono::steady_clock::now() + std::chrono::milliseconds(2500);
}

bool Presentation::animating() const {
    return m_active && (presenterOverlay || std::chrono::steady_clock::now() < m_flashUntil);
}

bool Presentation::start(const geo::Briefing& briefing, const std::string& storyId, std::size_t step) {
    const geo::Story* s = storyId.empty() ? (briefing.stories.empty() ? nullptr : &briefing.stories.front())
                                          : briefing.findStory(storyId);
    if (!s || s->steps.empty()) return false;
    m_storyId = s->id;
    m_nav.reset(s->steps.size());
    m_nav.first();
    if (step > 0 && !m_nav.jumpTo(step + 1))
        flash("no step " + std::to_string(step + 1) + " (1–" + std::to_string(m_nav.count()) + "): step 1");
    if (m_nav.blanked()) m_nav.toggleBlank();
    m_active = true;
    m_started = std::chrono::steady_clock::now();
    return true;
}

bool Presentation::reload(const geo::Briefing& briefing) {
    if (!m_active) return false;
    const geo::Story* s = story(briefing);
    if (!s || s->steps.empty()) {
        m_active = false;
        return false;
    }
    m_nav.reset(s->steps.size());
    return true;
}

const geo::StoryStep* Presentation::step(const geo::Briefing& briefing) const {
    const geo::Story* s = story(briefing);
    if (!s || m_nav.current() >= s->steps.size()) return nullptr;
    return &s->steps[m_nav.current()];
}

Presentation::CaptionBox Presentation::captionBox(const geo::StoryStep& step, FontSet& fonts, geo::Language language,
                                                  float s, ImVec2 display) const {
    CaptionBox box;
    const std::string& caption = stepCaption(step, language);
    ImFont* font = fonts.caption(Face::Tc); // captions are in the documents' Chinese or in English
    if (caption.empty() || !font) return box;
    fonts.require(caption);
    box.font = font;
    box.size = font->FontSize;
    box.lines = wrapLines(font, box.size, caption, display.x * 0.8f);
    float width = 0;
    for (auto line : box.lines)
        width = std::max(width, font->CalcTextSizeA(box.size, 1e9f, 0.0f, line.data(), line.data() + line.size()).x);
    box.lineHeight = box.size * 1.15f;
    const float height = box.lineHeight * static_cast<float>(box.lines.size());
    box.pad = 18.0f * s;
    const float bottom = display.y - 56.0f * s; // above the attribution and scale bar
    box.min = ImVec2((display.x - width) * 0.5f - box.pad, bottom - height - box.pad * 2);
    box.max = ImVec2((display.x + width) * 0.5f + box.pad, bottom);
    return box;
}

float Presentation::captionInset(const geo::Briefing& briefing, FontSet& fonts, geo::Language language, float s,
                                 ImVec2 display) const {
    const geo::StoryStep* current = m_active ? step(briefing) : nullptr;
    if (!current) return 0.0f;
    // Between frames the glyphs can be baked now, so that the caption is measured as it will
    // be drawn (a wrapped line more at 1280x720 than at 1920x1080).
    fonts.require(stepCaption(*current, language));
    if (!ImGui::GetIO().Fonts->Locked) fonts.rebuildIfNeeded();
    const CaptionBox box = captionBox(*current, fonts, language, s, display);
    if (!box.font) return 0.0f;
    return display.y - box.min.y;
}

std::vector<geo::ScreenBox> Presentation::drawAudience(const geo::Briefing& briefing, FontSet& fonts, geo::Language language,
                                                       float s) const {
    std::vector<geo::ScreenBox> covered;
    auto cover = [&](ImVec2 a, ImVec2 b) {
        geo::ScreenBox box;
        box.min = {static_cast<double>(a.x), static_cast<double>(a.y)};
        box.max = {static_cast<double>(b.x), static_cast<double>(b.y)};
        covered.push_back(box);
    };
    if (!m_active) return covered;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    if (m_nav.blanked()) return covered; // the viewer paints it black above everything
    const geo::Story* st = story(briefing);
    const geo::StoryStep* current = step(briefing);
    if (!st || !current) return covered;

    // The caption: large, dark on white, bottom centre, wrapped to at most 80 % of the width.
    const CaptionBox box = captionBox(*current, fonts, language, s, display);
    if (box.font) {
        dl->AddRectFilled(box.min, box.max, IM_COL32(255, 255, 255, 255), 10.0f * s);
        cover(box.min, box.max);
        dl->AddRect(box.min, box.max, IM_COL32(15, 20, 30, 255), 10.0f * s, 0, 3.0f * s);
        float y = box.min.y + box.pad;
        for (auto line : box.lines) {
            const float w = box.font->CalcTextSizeA(box.size, 1e9f, 0.0f, line.data(), line.data() + line.size()).x;
            dl->AddText(box.font, box.size, ImVec2((display.x - w) * 0.5f, y), kInk, line.data(), line.data() + line.size());
            y += box.lineHeight;
        }
    }

    // Where we are: "3 / 8", and a number being typed ("→ 12"), unless the presenter overlay shows it.
    std::string counter = std::to_string(m_nav.current() + 1) + " / " + std::to_string(m_nav.count());
    if (!m_nav.pending().empty()) counter += "   → " + m_nav.pending();
    fonts.require(counter);
    ImFont* small = fonts.large(Face::Tc);
    if (small && !presenterOverlay) {
        const float size = small->FontSize;
        const ImVec2 ext = small->CalcTextSizeA(size, 1e9f, 0.0f, counter.c_str(), counter.c_str() + counter.size());
        // Top left: the notes panel, when a step opens one, owns the right side.
        const ImVec2 p(24.0f * s, 16.0f * s);
        dl->AddRectFilled(ImVec2(p.x - 10 * s, p.y - 4 * s), ImVec2(p.x + ext.x + 10 * s, p.y + ext.y + 4 * s),
                          IM_COL32(255, 255, 255, 230), 6 * s);
        dl->AddText(small, size, p, kInk, counter.c_str(), counter.c_str() + counter.size());
        cover(ImVec2(p.x - 10 * s, p.y - 4 * s), ImVec2(p.x + ext.x + 10 * s, p.y + ext.y + 4 * s));
    }
    // A message for the presenter (a step that does not exist, reduced motion switched).
    if (std::chrono::steady_clock::now() < m_flashUntil && !m_flash.empty() && small) {
        fonts.require(m_flash);
        const float size = small->FontSize;
        const ImVec2 ext = small->CalcTextSizeA(size, 1e9f, 0.0f, m_flash.c_str(), m_flash.c_str() + m_flash.size());
        const ImVec2 p((display.x - ext.x) * 0.5f, display.y * 0.4f);
        dl->AddRectFilled(ImVec2(p.x - 16 * s, p.y - 8 * s), ImVec2(p.x + ext.x + 16 * s, p.y + ext.y + 8 * s),
                          IM_COL32(15, 20, 30, 235), 8 * s);
        dl->AddText(small, size, p, IM_COL32(255, 255, 255, 255), m_flash.c_str(), m_flash.c_str() + m_flash.size());
    }
    return covered;
}

void Presentation::drawPresenterOverlay(const geo::Briefing& briefing, FontSet& fonts, geo::Language language, float s) const {
    if (!m_active || !presenterOverlay) return;
    const geo::Story* st = story(briefing);
    const geo::StoryStep* current = step(briefing);
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
        const std::string& title = pick(st->title, st->titleEn, language);
        fonts.require(title);
        ImGui::TextColored(kAccent, "%s", title.c_str());
        // The clock and the time since the start: the presenter keeps to the slot.
        char line[96];
        std::snprintf(line, sizeof line, "%zu / %zu    %s    +%s", m_nav.current() + 1, m_nav.count(), clockText().c_str(),
                      elapsedText().c_str());
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
        if (m_nav.current() + 1 < st->steps.size()) {
            const geo::StoryStep& next = st->steps[m_nav.current() + 1];
            const std::string& nextCaption = stepCaption(next, language);
            const std::string label = std::string("▶ ") + nextCaption;
            fonts.require(label);
            ImGui::Spacing();
            ImGui::TextColored(kMuted, "%s", label.c_str());
        }
        ImGui::Separator();
        ImGui::TextColored(kMuted, "%s", reducedMotion ? "Reduced motion: steps cut (R: fly)" : "Steps fly (R: cut)");
        ImGui::TextColored(kMuted, "%s",
                           "PgDn / → / Space next · PgUp / ← back · Home first · B blank · 12 Enter: step 12 · "
                           "O this overlay · Esc leave");
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopFont();
}

std::string Presentation::clockText() const {
    if (!fixedClock.empty()) return fixedClock;
    const std::time_t now = std::time(nullptr);
    char clock[32];
    std::strftime(clock, sizeof clock, "%H:%M:%S", std::localtime(&now));
    return clock;
}

std::string Presentation::elapsedText() const {
    const long long elapsed =
        fixedClock.empty() ? std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - m_started).count() : 0;
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld", elapsed / 60, elapsed % 60);
    return text;
}

std::vector<NoteBlock> stepNotes(const geo::Briefing& briefing, const geo::StoryStep& step, geo::Language language) {
    std::vector<NoteBlock> out;
    std::vector<std::string> done; // ids already told about
    auto told = [&](const std::string& id) {
        if (std::find(done.begin(), done.end(), id) != done.end()) return true;
        done.push_back(id);
        return false;
    };
    auto siteName = [&](const std::string& id) {
        const geo::Site* site = briefing.findSite(id);
        return site ? std::string(geo::displayName(*site, language)) : id;
    };
    auto addSite = [&](const std::string& id) {
        const geo::Site* site = briefing.findSite(id);
        if (!site || told(id)) return;
        out.push_back({std::string(geo::displayName(*site, language)), pick(site->notes, site->notesEn, language)});
    };
    auto addPartnership = [&](const std::string& id) {
        const geo::Partnership* p = briefing.findPartnership(id);
        if (!p || told(id)) return;
        std::string text = pick(p->notes, p->notesEn, language);
        for (const geo::Milestone& m : p->milestones) {
            const std::string& what = pick(m.what, m.whatEn, language);
            if (what.empty()) continue;
            if (!text.empty()) text += '\n';
            text += m.date.toString() + "  " + what;
        }
        out.push_back({pick(p->name, p->nameEn, language), text});
    };
    if (const geo::Trip* trip = step.tripId.empty() ? nullptr : briefing.findTrip(step.tripId)) {
        told(trip->id);
        if (step.day > 0) {
            // The day's stops: when, where, what.
            const geo::TripRoute route = geo::buildTripRoute(briefing, *trip);
            std::string heading = ui(Ui::Day, language);
            if (const auto at = heading.find("%d"); at != std::string::npos) heading.replace(at, 2, std::to_string(step.day));
            if (static_cast<std::size_t>(step.day) <= route.days.size())
                heading += "  " + route.days[static_cast<std::size_t>(step.day - 1)].toString();
            std::string text;
            for (std::size_t i = 0; i < trip->stops.size() && i < route.stopDay.size(); ++i) {
                if (route.stopDay[i] != step.day - 1) continue;
                const geo::Stop& stop = trip->stops[i];
                std::string line;
                if (stop.startTime) {
                    line = stop.startTime->toString();
                    if (stop.endTime) line += "–" + stop.endTime->toString();
                    line += "  ";
                }
                line += siteName(stop.siteId);
                const std::string& what = pick(stop.what, stop.whatEn, language);
                if (!what.empty()) line += " — " + what;
                if (!text.empty()) text += '\n';
                text += line;
            }
            out.push_back({heading, text});
        } else {
            std::string text = trip->start.toString() + " – " + trip->end.toString();
            const std::string& leader = pick(trip->leader, trip->leaderEn, language);
            if (!leader.empty()) text += std::string("\n") + ui(Ui::Leader, language) + ": " + leader;
            const std::string& notes = pick(trip->notes, trip->notesEn, language);
            if (!notes.empty()) text += "\n" + notes;
            out.push_back({pick(trip->title, trip->titleEn, language), text});
        }
    }
    if (!step.siteId.empty()) addSite(step.siteId);
    if (!step.partnershipId.empty()) addPartnership(step.partnershipId);
    if (!step.notesId.empty()) {
        addSite(step.notesId);
        addPartnership(step.notesId);
    }
    for (const std::string& id : step.partnerships) addPartnership(id);
    out.erase(std::remove_if(out.begin(), out.end(), [](const NoteBlock& b) { return b.heading.empty() && b.text.empty(); }),
              out.end());
    return out;
}

void Presentation::drawPresenterView(const geo::Briefing& briefing, FontSet& fonts, geo::Language language, float s) const {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const geo::Story* st = story(briefing);
    const geo::StoryStep* current = step(briefing);
    // High contrast for a laptop beside a projector in a dim room: white on near-black.
    const ImVec4 white(1.0f, 1.0f, 1.0f, 1.0f);
    const ImVec4 muted(0.72f, 0.76f, 0.82f, 1.0f);
    const ImVec4 accent(1.0f, 0.80f, 0.25f, 1.0f);
    const ImVec4 alarm(1.0f, 0.35f, 0.30f, 1.0f);
    ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSize(display, ImGuiCond_Always);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.07f, 0.08f, 0.10f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.0f, 0.0f, 0.0f, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, white);
    ImGui::PushStyleColor(ImGuiCol_Separator, ImVec4(0.35f, 0.38f, 0.44f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarBg, ImVec4(0.0f, 0.0f, 0.0f, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(32.0f * s, 24.0f * s));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    const Face uiFace = faceFor(language);
    const Face text = Face::Tc; // captions and notes: the documents' Chinese, or English
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
        const std::string counter = std::to_string(m_nav.current() + 1) + " / " + std::to_string(m_nav.count());
        const std::string clock = clockText();
        const std::string elapsed = "+" + elapsedText() + " " + ui(Ui::Elapsed, language);
        fonts.require(counter + clock + elapsed);
        const float top = ImGui::GetCursorPosY();
        textIn(fonts.caption(text), accent, counter);
        if (st) {
            ImGui::SameLine(0.0f, 28.0f * s);
            ImGui::SetCursorPosY(top + 12.0f * s);
            const std::string& title = pick(st->title, st->titleEn, language);
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
        if (m_nav.blanked()) textIn(fonts.large(uiFace), alarm, ui(Ui::Blanked, language));
        if (!m_nav.pending().empty()) {
            std::string go = ui(Ui::GoToStep, language);
            if (const auto at = go.find("%s"); at != std::string::npos) go.replace(at, 2, m_nav.pending());
            textIn(fonts.large(uiFace), accent, go);
        }
        if (std::chrono::steady_clock::now() < m_flashUntil && !m_flash.empty()) textIn(fonts.label(uiFace), accent, m_flash);

        // Left: this step's caption and notes. Right: the next step.
        const float gap = 40.0f * s;
        const ImGuiStyle& style = ImGui::GetStyle();
        const float bottomRoom = small->FontSize + style.ItemSpacing.y * 3.0f + 2.0f; // the separator and the key line
        const float height = std::max(ImGui::GetContentRegionAvail().y - bottomRoom, 100.0f);
        const float leftWidth = (ImGui::GetContentRegionAvail().x - gap) * 0.66f;
        ImGui::BeginChild("now", ImVec2(leftWidth, height), false);
        textIn(small, muted, ui(Ui::Now, language));
        if (current) {
            wrappedIn(fonts.caption(text), white, stepCaption(*current, language));
            for (const NoteBlock& block : stepNotes(briefing, *current, language)) {
                ImGui::Dummy(ImVec2(0.0f, 10.0f * s));
                if (!block.heading.empty()) wrappedIn(fonts.label(text), accent, block.heading);
                // A paragraph a line (a stop of the day, a milestone), a little apart.
                for (std::size_t from = 0; from < block.text.size();) {
                    const std::size_t to = std::min(block.text.find('\n', from), block.text.size());
                    if (from > 0) ImGui::Dummy(ImVec2(0.0f, 4.0f * s));
                    wrappedIn(fonts.label(text), white, block.text.substr(from, to - from));
                    from = to + 1;
                }
            }
        }
        ImGui::EndChild();
        ImGui::SameLine(0.0f, gap);
        ImGui::BeginChild("next", ImVec2(0.0f, height), false);
        textIn(small, muted, ui(Ui::Next, language));
        if (st && current && m_nav.current() + 1 < st->steps.size()) {
            const geo::StoryStep& next = st->steps[m_nav.current() + 1];
            wrappedIn(fonts.large(text), muted, stepCaption(next, language));
            // What its notes are about (the day, the partnership), to lead into it.
            for (const NoteBlock& block : stepNotes(briefing, next, language))
                if (!block.heading.empty()) wrappedIn(fonts.label(text), muted, "· " + block.heading);
        } else
            wrappedIn(fonts.large(uiFace), muted, ui(Ui::LastStep, language));
        ImGui::EndChild();

        ImGui::Separator();
        wrappedIn(small, muted, std::string(ui(reducedMotion ? Ui::StepsCut : Ui::StepsFly, language)) + "   ·   " +
                                    ui(Ui::PresenterKeys, language));
    }
    ImGui::End();
    ImGui::PopFont();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(5);
}

} // namespace app
