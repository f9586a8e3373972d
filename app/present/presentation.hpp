#pragma once
// Presentation mode: a story shown step by step on the projector. It holds the
// presenter's place (geo::StoryNavigator), and draws what the audience sees on top of
// the map (the caption, the step number, a black screen) and, on request, a small
// presenter overlay (this step, the next one, the clock).

#include "text/font_set.hpp"

#include <geo/briefing/briefing.hpp>
#include <geo/view/label_placement.hpp>
#include <geo/briefing/story_navigator.hpp>

#include <imgui.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

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
    void flash(std::string message);
    // True while something on screen changes by itself (the overlay's clock, a message fading).
    bool animating() const;

    bool reducedMotion = false;    // cut between steps instead of flying
    bool presenterOverlay = false; // the single-display presenter overlay (O)
    std::string fixedClock;        // --clock: the presenter's clock shows this, elapsed stays 0:00 (tests)

    // The caption, the step number, the typed number and the black screen, in the
    // foreground (above every panel). `left`/`right`: what panels cover (for centring).
    // Returns the boxes it covered (caption, step number), for labels to keep out of next frame.
    std::vector<geo::ScreenBox> drawAudience(const geo::Briefing& briefing, FontSet& fonts, geo::Language language,
                                             float scale) const;
    // How far up from the bottom of a `display`-sized screen the current step's caption
    // reaches (0 when there is none): camera framing keeps the step's places above it.
    float captionInset(const geo::Briefing& briefing, FontSet& fonts, geo::Language language, float scale,
                       ImVec2 display) const;
    // The presenter overlay: story, step n / N, this step's caption, the next one, the clock.
    void drawPresenterOverlay(const geo::Briefing& briefing, FontSet& fonts, geo::Language language, float scale) const;
    // The presenter window (a second display): step n / N, the clock and the time elapsed, this
    // step's caption and notes, the next step's caption, a blanked projector or a typed number.
    // Fills the current ImGui context's display.
    void drawPresenterView(const geo::Briefing& briefing, FontSet& fonts, geo::Language language, float scale) const;
    // "14:05:09" (or fixedClock) and "12:34" since presenting began.
    std::string clockText() const;
    std::string elapsedText() const;

private:
    // The caption's wrapped lines and its box, as drawAudience draws it.
    struct CaptionBox {
        ImFont* font = nullptr; // null: no caption (or no font)
        float size = 0, lineHeight = 0, pad = 0;
        std::vector<std::string_view> lines;
        ImVec2 min, max;
    };
    CaptionBox captionBox(const geo::StoryStep& step, FontSet& fonts, geo::Language language, float scale,
                          ImVec2 display) const;
    bool m_active = false;
    std::string m_storyId;
    geo::StoryNavigator m_nav;
    std::chrono::steady_clock::time_point m_started;
    std::string m_flash;
    std::chrono::steady_clock::time_point m_flashUntil;
};

// What the presenter reads about a step, from the briefing: the trip day's stops (time,
// place, what happened), the trip (dates, leader, notes) for a step on a whole trip, the
// site's or partnership's notes (with milestones), and the highlighted partnerships'.
struct NoteBlock {
    std::string heading;
    std::string text; // lines separated by '\n'
};
std::vector<NoteBlock> stepNotes(const geo::Briefing& briefing, const geo::StoryStep& step, geo::Language language);

// The caption of a step in `language` (Japanese shows the document's Chinese caption; an
// empty one falls back to the other language).
const std::string& stepCaption(const geo::StoryStep& step, geo::Language language);

} // namespace app
