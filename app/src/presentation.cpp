#include "presentation.hpp"

#include "text_layout.hpp"
#include "ui_text.hpp"

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
    const std::string& caption = stepCaption(*current, language);
    const Face face = Face::Tc; // captions are in the documents' Chinese or in English
    ImFont* font = fonts.caption(face);
    if (!caption.empty() && font) {
        fonts.require(caption);
        const float size = font->FontSize;
        const float maxWidth = display.x * 0.8f;
        const auto lines = wrapLines(font, size, caption, maxWidth);
        float width = 0;
        for (auto line : lines)
            width = std::max(width, font->CalcTextSizeA(size, 1e9f, 0.0f, line.data(), line.data() + line.size()).x);
        const float lineHeight = size * 1.15f;
        const float height = lineHeight * static_cast<float>(lines.size());
        const float pad = 18.0f * s;
        const float bottom = display.y - 56.0f * s; // above the attribution and scale bar
        const ImVec2 p0((display.x - width) * 0.5f - pad, bottom - height - pad * 2);
        const ImVec2 p1((display.x + width) * 0.5f + pad, bottom);
        dl->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 255), 10.0f * s);
        cover(p0, p1);
        dl->AddRect(p0, p1, IM_COL32(15, 20, 30, 255), 10.0f * s, 0, 3.0f * s);
        float y = p0.y + pad;
        for (auto line : lines) {
            const float w = font->CalcTextSizeA(size, 1e9f, 0.0f, line.data(), line.data() + line.size()).x;
            dl->AddText(font, size, ImVec2((display.x - w) * 0.5f, y), kInk, line.data(), line.data() + line.size());
            y += lineHeight;
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
        const std::time_t now = std::time(nullptr);
        char clock[32];
        std::strftime(clock, sizeof clock, "%H:%M:%S", std::localtime(&now));
        const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - m_started).count();
        char line[96];
        std::snprintf(line, sizeof line, "%zu / %zu    %s    +%lld:%02lld", m_nav.current() + 1, m_nav.count(), clock,
                      static_cast<long long>(elapsed / 60), static_cast<long long>(elapsed % 60));
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

} // namespace app
