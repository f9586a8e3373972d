#pragma once
// An H.264 video in an MP4 file, encoded in-process through FFmpeg's libraries (libavcodec's
// libx264, libavformat's MP4 muxer, libswscale for RGBA to yuv420p): plays everywhere,
// PowerPoint and phones included. Frames are encoded on a thread of their own, so that the
// next frame renders while the last one encodes; at most a few wait in between.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace app {

class VideoEncoder {
public:
    struct Settings {
        int width = 1920, height = 1080; // even
        int fps = 30;
        int crf = 20;                     // x264's constant quality: 18..23 looks like the screen
        std::string preset = "veryfast";  // x264's speed against size
    };

    VideoEncoder();
    ~VideoEncoder(); // stops the thread; an unfinished file is left for the caller to discard
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // Opens `file` (an .mp4) for writing; false, with error() saying why, when FFmpeg cannot.
    bool open(const std::filesystem::path& file, const Settings& settings);
    // Queues a frame of width × height RGBA pixels, rows top-down (waits while the queue is
    // full); false once encoding has failed (error() says why).
    bool add(std::vector<std::uint8_t> rgba);
    // Queues the last frame again (a held picture: not converted again).
    bool repeat();
    // Encodes what is queued, flushes the encoder and writes the file's index; false, with
    // error() saying why (e.g. no space left on device).
    bool finish();

    const std::string& error() const;
    long long framesWritten() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace app
