#include "export/kml_tours.hpp"

#include <geo/base/web_zoom.hpp>
#include <geo/view/content_state.hpp>
#include <geo/view/fly_to.hpp>

#include <cmath>

namespace app {

namespace {

// Google Earth's horizontal field of view (its default, 60°): a LookAt at `range` straight
// down shows 2 × range × tan(30°) across.
const double kHalfFieldOfView = std::tan(30.0 * M_PI / 180.0);

double wrapLongitude(double lon) { return lon - 360.0 * std::floor((lon + 180.0) / 360.0); }

// The presentation's insets (app/shell/session.cpp, Session::padding while presenting, scale 1):
// the step number above, the caption below.
geo::EdgePadding presentationPadding() {
    geo::EdgePadding padding;
    padding.top = 80.0;
    padding.bottom = 150.0;
    return padding;
}

} // namespace

TourPlanner::TourPlanner(const geo::Briefing& briefing, std::optional<geo::LonLatBox> home,
                         std::optional<geo::LonLatBox> region, glm::dvec2 viewport)
    : m_briefing(briefing), m_scene(geo::buildContentScene(briefing, m_projection, region)), m_home(home),
      m_viewport(viewport) {}

TourView TourPlanner::lookAt(const geo::CameraView& view) const {
    TourView out;
    const glm::dvec2 lonLat = m_projection.inverse(view.center);
    out.lon = wrapLongitude(lonLat.x);
    out.lat = lonLat.y;
    // Projected metres across the screen, on the ground at the centre (the conic's scale factor).
    const double k = m_projection.scaleFactor(lonLat.y);
    const double groundWidth = view.metersPerPixel * m_viewport.x / (k > 0.0 ? k : 1.0);
    out.range = groundWidth / 2.0 / kHalfFieldOfView;
    return out;
}

std::optional<geo::CameraView> TourPlanner::homeCamera() const {
    if (!m_home) return std::nullopt;
    geo::FrameRequest home;
    home.box = m_projection.forward(*m_home);
    home.minMpp = 0.0;
    return geo::enclosingView(home, m_viewport, presentationPadding(), 1.0);
}

std::optional<TourView> TourPlanner::home() const {
    const auto camera = homeCamera();
    if (!camera) return std::nullopt;
    return lookAt(*camera);
}

kmldom::LookAtPtr TourPlanner::lookAtElement(const TourView& v) {
    kmldom::LookAtPtr look = kmldom::KmlFactory::GetFactory()->CreateLookAt();
    look->set_longitude(v.lon);
    look->set_latitude(v.lat);
    look->set_altitude(0.0);
    look->set_heading(0.0);
    look->set_tilt(0.0);
    look->set_range(v.range);
    look->set_altitudemode(kmldom::ALTITUDEMODE_CLAMPTOGROUND);
    return look;
}

std::vector<TourView> TourPlanner::plan(const geo::Story& story) const {
    std::vector<TourView> views;
    // Where presenting starts: Home, as the viewer opens (else the first framed step).
    std::optional<geo::CameraView> here = homeCamera();
    geo::ContentState state;
    state.presenting = true;
    for (const geo::StoryStep& step : story.steps) {
        const auto request = geo::applyStep(state, m_briefing, m_scene, m_projection, step);
        geo::CameraView to;
        if (request) {
            to = geo::enclosingView(*request, m_viewport, presentationPadding(), 1.0);
        } else if (here) {
            to = *here; // the camera stays where the last step left it
        } else {
            // Nothing framed yet and no Home: all the places, as Home would frame them.
            geo::FrameRequest all;
            for (const glm::dvec2& p : m_scene.siteWorld)
                if (std::isfinite(p.x) && std::isfinite(p.y)) all.box.extend(p);
            all.minMpp = 0.0;
            to = geo::enclosingView(all, m_viewport, presentationPadding(), 1.0);
        }
        TourView view = lookAt(to);
        if (here)
            view.seconds = geo::FlyToPath(geo::FlightView{here->center, here->metersPerPixel * m_viewport.x},
                                          geo::FlightView{to.center, to.metersPerPixel * m_viewport.x})
                               .durationSeconds();
        views.push_back(view);
        here = to;
    }
    return views;
}

std::string captionId(const geo::Story& story, std::size_t stepIndex) {
    return "caption-" + story.id + "-" + std::to_string(stepIndex + 1);
}

namespace {

kmldom::GxAnimatedUpdatePtr captionShown(const std::string& id, bool shown) {
    kmldom::KmlFactory* factory = kmldom::KmlFactory::GetFactory();
    kmldom::PlacemarkPtr change = factory->CreatePlacemark();
    change->set_targetid(id);
    change->set_visibility(shown);
    change->set_gx_balloonvisibility(shown);
    kmldom::ChangePtr changes = factory->CreateChange();
    changes->add_object(change);
    kmldom::UpdatePtr update = factory->CreateUpdate();
    update->set_targethref(""); // this document
    update->add_updateoperation(changes);
    kmldom::GxAnimatedUpdatePtr animated = factory->CreateGxAnimatedUpdate();
    animated->set_gx_duration(0.0);
    animated->set_update(update);
    return animated;
}

} // namespace

kmldom::GxTourPtr buildTour(const geo::Story& story, const std::vector<TourView>& views, const std::string& name) {
    kmldom::KmlFactory* factory = kmldom::KmlFactory::GetFactory();
    kmldom::GxPlaylistPtr playlist = factory->CreateGxPlaylist();
    for (std::size_t i = 0; i < story.steps.size() && i < views.size(); ++i) {
        const TourView& v = views[i];
        kmldom::GxFlyToPtr fly = factory->CreateGxFlyTo();
        fly->set_gx_duration(v.seconds);
        fly->set_gx_flytomode(kmldom::GX_FLYTOMODE_SMOOTH);
        fly->set_abstractview(TourPlanner::lookAtElement(v));
        playlist->add_gx_tourprimitive(fly);
        const bool caption = story.steps[i].hasCaption();
        if (caption) playlist->add_gx_tourprimitive(captionShown(captionId(story, i), true));
        kmldom::GxWaitPtr wait = factory->CreateGxWait();
        wait->set_gx_duration(story.steps[i].hold);
        playlist->add_gx_tourprimitive(wait);
        if (caption) playlist->add_gx_tourprimitive(captionShown(captionId(story, i), false));
    }
    kmldom::GxTourPtr tour = factory->CreateGxTour();
    tour->set_id("tour-" + story.id);
    tour->set_name(name);
    tour->set_gx_playlist(playlist);
    return tour;
}

} // namespace app
