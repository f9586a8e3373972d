#include "present/presenter_tools.hpp"

#include "shell/session.hpp"

#include <geo/briefing/annotation_writer.hpp>

#include "shell/options.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <ctime>

namespace app {

double PresenterTools::now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

geo::InkPage PresenterTools::page() const {
    const Presentation& p = m_session.presentation();
    return {p.storyId(), p.navigator().current()};
}

bool PresenterTools::command(StoryCommand c) {
    Presentation& p = m_session.presentation();
    const geo::Palette::Tools& look = m_session.palette().tools;
    auto modeFlash = [&](geo::PointerMode mode, const char* name) {
        m_live.toggle(mode);
        if (mode != geo::PointerMode::Laser) m_live.laser.hide();
        p.flash(std::string(name) + (m_live.mode == mode ? " on" : " off"), true);
    };
    switch (c) {
    case StoryCommand::Laser:
        modeFlash(geo::PointerMode::Laser, "laser");
        return true;
    case StoryCommand::Pen:
        modeFlash(geo::PointerMode::Pen, "pen");
        return true;
    case StoryCommand::Highlighter:
        modeFlash(geo::PointerMode::Highlighter, "highlighter");
        return true;
    case StoryCommand::Spotlight:
        m_live.spotlight.toggle();
        if (m_session.presentation().reducedMotion) m_live.spotlight.settle();
        p.flash(m_live.spotlight.on() ? "spotlight on (wheel: size, click a site: stay on it)" : "spotlight off", true);
        return true;
    case StoryCommand::InkColour:
        m_live.nextColour(look);
        p.flash(m_live.mode == geo::PointerMode::Highlighter ? "highlighter colour " + std::to_string(m_live.highlighterColour + 1)
                                                             : "pen colour " + std::to_string(m_live.penColour + 1), true);
        return true;
    case StoryCommand::UndoInk:
        if (!m_live.ink.undo(page())) p.flash("no ink on this step", true);
        return true;
    case StoryCommand::ClearInk:
        if (m_live.ink.clear(page())) p.flash("this step's ink cleared", true);
        else p.flash("no ink on this step", true);
        return true;
    case StoryCommand::KeepInk: keepInk(); return true;
    case StoryCommand::BackToStep:
        if (onDetour()) backToStep();
        else p.flash("on the step already", true);
        return true;
    default: return false;
    }
}

bool PresenterTools::press(glm::dvec2 screen, bool shift) {
    const glm::vec2 at(static_cast<float>(screen.x), static_cast<float>(screen.y));
    if (shift) {
        m_live.zoomBox = std::make_pair(at, at);
        return true;
    }
    if (m_live.inking()) {
        const bool pen = m_live.mode == geo::PointerMode::Pen;
        m_live.ink.begin(pen ? geo::InkTool::Pen : geo::InkTool::Highlighter, pen ? m_live.penColour : m_live.highlighterColour, screen,
                         m_session.camera());
        return true;
    }
    return false;
}

void PresenterTools::move(glm::dvec2 screen) {
    const glm::vec2 at(static_cast<float>(screen.x), static_cast<float>(screen.y));
    if (m_live.mode == geo::PointerMode::Laser) m_live.laser.move(at, now());
    m_live.spotlight.setPointer(at);
    if (m_live.zoomBox) m_live.zoomBox->second = at;
    if (m_live.ink.drawing()) m_live.ink.extend(screen, m_session.camera());
}

bool PresenterTools::release(glm::dvec2 screen, bool moved) {
    if (m_live.zoomBox) {
        const glm::vec2 a = m_live.zoomBox->first, b = glm::vec2(static_cast<float>(screen.x), static_cast<float>(screen.y));
        m_live.zoomBox.reset();
        const glm::vec2 size(std::abs(a.x - b.x), std::abs(a.y - b.y));
        if (size.x < 12.0f || size.y < 12.0f) return true; // too small to mean a box
        // Fly so that the box fills the screen (the detour key comes back).
        geo::Camera& camera = m_session.camera();
        const glm::dvec2 vp = camera.viewport();
        const glm::dvec2 centre = camera.screenToWorld(glm::dvec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f));
        const double mpp = camera.metersPerPixel() * std::max(static_cast<double>(size.x) / vp.x, static_cast<double>(size.y) / vp.y);
        m_session.view().flyTo({centre, std::max(mpp, 0.5)}, !m_session.presentation().reducedMotion);
        return true;
    }
    if (m_live.ink.drawing()) {
        m_live.ink.finish(page(), m_session.projection(), 0.25 * m_session.camera().metersPerPixel());
        return true;
    }
    if (!moved && m_live.spotlight.on()) {
        // A click with the spotlight on: it stays on the site clicked (or follows the pointer again).
        if (const auto site = m_session.siteAt(screen)) m_live.spotlight.lockTo(*site);
        else m_live.spotlight.unlock();
        return true;
    }
    return false;
}

bool PresenterTools::wheel(float delta) {
    if (!m_live.spotlight.on()) return false;
    m_live.spotlight.scaleRadius(std::pow(1.15f, delta));
    return true;
}

void PresenterTools::pointerLeft() {
    m_live.laser.hide();
    m_live.spotlight.setPointer(std::nullopt);
}

void PresenterTools::presentingStarts() {
    m_live.mode = geo::PointerMode::Pan;
    m_live.spotlight.setOn(false);
    m_live.spotlight.settle();
    loadTimings();
    const Presentation& p = m_session.presentation();
    m_runStory = p.storyId();
    m_timer.start(p.navigator().count(), p.navigator().current(), now());
    applyOptions();
}

void PresenterTools::applyOptions() {
    if (m_optionsApplied) return;
    m_optionsApplied = true;
    const ViewerOptions& o = m_session.options();
    if (o.targetSeconds) m_target = o.targetSeconds;
    if (const auto end = endOfDay(o.targetEnd)) {
        const std::time_t t = std::time(nullptr);
        const std::tm* local = std::localtime(&t);
        const int nowOfDay = local ? local->tm_hour * 3600 + local->tm_min * 60 + local->tm_sec : 0;
        int left = *end - nowOfDay;
        if (left <= 0) left += 24 * 3600; // past midnight
        m_target = static_cast<double>(left);
    }
    if (o.laserAt) {
        m_live.mode = geo::PointerMode::Laser;
        m_live.laser.move(glm::vec2(static_cast<float>(o.laserAt->first), static_cast<float>(o.laserAt->second)), now());
    }
    if (o.spotlight) {
        m_live.spotlight.setOn(true);
        m_live.spotlight.settle();
        if (o.spotlight->radius > 0.0) m_live.spotlight.setRadius(static_cast<float>(o.spotlight->radius));
        if (!o.spotlight->site.empty()) {
            if (m_session.document().briefing().findSite(o.spotlight->site)) m_live.spotlight.lockTo(o.spotlight->site);
            else m_session.addMessage("--spotlight: there is no site '" + o.spotlight->site + "'", "use a site id from the briefing file");
        } else {
            m_live.spotlight.setPointer(glm::vec2(static_cast<float>(o.spotlight->x), static_cast<float>(o.spotlight->y)));
        }
    }
    for (const InkOption& ink : o.ink) {
        geo::InkStroke stroke;
        stroke.tool = ink.highlighter ? geo::InkTool::Highlighter : geo::InkTool::Pen;
        stroke.colour = static_cast<std::size_t>(ink.colour);
        for (const auto& [lon, lat] : ink.lonLat) stroke.lonLat.emplace_back(lon, lat);
        stroke.lonLat = geo::smoothStroke(stroke.lonLat); // as a stroke drawn with the mouse is
        for (const glm::dvec2& ll : stroke.lonLat) stroke.world.push_back(m_session.projection().forward(ll));
        m_live.ink.add(page(), std::move(stroke));
    }
}

void PresenterTools::stepShown() {
    const Presentation& p = m_session.presentation();
    if (!p.active()) return;
    if (p.storyId() != m_runStory) { // another story (a reload renamed it): a new run
        saveTimings();
        m_runStory = p.storyId();
        m_timer.start(p.navigator().count(), p.navigator().current(), now());
    }
    m_timer.show(p.navigator().current(), now());
    m_look = geo::StepLook{p.storyId(), p.navigator().current(), m_session.view().destination(), m_session.content().state};
    m_landed = false;
    m_live.ink.cancel();
    m_live.zoomBox.reset();
}

void PresenterTools::presentingEnds() {
    saveTimings();
    m_timer.stop();
    m_look.reset();
    m_live.mode = geo::PointerMode::Pan;
    m_live.laser.hide();
    m_live.ink.cancel();
    m_live.zoomBox.reset();
    m_live.spotlight.setOn(false);
    m_live.spotlight.settle();
}

bool PresenterTools::update(double dt) {
    bool changed = m_live.spotlight.step(dt);
    if (m_live.mode == geo::PointerMode::Laser && m_live.laser.fading(now())) changed = true;
    // The step's flight landed: this is the step's view (the camera's limits may have moved it).
    if (m_look && !m_landed && !m_session.view().flying()) {
        m_look->view = {m_session.camera().center(), m_session.camera().metersPerPixel()};
        m_landed = true;
    }
    if (!m_live.spotlight.lockedSite().empty() && m_session.view().flying()) changed = true;
    return changed;
}

bool PresenterTools::onDetour() const {
    return m_look && m_landed && !m_session.view().flying() && m_session.presentation().active() &&
           geo::departed(*m_look, m_session.content().state, m_session.view().camera());
}

void PresenterTools::backToStep() {
    if (!m_look) return;
    geo::restoreStep(*m_look, m_session.content().state);
    m_session.view().flyTo(m_look->view, !m_session.presentation().reducedMotion);
    m_landed = false;
}

double PresenterTools::lastTime(std::size_t step) const {
    const std::vector<double>* times = m_times.story(m_session.presentation().storyId());
    return times && step < times->size() ? (*times)[step] : 0.0;
}

void PresenterTools::changeTarget(double seconds) {
    const double base = m_target ? *m_target : m_session.presentation().elapsedSeconds();
    m_target = std::max(60.0, base + seconds);
    m_session.presentation().flash("target " + geo::formatDuration(*m_target), true);
}

geo::PlanStatus PresenterTools::plan() const {
    const Presentation& p = m_session.presentation();
    if (!m_target) return {};
    return geo::planStatus(*m_target, p.elapsedSeconds(), p.navigator().current(), p.navigator().count(), m_times.story(p.storyId()));
}

void PresenterTools::loadTimings() {
    if (m_timingsLoaded || m_timingsFile.empty()) return;
    m_timingsLoaded = true;
    geo::RehearsalLoad load = geo::loadRehearsal(m_timingsFile);
    for (const auto& d : load.diagnostics) {
        spdlog::warn("{}", d.format());
        m_session.addDiagnostic(d);
    }
    m_times = std::move(load.times);
    if (!m_times.stories.empty())
        spdlog::info("rehearsal: the last run's times of {} stories, from {}", m_times.stories.size(), m_timingsFile.string());
}

void PresenterTools::saveTimings() {
    if (!m_timer.running() || m_runStory.empty() || m_timingsFile.empty()) return;
    geo::recordRun(m_times, m_runStory, m_timer.shown(now()));
    std::string error;
    if (!geo::saveRehearsal(m_timingsFile, m_times, error)) {
        spdlog::warn("rehearsal timings not kept: {}", error);
        m_session.addMessage("the rehearsal timings were not kept: " + error, "check XDG_STATE_HOME, or that the folder can be written",
                             m_timingsFile.string());
    } else {
        spdlog::info("rehearsal: the times of '{}' kept in {}", m_runStory, m_timingsFile.string());
    }
}

void PresenterTools::inkSignature(std::vector<unsigned char>& out) const {
    const geo::InkPage shown = page();
    const std::uint64_t values[] = {m_live.ink.revision(), m_session.document().contentGeneration(), shown.second, m_liveShown ? 1u : 0u,
                                    std::hash<std::string>{}(shown.first)};
    const auto* bytes = reinterpret_cast<const unsigned char*>(values);
    out.insert(out.end(), bytes, bytes + sizeof values);
}

void PresenterTools::keepInk() {
    Presentation& p = m_session.presentation();
    const geo::MapDocument& doc = m_session.document();
    const std::vector<geo::InkStroke>& strokes = m_live.ink.strokes(page());
    if (!doc.hasContent() || strokes.empty()) {
        p.flash("no new ink on this step to keep", true);
        return;
    }
    std::vector<geo::StepAnnotation> ink;
    for (const geo::InkStroke& s : strokes) {
        geo::StepAnnotation a;
        a.highlighter = s.tool == geo::InkTool::Highlighter;
        a.colour = static_cast<int>(s.colour);
        for (const glm::dvec2& ll : s.lonLat) a.points.emplace_back(ll.x, ll.y);
        ink.push_back(std::move(a));
    }
    const geo::KeepOutcome kept = geo::keepAnnotations(doc.briefing(), p.storyId(), p.navigator().current(), ink);
    if (kept.written) {
        spdlog::info("{}", kept.message);
        m_live.ink.clear(page()); // in the file now: they come back as the step's annotations when it reloads
        p.flash("ink kept in the briefing (the file as it was: " + kept.backup.filename().string() + ")", true);
    } else {
        spdlog::warn("{}", kept.message);
        m_session.addMessage(kept.message, kept.hint, doc.briefing().path.string());
        p.flash(kept.message, true);
    }
}

geo::LiveToolsLayout PresenterTools::layout(glm::vec2 display) {
    const geo::MapDocument& doc = m_session.document();
    if (!doc.hasContent()) return {};
    // The step's kept ink, projected when the content or the step changed.
    const geo::InkPage shown = page();
    if (m_kept.generation != doc.contentGeneration() || m_kept.page != shown) {
        m_kept = {doc.contentGeneration(), shown, {}};
        if (const geo::StoryStep* step = m_session.presentation().step(doc.briefing()))
            for (const geo::StepAnnotation& a : step->annotations) {
                geo::InkStroke s;
                s.tool = a.highlighter ? geo::InkTool::Highlighter : geo::InkTool::Pen;
                s.colour = static_cast<std::size_t>(a.colour);
                for (const auto& [lon, lat] : a.points) {
                    s.lonLat.emplace_back(lon, lat);
                    s.world.push_back(m_session.projection().forward({lon, lat}));
                }
                m_kept.strokes.push_back(std::move(s));
            }
    }
    static const geo::LiveTools kNone;
    return geo::layoutLiveTools(m_liveShown ? m_live : kNone, shown, m_kept.strokes, doc.briefing(), doc.scene(),
                                m_session.view().camera(), display, m_session.palette().tools, m_session.uiScale(), now());
}

} // namespace app
