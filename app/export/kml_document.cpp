#include "export/kml_document.hpp"

#include <kml/engine.h>

#include <map>

namespace app {

namespace {

// The folders below the document, made as the records first name them.
class FolderTree {
public:
    explicit FolderTree(kmldom::ContainerPtr root) : m_root(std::move(root)) {}

    kmldom::ContainerPtr at(const std::vector<std::string>& path) {
        kmldom::ContainerPtr parent = m_root;
        std::string key;
        for (const std::string& name : path) {
            key += '\x1f' + name;
            auto it = m_folders.find(key);
            if (it == m_folders.end()) {
                kmldom::FolderPtr folder = kmldom::KmlFactory::GetFactory()->CreateFolder();
                folder->set_name(name);
                parent->add_feature(folder);
                it = m_folders.emplace(key, folder).first;
            }
            parent = it->second;
        }
        return parent;
    }

private:
    kmldom::ContainerPtr m_root;
    std::map<std::string, kmldom::FolderPtr> m_folders;
};

} // namespace

namespace {

// A stop or a leg dated by its day alone: the TimeStamp or TimeSpan GDAL's date-time fields
// could not write ("2025-02-17", which KML allows, rather than a made-up time of day).
void setDayOnlyTimes(kmldom::Placemark& placemark, const KmlRecord& r) {
    kmldom::KmlFactory* factory = kmldom::KmlFactory::GetFactory();
    if (r.timestamp && r.timestamp->dateOnly) {
        kmldom::TimeStampPtr stamp = factory->CreateTimeStamp();
        stamp->set_when(r.timestamp->toString());
        placemark.set_timeprimitive(stamp);
    }
    if ((r.begin && r.begin->dateOnly) || (r.end && r.end->dateOnly)) {
        kmldom::TimeSpanPtr span = factory->CreateTimeSpan();
        if (r.begin) span->set_begin(r.begin->toString());
        if (r.end) span->set_end(r.end->toString());
        placemark.set_timeprimitive(span);
    }
}

} // namespace

bool finishKml(const std::string& gdalKml, const std::vector<KmlRecord>& records, const std::vector<KmlTourEntry>& tours,
               const KmlDocumentInfo& info, std::string& kml, std::string& error) {
    std::string errors;
    const kmldom::ElementPtr root = kmldom::Parse(gdalKml, &errors);
    const kmldom::KmlPtr kmlRoot = kmldom::AsKml(root);
    const kmldom::DocumentPtr document = kmlRoot ? kmldom::AsDocument(kmlRoot->get_feature()) : nullptr;
    if (!document) {
        error = "libkml cannot read the KML GDAL wrote" + (errors.empty() ? std::string() : ": " + errors);
        return false;
    }
    // GDAL's layer folders, emptied: their placemarks in the order they were written.
    std::map<std::string, std::vector<kmldom::PlacemarkPtr>> written;
    for (std::size_t i = document->get_feature_array_size(); i-- > 0;) {
        const kmldom::ContainerPtr layer = kmldom::AsContainer(document->get_feature_array_at(i));
        if (!layer) continue;
        std::vector<kmldom::PlacemarkPtr>& placemarks = written[layer->get_name()];
        // Copies: libkml keeps an element's parent even once it is deleted from there, and
        // refuses to add it to another.
        for (std::size_t j = 0; j < layer->get_feature_array_size(); ++j)
            if (const kmldom::PlacemarkPtr p = kmldom::AsPlacemark(kmlengine::Clone(layer->get_feature_array_at(j))))
                placemarks.push_back(p);
        document->DeleteFeatureAt(i);
    }
    std::map<std::string, std::size_t> taken;
    FolderTree folders(document);
    // The top folders in the records' order (Sites, Trips, Partnerships, Stories); then in a
    // story's folder its tour first, above the captions the tour shows.
    for (const KmlRecord& r : records)
        if (!r.folder.empty()) folders.at({r.folder.front()});
    for (const KmlTourEntry& entry : tours) folders.at(entry.folder)->add_feature(entry.tour);
    for (const KmlRecord& r : records) {
        const std::string layer = kmlLayerName(r.layer);
        std::size_t& next = taken[layer];
        const auto& placemarks = written[layer];
        if (next >= placemarks.size()) {
            error = "GDAL's KML lacks placemarks of layer '" + layer + "' (" + std::to_string(placemarks.size()) + " written)";
            return false;
        }
        const kmldom::PlacemarkPtr& placemark = placemarks[next++];
        placemark->set_id(r.id);
        setDayOnlyTimes(*placemark, r);
        folders.at(r.folder)->add_feature(placemark);
    }

    document->set_name(info.name);
    document->set_description(info.description);
    document->set_open(true);
    if (info.view) document->set_abstractview(info.view);
    // Import checks that every id is unique (targets of the tours' updates must be).
    const kmlengine::KmlFilePtr file(kmlengine::KmlFile::CreateFromImport(kmlRoot));
    if (!file) {
        error = "libkml refused the finished KML (an id used twice?)";
        return false;
    }
    if (!file->SerializeToString(&kml)) {
        error = "libkml cannot serialize the KML";
        return false;
    }
    return true;
}

} // namespace app
