#pragma once
// Keeping the presenter's ink in the briefing file: a step's strokes appended to that step as
// [[story.step.annotation]] tables. Every byte of the file that is not the new tables stays as
// it was (comments, order, spacing, CJK text); the new tables go after what the step already
// has, before the next table. The file is replaced atomically, its permissions kept, a copy of
// it as it was left beside it (FILE.bak), and nothing is written when the file is no longer
// the text the briefing was loaded from (someone saved it meanwhile).

#include <geo/briefing/briefing.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

// The text with `ink` appended to step `step` (0-based) of story `storyId`; none, with `error`
// saying why, when the text is not TOML or has no such step.
std::optional<std::string> appendAnnotations(std::string_view text, const std::string& storyId, std::size_t step,
                                             const std::vector<StepAnnotation>& ink, std::string& error);

struct KeepOutcome {
    bool written = false;
    std::string message; // what happened, for the presenter ("kept 2 strokes in …" or why not)
    std::string hint;    // what to do when it was not written
    std::filesystem::path backup;
};

// Appends `ink` to the step in `briefing`'s file (Briefing::path), which must still hold the
// text the briefing was parsed from (Briefing::textHash).
KeepOutcome keepAnnotations(const Briefing& briefing, const std::string& storyId, std::size_t step,
                            const std::vector<StepAnnotation>& ink);

} // namespace geo
