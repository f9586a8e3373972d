#include "benchmark.hpp"

#include "offscreen_target.hpp"
#include "viewer.hpp"

#include <SFML/Window/Context.hpp>
#include <epoxy/gl.h>

#include <algorithm>
#include <optional>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

namespace app {

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Milliseconds since the kernel started this process (/proc, 10 ms resolution):
// includes loading the executable and its libraries, which main() cannot see.
double msSinceProcessStart() {
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && rest >> field; ++i) {
        if (i == 22) {
            const double startSeconds = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
            timespec now{};
            clock_gettime(CLOCK_BOOTTIME, &now);
            return (static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9 - startSeconds) * 1000.0;
        }
    }
    return -1;
}

struct Key {
    const char* name;
    double lon, lat, zoom;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double idx = p * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(idx));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (idx - static_cast<double>(lo));
}

} // namespace

int runBenchmark(const ViewerOptions& inOptions, Clock::time_point mainEntered) {
    ViewerOptions options = inOptions;
    options.width = 1920;
    options.height = 1080;
    // With --view, also time that one view held still (for profiling one scene).
    const std::optional<InitialView> heldView = options.view;
    options.view.reset();
    const int w = options.width, h = options.height;
    sf::ContextSettings settings;
    settings.majorVersion = 3;
    settings.minorVersion = 3;
    Viewer viewer(options);
    viewer.startLoading(); // as the viewer does: data loads while the GL context comes up
    sf::Context context(settings, static_cast<unsigned>(w), static_cast<unsigned>(h));
    const auto loadStart = Clock::now();
    viewer.finishLoading();
    const double loadMs = msSince(loadStart);
    if (!context.setActive(true)) {
        std::fprintf(stderr, "benchmark: no OpenGL context (is an X server such as Xvfb running?)\n");
        return 1;
    }
    if (!viewer.initGraphics(false)) return 1;
    OffscreenTarget target;
    if (!target.create(w, h)) {
        std::fprintf(stderr, "benchmark: cannot make a %dx%d framebuffer\n", w, h);
        return 1;
    }

    viewer.renderFrame({w, h}, 1.0f / 60.0f);
    glFinish();
    const double firstFrameMain = msSince(mainEntered);
    const double firstFrameProcess = msSinceProcessStart();
    const auto levelsStart = Clock::now();
    viewer.waitForAllLevels();
    const double allLevelsMs = msSince(levelsStart);

    // overview -> Kyushu -> Kumamoto -> Taiwan -> Hsinchu, 60 frames per leg,
    // centre moving linearly and scale geometrically, as a presenter's zooms do.
    const geo::Camera home = viewer.camera();
    const double homeZoom = home.zoom();
    const glm::dvec2 homeLL = viewer.projection().inverse(home.center());
    const Key keys[] = {{"overview", homeLL.x, homeLL.y, homeZoom},
                        {"Kyushu", 130.75, 32.55, 8.4},
                        {"Kumamoto", 130.74, 32.80, 12.5},
                        {"Taiwan", 120.95, 23.65, 8.3},
                        {"Hsinchu", 120.99, 24.80, 12.5}};
    constexpr int kFramesPerLeg = 60;
    std::vector<double> frameMs, mapMs, uiMs;
    std::vector<std::vector<double>> legMs(std::size(keys) - 1);
    std::size_t triangles = 0, vertices = 0, maxTriangles = 0, draws = 0;
    geo::Camera& cam = viewer.camera();
    for (std::size_t k = 0; k + 1 < std::size(keys); ++k) {
        const glm::dvec2 a = viewer.projection().forward({keys[k].lon, keys[k].lat});
        const glm::dvec2 b = viewer.projection().forward({keys[k + 1].lon, keys[k + 1].lat});
        for (int f = 0; f < kFramesPerLeg; ++f) {
            const double t = (f + 1) / static_cast<double>(kFramesPerLeg);
            const double s = t * t * (3 - 2 * t); // ease in and out
            cam.setMetersPerPixel(geo::Camera::zoomToMpp(keys[k].zoom + (keys[k + 1].zoom - keys[k].zoom) * s));
            cam.setCenter(a + (b - a) * s);
            const auto start = Clock::now();
            const FrameStats stats = viewer.renderFrame({w, h}, 1.0f / 60.0f);
            glFinish(); // count the GPU's (llvmpipe's) work, not just the submission
            frameMs.push_back(msSince(start));
            legMs[k].push_back(frameMs.back());
            triangles += stats.triangles;
            vertices += stats.vertices;
            draws += stats.ranges;
            maxTriangles = std::max(maxTriangles, stats.triangles);
        }
    }
    // A second pass split into map and interface time (the glFinish between them costs a little).
    viewer.setProfiling(true);
    for (std::size_t k = 0; k + 1 < std::size(keys); ++k) {
        const glm::dvec2 a = viewer.projection().forward({keys[k].lon, keys[k].lat});
        const glm::dvec2 b = viewer.projection().forward({keys[k + 1].lon, keys[k + 1].lat});
        for (int f = 0; f < kFramesPerLeg; f += 4) {
            const double t = (f + 1) / static_cast<double>(kFramesPerLeg);
            const double s = t * t * (3 - 2 * t);
            cam.setMetersPerPixel(geo::Camera::zoomToMpp(keys[k].zoom + (keys[k + 1].zoom - keys[k].zoom) * s));
            cam.setCenter(a + (b - a) * s);
            const FrameStats stats = viewer.renderFrame({w, h}, 1.0f / 60.0f);
            mapMs.push_back(stats.mapMs);
            uiMs.push_back(stats.uiMs);
        }
    }
    std::vector<double> heldMs;
    if (heldView) {
        cam.setMetersPerPixel(geo::Camera::zoomToMpp(heldView->zoom));
        cam.setCenter(viewer.projection().forward({heldView->lon, heldView->lat}));
        viewer.setProfiling(false);
        for (int f = 0; f < 60; ++f) {
            const auto start = Clock::now();
            viewer.renderFrame({w, h}, 1.0f / 60.0f);
            glFinish();
            heldMs.push_back(msSince(start));
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    target.release();
    viewer.shutdownGraphics();

    const double n = static_cast<double>(frameMs.size());
    std::size_t loadedVertices = 0;
    for (const auto& l : viewer.baseMap().layers) loadedVertices += l.data->vertexCount();
    std::printf("ktmap benchmark, 1920x1080, %zu layer(s), %zu source vertices loaded\n", viewer.baseMap().layers.size(),
                loadedVertices);
    std::printf("  process start -> first complete frame : %8.1f ms  (main() -> first frame: %.1f ms; of which waiting for the data: %.1f ms)\n",
                firstFrameProcess, firstFrameMain, loadMs);
    std::printf("  loading (GDAL read + projection)      : %8.1f ms CPU   first frame's meshes: %.1f ms CPU (summed over threads)\n",
                viewer.loadTimings().loadMs, viewer.loadTimings().meshMs);
    std::printf("  other levels of detail, background    : %8.1f ms after the first frame\n", allLevelsMs);
    std::printf("  frame time over %zu scripted frames   : median %6.2f ms   p95 %6.2f ms   max %6.2f ms\n", frameMs.size(),
                percentile(frameMs, 0.5), percentile(frameMs, 0.95), percentile(frameMs, 1.0));
    for (std::size_t k = 0; k < legMs.size(); ++k)
        std::printf("    %-9s -> %-9s                 : median %6.2f ms   p95 %6.2f ms\n", keys[k].name, keys[k + 1].name,
                    percentile(legMs[k], 0.5), percentile(legMs[k], 0.95));
    std::printf("  of which map / interface (median)     : %6.2f ms / %6.2f ms\n", percentile(mapMs, 0.5), percentile(uiMs, 0.5));
    std::printf("  drawn per frame                       : %8.0f triangles (max %zu), %8.0f vertices, %.0f draws\n",
                static_cast<double>(triangles) / n, maxTriangles, static_cast<double>(vertices) / n, static_cast<double>(draws) / n);
    if (heldView)
        std::printf("  held view %.4f,%.4f,%.2f (60 frames)  : median %6.2f ms\n", heldView->lon, heldView->lat, heldView->zoom,
                    percentile(heldMs, 0.5));
    std::printf("  peak memory (max RSS)                 : %8.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}

} // namespace app
