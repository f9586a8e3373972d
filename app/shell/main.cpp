// ktmap: the Taiwan–Kyushu cooperation briefing map.
#include "platform/memory.hpp"
#include "export/google_earth.hpp"
#include "export/handout.hpp"
#include "export/qgis_package.hpp"
#include "export/story_export.hpp"
#include "shell/headless.hpp"
#include "shell/interactive_shell.hpp"
#include "shell/options.hpp"

#include <geo/briefing/briefing.hpp>
#include <geo/briefing/briefing_export.hpp>

#include <spdlog/cfg/env.h>

#include <cctype>
#include <cstdio>

namespace {

int check(const std::filesystem::path& file) {
    const geo::BriefingLoadResult r = geo::loadBriefingFile(file);
    for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    const auto& b = r.briefing;
    std::size_t stops = 0;
    for (const auto& t : b.trips) stops += t.stops.size();
    std::printf("%s: %zu site(s), %zu trip(s) with %zu stop(s), %zu partnership(s); %s\n", file.c_str(), b.sites.size(), b.trips.size(),
                stops, b.partnerships.size(), geo::hasErrors(r.diagnostics) ? "has errors" : "valid");
    return geo::hasErrors(r.diagnostics) ? 1 : 0;
}

int exportBriefing(const std::filesystem::path& briefingFile, const std::filesystem::path& out) {
    const geo::BriefingLoadResult r = geo::loadBriefingFile(briefingFile);
    for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (geo::hasErrors(r.diagnostics)) {
        std::fprintf(stderr, "ktmap: not exporting: %s has errors (fix them, or check with --check)\n", briefingFile.c_str());
        return 1;
    }
    const geo::Diagnostics problems = geo::exportBriefing(r.briefing, out);
    for (const auto& d : problems) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (geo::hasErrors(problems)) return 1;
    std::printf("wrote %s\n", out.c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    app::platform::tuneAllocator();
    spdlog::cfg::load_env_levels(); // SPDLOG_LEVEL=debug shows start-up timings
    const app::CommandLine cmd = app::parseCommandLine(argc, argv);
    if (cmd.exitCode >= 0) return cmd.exitCode;
    using Mode = app::CommandLine::Mode;
    switch (cmd.mode) {
    case Mode::Check: return check(cmd.check);
    case Mode::Export: {
        std::string ext = cmd.exportFile.extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ext == ".kml" || ext == ".kmz") return app::exportGoogleEarth(cmd.options, cmd.exportFile);
        if (ext == ".gpkg") return app::exportQgisPackage(cmd.options, cmd.exportFile);
        return exportBriefing(cmd.options.briefingFile, cmd.exportFile);
    }
    case Mode::ExportStory:
        return app::exportStories(cmd.options, cmd.exportStory, cmd.exportDir, cmd.sizeGiven, {cmd.video, cmd.fps});
    case Mode::ExportHandout: return app::exportHandout(cmd.options, cmd.handout);
    case Mode::Screenshot: return app::runScreenshot(cmd.options, cmd.screenshot);
    case Mode::Interactive: break;
    }
    return app::InteractiveShell(cmd.options).run();
}
