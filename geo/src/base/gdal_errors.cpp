#include <geo/base/gdal_errors.hpp>

#include <cpl_error.h>

namespace geo {

QuietGdalErrors::QuietGdalErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors() { CPLPopErrorHandler(); }

std::string gdalMessage() {
    const std::string message = CPLGetLastErrorMsg();
    return message.empty() ? "GDAL gave no reason" : "GDAL: " + message;
}

} // namespace geo
