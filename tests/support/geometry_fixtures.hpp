#pragma once
// Synthetic geometry for tests and benchmarks.

#include <geo/base/geometry.hpp>

#include <cmath>
#include <random>
#include <vector>

namespace test {

// A simple (non-self-intersecting) coastline-like ring: star-shaped around `centre`, its
// radius a periodic midpoint-displacement curve. `roughness` is the amplitude ratio per
// halving (0.5^H; 0.6 ~ H 0.74, a typical coast; 0.7 ~ H 0.5, a very ragged one).
inline geo::Ring fractalRing(int levels, double roughness, unsigned seed, glm::dvec2 centre, double radius) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    std::vector<double> r{1.0, 1.0 + 0.3 * u(rng), 1.0 + 0.3 * u(rng), 1.0 + 0.3 * u(rng)};
    double amplitude = 0.3;
    for (int l = 0; l < levels; ++l) {
        amplitude *= roughness;
        std::vector<double> next;
        next.reserve(r.size() * 2);
        for (size_t i = 0; i < r.size(); ++i) {
            next.push_back(r[i]);
            next.push_back(0.5 * (r[i] + r[(i + 1) % r.size()]) + amplitude * u(rng));
        }
        r.swap(next);
    }
    geo::Ring ring;
    ring.reserve(r.size());
    for (size_t i = 0; i < r.size(); ++i) {
        const double a = 2.0 * M_PI * static_cast<double>(i) / static_cast<double>(r.size());
        ring.push_back(centre + radius * r[i] * glm::dvec2(std::cos(a), std::sin(a)));
    }
    return ring;
}

} // namespace test
