#pragma once
// Builds the levels of detail the first frame did not need, on a background
// thread, nearest to the current scale first. The frame loop takes finished
// levels with takeFinished() and uploads them; until then the renderer draws the
// nearest level that is built.

#include <geo/basemap/layer_mesh.hpp>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace geo {

struct LayerData;

class MeshBuilder {
public:
    struct Job {
        std::shared_ptr<const LayerData> data;
        LayerMesh frame;              // the prepared mesh (origin, tolerances); levels already built are skipped
        std::vector<bool> pending;    // per level: still to build
    };
    struct Finished {
        std::size_t layer;
        std::size_t level;
        MeshLevel mesh;
    };

    MeshBuilder() = default;
    ~MeshBuilder();
    MeshBuilder(const MeshBuilder&) = delete;
    MeshBuilder& operator=(const MeshBuilder&) = delete;

    // Starts building every pending level of `jobs` (index = layer index).
    void start(std::vector<Job> jobs, double metersPerPixel);
    // Builds the levels near this scale next.
    void setScale(double metersPerPixel);
    std::vector<Finished> takeFinished();
    bool idle() const;
    // Stops and joins; levels not yet built are dropped.
    void stop();
    // Blocks until every level is built (benchmarks, tests).
    void waitUntilIdle();

private:
    void run();
    bool nextTask(std::size_t& layer, std::size_t& level);

    std::vector<Job> m_jobs;
    std::vector<Finished> m_finished;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::thread m_thread;
    double m_mpp = 1000.0;
    bool m_stop = false;
    std::size_t m_remaining = 0;
};

} // namespace geo
