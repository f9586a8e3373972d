// The benchmark's presenting scenarios: the live tools over a story step held still at
// 1920x1080, the laser moving, the spotlight on and following the pointer, and 50 ink strokes
// on screen (a frame each, timed with glFinish; the map should come from its copy).
#include "benchmark/benchmark.hpp"

#include "shell/session.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <vector>

namespace app {

namespace {

struct Run {
    std::vector<double> ms;
    std::size_t mapCopied = 0;
};

void print(const char* what, const Run& run) {
    const std::size_t slow =
        static_cast<std::size_t>(std::count_if(run.ms.begin(), run.ms.end(), [](double ms) { return ms > 1000.0 / 60.0; }));
    std::printf("    %-36s: median %6.2f ms   p95 %6.2f ms   max %6.2f ms   %zu over 16.7 ms   map from its copy in %zu of %zu\n", what,
                percentile(run.ms, 0.5), percentile(run.ms, 0.95), percentile(run.ms, 1.0), slow, run.mapCopied, run.ms.size());
}

} // namespace

void benchmarkLiveTools(Session& viewer, int w, int h) {
    if (!viewer.document().hasContent() || viewer.document().briefing().stories.empty()) return;
    const geo::Story& story = viewer.document().briefing().stories.front();
    const std::size_t step = std::min<std::size_t>(2, story.steps.size() - 1);
    viewer.presentation().reducedMotion = true; // the step is cut to: the camera holds still
    if (!viewer.presenting().enter(story.id, step)) return;
    constexpr int kFrames = 240;
    constexpr float kDt = 1.0f / 60.0f;
    using Clock = std::chrono::steady_clock;
    PresenterTools& tools = viewer.tools();
    // A frame with the pointer at `p` (screen pixels), timed.
    auto frame = [&](Run& run, glm::dvec2 p) {
        const auto start = Clock::now();
        tools.move(p);
        viewer.update(kDt);
        viewer.renderFrame({w, h}, kDt);
        glFinish();
        run.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (viewer.mapCopyLast() == MapCache::Last::Copied) ++run.mapCopied;
    };
    // The pointer circling the middle of the screen, as a presenter's hand does.
    auto circling = [&](int f) {
        const double a = 2.0 * 3.14159265358979 * f / 90.0;
        return glm::dvec2(w * 0.5 + w * 0.25 * std::cos(a), h * 0.5 + h * 0.25 * std::sin(a));
    };
    for (int f = 0; f < 10; ++f) viewer.renderFrame({w, h}, kDt); // settle: levels, glyphs, the map's copy

    Run still, laser, spotlight, ink;
    for (int f = 0; f < kFrames; ++f) frame(still, {w * 0.5, h * 0.5});
    tools.command(StoryCommand::Laser);
    for (int f = 0; f < kFrames; ++f) frame(laser, circling(f));
    tools.command(StoryCommand::Laser);
    tools.command(StoryCommand::Spotlight);
    for (int f = 0; f < kFrames; ++f) frame(spotlight, circling(f));
    tools.command(StoryCommand::Spotlight);
    // 50 strokes across the screen, each a wavy line of 60 pointer samples.
    tools.command(StoryCommand::Pen);
    std::size_t points = 0;
    for (int s = 0; s < 50; ++s) {
        const double y0 = h * (0.1 + 0.8 * s / 50.0);
        tools.press({w * 0.1, y0}, false);
        for (int i = 1; i <= 60; ++i)
            tools.move({w * (0.1 + 0.8 * i / 60.0), y0 + 25.0 * std::sin(i * 0.4 + s)});
        tools.release({w * 0.9, y0}, true);
    }
    tools.command(StoryCommand::Pen);
    for (const geo::InkStroke& s : tools.live().ink.strokes(tools.page())) points += s.world.size();
    for (int f = 0; f < 10; ++f) viewer.renderFrame({w, h}, kDt);
    for (int f = 0; f < kFrames; ++f) frame(ink, {w * 0.5, h * 0.5});

    std::printf("  presenting scenario, story %s step %zu held still, %d frames each:\n", story.id.c_str(), step + 1, kFrames);
    print("no tool", still);
    print("laser moving", laser);
    print("spotlight on, following the pointer", spotlight);
    char what[64];
    std::snprintf(what, sizeof what, "50 ink strokes (%zu points)", points);
    print(what, ink);
    viewer.presenting().leave();
}

} // namespace app
