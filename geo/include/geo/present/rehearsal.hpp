#pragma once
// Rehearsal: how long each story step was shown, run by run. The last run's times are kept in
// the user's XDG state folder (never in the briefing), written atomically; a file that cannot
// be read is set aside with a message. The next run shows them beside each step ("last time
// 1:40"), and against a target duration the presenter sees the time left and whether the talk
// is behind plan.

#include <geo/base/diagnostic.hpp>

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo {

// Seconds each step was shown in the last run, per story id (a step not shown in that run
// keeps the time of the run before; 0: never shown).
struct RehearsalTimes {
    std::map<std::string, std::vector<double>> stories;
    const std::vector<double>* story(const std::string& id) const;
};

// $XDG_STATE_HOME/ktmap/rehearsal.toml, else $HOME/.local/state/ktmap/rehearsal.toml; empty
// when neither is set (then nothing is remembered).
std::filesystem::path rehearsalPath();

struct RehearsalLoad {
    RehearsalTimes times;
    Diagnostics diagnostics;
    std::filesystem::path setAside; // where an unreadable file was moved (empty: none)
};
// A missing file gives no times and no message. A file that is not TOML, or not readable,
// is renamed to "<name>.corrupt" and reported; a story whose times are not a list of
// seconds is left out with a warning.
RehearsalLoad loadRehearsal(const std::filesystem::path& file);
std::string formatRehearsal(const RehearsalTimes& times);
bool saveRehearsal(const std::filesystem::path& file, const RehearsalTimes& times, std::string& error);

// The clock of one run: which step is shown since when.
class StepTimer {
public:
    // A run of a story of `steps` steps starts at `now` (seconds, a steady clock) on `step`.
    void start(std::size_t steps, std::size_t step, double now);
    // Step `step` is shown from `now`.
    void show(std::size_t step, double now);
    // The seconds each step has been shown so far (the current one up to `now`).
    std::vector<double> shown(double now) const;
    bool running() const { return m_running; }
    void stop() { m_running = false; }

private:
    std::vector<double> m_seconds;
    std::size_t m_step = 0;
    double m_since = 0.0;
    bool m_running = false;
};

// The run's times merged into the story's: a step shown for at least a second replaces the
// last time; others keep theirs.
void recordRun(RehearsalTimes& times, const std::string& story, const std::vector<double>& run);

// Where the talk stands against a target duration: the time left, and how far behind the
// plan it is at this step. The plan shares the target among the steps as the last run's
// times did (evenly where there are none).
struct PlanStatus {
    enum class Pace { OnPlan, Behind, Late };
    double remaining = 0.0; // seconds to the target (negative: over)
    double behind = 0.0;    // seconds past where the plan has this step end (negative: ahead)
    Pace pace = Pace::OnPlan;
};
// Amber (Behind) once past the plan for this step; red (Late) a minute or a tenth of the
// target past it, or with the target passed.
PlanStatus planStatus(double targetSeconds, double elapsed, std::size_t step, std::size_t steps, const std::vector<double>* last);

// "1:40", "12:05", "1:02:03"; negative: "−0:30".
std::string formatDuration(double seconds);

} // namespace geo
