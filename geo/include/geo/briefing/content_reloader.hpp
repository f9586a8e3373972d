#pragma once
// Hot reload of the briefing file, with the policy the projector needs: an edit
// that breaks the file never blanks the map in front of the room.
//
//   first load            shows whatever was valid, with the file's problems
//   edit without errors   replaces the content (warnings are fine)
//   edit with errors      keeps the content on screen (the last clean load, or
//                         the first load's valid part) and reports the new
//                         problems; only when nothing at all is on screen (the
//                         file was missing or unreadable) shows what is valid now
//   file deleted          like an edit with errors ("the file does not exist")
//
// Polling (see FileWatcher). With setBackground(true), as the viewer runs it, a change is
// read and checked on a thread of its own: a slow disk or a network share never holds up
// a frame, and poll() applies the result on the caller's thread once it is ready. The
// file is only ever read.

#include <geo/briefing/briefing.hpp>
#include <geo/base/diagnostic.hpp>
#include <geo/base/file_watcher.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <optional>

namespace geo {

class ContentReloader {
public:
    enum class Outcome {
        Unchanged,   // nothing new on disk (or not yet time to look)
        Replaced,    // new content (and diagnostics) in effect
        KeptLastGood // the file changed but has errors: content kept, diagnostics updated
    };

    // How often pollIfDue() actually looks at the file: ~4 times a second.
    static constexpr std::chrono::milliseconds kCheckInterval{250};

    // Reads and checks the file (loadBriefingFile, after refusing folders, pipes and devices).
    using Reader = std::function<BriefingLoadResult(const std::filesystem::path&)>;

    // Starts watching; does not load (call load()).
    explicit ContentReloader(std::filesystem::path file);
    // Waits for a read in progress.
    ~ContentReloader();
    ContentReloader(const ContentReloader&) = delete;
    ContentReloader& operator=(const ContentReloader&) = delete;

    // Reads after a change on a thread of their own (load() stays synchronous).
    void setBackground(bool on) { m_background = on; }
    // For tests: what reads the file (the default is the real reader).
    void setReader(Reader reader) { m_reader = std::move(reader); }
    // True while a background read has not been applied yet.
    bool reading() const { return m_pending.valid(); }

    // Loads the file now, whatever its stamp. The first call always replaces the
    // content; later calls follow the policy above.
    Outcome load();
    // Looks at the file and reloads it if it changed or disappeared. In the background
    // mode a change starts a read and returns Unchanged; a later poll() applies it (and
    // only then looks at the file again, so a save during the read is seen next).
    Outcome poll();
    // poll(), but at most once per kCheckInterval of `now`: cheap enough for every frame.
    Outcome pollIfDue(std::chrono::steady_clock::time_point now);

    const Briefing& briefing() const { return m_briefing; }
    // The problems of the file as it is on disk now, sorted by line; when the
    // previous content is kept, followed by an Info saying so.
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    // True while the content shown is older than the file (the file has errors).
    bool showingLastGood() const { return m_showingLastGood; }
    // Counts content replacements: caches of derived data compare it.
    std::uint64_t generation() const { return m_generation; }
    const std::filesystem::path& path() const { return m_watcher.path(); }

    static BriefingLoadResult read(const std::filesystem::path& path);

private:
    Outcome apply(BriefingLoadResult result);

    FileWatcher m_watcher;
    Briefing m_briefing;
    Diagnostics m_diagnostics;
    bool m_loadedOnce = false;
    bool m_showingLastGood = false;
    std::uint64_t m_generation = 0;
    std::optional<std::chrono::steady_clock::time_point> m_lastCheck;
    bool m_background = false;
    Reader m_reader = &ContentReloader::read;
    std::future<BriefingLoadResult> m_pending;
};

} // namespace geo
