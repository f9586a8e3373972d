#pragma once
// What the presenter has chosen to see of the briefing: the view state that layout reads
// and the interface writes (the loaded briefing never changes under it). Selection, the
// trips on the map and their playback, the filters, the language, and while presenting the
// story step's highlights. The functions below change it as a click, a sidebar entry or a
// story step asks, and say how the camera should frame the result.

#include <geo/briefing/briefing.hpp>
#include <geo/view/camera_controller.hpp>
#include <geo/view/content_scene.hpp>
#include <geo/view/palette.hpp>

#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

struct ContentState {
    Language language = Language::En;
    // At most one of the two is set: whose notes are open.
    std::string selectedSite;
    std::string selectedPartnership;

    std::array<bool, kSiteKindCount> siteKinds{{true, true, true, true, true, true, true, true, true, true, true, true, true, true}};
    bool labels = true;
    bool sidebar = true;

    std::set<std::string> shownTrips; // their routes are on the map
    std::string activeTrip;           // the one with the day list and playback ("" none)
    double tripTime = 0.0;            // playback, in days from the active trip's first day
    bool playing = false;
    float speed = 0.5f;               // days per second
    double playUntil = -1.0;          // >= 0: playback stops there (a day played alone), else at the trip's end

    bool partnerships = true;         // the links are on the map
    std::array<bool, kPartnershipKindCount> partnershipKinds{{true, true, true, true, true, true, true, true, true}};
    bool yearFilter = false;          // the network as it stood in `year`
    int year = 0;

    // Presenting a story: larger markers, only the step's partnerships, its highlights.
    bool presenting = false;
    std::vector<std::string> highlightSites;
    std::vector<std::string> highlightPartnerships;
    bool allPartnerships = false;     // the step highlights every partnership

    bool notesOpen() const { return !selectedSite.empty() || !selectedPartnership.empty(); }
};

// How the camera frames a site (a city with its places; a venue among its neighbours), a
// partnership (its parties inside the briefing region; one far off the map is left out and an
// edge callout points to it), a whole trip (its stops in the region), or a day of the active
// trip (that day's stops in the region; none when there are none).
FrameRequest siteFrame(const Briefing& briefing, const ContentScene& scene, const Site& site);
FrameRequest partnershipFrame(const Briefing& briefing, const ContentScene& scene, const Partnership& partnership);
FrameRequest tripFrame(const ContentScene& scene, const TripGeometry& trip);
std::optional<FrameRequest> dayFrame(const ContentState& state, const ContentScene& scene, int day);
// The selected site or partnership, framed (none when nothing is selected).
std::optional<FrameRequest> selectionFrame(const ContentState& state, const Briefing& briefing, const ContentScene& scene);

// Selects a site (opens its notes) or a partnership by id; false, and no change, when there is none.
bool select(ContentState& state, const Briefing& briefing, std::string_view id);
void clearSelection(ContentState& state);
// Esc: closes the notes; true if there were any.
bool escape(ContentState& state);

// Shows a trip and makes it the active one, its whole route played (playback stopped).
// False when there is no such trip.
bool activateTrip(ContentState& state, const ContentScene& scene, std::string_view tripId);
void setTripShown(ContentState& state, std::string_view tripId, bool shown);
// Playback at the end of day `day` (0-based) of the active trip, stopped.
void showDay(ContentState& state, const ContentScene& scene, int day);
void setTripTime(ContentState& state, const ContentScene& scene, double days);
// Day `day` (0-based) of the active trip played alone: from its start, stopping at its end (a
// video's trip-day step); `start` false sets it up paused (the camera still flying there).
void playDay(ContentState& state, const ContentScene& scene, int day, bool start = true);
// Play or pause; at the end, play starts over from the first day.
void togglePlay(ContentState& state, const ContentScene& scene);
// Advances playback by dt seconds; true while it moves.
bool advancePlayback(ContentState& state, const ContentScene& scene, float dt);

// Presenting on or off (off forgets the step's highlights).
void setPresenting(ContentState& state, bool on);
// Shows a story step: only its trip (up to its day), its highlighted sites and partnerships,
// its notes; returns how the camera frames its target (none: the camera stays).
std::optional<FrameRequest> applyStep(ContentState& state, const Briefing& briefing, const ContentScene& scene,
                                      const Projection& projection, const StoryStep& step);

// After the content was reloaded: forgets trips, a selection and highlights that are gone,
// keeps playback within the active trip and the year within the milestones' years.
void reconcile(ContentState& state, const Briefing& briefing, const ContentScene& scene);

} // namespace geo

#include <geo/view/hit_index.hpp>

namespace geo {

// A left click on the map at `screen`, as the frame's layout placed things: an edge arrow (opens
// the place off the map), a marker (opens its notes; a group also zooms in until its places
// separate), a partnership link (opens its notes and frames its parties), or nothing (closes
// the notes). `hit` is false for nothing.
struct ClickOutcome {
    bool hit = false;
    std::optional<FrameRequest> frame;
};
ClickOutcome click(ContentState& state, const Briefing& briefing, const ContentScene& scene, const HitIndex& hits,
                   glm::dvec2 screen);

} // namespace geo
