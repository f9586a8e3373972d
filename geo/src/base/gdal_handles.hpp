#pragma once
// RAII for the GDAL handles geo uses, and a scope that collects GDAL's error
// messages instead of letting them go to stderr.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>
#include <vector>

namespace geo::detail {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct FeatureDeleter {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

// While alive, GDAL errors and warnings raised on this thread are collected here.
class GdalErrorCollector {
public:
    GdalErrorCollector();
    ~GdalErrorCollector();
    GdalErrorCollector(const GdalErrorCollector&) = delete;
    GdalErrorCollector& operator=(const GdalErrorCollector&) = delete;

    struct Entry { CPLErr level; std::string message; };
    const std::vector<Entry>& entries() const { return m_entries; }
    void clear() { m_entries.clear(); }
    // The first failure message, or empty.
    std::string firstFailure() const;

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* message);
    std::vector<Entry> m_entries;
};

} // namespace geo::detail
