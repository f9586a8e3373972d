#include "export/story_video.hpp"

#include "export/offscreen_viewer.hpp"
#include "export/video_encoder.hpp"
#include "platform/interrupt.hpp"

#include <geo/base/output_file.hpp>
#include <geo/briefing/briefing.hpp>
#include <geo/view/content_state.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace app {

namespace {

using Clock = std::chrono::steady_clock;

constexpr double kLongestMotion = 60.0; // seconds: a flight or a day's legs longer than this is cut short

std::string minutesSeconds(double seconds) {
    const long s = std::lround(std::max(0.0, seconds));
    char text[48];
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
    return text;
}

// The terminal's progress line: the story, the step, the frames, the speed and the time left.
class Progress {
public:
    explicit Progress(std::string story) : m_story(std::move(story)), m_tty(::isatty(STDERR_FILENO) == 1) {}

    void show(std::size_t step, std::size_t steps, long long frame, long long framesEstimate, double fps, bool force = false) {
        const auto now = Clock::now();
        if (!force && now - m_last < std::chrono::milliseconds(m_tty ? 200 : 5000)) return;
        m_last = now;
        const double done = framesEstimate > 0 ? std::min(1.0, static_cast<double>(frame) / static_cast<double>(framesEstimate)) : 0.0;
        const int bar = 24, filled = static_cast<int>(done * bar);
        const double seconds = std::chrono::duration<double>(now - m_start).count();
        const double rate = seconds > 0 ? static_cast<double>(frame) / seconds : 0.0;
        const double eta = rate > 0 ? static_cast<double>(std::max(0LL, framesEstimate - frame)) / rate : 0.0;
        std::fprintf(stderr, "%s%s step %zu/%zu [%s%s] frame %lld/%lld (%s of video) %.1f fps, %s left%s", m_tty ? "\r" : "",
                     m_story.c_str(), step, steps, std::string(static_cast<std::size_t>(filled), '#').c_str(),
                     std::string(static_cast<std::size_t>(bar - filled), '.').c_str(), frame, framesEstimate,
                     minutesSeconds(static_cast<double>(frame) / fps).c_str(), rate, minutesSeconds(eta).c_str(),
                     m_tty ? "   " : "\n");
        std::fflush(stderr);
    }
    void end() {
        if (m_tty) std::fputc('\n', stderr);
    }
    double seconds() const { return std::chrono::duration<double>(Clock::now() - m_start).count(); }

private:
    std::string m_story;
    bool m_tty;
    Clock::time_point m_start = Clock::now();
    Clock::time_point m_last{};
};

class StoryRecorder {
public:
    StoryRecorder(Session& session, Headless& headless, VideoEncoder& encoder, const platform::InterruptWatch& interrupt, int fps)
        : m_session(session), m_headless(headless), m_encoder(encoder), m_interrupt(interrupt), m_fps(fps),
          m_size(session.options().width, session.options().height) {}

    // Every step of the story being presented; false when encoding failed or Ctrl+C came.
    bool record(const geo::Story& story, Progress& progress) {
        const std::size_t steps = story.steps.size();
        for (std::size_t i = 0; i < steps; ++i) {
            const geo::StoryStep& step = story.steps[i];
            m_session.presentation().navigator().jumpTo(i + 1);
            m_session.applyCurrentStep(i > 0); // the first step is where the video starts
            const bool playsDay = !step.tripId.empty() && step.day > 0 && !m_session.content().state.activeTrip.empty();
            geo::ContentState& state = m_session.content().state;
            if (playsDay) geo::playDay(state, m_session.document().scene(), step.day - 1, false); // the day's start, paused
            // The estimate of the whole story's frames, for the progress line: what is known of
            // this step (its flight) and the holds of the steps to come.
            const double flight = m_session.view().flying() ? m_session.view().flightRemaining() : 0.0;
            m_estimate = m_frames + frames(flight + (playsDay ? 1.0 / static_cast<double>(state.speed) : 0.0));
            for (std::size_t k = i; k < steps; ++k) m_estimate += frames(story.steps[k].hold);
            auto tick = [&] {
                progress.show(i + 1, steps, m_frames, m_estimate, m_fps);
                return !m_interrupt.requested();
            };
            // The flight, then the day's legs: drawn frame by frame, advanced 1/fps each.
            long long motion = 0;
            const long long longest = frames(kLongestMotion);
            while (m_session.view().flying() && motion++ < longest) {
                if (!emitDrawn() || !tick()) return false;
                m_session.update(dt());
            }
            if (m_session.view().flying()) m_session.view().cut(m_session.view().destination()); // cut short: land
            if (playsDay) {
                state.playing = true;
                while (state.playing && motion++ < longest) {
                    if (!emitDrawn() || !tick()) return false;
                    m_session.update(dt());
                }
                state.playing = false;
            }
            // The hold: the picture stands still, drawn and converted once.
            const long long hold = frames(step.hold);
            for (long long f = 0; f < hold; ++f) {
                if (!(f == 0 ? emitDrawn() : emitAgain()) || !tick()) return false;
            }
        }
        progress.show(steps, steps, m_frames, m_frames, m_fps, true);
        return true;
    }

    long long frames() const { return m_frames; }

private:
    double dt() const { return 1.0 / static_cast<double>(m_fps); }
    long long frames(double seconds) const { return std::max(0LL, std::llround(seconds * static_cast<double>(m_fps))); }

    bool draw() {
        m_session.waitForViewLevels(); // the detail for this view, as a still export has it
        m_headless.renderFrame(m_size, static_cast<float>(dt()));
        m_headless.target().readRgba(m_pixels);
        return true;
    }
    bool emit() {
        ++m_frames;
        return m_encoder.add(m_pixels); // a copy: the next frame is read into m_pixels meanwhile
    }
    bool emitDrawn() { return draw() && emit(); }
    bool emitAgain() {
        ++m_frames;
        return m_encoder.repeat();
    }

    Session& m_session;
    Headless& m_headless;
    VideoEncoder& m_encoder;
    const platform::InterruptWatch& m_interrupt;
    int m_fps;
    glm::ivec2 m_size;
    std::vector<std::uint8_t> m_pixels;
    long long m_frames = 0, m_estimate = 0;
};

} // namespace

int exportStoryVideos(const ViewerOptions& options, const std::vector<std::string>& storyIds, const std::filesystem::path& outDir,
                      int fps) {
    const int w = options.width, h = options.height;
    if (w % 2 || h % 2) {
        spdlog::error("--video: the size must be even (H.264 in yuv420p), not {}x{}: try --size 1920x1080", w, h);
        return 1;
    }
    OffscreenViewer viewer(options);
    if (!viewer.start("--export-story --video", "--export-story: no briefing file to take the stories from")) return 1;
    Session& session = viewer.session();
    Headless& headless = viewer.headless();
    const std::vector<std::filesystem::path> inputs = exportInputs(options);
    platform::InterruptWatch interrupt;
    int failures = 0;
    for (const std::string& id : storyIds) {
        const geo::Story* story = viewer.presentStory(id);
        if (!story) {
            ++failures;
            continue;
        }
        geo::OutputFile out(outDir / (id + ".mp4"), inputs);
        if (!out.ok()) {
            spdlog::error("--export-story: {}", out.error());
            session.presenting().leave();
            ++failures;
            continue;
        }
        VideoEncoder encoder;
        if (!encoder.open(out.temporary(), {w, h, fps})) {
            spdlog::error("--export-story: {}: {}", out.target().string(), encoder.error());
            session.presenting().leave();
            ++failures;
            continue;
        }
        spdlog::info("recording story '{}' ({} steps) at {}x{}, {} fps", id, story->steps.size(), w, h, fps);
        Progress progress(id);
        StoryRecorder recorder(session, headless, encoder, interrupt, fps);
        const bool recorded = recorder.record(*story, progress);
        progress.end();
        session.presenting().leave();
        if (interrupt.requested()) {
            spdlog::error("--export-story: interrupted: {} was not written", out.target().string());
            return 130; // the temporary file goes with `out`
        }
        std::string error;
        if (!encoder.finish() || !recorded) {
            spdlog::error("--export-story: {}: {}", out.target().string(), encoder.error());
            ++failures;
            continue;
        }
        if (!out.commit(error)) {
            spdlog::error("--export-story: {}", error);
            ++failures;
            continue;
        }
        const double seconds = progress.seconds();
        const double length = static_cast<double>(recorder.frames()) / fps;
        spdlog::info("wrote {} ({} frames, {} at {} fps, {}x{}, H.264) in {:.1f} s: {:.1f} frames/s, {:.2f}x its playing time",
                     out.target().string(), recorder.frames(), minutesSeconds(length), fps, w, h, seconds,
                     static_cast<double>(recorder.frames()) / std::max(seconds, 1e-6), seconds / std::max(length, 1e-6));
    }
    return failures ? 1 : 0;
}

} // namespace app
