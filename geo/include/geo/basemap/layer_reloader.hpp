#pragma once
// Hot reload of the layer file (`--layers`, default assets/layers.toml), with the
// policy of the content file: an edit that breaks the file never blanks the map.
//
//   edit without errors, same layers       restyle: colours, widths, zoom ranges and
//     (ids, sources, OGR layers, order,    attributions change in place; the meshes stay
//     fill/stroke present or not)
//   edit without errors, other layers      reload: a new base map, loaded (sources read,
//                                          projected, meshed) on a background thread
//   edit with errors, a file that declares keep: the map on screen stays as it is; the
//     no layer, deleted, renamed away,     messages name the file (and line) and say so
//     replaced by a folder or a huge file
//
// The caller's thread only looks at the file's stamp (one stat() per check, ~4 a second);
// reading, parsing and loading happen on a background thread, so that a slow disk does
// not stall the frame loop. The file is only ever read.

#include <geo/basemap/base_map.hpp>
#include <geo/base/diagnostic.hpp>
#include <geo/base/file_watcher.hpp>
#include <geo/basemap/layer_config.hpp>

#include <chrono>
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <vector>

namespace geo {

// What a new layer file asks of the map on screen.
enum class LayerChange {
    Restyle, // the same layers from the same sources: only their styles change
    Reload   // layers added, removed, reordered, another source, a fill or stroke added or removed
};

// Compares the layers on screen that came from the layer file (`current`, in drawing
// order, userAdded ones ignored) with the layers of a new layer file.
LayerChange compareLayers(const std::vector<MapLayer>& current, const std::vector<LayerSpec>& next);

// Restyle: gives each layer of the file its new style, attribution and origin (matched by id);
// the background colours too. Layers added with --layer keep theirs.
void restyleBaseMap(BaseMap& map, const LayerConfig& config);

// Reads and checks a layer file for a reload: `ok` when it can replace the one in effect
// (no errors, at least one layer); otherwise `diagnostics` say why, followed by a note
// that the map keeps its layers.
struct LayerFileCheck {
    bool ok = false;
    LayerConfig config;
    Diagnostics diagnostics;
};
LayerFileCheck checkLayerFile(const std::filesystem::path& file);

class LayerFileReloader {
public:
    struct Result {
        enum class Kind { Restyle, Reload, Kept } kind = Kind::Kept;
        LayerConfig config;        // Restyle, Reload: the new file
        std::optional<BaseMap> map; // Reload: the new base map (its diagnostics include the file's)
        Diagnostics diagnostics;   // Restyle: the file's warnings; Kept: why, and the note
    };

    // How often pollIfDue() looks at the file's stamp.
    static constexpr std::chrono::milliseconds kCheckInterval{250};

    // Takes the file's current stamp as the baseline: make it before the first load, so
    // that a save during loading is seen. `extraLayers` (--layer) are loaded again with a reload.
    LayerFileReloader(std::filesystem::path file, std::vector<std::filesystem::path> extraLayers);
    ~LayerFileReloader(); // waits for a background check
    LayerFileReloader(const LayerFileReloader&) = delete;
    LayerFileReloader& operator=(const LayerFileReloader&) = delete;

    // Looks at the stamp; when the file changed (or disappeared), starts a background
    // check of it against `current` (the map's layers, copied). `firstMpp`: the scale whose
    // level of detail a reload builds first (0: every level). While a check runs, a
    // further change is remembered and checked after it.
    void poll(const std::vector<MapLayer>& current, double firstMpp);
    // poll(), at most once per kCheckInterval of `now`.
    void pollIfDue(std::chrono::steady_clock::time_point now, const std::vector<MapLayer>& current, double firstMpp);
    // The result of a finished check, once; nullopt while none is finished.
    std::optional<Result> take();
    // True while a background check runs.
    bool busy() const { return m_task.valid(); }
    // Blocks until the background check (if any) has finished (tests, soak).
    void wait();

    const std::filesystem::path& path() const { return m_watcher.path(); }

private:
    void start(const std::vector<MapLayer>& current, double firstMpp);

    FileWatcher m_watcher;
    std::vector<std::filesystem::path> m_extraLayers;
    std::future<Result> m_task;
    bool m_dirty = false; // changed again while a check ran
    std::optional<std::chrono::steady_clock::time_point> m_lastCheck;
};

} // namespace geo
