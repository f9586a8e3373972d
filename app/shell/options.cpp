#include "shell/options.hpp"

#include "shell/app_paths.hpp"

#include <CLI/CLI.hpp>

#include <cmath>
#include <regex>
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

std::optional<double> parseDuration(const std::string& text) {
    static const std::regex clock(R"(^(\d+):([0-5]\d)(?::([0-5]\d))?$)");
    static const std::regex units(R"(^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?:in)?)?(?:(\d+(?:\.\d+)?)s)?$)");
    static const std::regex minutes(R"(^\d+(?:\.\d+)?$)");
    std::smatch m;
    double seconds = 0.0;
    if (std::regex_match(text, m, clock)) {
        // m:ss, or h:mm:ss
        seconds = m[3].matched ? std::stod(m[1]) * 3600.0 + std::stod(m[2]) * 60.0 + std::stod(m[3])
                               : std::stod(m[1]) * 60.0 + std::stod(m[2]);
    } else if (std::regex_match(text, m, minutes)) {
        seconds = std::stod(text) * 60.0;
    } else if (!text.empty() && std::regex_match(text, m, units)) {
        if (m[1].matched) seconds += std::stod(m[1]) * 3600.0;
        if (m[2].matched) seconds += std::stod(m[2]) * 60.0;
        if (m[3].matched) seconds += std::stod(m[3]);
    } else {
        return std::nullopt;
    }
    if (!(seconds > 0.0) || seconds > 24.0 * 3600.0) return std::nullopt;
    return seconds;
}

std::optional<int> endOfDay(const std::string& text) {
    int h = 0, m = 0;
    char end = 0;
    if (std::sscanf(text.c_str(), "%d:%d%c", &h, &m, &end) != 2 || h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
    return h * 3600 + m * 60;
}

std::optional<InkOption> parseInk(const std::string& text) {
    InkOption ink;
    const auto colon = text.find(':');
    if (colon == std::string::npos) return std::nullopt;
    std::string tool = text.substr(0, colon);
    int colour = 1;
    while (!tool.empty() && tool.back() >= '0' && tool.back() <= '9') tool.pop_back();
    if (tool.size() < colon) colour = std::atoi(text.substr(tool.size(), colon - tool.size()).c_str());
    if (tool == "highlighter") ink.highlighter = true;
    else if (tool != "pen") return std::nullopt;
    if (colour < 1) return std::nullopt;
    ink.colour = colour - 1;
    std::size_t at = colon + 1;
    while (at < text.size()) {
        const auto semi = text.find(';', at);
        const std::string point = text.substr(at, semi == std::string::npos ? std::string::npos : semi - at);
        double lon = 0, lat = 0;
        char end = 0;
        if (std::sscanf(point.c_str(), "%lf,%lf%c", &lon, &lat, &end) != 2 || std::abs(lon) > 180 || std::abs(lat) > 85) return std::nullopt;
        ink.lonLat.emplace_back(lon, lat);
        if (semi == std::string::npos) break;
        at = semi + 1;
    }
    if (ink.lonLat.empty()) return std::nullopt;
    return ink;
}

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
    std::string screenshot, size, view, check, exportPath, labelsOut, presentStory, captureDir, exportStory, exportOut, handout;
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
    cli.add_option("--export", exportPath,
                   "Export the briefing's sites, trips and partnerships and exit: .kml or .kmz for Google Earth (styles, balloons, "
                   "time, a tour per story), .gpkg for QGIS (with its styles and a project), or .geojson");
    cli.add_option("--export-handout", handout,
                   "Write a printable A4 handout (PDF: cover, a page per trip and partnership, an index of sites) in --lang "
                   "with English beside it, and exit");
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
    cli.add_flag("--rehearse", options.rehearse,
                 "Practise at a desk with one display: present (--present) in a window, with the presenter window beside it; "
                 "each run's step times are kept in $XDG_STATE_HOME/ktmap/rehearsal.toml and shown the next time");
    std::string target, laser, spotlight;
    std::vector<std::string> ink;
    cli.add_option("--target", target, "Presenting: the talk's length (25m, 1h10m, 25:00, or minutes); the presenter sees the time left "
                                       "and turns amber, then red, when behind plan");
    cli.add_option("--target-end", options.targetEnd, "Presenting: the time of day the talk must end (HH:MM), instead of --target");
    cli.add_option("--laser", laser, "Presenting, for still frames and tests: the laser pointer on, its dot at X,Y (pixels)");
    cli.add_option("--spotlight", spotlight,
                   "Presenting, for still frames and tests: the spotlight on SITE or at X,Y, with an optional radius "
                   "(a fraction of the height): SITE[,R] or X,Y[,R]");
    cli.add_option("--ink", ink,
                   "Presenting, for still frames and tests: a stroke on the first step shown, pen|highlighter[N]:LON,LAT;LON,LAT;... "
                   "(N: its colour, 1 = the first); repeatable");
    cli.add_option("--export-story", exportStory, "Render every step of this story (or 'all') to PNG and a PDF, then exit");
    cli.add_option("--out", exportOut, "With --export-story: the folder to write into");
    cli.add_flag("--video", cmd.video, "With --export-story: write each story as a video, DIR/STORY.mp4 (H.264), instead of images");
    cli.add_option("--fps", cmd.fps, "With --video: frames per second, 30 (the default) or 60")->check(CLI::IsMember({30, 60}));
    cli.add_option("--frames", options.screenshotFrames, "With --screenshot: frames drawn before the capture (default 1)")
        ->check(CLI::Range(1, 1000));
    cli.add_option("--labels-out", labelsOut, "With --screenshot: write every box label placement considered, one per line: kind x0 y0 x1 y1 (kind: label, marker, badge, callout, caption, panel)");
    bool noSettings = false;
    cli.add_flag("--no-settings", noSettings,
                 "Start with the defaults and remember nothing (the last view, language, sidebar and motion are kept otherwise)");
    cli.add_flag("--no-sidebar", options.noSidebar, "Start with the sidebar hidden (Tab shows it)");
    cli.add_flag("--no-shaders", options.noShaders, "Draw the map with the fixed-function fallback used when GLSL 3.30 is missing");
    cli.add_flag("--bitmap-text", options.bitmapText,
                 "Draw the map's labels, badges and captions with the interface's bitmap font instead of signed distance fields (for comparisons)");
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
        const bool dataExport = !exportPath.empty() && handout.empty() && exportStory.empty();
        const bool needShaders = check.empty() && !dataExport && !options.noShaders;
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
    if (!target.empty()) {
        const auto seconds = parseDuration(target);
        if (!seconds) {
            std::fprintf(stderr, "ktmap: --target '%s' should be a length such as 25m, 1h10m, 25:00 or 25 (minutes)\n", target.c_str());
            cmd.exitCode = 2;
            return cmd;
        }
        options.targetSeconds = *seconds;
    }
    if (!options.targetEnd.empty() && !endOfDay(options.targetEnd)) {
        std::fprintf(stderr, "ktmap: --target-end '%s' should be HH:MM, e.g. 15:30\n", options.targetEnd.c_str());
        cmd.exitCode = 2;
        return cmd;
    }
    if (!laser.empty()) {
        double x = 0, y = 0;
        char end = 0;
        if (std::sscanf(laser.c_str(), "%lf,%lf%c", &x, &y, &end) != 2) {
            std::fprintf(stderr, "ktmap: --laser '%s' should be X,Y in pixels, e.g. 960,540\n", laser.c_str());
            cmd.exitCode = 2;
            return cmd;
        }
        options.laserAt = std::make_pair(x, y);
    }
    if (!spotlight.empty()) {
        SpotlightOption spot;
        double a = 0, b = 0, r = 0;
        char end = 0;
        const int n = std::sscanf(spotlight.c_str(), "%lf,%lf,%lf%c", &a, &b, &r, &end);
        if (n == 2 || n == 3) {
            spot.x = a;
            spot.y = b;
            spot.radius = n == 3 ? r : 0.0;
        } else {
            const auto comma = spotlight.find(',');
            spot.site = spotlight.substr(0, comma);
            if (comma != std::string::npos && std::sscanf(spotlight.c_str() + comma + 1, "%lf%c", &r, &end) == 1) spot.radius = r;
            else if (comma != std::string::npos) spot.site.clear();
        }
        if (spot.site.empty() && n != 2 && n != 3) {
            std::fprintf(stderr, "ktmap: --spotlight '%s' should be SITE[,R] or X,Y[,R]\n", spotlight.c_str());
            cmd.exitCode = 2;
            return cmd;
        }
        options.spotlight = spot;
    }
    for (const std::string& stroke : ink) {
        const auto parsed = parseInk(stroke);
        if (!parsed) {
            std::fprintf(stderr, "ktmap: --ink '%s' should be pen:LON,LAT;LON,LAT;... or highlighter2:... (at least one point)\n",
                         stroke.c_str());
            cmd.exitCode = 2;
            return cmd;
        }
        options.ink.push_back(*parsed);
    }
    if (options.rehearse) options.present = true;
    cmd.screenshot = screenshot;
    cmd.check = check;
    cmd.exportFile = exportPath;
    cmd.exportStory = exportStory;
    cmd.exportDir = exportOut;
    cmd.handout = handout;
    if (!check.empty()) cmd.mode = CommandLine::Mode::Check;
    else if (!exportPath.empty()) cmd.mode = CommandLine::Mode::Export;
    else if (!handout.empty()) cmd.mode = CommandLine::Mode::ExportHandout;
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
