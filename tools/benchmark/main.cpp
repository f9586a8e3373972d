// ktmap-benchmark: start-up, frame times over a scripted flight, memory (see benchmark.hpp).
#include "benchmark/benchmark.hpp"

#include "platform/memory.hpp"
#include "shell/app_paths.hpp"
#include "shell/options.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/cfg/env.h>

#include <chrono>
#include <cmath>
#include <cstdio>

int main(int argc, char** argv) {
    const auto mainEntered = std::chrono::steady_clock::now();
    app::platform::tuneAllocator();
    spdlog::cfg::load_env_levels();
    app::ViewerOptions options = app::defaultOptions();
    CLI::App cli{"ktmap benchmark: start-up, frame times over a scripted flight at 1920x1080, and memory"};
    std::string layerFile = options.layerFile.string();
    std::string briefingFile = options.briefingFile.string();
    std::vector<std::string> extra;
    std::string view;
    cli.add_option("--layers", layerFile, "Layer file (TOML) listing the base map layers")->capture_default_str();
    cli.add_option("--layer", extra, "Add any OGR-readable vector file on top; repeatable");
    cli.add_option("--briefing", briefingFile, "Briefing content file; \"\" for none")->capture_default_str();
    cli.add_option("--view", view, "Also time this view held still: LON,LAT,ZOOM");
    cli.add_flag("--bitmap-text", options.bitmapText, "The map's text with the bitmap font instead of signed distance fields (for comparisons)");
    CLI11_PARSE(cli, argc, argv);
    const bool needAssets = cli.count("--layers") == 0 || cli.count("--briefing") == 0;
    if (const std::string problem = app::missingDataMessage(needAssets, true); !problem.empty()) {
        std::fputs(problem.c_str(), stderr);
        return 1;
    }
    options.layerFile = layerFile;
    options.briefingFile = briefingFile;
    for (const auto& e : extra) options.extraLayers.emplace_back(e);
    if (!view.empty()) {
        app::InitialView v;
        if (std::sscanf(view.c_str(), "%lf,%lf,%lf", &v.lon, &v.lat, &v.zoom) != 3 || std::abs(v.lon) > 180 ||
            std::abs(v.lat) > 85 || v.zoom < 0 || v.zoom > 22) {
            std::fprintf(stderr, "ktmap-benchmark: --view '%s' should be LON,LAT,ZOOM, e.g. 130.7,32.8,11\n", view.c_str());
            return 2;
        }
        options.view = v;
    }
    return app::runBenchmark(options, mainEntered);
}
