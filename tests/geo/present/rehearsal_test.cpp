#include <geo/present/rehearsal.hpp>

#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <cstdlib>
#include <filesystem>

TEST_CASE("rehearsal: the timings file is written atomically and read back", "[rehearsal]") {
    const auto dir = test::freshDir("rehearsal_roundtrip");
    const auto file = dir / "ktmap" / "rehearsal.toml"; // the folder does not exist yet
    geo::RehearsalTimes times;
    geo::recordRun(times, "hsp-2025-02-kyushu", {95.04, 40.0, 0.2, 61.6});
    geo::recordRun(times, "台灣-九州", {12.0});
    std::string error;
    REQUIRE(geo::saveRehearsal(file, times, error));
    CHECK(error.empty());
    CHECK(test::listDir(file.parent_path()) == std::vector<std::string>{"rehearsal.toml"}); // no temporary left
    const geo::RehearsalLoad loaded = geo::loadRehearsal(file);
    CHECK(loaded.diagnostics.empty());
    const std::vector<double>* hsp = loaded.times.story("hsp-2025-02-kyushu");
    REQUIRE(hsp);
    REQUIRE(hsp->size() == 4);
    CHECK((*hsp)[0] == Approx(95.0));
    CHECK((*hsp)[2] == 0.0); // shown for less than a second: not a time
    CHECK((*hsp)[3] == Approx(62.0)); // whole seconds
    REQUIRE(loaded.times.story("台灣-九州"));

    // A second run keeps the times of the steps it did not show.
    geo::RehearsalTimes again = loaded.times;
    geo::recordRun(again, "hsp-2025-02-kyushu", {0.0, 55.0, 30.0, 0.0});
    CHECK(*again.story("hsp-2025-02-kyushu") == std::vector<double>{95.0, 55.0, 30.0, 62.0});

    // Over an existing file: replaced whole, still no temporary.
    REQUIRE(geo::saveRehearsal(file, again, error));
    CHECK(test::listDir(file.parent_path()) == std::vector<std::string>{"rehearsal.toml"});
    CHECK(*geo::loadRehearsal(file).times.story("hsp-2025-02-kyushu") == std::vector<double>{95.0, 55.0, 30.0, 62.0});
}

TEST_CASE("rehearsal: a corrupt timings file is set aside with a message naming it", "[rehearsal]") {
    const auto dir = test::freshDir("rehearsal_corrupt");
    const auto file = dir / "rehearsal.toml";
    test::writeFile(file, "[stories.tour]\nseconds = [1, 2,\n");
    const geo::RehearsalLoad loaded = geo::loadRehearsal(file);
    REQUIRE(loaded.diagnostics.size() == 1);
    const std::string message = loaded.diagnostics[0].format();
    CHECK(message.find(file.string()) != std::string::npos);
    CHECK(message.find("cannot be read") != std::string::npos);
    CHECK(loaded.diagnostics[0].line > 0);
    CHECK(loaded.setAside == dir / "rehearsal.toml.corrupt");
    CHECK(std::filesystem::exists(loaded.setAside));
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK(loaded.times.stories.empty());
}

TEST_CASE("rehearsal: a story's times that are not seconds are left out, the others kept", "[rehearsal]") {
    const auto dir = test::freshDir("rehearsal_values");
    const auto file = dir / "rehearsal.toml";
    test::writeFile(file, "[stories.good]\nseconds = [10.0, 20]\n[stories.bad]\nseconds = [\"1:40\"]\n[stories.negative]\nseconds = [-3]\n");
    const geo::RehearsalLoad loaded = geo::loadRehearsal(file);
    CHECK(loaded.diagnostics.size() == 2);
    REQUIRE(loaded.times.story("good"));
    CHECK(*loaded.times.story("good") == std::vector<double>{10.0, 20.0});
    CHECK_FALSE(loaded.times.story("bad"));
    CHECK(std::filesystem::exists(file)); // readable: not set aside
}

TEST_CASE("rehearsal: an unreadable timings file or folder is reported, never fatal", "[rehearsal]") {
    const auto dir = test::freshDir("rehearsal_unreadable");
    // A folder where the file should be: cannot be read, and cannot be replaced.
    std::filesystem::create_directories(dir / "rehearsal.toml");
    const geo::RehearsalLoad loaded = geo::loadRehearsal(dir / "rehearsal.toml");
    CHECK(loaded.diagnostics.size() == 1);
    std::string error;
    geo::RehearsalTimes times;
    geo::recordRun(times, "tour", {5.0});
    // Its folder through a regular file: nothing written, why said.
    test::writeFile(dir / "plain", "x");
    CHECK_FALSE(geo::saveRehearsal(dir / "plain" / "rehearsal.toml", times, error));
    CHECK(error.find("plain") != std::string::npos);
    CHECK_FALSE(geo::saveRehearsal({}, times, error));
}

TEST_CASE("rehearsal: the path is in the XDG state folder", "[rehearsal]") {
    const char* old = std::getenv("XDG_STATE_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_STATE_HOME", "/tmp/state-here", 1);
    CHECK(geo::rehearsalPath() == std::filesystem::path("/tmp/state-here/ktmap/rehearsal.toml"));
    ::setenv("XDG_STATE_HOME", "relative", 1); // not absolute: ignored, as the spec says
    CHECK(geo::rehearsalPath().string().find("/.local/state/ktmap/rehearsal.toml") != std::string::npos);
    if (old) ::setenv("XDG_STATE_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_STATE_HOME");
}

TEST_CASE("rehearsal: step timer, plan and countdown", "[rehearsal]") {
    geo::StepTimer timer;
    timer.start(3, 0, 100.0);
    timer.show(1, 130.0);
    timer.show(0, 140.0); // back to the first step: its time adds up
    timer.show(2, 150.0);
    CHECK(timer.shown(170.0) == std::vector<double>{40.0, 10.0, 20.0});

    // A 10-minute target, no last run: a third each. At step 1 (the second) after 5 minutes: on plan.
    auto s = geo::planStatus(600.0, 300.0, 1, 3, nullptr);
    CHECK(s.remaining == Approx(300.0));
    CHECK(s.behind == Approx(-100.0));
    CHECK(s.pace == geo::PlanStatus::Pace::OnPlan);
    // Still on the first step after 4 minutes: behind (amber).
    s = geo::planStatus(600.0, 240.0, 0, 3, nullptr);
    CHECK(s.pace == geo::PlanStatus::Pace::Behind);
    // ... after 5: more than a minute behind (red).
    s = geo::planStatus(600.0, 300.0, 0, 3, nullptr);
    CHECK(s.pace == geo::PlanStatus::Pace::Late);
    // Past the target: red, whatever the step.
    s = geo::planStatus(600.0, 601.0, 2, 3, nullptr);
    CHECK(s.pace == geo::PlanStatus::Pace::Late);
    CHECK(s.remaining < 0.0);
    // The last run's times share the target: step 0 took 8 of 10 minutes, so 4 minutes in is fine.
    const std::vector<double> last{480.0, 60.0, 60.0};
    s = geo::planStatus(600.0, 240.0, 0, 3, &last);
    CHECK(s.pace == geo::PlanStatus::Pace::OnPlan);

    CHECK(geo::formatDuration(100.0) == "1:40");
    CHECK(geo::formatDuration(725.4) == "12:05");
    CHECK(geo::formatDuration(3723.0) == "1:02:03");
    CHECK(geo::formatDuration(-30.0) == "−0:30");
}
