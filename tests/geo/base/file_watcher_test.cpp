#include <geo/base/file_watcher.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>

#include "test_support.hpp"

namespace fs = std::filesystem;
using Event = geo::FileWatcher::Event;

namespace {

fs::path freshDir(const std::string& name) { return test::freshDir("file_watcher_" + name); }

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// Tests must not depend on the file system's timestamp resolution: move mtime by hand
// when the scenario is "same size, same everything but the content".
void setMtime(const fs::path& path, fs::file_time_type when) { fs::last_write_time(path, when); }

} // namespace

TEST_CASE("FileWatcher reports edits in place once", "[file_watcher]") {
    const fs::path dir = freshDir("in_place");
    const fs::path file = dir / "briefing.toml";
    write(file, "schema = 1\n");
    geo::FileWatcher watcher(file);
    CHECK(watcher.exists());
    CHECK(watcher.poll() == Event::Unchanged);

    write(file, "schema = 1\ntitle = \"x\"\n"); // size changes
    CHECK(watcher.poll() == Event::Changed);
    CHECK(watcher.poll() == Event::Unchanged);

    const auto before = fs::last_write_time(file);
    write(file, "schema = 2\ntitle = \"x\"\n"); // same size
    setMtime(file, before + std::chrono::seconds(1));
    CHECK(watcher.poll() == Event::Changed);
    CHECK(watcher.poll() == Event::Unchanged);
}

TEST_CASE("FileWatcher sees a new file renamed over the old one", "[file_watcher]") {
    // How vim, VS Code and most IDEs save: write a temp file, rename it over the original.
    const fs::path dir = freshDir("rename");
    const fs::path file = dir / "briefing.toml";
    write(file, "schema = 1\n");
    const auto mtime = fs::last_write_time(file);
    geo::FileWatcher watcher(file);

    const fs::path temp = dir / ".briefing.toml.swp";
    write(temp, "schema = 3\n"); // same size as before
    setMtime(temp, mtime);       // and even the same mtime: only the inode tells
    fs::rename(temp, file);
    CHECK(watcher.poll() == Event::Changed);
    CHECK(watcher.poll() == Event::Unchanged);
}

TEST_CASE("FileWatcher reports a file that disappears and comes back", "[file_watcher]") {
    const fs::path dir = freshDir("vanish");
    const fs::path file = dir / "briefing.toml";
    write(file, "schema = 1\n");
    geo::FileWatcher watcher(file);

    fs::remove(file);
    CHECK(watcher.poll() == Event::Missing);
    CHECK_FALSE(watcher.exists());
    CHECK(watcher.poll() == Event::Unchanged); // reported once

    write(file, "schema = 1\n");
    CHECK(watcher.poll() == Event::Changed);
    CHECK(watcher.exists());
}

TEST_CASE("FileWatcher on a file that does not exist yet", "[file_watcher]") {
    const fs::path dir = freshDir("later");
    const fs::path file = dir / "briefing.toml";
    geo::FileWatcher watcher(file);
    CHECK_FALSE(watcher.exists());
    CHECK(watcher.poll() == Event::Unchanged);
    write(file, "schema = 1\n");
    CHECK(watcher.poll() == Event::Changed);
    CHECK(watcher.path() == file);
}

TEST_CASE("FileWatcher reports a file renamed away as missing, and renamed back as changed", "[file_watcher]") {
    const fs::path dir = freshDir("renamed_away");
    const fs::path file = dir / "briefing.toml";
    write(file, "schema = 1\n");
    geo::FileWatcher watcher(file);
    fs::rename(file, dir / "briefing.bak");
    CHECK(watcher.poll() == Event::Missing);
    CHECK(watcher.poll() == Event::Unchanged);
    fs::rename(dir / "briefing.bak", file); // the same inode, size and times as before it left
    CHECK(watcher.poll() == Event::Changed);
    CHECK(watcher.poll() == Event::Unchanged);
}

TEST_CASE("FileWatcher reports a file replaced by a folder, and the folder replaced by a file", "[file_watcher]") {
    const fs::path dir = freshDir("folder");
    const fs::path file = dir / "briefing.toml";
    write(file, "schema = 1\n");
    geo::FileWatcher watcher(file);
    fs::remove(file);
    fs::create_directory(file);
    CHECK(watcher.poll() == Event::Changed);
    CHECK(watcher.exists());
    fs::remove(file);
    write(file, "schema = 1\n");
    CHECK(watcher.poll() == Event::Changed);
}
