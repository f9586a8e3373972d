#pragma once
// The trips on the map: each shown trip's route in its own colour (flights as dashed
// great-circle arcs, ground legs as solid lines, an arrow on every leg, numbered
// stops), a day-by-day list, and playback: a marker that travels the route day by
// day, with play/pause, speed and a timeline slider. A leg to a place off the map
// ends in an arrow at the edge of the screen with the destination's name and distance.

#include "text/font_set.hpp"
#include "content/map_context.hpp"

#include <geo/briefing/briefing.hpp>
#include <geo/briefing/trip_route.hpp>

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace app {

class TripView {
public:
    // Recomputes routes after the content changed (keeps which trips are shown, by id).
    void rebuild(const geo::Briefing& briefing, const geo::Projection& projection);

    // Shows a trip and makes it the active one (day list, playback); frames it when asked.
    bool activate(const geo::Briefing& briefing, std::string_view tripId, ContentActions& actions, bool frame = true);
    void setShown(std::string_view tripId, bool shown);
    bool shown(std::string_view tripId) const { return m_shown.count(std::string(tripId)) != 0; }
    const std::string& activeId() const { return m_active; }
    void clearActive() { m_active.clear(); }
    // Playback position of the active trip, in days from its first day (see geo/trip_route.hpp).
    void setTime(double tDays);
    double time() const { return m_t; }
    // Moves playback to the end of day `day` (0-based) of the active trip.
    void showDay(int day);
    // A camera request framing the stops of day `day` (0-based) of the active trip.
    std::optional<CameraRequest> dayFrame(int day) const;
    void togglePlay();
    bool playing() const { return m_playing; }
    // Advances playback; true while it moves (the viewer keeps redrawing).
    bool update(float dt);

    // Routes, stops, the playback marker and edge arrows, into the background draw list.
    // `left` and `right`: pixels the panels cover on each side (the day caption is centred between them).
    // `extra`: edge callouts of other layers (partnerships to places off the map), drawn and clickable with the trips'.
    void drawMap(ImDrawList* dl, const MapContext& ctx, const geo::Briefing& briefing, float left, float right,
                 const std::vector<EdgeCallout>& extra = {});
    // Where the edge callouts gathered by drawMap go this frame (call before the labels, so
    // that they keep out of calloutBoxes()), then draws them above everything else on the map.
    void layoutCallouts(const MapContext& ctx);
    const std::vector<geo::ScreenBox>& calloutBoxes() const { return m_calloutBoxes; }
    void drawCallouts(ImDrawList* dl, const MapContext& ctx);
    // The playback caption's box this frame (empty when there is none): labels keep out of it.
    const geo::ScreenBox& caption() const { return m_caption; }
    // The sidebar section: trip list, the active trip's days and stops, playback.
    void drawPanel(const MapContext& ctx, const geo::Briefing& briefing, ContentActions& actions);
    // A click on an edge arrow: opens the stop it points to. True if one was hit.
    bool click(glm::dvec2 screen, ContentActions& actions) const;
    bool hoversEdgeArrow(glm::dvec2 screen) const;

    // The trip's colour (by its place in the file), for the legend and panels.
    static ImU32 colour(std::size_t tripIndex);

private:
    struct Route {
        std::string id;
        geo::TripRoute route;
        std::vector<glm::dvec2> stopWorld;              // projected stop positions
        std::vector<std::vector<glm::dvec2>> legWorld;  // projected leg polylines
        std::vector<geo::StopGroup> places;
    };
    struct EdgeArrow {
        ImVec2 at;
        ImVec2 dir;
        std::string siteId;
        float radius;
    };
    const Route* findRoute(std::string_view id) const;
    void drawRoute(ImDrawList* dl, const MapContext& ctx, const geo::Briefing& briefing, const Route& r, std::size_t tripIndex,
                   bool active);
    CameraRequest frameRequest(const Route& r, const std::vector<std::size_t>& stops) const;

    std::vector<Route> m_routes; // one per trip, same order
    std::set<std::string> m_shown;
    std::string m_active;
    double m_t = 0.0;
    bool m_playing = false;
    float m_speed = 0.5f; // days per second
    int m_followDay = -1; // the day the list last scrolled to during playback
    std::vector<EdgeArrow> m_edgeArrows; // this frame's, for clicks
    std::vector<EdgeCallout> m_callouts; // this frame's edge callouts, drawn above every route
    struct PlacedCallout {
        ImVec2 tip, dir, at, ext; // the arrow's tip and direction; the text's corner and size
        ImFont* font;
    };
    std::vector<PlacedCallout> m_placed;       // m_callouts laid out, same order
    std::vector<geo::ScreenBox> m_calloutBoxes; // their boxes, for the labels
    geo::ScreenBox m_caption;
    float m_captionLeft = 0.0f, m_captionRight = 0.0f;
};

} // namespace app
