#include "shell/app_paths.hpp"

#include <cstdlib>

namespace app {
namespace {
std::filesystem::path fromEnvOr(const char* var, const char* fallback) {
    if (const char* v = std::getenv(var); v && *v) return v;
    return fallback;
}
} // namespace

std::filesystem::path assetsDir() { return fromEnvOr("KTMAP_ASSETS", KTMAP_SOURCE_ASSETS_DIR); }
std::filesystem::path shadersDir() { return fromEnvOr("KTMAP_SHADERS", KTMAP_SOURCE_SHADERS_DIR); }
} // namespace app
