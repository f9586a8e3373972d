#pragma once
// The committed files some tests read (assets/briefing.toml, assets/FORMAT.md, ...): a
// missing one fails the test, never passes it.

#include "test_support.hpp"

#include <geo/base/diagnostic.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace test {

// assets/<name>, which must exist.
inline std::filesystem::path committedAsset(const std::filesystem::path& name) {
    const std::filesystem::path path = std::filesystem::path(KTMAP_ASSETS_DIR) / name;
    INFO(path.string() << " is committed and this test needs it");
    REQUIRE(std::filesystem::exists(path));
    return path;
}

// The examples of a Markdown file fenced with this info string ("toml layers", ...).
inline std::vector<FencedBlock> fencedBlocks(const std::filesystem::path& markdown, const std::string& info) {
    std::vector<FencedBlock> out;
    for (FencedBlock& block : fencedBlocks(markdown))
        if (block.info == info) out.push_back(std::move(block));
    return out;
}

// Every message on a line of its own, as the messages panel shows them (for INFO).
inline std::string formatAll(const geo::Diagnostics& diagnostics) {
    std::string all;
    for (const geo::Diagnostic& d : diagnostics) all += d.format() + '\n';
    return all;
}

} // namespace test
