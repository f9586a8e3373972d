#include "present/presentation_controller.hpp"

#include "present/story_keys.hpp"
#include "shell/session.hpp"

#include <spdlog/spdlog.h>

namespace app {

bool PresentationController::enter(const std::string& storyId, std::size_t step) {
    Session& s = m_session;
    if (!s.document().hasContent()) return false;
    Presentation& p = s.presentation();
    if (!p.start(s.document().briefing(), storyId, step)) {
        const std::string message = storyId.empty() ? "presentation: the briefing file has no story to present"
                                                    : "presentation: there is no story '" + storyId + "' with steps in " +
                                                          s.options().briefingFile.string();
        spdlog::warn("{}", message);
        s.addMessage(message, "add a [[story]] with [[story.step]] (assets/FORMAT.md)");
        return false;
    }
    if (!m_saved) m_saved = SavedLook{s.content().state.sidebar, s.overlay().showMessages};
    s.overlay().showMessages = false; // chrome hidden: the audience sees the map
    s.mapView().theme = geo::Theme::Projector;
    s.fonts().setProjector(true);
    geo::setPresenting(s.content().state, true);
    if (m_host) m_host->presentingStarts();
    s.applyUiScale();
    s.tools().presentingStarts(); // the rehearsal clock starts on this step
    s.applyCurrentStep(false);
    return true;
}

void PresentationController::leave() {
    Session& s = m_session;
    s.tools().presentingEnds(); // tools off, the run's times kept
    s.presentation().stop();
    geo::setPresenting(s.content().state, false);
    s.fonts().setProjector(false);
    s.mapView().theme = geo::Theme::Everyday;
    if (m_saved) {
        s.content().state.sidebar = m_saved->sidebar;
        s.overlay().showMessages = m_saved->messages;
        if (m_host) m_host->presentingEnds();
        m_saved.reset();
    }
    s.applyUiScale(); // back to the user's scale
}

bool PresentationController::handleKey(sf::Keyboard::Key code) {
    Presentation& p = m_session.presentation();
    geo::StoryNavigator& nav = p.navigator();
    const StoryKey k = storyKeyFor(code);
    bool moved = false;
    switch (k.command) {
    case StoryCommand::Next: moved = nav.next(); break;
    case StoryCommand::Previous: moved = nav.previous(); break;
    case StoryCommand::First: moved = nav.first(); break;
    case StoryCommand::Blank: nav.toggleBlank(); break;
    case StoryCommand::Digit: nav.typeDigit(k.digit); break;
    case StoryCommand::Enter: {
        const std::string typed = nav.pending();
        moved = nav.enter();
        if (!moved && !typed.empty() && typed != std::to_string(nav.current() + 1))
            p.flash("no step " + typed + " (1–" + std::to_string(nav.count()) + ")");
        break;
    }
    case StoryCommand::Leave:
        // Esc brings the picture back, clears a typed number, and only then leaves.
        if (nav.blanked()) nav.toggleBlank();
        else if (!nav.pending().empty()) nav.cancel();
        else leave();
        break;
    case StoryCommand::PresenterOverlay: // with a presenter window it would only show the audience the notes
        if (!m_host || !m_host->hasPresenterWindow()) p.presenterOverlay = !p.presenterOverlay;
        break;
    case StoryCommand::ReducedMotion:
        p.reducedMotion = !p.reducedMotion;
        p.flash(p.reducedMotion ? "reduced motion: cut between steps" : "motion: fly between steps");
        break;
    case StoryCommand::PresenterWindow:
        if (m_host) m_host->togglePresenterWindow();
        break;
    case StoryCommand::Laser:
    case StoryCommand::Spotlight:
    case StoryCommand::Pen:
    case StoryCommand::Highlighter:
    case StoryCommand::InkColour:
    case StoryCommand::UndoInk:
    case StoryCommand::ClearInk:
    case StoryCommand::KeepInk:
    case StoryCommand::BackToStep: m_session.tools().command(k.command); break;
    case StoryCommand::None:
        if (code != sf::Keyboard::P && code != sf::Keyboard::F5) return false;
        leave();
        break;
    }
    if (moved) m_session.applyCurrentStep(true);
    return true;
}

} // namespace app
