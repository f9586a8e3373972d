#include <geo/present/rehearsal.hpp>

#include <geo/base/atomic_file.hpp>

#include "base/toml_fixed.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <sstream>
#include <system_error>

namespace geo {

const std::vector<double>* RehearsalTimes::story(const std::string& id) const {
    const auto it = stories.find(id);
    return it == stories.end() ? nullptr : &it->second;
}

std::filesystem::path rehearsalPath() {
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg && std::filesystem::path(xdg).is_absolute())
        return std::filesystem::path(xdg) / "ktmap" / "rehearsal.toml";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "state" / "ktmap" / "rehearsal.toml";
    return {};
}

namespace {
RehearsalLoad unreadable(const std::filesystem::path& file, int line, int column, const std::string& why) {
    RehearsalLoad out;
    out.setAside = setAside(file);
    out.diagnostics.push_back({Severity::Warning, file.string(), line, column,
                               "the rehearsal timings cannot be read (" + why + "); the last run's times are not shown",
                               out.setAside.empty() ? "delete the file; it is written again after the next run"
                                                    : "it was moved to " + out.setAside.string()});
    return out;
}
} // namespace

RehearsalLoad loadRehearsal(const std::filesystem::path& file) {
    RehearsalLoad out;
    std::error_code ec;
    if (file.empty() || !std::filesystem::exists(file, ec)) return out;
    if (!std::filesystem::is_regular_file(file, ec)) {
        out.diagnostics.push_back({Severity::Warning, file.string(), 0, 0,
                                   "the rehearsal timings cannot be read: it is not a file; no times are shown or kept",
                                   "remove it, or set XDG_STATE_HOME to another folder"});
        return out;
    }
    const std::optional<std::string> text = readFileBytes(file);
    if (!text) return unreadable(file, 0, 0, "it cannot be read");
    auto parsed = toml::parse(*text, file.string());
    if (!parsed) {
        const auto& where = parsed.error().source().begin;
        return unreadable(file, static_cast<int>(where.line), static_cast<int>(where.column), std::string(parsed.error().description()));
    }
    const toml::table* stories = parsed.table()["stories"].as_table();
    if (!stories) {
        if (parsed.table().empty()) return out;
        return unreadable(file, 1, 1, "there is no [stories] table");
    }
    for (const auto& [key, node] : *stories) {
        const toml::table* story = node.as_table();
        const toml::array* seconds = story ? (*story)["seconds"].as_array() : nullptr;
        std::vector<double> times;
        bool ok = seconds != nullptr;
        if (seconds)
            for (const toml::node& v : *seconds) {
                const auto d = v.value<double>();
                if (!d || !std::isfinite(*d) || *d < 0.0 || *d > 86400.0) {
                    ok = false;
                    break;
                }
                times.push_back(*d);
            }
        if (!ok) {
            const auto& where = node.source().begin;
            out.diagnostics.push_back({Severity::Warning, file.string(), static_cast<int>(where.line), static_cast<int>(where.column),
                                       "the timings of story '" + std::string(key.str()) +
                                           "' should be seconds = [ ... ], one number per step; they are ignored",
                                       "they are written again after the next run of that story"});
            continue;
        }
        out.times.stories[std::string(key.str())] = std::move(times);
    }
    return out;
}

std::string formatRehearsal(const RehearsalTimes& times) {
    toml::table stories;
    for (const auto& [id, seconds] : times.stories) {
        toml::array list;
        for (const double s : seconds) list.push_back(static_cast<std::int64_t>(std::llround(s))); // whole seconds
        stories.insert(id, toml::table{{"seconds", std::move(list)}});
    }
    std::ostringstream out;
    out << "# ktmap's rehearsal timings: the seconds each story step was shown in the last run.\n"
           "# Written after every run; deleting the file forgets them.\n\n";
    out << toml::table{{"stories", std::move(stories)}} << "\n";
    return out.str();
}

bool saveRehearsal(const std::filesystem::path& file, const RehearsalTimes& times, std::string& error) {
    if (file.empty()) {
        error = "no state folder (neither XDG_STATE_HOME nor HOME is set)";
        return false;
    }
    return replaceFileAtomically(file, formatRehearsal(times), error);
}

void StepTimer::start(std::size_t steps, std::size_t step, double now) {
    m_seconds.assign(steps, 0.0);
    m_step = step;
    m_since = now;
    m_running = true;
}

void StepTimer::show(std::size_t step, double now) {
    if (!m_running) return;
    if (m_step < m_seconds.size()) m_seconds[m_step] += std::max(0.0, now - m_since);
    m_step = step;
    m_since = now;
}

std::vector<double> StepTimer::shown(double now) const {
    std::vector<double> out = m_seconds;
    if (m_running && m_step < out.size()) out[m_step] += std::max(0.0, now - m_since);
    return out;
}

void recordRun(RehearsalTimes& times, const std::string& story, const std::vector<double>& run) {
    std::vector<double>& kept = times.stories[story];
    if (kept.size() != run.size()) kept.resize(run.size(), 0.0); // the story gained or lost steps
    for (std::size_t i = 0; i < run.size(); ++i)
        if (run[i] >= 1.0) kept[i] = run[i];
}

PlanStatus planStatus(double target, double elapsed, std::size_t step, std::size_t steps, const std::vector<double>* last) {
    PlanStatus out;
    out.remaining = target - elapsed;
    if (steps == 0 || target <= 0.0) return out;
    step = std::min(step, steps - 1);
    // The plan: the target shared as the last run shared its time (when it timed every step).
    std::vector<double> share(steps, 1.0);
    if (last && last->size() == steps && std::all_of(last->begin(), last->end(), [](double s) { return s > 0.0; })) share = *last;
    const double total = std::accumulate(share.begin(), share.end(), 0.0);
    const double planEnd = target * std::accumulate(share.begin(), share.begin() + static_cast<std::ptrdiff_t>(step) + 1, 0.0) / total;
    out.behind = elapsed - planEnd;
    const double late = std::max(60.0, target * 0.1);
    if (out.remaining <= 0.0 || out.behind > late) out.pace = PlanStatus::Pace::Late;
    else if (out.behind > 0.0) out.pace = PlanStatus::Pace::Behind;
    return out;
}

std::string formatDuration(double seconds) {
    const bool negative = seconds < 0.0;
    const long total = static_cast<long>(std::floor(std::abs(seconds) + 0.5));
    char text[32];
    if (total >= 3600) std::snprintf(text, sizeof text, "%s%ld:%02ld:%02ld", negative ? "−" : "", total / 3600, total / 60 % 60, total % 60);
    else std::snprintf(text, sizeof text, "%s%ld:%02ld", negative ? "−" : "", total / 60, total % 60);
    return text;
}

} // namespace geo
