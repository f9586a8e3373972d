#include "export/google_earth.hpp"

#include <cstdio>

namespace app {

int exportGoogleEarth(const ViewerOptions&, const std::filesystem::path& out) {
    std::fprintf(stderr, "ktmap: %s: the Google Earth export is not written yet\n", out.c_str());
    return 1;
}

} // namespace app
