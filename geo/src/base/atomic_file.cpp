#include <geo/base/atomic_file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace geo {

bool replaceFileAtomically(const std::filesystem::path& file, std::string_view text, std::string& error,
                           std::optional<std::filesystem::perms> permissions) {
    std::error_code ec;
    if (file.empty()) {
        error = "no file name";
        return false;
    }
    if (file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) {
            error = "cannot make " + file.parent_path().string() + ": " + ec.message();
            return false;
        }
    }
    // A temporary name in the same folder (the rename must not cross file systems).
    const std::filesystem::path tmp = file.string() + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = "cannot write " + tmp.string() + ": " + std::strerror(errno);
        return false;
    }
    std::size_t done = 0;
    bool ok = true;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = "cannot write " + tmp.string() + ": " + std::strerror(errno);
            ok = false;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (ok && permissions && ::fchmod(fd, static_cast<mode_t>(*permissions) & 07777) != 0) {
        error = "cannot set the permissions of " + tmp.string() + ": " + std::strerror(errno);
        ok = false;
    }
    if (ok && ::fsync(fd) != 0) {
        error = "cannot write " + tmp.string() + " to disk: " + std::strerror(errno);
        ok = false;
    }
    if (::close(fd) != 0 && ok) {
        error = "cannot write " + tmp.string() + ": " + std::strerror(errno);
        ok = false;
    }
    if (ok) {
        std::filesystem::rename(tmp, file, ec);
        if (ec) {
            error = "cannot replace " + file.string() + ": " + ec.message();
            ok = false;
        }
    }
    if (!ok) std::filesystem::remove(tmp, ec);
    return ok;
}

std::optional<std::string> readFileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in.is_open()) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return text.str();
}

std::filesystem::path setAside(const std::filesystem::path& file) {
    std::filesystem::path aside = file;
    aside += ".corrupt";
    std::error_code ec;
    std::filesystem::rename(file, aside, ec);
    return ec ? std::filesystem::path() : aside;
}

} // namespace geo
