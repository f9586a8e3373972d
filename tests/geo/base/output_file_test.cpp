// geo::OutputFile: an export's file is written whole or not at all, never over an input.

#include <geo/base/output_file.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t filesIn(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("an output is written to a temporary file beside it and renamed over it on commit", "[output-file]") {
    const fs::path dir = test::freshDir("output-file");
    std::ofstream(dir / "map.kml") << "old";
    {
        geo::OutputFile out(dir / "map.kml");
        REQUIRE(out.ok());
        CHECK(out.temporary().parent_path() == dir);
        CHECK(out.temporary().extension() == ".kml"); // GDAL picks its driver by the extension
        CHECK_FALSE(fs::exists(out.temporary()));     // the writer makes it
        std::ofstream(out.temporary()) << "new";
        CHECK(readText(dir / "map.kml") == "old"); // untouched until committed
        std::string error;
        CHECK(out.commit(error));
        CHECK(error.empty());
    }
    CHECK(readText(dir / "map.kml") == "new");
    CHECK(filesIn(dir) == 1);
}

TEST_CASE("an output not committed leaves the old file and no temporary file", "[output-file]") {
    const fs::path dir = test::freshDir("output-file-discard");
    std::ofstream(dir / "story.mp4") << "old";
    {
        geo::OutputFile out(dir / "story.mp4");
        std::ofstream(out.temporary()) << "half a video";
    } // an error or Ctrl+C: never committed
    CHECK(readText(dir / "story.mp4") == "old");
    CHECK(filesIn(dir) == 1);
    geo::OutputFile nothing(dir / "empty.mp4");
    std::string error;
    CHECK_FALSE(nothing.commit(error));
    CHECK(error == (dir / "empty.mp4").string() + ": nothing was written");
}

TEST_CASE("an output that is an input, a folder or under a file is refused with what to do", "[output-file]") {
    const fs::path dir = test::freshDir("output-file-refused");
    std::ofstream(dir / "briefing.toml") << "keep";
    const geo::OutputFile input(dir / "sub" / ".." / "briefing.toml", {dir / "briefing.toml"});
    CHECK_FALSE(input.ok());
    CHECK(input.error() == (dir / "sub" / ".." / "briefing.toml").string() +
                               ": refusing to overwrite an input file (choose another name for the export)");
    const geo::OutputFile folder(dir, {});
    CHECK_FALSE(folder.ok());
    CHECK(folder.problem() == "this is a folder");
    const geo::OutputFile blocked(dir / "briefing.toml" / "out.gpkg", {});
    CHECK_FALSE(blocked.ok());
    CHECK(blocked.problem().rfind("cannot make the folder " + (dir / "briefing.toml").string() + ": ", 0) == 0);
    CHECK(blocked.hint() == "choose a folder you can write to");
    CHECK(readText(dir / "briefing.toml") == "keep");
    // A missing folder is made.
    geo::OutputFile deep(dir / "a" / "b" / "out.pdf");
    CHECK(deep.ok());
    CHECK(fs::is_directory(dir / "a" / "b"));
}
