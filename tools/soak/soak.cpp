#include "soak/soak.hpp"

#include "platform/process_stats.hpp"
#include "shell/headless.hpp"

#include <geo/view/camera.hpp>

#include <SFML/Window/Context.hpp>
#include <epoxy/gl.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>
#include <random>

namespace app {

namespace {

// Resident memory of this process in MB (/proc/self/statm), 0 when unknown.
std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Saves `text` as an editor does: a new file renamed over the old one.
void save(const std::filesystem::path& file, const std::string& text) {
    const std::filesystem::path tmp = file.string() + ".saving";
    {
        std::ofstream out(tmp, std::ios::binary);
        out << text;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
}

// The layer file with its relative sources made absolute (against the original's folder),
// so that a copy in another folder draws the same map.
std::string withAbsoluteSources(const std::string& text, const std::filesystem::path& originalDir) {
    std::istringstream in(text);
    std::string out, line;
    const std::string key = "source = \"";
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0 && line.size() > key.size() && line[key.size()] != '/')
            line = key + (originalDir / line.substr(key.size())).string();
        out += line + "\n";
    }
    return out;
}

// The layer file with another sea colour (the first `color = "#RRGGBB"`; unchanged when there is none).
std::string withSea(std::string text, const std::string& rrggbb) {
    const std::string key = "\ncolor = \"#";
    const auto at = text.find(key);
    if (at != std::string::npos && at + key.size() + 6 <= text.size()) text.replace(at + key.size(), 6, rrggbb);
    return text;
}

} // namespace

int runSoak(const ViewerOptions& inOptions, int frames) {
    if (inOptions.briefingFile.empty()) {
        std::fprintf(stderr, "soak: needs a briefing file (--briefing)\n");
        return 1;
    }
    // A private copy of the content: the run edits it, never the user's file.
    std::error_code made;
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("ktmap-soak-" + std::to_string(std::random_device{}()) + "-" +
                                                   std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    if (!std::filesystem::create_directories(dir, made) || made) {
        std::fprintf(stderr, "soak: cannot make a temporary folder\n");
        return 1;
    }
    const std::filesystem::path copy = dir / "briefing.toml";
    const std::string original = readAll(inOptions.briefingFile);
    save(copy, original);

    // And of the layer file, edited by the run as well: restyled, layers dropped and put back, broken.
    const std::filesystem::path layersCopy = dir / "layers.toml";
    const std::string layersOriginal =
        inOptions.layerFile.empty() ? std::string() : withAbsoluteSources(readAll(inOptions.layerFile), inOptions.layerFile.parent_path());
    const std::string layersRestyled = withSea(layersOriginal, "203040");
    const std::string layersDropped = layersOriginal.substr(0, layersOriginal.rfind("[[layer]]")); // the top layer gone
    const std::string layersBroken = layersRestyled + "\n[[layer]]\nid = \"broken\"\nsource = \"x.shp\"\nstroke = \"#000\n";
    if (!layersOriginal.empty()) save(layersCopy, layersOriginal);

    ViewerOptions options = inOptions;
    options.briefingFile = copy;
    if (!layersOriginal.empty()) options.layerFile = layersCopy;
    options.width = 1280;
    options.height = 720;
    options.view.reset();
    const int w = options.width, h = options.height;
    Session viewer(options);
    viewer.startLoading();
    Headless headless(viewer);
    viewer.finishLoading();
    if (!headless.start("soak")) return 1;
    if (!viewer.document().hasContent()) {
        std::fprintf(stderr, "soak: the briefing file could not be used\n");
        return 1;
    }
    OffscreenTarget& target = headless.target();
    geo::ContentState& state = viewer.content().state;
    viewer.waitForAllLevels(); // every level of detail on the GPU first: what grows later is not the map's cache
    const float dt = 1.0f / 60.0f;
    int cw = w, ch = h; // the target's size now: presenting, it changes as a projector's would
    int failures = 0;
    auto fail = [&](int frame, const std::string& what) {
        std::fprintf(stderr, "soak: frame %d: %s\n", frame, what.c_str());
        ++failures;
    };
    const geo::Color background0 = viewer.document().map().background;
    const std::size_t layerCount0 = viewer.document().map().layers.size();
    std::vector<double> reloadMs;
    std::size_t layerRestyles = 0, layerReloads = 0, layerKept = 0, resizes = 0;
    const double startMb = platform::residentMb();
    double afterWarmUpMb = startMb;
    std::printf("soak: %d frames at %dx%d, content copied to %s\n", frames, w, h, copy.c_str());
    std::printf("soak: resident memory at start %.1f MB\n", startMb);
    std::size_t selections = 0, trips = 0, reloads = 0, stories = 0;
    const int phaseLength = 40;
    for (int frame = 0; frame < frames; ++frame) {
        const geo::Briefing& b = viewer.document().briefing();
        const geo::ContentScene& scene = viewer.document().scene();
        const int phase = (frame / phaseLength) % 6;
        const int step = frame % phaseLength;
        const int round = frame / (phaseLength * 6);
        switch (phase) {
        case 0: // pan and zoom like a presenter's mouse
            viewer.camera().panPixels({7.0 * std::sin(frame * 0.05), 5.0 * std::cos(frame * 0.03)});
            viewer.camera().zoomAbout({w * 0.5, h * 0.5}, step < phaseLength / 2 ? 1.04 : 1.0 / 1.04);
            break;
        case 1: // select every site in turn, framing it
            if (!b.sites.empty() && step % 4 == 0) {
                geo::select(state, b, b.sites[selections++ % b.sites.size()].id);
                if (const auto framing = geo::selectionFrame(state, b, scene)) viewer.frame(*framing, true);
            }
            break;
        case 2: // play every trip in turn
            if (!b.trips.empty() && step == 0) {
                const std::string& id = b.trips[trips++ % b.trips.size()].id;
                if (geo::activateTrip(state, scene, id)) viewer.frame(geo::tripFrame(scene, *scene.trip(id)), true);
                geo::togglePlay(state, scene);
            }
            geo::advancePlayback(state, scene, dt * 20.0f); // a day every few frames
            break;
        case 3: // switch languages
            if (step % 10 == 0) state.language = static_cast<geo::Language>((step / 10 + round) % 3);
            break;
        case 4: // hot reload: a valid edit, then a broken one, then the original again
            if (step == 0) save(copy, original + "\n# edited " + std::to_string(round) + "\n");
            if (step == 15) save(copy, original + "\n[[site]]\nid = \"broken\"\nkind = \"nope\"\nname_zh = \"壞\xe2\x80\n");
            if (step == 30) save(copy, original);
            {
                // The content file is read and checked on a thread of its own; applying it is the frame's cost.
                const auto t0 = std::chrono::steady_clock::now();
                if (viewer.pollContent()) {
                    ++reloads;
                    reloadMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
                }
            }
            // The layer file: restyled (every fourth round, its top layer dropped instead), broken, restored.
            if (layersOriginal.empty()) break;
            if (step == 5) save(layersCopy, round % 4 == 3 ? layersDropped : layersRestyled);
            if (step == 20) save(layersCopy, layersBroken);
            if (step == 35) save(layersCopy, layersOriginal);
            if (step == 6 || step == 21 || step == 36) {
                const std::size_t before = viewer.document().map().layers.size();
                const geo::Color bgBefore = viewer.document().map().background;
                if (!viewer.pollLayerFile(true, true)) {
                    fail(frame, "a save of the layer file was not seen");
                    break;
                }
                const geo::BaseMap& map = viewer.document().map();
                const bool dropped = map.layers.size() + 1 == before;
                const bool restored = map.layers.size() == layerCount0 && before + 1 == layerCount0;
                if (step == 21) {
                    ++layerKept;
                    if (map.layers.size() != before || !(map.background == bgBefore)) fail(frame, "a broken layer file changed the map");
                } else if (dropped || restored) {
                    ++layerReloads;
                } else {
                    ++layerRestyles;
                    const bool wantOriginal = step == 36;
                    const bool styled = layersRestyled != layersOriginal; // the background line was found
                    if (map.layers.size() != layerCount0 || (styled && wantOriginal != (map.background == background0)))
                        fail(frame, "the layer file's new style is not on the map");
                }
            }
            break;
        case 5: // present a story, step through it, leave
            if (step == 0 && !b.stories.empty()) {
                viewer.presenting().enter(b.stories[stories++ % b.stories.size()].id);
            } else if (viewer.presentation().active()) {
                if (step % 5 == 0) {
                    viewer.presentation().navigator().next();
                    viewer.applyCurrentStep(true);
                }
                // The live tools: the laser, the spotlight and its wheel, a pen stroke undone, a
                // highlighter stroke kept for the run, a zoom box and back to the step.
                PresenterTools& tools = viewer.tools();
                const glm::dvec2 p(cw * (0.3 + 0.04 * (step % 10)), ch * (0.4 + 0.03 * (step % 7)));
                if (step == 2 || step == 4) tools.command(StoryCommand::Laser);
                if (step == 6 || step == 9) tools.command(StoryCommand::Spotlight);
                if (step == 7) tools.wheel(step % 2 ? 1.0f : -1.0f);
                if (step == 24 || step == 26) tools.command(step == 24 ? StoryCommand::Pen : StoryCommand::Highlighter);
                if (step == 24 || step == 26) {
                    tools.press(p, false);
                    for (int i = 1; i < 8; ++i) tools.move(p + glm::dvec2(12.0 * i, 5.0 * (i % 3)));
                    tools.release(p + glm::dvec2(96.0, 0.0), true);
                }
                if (step == 25) tools.command(StoryCommand::UndoInk);
                if (step == 27) tools.command(StoryCommand::InkColour);
                if (step == 28) {
                    tools.command(StoryCommand::Highlighter); // off
                    tools.press(p, true);                    // Shift: the zoom box
                    tools.move(p + glm::dvec2(200.0, 120.0));
                    tools.release(p + glm::dvec2(200.0, 120.0), true);
                }
                if (step == 29) tools.command(StoryCommand::BackToStep);
                tools.move(p);
                if (step == 20) viewer.presentation().navigator().toggleBlank();
                if (step == 22) viewer.presentation().navigator().toggleBlank();
                // The projector unplugged, another one, the laptop's screen: the step stays, framed anew.
                if (step == 12 || step == 15 || step == 18) {
                    static const int sizes[][2] = {{1920, 1080}, {3840, 2160}, {1280, 720}};
                    const int* next = sizes[(step - 12) / 3];
                    const std::size_t stepBefore = viewer.presentation().navigator().current();
                    const std::string storyId = viewer.presentation().storyId();
                    target.release();
                    cw = next[0];
                    ch = next[1];
                    if (!target.create(cw, ch)) {
                        fail(frame, "cannot make a " + std::to_string(cw) + "x" + std::to_string(ch) + " framebuffer");
                        cw = w;
                        ch = h;
                        target.create(cw, ch);
                    }
                    viewer.resized(cw, ch);
                    ++resizes;
                    if (viewer.presentation().navigator().current() != stepBefore) fail(frame, "a resize lost the story step");
                    // Framed as if the presentation had started at this size: leave, start again at that step, compare.
                    const glm::dvec2 centre = viewer.camera().center();
                    const double mpp = viewer.camera().metersPerPixel();
                    viewer.presenting().leave();
                    viewer.presenting().enter(storyId, stepBefore);
                    const glm::dvec2 d = viewer.camera().center() - centre;
                    if (viewer.camera().viewport().x != cw || std::abs(viewer.camera().metersPerPixel() / mpp - 1.0) > 1e-9 ||
                        std::abs(d.x) > mpp * 0.5 || std::abs(d.y) > mpp * 0.5)
                        fail(frame, "the camera did not re-fit the step to " + std::to_string(cw) + "x" + std::to_string(ch));
                }
                if (step == phaseLength - 1) {
                    viewer.presenting().leave();
                    if (viewer.tools().live().mode != geo::PointerMode::Pan || viewer.tools().live().spotlight.on())
                        fail(frame, "a live tool stayed on after presenting ended");
                }
            }
            break;
        default: break;
        }
        viewer.view().step(dt);
        viewer.takeLevels();
        viewer.renderFrame({cw, ch}, dt);
        glFinish(); // the frame boundary a window's swap would be (llvmpipe queues work until one)
        if (frame == phaseLength * 6 - 1) afterWarmUpMb = platform::residentMb(); // every phase once: caches and atlas filled
        if ((frame + 1) % 1000 == 0) std::printf("soak: frame %d, resident %.1f MB\n", frame + 1, platform::residentMb());
    }
    if (viewer.presentation().active()) viewer.presenting().leave();
    const double endMb = platform::residentMb();
    std::printf("soak: %zu selections, %zu trips played, %zu reloads seen, %zu stories presented\n", selections, trips, reloads,
                stories);
    if (!reloadMs.empty()) {
        std::sort(reloadMs.begin(), reloadMs.end());
        std::printf("soak: content reloads, what applying one costs the frame (a %.0f KB file, read and checked off the frame thread): median %.1f ms, max %.1f ms\n",
                    static_cast<double>(original.size()) / 1024.0, reloadMs[reloadMs.size() / 2], reloadMs.back());
    }
    std::printf("soak: layer file %zu restyles, %zu reloads, %zu broken saves kept out; %zu resizes while presenting\n",
                layerRestyles, layerReloads, layerKept, resizes);
    std::printf("soak: resident memory %.1f MB at start, %.1f MB after the first round of every phase, %.1f MB at the end "
                "(growth after warm-up %+.1f MB)\n",
                startMb, afterWarmUpMb, endMb, endMb - afterWarmUpMb);
    headless.stop();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    if (failures) std::fprintf(stderr, "soak: %d check(s) failed\n", failures);
    return failures ? 1 : 0;
}

} // namespace app
