#pragma once
// Notices when a file on disk changes, for hot reload of the briefing.
//
// Polling, no threads: the app calls poll() once per frame or every ~250 ms. A
// change is any difference in the file's identity or stamp (device, inode, size,
// modification and status-change time), so it catches editors that save in place
// and editors that write a new file and rename it over the old one (vim, most
// IDEs: new inode). A file that disappears is reported once as Missing, and as
// Changed when it comes back.

#include <cstdint>
#include <filesystem>

namespace geo {

class FileWatcher {
public:
    enum class Event { Unchanged, Changed, Missing };

    // Takes the file's current state as the baseline: the first poll() reports
    // only what happened after construction.
    explicit FileWatcher(std::filesystem::path path);

    // Compares the file with the state seen at the previous poll (or construction).
    Event poll();

    const std::filesystem::path& path() const { return m_path; }
    bool exists() const { return m_last.exists; } // as of the last poll

private:
    struct Stamp {
        bool exists = false;
        std::uint64_t device = 0;
        std::uint64_t inode = 0;
        std::uint64_t size = 0;
        std::int64_t mtimeNs = 0;
        std::int64_t ctimeNs = 0;

        bool operator==(const Stamp& other) const;
    };
    static Stamp stampOf(const std::filesystem::path& path);

    std::filesystem::path m_path;
    Stamp m_last;
};

} // namespace geo
