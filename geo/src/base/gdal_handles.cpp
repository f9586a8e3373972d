#include "base/gdal_handles.hpp"

namespace geo::detail {

GdalErrorCollector::GdalErrorCollector() { CPLPushErrorHandlerEx(&GdalErrorCollector::handler, this); }
GdalErrorCollector::~GdalErrorCollector() { CPLPopErrorHandler(); }

void CPL_STDCALL GdalErrorCollector::handler(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<GdalErrorCollector*>(CPLGetErrorHandlerUserData());
    if (self && level >= CE_Warning) self->m_entries.push_back({level, message ? message : ""});
}

std::string GdalErrorCollector::firstFailure() const {
    for (const auto& e : m_entries)
        if (e.level >= CE_Failure) return e.message;
    return {};
}

} // namespace geo::detail
