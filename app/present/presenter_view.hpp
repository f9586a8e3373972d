#pragma once
// What the presenter reads while presenting: the presenter window on the laptop's display
// (step n / N, the clock and the time elapsed, this step's caption and notes, the next step's),
// or with one display the small presenter overlay (O) over the map.

#include <geo/briefing/briefing.hpp>
#include <geo/view/palette.hpp>

namespace app {

class FontSet;
class Presentation;
class PresenterTools;

// The overlay: story, step n / N, this step's caption, the next one, the clock.
// With the tools' buttons, the detour note, the last run's time and the countdown.
void drawPresenterOverlay(const Presentation& presentation, PresenterTools& tools, const geo::Briefing& briefing, FontSet& fonts,
                          const geo::Palette& palette, geo::Language language, float scale);
// A picture of the next step (a GL texture, rows bottom-up; 0: none).
struct NextPicture {
    unsigned texture = 0;
    int width = 0, height = 0;
};

// The presenter window's contents, filling the current ImGui context's display: white on
// near-black at 30 to 48 px; a blanked projector and a step number being typed stand out.
void drawPresenterView(const Presentation& presentation, PresenterTools& tools, const geo::Briefing& briefing, FontSet& fonts,
                       const geo::Palette& palette, geo::Language language, float scale, const NextPicture& next = {});

} // namespace app
