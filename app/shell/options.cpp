#include "shell/options.hpp"

#include "shell/app_paths.hpp"

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace app {

namespace {
// An environment switch: set, not empty and not "0".
bool switchedOn(const char* name) {
    const char* v = std::getenv(name);
    return v && *v && *v != '0';
}
} // namespace

ViewerOptions defaultOptions() {
    ViewerOptions options;
    options.layerFile = assetsDir() / "layers.toml";
    options.briefingFile = assetsDir() / "briefing.toml";
    options.paletteFile = assetsDir() / "palette.toml";
    options.shadersDir = shadersDir();
    options.mapCopy = !switchedOn("KTMAP_NO_MAP_CACHE");
    options.panelCopy = !switchedOn("KTMAP_NO_PANEL_CACHE");
    return options;
}

CommandLine parseCommandLine(int argc, char** argv) {
    CommandLine cmd;
    cmd.options = defaultOptions();
    ViewerOptions& options = cmd.options;
    CLI::App cli{"Taiwan–Kyushu cooperation briefing map", "ktmap"};
    cli.set_version_flag("--version", "ktmap " KTMAP_VERSION);
    // The defaults are described, not printed: --help is the man page's source, made in the
    // build tree, whose paths are not the installed ones.
    std::string layerFile = options.layerFile.string();
    std::string briefingFile = options.briefingFile.string();
    std::string paletteFile = options.paletteFile.string();
    std::vector<std::string> extra;
    std::string screenshot, size, view, check, exportPath, labelsOut, presentStory, captureDir, exportStory, exportOut;
    cli.add_option("--layers", layerFile, "Layer file (TOML) listing the base map layers (default: layers.toml in the assets folder)");
    cli.add_option("--layer", extra, "Add any OGR-readable vector file (shp, gpkg, geojson, kml) on top; repeatable");
    cli.add_option("--palette", paletteFile,
                   "Palette file (TOML): the colours of the content and the panels (default: palette.toml in the assets folder)");
    cli.add_option("--screenshot", screenshot, "Render one frame offscreen to this PNG and exit");
    cli.add_option("--size", size, "Window or screenshot size, WxH (default 1600x900)");
    cli.add_option("--view", view, "Initial view LON,LAT,ZOOM (web-map zoom levels, e.g. 130.7,32.8,11)");
    cli.add_option("--briefing", briefingFile,
                   "Briefing content file (TOML): sites, trips, partnerships; \"\" for none (default: briefing.toml in the assets folder)");
    cli.add_option("--check", check, "Validate a briefing content file, print every problem, exit 1 if it has errors");
    cli.add_option("--export", exportPath, "Export the briefing's sites, trips and partnerships to .geojson, .kml or .gpkg and exit");
    cli.add_flag("--fullscreen", options.fullscreen, "Start in full screen");
    cli.add_option("--select", options.selectSite, "Open the notes of this site or partnership (its id in the briefing file) at start");
    cli.add_option("--trip", options.trips,
                   "Show this trip's route (its id); repeatable; the first is the active one, framed unless --view is given");
    cli.add_option("--day", options.day, "Playback of the active trip at the end of this day (1 = its first day)")->check(CLI::Range(1, 400));
    cli.add_option("--lang", options.language, "Language of labels and interface: zh (繁體中文), ja (日本語) or en")
        ->check(CLI::IsMember({"zh", "ja", "en"}))
        ->capture_default_str();
    cli.add_option("--year", options.year, "Show the partnerships as they stood in this year")->check(CLI::Range(1900, 2100));
    auto* present = cli.add_option("--present", presentStory,
                                   "Start in presentation mode with this story (its id; the first story when none is given)")
                        ->expected(0, 1);
    cli.add_option("--step", options.step, "With --present: start at this step (1 = the first)")->check(CLI::Range(1, 9999));
    cli.add_flag("--reduced-motion", options.reducedMotion, "Cut between story steps instead of flying");
    cli.add_option("--display", options.display,
                   "Presenting with two or more displays: the projector's display, by number (1 = the first xrandr --listmonitors "
                   "lists) or name; default: one that is not the primary");
    cli.add_option("--capture-windows", captureDir,
                   "For tests: write the frames of the map and presenter windows (map.png, presenter.png) and their placement "
                   "(windows.txt) to this folder, then quit");
    cli.add_option("--clock", options.clock, "For tests: the presenter's clock shows this time (HH:MM:SS) and the time elapsed stays 0:00")
        ->check([](const std::string& v) {
            int h = 0, m = 0, sec = 0;
            char end = 0;
            const bool ok = std::sscanf(v.c_str(), "%2d:%2d:%2d%c", &h, &m, &sec, &end) == 3 && h >= 0 && h < 24 && m >= 0 && m < 60 &&
                            sec >= 0 && sec < 60 && v.size() == 8;
            return ok ? std::string() : std::string("--clock should be HH:MM:SS, e.g. 14:05:00");
        });
    cli.add_option("--export-story", exportStory, "Render every step of this story (or 'all') to PNG and a PDF, then exit");
    cli.add_option("--out", exportOut, "With --export-story: the folder to write into");
    cli.add_option("--frames", options.screenshotFrames, "With --screenshot: frames drawn before the capture (default 1)")
        ->check(CLI::Range(1, 1000));
    cli.add_option("--labels-out", labelsOut, "With --screenshot: write the placed labels' boxes (x0 y0 x1 y1, tab-separated) to this file");
    bool noSettings = false;
    cli.add_flag("--no-settings", noSettings,
                 "Start with the defaults and remember nothing (the last view, language, sidebar and motion are kept otherwise)");
    cli.add_flag("--no-sidebar", options.noSidebar, "Start with the sidebar hidden (Tab shows it)");
    cli.add_flag("--no-shaders", options.noShaders, "Draw the map with the fixed-function fallback used when GLSL 3.30 is missing");
    cli.add_option("--ui-scale", options.uiScale, "Interface scale, 1 to 3")->check(CLI::Range(1.0f, 3.0f));
    const std::string data = dataBesideExecutable();
    cli.footer("The assets folder is $KTMAP_ASSETS, else " + data + "/assets beside the executable; the shaders are in $KTMAP_SHADERS, else " +
               data +
               "/shaders. The viewer remembers its last view, language, sidebar and motion in "
               "$XDG_CONFIG_HOME/ktmap/settings.toml (~/.config/ktmap/settings.toml); it never writes beside its inputs.");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        cmd.exitCode = cli.exit(e);
        return cmd;
    }
    // The shipped data, where the run uses it: a missing folder is said once, here, with where it was looked for.
    {
        const bool defaultBriefing = cli.count("--briefing") == 0;
        const bool needAssets = check.empty() && (defaultBriefing || (exportPath.empty() && cli.count("--layers") == 0));
        const bool needShaders = check.empty() && exportPath.empty() && !options.noShaders;
        if (const std::string problem = missingDataMessage(needAssets, needShaders); !problem.empty()) {
            std::fputs(problem.c_str(), stderr);
            cmd.exitCode = 1;
            return cmd;
        }
    }

    options.layerFile = layerFile;
    options.briefingFile = briefingFile;
    options.paletteFile = paletteFile;
    for (const auto& e : extra) options.extraLayers.emplace_back(e);
    options.labelsOut = labelsOut;
    options.captureDir = captureDir;
    options.languageGiven = cli.count("--lang") > 0;
    options.present = present->count() > 0;
    options.presentStory = presentStory;
    if (!size.empty()) {
        int w = 0, h = 0;
        if (std::sscanf(size.c_str(), "%dx%d", &w, &h) != 2 || w < 16 || h < 16 || w > 8192 || h > 8192) {
            std::fprintf(stderr, "ktmap: --size '%s' should be WIDTHxHEIGHT, e.g. 1920x1080 (16 to 8192 each)\n", size.c_str());
            cmd.exitCode = 2;
            return cmd;
        }
        options.width = w;
        options.height = h;
        cmd.sizeGiven = true;
    }
    if (!view.empty()) {
        InitialView v;
        if (std::sscanf(view.c_str(), "%lf,%lf,%lf", &v.lon, &v.lat, &v.zoom) != 3 || std::abs(v.lon) > 180 || std::abs(v.lat) > 85 ||
            v.zoom < 0 || v.zoom > 22) {
            std::fprintf(stderr, "ktmap: --view '%s' should be LON,LAT,ZOOM, e.g. 130.7,32.8,11 (zoom 0 to 22)\n", view.c_str());
            cmd.exitCode = 2;
            return cmd;
        }
        options.view = v;
    }
    cmd.screenshot = screenshot;
    cmd.check = check;
    cmd.exportFile = exportPath;
    cmd.exportStory = exportStory;
    cmd.exportDir = exportOut;
    if (!check.empty()) cmd.mode = CommandLine::Mode::Check;
    else if (!exportPath.empty()) cmd.mode = CommandLine::Mode::Export;
    else if (!exportStory.empty()) cmd.mode = CommandLine::Mode::ExportStory;
    else if (!screenshot.empty()) cmd.mode = CommandLine::Mode::Screenshot;
    if (cmd.mode == CommandLine::Mode::ExportStory && exportOut.empty()) {
        std::fprintf(stderr, "ktmap: --export-story needs --out DIR (the folder for the images and the PDF)\n");
        cmd.exitCode = 2;
        return cmd;
    }
    // Screenshots, exports, the benchmark and the soak are the same on every machine: only
    // the interactive viewer remembers (in the XDG config folder, never beside the inputs).
    options.rememberSettings = cmd.mode == CommandLine::Mode::Interactive && !noSettings;
    return cmd;
}

} // namespace app
