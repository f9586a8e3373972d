#include <geo/briefing/annotation_writer.hpp>

#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <sys/stat.h>

namespace {

const char* const kBriefing = R"(# 簡報 — a comment at the top stays
schema = 1
title = "測試"
title_en = "Test"

[[site]]
id = "kumamoto"
name_zh = "熊本市"
name_en = "Kumamoto"
kind = "city"
lon = 130.7417
lat = 32.7898

[[story]]
id = "tour"
title = "導覽"

[[story.step]]
caption = "熊本"
site = "kumamoto"

# the second step: its comment stays with it
[[story.step]]
caption = """
多行
[not a table]
"""
view = { lon = 130.7, lat = 32.8, zoom = 9 }
)";

geo::StepAnnotation pen(std::vector<std::pair<double, double>> points, int colour = 0) {
    geo::StepAnnotation a;
    a.colour = colour;
    a.points = std::move(points);
    return a;
}

} // namespace

TEST_CASE("ink: kept strokes are appended to their step, every other byte kept", "[ink][writer]") {
    std::string error;
    const auto out = geo::appendAnnotations(kBriefing, "tour", 0, {pen({{130.7417, 32.7898}, {130.75, 32.8}})}, error);
    REQUIRE(out);
    INFO(*out);
    // Only inserted: the original is the result with the new lines taken out.
    const std::string inserted = "\n[[story.step.annotation]]\ncolor = 1\ntool = 'pen'\npoints = [[130.7417, 32.7898], [130.75, 32.8]]\n";
    const std::size_t at = out->find(inserted);
    REQUIRE(at != std::string::npos);
    CHECK(out->substr(0, at) + out->substr(at + inserted.size()) == kBriefing);
    // It went after the first step's keys, before the comment of the second step.
    CHECK(at == std::string(kBriefing).find("site = \"kumamoto\"\n") + std::string("site = \"kumamoto\"\n").size());
    // And the file reads back with the annotation on step 1, nothing else changed.
    const geo::BriefingLoadResult loaded = geo::parseBriefing(*out, "briefing.toml");
    CHECK(loaded.diagnostics.empty());
    const geo::Story* story = loaded.briefing.findStory("tour");
    REQUIRE(story);
    REQUIRE(story->steps.size() == 2);
    REQUIRE(story->steps[0].annotations.size() == 1);
    CHECK(story->steps[0].annotations[0].points.size() == 2);
    CHECK(story->steps[0].annotations[0].points[1].first == Approx(130.75));
    CHECK(story->steps[1].annotations.empty());
    CHECK(story->steps[1].caption == "多行\n[not a table]\n");
}

TEST_CASE("ink: kept on the last step, after its multi-line string, and again after the first kept", "[ink][writer]") {
    std::string error;
    auto once = geo::appendAnnotations(kBriefing, "tour", 1, {pen({{130.7, 32.8}})}, error);
    REQUIRE(once);
    geo::StepAnnotation marker = pen({{130.71, 32.81}, {130.72, 32.82}}, 2);
    marker.highlighter = true;
    auto twice = geo::appendAnnotations(*once, "tour", 1, {marker}, error);
    REQUIRE(twice);
    CHECK(twice->rfind(kBriefing, 0) == 0); // the whole original first: appended at the end
    const geo::BriefingLoadResult loaded = geo::parseBriefing(*twice, "briefing.toml");
    CHECK(loaded.diagnostics.empty());
    const auto& steps = loaded.briefing.findStory("tour")->steps;
    REQUIRE(steps[1].annotations.size() == 2);
    CHECK_FALSE(steps[1].annotations[0].highlighter);
    CHECK(steps[1].annotations[1].highlighter);
    CHECK(steps[1].annotations[1].colour == 2);
    CHECK(steps[0].annotations.empty());
}

TEST_CASE("ink: Windows line ends stay Windows line ends", "[ink][writer]") {
    std::string crlf;
    for (const char c : std::string(kBriefing)) {
        if (c == '\n') crlf += "\r\n";
        else crlf += c;
    }
    std::string error;
    const auto out = geo::appendAnnotations(crlf, "tour", 0, {pen({{130.7, 32.8}})}, error);
    REQUIRE(out);
    for (std::size_t i = out->find('\n'); i != std::string::npos; i = out->find('\n', i + 1)) {
        REQUIRE(i > 0);
        CHECK((*out)[i - 1] == '\r');
    }
}

TEST_CASE("ink: no such story or step, or text that is not TOML, writes nothing", "[ink][writer]") {
    std::string error;
    CHECK_FALSE(geo::appendAnnotations(kBriefing, "other", 0, {pen({{1, 1}})}, error));
    CHECK(error.find("'other'") != std::string::npos);
    CHECK_FALSE(geo::appendAnnotations(kBriefing, "tour", 2, {pen({{1, 1}})}, error));
    CHECK(error.find("step 3") != std::string::npos);
    CHECK_FALSE(geo::appendAnnotations("x = [", "tour", 0, {pen({{1, 1}})}, error));
    CHECK(error.find("not valid TOML") != std::string::npos);
}

TEST_CASE("ink: keeping writes the file atomically with a backup, its permissions kept, never over another's change",
          "[ink][writer]") {
    const auto dir = test::freshDir("keep_ink");
    const auto file = dir / "briefing.toml";
    test::writeFile(file, kBriefing);
    ::chmod(file.c_str(), 0640);
    geo::BriefingLoadResult loaded = geo::loadBriefingFile(file);
    REQUIRE(loaded.diagnostics.empty());

    const geo::KeepOutcome kept = geo::keepAnnotations(loaded.briefing, "tour", 0, {pen({{130.7, 32.8}, {130.8, 32.9}})});
    INFO(kept.message);
    REQUIRE(kept.written);
    CHECK(kept.backup == dir / "briefing.toml.bak");
    CHECK(test::readFile(kept.backup) == kBriefing);
    CHECK(test::listDir(dir) == std::vector<std::string>{"briefing.toml", "briefing.toml.bak"}); // no temporary left
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    CHECK(geo::loadBriefingFile(file).briefing.findStory("tour")->steps[0].annotations.size() == 1);

    // The model is still the old text: the file changed since (by this keep, or by someone): nothing written.
    const std::string now = test::readFile(file);
    const geo::KeepOutcome again = geo::keepAnnotations(loaded.briefing, "tour", 0, {pen({{130.7, 32.8}})});
    CHECK_FALSE(again.written);
    CHECK(again.message.find("changed since it was loaded") != std::string::npos);
    CHECK(test::readFile(file) == now);

    // Loaded again, keeping works again; nothing at all to keep is said.
    loaded = geo::loadBriefingFile(file);
    CHECK(geo::keepAnnotations(loaded.briefing, "tour", 1, {pen({{130.7, 32.8}})}).written);
    CHECK_FALSE(geo::keepAnnotations(geo::loadBriefingFile(file).briefing, "tour", 1, {}).written);
}

TEST_CASE("ink: an annotation that cannot be read is reported by line and left out", "[ink][writer]") {
    const std::string text = std::string(kBriefing) +
                             "\n[[story.step.annotation]]\ntool = \"brush\"\ncolor = 0\npoints = [[130.7, 95.0]]\nwidth = 3\n";
    const geo::BriefingLoadResult loaded = geo::parseBriefing(text, "briefing.toml");
    std::vector<std::string> messages;
    for (const auto& d : loaded.diagnostics) messages.push_back(d.format());
    INFO(messages.size());
    CHECK(loaded.diagnostics.size() == 4); // the tool, the colour, the point, the unknown key
    const auto fixtureLines = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(std::string(kBriefing).size()), '\n'));
    for (const auto& d : loaded.diagnostics) CHECK(d.line > fixtureLines); // in the annotation, by its line
    CHECK(loaded.briefing.findStory("tour")->steps[1].annotations.empty());
}

TEST_CASE("ink: kept strokes are indented as their step is", "[ink][writer]") {
    const std::string text = "title = \"t\"\n[[story]]\nid = \"tour\"\n  [[story.step]]\n  caption = \"a\"\n";
    std::string error;
    const auto out = geo::appendAnnotations(text, "tour", 0, {pen({{130.5, 33.25}})}, error);
    REQUIRE(out);
    CHECK(*out == text + "\n  [[story.step.annotation]]\n  color = 1\n  tool = 'pen'\n  points = [[130.5, 33.25]]\n");
}
