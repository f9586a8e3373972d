#include <geo/base_map.hpp>
#include <geo/projection.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace geo {

std::vector<std::string> BaseMap::attributions() const {
    std::vector<std::string> out;
    for (const auto& l : layers)
        if (!l.spec.attribution.empty() && std::find(out.begin(), out.end(), l.spec.attribution) == out.end())
            out.push_back(l.spec.attribution);
    return out;
}

BaseMap loadBaseMap(const std::filesystem::path& layerFile, const std::vector<std::filesystem::path>& extraLayers,
                    const Projection& projection, BaseMapTimings* timings) {
    using Clock = std::chrono::steady_clock;
    auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    const auto t0 = Clock::now();
    configureGdal();

    BaseMap map;
    std::vector<LayerSpec> specs;
    if (!layerFile.empty()) {
        LayerConfigResult config = loadLayerConfig(layerFile);
        map.background = config.config.background;
        map.diagnostics = std::move(config.diagnostics);
        specs = std::move(config.config.layers);
    }
    for (std::size_t i = 0; i < extraLayers.size(); ++i) specs.push_back(userLayerSpec(extraLayers[i], static_cast<int>(i)));
    const auto t1 = Clock::now();

    // One task per layer, as many workers as cores; the biggest files first so
    // that the two cores finish together.
    struct Slot {
        LayerLoadResult loaded;
        LayerMesh mesh;
        double loadMs = 0, meshMs = 0;
    };
    std::vector<Slot> slots(specs.size());
    std::vector<std::size_t> order(specs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto sizeOf = [&](std::size_t i) {
        std::error_code ec;
        auto s = std::filesystem::file_size(specs[i].source, ec);
        return ec ? 0 : s;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizeOf(a) > sizeOf(b); });
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < order.size();) {
            const std::size_t i = order[k];
            const auto a = Clock::now();
            slots[i].loaded = loadLayer(specs[i], projection);
            const auto b = Clock::now();
            if (slots[i].loaded.ok) {
                MeshOptions options;
                options.fill = specs[i].style.fill.has_value();
                options.stroke = specs[i].style.stroke.has_value();
                slots[i].mesh = buildLayerMesh(slots[i].loaded.layer, options);
            }
            slots[i].loadMs = ms(a, b);
            slots[i].meshMs = ms(b, Clock::now());
        }
    };
    const unsigned workers = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(specs.size())));
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();

    for (std::size_t i = 0; i < specs.size(); ++i) {
        Slot& s = slots[i];
        for (auto& d : s.loaded.diagnostics) map.diagnostics.push_back(std::move(d));
        if (timings) {
            timings->loadMs += s.loadMs;
            timings->meshMs += s.meshMs;
        }
        if (!s.loaded.ok) continue;
        MapLayer layer;
        layer.spec = specs[i];
        layer.data = std::move(s.loaded.layer);
        layer.mesh = std::move(s.mesh);
        map.bounds.extend(layer.data.bounds);
        map.layers.push_back(std::move(layer));
    }
    if (timings) timings->configMs = ms(t0, t1);
    return map;
}

} // namespace geo
