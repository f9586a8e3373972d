#pragma once
// The stories as Google Earth tours: per step a gx:FlyTo to the view the app frames
// (geo::applyStep → enclosingView, on the presentation's screen), as long as the app's
// flight (geo::FlyToPath), then the caption's balloon shown for the step's `hold`.

#include <geo/base/lon_lat_box.hpp>
#include <geo/base/projection.hpp>
#include <geo/briefing/briefing.hpp>
#include <geo/view/camera_controller.hpp>
#include <geo/view/content_scene.hpp>

#include <kml/dom.h>

#include <glm/vec2.hpp>

#include <optional>
#include <string>
#include <vector>

namespace app {

// Where a tour step looks: Google Earth's LookAt straight down.
struct TourView {
    double lon = 0.0, lat = 0.0; // the centre, degrees (lon in [-180, 180])
    double range = 0.0;          // metres from the centre, so that the framed width fills the screen
    double seconds = 0.0;        // the flight there, as the app flies it
};

class TourPlanner {
public:
    // `home`, `region`: the layer file's [view]; `viewport`: the presentation's screen, pixels.
    TourPlanner(const geo::Briefing& briefing, std::optional<geo::LonLatBox> home, std::optional<geo::LonLatBox> region,
                glm::dvec2 viewport);

    // One view per step, in order: a step without a target keeps the previous step's.
    std::vector<TourView> plan(const geo::Story& story) const;
    // Where presenting starts (the layer file's home, as the viewer frames it); none without one.
    std::optional<TourView> home() const;
    // A LookAt straight down at `view`.
    static kmldom::LookAtPtr lookAtElement(const TourView& view);

private:
    TourView lookAt(const geo::CameraView& view) const;
    std::optional<geo::CameraView> homeCamera() const;

    const geo::Briefing& m_briefing;
    geo::Projection m_projection;
    geo::ContentScene m_scene;
    std::optional<geo::LonLatBox> m_home;
    glm::dvec2 m_viewport;
};

// The caption placemarks' ids of a story: "caption-<story>-<step>" (1-based).
std::string captionId(const geo::Story& story, std::size_t stepIndex);

// The gx:Tour of a story: per step FlyTo, the caption's balloon shown, Wait `hold`, hidden.
kmldom::GxTourPtr buildTour(const geo::Story& story, const std::vector<TourView>& views, const std::string& name);

} // namespace app
