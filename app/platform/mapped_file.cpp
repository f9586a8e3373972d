#include "platform/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace app::platform {

bool MappedFile::map(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            m_data = p;
            m_size = static_cast<std::size_t>(st.st_size);
        }
    }
    ::close(fd);
    return m_data != nullptr;
}

MappedFile::~MappedFile() {
    if (m_data) ::munmap(m_data, m_size);
}

} // namespace app::platform
