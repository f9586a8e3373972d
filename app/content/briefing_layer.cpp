#include "content/briefing_layer.hpp"

#include <geo/base/text_encoding.hpp>

#include "gl/content_renderer.hpp"
#include "text/font_set.hpp"
#include "content/overlay.hpp"
#include "content/map_draw.hpp"
#include "text/text_layout.hpp"
#include "text/ui_text.hpp"

#include <geo/view/camera.hpp>
#include <geo/view/hit_test.hpp>
#include <geo/base/projection.hpp>

#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <utility>

namespace app {

namespace {

constexpr ImU32 kInk = IM_COL32(25, 35, 45, 255);
constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kEdge = IM_COL32(25, 35, 45, 150);     // thin dark rim outside the white outline: visible on pale land too
constexpr ImU32 kSelect = IM_COL32(255, 196, 0, 255);  // selection ring
const ImVec4 kMuted(0.33f, 0.37f, 0.42f, 1.0f);
const ImVec4 kAccent(0.10f, 0.30f, 0.55f, 1.0f);

// Panel headings in the chosen language.
struct Words {
    const char* kind;
    const char* city;
    const char* position;
    const char* notes;
    const char* notesEn;
    const char* stops;
    const char* partnerships;
    const char* sources;
    const char* met;
    const char* with;
    const char* copy;
    const char* copyAll;
    const char* section;
};

Words words(geo::Language l) {
    return {ui(Ui::Kind, l),   ui(Ui::City, l), ui(Ui::Position, l), ui(Ui::Notes, l), ui(Ui::NotesEn, l),
            ui(Ui::Stops, l),  ui(Ui::Partnerships, l), ui(Ui::Sources, l), ui(Ui::Met, l), ui(Ui::With, l),
            ui(Ui::Copy, l),   ui(Ui::CopyAll, l), ui(Ui::Section, l)};
}

// ---------------------------------------------------------------- notes panel model

// The panel is built as a list of blocks first, so that drawing and "Copy all"
// say the same thing.
struct Block {
    enum class Style { Title, Subtle, Heading, Field, Body, Muted, Item, ItemMuted, Gap };
    Style style;
    std::string text;
    std::string label; // Field: the label; Heading: text its Copy button copies (empty: no button)
    // The face it is drawn in: -1 the interface's; document text (Chinese or English) is drawn
    // in the TC face and Japanese names in the JP face, whatever the interface language.
    int face = -1;
};

using Blocks = std::vector<Block>;

void add(Blocks& blocks, Block::Style style, std::string text, std::string label = {}) {
    if (style != Block::Style::Gap && style != Block::Style::Heading && text.empty()) return;
    blocks.push_back({style, std::move(text), std::move(label)});
}

// Two versions of a text (document language, English): the one in the chosen
// language first, the other muted; an English text identical to the source once.
void addBilingual(Blocks& blocks, const std::string& source, const std::string& english, geo::Language language, bool item) {
    const Block::Style main = item ? Block::Style::Item : Block::Style::Body;
    const Block::Style other = item ? Block::Style::ItemMuted : Block::Style::Muted;
    const bool englishFirst = language == geo::Language::En || source.empty();
    const std::string& first = englishFirst ? english : source;
    const std::string& second = englishFirst ? source : english;
    if (first.empty()) {
        add(blocks, main, second);
        return;
    }
    add(blocks, main, first);
    if (second != first) add(blocks, other, second);
}

std::string timeRange(const geo::Stop& stop) {
    std::string s;
    if (stop.startTime) s = stop.startTime->toString();
    if (stop.endTime) s += "–" + stop.endTime->toString(); // "16:00–17:30", or "–17:30" with no start
    return s;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string s;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!s.empty()) s += separator;
        s += p;
    }
    return s;
}

Blocks buildNotes(const geo::Briefing& briefing, const geo::Site& site, geo::Language language) {
    const Words w = words(language);
    Blocks b;
    using S = Block::Style;
    const LocalName siteName = localName(site, language);
    add(b, S::Title, siteName.text);
    b.back().face = static_cast<int>(faceFor(siteName.language));
    // Every name, each in its own face: Chinese, Japanese, English.
    add(b, S::Subtle, site.nameZh);
    if (!b.empty() && b.back().style == S::Subtle) b.back().face = static_cast<int>(Face::Tc);
    add(b, S::Subtle, site.nameJa);
    if (!b.empty() && b.back().style == S::Subtle && b.back().face < 0) b.back().face = static_cast<int>(Face::Jp);
    add(b, S::Subtle, site.nameEn);
    add(b, S::Field, kindLabel(site.kind, language), w.kind);
    if (const geo::Site* city = site.cityId.empty() ? nullptr : briefing.findSite(site.cityId))
        add(b, S::Field, std::string(geo::displayName(*city, language)), w.city);
    add(b, S::Field, formatLonLat({site.lon, site.lat}), w.position);

    const bool englishFirst = language == geo::Language::En;
    const std::pair<const char*, const std::string*> notes[2] = {{w.notes, &site.notes}, {w.notesEn, &site.notesEn}};
    for (int k = 0; k < 2; ++k) {
        const auto& [heading, text] = notes[englishFirst ? 1 - k : k];
        if (text->empty()) continue;
        add(b, S::Heading, heading, *text);
        add(b, S::Body, *text);
    }

    bool stopsHeading = false;
    for (const geo::Trip& trip : briefing.trips) {
        for (const geo::Stop& stop : trip.stops) {
            if (stop.siteId != site.id) continue;
            if (!stopsHeading) add(b, S::Heading, w.stops);
            stopsHeading = true;
            addBilingual(b, trip.title, trip.titleEn, language, false);
            std::string when = stop.date.toString();
            const std::string times = timeRange(stop);
            if (!times.empty()) when += "  " + times;
            if (stop.leg != geo::LegMode::None) {
                when += std::string("  ·  ") + legLabel(stop.leg, language);
                if (!stop.flight.empty()) when += " " + stop.flight;
            }
            add(b, S::Subtle, when);
            addBilingual(b, stop.what, stop.whatEn, language, true);
            if (!stop.met.empty() || !stop.metEn.empty()) {
                const std::string prefix = std::string(w.met) + ": ";
                addBilingual(b, stop.met.empty() ? "" : prefix + stop.met, stop.metEn.empty() ? "" : prefix + stop.metEn,
                             language, true);
            }
            add(b, S::Gap, "");
        }
    }

    bool partnershipsHeading = false;
    for (const geo::Partnership& p : briefing.partnerships) {
        if (std::find(p.parties.begin(), p.parties.end(), site.id) == p.parties.end()) continue;
        if (!partnershipsHeading) add(b, S::Heading, w.partnerships);
        partnershipsHeading = true;
        addBilingual(b, p.name, p.nameEn, language, false);
        std::vector<std::string> others;
        for (const auto& id : p.parties) {
            if (id == site.id) continue;
            const geo::Site* other = briefing.findSite(id);
            others.push_back(other ? std::string(geo::displayName(*other, language)) : id);
        }
        add(b, S::Field, partnershipKindLabel(p.kind, language), w.kind);
        add(b, S::Field, join(others, "、"), w.with);
        for (const geo::Milestone& m : p.milestones) {
            const std::string date = m.date.toString() + "  ";
            addBilingual(b, m.what.empty() ? "" : date + m.what, m.whatEn.empty() ? "" : date + m.whatEn, language, true);
        }
        add(b, S::Gap, "");
    }

    if (!site.sources.empty()) add(b, S::Heading, w.sources);
    for (const geo::SourceRef& ref : site.sources) {
        const geo::Source* source = briefing.findSource(ref.source);
        std::string title = ref.source;
        if (source) title = language == geo::Language::En && !source->titleEn.empty() ? source->titleEn : source->title;
        if (!ref.section.empty()) title += std::string("  (") + w.section + " " + ref.section + ")";
        add(b, S::Item, title);
    }
    return b;
}

std::string plainText(const Blocks& blocks) {
    std::string s;
    for (const Block& block : blocks) {
        switch (block.style) {
        case Block::Style::Heading: s += "\n" + block.text + "\n"; break;
        case Block::Style::Field: s += block.label + ": " + block.text + "\n"; break;
        case Block::Style::Item:
        case Block::Style::ItemMuted: s += "  " + block.text + "\n"; break;
        case Block::Style::Gap: s += "\n"; break;
        default: s += block.text + "\n"; break;
        }
    }
    return s;
}


} // namespace

// ---------------------------------------------------------------- BriefingLayer

MarkerStyle markerStyle(geo::SiteKind kind) {
    using K = geo::SiteKind;
    switch (kind) {
    case K::City: return {IM_COL32(200, 30, 45, 255), 10.0f, 3};
    case K::Prefecture: return {IM_COL32(125, 85, 165, 255), 7.0f, 0};
    case K::County: return {IM_COL32(125, 85, 165, 255), 7.0f, 0};
    case K::SciencePark: return {IM_COL32(20, 145, 70, 255), 8.5f, 2};
    case K::Fab: return {IM_COL32(240, 125, 0, 255), 8.5f, 2};
    case K::University: return {IM_COL32(30, 95, 210, 255), 8.5f, 2};
    case K::Government: return {IM_COL32(0, 135, 145, 255), 8.0f, 2};
    case K::Company: return {IM_COL32(150, 95, 40, 255), 7.0f, 1};
    case K::Venue: return {IM_COL32(205, 45, 165, 255), 7.5f, 1};
    case K::Market: return {IM_COL32(170, 175, 20, 255), 7.0f, 1};   // olive: apart from the fabs' orange
    case K::Station: return {IM_COL32(45, 45, 50, 255), 7.0f, 1};    // charcoal
    case K::Airport: return {IM_COL32(0, 165, 225, 255), 7.5f, 1};
    case K::Office: return {IM_COL32(85, 70, 150, 255), 7.0f, 1};    // indigo
    case K::Other: break;
    }
    return {IM_COL32(165, 165, 165, 255), 6.5f, 1};                  // light grey
}

MarkerStyle markerStyle(const geo::Site& site) {
    MarkerStyle style = markerStyle(site.kind);
    if (site.major) {
        style.radius += 3.0f;
        style.priority += 1;
    }
    return style;
}

namespace {
// A marker's rings, from the outside: a dark ring for the major places (the seven cities
// stand out most), a thin translucent dark rim, a white ring, the kind's fill.
DiscStyle markerDisc(geo::SiteKind kind, float s, float grow, bool major) {
    MarkerStyle style = markerStyle(kind);
    if (major) style.radius += 3.0f;
    const float r = style.radius * s * grow;
    DiscStyle d;
    d.outerRadius = major ? r + 4.5f * s : 0.0f; // in kEdge's colour, opaque: kInk
    d.rim = kEdge;
    d.rimRadius = r + 2.5f * s;
    d.ring = kWhite;
    d.ringRadius = r + 1.5f * s;
    d.fill = style.fill;
    d.fillRadius = r - 0.5f * s;
    return d;
}
} // namespace

void drawMarker(ImDrawList* dl, ImVec2 p, geo::SiteKind kind, float s, float grow, bool major) {
    const DiscStyle d = markerDisc(kind, s, grow, major);
    if (d.outerRadius > 0) dl->AddCircleFilled(p, d.outerRadius, kInk, 40);
    dl->AddCircleFilled(p, d.rimRadius, d.rim, 32);
    dl->AddCircleFilled(p, d.ringRadius, d.ring, 32);
    dl->AddCircleFilled(p, d.fillRadius, d.fill, 32);
}

// ---------------------------------------------------------------- BriefingLayer

BriefingLayer::BriefingLayer(std::filesystem::path file) : m_reloader(std::move(file)) {
    m_reloader.setBackground(true); // a save is read off the frame thread (a slow disk never stalls a frame)
    kindVisible.fill(true);
    m_uiScale = 1.0f;
}

void BriefingLayer::setUiScale(float scale) { m_uiScale = scale; }

void BriefingLayer::load() {
    m_reloader.load();
    for (const auto& d : m_reloader.diagnostics())
        if (d.severity == geo::Severity::Error) spdlog::error("{}", d.format());
        else spdlog::warn("{}", d.format());
    if (!m_selectedId.empty() && !briefing().findSite(m_selectedId)) m_selectedId.clear();
}

bool BriefingLayer::poll() {
    using Outcome = geo::ContentReloader::Outcome;
    const Outcome outcome = m_reloader.pollIfDue(std::chrono::steady_clock::now());
    if (outcome == Outcome::Unchanged) return false;
    if (outcome == Outcome::Replaced) {
        spdlog::info("reloaded {} ({} sites, {} trips, {} partnerships)", m_reloader.path().string(), briefing().sites.size(),
                     briefing().trips.size(), briefing().partnerships.size());
        // Keep the notes panel open across an edit while its site still exists.
        if (!m_selectedId.empty() && !briefing().findSite(m_selectedId)) m_selectedId.clear();
    }
    for (const auto& d : m_reloader.diagnostics())
        if (d.severity == geo::Severity::Error) spdlog::error("{}", d.format());
        else if (d.severity == geo::Severity::Warning) spdlog::warn("{}", d.format());
        else spdlog::info("{}", d.format());
    return true;
}

bool BriefingLayer::update(float dt) { return m_trips.update(dt); }

bool BriefingLayer::select(std::string_view id) {
    if (briefing().findSite(id)) {
        m_selectedId = std::string(id);
        m_partnerships.clearSelection();
        return true;
    }
    if (m_partnerships.select(briefing(), id)) {
        m_selectedId.clear();
        return true;
    }
    return false;
}

CameraRequest BriefingLayer::siteFrame(const geo::Site& site) const {
    CameraRequest req;
    const auto i = static_cast<std::size_t>(&site - briefing().sites.data());
    if (i < m_world.size() && isFinite(m_world[i])) req.box.extend(m_world[i]);
    req.minMpp = site.kind == geo::SiteKind::City ? 40.0 : 20.0; // a city with its places; a venue among its neighbours
    return req;
}

CameraRequest BriefingLayer::partnershipFrame(const geo::Partnership& p) const {
    CameraRequest req;
    for (const auto& party : p.parties)
        if (const geo::Site* site = briefing().findSite(party)) {
            const auto i = static_cast<std::size_t>(site - briefing().sites.data());
            // A party far off the map (Arizona) is left out of the frame: an edge callout points to it.
            if (i < m_world.size() && geo::inBriefingRegion({site->lon, site->lat})) req.box.extend(m_world[i]);
        }
    req.minMpp = 400.0;
    return req;
}

void BriefingLayer::frameSelection(const geo::Projection& projection) {
    ensureProjected(projection);
    CameraRequest req;
    if (const geo::Partnership* p = briefing().findPartnership(m_partnerships.selectedId())) req = partnershipFrame(*p);
    else if (const geo::Site* site = selectedSite()) req = siteFrame(*site);
    if (!req.box.empty()) m_cameraRequest = req;
}

bool BriefingLayer::showTrip(std::string_view tripId, const geo::Projection& projection, bool frame) {
    ensureProjected(projection);
    ContentActions actions;
    if (!m_trips.activate(briefing(), tripId, actions, frame)) return false;
    apply(actions);
    return true;
}

const geo::Site* BriefingLayer::selectedSite() const {
    return m_selectedId.empty() ? nullptr : briefing().findSite(m_selectedId);
}

bool BriefingLayer::escape() {
    if (m_selectedId.empty() && m_partnerships.selectedId().empty()) return false;
    m_selectedId.clear();
    m_partnerships.clearSelection();
    return true;
}

void BriefingLayer::setPresenting(bool on) {
    m_presenting = on;
    m_partnerships.onlyHighlighted = on;
    if (!on) {
        m_highlightSites.clear();
        m_partnerships.highlighted.clear();
        m_partnerships.showAll = false;
    }
}

void BriefingLayer::applyStep(const geo::StoryStep& step, const geo::Projection& projection) {
    ensureProjected(projection);
    const geo::Briefing& b = briefing();
    m_highlightSites = step.sites;
    m_partnerships.highlighted = step.partnerships;
    if (!step.partnershipId.empty()) m_partnerships.highlighted.push_back(step.partnershipId);
    if (!step.notesId.empty() && b.findPartnership(step.notesId)) m_partnerships.highlighted.push_back(step.notesId);
    m_partnerships.showAll = step.allPartnerships;
    // Only the step's trip is on the map.
    for (const auto& trip : b.trips) m_trips.setShown(trip.id, false);
    m_trips.clearActive();
    ContentActions actions;
    if (!step.tripId.empty() && m_trips.activate(b, step.tripId, actions, false)) {
        if (step.day > 0) m_trips.showDay(step.day - 1);
    }
    m_selectedId.clear();
    m_partnerships.clearSelection();
    if (!step.notesId.empty()) select(step.notesId);
    // The camera target.
    CameraRequest req;
    if (const geo::Site* site = step.siteId.empty() ? nullptr : b.findSite(step.siteId)) {
        req = siteFrame(*site);
    } else if (!step.tripId.empty()) {
        std::optional<CameraRequest> r = step.day > 0 ? m_trips.dayFrame(step.day - 1) : std::nullopt;
        if (!r) {
            ContentActions framing;
            m_trips.activate(b, step.tripId, framing, true);
            if (step.day > 0) m_trips.showDay(step.day - 1);
            r = framing.camera;
        }
        if (r) req = *r;
    } else if (const geo::Partnership* p = step.partnershipId.empty() ? nullptr : b.findPartnership(step.partnershipId)) {
        req = partnershipFrame(*p);
    } else if (step.view) {
        req.box.extend(projection.forward({step.view->lon, step.view->lat}));
        req.minMpp = geo::Camera::zoomToMpp(step.view->zoom);
        req.exact = true;
    }
    if (!req.box.empty()) m_cameraRequest = req;
}

void BriefingLayer::frameDay(int day) {
    if (const auto request = m_trips.dayFrame(day)) m_cameraRequest = request;
}

float BriefingLayer::leftInset(float displayWidth) const {
    if (!showSidebar || m_presenting) return 0.0f; // presenting, the sidebar is hidden
    const float s = m_uiScale;
    return 14.0f * s + std::min(380.0f * s, displayWidth * 0.4f);
}

float BriefingLayer::rightInset(float displayWidth) const {
    if (!notesOpen()) return 0.0f;
    const float s = m_uiScale;
    return 14.0f * s + std::min(std::max(displayWidth * 0.3f, 320.0f * s), displayWidth - 28.0f * s);
}

std::optional<std::string> BriefingLayer::takePresentRequest() {
    auto r = m_presentRequest;
    m_presentRequest.reset();
    return r;
}

std::optional<CameraRequest> BriefingLayer::takeCameraRequest() {
    auto r = m_cameraRequest;
    m_cameraRequest.reset();
    return r;
}

void BriefingLayer::apply(const ContentActions& actions) {
    if (actions.camera) m_cameraRequest = actions.camera;
    m_panelsNext.insert(m_panelsNext.end(), actions.panels.begin(), actions.panels.end());
    if (actions.present) m_presentRequest = actions.present;
    if (actions.selectSite) select(*actions.selectSite);
    if (actions.selectPartnership) {
        select(*actions.selectPartnership);
        if (m_projectedWith) frameSelection(*m_projectedWith);
    }
}

void BriefingLayer::ensureProjected(const geo::Projection& projection) {
    if (m_projectedWith == &projection && m_projectedGeneration == m_reloader.generation() &&
        m_world.size() == briefing().sites.size())
        return;
    const auto& sites = briefing().sites;
    m_world.clear();
    m_priority.clear();
    for (const geo::Site& site : sites) {
        m_world.push_back({site.lon, site.lat});
        m_priority.push_back(markerStyle(site).priority);
    }
    projection.forward(m_world); // NaN where PROJ fails: such a site is neither drawn nor hit
    m_trips.rebuild(briefing(), projection);
    m_partnerships.rebuild(briefing(), projection);
    m_projectedWith = &projection;
    m_projectedGeneration = m_reloader.generation();
}

void BriefingLayer::updateScreenPositions(const geo::Camera& camera) {
    m_screen.resize(m_world.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto& sites = briefing().sites;
    for (std::size_t i = 0; i < m_world.size(); ++i) {
        const auto k = static_cast<std::size_t>(sites[i].kind);
        const bool shown = k >= kindVisible.size() || kindVisible[k] || sites[i].id == m_selectedId;
        m_screen[i] = shown && isFinite(m_world[i]) ? camera.worldToScreen(m_world[i]) : glm::dvec2(nan, nan);
    }
    updateClusters();
}

void BriefingLayer::updateClusters() {
    // The selected site always stands on its own; then cities, parks, fabs... lead the groups.
    std::vector<int> priority = m_priority;
    const geo::Site* selected = selectedSite();
    if (selected) priority[static_cast<std::size_t>(selected - briefing().sites.data())] = 100;
    for (const std::string& id : m_highlightSites)
        if (const geo::Site* h = briefing().findSite(id)) priority[static_cast<std::size_t>(h - briefing().sites.data())] = 90;
    m_clusters = geo::clusterPoints(m_screen, priority, 17.0 * static_cast<double>(m_uiScale));
}

const geo::ScreenCluster* BriefingLayer::clusterAt(glm::dvec2 screen) const {
    // A group's "+N" badge is part of its marker: what the presenter aims at to open the group.
    const double slop = 3.0 * static_cast<double>(m_uiScale);
    for (const auto& [index, box] : m_badges)
        if (index < m_clusters.size() && screen.x >= box.min.x - slop && screen.x <= box.max.x + slop &&
            screen.y >= box.min.y - slop && screen.y <= box.max.y + slop)
            return &m_clusters[index];
    std::vector<glm::dvec2> leaders;
    std::vector<int> priority;
    for (const auto& c : m_clusters) {
        leaders.push_back(c.position);
        priority.push_back(c.leader < m_priority.size() ? m_priority[c.leader] : 0);
    }
    // A little larger than the largest marker: easy to hit with a presenter's mouse.
    const auto hit = geo::pickPoint(leaders, screen, 15.0 * static_cast<double>(m_uiScale), priority);
    return hit ? &m_clusters[*hit] : nullptr;
}

std::optional<std::size_t> BriefingLayer::siteAt(glm::dvec2 screen, const geo::Camera& camera, const geo::Projection& projection) {
    ensureProjected(projection);
    updateScreenPositions(camera);
    const geo::ScreenCluster* c = clusterAt(screen);
    if (!c) return std::nullopt;
    return c->leader;
}

bool BriefingLayer::click(glm::dvec2 screen, const geo::Camera& camera, const geo::Projection& projection) {
    ensureProjected(projection);
    updateScreenPositions(camera);
    ContentActions actions;
    if (m_trips.click(screen, actions)) {
        apply(actions);
        return true;
    }
    if (const geo::ScreenCluster* c = clusterAt(screen)) {
        select(briefing().sites[c->leader].id);
        if (c->members.size() > 1) {
            // A group: zoom in until its places separate.
            CameraRequest req;
            for (std::size_t m : c->members) req.box.extend(m_world[m]);
            req.minMpp = 6.0;
            m_cameraRequest = req;
        }
        return true;
    }
    if (const auto link = m_partnerships.linkAt(screen)) {
        select(*link);
        frameSelection(projection); // both ends beside the notes panel
        return true;
    }
    m_selectedId.clear();
    m_partnerships.clearSelection();
    return false;
}

void BriefingLayer::rememberPanel() {
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    geo::ScreenBox b;
    b.min = {static_cast<double>(p.x), static_cast<double>(p.y)};
    b.max = {static_cast<double>(p.x + sz.x), static_cast<double>(p.y + sz.y)};
    m_panelsNext.push_back(b);
}

void BriefingLayer::draw(const geo::Camera& camera, const geo::Projection& projection, FontSet& fonts,
                         std::optional<glm::dvec2> cursor, geo::BaseMap* map) {
    // On the projector, markers and lines are half as large again (the fonts grow with the theme).
    m_uiScale = fonts.uiScale() * (m_presenting ? 1.5f : 1.0f);
    fonts.setInterfaceFace(faceFor(language));
    ensureProjected(projection);
    updateScreenPositions(camera);
    m_panels.swap(m_panelsNext);
    m_panelsNext.clear();
    m_sidebarPanel = {};

    const MapContext ctx{camera, projection, fonts, m_uiScale, language, m_presenting ? 170.0f * fonts.uiScale() : 0.0f};
    // Lines are clipped to the screen (with room for the widest stroke) before they are drawn.
    const glm::dvec2 vpSize = camera.viewport();
    setClipBox(ImVec2(-40.0f, -40.0f), ImVec2(static_cast<float>(vpSize.x) + 40.0f, static_cast<float>(vpSize.y) + 40.0f));
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const geo::ScreenCluster* hovered = cursor ? clusterAt(*cursor) : nullptr;
    std::optional<std::size_t> hoveredIndex;
    if (hovered) hoveredIndex = static_cast<std::size_t>(hovered - m_clusters.data());
    const bool overArrow = cursor && m_trips.hoversEdgeArrow(*cursor);
    const std::optional<std::string> hoveredLink = cursor && !hovered && !overArrow ? m_partnerships.linkAt(*cursor) : std::nullopt;

    // With a trip on the map, the partnership network steps back.
    m_partnerships.dimmed = !m_trips.activeId().empty();
    const auto vw = static_cast<float>(camera.viewport().x);
    m_partnerships.drawMap(dl, ctx, briefing(), hovered ? std::nullopt : cursor, leftInset(vw), rightInset(vw));
    drawMarkers(fonts, hoveredIndex);
    m_trips.drawMap(dl, ctx, briefing(), leftInset(vw), rightInset(vw), m_partnerships.callouts());
    if (m_trips.caption().max.x > m_trips.caption().min.x) m_panels.push_back(m_trips.caption());
    // Edge callouts are laid out first: labels keep out of them (a callout over a label hides it).
    m_trips.layoutCallouts(ctx);
    m_panels.insert(m_panels.end(), m_trips.calloutBoxes().begin(), m_trips.calloutBoxes().end());
    if (showLabels) drawLabels(fonts, hoveredIndex, camera.viewport());
    else m_labels.clear();
    m_trips.drawCallouts(dl, ctx); // where the lines to places off the map go, above the labels

    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        drawTooltip(fonts, *hovered, *cursor);
    } else if (overArrow) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    } else if (hoveredLink) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        drawPartnershipTooltip(fonts, *hoveredLink, *cursor);
    }
    ContentActions actions;
    drawNotesPanel(fonts);
    m_partnerships.drawNotes(ctx, briefing(), actions);
    if (showSidebar && !m_presenting) drawSidebar(ctx, map);
    // Panels this frame: the notes panel blocks labels from next frame on.
    apply(actions);
}

void BriefingLayer::drawMarkers(const FontSet& fonts, std::optional<std::size_t> hoveredCluster) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float s = m_uiScale;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const auto& sites = briefing().sites;
    auto visible = [&](ImVec2 p, float margin) {
        return p.x > -margin && p.y > -margin && p.x < display.x + margin && p.y < display.y + margin;
    };
    // Low priority first, so that cities are drawn on top.
    std::vector<std::size_t> order(m_clusters.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return m_priority[m_clusters[a].leader] < m_priority[m_clusters[b].leader];
    });
    ImFont* const font = fonts.badge();
    m_badges.clear();
    ContentRenderer& gl = ContentRenderer::instance();
    for (std::size_t ci : order) {
        const geo::ScreenCluster& c = m_clusters[ci];
        const ImVec2 p = toIm(c.position);
        const geo::Site& site = sites[c.leader];
        const float grow = hoveredCluster == ci ? 1.25f : 1.0f;
        if (!visible(p, 40 * s)) continue;
        if (gl.active()) gl.disc(p, markerDisc(site.kind, s, grow, site.major));
        else drawMarker(dl, p, site.kind, s, grow, site.major);
        if (c.members.size() > 1) {
            gl.flush(dl); // the markers so far, below the badge (the ones after it may cover it)
            // How many places the marker stands for: "+5" on a small badge, upper right.
            const std::string text = "+" + std::to_string(c.members.size() - 1);
            const float r = markerStyle(site).radius * s * grow;
            const float size = font->FontSize;
            const ImVec2 ext = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str(), text.c_str() + text.size());
            const ImVec2 centre(p.x - r - ext.x * 0.5f + 2 * s, p.y - r * 0.8f);
            const ImVec2 b0(centre.x - ext.x * 0.5f - 4 * s, centre.y - ext.y * 0.5f - 1 * s);
            const ImVec2 b1(centre.x + ext.x * 0.5f + 4 * s, centre.y + ext.y * 0.5f + 1 * s);
            dl->AddRectFilled(b0, b1, kInk, 8 * s);
            geo::ScreenBox box;
            box.min = {static_cast<double>(b0.x), static_cast<double>(b0.y)};
            box.max = {static_cast<double>(b1.x), static_cast<double>(b1.y)};
            m_badges.emplace_back(ci, box);
            dl->AddText(font, size, ImVec2(centre.x - ext.x * 0.5f, centre.y - ext.y * 0.5f), kWhite, text.c_str(),
                        text.c_str() + text.size());
        }
    }
    gl.flush(dl);
    // A story step's highlighted sites: a ring in the highlight colour.
    for (const std::string& id : m_highlightSites)
        if (const geo::Site* h = briefing().findSite(id)) {
            const std::size_t i = static_cast<std::size_t>(h - sites.data());
            if (i >= m_screen.size() || !isFinite(m_screen[i])) continue;
            const ImVec2 p = toIm(m_screen[i]);
            const float r = markerStyle(*h).radius * s + 5.0f * s;
            dl->AddCircle(p, r + 2.0f * s, kInk, 48, 2.0f * s);
            dl->AddCircle(p, r, IM_COL32(0, 160, 230, 255), 48, 3.5f * s);
        }
    // The selection ring last, above every marker.
    if (const geo::Site* selected = selectedSite()) {
        const std::size_t i = static_cast<std::size_t>(selected - sites.data());
        if (i < m_screen.size() && isFinite(m_screen[i])) {
            const ImVec2 p = toIm(m_screen[i]);
            const float r = markerStyle(*selected).radius * s + 6.0f * s;
            dl->AddCircle(p, r + 2.0f * s, kInk, 48, 2.0f * s);
            dl->AddCircle(p, r, kSelect, 48, 4.0f * s);
        }
    }
}

void BriefingLayer::drawLabels(FontSet& fonts, std::optional<std::size_t> hoveredCluster, glm::dvec2 viewport) {
    const auto t0 = std::chrono::steady_clock::now();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float s = m_uiScale;
    const auto& sites = briefing().sites;
    const geo::Site* selected = selectedSite();

    // Every group's leader asks for a label; the selected and hovered ones first, then by kind.
    struct Text {
        std::string text;
        ImFont* font;
    };
    std::vector<Text> texts;
    std::vector<geo::LabelRequest> requests;
    geo::LabelPlacementOptions options;
    options.viewport = viewport;
    options.padding = 3.0 * static_cast<double>(s);
    options.blocked = m_panels;
    // A label covers a group's "+N" count only when it fits nowhere else (the seven cities' names come first).
    for (const auto& badge : m_badges) options.avoid.push_back(badge.second);
    for (std::size_t ci = 0; ci < m_clusters.size(); ++ci) {
        const geo::ScreenCluster& c = m_clusters[ci];
        const geo::Site& site = sites[c.leader];
        const MarkerStyle style = markerStyle(site);
        const double r = static_cast<double>(style.radius * s + 2.5f * s);
        geo::ScreenBox marker;
        marker.min = c.position - glm::dvec2(r, r);
        marker.max = c.position + glm::dvec2(r, r);
        options.avoid.push_back(marker);
        if (c.position.x < -200 || c.position.y < -200 || c.position.x > viewport.x + 200 || c.position.y > viewport.y + 200)
            continue;
        const LocalName name = localName(site, language);
        fonts.require(name.text);
        const bool isSelected = &site == selected ||
                                std::find(m_highlightSites.begin(), m_highlightSites.end(), site.id) != m_highlightSites.end();
        // The main cities (and the selection) in the large face; a town or venue in the label size.
        ImFont* font = site.major || isSelected ? fonts.large(faceFor(name.language)) : fonts.label(faceFor(name.language));
        if (!font) continue;
        const ImVec2 ext = font->CalcTextSizeA(font->FontSize, std::numeric_limits<float>::max(), 0.0f, name.text.c_str(),
                                               name.text.c_str() + name.text.size());
        geo::LabelRequest q;
        q.id = texts.size();
        q.anchor = c.position;
        q.size = {static_cast<double>(ext.x), static_cast<double>(ext.y)};
        q.gap = r + 3.0 * static_cast<double>(s);
        q.priority = isSelected ? 1000 : hoveredCluster == ci ? 900 : style.priority * 100 + static_cast<int>(std::min<std::size_t>(c.members.size(), 50));
        q.required = isSelected;
        requests.push_back(q);
        texts.push_back({name.text, font});
    }
    m_labels = geo::placeLabels(requests, options);
    m_labelMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    for (const geo::PlacedLabel& l : m_labels) {
        const Text& t = texts[l.id];
        haloText(dl, t.font, t.font->FontSize, toIm(l.box.min), t.text, std::max(1.5f, 2.0f * s));
    }
}

void BriefingLayer::drawTooltip(FontSet& fonts, const geo::ScreenCluster& cluster, glm::dvec2 cursor) {
    const geo::Site& site = briefing().sites[cluster.leader];
    const LocalName name = localName(site, language);
    std::vector<std::string> others;
    for (const std::string* n : {&site.nameZh, &site.nameJa, &site.nameEn})
        if (!n->empty() && *n != name.text && std::find(others.begin(), others.end(), *n) == others.end()) others.push_back(*n);
    const std::string kind = kindLabel(site.kind, language);
    const std::string hint = cluster.members.size() > 1 ? ui(Ui::ClickToZoom, language) : ui(Ui::ClickForNotes, language);
    fonts.require(name.text);
    for (const auto& o : others) fonts.require(o);
    fonts.require(kind);
    fonts.require(hint);

    // At the pointer we were given, not ImGui's idea of the mouse: the same in screenshots and tests.
    const float s = m_uiScale;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(cursor.x) + 18 * s, static_cast<float>(cursor.y) + 18 * s));
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts.large(faceFor(name.language)));
    ImGui::TextUnformatted(name.text.c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts.ui());
    for (const auto& o : others) {
        const bool ja = o == site.nameJa;
        ImGui::PushFont(fonts.ui(ja ? Face::Jp : Face::Tc));
        ImGui::TextUnformatted(o.c_str());
        ImGui::PopFont();
    }
    ImGui::TextColored(kAccent, "%s", kind.c_str());
    if (cluster.members.size() > 1) {
        // The places grouped under this marker.
        const std::size_t shown = std::min<std::size_t>(cluster.members.size(), 9);
        for (std::size_t k = 1; k < shown; ++k) {
            const geo::Site& m = briefing().sites[cluster.members[k]];
            const LocalName n = localName(m, language);
            fonts.require(n.text);
            ImGui::PushFont(fonts.ui(faceFor(n.language)));
            ImGui::BulletText("%s", n.text.c_str());
            ImGui::PopFont();
        }
        if (cluster.members.size() > shown) ImGui::TextColored(kMuted, "+%zu", cluster.members.size() - shown);
    }
    ImGui::TextColored(kMuted, "%s", hint.c_str());
    ImGui::PopFont();
    ImGui::EndTooltip();
}

void BriefingLayer::drawPartnershipTooltip(FontSet& fonts, const std::string& id, glm::dvec2 cursor) {
    const geo::Partnership* p = briefing().findPartnership(id);
    if (!p) return;
    const std::string& name = pick(p->name, p->nameEn, language);
    const std::string kind = partnershipKindLabel(p->kind, language);
    fonts.require(name);
    fonts.require(kind);
    const float s = m_uiScale;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(cursor.x) + 18 * s, static_cast<float>(cursor.y) + 18 * s));
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts.ui());
    ImGui::PushTextWrapPos(420.0f * s);
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(PartnershipView::colour(p->kind)), "%s", kind.c_str());
    ImGui::TextColored(kMuted, "%s", ui(Ui::ClickForNotes, language));
    ImGui::PopFont();
    ImGui::EndTooltip();
}

void BriefingLayer::drawNotesPanel(FontSet& fonts) {
    const geo::Site* site = selectedSite();
    if (!site) return;
    const Blocks blocks = buildNotes(briefing(), *site, language);
    const Words w = words(language);
    for (const Block& b : blocks) {
        fonts.require(b.text);
        fonts.require(b.label);
    }
    fonts.require(w.copy);
    fonts.require(w.copyAll);

    const float s = m_uiScale;
    const ImGuiIO& io = ImGui::GetIO();
    const float margin = 14.0f * s;
    const float width = std::min(std::max(io.DisplaySize.x * 0.3f, 320.0f * s), io.DisplaySize.x - 2 * margin);
    // Room for the attribution, and for the caption when presenting.
    const float height = std::max(io.DisplaySize.y - 2 * margin - 48.0f * s - (m_presenting ? 170.0f * fonts.uiScale() : 0.0f), 120.0f * s);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, margin), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(1.0f);

    // One window per site (the id after ###): each keeps its own scroll position.
    const std::string title = std::string(geo::displayName(*site, language)) + "###briefing-notes-" + site->id;
    fonts.require(title);
    bool open = true;
    ImGui::PushFont(fonts.ui());
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                               ImGuiWindowFlags_NoSavedSettings)) {
        rememberPanel();
        ContentRenderer::instance().coverCurrentWindow(); // llvmpipe skips the map under the panel
        if (ImGui::SmallButton(w.copyAll)) ImGui::SetClipboardText(plainText(blocks).c_str());
        int id = 0;
        for (const Block& b : blocks) {
            ImGui::PushID(id++);
            using St = Block::Style;
            const bool document = b.style == St::Body || b.style == St::Muted || b.style == St::Item || b.style == St::ItemMuted;
            const int face = b.face >= 0 ? b.face : document ? static_cast<int>(Face::Tc) : -1;
            if (face >= 0 && b.style != St::Title) ImGui::PushFont(fonts.ui(static_cast<Face>(face)));
            switch (b.style) {
            case Block::Style::Title:
                ImGui::PushFont(face >= 0 ? fonts.large(static_cast<Face>(face)) : fonts.large());
                wrapped(b.text);
                ImGui::PopFont();
                break;
            case Block::Style::Subtle: wrappedColoured(kMuted, b.text); break;
            case Block::Style::Heading:
                ImGui::Spacing();
                ImGui::Separator();
                ImGui::TextColored(kAccent, "%s", b.text.c_str());
                if (!b.label.empty()) {
                    ImGui::SameLine();
                    if (ImGui::SmallButton(w.copy)) ImGui::SetClipboardText(b.label.c_str());
                }
                break;
            case Block::Style::Field:
                ImGui::TextColored(kMuted, "%s", b.label.c_str());
                ImGui::SameLine();
                wrapped(b.text);
                break;
            case Block::Style::Body: wrapped(b.text); break;
            case Block::Style::Muted: wrappedColoured(kMuted, b.text); break;
            case Block::Style::Item:
                ImGui::Indent();
                wrapped(b.text);
                ImGui::Unindent();
                break;
            case Block::Style::ItemMuted:
                ImGui::Indent();
                wrappedColoured(kMuted, b.text);
                ImGui::Unindent();
                break;
            case Block::Style::Gap: ImGui::Spacing(); break;
            }
            if (face >= 0 && b.style != St::Title) ImGui::PopFont();
            ImGui::PopID();
        }
    }
    ImGui::End();
    ImGui::PopFont();
    if (!open) m_selectedId.clear();
}

} // namespace app
