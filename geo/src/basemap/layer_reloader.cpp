#include <geo/basemap/layer_reloader.hpp>
#include <geo/base/projection.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <utility>

namespace geo {

namespace {

std::vector<const LayerSpec*> fileLayers(const std::vector<MapLayer>& layers) {
    std::vector<const LayerSpec*> out;
    for (const auto& l : layers)
        if (!l.spec.userAdded) out.push_back(&l.spec);
    return out;
}

} // namespace

LayerChange compareLayers(const std::vector<MapLayer>& current, const std::vector<LayerSpec>& next) {
    const std::vector<const LayerSpec*> now = fileLayers(current);
    if (now.size() != next.size()) return LayerChange::Reload;
    for (std::size_t i = 0; i < now.size(); ++i) {
        const LayerSpec& a = *now[i];
        const LayerSpec& b = next[i];
        // The mesh of a layer holds fills and strokes only where its style had them.
        if (a.id != b.id || a.source != b.source || a.ogrLayer != b.ogrLayer ||
            a.style.fill.has_value() != b.style.fill.has_value() || a.style.stroke.has_value() != b.style.stroke.has_value())
            return LayerChange::Reload;
    }
    return LayerChange::Restyle;
}

void restyleBaseMap(BaseMap& map, const LayerConfig& config) {
    map.background = config.background;
    map.projectorBackground = config.projectorBackground;
    map.home = config.home;
    map.homeMargin = config.homeMargin;
    map.region = config.region;
    for (auto& layer : map.layers) {
        if (layer.spec.userAdded) continue;
        const auto it = std::find_if(config.layers.begin(), config.layers.end(),
                                     [&](const LayerSpec& s) { return s.id == layer.spec.id; });
        if (it != config.layers.end()) layer.spec = *it;
    }
}

LayerFileCheck checkLayerFile(const std::filesystem::path& file) {
    LayerFileCheck check;
    const std::string label = file.string();
    auto keep = [&](std::string message, std::string hint) {
        check.diagnostics.push_back({Severity::Error, label, 0, 0, std::move(message), std::move(hint)});
    };
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        keep("the layer file does not exist (deleted, or renamed?)", "put it back, or save it again under this name");
    } else if (!S_ISREG(st.st_mode)) {
        // (a named pipe or a device would block the read)
        keep(S_ISDIR(st.st_mode) ? "this is now a folder, not a layer file" : "this is no longer a regular file (a pipe or a device?)",
             "put the layer file back under this name");
    } else if (static_cast<std::uintmax_t>(st.st_size) > kMaxLayerFileBytes) {
        keep("the file is " + std::to_string((static_cast<std::uintmax_t>(st.st_size) + 1023) / 1024) +
                 " KB; a layer file may be at most " + std::to_string(kMaxLayerFileBytes / 1024) + " KB",
             "check that this is the layer file");
    } else {
        LayerConfigResult loaded = loadLayerConfig(file);
        check.diagnostics = std::move(loaded.diagnostics);
        check.config = std::move(loaded.config);
        if (!hasErrors(check.diagnostics) && check.config.layers.empty())
            keep("the layer file now lists no layer to draw",
                 "an editor may still be saving it; the map keeps its layers until the file lists some");
        check.ok = !hasErrors(check.diagnostics);
    }
    if (!check.ok)
        check.diagnostics.push_back({Severity::Info, label, 0, 0, "the map still shows the layers from before this change",
                                     "fix the layer file and save it again to see the changes"});
    return check;
}

LayerFileReloader::LayerFileReloader(std::filesystem::path file, std::vector<std::filesystem::path> extraLayers)
    : m_watcher(std::move(file)), m_extraLayers(std::move(extraLayers)) {}

LayerFileReloader::~LayerFileReloader() { wait(); }

void LayerFileReloader::wait() {
    if (m_task.valid()) m_task.wait();
}

void LayerFileReloader::poll(const std::vector<MapLayer>& current, double firstMpp) {
    if (m_watcher.poll() != FileWatcher::Event::Unchanged) m_dirty = true;
    if (m_dirty && !busy()) start(current, firstMpp);
}

void LayerFileReloader::pollIfDue(std::chrono::steady_clock::time_point now, const std::vector<MapLayer>& current,
                                  double firstMpp) {
    if (m_lastCheck && now - *m_lastCheck < kCheckInterval && now >= *m_lastCheck) return;
    m_lastCheck = now;
    poll(current, firstMpp);
}

void LayerFileReloader::start(const std::vector<MapLayer>& current, double firstMpp) {
    m_dirty = false;
    // What the comparison needs of the map on screen, copied: the frame thread keeps using the map.
    std::vector<MapLayer> specs;
    for (const auto& l : current) {
        MapLayer copy;
        copy.spec = l.spec;
        specs.push_back(std::move(copy));
    }
    m_task = std::async(std::launch::async, [file = m_watcher.path(), extra = m_extraLayers, specs = std::move(specs), firstMpp] {
        Result result;
        LayerFileCheck check = checkLayerFile(file);
        if (!check.ok) {
            result.kind = Result::Kind::Kept;
            result.diagnostics = std::move(check.diagnostics);
            return result;
        }
        if (compareLayers(specs, check.config.layers) == LayerChange::Restyle) {
            result.kind = Result::Kind::Restyle;
            result.diagnostics = std::move(check.diagnostics);
            result.config = std::move(check.config);
            return result;
        }
        // Its own projection: PROJ objects are not shared with the frame thread.
        const Projection projection;
        BaseMap map = loadBaseMap(file, extra, projection, firstMpp);
        // Saved again, broken, between the check and the load: keep the map (the next poll sees the new stamp).
        const bool fileBroken = std::any_of(map.diagnostics.begin(), map.diagnostics.end(), [&](const Diagnostic& d) {
            return d.severity == Severity::Error && d.file == file.string();
        });
        if (fileBroken) return Result{Result::Kind::Kept, {}, std::nullopt, checkLayerFile(file).diagnostics};
        result.kind = Result::Kind::Reload;
        result.map = std::move(map);
        result.config = std::move(check.config);
        return result;
    });
}

std::optional<LayerFileReloader::Result> LayerFileReloader::take() {
    if (!m_task.valid() || m_task.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    return m_task.get();
}

} // namespace geo
