// ktmap-soak: the viewer driven headless through a briefing for FRAMES frames (see soak.hpp).
#include "soak/soak.hpp"

#include "platform/memory.hpp"
#include "shell/app_paths.hpp"
#include "shell/options.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/cfg/env.h>

#include <cstdio>

int main(int argc, char** argv) {
    app::platform::tuneAllocator();
    spdlog::cfg::load_env_levels();
    app::ViewerOptions options = app::defaultOptions();
    CLI::App cli{"ktmap soak: the viewer driven headless through a briefing, printing memory; exits 1 if a check fails"};
    std::string layerFile = options.layerFile.string();
    std::string briefingFile = options.briefingFile.string();
    int frames = 0;
    cli.add_option("frames", frames, "How many frames to run")->required()->check(CLI::Range(1, 10000000));
    cli.add_option("--layers", layerFile, "Layer file (TOML) listing the base map layers")->capture_default_str();
    cli.add_option("--briefing", briefingFile, "Briefing content file (TOML)")->capture_default_str();
    CLI11_PARSE(cli, argc, argv);
    const bool needAssets = cli.count("--layers") == 0 || cli.count("--briefing") == 0;
    if (const std::string problem = app::missingDataMessage(needAssets, true); !problem.empty()) {
        std::fputs(problem.c_str(), stderr);
        return 1;
    }
    options.layerFile = layerFile;
    options.briefingFile = briefingFile;
    return app::runSoak(options, frames);
}
