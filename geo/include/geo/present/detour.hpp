#pragma once
// Detour and return: in a story step the presenter may pan, zoom, open a site's notes or a
// partnership; one key then brings the step back exactly as it was shown (its camera, its
// highlights, its notes), and the next step continues the story from the step.

#include <geo/view/camera.hpp>
#include <geo/view/camera_controller.hpp>
#include <geo/view/content_state.hpp>

#include <cstddef>
#include <string>

namespace geo {

// A step as it was shown: where the camera landed and what was open.
struct StepLook {
    std::string story;
    std::size_t step = 0;
    CameraView view;
    ContentState state;
};

// How far the camera may be from the step's before it counts as a detour: a few pixels, or a
// change of scale the eye sees.
inline constexpr double kDetourPixels = 3.0;
inline constexpr double kDetourScale = 0.01;

// True when the presenter has left the step: the camera moved or zoomed, or another site,
// partnership, trip or highlight is open.
bool departed(const StepLook& look, const ContentState& now, const Camera& camera);
// What the step showed, put back into `state` (the presenter's language, labels and filters
// stay as they are now).
void restoreStep(const StepLook& look, ContentState& state);

} // namespace geo
