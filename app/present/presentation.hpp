#pragma once
// Presentation mode's place in a story: the story and its step (geo::StoryNavigator), the
// presenter's clock, and a short message to the presenter. What the audience sees of it is
// laid out by geo::layoutAudience; the presenter's own views are in presenter_view.hpp.

#include <geo/briefing/briefing.hpp>
#include <geo/briefing/story_navigator.hpp>
#include <geo/view/audience_layout.hpp>

#include <glm/vec2.hpp>

#include <chrono>
#include <string>

namespace app {

class Presentation {
public:
    bool active() const { return m_active; }
    // Starts `storyId` (the first story when empty) at step `step` (0-based). False when
    // the briefing has no such story (or none at all).
    bool start(const geo::Briefing& briefing, const std::string& storyId, std::size_t step = 0);
    void stop() { m_active = false; }
    // The content was reloaded: keep the place when the story still exists, else stop.
    // True when presentation goes on.
    bool reload(const geo::Briefing& briefing);

    const geo::Story* story(const geo::Briefing& briefing) const { return briefing.findStory(m_storyId); }
    const geo::StoryStep* step(const geo::Briefing& briefing) const;
    const std::string& storyId() const { return m_storyId; }
    geo::StoryNavigator& navigator() { return m_nav; }
    const geo::StoryNavigator& navigator() const { return m_nav; }

    // A short message to the presenter on screen for a few seconds ("no step 12 (1–7)").
    // `presenterOnly` (the tools' "laser on"): not on the projector while a presenter window shows it.
    void flash(std::string message, bool presenterOnly = false);
    // The message while it shows ("" when none).
    std::string currentFlash() const;
    // True while something on screen changes by itself (the overlay's clock, a message fading).
    bool animating() const;

    bool reducedMotion = false;    // cut between steps instead of flying
    bool presenterOverlay = false; // the single-display presenter overlay (O)
    bool presenterWindow = false;  // a presenter window is open (the shell says)
    std::string fixedClock;        // --clock: the presenter's clock shows this, elapsed stays 0:00 (tests)

    // "14:05:09" (or fixedClock) and "12:34" since presenting began.
    std::string clockText() const;
    std::string elapsedText() const;
    // Seconds since presenting began (0 with fixedClock).
    double elapsedSeconds() const;

    // What the audience sees over the map now, for geo::layoutAudience.
    geo::AudienceInput audience(const geo::Briefing& briefing, geo::Language language, float scale, glm::vec2 display) const;

private:
    bool m_active = false;
    std::string m_storyId;
    geo::StoryNavigator m_nav;
    std::chrono::steady_clock::time_point m_started;
    std::string m_flash;
    bool m_flashPresenterOnly = false;
    std::chrono::steady_clock::time_point m_flashUntil;
};

} // namespace app
