#pragma once
// The interface's own words in its three languages (繁體中文, 日本語, English): buttons, hints,
// section titles, the presenter window's. The briefing's words (kinds, the notes' headings)
// are geo's (geo/briefing/vocabulary.hpp).

#include <geo/briefing/briefing.hpp>

namespace app {

// Add a key here and a row in ui_text.cpp (the table's size is checked at compile time).
enum class Ui {
    Copy, CopyAll, ClickForNotes, ClickToZoom, SearchHint, NoMatch, Trips, Play, Pause, DaysPerSecond, Sites, Layers, AllYears,
    ShowPartnerships, ShowLabels, Sidebar, Stories,
    // The presenter window.
    Now, Next, LastStep, Elapsed, Blanked, GoToStep, StepsCut, StepsFly, PresenterKeys,
    // The live tools and rehearsal.
    LastTime, TimeLeft, OverTime, BehindPlan, Detour, ToolLaser, ToolSpotlight, ToolPen, ToolHighlighter, ToolColour, ToolUndo,
    ToolClear, ToolKeep, ToolBack, Target, NoTarget, TargetLess, TargetMore, ToolKeys, Count
};

const char* ui(Ui key, geo::Language language);

} // namespace app
