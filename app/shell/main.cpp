// ktmap: the Taiwan–Kyushu cooperation briefing map.
#include "shell/app_paths.hpp"

#include <geo/briefing/briefing.hpp>
#include <geo/briefing/briefing_export.hpp>
#include "shell/viewer.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/cfg/env.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#ifdef __GLIBC__
#include <malloc.h>
#endif

int main(int argc, char** argv) {
#ifdef __GLIBC__
    // Two malloc arenas instead of one per loading and meshing thread: what those threads
    // free goes back to a shared arena instead of staying in theirs (peak RSS of the
    // benchmark 304 -> 290 MB, no slower frames or start-up here).
    mallopt(M_ARENA_MAX, 2);
#endif
    spdlog::cfg::load_env_levels(); // SPDLOG_LEVEL=debug shows start-up timings
    app::ViewerOptions options;
    CLI::App cli{"Taiwan–Kyushu cooperation briefing map", "ktmap"};
    cli.set_version_flag("--version", "ktmap " KTMAP_VERSION);
    // The defaults are described, not printed: --help is the man page's source, made in the
    // build tree, whose paths are not the installed ones.
    std::string layerFile = (app::assetsDir() / "layers.toml").string();
    std::vector<std::string> extra;
    std::string screenshot, size, view;
    cli.add_option("--layers", layerFile,
                   "Layer file (TOML) listing the base map layers (default: layers.toml in the assets folder)");
    cli.add_option("--layer", extra, "Add any OGR-readable vector file (shp, gpkg, geojson, kml) on top; repeatable");
    cli.add_option("--screenshot", screenshot, "Render one frame offscreen to this PNG and exit");
    cli.add_option("--size", size, "Window or screenshot size, WxH (default 1600x900)");
    cli.add_option("--view", view, "Initial view LON,LAT,ZOOM (web-map zoom levels, e.g. 130.7,32.8,11)");
    std::string briefingFile = (app::assetsDir() / "briefing.toml").string();
    std::string check, exportPath;
    cli.add_option("--briefing", briefingFile,
                   "Briefing content file (TOML): sites, trips, partnerships; \"\" for none (default: briefing.toml in "
                   "the assets folder)");
    cli.add_option("--check", check, "Validate a briefing content file, print every problem, exit 1 if it has errors");
    cli.add_option("--export", exportPath, "Export the briefing's sites, trips and partnerships to .geojson, .kml or .gpkg and exit");
    cli.add_flag("--fullscreen", options.fullscreen, "Start in full screen");
    cli.add_option("--select", options.selectSite, "Open the notes of this site or partnership (its id in the briefing file) at start");
    cli.add_option("--trip", options.trips, "Show this trip's route (its id); repeatable; the first is the active one, framed unless --view is given");
    cli.add_option("--day", options.day, "Playback of the active trip at the end of this day (1 = its first day)")->check(CLI::Range(1, 400));
    cli.add_option("--lang", options.language, "Language of labels and interface: zh (繁體中文), ja (日本語) or en")
        ->check(CLI::IsMember({"zh", "ja", "en"}))
        ->capture_default_str();
    cli.add_option("--year", options.year, "Show the partnerships as they stood in this year")->check(CLI::Range(1900, 2100));
    std::string labelsOut;
    std::string presentStory;
    auto* present = cli.add_option("--present", presentStory,
                                   "Start in presentation mode with this story (its id; the first story when none is given)")
                        ->expected(0, 1);
    cli.add_option("--step", options.step, "With --present: start at this step (1 = the first)")->check(CLI::Range(1, 9999));
    cli.add_flag("--reduced-motion", options.reducedMotion, "Cut between story steps instead of flying");
    cli.add_option("--display", options.display,
                   "Presenting with two or more displays: the projector's display, by number (1 = the first xrandr --listmonitors "
                   "lists) or name; default: one that is not the primary");
    std::string captureDir;
    cli.add_option("--capture-windows", captureDir,
                   "For tests: write the frames of the map and presenter windows (map.png, presenter.png) and their placement "
                   "(windows.txt) to this folder, then quit");
    cli.add_option("--clock", options.clock, "For tests: the presenter's clock shows this time (HH:MM:SS) and the time elapsed stays 0:00")
        ->check([](const std::string& v) {
            int h = 0, m = 0, sec = 0;
            char end = 0;
            const bool ok = std::sscanf(v.c_str(), "%2d:%2d:%2d%c", &h, &m, &sec, &end) == 3 && h >= 0 && h < 24 && m >= 0 &&
                            m < 60 && sec >= 0 && sec < 60 && v.size() == 8;
            return ok ? std::string() : std::string("--clock should be HH:MM:SS, e.g. 14:05:00");
        });
    std::string exportStory, exportOut;
    cli.add_option("--export-story", exportStory, "Render every step of this story (or 'all') to PNG and a PDF, then exit");
    cli.add_option("--out", exportOut, "With --export-story: the folder to write into");
    cli.add_option("--frames", options.screenshotFrames, "With --screenshot: frames drawn before the capture (at least 3)")
        ->check(CLI::Range(3, 1000));
    cli.add_option("--labels-out", labelsOut, "With --screenshot: write the placed labels' boxes (x0 y0 x1 y1 text, tab-separated) to this file");
    bool noSettings = false;
    cli.add_flag("--no-settings", noSettings,
                 "Start with the defaults and remember nothing (the last view, language, sidebar and motion are kept otherwise)");
    cli.add_flag("--no-sidebar", options.noSidebar, "Start with the sidebar hidden (Tab shows it)");
    cli.add_flag("--no-shaders", options.noShaders, "Draw the map with the fixed-function fallback used when GLSL 3.30 is missing");
    cli.add_option("--ui-scale", options.uiScale, "Interface scale, 1 to 3")->check(CLI::Range(1.0f, 3.0f));
    const std::string data = app::dataBesideExecutable();
    cli.footer(
        "The assets folder is $KTMAP_ASSETS, else " + data +
        "/assets beside the executable; the shaders are in $KTMAP_SHADERS, else " + data +
        "/shaders. The viewer remembers its last view, language, sidebar and motion in "
        "$XDG_CONFIG_HOME/ktmap/settings.toml (~/.config/ktmap/settings.toml); it never writes beside its inputs.");
    CLI11_PARSE(cli, argc, argv);

    // The shipped data, where the run uses it: a missing folder is said once, here, with where it was looked for.
    {
        const bool defaultBriefing = cli.count("--briefing") == 0;
        const bool needAssets =
            check.empty() && (defaultBriefing || (exportPath.empty() && cli.count("--layers") == 0));
        const bool needShaders = check.empty() && exportPath.empty() && !options.noShaders;
        if (const std::string problem = app::missingDataMessage(needAssets, needShaders); !problem.empty()) {
            std::fputs(problem.c_str(), stderr);
            return 1;
        }
    }

    if (!check.empty()) {
        const geo::BriefingLoadResult r = geo::loadBriefingFile(check);
        for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        const auto& b = r.briefing;
        std::size_t stops = 0;
        for (const auto& t : b.trips) stops += t.stops.size();
        std::printf("%s: %zu site(s), %zu trip(s) with %zu stop(s), %zu partnership(s); %s\n", check.c_str(), b.sites.size(),
                    b.trips.size(), stops, b.partnerships.size(), geo::hasErrors(r.diagnostics) ? "has errors" : "valid");
        return geo::hasErrors(r.diagnostics) ? 1 : 0;
    }
    if (!exportPath.empty()) {
        const geo::BriefingLoadResult r = geo::loadBriefingFile(briefingFile);
        for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        if (geo::hasErrors(r.diagnostics)) {
            std::fprintf(stderr, "ktmap: not exporting: %s has errors (fix them, or check with --check)\n", briefingFile.c_str());
            return 1;
        }
        const geo::Diagnostics problems = geo::exportBriefing(r.briefing, exportPath);
        for (const auto& d : problems) std::fprintf(stderr, "%s\n", d.format().c_str());
        if (geo::hasErrors(problems)) return 1;
        std::printf("wrote %s\n", exportPath.c_str());
        return 0;
    }
    options.labelsOut = labelsOut;
    options.captureDir = captureDir;
    options.languageGiven = cli.count("--lang") > 0;
    options.present = present->count() > 0;
    options.presentStory = presentStory;
    options.layerFile = layerFile;
    options.briefingFile = briefingFile;
    for (const auto& e : extra) options.extraLayers.emplace_back(e);
    if (!size.empty()) {
        int w = 0, h = 0;
        if (std::sscanf(size.c_str(), "%dx%d", &w, &h) != 2 || w < 16 || h < 16 || w > 8192 || h > 8192) {
            std::fprintf(stderr, "ktmap: --size '%s' should be WIDTHxHEIGHT, e.g. 1920x1080 (16 to 8192 each)\n", size.c_str());
            return 2;
        }
        options.width = w;
        options.height = h;
    }
    if (!view.empty()) {
        app::InitialView v;
        if (std::sscanf(view.c_str(), "%lf,%lf,%lf", &v.lon, &v.lat, &v.zoom) != 3 || std::abs(v.lon) > 180 ||
            std::abs(v.lat) > 85 || v.zoom < 0 || v.zoom > 22) {
            std::fprintf(stderr, "ktmap: --view '%s' should be LON,LAT,ZOOM, e.g. 130.7,32.8,11 (zoom 0 to 22)\n", view.c_str());
            return 2;
        }
        options.view = v;
    }
    if (!exportStory.empty()) {
        if (exportOut.empty()) {
            std::fprintf(stderr, "ktmap: --export-story needs --out DIR (the folder for the images and the PDF)\n");
            return 2;
        }
        // The story ids, from the briefing file itself.
        const geo::BriefingLoadResult content = geo::loadBriefingFile(options.briefingFile);
        std::vector<std::string> ids;
        if (exportStory == "all")
            for (const auto& s : content.briefing.stories) ids.push_back(s.id);
        else
            ids.push_back(exportStory);
        if (ids.empty()) {
            std::fprintf(stderr, "ktmap: %s has no stories to export\n", options.briefingFile.c_str());
            return 1;
        }
        // 1920x1080 for slides and a PDF of every step, 3840x2160 for print; --size gives one size.
        std::vector<std::pair<int, int>> sizes;
        if (!size.empty()) sizes.push_back({options.width, options.height});
        else sizes = {{1920, 1080}, {3840, 2160}};
        const float baseScale = options.uiScale;
        int status = 0;
        for (std::size_t k = 0; k < sizes.size(); ++k) {
            app::ViewerOptions o = options;
            o.width = sizes[k].first;
            o.height = sizes[k].second;
            o.uiScale = std::min(3.0f, baseScale * static_cast<float>(o.height) / 1080.0f); // the same layout at every size
            const std::filesystem::path dir = std::filesystem::path(exportOut) / (std::to_string(o.width) + "x" + std::to_string(o.height));
            const std::filesystem::path pdf = k == 0 ? std::filesystem::path(exportOut) / "stories.pdf" : std::filesystem::path();
            app::Viewer exporter(o);
            status |= exporter.runStoryExport(ids, dir, pdf);
        }
        return status;
    }
    // Screenshots, exports, the benchmark and the soak are the same on every machine: only
    // the interactive viewer remembers (in the XDG config folder, never beside the inputs).
    options.rememberSettings = screenshot.empty() && !noSettings;
    app::Viewer viewer(options);
    if (!screenshot.empty()) return viewer.runScreenshot(screenshot);
    return viewer.runInteractive();
}
