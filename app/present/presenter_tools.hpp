#pragma once
// The presenter's live tools in the running viewer: what their keys and the mouse do while
// presenting (laser, spotlight, pen and highlighter, the zoom box, detour and return), the
// step as it was shown, and the rehearsal clock with its timings file. The tools' state and
// what the audience sees of it are geo's (geo/present/); this is the glue to the session.

#include "present/story_keys.hpp"

#include <geo/present/detour.hpp>
#include <geo/present/live_tools.hpp>
#include <geo/present/rehearsal.hpp>

#include <glm/vec2.hpp>

#include <cstdint>
#include <filesystem>
#include <vector>
#include <optional>
#include <string>

namespace app {

class Session;

class PresenterTools {
public:
    explicit PresenterTools(Session& session) : m_session(session) {}

    geo::LiveTools& live() { return m_live; }
    const geo::LiveTools& live() const { return m_live; }
    // The ink page of the step shown.
    geo::InkPage page() const;

    // A tool's key while presenting; false when `command` is not a tool's.
    bool command(StoryCommand command);

    // The pointer over the map while presenting. press() is true when a tool takes the drag
    // (ink, Shift for the zoom box), so that it does not pan; release() is true when a tool
    // took the click (the spotlight locking onto a site).
    bool press(glm::dvec2 screen, bool shift);
    void move(glm::dvec2 screen);
    bool release(glm::dvec2 screen, bool moved);
    // The wheel: true when the spotlight took it (its radius), else the map zooms.
    bool wheel(float delta);
    void pointerLeft();
    // The system cursor is hidden while the laser shows.
    bool hidesCursor() const { return m_live.mode == geo::PointerMode::Laser; }

    // Presenting begins / a step is shown / presenting ends (tools off, the run's times kept).
    void presentingStarts();
    void stepShown();
    void presentingEnds();
    // Once a frame: fades, the trail, the step's landing. True when the picture changes.
    bool update(double dt);

    // The presenter has left the step (panned, zoomed, opened something); Z brings it back.
    bool onDetour() const;
    void backToStep();

    // Rehearsal: the last run's seconds on a step (0: none), the target, where the talk stands.
    double lastTime(std::size_t step) const;
    std::optional<double> target() const { return m_target; }
    void setTarget(std::optional<double> seconds) { m_target = seconds; }
    // The presenter window's buttons: the target `seconds` longer (or shorter, never under a
    // minute); without one, the time elapsed so far plus `seconds`.
    void changeTarget(double seconds);
    geo::PlanStatus plan() const;
    // Where the timings are kept (empty: not remembered this run).
    void setTimingsFile(std::filesystem::path file) { m_timingsFile = std::move(file); }

    // What the audience sees of the tools this frame: with the step's kept ink (annotations in
    // the briefing), and unless the live tools are off (exports: kept ink only).
    geo::LiveToolsLayout layout(glm::vec2 display);
    void setLiveShown(bool on) { m_liveShown = on; }
    // What the finished ink depends on besides the camera, as bytes for the map copy's signature.
    void inkSignature(std::vector<unsigned char>& out) const;
    // K: the step's ink kept in the briefing file (its annotations), through the annotation writer.
    void keepInk();

    // For --laser / --spotlight / --ink (still frames, tests).
    static double now();

private:
    void loadTimings();
    // --laser, --spotlight, --ink and --target(-end), the first time presenting starts.
    void applyOptions();
    void saveTimings();

    Session& m_session;
    geo::LiveTools m_live;
    std::optional<geo::StepLook> m_look;
    bool m_landed = false;
    // Rehearsal.
    std::filesystem::path m_timingsFile;
    bool m_timingsLoaded = false;
    geo::RehearsalTimes m_times;
    geo::StepTimer m_timer;
    std::optional<double> m_target;
    std::string m_runStory;
    bool m_optionsApplied = false;
    bool m_liveShown = true;
    // The shown step's kept ink, projected once per content load and step.
    struct Kept {
        std::uint64_t generation = 0;
        geo::InkPage page{"", static_cast<std::size_t>(-1)};
        std::vector<geo::InkStroke> strokes;
    } m_kept;
};

} // namespace app
