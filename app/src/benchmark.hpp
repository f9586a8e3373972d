#pragma once
// The benchmark (`ktmap --benchmark`): start-up, frame times over a scripted
// flight across the region at 1920x1080, geometry drawn per frame, peak memory.
// Prints figures; asserts nothing.

#include "viewer_options.hpp"

#include <chrono>

namespace app {

int runBenchmark(const ViewerOptions& options, std::chrono::steady_clock::time_point mainEntered);

} // namespace app
