#include <geo/content_reloader.hpp>

#include <utility>

namespace geo {

ContentReloader::ContentReloader(std::filesystem::path file) : m_watcher(std::move(file)) {}

ContentReloader::Outcome ContentReloader::load() {
    // A folder under the file's name opens as an empty file, and a named pipe or a device would
    // block the read (on the frame thread): say what it is instead of reading it.
    std::error_code ec;
    const auto status = std::filesystem::status(m_watcher.path(), ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        BriefingLoadResult result;
        result.diagnostics.push_back({Severity::Error, m_watcher.path().string(), 0, 0,
                                      std::filesystem::is_directory(status) ? "this is a folder, not a briefing file"
                                                                            : "this is not a regular file (a pipe or a device?)",
                                      "put the briefing file back under this name"});
        return apply(std::move(result));
    }
    return apply(loadBriefingFile(m_watcher.path()));
}

ContentReloader::Outcome ContentReloader::poll() {
    // Missing goes through the loader too: it words the message ("the file does not
    // exist"), and the policy keeps the last good content on screen.
    if (m_watcher.poll() == FileWatcher::Event::Unchanged) return Outcome::Unchanged;
    return load();
}

ContentReloader::Outcome ContentReloader::pollIfDue(std::chrono::steady_clock::time_point now) {
    if (m_lastCheck && now - *m_lastCheck < kCheckInterval && now >= *m_lastCheck) return Outcome::Unchanged;
    m_lastCheck = now;
    return poll();
}

ContentReloader::Outcome ContentReloader::apply(BriefingLoadResult result) {
    const bool clean = !hasErrors(result.diagnostics);
    m_diagnostics = std::move(result.diagnostics);
    // A broken save must not blank the map in front of the room: once something is
    // on screen, only a load without errors replaces it.
    const bool nothingShown = m_briefing.sites.empty() && m_briefing.trips.empty() && m_briefing.partnerships.empty();
    if (clean || !m_loadedOnce || nothingShown) {
        m_briefing = std::move(result.briefing);
        m_briefing.path = m_watcher.path();
        m_loadedOnce = true;
        m_showingLastGood = false;
        ++m_generation;
        return Outcome::Replaced;
    }
    m_showingLastGood = true;
    m_diagnostics.push_back({Severity::Info, m_watcher.path().string(), 0, 0,
                             "the map still shows the previous version of this file",
                             "fix the errors and save again to see the changes"});
    return Outcome::KeptLastGood;
}

} // namespace geo
