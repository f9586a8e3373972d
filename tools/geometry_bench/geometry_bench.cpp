// Micro-benchmark for geo's geometry algorithms: triangulate and simplify on large,
// coastline-like rings. Prints vertices per second (median of several runs); asserts
// nothing. Build: it needs only the geo library, e.g.
//
//   add_executable(geometry_bench tests/bench/geometry_bench.cpp)
//   target_link_libraries(geometry_bench PRIVATE geo)
//
// and run it from a Release or RelWithDebInfo build: ./geometry_bench [runs]

#include <geo/base/geometry.hpp>
#include <geo/basemap/simplify.hpp>

#include "geometry_fixtures.hpp"
#include <geo/basemap/triangulate.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace {

using geo::Polygon;
using geo::Ring;
using glm::dvec2;

using test::fractalRing;

Ring resample(const Ring& ring, size_t n) { // every k-th point, to hit a target size
    Ring out;
    const double step = static_cast<double>(ring.size()) / static_cast<double>(n);
    for (size_t i = 0; i < n; ++i) out.push_back(ring[static_cast<size_t>(static_cast<double>(i) * step)]);
    return out;
}

// Outer coast of ~50k points with `holes` lakes of 128 points on a grid inside it.
Polygon lakeDistrict(int holes) {
    // Outer radius varies by at most ~0.75 (amplitude sum), so stay inside 0.2 * R.
    Polygon p{{resample(fractalRing(16, 0.6, 7, {300000, 2700000}, 200000), 50000)}};
    const int side = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(holes))));
    const double extent = 0.2 * 200000.0;
    const double spacing = 2.0 * extent / side;
    int made = 0;
    for (int i = 0; i < side && made < holes; ++i)
        for (int j = 0; j < side && made < holes; ++j, ++made) {
            const dvec2 c{300000 - extent + (i + 0.5) * spacing, 2700000 - extent + (j + 0.5) * spacing};
            Ring hole = fractalRing(5, 0.6, 1000 + static_cast<unsigned>(made), c, 0.3 * spacing);
            std::reverse(hole.begin(), hole.end());
            p.rings.push_back(hole);
        }
    return p;
}

size_t vertexCount(const Polygon& p) {
    size_t n = 0;
    for (const Ring& r : p.rings) n += r.size();
    return n;
}

double medianSeconds(int runs, const std::function<size_t()>& work, size_t& result) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        result = work();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void report(const char* what, size_t vertices, double seconds, const std::string& detail) {
    std::printf("%-44s %9zu v  %8.2f ms  %7.2f Mv/s  %s\n", what, vertices, seconds * 1e3,
                static_cast<double>(vertices) / seconds / 1e6, detail.c_str());
}

void benchTriangulate(const char* name, const Polygon& p, int runs) {
    size_t indices = 0;
    const double s = medianSeconds(runs, [&] { return geo::triangulate(p).size(); }, indices);
    report(name, vertexCount(p), s, std::to_string(indices / 3) + " triangles");
}

void benchSimplifyRing(const char* name, const Ring& r, double tolerance, int runs) {
    size_t kept = 0;
    const double s = medianSeconds(runs, [&] { return geo::simplifyRing(r, tolerance).size(); }, kept);
    report(name, r.size(), s, "tol " + std::to_string(tolerance) + " -> " + std::to_string(kept) + " points");
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    std::printf("geometry_bench: median of %d runs, wall clock, one thread\n\n", runs);

    // Coastline-scale rings in projected metres (radius 100 km).
    const Ring coast200k = resample(fractalRing(18, 0.6, 1, {500000, 3000000}, 100000), 200000);
    const Ring ragged200k = resample(fractalRing(18, 0.7, 2, {500000, 3000000}, 100000), 200000);
    const Ring coast1m = fractalRing(18, 0.6, 3, {500000, 3000000}, 100000); // 4 * 2^18 = 1,048,576
    const Polygon lakes = lakeDistrict(500);
    std::vector<Ring> islands; // many small rings, as the land of an archipelago
    for (unsigned k = 0; k < 2000; ++k)
        islands.push_back(fractalRing(6, 0.6, 5000 + k, {10000.0 * (k % 50), 10000.0 * (k / 50)}, 3000));

    std::printf("triangulate\n");
    benchTriangulate("coast ring, 200k points", Polygon{{coast200k}}, runs);
    benchTriangulate("ragged coast ring, 200k points", Polygon{{ragged200k}}, runs);
    benchTriangulate("coast ring, 1M points", Polygon{{coast1m}}, runs);
    benchTriangulate("50k coast with 500 lakes (64k in holes)", lakes, runs);
    {
        size_t total = 0, n = 0;
        for (const Ring& r : islands) n += r.size();
        const double s = medianSeconds(
            runs,
            [&] {
                size_t t = 0;
                for (const Ring& r : islands) t += geo::triangulate(Polygon{{r}}).size();
                return t;
            },
            total);
        report("2000 islands of 256 points", n, s, std::to_string(total / 3) + " triangles");
    }

    std::printf("\nsimplify\n");
    benchSimplifyRing("simplifyRing coast 200k, tol 10 m", coast200k, 10.0, runs);
    benchSimplifyRing("simplifyRing coast 200k, tol 100 m", coast200k, 100.0, runs);
    benchSimplifyRing("simplifyRing ragged 200k, tol 100 m", ragged200k, 100.0, runs);
    benchSimplifyRing("simplifyRing coast 1M, tol 50 m", coast1m, 50.0, runs);
    {
        size_t kept = 0;
        const double s = medianSeconds(runs, [&] { return geo::simplifyLine(coast1m, 50.0).size(); }, kept);
        report("simplifyLine coast 1M, tol 50 m", coast1m.size(), s, "-> " + std::to_string(kept) + " points");
    }
    {
        size_t kept = 0;
        const double s =
            medianSeconds(runs, [&] { return vertexCount(geo::simplifyPolygon(lakes, 100.0)); }, kept);
        report("simplifyPolygon 500 lakes, tol 100 m", vertexCount(lakes), s, "-> " + std::to_string(kept) + " points");
    }
    return 0;
}
