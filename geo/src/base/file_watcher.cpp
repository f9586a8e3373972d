#include <geo/base/file_watcher.hpp>

#include <sys/stat.h>

#include <utility>

namespace geo {

bool FileWatcher::Stamp::operator==(const Stamp& other) const {
    return exists == other.exists && device == other.device && inode == other.inode && size == other.size &&
           mtimeNs == other.mtimeNs && ctimeNs == other.ctimeNs;
}

FileWatcher::FileWatcher(std::filesystem::path path) : m_path(std::move(path)), m_last(stampOf(m_path)) {}

FileWatcher::Stamp FileWatcher::stampOf(const std::filesystem::path& path) {
    // POSIX stat: std::filesystem has no inode, and an atomic rename can keep size and mtime.
    struct stat st {};
    Stamp stamp;
    if (::stat(path.c_str(), &st) != 0) return stamp;
    auto nanoseconds = [](const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; };
    stamp.exists = true;
    stamp.device = static_cast<std::uint64_t>(st.st_dev);
    stamp.inode = static_cast<std::uint64_t>(st.st_ino);
    stamp.size = static_cast<std::uint64_t>(st.st_size);
    stamp.mtimeNs = nanoseconds(st.st_mtim);
    stamp.ctimeNs = nanoseconds(st.st_ctim);
    return stamp;
}

FileWatcher::Event FileWatcher::poll() {
    Stamp now = stampOf(m_path);
    if (now == m_last) return Event::Unchanged;
    m_last = now;
    return now.exists ? Event::Changed : Event::Missing;
}

} // namespace geo
