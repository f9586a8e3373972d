#pragma once
// The benchmark (`ktmap-benchmark`): start-up, frame times over a scripted
// flight across the region at 1920x1080, geometry drawn per frame, peak memory.
// Then, with a briefing file, two content scenarios: the same flight with every trip,
// partnership links, labels and the sidebar on (frame and label placement times), and
// the playback of the first trip at a fixed dt of 1/60 s (frame times and their spread);
// and presenting a story step with the presenter's live tools.
// Prints figures; asserts nothing.

#include "shell/viewer_options.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

namespace app {

// The value at fraction p (0..1) of the sorted values, interpolated; 0 for none.
inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double idx = p * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(idx));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (idx - static_cast<double>(lo));
}

int runBenchmark(const ViewerOptions& options, std::chrono::steady_clock::time_point mainEntered);

class Session;
// Presenting a story step held still: frame times with no tool, the laser moving, the
// spotlight on, and 50 ink strokes on screen (tools/benchmark/live_tools.cpp).
void benchmarkLiveTools(Session& viewer, int width, int height);

} // namespace app
