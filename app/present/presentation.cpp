#include "present/presentation.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <ctime>

namespace app {

void Presentation::flash(std::string message, bool presenterOnly) {
    spdlog::debug("presenter: {}", message);
    m_flash = std::move(message);
    m_flashPresenterOnly = presenterOnly;
    m_flashUntil = std::chrono::steady_clock::now() + std::chrono::milliseconds(2500);
}

std::string Presentation::currentFlash() const { return std::chrono::steady_clock::now() < m_flashUntil ? m_flash : std::string(); }

bool Presentation::animating() const { return m_active && (presenterOverlay || std::chrono::steady_clock::now() < m_flashUntil); }

bool Presentation::start(const geo::Briefing& briefing, const std::string& storyId, std::size_t step) {
    const geo::Story* s = storyId.empty() ? (briefing.stories.empty() ? nullptr : &briefing.stories.front()) : briefing.findStory(storyId);
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

std::string Presentation::clockText() const {
    if (!fixedClock.empty()) return fixedClock;
    const std::time_t now = std::time(nullptr);
    char clock[32];
    std::strftime(clock, sizeof clock, "%H:%M:%S", std::localtime(&now));
    return clock;
}

double Presentation::elapsedSeconds() const {
    return fixedClock.empty() ? std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count() : 0.0;
}

std::string Presentation::elapsedText() const {
    const auto elapsed = static_cast<long long>(elapsedSeconds());
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld", elapsed / 60, elapsed % 60);
    return text;
}

geo::AudienceInput Presentation::audience(const geo::Briefing& briefing, geo::Language language, float scale, glm::vec2 display) const {
    geo::AudienceInput in;
    if (!m_active) return in;
    in.step = step(briefing);
    in.current = m_nav.current();
    in.count = m_nav.count();
    in.pending = m_nav.pending();
    in.blanked = m_nav.blanked();
    in.presenterOverlay = presenterOverlay;
    in.flash = m_flashPresenterOnly && presenterWindow ? std::string() : currentFlash();
    in.language = language;
    in.scale = scale;
    in.display = display;
    return in;
}

} // namespace app
