#pragma once
// The partnership links as the map draws them: each pair of parties joined by a curve bowed in
// the map's projection (geo::partnershipLinks, geo::curvedArc), so that links between the same
// places stay apart. The package's `partnerships` table keeps the great circles through all
// parties; QGIS draws these.

#include <string>

class GDALDataset;

namespace geo {
struct Briefing;
}

namespace app::qgis {

inline constexpr const char* kLinksTable = "partnership_links";

// Writes the `partnership_links` table into `ds`; false with `error` when it could not.
bool writePartnershipLinks(GDALDataset& ds, const geo::Briefing& briefing, std::string& error);

} // namespace app::qgis
