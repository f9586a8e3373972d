#pragma once
// The laser pointer: a bright dot where the pointer is (or where a pointer remote moved it),
// about 1/50 of the screen's height across, with a white ring and a dark rim so that it shows
// on land, sea and the projector's washed-out colours, and a trail of the last second that
// fades and thins behind it.

#include <geo/view/display_list.hpp>
#include <geo/view/palette.hpp>

#include <glm/vec2.hpp>

#include <deque>
#include <optional>

namespace geo {

class LaserTrail {
public:
    static constexpr double kTrailSeconds = 1.0;

    // The pointer is at `screen` at time `now` (seconds, any steady clock).
    void move(glm::vec2 screen, double now);
    // The pointer left the map: no dot (the trail fades).
    void hide() { m_at.reset(); }
    std::optional<glm::vec2> at() const { return m_at; }
    // True while part of the trail is still to fade at `now` (the frame must be drawn again).
    bool fading(double now) const;
    // The trail's points younger than kTrailSeconds at `now` (oldest first).
    std::size_t trailPoints(double now) const;

    // The dot and its trail at `now`, for a display `displayHeight` pixels high.
    void layout(double now, float displayHeight, const Palette::Tools& look, DisplayList& out) const;

private:
    struct Sample {
        glm::vec2 at;
        double time;
    };
    std::deque<Sample> m_trail;
    std::optional<glm::vec2> m_at;
};

} // namespace geo
