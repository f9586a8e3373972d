// Our triangulator on mapbox/earcut's published fixtures, read as data: each fixture's
// rings (test/fixtures/<name>.json: [[[x, y], ...], ...], the first ring outer, the rest
// holes) and what earcut's own test expects of it (test/expected.json: `triangles`, the
// triangle count; `errors` and `errors-with-rotation`, the largest allowed deviation).
//
// The fixtures are not committed (see tests/data/earcut/README.md): this is an executable
// of its own that exits 77 when they are not there, which ctest reports as Skipped rather
// than Passed. Where our result does not meet a fixture's expectation the fixture must be
// listed, with a reason, in tests/data/earcut/known_failures.txt; a failure not listed
// and a listed fixture that passes both fail, so the list cannot rot.
//
// Usage: earcut_check [catch2 options]; KTMAP_EARCUT_DIR=<earcut checkout>/test reads the
// fixtures from there instead of tests/data/earcut.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <geo/base/geometry.hpp>
#include <geo/basemap/triangulate.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

fs::path g_dir; // holds expected.json and fixtures/

nlohmann::json readJson(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in.good());
    // No exceptions for bad JSON: a discarded value fails the REQUIRE below with the name.
    nlohmann::json value = nlohmann::json::parse(in, nullptr, false);
    INFO(file.string());
    REQUIRE_FALSE(value.is_discarded());
    return value;
}

// Fixture name -> reason, from the set's known_failures.txt (the committed set has its own;
// earcut's current set, put in by hand, tests/data/earcut/known_failures.txt):
// "name<TAB or spaces>reason", '#' comments.
std::map<std::string, std::string> knownFailures() {
    std::map<std::string, std::string> out;
    const fs::path own = g_dir / "known_failures.txt";
    std::ifstream in(fs::exists(own) ? own : fs::path(KTMAP_TEST_DATA_DIR) / "earcut" / "known_failures.txt");
    REQUIRE(in.good());
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t gap = line.find_first_of(" \t");
        const std::size_t reason = line.find_first_not_of(" \t", gap);
        out[line.substr(0, gap)] = reason == std::string::npos ? "" : line.substr(reason);
    }
    return out;
}

// Rotated by a multiple of 90 degrees (exact in doubles), as earcut's test rotates.
geo::Polygon loadFixture(const std::string& name, int rotation) {
    const nlohmann::json rings = readJson(g_dir / "fixtures" / (name + ".json"));
    REQUIRE(rings.is_array());
    const int c = rotation == 0 ? 1 : rotation == 180 ? -1 : 0;
    const int s = rotation == 90 ? 1 : rotation == 270 ? -1 : 0;
    geo::Polygon polygon;
    for (const nlohmann::json& ring : rings) {
        geo::Ring& out = polygon.rings.emplace_back();
        for (const nlohmann::json& point : ring) {
            // Some fixtures carry a third coordinate; earcut's test reads x and y only.
            const double x = point.at(0).get<double>(), y = point.at(1).get<double>();
            out.push_back({c * x - s * y, s * x + c * y});
        }
    }
    return polygon;
}

// earcut's deviation (its test's `deviation(...)`): |A_triangles - A_polygon| / A_polygon,
// with A_polygon = |area(outer ring)| - sum |area(hole)| (shoelace over the rings as
// given) and A_triangles = sum of |area| of the triangles; 0 when both areas are 0.
double deviation(const geo::Polygon& polygon, const std::vector<uint32_t>& triangles) {
    std::vector<glm::dvec2> points;
    for (const geo::Ring& ring : polygon.rings) points.insert(points.end(), ring.begin(), ring.end());
    double polygonArea = polygon.rings.empty() ? 0.0 : std::abs(geo::signedArea(polygon.rings[0]));
    for (std::size_t r = 1; r < polygon.rings.size(); ++r) polygonArea -= std::abs(geo::signedArea(polygon.rings[r]));
    double trianglesArea = 0.0;
    for (std::size_t t = 0; t + 2 < triangles.size(); t += 3)
        trianglesArea +=
            std::abs(geo::orient2d(points[triangles[t]], points[triangles[t + 1]], points[triangles[t + 2]])) / 2.0;
    if (polygonArea == 0.0 && trianglesArea == 0.0) return 0.0;
    return std::abs((trianglesArea - polygonArea) / polygonArea);
}

struct Outcome {
    bool ok = true;
    std::string what; // the expectations missed, or what was measured
};

// One fixture at the rotations of earcut's test (0, 90, 180, 270; `rotations` when the set
// gives them): the triangle count at rotation 0 where the set gives one, the deviation at
// every rotation (where triangles are expected) against `errors`, or
// `errors-with-rotation` where that is given for the rotated ones.
Outcome runFixture(const std::string& name, const nlohmann::json& expected) {
    const nlohmann::json& counts = expected.at("triangles");
    const bool counted = counts.contains(name);
    const auto triangles = counted ? counts.at(name).get<std::size_t>() : 0;
    const nlohmann::json& errors = expected.at("errors");
    const nlohmann::json& rotatedErrors = expected.at("errors-with-rotation");
    const double allowed = errors.value(name, 0.0);
    const double allowedRotated = rotatedErrors.contains(name) ? rotatedErrors.at(name).get<double>() : allowed;
    const std::vector<int> rotations = expected.value("rotations", std::vector<int>{0, 90, 180, 270});
    Outcome out;
    std::ostringstream what;
    for (int rotation : rotations) {
        const geo::Polygon polygon = loadFixture(name, rotation);
        const std::vector<uint32_t> indices = geo::triangulate(polygon);
        const double err = deviation(polygon, indices);
        const double limit = rotation == 0 ? allowed : allowedRotated;
        if (rotation == 0) what << indices.size() / 3 << " triangles (expected " << (counted ? std::to_string(triangles) : "any") << ")";
        if (rotation == 0 && counted && indices.size() / 3 != triangles) out.ok = false;
        if (!counted || triangles > 0) {
            what << ", rotation " << rotation << ": deviation " << err << " (allowed " << limit << ")";
            if (!(err <= limit)) out.ok = false;
        }
    }
    out.what = what.str();
    return out;
}

// The fixtures the set expects something of: those with a triangle count, else those with an error.
std::vector<std::string> fixtureNames() {
    const nlohmann::json expected = readJson(g_dir / "expected.json");
    const nlohmann::json& listed = expected.at("triangles").empty() ? expected.at("errors") : expected.at("triangles");
    std::vector<std::string> names;
    for (const auto& item : listed.items()) names.push_back(item.key());
    return names;
}

} // namespace

TEST_CASE("earcut's fixtures: every one expected is there, and the known failures are fixtures", "[triangulate][earcut]") {
    const std::vector<std::string> names = fixtureNames();
    // earcut 3.2.2's expected.json lists 59; the set committed here (earcut 1.4.2's, from npm) 14.
    CHECK(names.size() >= (fs::exists(g_dir / "known_failures.txt") ? 14u : 50u));
    for (const std::string& name : names) {
        INFO(name);
        CHECK(fs::exists(g_dir / "fixtures" / (name + ".json")));
    }
    for (const auto& [name, reason] : knownFailures()) {
        INFO("known_failures.txt lists '" << name << "'");
        CHECK(std::find(names.begin(), names.end(), name) != names.end());
        CHECK_FALSE(reason.empty());
    }
}

TEST_CASE("earcut's fixtures: triangle count and area deviation as earcut's own test expects", "[triangulate][earcut]") {
    static const nlohmann::json expected = readJson(g_dir / "expected.json");
    static const std::map<std::string, std::string> known = knownFailures();
    const std::string name = GENERATE(Catch::Generators::from_range(fixtureNames()));
    const auto start = std::chrono::steady_clock::now();
    const Outcome outcome = runFixture(name, expected);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const auto listed = known.find(name);
    INFO(name << ": " << outcome.what << "; " << ms << " ms");
    if (listed == known.end()) {
        CHECK(outcome.ok);
    } else {
        // Reported every run, so the list stays visible.
        WARN("known failure " << name << ": " << listed->second);
        INFO("listed in tests/data/earcut/known_failures.txt but meets earcut's expectation now: remove it");
        CHECK_FALSE(outcome.ok);
    }
}

int main(int argc, char* argv[]) {
    const char* dir = std::getenv("KTMAP_EARCUT_DIR");
    g_dir = dir && *dir ? fs::path(dir) : fs::path(KTMAP_TEST_DATA_DIR) / "earcut";
    if (!fs::exists(g_dir / "expected.json") || !fs::is_directory(g_dir / "fixtures")) {
        std::printf("skipped: earcut's fixtures are not in %s (expected.json and fixtures/*.json from earcut's test/ "
                    "folder; see tests/data/earcut/README.md)\n",
                    g_dir.string().c_str());
        return 77; // ctest: SKIP_RETURN_CODE
    }
    const int failures = Catch::Session().run(argc, argv);
    // Catch2 returns the number of failed assertions, capped at 255: never let it be read as 77.
    return failures == 0 ? 0 : 1;
}
