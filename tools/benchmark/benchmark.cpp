#include "benchmark/benchmark.hpp"

#include "platform/process_stats.hpp"
#include "shell/headless.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace app {

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

using platform::msSinceProcessStart;
using platform::processCpuMs;

struct Key {
    const char* name;
    double lon, lat, zoom;
};

double standardDeviation(const std::vector<double>& v) {
    if (v.empty()) return 0;
    double mean = 0;
    for (double x : v) mean += x;
    mean /= static_cast<double>(v.size());
    double sq = 0;
    for (double x : v) sq += (x - mean) * (x - mean);
    return std::sqrt(sq / static_cast<double>(v.size()));
}

// One run of the scripted flight.
struct FlightRun {
    std::vector<double> frameMs;
    std::vector<double> cpuMs; // process CPU time per frame, all threads
    std::vector<std::vector<double>> legMs;
    std::vector<double> mapMs, uiMs;   // the profiled pass
    std::vector<double> labelMs;       // the layout's label placement time per frame
    std::vector<double> labels;        // labels placed per frame
    std::size_t triangles = 0, vertices = 0, maxTriangles = 0, draws = 0;
    std::size_t uiVertices = 0, maxUiVertices = 0; // ImGui's (the panels; the content's shapes and text without shaders)
    std::size_t contentVertices = 0, contentDraws = 0; // the GL painter's (the content's shapes, the map's text)
    std::size_t sidebarFrames = 0, sidebarCopied = 0;  // frames with the sidebar; of which drawn from its copy
    std::size_t mapCopied = 0;                         // frames whose map came from its copy
};

// Vertices ImGui drew in the last frame.
std::size_t imguiVertices() {
    const ImDrawData* d = ImGui::GetDrawData();
    return d && d->Valid ? static_cast<std::size_t>(d->TotalVtxCount) : 0;
}

// What briefing content is on, in one line.
std::string contentSummary(Session& viewer) {
    if (!viewer.document().hasContent()) return "none (no briefing file)";
    const geo::Briefing& b = viewer.document().briefing();
    const geo::ContentState& state = viewer.content().state;
    std::size_t kinds = 0;
    for (bool on : state.siteKinds) kinds += on ? 1 : 0;
    std::size_t shown = 0;
    for (const geo::Trip& t : b.trips) shown += state.shownTrips.count(t.id);
    std::string s = std::to_string(b.sites.size()) + " sites (" +
                    (kinds == state.siteKinds.size() ? std::string("all kinds")
                                                     : std::to_string(kinds) + " of " + std::to_string(state.siteKinds.size()) + " kinds") +
                    "), labels " + (state.labels ? "on" : "off") + ", partnership links " +
                    (state.partnerships ? "on (" + std::to_string(b.partnerships.size()) + " partnerships" +
                                              (state.yearFilter ? ", year " + std::to_string(state.year) : std::string()) + ")"
                                        : std::string("off")) +
                    ", trips shown " + std::to_string(shown) + " of " + std::to_string(b.trips.size());
    if (!state.activeTrip.empty()) s += " (active: " + state.activeTrip + ")";
    s += std::string(", sidebar ") + (state.sidebar ? "on" : "off");
    return s;
}

template <std::size_t N>
void printFlight(const FlightRun& run, const Key (&keys)[N], const char* indent) {
    const double n = std::max<double>(static_cast<double>(run.frameMs.size()), 1.0);
    const int width = 38 - static_cast<int>(std::strlen(indent)) + 2;
    char what[64];
    std::snprintf(what, sizeof what, "frame time over %zu scripted frames", run.frameMs.size());
    std::printf("%s%-*s: median %6.2f ms   p95 %6.2f ms   max %6.2f ms\n", indent, width, what, percentile(run.frameMs, 0.5),
                percentile(run.frameMs, 0.95), percentile(run.frameMs, 1.0));
    std::printf("%s%-*s: median %6.2f ms   p95 %6.2f ms\n", indent, width, "CPU time per frame, all threads", percentile(run.cpuMs, 0.5),
                percentile(run.cpuMs, 0.95));
    for (std::size_t k = 0; k < run.legMs.size() && k + 1 < N; ++k) {
        std::snprintf(what, sizeof what, "%-9s -> %-9s", keys[k].name, keys[k + 1].name);
        std::printf("%s  %-*s: median %6.2f ms   p95 %6.2f ms\n", indent, width - 2, what, percentile(run.legMs[k], 0.5),
                    percentile(run.legMs[k], 0.95));
    }
    std::printf("%s%-*s: %6.2f ms / %6.2f ms\n", indent, width, "of which map / interface (median)", percentile(run.mapMs, 0.5),
                percentile(run.uiMs, 0.5));
    if (!run.labelMs.empty())
        std::printf("%s%-*s: median %6.3f ms   max %6.3f ms   labels placed: median %.0f (min %.0f, max %.0f)\n", indent, width,
                    "label placement per frame", percentile(run.labelMs, 0.5), percentile(run.labelMs, 1.0),
                    percentile(run.labels, 0.5), percentile(run.labels, 0.0), percentile(run.labels, 1.0));
    std::printf("%s%-*s: %8.0f triangles (max %zu), %8.0f vertices, %.0f draws\n", indent, width, "drawn per frame",
                static_cast<double>(run.triangles) / n, run.maxTriangles, static_cast<double>(run.vertices) / n,
                static_cast<double>(run.draws) / n);
    std::printf("%s%-*s: %8.0f vertices, %.0f draws\n", indent, width, "content (shaders) drawn per frame",
                static_cast<double>(run.contentVertices) / n, static_cast<double>(run.contentDraws) / n);
    std::printf("%s%-*s: %8.0f vertices (max %zu)\n", indent, width, "interface (ImGui) drawn per frame",
                static_cast<double>(run.uiVertices) / n, run.maxUiVertices);
    if (run.sidebarFrames)
        std::printf("%s%-*s: %zu of %zu frames\n", indent, width, "sidebar drawn from its copy", run.sidebarCopied, run.sidebarFrames);
    std::printf("%s%-*s: %zu of %zu frames\n", indent, width, "map drawn from its copy", run.mapCopied, run.frameMs.size());
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
    Session viewer(options);
    viewer.startLoading(); // as the viewer does: data loads while the GL context comes up
    Headless headless(viewer);
    const auto loadStart = Clock::now();
    viewer.finishLoading();
    const double loadMs = msSince(loadStart);
    if (!headless.start("benchmark")) return 1;

    viewer.renderFrame({w, h}, 1.0f / 60.0f);
    glFinish();
    const double firstFrameMain = msSince(mainEntered);
    const double firstFrameProcess = msSinceProcessStart();
    const double firstFrameCpu = processCpuMs(); // every thread's, since the process started
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
    geo::Camera& cam = viewer.camera();
    const bool content = viewer.document().hasContent();
    geo::ContentState& state = viewer.content().state;
    // Frame `f` of leg `k` of the scripted flight.
    auto placeCamera = [&](std::size_t k, int f) {
        const glm::dvec2 a = viewer.projection().forward({keys[k].lon, keys[k].lat});
        const glm::dvec2 b = viewer.projection().forward({keys[k + 1].lon, keys[k + 1].lat});
        const double t = (f + 1) / static_cast<double>(kFramesPerLeg);
        const double s = t * t * (3 - 2 * t); // ease in and out
        cam.setMetersPerPixel(geo::zoomToMpp(keys[k].zoom + (keys[k + 1].zoom - keys[k].zoom) * s));
        cam.setCenter(a + (b - a) * s);
    };
    // The scripted flight, every frame timed; then a second pass split into map and
    // interface time (the glFinish between them costs a little).
    auto fly = [&]() {
        FlightRun run;
        run.legMs.resize(std::size(keys) - 1);
        viewer.setProfiling(false);
        for (std::size_t k = 0; k + 1 < std::size(keys); ++k) {
            for (int f = 0; f < kFramesPerLeg; ++f) {
                placeCamera(k, f);
                const auto start = Clock::now();
                const double cpuStart = processCpuMs();
                const Session::FrameStats stats = viewer.renderFrame({w, h}, 1.0f / 60.0f);
                glFinish(); // count the GPU's (llvmpipe's) work, not just the submission
                run.frameMs.push_back(msSince(start));
                run.cpuMs.push_back(processCpuMs() - cpuStart);
                run.legMs[k].push_back(run.frameMs.back());
                run.triangles += stats.map.triangles;
                run.vertices += stats.map.vertices;
                run.draws += stats.map.ranges;
                run.maxTriangles = std::max(run.maxTriangles, stats.map.triangles);
                run.uiVertices += imguiVertices();
                run.contentVertices += stats.contentVertices;
                run.contentDraws += stats.contentDraws;
                run.maxUiVertices = std::max(run.maxUiVertices, imguiVertices());
                if (viewer.panelCopyLast() != PanelCache::Last::NoPanel) ++run.sidebarFrames;
                if (viewer.panelCopyLast() == PanelCache::Last::Copied) ++run.sidebarCopied;
                if (viewer.mapCopyLast() == MapCache::Last::Copied) ++run.mapCopied;
                if (content) {
                    run.labelMs.push_back(viewer.lastLayout().labelMs);
                    run.labels.push_back(static_cast<double>(viewer.lastLayout().labels.size()));
                }
            }
        }
        viewer.setProfiling(true);
        for (std::size_t k = 0; k + 1 < std::size(keys); ++k) {
            for (int f = 0; f < kFramesPerLeg; f += 4) {
                placeCamera(k, f);
                const Session::FrameStats stats = viewer.renderFrame({w, h}, 1.0f / 60.0f);
                run.mapMs.push_back(stats.mapMs);
                run.uiMs.push_back(stats.uiMs);
            }
        }
        viewer.setProfiling(false);
        return run;
    };

    // 1. The default map as it starts: the content the options turned on (default briefing).
    const std::string defaultContent = contentSummary(viewer);
    const FlightRun flight = fly();
    // Every frame's time, for A/B comparisons on a busy machine (the lowest of several runs per frame).
    auto writeFrames = [](const std::string& file, const FlightRun& run) {
        std::ofstream out(file);
        for (std::size_t f = 0; f < run.frameMs.size(); ++f) out << f << '\t' << run.frameMs[f] << '\t' << run.cpuMs[f] << '\n';
    };
    const char* framesFile = std::getenv("KTMAP_BENCHMARK_FRAMES");
    if (framesFile) writeFrames(std::string(framesFile) + ".default", flight);

    std::vector<double> heldMs, heldMapMs, heldUiMs;
    MapRenderer::Stats heldStats; // of the first frame, drawn (later ones come from the map's copy)
    std::size_t heldCopied = 0;
    if (heldView) {
        cam.setMetersPerPixel(geo::zoomToMpp(heldView->zoom));
        cam.setCenter(viewer.projection().forward({heldView->lon, heldView->lat}));
        for (int f = 0; f < 60; ++f) {
            const auto start = Clock::now();
            const Session::FrameStats stats = viewer.renderFrame({w, h}, 1.0f / 60.0f);
            glFinish();
            heldMs.push_back(msSince(start));
            if (f == 0) heldStats = stats.map;
            if (viewer.mapCopyLast() == MapCache::Last::Copied) ++heldCopied;
        }
        viewer.setProfiling(true);
        for (int f = 0; f < 20; ++f) {
            const Session::FrameStats stats = viewer.renderFrame({w, h}, 1.0f / 60.0f);
            heldMapMs.push_back(stats.mapMs);
            heldUiMs.push_back(stats.uiMs);
        }
        viewer.setProfiling(false);
    }

    // 2. All content: every trip shown, partnership links, labels and the sidebar on; same flight.
    std::string allContent;
    FlightRun contentRun;
    // 3. Playback of the first trip, framed as its sidebar entry does, at a fixed dt of 1/60 s.
    std::string playbackContent, playbackTrip;
    double playbackFrom = 0, playbackTo = 0, playbackDays = 0;
    glm::dvec2 playbackView{0.0};
    double playbackZoom = 0;
    bool playbackEnded = false;
    std::size_t playCopied = 0, playMapCopied = 0;
    std::vector<double> playMs, playCpuMs, playMapMs, playUiMs, playLabelMs, playUiVertices;
    if (content) {
        const geo::Briefing& briefing = viewer.document().briefing();
        const geo::ContentScene& scene = viewer.document().scene();
        for (const geo::Trip& trip : briefing.trips) geo::setTripShown(state, trip.id, true);
        state.partnerships = true;
        state.labels = true;
        state.sidebar = true;
        allContent = contentSummary(viewer);
        contentRun = fly();
        if (framesFile) writeFrames(framesFile, contentRun);

        if (!briefing.trips.empty()) {
            playbackTrip = briefing.trips.front().id;
            constexpr int kPlaybackFrames = 300;
            constexpr float kDt = 1.0f / 60.0f;
            auto startPlayback = [&]() {
                geo::activateTrip(state, scene, playbackTrip);
                viewer.frame(geo::tripFrame(scene, *scene.trip(playbackTrip)), false);
                playbackDays = state.tripTime;   // activating puts playback at the end: the whole route
                geo::togglePlay(state, scene); // from the end, play starts over from day 0
            };
            startPlayback();
            playbackContent = contentSummary(viewer);
            playbackView = viewer.projection().inverse(cam.center());
            playbackZoom = cam.zoom();
            playbackFrom = state.tripTime;
            for (int f = 0; f < kPlaybackFrames && state.playing; ++f) {
                const auto start = Clock::now();
                const double cpuStart = processCpuMs();
                geo::advancePlayback(state, scene, kDt);
                viewer.renderFrame({w, h}, kDt);
                glFinish();
                playMs.push_back(msSince(start));
                playCpuMs.push_back(processCpuMs() - cpuStart);
                playLabelMs.push_back(viewer.lastLayout().labelMs);
                playUiVertices.push_back(static_cast<double>(imguiVertices()));
                if (viewer.panelCopyLast() == PanelCache::Last::Copied) ++playCopied;
                if (viewer.mapCopyLast() == MapCache::Last::Copied) ++playMapCopied;
            }
            if (framesFile) {
                std::ofstream out(std::string(framesFile) + ".playback");
                for (std::size_t f = 0; f < playMs.size(); ++f) out << f << '\t' << playMs[f] << '\t' << playCpuMs[f] << '\n';
            }
            playbackTo = state.tripTime;
            playbackEnded = !state.playing;
            // Again, split into map and interface time.
            startPlayback();
            viewer.setProfiling(true);
            for (int f = 0; f < kPlaybackFrames && state.playing; ++f) {
                geo::advancePlayback(state, scene, kDt);
                const Session::FrameStats stats = viewer.renderFrame({w, h}, kDt);
                playMapMs.push_back(stats.mapMs);
                playUiMs.push_back(stats.uiMs);
            }
            viewer.setProfiling(false);
        }
    }

    // 4. Presenting, with the live tools (printed as they run, after the figures above).
    const bool presentingScenario = content && !viewer.document().briefing().stories.empty();

    const double peakMb = platform::peakResidentMb();

    std::size_t loadedVertices = 0;
    for (const auto& l : viewer.document().map().layers) loadedVertices += l.data->vertexCount();
    std::printf("ktmap benchmark, 1920x1080, %zu layer(s), %zu source vertices loaded\n", viewer.document().map().layers.size(),
                loadedVertices);
    std::printf("  process start -> first complete frame : %8.1f ms  (main() -> first frame: %.1f ms; of which waiting for the data: %.1f ms)\n",
                firstFrameProcess, firstFrameMain, loadMs);
    std::printf("  CPU time until the first frame        : %8.1f ms  (every thread, the process's start included)\n", firstFrameCpu);
    std::printf("  loading (GDAL read + projection)      : %8.1f ms CPU   first frame's meshes: %.1f ms CPU (summed over threads)\n",
                viewer.loadTimings().loadMs, viewer.loadTimings().meshMs);
    std::printf("  other levels of detail, background    : %8.1f ms after the first frame\n", allLevelsMs);
    std::printf("  content on in the flight              : %s\n", defaultContent.c_str());
    printFlight(flight, keys, "  ");
    if (heldView)
        std::printf("  held view %.4f,%.4f,%.2f (60 frames)  : median %6.2f ms (map %.2f, interface %.2f); first frame %.2f ms, %zu "
                    "triangles, %zu draws; map from its copy in %zu\n",
                    heldView->lon, heldView->lat, heldView->zoom, percentile(heldMs, 0.5), percentile(heldMapMs, 0.5),
                    percentile(heldUiMs, 0.5), heldMs.front(), heldStats.triangles, heldStats.ranges, heldCopied);
    if (content) {
        std::printf("  content scenario, the same flight with every trip, partnership links, labels, sidebar:\n");
        std::printf("    %-36s: %s\n", "content on", allContent.c_str());
        printFlight(contentRun, keys, "    ");
    }
    if (!playMs.empty()) {
        std::printf("  playback scenario, trip %s at a fixed dt of 1/60 s:\n", playbackTrip.c_str());
        std::printf("    %-36s: %s\n", "content on", playbackContent.c_str());
        std::printf("    %-36s: day %.2f -> %.2f of %.0f%s, view %.2f,%.2f,%.2f (--view)\n", "played", playbackFrom, playbackTo,
                    playbackDays, playbackEnded ? " (to the end)" : "", playbackView.x, playbackView.y, playbackZoom);
        char what[64];
        std::snprintf(what, sizeof what, "frame time over %zu frames", playMs.size());
        std::printf("    %-36s: median %6.2f ms   p95 %6.2f ms   max %6.2f ms\n", what, percentile(playMs, 0.5),
                    percentile(playMs, 0.95), percentile(playMs, 1.0));
        const std::size_t slow = static_cast<std::size_t>(
            std::count_if(playMs.begin(), playMs.end(), [](double ms) { return ms > 1000.0 / 60.0; }));
        std::printf("    %-36s: std dev %6.2f ms   %zu frame(s) over 16.7 ms\n", "steadiness", standardDeviation(playMs), slow);
        std::printf("    %-36s: %zu of %zu frames\n", "sidebar drawn from its copy", playCopied, playMs.size());
        std::printf("    %-36s: %zu of %zu frames\n", "map drawn from its copy", playMapCopied, playMs.size());
        std::printf("    %-36s: median %6.2f ms   p95 %6.2f ms\n", "CPU time per frame, all threads", percentile(playCpuMs, 0.5),
                    percentile(playCpuMs, 0.95));
        std::printf("    %-36s: %6.2f ms / %6.2f ms\n", "of which map / interface (median)", percentile(playMapMs, 0.5),
                    percentile(playUiMs, 0.5));
        std::printf("    %-36s: median %6.3f ms   max %6.3f ms\n", "label placement per frame", percentile(playLabelMs, 0.5),
                    percentile(playLabelMs, 1.0));
        std::printf("    %-36s: %8.0f vertices (median; max %.0f)\n", "interface (ImGui) drawn per frame", percentile(playUiVertices, 0.5),
                    percentile(playUiVertices, 1.0));
    }
    std::printf("  peak memory (max RSS)                 : %8.1f MB\n", peakMb);
    if (presentingScenario) benchmarkLiveTools(viewer, w, h);
    headless.stop();
    return 0;
}

} // namespace app
