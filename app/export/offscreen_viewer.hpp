#pragma once
// The viewer without a window, as every export that draws maps starts it: the data loads while
// the GL context comes up, the briefing's content is required, and the live tools are hidden
// (the pictures show kept ink only). Its graphics stop when it goes.

#include "shell/headless.hpp"
#include "shell/session.hpp"

#include <geo/briefing/briefing.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace app {

class OffscreenViewer {
public:
    explicit OffscreenViewer(const ViewerOptions& options);
    ~OffscreenViewer();
    OffscreenViewer(const OffscreenViewer&) = delete;
    OffscreenViewer& operator=(const OffscreenViewer&) = delete;

    // Loads and starts the graphics; false, having said `noContent` (or why GL could not start,
    // `what` naming the option), when there is nothing to draw.
    bool start(const char* what, const std::string& noContent);
    Session& session() { return *m_session; }
    // Presents the story `id` from its first step; null, having said so, when the briefing has
    // no such story with steps.
    const geo::Story* presentStory(const std::string& id);
    Headless& headless() { return *m_headless; }

private:
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Headless> m_headless;
    bool m_started = false;
};

// The files an export reads (the briefing, the layer file, the palette): never its output.
std::vector<std::filesystem::path> exportInputs(const ViewerOptions& options);

} // namespace app
