#include "export/qgis_package.hpp"

#include <cstdio>

namespace app {

int exportQgisPackage(const ViewerOptions&, const std::filesystem::path& out) {
    std::fprintf(stderr, "ktmap: %s: the QGIS package export is not written yet\n", out.c_str());
    return 1;
}

} // namespace app
