#pragma once
// A file mapped read-only into memory (POSIX mmap): the CJK font collection, shared by every
// size baked from it, so that only the pages FreeType touches become resident.

#include <cstddef>
#include <string>

namespace app::platform {

class MappedFile {
public:
    MappedFile() = default;
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    // False when the file cannot be opened or mapped (nothing is mapped then).
    bool map(const std::string& path);
    void* data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    void* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace app::platform
