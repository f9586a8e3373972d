#include "export/video_encoder.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace app {

namespace {

std::string avMessage(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

constexpr std::size_t kQueueDepth = 3; // frames rendered ahead of the encoder

} // namespace

struct VideoEncoder::State {
    Settings settings;
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    AVStream* stream = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    SwsContext* scale = nullptr;
    bool headerWritten = false;
    bool ioOpen = false;
    long long frames = 0;

    std::thread worker;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::vector<std::uint8_t>> queue;
    bool closing = false;
    std::string error; // set once; read after the worker has stopped, or under the mutex

    ~State() {
        stopWorker();
        if (scale) sws_freeContext(scale);
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&codec);
        if (format) {
            if (ioOpen) avio_closep(&format->pb);
            avformat_free_context(format);
        }
    }

    void stopWorker() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            closing = true;
        }
        changed.notify_all();
        if (worker.joinable()) worker.join();
    }

    void fail(const std::string& what) {
        std::lock_guard<std::mutex> lock(mutex);
        if (error.empty()) error = what;
        queue.clear();
        changed.notify_all();
    }

    // Sends `f` (null: the end) and writes every packet the encoder gives back.
    bool encode(AVFrame* f) {
        int rc = avcodec_send_frame(codec, f);
        if (rc < 0) {
            fail("cannot encode a frame: " + avMessage(rc));
            return false;
        }
        for (;;) {
            rc = avcodec_receive_packet(codec, packet);
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return true;
            if (rc < 0) {
                fail("cannot encode a frame: " + avMessage(rc));
                return false;
            }
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            rc = av_interleaved_write_frame(format, packet); // takes the packet's data
            if (rc < 0) {
                fail("cannot write the video: " + avMessage(rc));
                return false;
            }
        }
    }

    // `rgba` empty: the last frame again.
    bool encodeRgba(const std::vector<std::uint8_t>& rgba) {
        int rc = av_frame_make_writable(frame); // copies the picture if the encoder still holds it
        if (rc < 0) {
            fail("cannot encode a frame: " + avMessage(rc));
            return false;
        }
        if (!rgba.empty()) {
            const std::uint8_t* source[1] = {rgba.data()};
            const int stride[1] = {settings.width * 4};
            sws_scale(scale, source, stride, 0, settings.height, frame->data, frame->linesize);
        } else if (frames == 0) {
            fail("no frame to repeat");
            return false;
        }
        frame->pts = frames++;
        return encode(frame);
    }

    void run() {
        for (;;) {
            std::vector<std::uint8_t> next;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return closing || !queue.empty() || !error.empty(); });
                if (!error.empty()) return;
                if (queue.empty()) return; // closing, all encoded
                next = std::move(queue.front());
                queue.pop_front();
            }
            changed.notify_all(); // room in the queue
            if (!encodeRgba(next)) return;
        }
    }
};

VideoEncoder::VideoEncoder() : m_state(std::make_unique<State>()) {}
VideoEncoder::~VideoEncoder() = default;

const std::string& VideoEncoder::error() const { return m_state->error; }
long long VideoEncoder::framesWritten() const { return m_state->frames; }

bool VideoEncoder::open(const std::filesystem::path& file, const Settings& settings) {
    State& s = *m_state;
    s.settings = settings;
    auto failOpen = [&](const std::string& what) {
        s.error = what;
        return false;
    };
    if (settings.width % 2 || settings.height % 2 || settings.width <= 0 || settings.height <= 0)
        return failOpen("the size must be even for H.264 in yuv420p, not " + std::to_string(settings.width) + "x" +
                        std::to_string(settings.height));
    av_log_set_level(AV_LOG_ERROR); // FFmpeg's own errors only: the export says what it wrote
    int rc = avformat_alloc_output_context2(&s.format, nullptr, "mp4", file.c_str());
    if (rc < 0 || !s.format) return failOpen("FFmpeg has no MP4 muxer: " + avMessage(rc));
    const AVCodec* h264 = avcodec_find_encoder_by_name("libx264");
    if (!h264) h264 = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!h264) return failOpen("this FFmpeg has no H.264 encoder (Debian's libavcodec59 has libx264)");
    s.stream = avformat_new_stream(s.format, nullptr);
    s.codec = avcodec_alloc_context3(h264);
    if (!s.stream || !s.codec) return failOpen("out of memory");
    s.codec->width = settings.width;
    s.codec->height = settings.height;
    s.codec->pix_fmt = AV_PIX_FMT_YUV420P; // what every player takes
    s.codec->time_base = AVRational{1, settings.fps};
    s.codec->framerate = AVRational{settings.fps, 1};
    s.codec->gop_size = settings.fps * 2; // a key frame every 2 s: seeking in a player
    s.codec->color_range = AVCOL_RANGE_MPEG;
    s.codec->colorspace = AVCOL_SPC_BT709;
    s.codec->color_primaries = AVCOL_PRI_BT709;
    s.codec->color_trc = AVCOL_TRC_BT709;
    if (s.format->oformat->flags & AVFMT_GLOBALHEADER) s.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(s.codec->priv_data, "preset", settings.preset.c_str(), 0);
    av_opt_set(s.codec->priv_data, "crf", std::to_string(settings.crf).c_str(), 0);
    av_opt_set(s.codec->priv_data, "profile", "high", 0);
    rc = avcodec_open2(s.codec, h264, nullptr);
    if (rc < 0) return failOpen("cannot start the H.264 encoder: " + avMessage(rc));
    rc = avcodec_parameters_from_context(s.stream->codecpar, s.codec);
    if (rc < 0) return failOpen("cannot set up the video stream: " + avMessage(rc));
    s.stream->time_base = s.codec->time_base;
    s.stream->avg_frame_rate = s.codec->framerate;

    rc = avio_open(&s.format->pb, file.c_str(), AVIO_FLAG_WRITE);
    if (rc < 0) return failOpen("cannot write " + file.string() + ": " + avMessage(rc));
    s.ioOpen = true;
    AVDictionary* muxer = nullptr;
    av_dict_set(&muxer, "movflags", "+faststart", 0); // the index first: plays while it downloads
    rc = avformat_write_header(s.format, &muxer);
    av_dict_free(&muxer);
    if (rc < 0) return failOpen("cannot write the video's header: " + avMessage(rc));
    s.headerWritten = true;

    s.frame = av_frame_alloc();
    s.packet = av_packet_alloc();
    if (!s.frame || !s.packet) return failOpen("out of memory");
    s.frame->format = s.codec->pix_fmt;
    s.frame->width = settings.width;
    s.frame->height = settings.height;
    rc = av_frame_get_buffer(s.frame, 0);
    if (rc < 0) return failOpen("out of memory for a frame: " + avMessage(rc));
    s.scale = sws_getContext(settings.width, settings.height, AV_PIX_FMT_RGBA, settings.width, settings.height,
                             AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!s.scale) return failOpen("cannot convert RGBA to yuv420p (libswscale)");
    // sRGB frames are BT.709 video: the conversion's matrix and range say so.
    const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
    sws_setColorspaceDetails(s.scale, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
    s.worker = std::thread([&s] { s.run(); });
    return true;
}

bool VideoEncoder::add(std::vector<std::uint8_t> rgba) {
    State& s = *m_state;
    if (rgba.size() != static_cast<std::size_t>(s.settings.width) * static_cast<std::size_t>(s.settings.height) * 4) {
        s.fail("a frame of the wrong size");
        return false;
    }
    std::unique_lock<std::mutex> lock(s.mutex);
    s.changed.wait(lock, [&] { return s.queue.size() < kQueueDepth || !s.error.empty(); });
    if (!s.error.empty()) return false;
    s.queue.push_back(std::move(rgba));
    lock.unlock();
    s.changed.notify_all();
    return true;
}

bool VideoEncoder::repeat() {
    State& s = *m_state;
    std::unique_lock<std::mutex> lock(s.mutex);
    s.changed.wait(lock, [&] { return s.queue.size() < kQueueDepth || !s.error.empty(); });
    if (!s.error.empty()) return false;
    s.queue.emplace_back(); // empty: the last frame
    lock.unlock();
    s.changed.notify_all();
    return true;
}

bool VideoEncoder::finish() {
    State& s = *m_state;
    s.stopWorker(); // encodes what is queued first
    if (!s.error.empty() || !s.headerWritten) return false;
    if (!s.encode(nullptr)) return false; // the frames x264 still holds
    const int rc = av_write_trailer(s.format);
    if (rc < 0) {
        s.fail("cannot finish the video: " + avMessage(rc));
        return false;
    }
    if (s.format->pb && s.format->pb->error < 0) {
        s.fail("cannot write the video: " + avMessage(s.format->pb->error));
        return false;
    }
    s.ioOpen = false;
    if (const int closed = avio_closep(&s.format->pb); closed < 0) { // the last bytes reach the disk here
        s.fail("cannot write the video: " + avMessage(closed));
        return false;
    }
    return true;
}

} // namespace app
