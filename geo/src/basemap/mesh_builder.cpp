#include <geo/basemap/layer_loader.hpp>
#include <geo/basemap/mesh_builder.hpp>

#include <cmath>
#include <map>
#include <utility>

namespace geo {

MeshBuilder::~MeshBuilder() { stop(); }

void MeshBuilder::start(std::vector<Job> jobs, double metersPerPixel) {
    stop();
    std::lock_guard<std::mutex> lock(m_mutex);
    m_jobs = std::move(jobs);
    m_mpp = metersPerPixel;
    m_stop = false;
    m_remaining = 0;
    for (const auto& j : m_jobs)
        for (bool p : j.pending) m_remaining += p;
    if (m_remaining) m_thread = std::thread([this] { run(); });
}

void MeshBuilder::setScale(double metersPerPixel) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_mpp = metersPerPixel;
}

std::vector<MeshBuilder::Finished> MeshBuilder::takeFinished() {
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<Finished> out;
    out.swap(m_finished);
    return out;
}

bool MeshBuilder::idle() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_remaining == 0;
}

void MeshBuilder::stop() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void MeshBuilder::waitUntilIdle() {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return m_remaining == 0 || m_stop; });
}

// The pending level whose scale is nearest the current one (in log scale).
bool MeshBuilder::nextTask(std::size_t& layer, std::size_t& level) {
    double best = 1e300;
    bool found = false;
    for (std::size_t j = 0; j < m_jobs.size(); ++j) {
        const LayerMesh& frame = m_jobs[j].frame;
        const std::size_t wanted = frame.levelFor(m_mpp);
        for (std::size_t l = 0; l < m_jobs[j].pending.size(); ++l) {
            if (!m_jobs[j].pending[l]) continue;
            const double distance = std::abs(static_cast<double>(l) - static_cast<double>(wanted)) + (l > wanted ? 0.5 : 0.0);
            if (distance < best) {
                best = distance;
                layer = j;
                level = l;
                found = true;
            }
        }
    }
    return found;
}

void MeshBuilder::run() {
    // A layer's data drawn twice (a land fill and its coast) is simplified once per level:
    // kept here from the first of its meshes to the last that still needs it.
    std::map<std::pair<const LayerData*, std::size_t>, std::vector<Polygon>> simplified;
    for (;;) {
        std::size_t layer = 0, level = 0;
        std::shared_ptr<const LayerData> data;
        const LayerMesh* frame = nullptr;
        bool sharedLater = false; // another pending mesh of this data needs this level's polygons
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stop || !nextTask(layer, level)) return;
            m_jobs[layer].pending[level] = false;
            data = m_jobs[layer].data;
            frame = &m_jobs[layer].frame; // m_jobs is not resized while the thread runs
            for (const Job& other : m_jobs)
                sharedLater = sharedLater || (other.data == data && level < other.pending.size() && other.pending[level] &&
                                              usesPolygons(other.frame.options));
        }
        const std::vector<Polygon>* polygons = nullptr;
        const auto key = std::make_pair(data.get(), level);
        auto found = simplified.find(key);
        // (At full detail the polygons are the data's own: nothing to share.)
        if (usesPolygons(frame->options) && !data->polygons.empty() && frame->levels[level].tolerance > 0) {
            if (found == simplified.end() && sharedLater)
                found = simplified.emplace(key, simplifiedPolygons(*data, level)).first;
            if (found != simplified.end()) polygons = &found->second;
        }
        MeshLevel built = buildMeshLevel(*data, *frame, level, polygons);
        if (found != simplified.end() && !sharedLater) simplified.erase(found);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_finished.push_back({layer, level, std::move(built)});
            --m_remaining;
        }
        m_changed.notify_all();
    }
}

} // namespace geo
