#include "shell/app_paths.hpp"

#include <cstdlib>
#include <system_error>

#ifndef KTMAP_DATA_FROM_BIN
#error "KTMAP_DATA_FROM_BIN (the data folder from the executable's, ../share/ktmap) comes from app/CMakeLists.txt"
#endif

namespace app {
namespace {
// The folder of the running executable, wherever it was started from and through whatever
// symlink. Linux-specific, and the only place that is: /proc/self/exe is the kernel's link to
// the executable file. Empty when it cannot be read (no /proc mounted).
std::filesystem::path executableDir() {
    std::error_code error;
    const std::filesystem::path exe = std::filesystem::canonical("/proc/self/exe", error);
    return error ? std::filesystem::path() : exe.parent_path();
}

struct DataDir {
    std::filesystem::path path; // empty: no folder to look in
    std::string why;            // where the path comes from, for the message
};

DataDir locate(const char* variable, const char* name) {
    if (const char* v = std::getenv(variable); v && *v) return {v, std::string("from $") + variable};
    const std::filesystem::path exeDir = executableDir();
    if (exeDir.empty()) return {{}, "the executable's own folder is unknown (/proc/self/exe cannot be read)"};
    return {(exeDir / KTMAP_DATA_FROM_BIN / name).lexically_normal(),
            std::string(KTMAP_DATA_FROM_BIN "/") + name + " beside the executable in " + exeDir.string()};
}

bool usable(const DataDir& dir) {
    std::error_code error;
    return !dir.path.empty() && std::filesystem::is_directory(dir.path, error);
}
} // namespace

std::filesystem::path assetsDir() { return locate("KTMAP_ASSETS", "assets").path; }
std::filesystem::path shadersDir() { return locate("KTMAP_SHADERS", "shaders").path; }
const char* dataBesideExecutable() { return KTMAP_DATA_FROM_BIN; }

std::string missingDataMessage(bool needAssets, bool needShaders) {
    struct Need {
        const char* variable;
        const char* name;
        const char* holds;
        bool needed;
    };
    const Need needs[] = {{"KTMAP_ASSETS", "assets", "layers.toml, briefing.toml and basemap/", needAssets},
                          {"KTMAP_SHADERS", "shaders", "the *.vert and *.frag shaders", needShaders}};
    std::string looked, reinstall, fromVariables;
    for (const Need& need : needs) {
        const DataDir dir = locate(need.variable, need.name);
        if (!need.needed || usable(dir)) continue;
        looked += std::string("  ") + need.name + " (" + need.holds + "): looked in " +
                  (dir.path.empty() ? std::string("no folder") : dir.path.string()) + " (" + dir.why +
                  "): no such folder\n";
        if (const char* v = std::getenv(need.variable); v && *v)
            fromVariables +=
                std::string("  correct ") + need.variable + ", or unset it to use the installed " + need.name + "\n";
        else
            reinstall += std::string("  or set ") + need.variable + " to the folder with " + need.holds + "\n";
    }
    if (looked.empty()) return {};
    std::string message = "ktmap: cannot find its data:\n" + looked + "What to do:\n";
    if (!reinstall.empty())
        message +=
            "  reinstall ktmap: bin/ktmap and share/ktmap/ belong under one prefix (moved together)\n" + reinstall;
    message += fromVariables;
    if (needShaders && !usable(locate("KTMAP_SHADERS", "shaders")))
        message += "  (or draw without the shaders: --no-shaders)\n";
    return message;
}
} // namespace app
