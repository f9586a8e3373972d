#include <geo/briefing/content_reloader.hpp>

#include <utility>

namespace geo {

ContentReloader::ContentReloader(std::filesystem::path file) : m_watcher(std::move(file)) {}

ContentReloader::~ContentReloader() {
    if (m_pending.valid()) m_pending.wait();
}

BriefingLoadResult ContentReloader::read(const std::filesystem::path& path) {
    // A folder under the file's name opens as an empty file, and a named pipe or a device would
    // block the read: say what it is instead of reading it.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        BriefingLoadResult result;
        result.diagnostics.push_back({Severity::Error, path.string(), 0, 0,
                                      std::filesystem::is_directory(status) ? "this is a folder, not a briefing file"
                                                                            : "this is not a regular file (a pipe or a device?)",
                                      "put the briefing file back under this name"});
        return result;
    }
    return loadBriefingFile(path);
}

ContentReloader::Outcome ContentReloader::load() {
    if (m_pending.valid()) m_pending.wait(); // an older read must not land after this one
    m_pending = {};
    return apply(m_reader(m_watcher.path()));
}

ContentReloader::Outcome ContentReloader::poll() {
    if (m_pending.valid()) {
        if (m_pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return Outcome::Unchanged;
        BriefingLoadResult result = m_pending.get();
        return apply(std::move(result));
    }
    // Missing goes through the loader too: it words the message ("the file does not
    // exist"), and the policy keeps the last good content on screen.
    if (m_watcher.poll() == FileWatcher::Event::Unchanged) return Outcome::Unchanged;
    if (!m_background) return apply(m_reader(m_watcher.path()));
    m_pending = std::async(std::launch::async, m_reader, m_watcher.path());
    return Outcome::Unchanged;
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
