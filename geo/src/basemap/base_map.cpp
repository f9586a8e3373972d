#include <geo/basemap/base_map.hpp>
#include <geo/base/web_zoom.hpp>
#include <geo/base/projection.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace geo {

std::vector<std::string> BaseMap::attributions() const {
    std::vector<std::string> out;
    for (const auto& l : layers)
        if (!l.spec.attribution.empty() && std::find(out.begin(), out.end(), l.spec.attribution) == out.end())
            out.push_back(l.spec.attribution);
    if (!places.names.empty() && !places.attribution.empty() && std::find(out.begin(), out.end(), places.attribution) == out.end())
        out.push_back(places.attribution);
    return out;
}

BaseMap loadBaseMap(const std::filesystem::path& layerFile, const std::vector<std::filesystem::path>& extraLayers,
                    const Projection& projection, double firstMpp, BaseMapTimings* timings) {
    using Clock = std::chrono::steady_clock;
    auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    const auto t0 = Clock::now();
    configureGdal();

    BaseMap map;
    std::vector<LayerSpec> specs;
    AddedLayerStyle added;
    if (!layerFile.empty()) {
        LayerConfigResult config = loadLayerConfig(layerFile);
        map.background = config.config.background;
        map.projectorBackground = config.config.projectorBackground;
        map.home = config.config.home;
        map.homeMargin = config.config.homeMargin;
        map.region = config.config.region;
        map.diagnostics = std::move(config.diagnostics);
        specs = std::move(config.config.layers);
        added = std::move(config.config.added);
        if (config.config.places) {
            // A few thousand points: read here while nothing else runs yet is cheaper than a task.
            PlaceNamesResult places = loadPlaceNames(config.config.places->source);
            for (Diagnostic& d : places.diagnostics) map.diagnostics.push_back(std::move(d));
            map.places.names = std::move(places.places);
            map.places.minZoom = config.config.places->minZoom;
            map.places.attribution = config.config.places->attribution;
            map.places.world.reserve(map.places.names.size());
            for (const PlaceName& p : map.places.names) map.places.world.push_back(projection.forward(p.lonLat));
        }
    }
    // A file added with --layer brings all its layers (a KML's folders, a GeoPackage's tables).
    int userIndex = 0;
    for (const auto& path : extraLayers) {
        const std::vector<std::string> names = listLayers(path);
        if (names.size() <= 1) {
            specs.push_back(userLayerSpec(path, userIndex++, added));
            continue;
        }
        for (const auto& name : names) {
            LayerSpec spec = userLayerSpec(path, userIndex++, added);
            spec.ogrLayer = name;
            spec.id = path.stem().string() + ":" + name;
            specs.push_back(std::move(spec));
        }
    }
    const auto t1 = Clock::now();

    // One load per distinct (source, OGR layer): a file drawn twice (land fill under
    // the boundaries, coastline above them) is read once and meshed twice.
    std::vector<std::size_t> loadOf(specs.size());
    std::vector<std::size_t> loads; // spec index that loads each distinct source
    for (std::size_t i = 0; i < specs.size(); ++i) {
        std::size_t j = 0;
        while (j < loads.size() && !(specs[loads[j]].source == specs[i].source && specs[loads[j]].ogrLayer == specs[i].ogrLayer)) ++j;
        if (j == loads.size()) loads.push_back(i);
        loadOf[i] = j;
    }
    std::vector<LayerLoadResult> loaded(loads.size());
    std::vector<std::shared_ptr<const LayerData>> shared(loads.size());
    std::vector<LayerMesh> meshes(specs.size());
    std::vector<double> loadMs(loads.size(), 0.0), meshMs(specs.size(), 0.0);

    // Tasks: first every load (biggest file first, so that the cores finish together),
    // then every mesh; a mesh task waits for its load.
    auto sizeOf = [&](std::size_t spec) {
        std::error_code ec;
        auto s = std::filesystem::file_size(specs[spec].source, ec);
        return ec ? 0 : s;
    };
    std::vector<std::size_t> loadOrder(loads.size());
    for (std::size_t j = 0; j < loads.size(); ++j) loadOrder[j] = j;
    std::stable_sort(loadOrder.begin(), loadOrder.end(), [&](std::size_t a, std::size_t b) { return sizeOf(loads[a]) > sizeOf(loads[b]); });
    // Waiting for another task (a load, a shared simplification) sleeps: the cores are
    // busy with the other loads and the GL context coming up.
    std::mutex waitMutex;
    std::condition_variable woken;
    auto wake = [&] {
        { std::lock_guard<std::mutex> lock(waitMutex); }
        woken.notify_all();
    };
    auto waitUntil = [&](auto done) {
        std::unique_lock<std::mutex> lock(waitMutex);
        woken.wait(lock, done);
    };
    // A load drawn twice (a land fill and its coast) is simplified once for the first frame:
    // the mesh tasks that need its polygons simplify them together, then each builds its own.
    struct SharedSimplification {
        std::once_flag sized;
        std::size_t level = 0;
        std::vector<Polygon> polygons;
        std::atomic<std::size_t> next{0}, done{0};
    };
    std::vector<SharedSimplification> simplified(loads.size());
    auto optionsOf = [&](std::size_t spec) {
        MeshOptions options;
        options.fill = specs[spec].style.fill.has_value();
        options.stroke = specs[spec].style.stroke.has_value();
        return options;
    };
    std::vector<int> polygonMeshes(loads.size(), 0); // meshes of each load made from its polygons
    for (std::size_t i = 0; i < specs.size(); ++i)
        if (usesPolygons(optionsOf(i))) ++polygonMeshes[loadOf[i]];
    auto simplifyTogether = [&](std::size_t j, std::size_t level) -> const std::vector<Polygon>* {
        SharedSimplification& s = simplified[j];
        const std::vector<Polygon>& source = shared[j]->polygons;
        std::call_once(s.sized, [&] {
            s.level = level;
            s.polygons.resize(source.size());
        });
        if (s.level != level) return nullptr; // (one ladder for every mesh: does not happen)
        for (std::size_t p; (p = s.next.fetch_add(1)) < source.size();) {
            s.polygons[p] = simplifiedPolygon(source[p], level);
            if (s.done.fetch_add(1) + 1 == source.size()) wake();
        }
        waitUntil([&] { return s.done.load() == source.size(); });
        return &s.polygons;
    };
    std::vector<std::atomic<bool>> ready(loads.size());
    for (auto& r : ready) r = false;
    std::atomic<std::size_t> next{0};
    const std::size_t taskCount = loads.size() + specs.size();
    auto work = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < taskCount;) {
            const auto a = Clock::now();
            if (k < loads.size()) {
                const std::size_t j = loadOrder[k];
                loaded[j] = loadLayer(specs[loads[j]], projection);
                shared[j] = std::make_shared<const LayerData>(std::move(loaded[j].layer));
                loadMs[j] = ms(a, Clock::now());
                ready[j] = true;
                wake();
                continue;
            }
            const std::size_t i = k - loads.size();
            const std::size_t j = loadOf[i];
            waitUntil([&] { return ready[j].load(); });
            if (!loaded[j].ok) continue;
            const MeshOptions options = optionsOf(i);
            if (firstMpp <= 0) {
                meshes[i] = buildLayerMesh(*shared[j], options);
            } else {
                meshes[i] = prepareLayerMesh(*shared[j], options);
                // Only what the first frame draws: nothing for a layer hidden at this zoom.
                const double zoom = mppToZoom(firstMpp);
                if (specs[i].style.shownAt(zoom)) {
                    const std::size_t level = meshes[i].levelFor(firstMpp);
                    const bool simplifies = usesPolygons(options) && polygonMeshes[j] > 1 && !shared[j]->polygons.empty() &&
                                            meshes[i].levels[level].tolerance > 0;
                    const std::vector<Polygon>* polygons = simplifies ? simplifyTogether(j, level) : nullptr;
                    meshes[i].levels[level] = buildMeshLevel(*shared[j], meshes[i], level, polygons);
                }
            }
            meshMs[i] = ms(a, Clock::now());
        }
    };
    const unsigned workers = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(taskCount)));
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();

    for (std::size_t j = 0; j < loads.size(); ++j) {
        for (auto& d : loaded[j].diagnostics) map.diagnostics.push_back(std::move(d));
        if (timings) timings->loadMs += loadMs[j];
    }
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const std::size_t j = loadOf[i];
        if (timings) timings->meshMs += meshMs[i];
        if (!loaded[j].ok) continue;
        MapLayer layer;
        layer.spec = specs[i];
        layer.data = shared[j];
        layer.mesh = std::move(meshes[i]);
        map.bounds.extend(layer.data->bounds);
        map.frame.extend(layer.data->frame);
        map.layers.push_back(std::move(layer));
    }
    if (timings) timings->configMs = ms(t0, t1);
    return map;
}

} // namespace geo
