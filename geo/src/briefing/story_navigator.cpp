#include <geo/briefing/story_navigator.hpp>

namespace geo {

StoryNavigator::StoryNavigator(std::size_t stepCount) : m_count(stepCount) {}

void StoryNavigator::reset(std::size_t stepCount) {
    m_count = stepCount;
    if (m_current >= m_count) m_current = m_count == 0 ? 0 : m_count - 1;
    m_pending.clear();
}

bool StoryNavigator::next() {
    if (m_blanked) {
        m_blanked = false;
        return false;
    }
    if (m_current + 1 >= m_count) return false;
    ++m_current;
    return true;
}

bool StoryNavigator::previous() {
    if (m_blanked) {
        m_blanked = false;
        return false;
    }
    if (m_current == 0) return false;
    --m_current;
    return true;
}

bool StoryNavigator::first() {
    if (m_current == 0) return false;
    m_current = 0;
    return true;
}

bool StoryNavigator::jumpTo(std::size_t oneBased) {
    if (oneBased == 0 || oneBased > m_count || oneBased - 1 == m_current) return false;
    m_current = oneBased - 1;
    return true;
}

void StoryNavigator::typeDigit(int digit) {
    if (digit < 0 || digit > 9 || m_pending.size() >= kMaxDigits) return;
    m_pending += static_cast<char>('0' + digit);
}

bool StoryNavigator::enter() {
    std::size_t typed = 0;
    for (char c : m_pending) typed = typed * 10 + static_cast<std::size_t>(c - '0');
    const bool hadDigits = !m_pending.empty();
    m_pending.clear();
    return hadDigits && jumpTo(typed);
}

void StoryNavigator::cancel() { m_pending.clear(); }

void StoryNavigator::toggleBlank() { m_blanked = !m_blanked; }

} // namespace geo
