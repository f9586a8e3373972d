#pragma once
// Where the presenter is in a story: the current step, moving with a clicker or the
// keyboard, jumping to a step by its number, and blanking the projector. Pure logic
// (no clock, no drawing): the viewer maps keys to these calls and shows current().

#include <cstddef>
#include <string>

namespace geo {

class StoryNavigator {
public:
    // A story of stepCount steps, at its first step (index 0).
    explicit StoryNavigator(std::size_t stepCount = 0);

    // The story changed (hot reload): keeps the current index when it is still a step,
    // else moves to the last step (the first when there are none). Clears a pending
    // number; blanking stays as it was.
    void reset(std::size_t stepCount);

    std::size_t current() const { return m_current; } // 0-based; 0 when there are no steps
    std::size_t count() const { return m_count; }

    // Each returns true when the step changed; at the ends nothing changes. While the
    // screen is blanked, next() and previous() only unblank (and return false).
    bool next();
    bool previous();
    bool first();
    // 1-based, as the presenter types it; false (and no change) when out of range or
    // already there. Does not unblank.
    bool jumpTo(std::size_t oneBased);

    // Number entry from a clicker or keyboard: digits, then Enter. typeDigit(0..9)
    // appends a digit (at most kMaxDigits; more, or a value outside 0..9, are ignored).
    // enter() jumps to the typed step (true if it changed) and clears the entry; cancel()
    // clears it. pending() is what was typed so far, for display ("" when nothing).
    static constexpr std::size_t kMaxDigits = 4;
    void typeDigit(int digit);
    bool enter();
    void cancel();
    const std::string& pending() const { return m_pending; }

    // B or '.' on a clicker blanks the projector (black screen) and back.
    bool blanked() const { return m_blanked; }
    void toggleBlank();

private:
    std::size_t m_count = 0;
    std::size_t m_current = 0;
    std::string m_pending;
    bool m_blanked = false;
};

} // namespace geo
