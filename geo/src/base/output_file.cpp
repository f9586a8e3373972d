#include <geo/base/output_file.hpp>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>

namespace geo {

bool samePath(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ecA;
    std::error_code ecB;
    if (std::filesystem::equivalent(a, b, ecA)) return true; // also catches hard links
    const auto canonicalA = std::filesystem::weakly_canonical(a, ecA);
    const auto canonicalB = std::filesystem::weakly_canonical(b, ecB);
    return !ecA && !ecB && canonicalA == canonicalB;
}

namespace {

std::string describe(const std::filesystem::path& p) { return p.string(); }

bool syncPath(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool synced = ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return synced;
}

} // namespace

OutputFile::OutputFile(std::filesystem::path target, const std::vector<std::filesystem::path>& inputs)
    : m_target(std::move(target)) {
    if (m_target.empty() || !m_target.has_filename()) {
        m_problem = "no file name given for the output";
        m_hint = "name the file to write";
        return;
    }
    for (const auto& input : inputs) {
        if (!input.empty() && samePath(m_target, input)) {
            m_problem = "refusing to overwrite an input file";
            m_hint = "choose another name for the export";
            return;
        }
    }
    std::error_code ec;
    if (std::filesystem::is_directory(m_target, ec)) {
        m_problem = "this is a folder";
        m_hint = "give a file name for the output";
        return;
    }
    const std::filesystem::path folder = m_target.has_parent_path() ? m_target.parent_path() : std::filesystem::path(".");
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        m_problem = "cannot make the folder " + describe(folder) + ": " + ec.message();
        m_hint = "choose a folder you can write to";
        return;
    }
    static std::atomic<unsigned> counter{0}; // unique names for several outputs in one run
    m_temporary = folder / ("." + m_target.stem().string() + ".part-" + std::to_string(::getpid()) + "-" +
                            std::to_string(counter++) + m_target.extension().string());
    // Try the folder now, so that a long render does not end in "cannot write".
    const int fd = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        m_problem = "cannot write into the folder " + describe(folder) + ": " + std::strerror(errno);
        m_hint = "choose a folder you can write to";
        m_temporary.clear();
        return;
    }
    ::close(fd);
    std::filesystem::remove(m_temporary, ec); // the writer makes it
}

OutputFile::~OutputFile() { discard(); }

std::string OutputFile::error() const {
    if (ok()) return {};
    return describe(m_target) + ": " + m_problem + (m_hint.empty() ? "" : " (" + m_hint + ")");
}

void OutputFile::discard() {
    if (m_committed || m_temporary.empty()) return;
    std::error_code ec;
    std::filesystem::remove(m_temporary, ec);
}

std::string OutputFile::explain(const std::string& why) const {
    if (why.find("No space left on device") != std::string::npos) return why;
    std::error_code ec;
    const auto space = std::filesystem::space(m_temporary.empty() ? m_target : m_temporary.parent_path(), ec);
    if (ec || space.available >= 256 * 1024) return why;
    return why + "; No space left on device (free some space, or choose another folder)";
}

bool OutputFile::write(std::string_view bytes, std::string& error) {
    if (!ok()) {
        error = this->error();
        return false;
    }
    const int fd = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = "cannot write " + describe(m_target) + ": " + std::strerror(errno);
        return false;
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = "cannot write " + describe(m_target) + ": " + std::strerror(n < 0 ? errno : ENOSPC);
            ::close(fd);
            discard();
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        error = "cannot write " + describe(m_target) + ": " + std::strerror(errno);
        discard();
        return false;
    }
    return true;
}

bool OutputFile::commit(std::string& error) {
    if (!ok()) {
        error = this->error();
        return false;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(m_temporary, ec)) {
        error = describe(m_target) + ": nothing was written";
        return false;
    }
    if (!syncPath(m_temporary, O_RDONLY)) {
        error = "cannot write " + describe(m_target) + " to disk: " + std::strerror(errno);
        discard();
        return false;
    }
    std::filesystem::rename(m_temporary, m_target, ec);
    if (ec) {
        error = "cannot replace " + describe(m_target) + ": " + ec.message();
        discard();
        return false;
    }
    m_committed = true;
    syncPath(m_target.has_parent_path() ? m_target.parent_path() : std::filesystem::path("."), O_RDONLY | O_DIRECTORY);
    return true;
}

} // namespace geo
