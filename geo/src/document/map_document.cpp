#include <geo/document/map_document.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace geo {

namespace {

void logAll(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error) spdlog::error("{}", d.format());
        else if (d.severity == Severity::Warning) spdlog::warn("{}", d.format());
        else spdlog::info("{}", d.format());
}

// The GPU has the vertices once uploaded; keep only the ranges.
void releaseCpuCopy(MeshLevel& level) {
    level.fillVertices = {};
    level.fillIndices = {};
    level.strokeVertices = {};
    level.strokeIndices = {};
}

const Briefing& emptyBriefing() {
    static const Briefing none; // immutable: no briefing file
    return none;
}

} // namespace

MapDocument::MapDocument(Files files, const Projection& projection) : m_files(std::move(files)), m_projection(projection) {}

MapDocument::~MapDocument() { stop(); }

void MapDocument::stop() { m_meshBuilder.stop(); }

const Briefing& MapDocument::briefing() const { return m_content ? m_content->briefing() : emptyBriefing(); }

const Diagnostics& MapDocument::contentMessages() const {
    static const Diagnostics none;
    return m_content ? m_content->diagnostics() : none;
}

void MapDocument::load(double firstMpp, BaseMapTimings* timings) {
    // Watching starts before the load reads the file: a save during loading is seen.
    if (!m_files.layerFile.empty()) m_layerReloader = std::make_unique<LayerFileReloader>(m_files.layerFile, m_files.extraLayers);
    m_map = loadBaseMap(m_files.layerFile, m_files.extraLayers, m_projection, firstMpp, timings);
    m_mapMessages = m_map.diagnostics;
    logAll(m_mapMessages);
    startMeshBuilder(firstMpp);
    if (!m_files.briefingFile.empty()) {
        m_content = std::make_unique<ContentReloader>(m_files.briefingFile);
        m_content->setBackground(true); // a save is read off the frame thread (a slow disk never stalls a frame)
        m_content->load();
        logAll(m_content->diagnostics());
        rebuildScene();
    }
}

void MapDocument::rebuildScene() {
    if (!m_content || m_sceneGeneration == m_content->generation()) return;
    m_scene = buildContentScene(m_content->briefing(), m_projection, m_map.region);
    m_sceneGeneration = m_content->generation();
}

Diagnostics MapDocument::mapMessages() const {
    Diagnostics all = m_layerFileMessages;
    all.insert(all.end(), m_mapMessages.begin(), m_mapMessages.end());
    return all;
}

Diagnostics MapDocument::messages() const {
    Diagnostics all = mapMessages();
    all.insert(all.end(), contentMessages().begin(), contentMessages().end());
    return all;
}

void MapDocument::startMeshBuilder(double mpp) {
    std::vector<MeshBuilder::Job> jobs;
    for (const auto& layer : m_map.layers) {
        MeshBuilder::Job job;
        job.data = layer.data;
        job.frame.origin = layer.mesh.origin;
        job.frame.bounds = layer.mesh.bounds;
        job.frame.options = layer.mesh.options;
        for (const auto& level : layer.mesh.levels) {
            MeshLevel empty;
            empty.tolerance = level.tolerance;
            empty.minMpp = level.minMpp;
            job.frame.levels.push_back(std::move(empty));
            job.pending.push_back(!level.built);
        }
        jobs.push_back(std::move(job));
    }
    m_meshBuilder.start(std::move(jobs), mpp);
}

bool MapDocument::takeLevels(double mpp, const Upload& upload) {
    m_meshBuilder.setScale(mpp);
    auto finished = m_meshBuilder.takeFinished();
    for (auto& f : finished) {
        if (f.layer >= m_map.layers.size() || f.level >= m_map.layers[f.layer].mesh.levels.size()) continue;
        MeshLevel& level = m_map.layers[f.layer].mesh.levels[f.level];
        level = std::move(f.mesh);
        upload(f.layer, f.level, level);
        releaseCpuCopy(level);
    }
#ifdef __GLIBC__
    // The builder thread's freed meshes stay in its malloc arena; give them back.
    if (!finished.empty() && m_meshBuilder.idle()) malloc_trim(0);
#endif
    return !finished.empty();
}

void MapDocument::waitForLevels(double mpp, double zoom, const Upload& upload) {
    // Upload as they come, as the frame loop does, so that CPU copies do not pile up.
    auto enough = [&] {
        for (const MapLayer& layer : m_map.layers)
            if (layer.drawnAt(zoom) && !layer.mesh.levels[layer.mesh.levelFor(mpp)].built) return false;
        return true;
    };
    while (!enough() && !m_meshBuilder.idle()) {
        takeLevels(mpp, upload);
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    takeLevels(mpp, upload);
}

void MapDocument::waitForAllLevels(const Upload& upload) {
    while (!m_meshBuilder.idle()) {
        takeLevels(1e9, upload);
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    takeLevels(1e9, upload);
}

void MapDocument::releaseVertices() {
    for (auto& layer : m_map.layers)
        for (auto& level : layer.mesh.levels) releaseCpuCopy(level);
}

MapDocument::LayerFileChange MapDocument::pollLayerFile(double mpp, bool now, bool wait) {
    if (!m_layerReloader) return LayerFileChange::None;
    if (now) m_layerReloader->poll(m_map.layers, mpp);
    else m_layerReloader->pollIfDue(std::chrono::steady_clock::now(), m_map.layers, mpp);
    if (wait) m_layerReloader->wait();
    auto result = m_layerReloader->take();
    if (!result) return LayerFileChange::None;
    const auto kind = result->kind;
    applyLayerFile(std::move(*result), mpp);
    using Kind = LayerFileReloader::Result::Kind;
    return kind == Kind::Restyle ? LayerFileChange::Restyled : kind == Kind::Reload ? LayerFileChange::Reloaded : LayerFileChange::Kept;
}

void MapDocument::applyLayerFile(LayerFileReloader::Result result, double mpp) {
    using Kind = LayerFileReloader::Result::Kind;
    const std::string label = m_files.layerFile.string();
    // Messages about the file as it was give way to those about it as it is now.
    m_mapMessages.erase(std::remove_if(m_mapMessages.begin(), m_mapMessages.end(), [&](const Diagnostic& d) { return d.file == label; }),
                        m_mapMessages.end());
    switch (result.kind) {
    case Kind::Kept:
        logAll(result.diagnostics);
        m_layerFileMessages = std::move(result.diagnostics);
        break;
    case Kind::Restyle:
        spdlog::info("reloaded {}: new styles", label);
        restyleBaseMap(m_map, result.config);
        m_layerFileMessages = std::move(result.diagnostics);
        break;
    case Kind::Reload:
        spdlog::info("reloaded {}: {} layers", label, result.map->layers.size());
        m_meshBuilder.stop();
        m_meshBuilder.takeFinished(); // levels of the old map
        m_map = std::move(*result.map);
        logAll(m_map.diagnostics);
        m_mapMessages = m_map.diagnostics;
        m_layerFileMessages.clear();
        startMeshBuilder(mpp);
        break;
    }
    // The region may have changed with it.
    if (m_content && m_scene.region.has_value() != m_map.region.has_value()) m_sceneGeneration = ~std::uint64_t{0};
    if (m_content && m_map.region && m_scene.region && (m_scene.region->min != m_map.region->min || m_scene.region->max != m_map.region->max))
        m_sceneGeneration = ~std::uint64_t{0};
    rebuildScene();
}

bool MapDocument::pollContent() {
    if (!m_content) return false;
    using Outcome = ContentReloader::Outcome;
    const Outcome outcome = m_content->pollIfDue(std::chrono::steady_clock::now());
    if (outcome == Outcome::Unchanged) return false;
    if (outcome == Outcome::Replaced) {
        const Briefing& b = m_content->briefing();
        spdlog::info("reloaded {} ({} sites, {} trips, {} partnerships)", m_content->path().string(), b.sites.size(), b.trips.size(),
                     b.partnerships.size());
    }
    logAll(m_content->diagnostics());
    rebuildScene();
    return true;
}

} // namespace geo
