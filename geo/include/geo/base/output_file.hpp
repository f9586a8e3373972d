#pragma once
// An export's output, written whole or not at all. The writer (GDAL, cairo, FFmpeg, libkml)
// writes to a temporary file beside the target, with the target's extension (GDAL picks its
// driver by it); commit() flushes it to disk and renames it over the target. An error, a full
// disk or an interrupted run leaves the target as it was and no half file: the temporary file
// is removed unless committed.
//
// Every export follows the same rules: an output that is one of the run's inputs (the
// briefing, a layer file) is refused, and a folder that cannot be made or written is named.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

// True when the two paths name the same file (also through links, or a file yet to be made).
bool samePath(const std::filesystem::path& a, const std::filesystem::path& b);

class OutputFile {
public:
    // `inputs`: the files this run reads. The target's folder is made if missing.
    explicit OutputFile(std::filesystem::path target, const std::vector<std::filesystem::path>& inputs = {});
    ~OutputFile(); // removes the temporary file unless committed
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // False when the target is refused or its folder cannot be written: problem() says why and
    // hint() what to do; error() is both in one line, naming the file.
    bool ok() const { return m_problem.empty(); }
    const std::string& problem() const { return m_problem; }
    const std::string& hint() const { return m_hint; }
    std::string error() const;
    const std::filesystem::path& target() const { return m_target; }
    // Where to write: "<folder>/.<name>.part-<pid>-<n><ext>", absent until the writer makes it.
    const std::filesystem::path& temporary() const { return m_temporary; }

    // Writes `bytes` as the temporary file (for writers that give text, not a file); false, with
    // `error` saying why (e.g. "no space left on device").
    bool write(std::string_view bytes, std::string& error);
    // Flushes the temporary file to disk and renames it over the target; false (and `error`
    // says why, e.g. "no space left on device") when it could not, the target untouched.
    bool commit(std::string& error);
    // `why` a writer failed, with "no space left on device" said when the target's file system
    // is (nearly) full: a library's own message on a full disk is often about something else.
    std::string explain(const std::string& why) const;
    // Removes the temporary file now (also done by the destructor).
    void discard();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    std::string m_problem, m_hint;
    bool m_committed = false;
};

} // namespace geo
