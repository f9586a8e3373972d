#pragma once
// Shared by the layer-loader harnesses: one temp folder per process (reused for every
// input), GDAL registered once and kept quiet, one Projection.
#include <geo/basemap/layer_loader.hpp>
#include <geo/base/projection.hpp>

#include <cpl_error.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fuzz {

inline const std::filesystem::path& tempDir() {
    static const std::filesystem::path dir = [] {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/ktmap-fuzz-XXXXXX";
        if (!mkdtemp(pattern.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        return std::filesystem::path(pattern);
    }();
    return dir;
}

inline void writeOrRemove(const std::filesystem::path& file, const std::uint8_t* data, std::size_t size, bool write) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    if (!write) return;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

inline const geo::Projection& projection() {
    static const geo::Projection p;
    return p;
}

inline void setUp() {
    static const bool once = [] {
        CPLSetErrorHandler(CPLQuietErrorHandler);
        geo::configureGdal(); // GDALAllRegister, once
        (void)projection();
        (void)tempDir();
        return true;
    }();
    (void)once;
}

inline geo::LayerLoadResult load(const std::filesystem::path& source) {
    geo::LayerSpec spec;
    spec.id = "fuzz";
    spec.source = source;
    geo::LayerLoadResult r = geo::loadLayer(spec, projection());
    for (const geo::Diagnostic& d : r.diagnostics) (void)d.format();
    (void)r.layer.vertexCount();
    return r;
}

} // namespace fuzz
