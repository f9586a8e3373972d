#include "export/handout.hpp"

#include <cstdio>

namespace app {

int exportHandout(const ViewerOptions&, const std::filesystem::path& out) {
    std::fprintf(stderr, "ktmap: %s: the handout export is not written yet\n", out.c_str());
    return 1;
}

} // namespace app
