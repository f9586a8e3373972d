// Tests for geo/content_reloader.hpp: hot reload of the briefing with real files on
// disk, saved the ways editors save them. The policy: a broken edit never replaces
// the content on screen; a clean one does.
#include <geo/briefing/content_reloader.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using Outcome = geo::ContentReloader::Outcome;

namespace {

// A valid briefing with one city; `name` and `lon` vary between edits (and change the size,
// so the tests do not depend on the file system's timestamp resolution).
std::string briefingText(const std::string& name, const std::string& lon) {
    return "schema = 1\n"
           "title = \"臺灣–九州合作簡報\"\n"
           "title_en = \"Taiwan–Kyushu cooperation briefing\"\n"
           "\n"
           "[[site]]\n"
           "id = \"kumamoto\"\n"
           "kind = \"city\"\n"
           "name_zh = \"熊本市\"\n"
           "name_en = \"" + name + "\"\n"
           "lon = " + lon + "\n"
           "lat = 32.8031\n";
}

std::vector<std::string> messages(const geo::Diagnostics& diagnostics) {
    std::vector<std::string> lines;
    for (const auto& d : diagnostics) lines.push_back(d.format());
    return lines;
}

std::string nameOfFirstSite(const geo::ContentReloader& reloader) {
    return reloader.briefing().sites.empty() ? "<none>" : reloader.briefing().sites.front().nameEn;
}

} // namespace

TEST_CASE("reload: an invalid edit keeps the old content and reports the error, a fix replaces it", "[reload]") {
    const fs::path file = test::freshDir("reload_invalid") / "briefing.toml";
    const std::string label = file.string();
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    CHECK(reloader.load() == Outcome::Replaced);
    CHECK(reloader.diagnostics().empty());
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    const auto firstGeneration = reloader.generation();
    CHECK(reloader.poll() == Outcome::Unchanged);

    // The author types the longitude in quotes: the site would vanish; the map keeps it.
    test::writeFile(file, briefingText("Kumamoto City", "\"130.7079\""));
    CHECK(reloader.poll() == Outcome::KeptLastGood);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    CHECK(reloader.showingLastGood());
    CHECK(reloader.generation() == firstGeneration);
    CHECK(messages(reloader.diagnostics()) ==
          std::vector<std::string>{
              label + ":10:7: error: site 'kumamoto': 'lon' must be a number, not a string (write the degrees without "
                      "quotes, e.g. lon = 130.7417)",
              label + ": note: the map still shows the previous version of this file (fix the errors and save again "
                      "to see the changes)",
          });
    CHECK(reloader.poll() == Outcome::Unchanged); // reported once, not every poll

    // A syntax error (nothing of the file is valid) keeps the content on screen too.
    test::writeFile(file, briefingText("Kumamoto", "130.7079") + "[[site]\n");
    CHECK(reloader.poll() == Outcome::KeptLastGood);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    CHECK(geo::hasErrors(reloader.diagnostics()));

    // Fixed: the new content replaces the old one and the problems are gone.
    test::writeFile(file, briefingText("Kumamoto City", "130.7079"));
    CHECK(reloader.poll() == Outcome::Replaced);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto City");
    CHECK_FALSE(reloader.showingLastGood());
    CHECK(reloader.diagnostics().empty());
    CHECK(reloader.generation() == firstGeneration + 1);
}

TEST_CASE("reload: warnings do not hold back an edit", "[reload]") {
    const fs::path file = test::freshDir("reload_warning") / "briefing.toml";
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    reloader.load();
    // An unknown key is a warning: the edit is applied and the warning shown.
    test::writeFile(file, briefingText("Kumamoto City", "130.7079") + "colour = \"red\"\n");
    CHECK(reloader.poll() == Outcome::Replaced);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto City");
    REQUIRE(reloader.diagnostics().size() == 1);
    CHECK(reloader.diagnostics()[0].severity == geo::Severity::Warning);
}

TEST_CASE("reload: the first load shows what is valid of a file with errors", "[reload]") {
    const fs::path file = test::freshDir("reload_first") / "briefing.toml";
    // Two sites, the second with a latitude out of range (left out): the first is still shown.
    test::writeFile(file, briefingText("Kumamoto", "130.7079") +
                              "\n[[site]]\nid = \"x\"\nkind = \"city\"\nname_zh = \"x\"\nname_en = \"x\"\nlon = 130\nlat = 95\n");
    geo::ContentReloader reloader(file);
    CHECK(reloader.load() == Outcome::Replaced);
    CHECK(geo::hasErrors(reloader.diagnostics()));
    CHECK_FALSE(reloader.showingLastGood());
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    CHECK(reloader.briefing().sites.size() == 1);

    // A later broken save (syntax error: nothing valid) does not blank that partial content.
    test::writeFile(file, "schema = 1\ntitle = [\n");
    CHECK(reloader.poll() == Outcome::KeptLastGood);
    CHECK(reloader.briefing().sites.size() == 1);
}

TEST_CASE("reload: a save by writing a new file and renaming it over the old one is picked up", "[reload]") {
    // How vim, VS Code and most IDEs save.
    const fs::path dir = test::freshDir("reload_rename");
    const fs::path file = dir / "briefing.toml";
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    reloader.load();

    const fs::path temp = dir / ".briefing.toml.tmp";
    test::writeFile(temp, briefingText("Kumamoto City", "130.7079"));
    CHECK(reloader.poll() == Outcome::Unchanged); // a sibling file is not the content
    fs::rename(temp, file);
    CHECK(reloader.poll() == Outcome::Replaced);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto City");
    CHECK(reloader.diagnostics().empty());
}

TEST_CASE("reload: a file deleted and then restored", "[reload]") {
    const fs::path file = test::freshDir("reload_deleted") / "briefing.toml";
    const std::string label = file.string();
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    reloader.load();

    fs::remove(file);
    CHECK(reloader.poll() == Outcome::KeptLastGood);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    CHECK(messages(reloader.diagnostics()) ==
          std::vector<std::string>{
              label + ": error: the file does not exist (check the path)",
              label + ": note: the map still shows the previous version of this file (fix the errors and save again "
                      "to see the changes)",
          });
    CHECK(reloader.poll() == Outcome::Unchanged);

    test::writeFile(file, briefingText("Kumamoto City", "130.7079"));
    CHECK(reloader.poll() == Outcome::Replaced);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto City");
    CHECK(reloader.diagnostics().empty());
}

TEST_CASE("reload: a file missing at start shows its content once it appears", "[reload]") {
    const fs::path file = test::freshDir("reload_late") / "briefing.toml";
    geo::ContentReloader reloader(file);
    CHECK(reloader.load() == Outcome::Replaced); // nothing to show, and the reason why
    CHECK(messages(reloader.diagnostics()) ==
          std::vector<std::string>{file.string() + ": error: the file does not exist (check the path)"});
    CHECK(reloader.briefing().sites.empty());

    // Written with an error first: with nothing on screen, what is valid is shown.
    test::writeFile(file, briefingText("Kumamoto", "130.7079") + "\n[[site]]\nid = \"Bad Id\"\n");
    CHECK(reloader.poll() == Outcome::Replaced);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    CHECK(geo::hasErrors(reloader.diagnostics()));
}

TEST_CASE("reload: pollIfDue looks at the file at most every 250 ms", "[reload]") {
    using std::chrono::milliseconds;
    const fs::path file = test::freshDir("reload_rate") / "briefing.toml";
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    reloader.load();
    const auto t0 = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
    CHECK(reloader.pollIfDue(t0) == Outcome::Unchanged); // first check: the file has not changed

    test::writeFile(file, briefingText("Kumamoto City", "130.7079"));
    CHECK(reloader.pollIfDue(t0 + milliseconds(100)) == Outcome::Unchanged); // too soon: not looked at
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    CHECK(reloader.pollIfDue(t0 + milliseconds(250)) == Outcome::Replaced);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto City");
}

TEST_CASE("reload: a file renamed away, then renamed back", "[reload]") {
    const fs::path dir = test::freshDir("reload_renamed_away");
    const fs::path file = dir / "briefing.toml";
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    reloader.load();

    // `mv briefing.toml briefing-old.toml` in a terminal, or "Save As" then deleting the original.
    fs::rename(file, dir / "briefing-old.toml");
    CHECK(reloader.poll() == Outcome::KeptLastGood);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    CHECK(messages(reloader.diagnostics()).front() == file.string() + ": error: the file does not exist (check the path)");
    CHECK(reloader.showingLastGood());

    test::writeFile(dir / "briefing-old.toml", briefingText("Kumamoto City", "130.7079")); // edited under its new name
    CHECK(reloader.poll() == Outcome::Unchanged);                                         // not the file being watched
    fs::rename(dir / "briefing-old.toml", file);
    CHECK(reloader.poll() == Outcome::Replaced);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto City");
    CHECK(reloader.diagnostics().empty());
}

TEST_CASE("reload: a file replaced by a folder, by a binary file, by a huge file keeps the content", "[reload][bad-input]") {
    const fs::path dir = test::freshDir("reload_replaced");
    const fs::path file = dir / "briefing.toml";
    const std::string label = file.string();
    const std::string note = label + ": note: the map still shows the previous version of this file (fix the errors and "
                                     "save again to see the changes)";
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    reloader.load();

    fs::remove(file);
    fs::create_directory(file);
    CHECK(reloader.poll() == Outcome::KeptLastGood);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    CHECK(messages(reloader.diagnostics()) ==
          std::vector<std::string>{label + ": error: this is a folder, not a briefing file (put the briefing file back under "
                                           "this name)",
                                   note});

    // An image saved over it by mistake: bytes that are not text.
    fs::remove(file);
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x07\x80";
    test::writeFile(file, std::string(png, sizeof png - 1));
    CHECK(reloader.poll() == Outcome::KeptLastGood);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    REQUIRE(reloader.diagnostics().size() >= 2);
    CHECK(reloader.diagnostics().front().file == label);
    CHECK(reloader.diagnostics().front().severity == geo::Severity::Error);
    CHECK(messages(reloader.diagnostics()).back() == note);

    // A huge file (a video, a log) under the name: refused without being read.
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.seekp(static_cast<std::streamoff>(geo::kMaxBriefingFileBytes) + 1);
        out.put('x');
    }
    CHECK(reloader.poll() == Outcome::KeptLastGood);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    REQUIRE(reloader.diagnostics().size() == 2);
    CHECK(reloader.diagnostics().front().message == "the file is 16.0 MB; a briefing file may be at most 16 MB");

    test::writeFile(file, briefingText("Kumamoto City", "130.7079"));
    CHECK(reloader.poll() == Outcome::Replaced);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto City");
}

TEST_CASE("reload: a file replaced by a link to another briefing shows that briefing", "[reload]") {
    const fs::path dir = test::freshDir("reload_symlink");
    const fs::path file = dir / "briefing.toml";
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    reloader.load();
    test::writeFile(dir / "other.toml", briefingText("Kumamoto (other)", "130.7079"));
    fs::remove(file);
    fs::create_symlink(dir / "other.toml", file);
    CHECK(reloader.poll() == Outcome::Replaced);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto (other)");
}

TEST_CASE("reload: a file replaced by a named pipe is not read (the read would block)", "[reload][bad-input]") {
    // The slowest disk there is: a FIFO blocks open() until a writer comes, which would
    // freeze the frame loop. It is named for what it is and the content stays.
    const fs::path dir = test::freshDir("reload_fifo");
    const fs::path file = dir / "briefing.toml";
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    reloader.load();
    fs::remove(file);
    REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
    CHECK(reloader.poll() == Outcome::KeptLastGood); // returns: a hang here fails the test by its timeout
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    CHECK(messages(reloader.diagnostics()).front() ==
          file.string() + ": error: this is not a regular file (a pipe or a device?) (put the briefing file back under this name)");
}

TEST_CASE("reload: in the background mode a slow read never blocks poll(), and a save during it is seen next",
          "[reload][slow-disk]") {
    const fs::path file = test::freshDir("reload_background") / "briefing.toml";
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    REQUIRE(reloader.load() == Outcome::Replaced);
    reloader.setBackground(true);
    // A disk that takes its time: the read waits until the test lets it go.
    std::promise<void> gate;
    std::shared_future<void> released = gate.get_future().share();
    int reads = 0;
    bool onPollingThread = false;
    const std::thread::id pollingThread = std::this_thread::get_id();
    reloader.setReader([released, &reads, &onPollingThread, pollingThread](const fs::path& path) {
        ++reads;
        if (std::this_thread::get_id() == pollingThread) onPollingThread = true;
        released.wait_for(std::chrono::seconds(10)); // a reader on the polling thread fails below, not hangs
        return geo::ContentReloader::read(path);
    });

    test::writeFile(file, briefingText("Kumamoto City", "130.7079"));
    CHECK(reloader.poll() == Outcome::Unchanged); // the read started; poll() did not wait for it
    CHECK(reloader.reading());
    CHECK(reloader.poll() == Outcome::Unchanged); // still reading: the old content stays
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    // Saved again while the first read is in progress.
    test::writeFile(file, briefingText("Kumamoto-shi (second save)", "130.7079"));
    gate.set_value();
    Outcome outcome = Outcome::Unchanged;
    for (int i = 0; i < 2000 && outcome == Outcome::Unchanged; ++i) {
        outcome = reloader.poll();
        if (outcome == Outcome::Unchanged) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(outcome == Outcome::Replaced);
    CHECK_FALSE(reloader.reading());
    // The second save is picked up by the next reads (it may already be in the first one).
    for (int i = 0; i < 2000 && nameOfFirstSite(reloader) != "Kumamoto-shi (second save)"; ++i) {
        reloader.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(nameOfFirstSite(reloader) == "Kumamoto-shi (second save)");
    CHECK(reads >= 1);
    CHECK_FALSE(onPollingThread);
}

TEST_CASE("reload: in the background mode a broken save still keeps the content", "[reload][slow-disk]") {
    const fs::path file = test::freshDir("reload_background_broken") / "briefing.toml";
    test::writeFile(file, briefingText("Kumamoto", "130.7079"));
    geo::ContentReloader reloader(file);
    REQUIRE(reloader.load() == Outcome::Replaced);
    reloader.setBackground(true);
    test::writeFile(file, briefingText("Kumamoto City", "\"130.7079\""));
    Outcome outcome = Outcome::Unchanged;
    for (int i = 0; i < 2000 && outcome == Outcome::Unchanged; ++i) {
        outcome = reloader.poll();
        if (outcome == Outcome::Unchanged) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(outcome == Outcome::KeptLastGood);
    CHECK(nameOfFirstSite(reloader) == "Kumamoto");
    CHECK(reloader.showingLastGood());
}
