#include "export/offscreen_viewer.hpp"

#include <spdlog/spdlog.h>

namespace app {

OffscreenViewer::OffscreenViewer(const ViewerOptions& options) : m_session(std::make_unique<Session>(options)) {}

OffscreenViewer::~OffscreenViewer() {
    if (m_started) m_headless->stop();
}

bool OffscreenViewer::start(const char* what, const std::string& noContent) {
    m_session->startLoading(); // the data loads while the GL context comes up
    m_headless = std::make_unique<Headless>(*m_session);
    m_session->finishLoading();
    if (!m_session->document().hasContent()) {
        spdlog::error("{}", noContent);
        return false;
    }
    if (!m_headless->start(what)) return false;
    m_started = true;
    m_session->tools().setLiveShown(false);
    return true;
}

const geo::Story* OffscreenViewer::presentStory(const std::string& id) {
    const geo::Story* story = m_session->document().briefing().findStory(id);
    if (!story || story->steps.empty() || !m_session->presenting().enter(id)) {
        spdlog::error("--export-story: there is no story '{}' with steps in {}", id, m_session->options().briefingFile.string());
        return nullptr;
    }
    return story;
}

std::vector<std::filesystem::path> exportInputs(const ViewerOptions& options) {
    return {options.briefingFile, options.layerFile, options.paletteFile};
}

} // namespace app
