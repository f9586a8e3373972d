#pragma once
// GDAL's errors while a file is written or read for an export: nothing goes to stderr
// meanwhile, and GDAL's last message comes back in one line for the caller's own message.

#include <string>

namespace geo {

class QuietGdalErrors {
public:
    QuietGdalErrors();  // GDAL quiet, its last error cleared
    ~QuietGdalErrors(); // GDAL's handler as it was
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

// "GDAL: <its last message>", or "GDAL gave no reason".
std::string gdalMessage();

} // namespace geo
