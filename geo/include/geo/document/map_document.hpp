#pragma once
// The files the viewer shows, loaded and kept up to date: the base map of the layer file (its
// other levels of detail built in the background), the briefing content projected onto it,
// their hot reloads, and the messages about them. What changes in it changes by loading or
// reloading a file or by a level of detail arriving, never by the interface; view state (what
// is switched on, selected, highlighted) lives apart (view/content_state.hpp, view/map_view.hpp).
//
// GL-free: the app uploads what it draws through the Upload callback and the renderer.

#include <geo/base/diagnostic.hpp>
#include <geo/base/projection.hpp>
#include <geo/basemap/base_map.hpp>
#include <geo/basemap/layer_reloader.hpp>
#include <geo/basemap/mesh_builder.hpp>
#include <geo/briefing/content_reloader.hpp>
#include <geo/view/content_scene.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace geo {

class MapDocument {
public:
    struct Files {
        std::filesystem::path layerFile;                // empty: no layer file (only --layer files)
        std::vector<std::filesystem::path> extraLayers; // --layer
        std::filesystem::path briefingFile;             // empty: no briefing content
    };

    MapDocument(Files files, const Projection& projection);
    ~MapDocument();
    MapDocument(const MapDocument&) = delete;
    MapDocument& operator=(const MapDocument&) = delete;

    // Loads the layer file's base map, building only the level of detail drawn at `firstMpp`
    // (0: every level) before it returns, the others in the background; then the briefing.
    // May run on another thread than the one that uses the document afterwards.
    void load(double firstMpp, BaseMapTimings* timings = nullptr);

    const Files& files() const { return m_files; }
    const BaseMap& map() const { return m_map; }
    bool hasContent() const { return m_content != nullptr; }
    const Briefing& briefing() const; // an empty briefing without content
    const ContentScene& scene() const { return m_scene; }
    // Changes whenever the content is replaced (caches of derived data compare it).
    std::uint64_t contentGeneration() const { return m_content ? m_content->generation() : 0; }

    // What is wrong with the files as they are now: the layer file's (after a change), the
    // base map's layers, the briefing's.
    Diagnostics messages() const;
    Diagnostics mapMessages() const; // the layer file's and the base map's
    const Diagnostics& contentMessages() const;

    // What the renderer takes a level of detail with.
    using Upload = std::function<void(std::size_t layer, std::size_t level, const MeshLevel& mesh)>;
    // Levels the background builder finished, nearest to `mpp` first next: stored, handed to
    // `upload`, and their vertices dropped (the GPU has them). True if there were any.
    bool takeLevels(double mpp, const Upload& upload);
    // Blocks until every layer drawn at this scale has its level (screenshots and exports: a
    // picture must not depend on how far the builder had got), or every level (`all`).
    void waitForLevels(double mpp, double zoom, const Upload& upload);
    void waitForAllLevels(const Upload& upload);
    // The vertices of every built level dropped (after the renderer has uploaded the whole map).
    void releaseVertices();
    // Every level not yet built, in the background, nearest to `mpp` first.
    void startMeshBuilder(double mpp);
    void stop(); // the background builder, before the GL context goes

    enum class LayerFileChange { None, Restyled, Reloaded, Kept };
    // Hot reload of the layer file: looks at it (~4 times a second; every call when `now`) and
    // applies a finished background check. With `wait`, blocks until a check it started has
    // finished (soak, tests). Reloaded: a new base map (upload it all again).
    LayerFileChange pollLayerFile(double mpp, bool now = false, bool wait = false);
    // Hot reload of the briefing (read and checked off this thread): true when the content on
    // screen or its messages changed. The scene is rebuilt when the content was replaced.
    bool pollContent();

private:
    void applyLayerFile(LayerFileReloader::Result result, double mpp);
    void rebuildScene();

    Files m_files;
    const Projection& m_projection;
    BaseMap m_map;
    Diagnostics m_mapMessages;       // the base map's, as loaded (those about the layer file go when it changes)
    Diagnostics m_layerFileMessages; // about the layer file as it is now, after a change
    std::unique_ptr<LayerFileReloader> m_layerReloader;
    MeshBuilder m_meshBuilder;
    std::unique_ptr<ContentReloader> m_content;
    ContentScene m_scene;
    std::uint64_t m_sceneGeneration = ~std::uint64_t{0};
};

} // namespace geo
