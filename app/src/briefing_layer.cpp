#include "briefing_layer.hpp"

#include <geo/text_encoding.hpp>

#include "font_set.hpp"
#include "overlay.hpp"

#include <geo/camera.hpp>
#include <geo/hit_test.hpp>
#include <geo/projection.hpp>

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
constexpr ImU32 kHalo = IM_COL32(255, 255, 255, 235);
constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kEdge = IM_COL32(25, 35, 45, 150);     // thin dark rim outside the white outline: visible on pale land too
constexpr ImU32 kSelect = IM_COL32(255, 196, 0, 255);  // selection ring
const ImVec4 kMuted(0.33f, 0.37f, 0.42f, 1.0f);
const ImVec4 kAccent(0.10f, 0.30f, 0.55f, 1.0f);

// Markers by kind: colour, radius at UI scale 1, hit-test priority (cities above
// places in them, areas below everything). Colours are distinct on a projector.
struct MarkerStyle {
    ImU32 fill;
    float radius;
    int priority;
};

MarkerStyle markerStyle(geo::SiteKind kind) {
    using K = geo::SiteKind;
    switch (kind) {
    case K::City: return {IM_COL32(200, 30, 45, 255), 9.0f, 3};
    case K::Prefecture: return {IM_COL32(125, 85, 165, 255), 6.0f, 0};
    case K::County: return {IM_COL32(125, 85, 165, 255), 6.0f, 0};
    case K::SciencePark: return {IM_COL32(20, 145, 70, 255), 7.5f, 2};
    case K::Fab: return {IM_COL32(240, 125, 0, 255), 7.5f, 2};
    case K::University: return {IM_COL32(30, 95, 210, 255), 7.5f, 2};
    case K::Government: return {IM_COL32(0, 135, 145, 255), 7.5f, 2};
    case K::Company: return {IM_COL32(150, 95, 40, 255), 6.0f, 1};
    case K::Venue: return {IM_COL32(205, 45, 165, 255), 6.5f, 1};
    case K::Market: return {IM_COL32(215, 170, 0, 255), 6.0f, 1};
    case K::Station: return {IM_COL32(80, 95, 115, 255), 6.0f, 1};
    case K::Airport: return {IM_COL32(0, 165, 225, 255), 6.5f, 1};
    case K::Office: return {IM_COL32(95, 95, 95, 255), 6.0f, 1};
    case K::Other: break;
    }
    return {IM_COL32(150, 150, 150, 255), 5.5f, 1};
}

// ---------------------------------------------------------------- words

constexpr std::size_t langIndex(geo::Language language) {
    return language == geo::Language::Zh ? 0 : language == geo::Language::Ja ? 1 : 2;
}

// Panel headings in the three languages (zh-Hant, ja, en).
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

const Words& words(geo::Language language) {
    static const std::array<Words, 3> table{{
        {"類型", "所屬城市", "位置", "說明", "說明（英文）", "行程", "合作關係", "資料來源", "會見", "夥伴", "複製",
         "全部複製", "章節"},
        {"種類", "所属都市", "位置", "メモ", "メモ（英語）", "訪問日程", "提携関係", "出典", "面会", "相手", "コピー",
         "すべてコピー", "節"},
        {"Kind", "City", "Position", "Notes", "Notes (English)", "Trip stops", "Partnerships", "Sources", "Met", "With",
         "Copy", "Copy all", "section"},
    }};
    return table[langIndex(language)];
}

const char* kindLabel(geo::SiteKind kind, geo::Language language) {
    static const std::array<std::array<const char*, 3>, 14> table{{
        {"城市", "都市", "City"},
        {"縣", "県", "Prefecture"},
        {"縣", "県", "County"},
        {"科學園區", "サイエンスパーク", "Science park"},
        {"晶圓廠", "半導体工場", "Fab"},
        {"企業", "企業", "Company"},
        {"大學", "大学", "University"},
        {"政府機關", "行政機関", "Government"},
        {"會場", "会場", "Venue"},
        {"市場", "市場", "Market"},
        {"車站", "駅", "Station"},
        {"機場", "空港", "Airport"},
        {"辦事處", "事務所", "Office"},
        {"其他", "その他", "Other"},
    }};
    const auto i = static_cast<std::size_t>(kind);
    return i < table.size() ? table[i][langIndex(language)] : "?";
}

const char* partnershipKindLabel(geo::PartnershipKind kind, geo::Language language) {
    static const std::array<std::array<const char*, 3>, 9> table{{
        {"姊妹園區", "姉妹パーク", "Sister science parks"},
        {"姊妹市", "姉妹都市", "Sister cities"},
        {"友好城市", "友好都市", "Friendship cities"},
        {"大學合作備忘錄", "大学間覚書", "University MOU"},
        {"姊妹站", "姉妹駅", "Sister stations"},
        {"協會協議", "協会間協定", "Association agreement"},
        {"三方合作備忘錄", "三者間覚書", "Trilateral MOU"},
        {"合作備忘錄", "協力覚書", "Cooperation MOU"},
        {"其他", "その他", "Other"},
    }};
    const auto i = static_cast<std::size_t>(kind);
    return i < table.size() ? table[i][langIndex(language)] : "?";
}

const char* legLabel(geo::LegMode mode, geo::Language language) {
    static const std::array<std::array<const char*, 3>, 7> table{{
        {"", "", ""},
        {"飛機", "飛行機", "flight"},
        {"巴士", "バス", "bus"},
        {"汽車", "車", "car"},
        {"火車", "鉄道", "train"},
        {"船", "船", "ship"},
        {"步行", "徒歩", "walk"},
    }};
    const auto i = static_cast<std::size_t>(mode);
    return i < table.size() ? table[i][langIndex(language)] : "";
}

// ---------------------------------------------------------------- notes panel model

// The panel is built as a list of blocks first, so that drawing and "Copy all"
// say the same thing.
struct Block {
    enum class Style { Title, Subtle, Heading, Field, Body, Muted, Item, ItemMuted, Gap };
    Style style;
    std::string text;
    std::string label; // Field: the label; Heading: text its Copy button copies (empty: no button)
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
    const Words& w = words(language);
    Blocks b;
    using S = Block::Style;
    add(b, S::Title, std::string(geo::displayName(site, language)));
    add(b, S::Subtle, join({site.nameZh, site.nameJa, site.nameEn}, "  ·  "));
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

// ---------------------------------------------------------------- line breaking

// Chinese and Japanese run without spaces: a line may break between any two of their characters.
bool isCjk(unsigned cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

// Simplified kinsoku: never start a line with closing punctuation, nor end one with opening punctuation.
bool noBreakBefore(unsigned cp) {
    static constexpr std::u32string_view kClosing = U"，。、：；！？）」』】〕〉》’”・·…ー々〜）．,.;:!?)]}%";
    return kClosing.find(static_cast<char32_t>(cp)) != std::u32string_view::npos;
}
bool noBreakAfter(unsigned cp) {
    static constexpr std::u32string_view kOpening = U"（「『【〔〈《‘“([{";
    return kOpening.find(static_cast<char32_t>(cp)) != std::u32string_view::npos;
}

// Splits text into lines no wider than `width` pixels: at spaces, at line feeds, and
// between CJK characters. ImGui's own wrapping only breaks at spaces, so a paragraph
// of Chinese is one "word" to it and wraps badly.
std::vector<std::string_view> wrapLines(const ImFont* font, float size, std::string_view text, float width) {
    std::vector<std::string_view> lines;
    const float scale = size / font->FontSize;
    auto advance = [&](unsigned cp) { return font->GetCharAdvance(static_cast<ImWchar>(cp <= 0xFFFF ? cp : 0xFFFD)) * scale; };
    std::size_t lineStart = 0, i = 0;
    std::size_t breakEnd = std::string_view::npos, breakNext = 0; // line end and next line start at the last opportunity
    float lineWidth = 0, widthAtBreak = 0;
    unsigned previous = 0;
    while (i < text.size()) {
        const std::size_t at = i;
        const unsigned cp = geo::nextCodepoint(text, i);
        if (cp == '\n') {
            lines.push_back(text.substr(lineStart, at - lineStart));
            lineStart = i;
            breakEnd = std::string_view::npos;
            lineWidth = 0;
            previous = 0;
            continue;
        }
        if (cp == ' ') {
            breakEnd = at; // break here: the space itself is dropped
            breakNext = i;
            lineWidth += advance(cp);
            widthAtBreak = lineWidth;
            previous = cp;
            continue;
        }
        if (at > lineStart && previous != ' ' && (isCjk(cp) || isCjk(previous)) && !noBreakBefore(cp) && !noBreakAfter(previous)) {
            breakEnd = at;
            breakNext = at;
            widthAtBreak = lineWidth;
        }
        const float w = advance(cp);
        if (lineWidth + w > width && at > lineStart) {
            if (breakEnd != std::string_view::npos && breakEnd > lineStart) {
                lines.push_back(text.substr(lineStart, breakEnd - lineStart));
                lineStart = breakNext;
                lineWidth -= widthAtBreak; // widthAtBreak includes a dropped space
            } else { // one word longer than the line: cut it
                lines.push_back(text.substr(lineStart, at - lineStart));
                lineStart = at;
                lineWidth = 0;
            }
            breakEnd = std::string_view::npos;
        }
        lineWidth += w;
        previous = cp;
    }
    if (lineStart < text.size() || lines.empty()) lines.push_back(text.substr(lineStart));
    return lines;
}

void wrapped(const std::string& text) {
    const float width = std::max(ImGui::GetContentRegionAvail().x, 40.0f);
    for (std::string_view line : wrapLines(ImGui::GetFont(), ImGui::GetFontSize(), text, width))
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
}

void wrappedColoured(const ImVec4& colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrapped(text);
    ImGui::PopStyleColor();
}

// Text with a light halo: legible over land, sea and borders alike.
void haloText(ImDrawList* dl, ImFont* font, float size, ImVec2 p, const std::string& text, float halo) {
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    static constexpr float kDirections[8][2] = {{-1, -1}, {0, -1}, {1, -1}, {-1, 0}, {1, 0}, {-1, 1}, {0, 1}, {1, 1}};
    for (const auto& d : kDirections)
        dl->AddText(font, size, ImVec2(p.x + d[0] * halo, p.y + d[1] * halo), kHalo, begin, end);
    dl->AddText(font, size, p, kInk, begin, end);
}

bool isFinite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

ImVec2 toIm(glm::dvec2 p) { return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)); }

} // namespace

// ---------------------------------------------------------------- BriefingLayer

BriefingLayer::BriefingLayer(std::filesystem::path file) : m_reloader(std::move(file)) {}

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

bool BriefingLayer::select(std::string_view siteId) {
    if (!briefing().findSite(siteId)) return false;
    m_selectedId = std::string(siteId);
    return true;
}

const geo::Site* BriefingLayer::selectedSite() const {
    return m_selectedId.empty() ? nullptr : briefing().findSite(m_selectedId);
}

bool BriefingLayer::escape() {
    if (m_selectedId.empty()) return false;
    m_selectedId.clear();
    return true;
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
        m_priority.push_back(markerStyle(site.kind).priority);
    }
    projection.forward(m_world); // NaN where PROJ fails: such a site is neither drawn nor hit
    m_drawOrder.resize(sites.size());
    for (std::size_t i = 0; i < m_drawOrder.size(); ++i) m_drawOrder[i] = i;
    std::stable_sort(m_drawOrder.begin(), m_drawOrder.end(),
                     [&](std::size_t a, std::size_t b) { return m_priority[a] < m_priority[b]; });
    m_projectedWith = &projection;
    m_projectedGeneration = m_reloader.generation();
}

void BriefingLayer::updateScreenPositions(const geo::Camera& camera) {
    m_screen.resize(m_world.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < m_world.size(); ++i)
        m_screen[i] = isFinite(m_world[i]) ? camera.worldToScreen(m_world[i]) : glm::dvec2(nan, nan);
}

std::optional<std::size_t> BriefingLayer::siteAt(glm::dvec2 screen, const geo::Camera& camera, const geo::Projection& projection) {
    ensureProjected(projection);
    updateScreenPositions(camera);
    // A little larger than the largest marker: easy to hit with a presenter's mouse.
    const double radius = 14.0 * static_cast<double>(m_uiScale);
    return geo::pickPoint(m_screen, screen, radius, m_priority);
}

bool BriefingLayer::click(glm::dvec2 screen, const geo::Camera& camera, const geo::Projection& projection) {
    const auto hit = siteAt(screen, camera, projection);
    if (!hit) {
        m_selectedId.clear();
        return false;
    }
    m_selectedId = briefing().sites[*hit].id;
    return true;
}

void BriefingLayer::draw(const geo::Camera& camera, const geo::Projection& projection, FontSet& fonts,
                         std::optional<glm::dvec2> cursor) {
    m_uiScale = fonts.uiScale();
    std::optional<std::size_t> hovered;
    if (cursor) hovered = siteAt(*cursor, camera, projection);
    else {
        ensureProjected(projection);
        updateScreenPositions(camera);
    }

    drawMarkers(hovered);
    drawLabels(fonts, hovered, camera.viewport());
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        drawTooltip(fonts, briefing().sites[*hovered], *cursor);
    }
    drawNotesPanel(fonts);
}

void BriefingLayer::drawMarkers(std::optional<std::size_t> hovered) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float s = m_uiScale;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const auto& sites = briefing().sites;
    auto visible = [&](ImVec2 p, float margin) {
        return p.x > -margin && p.y > -margin && p.x < display.x + margin && p.y < display.y + margin;
    };
    const geo::Site* selected = selectedSite();
    for (std::size_t i : m_drawOrder) {
        if (i >= m_screen.size() || !isFinite(m_screen[i])) continue;
        const ImVec2 p = toIm(m_screen[i]);
        const MarkerStyle style = markerStyle(sites[i].kind);
        const float r = style.radius * s * (hovered == i ? 1.25f : 1.0f);
        if (!visible(p, r + 8 * s)) continue;
        dl->AddCircleFilled(p, r + 2.5f * s, kEdge, 32);
        dl->AddCircleFilled(p, r + 1.5f * s, kWhite, 32);
        dl->AddCircleFilled(p, r - 0.5f * s, style.fill, 32);
    }
    // The selection ring last, above every marker.
    if (selected) {
        const std::size_t i = static_cast<std::size_t>(selected - sites.data());
        if (i < m_screen.size() && isFinite(m_screen[i])) {
            const ImVec2 p = toIm(m_screen[i]);
            const float r = markerStyle(selected->kind).radius * s + 6.0f * s;
            dl->AddCircle(p, r + 2.0f * s, kInk, 48, 2.0f * s);
            dl->AddCircle(p, r, kSelect, 48, 4.0f * s);
        }
    }
}

void BriefingLayer::drawLabels(FontSet& fonts, std::optional<std::size_t> hovered, glm::dvec2 viewport) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float s = m_uiScale;
    const auto& sites = briefing().sites;
    const geo::Site* selected = selectedSite();
    const std::size_t selectedIndex = selected ? static_cast<std::size_t>(selected - sites.data()) : sites.size();

    // Who gets a label, most important first: the selected site, the hovered one,
    // then the cities in file order (the file lists the main cities first).
    std::vector<std::size_t> order;
    if (selectedIndex < sites.size()) order.push_back(selectedIndex);
    if (hovered && *hovered != selectedIndex && sites[*hovered].kind == geo::SiteKind::City) order.push_back(*hovered);
    for (std::size_t i = 0; i < sites.size(); ++i)
        if (sites[i].kind == geo::SiteKind::City && i != selectedIndex && (!hovered || i != *hovered)) order.push_back(i);

    // Greedy placement: right of the marker, else left, above, below, preferring a
    // place that covers no marker; a label that fits nowhere without covering another
    // label is left out.
    std::vector<ImVec4> placed; // x0, y0, x1, y1
    const float pad = 3.0f * s;
    auto overlaps = [&](const ImVec4& r) {
        for (const ImVec4& q : placed)
            if (r.x < q.z + pad && q.x < r.z + pad && r.y < q.w + pad && q.y < r.w + pad) return true;
        return false;
    };
    auto coversMarker = [&](const ImVec4& r) {
        for (std::size_t k = 0; k < m_screen.size(); ++k) {
            if (!isFinite(m_screen[k])) continue;
            const ImVec2 m = toIm(m_screen[k]);
            const float radius = markerStyle(sites[k].kind).radius * s + 1.5f * s;
            if (m.x + radius > r.x && m.x - radius < r.z && m.y + radius > r.y && m.y - radius < r.w) return true;
        }
        return false;
    };
    for (std::size_t i : order) {
        if (i >= m_screen.size() || !isFinite(m_screen[i])) continue;
        const geo::Site& site = sites[i];
        const std::string text(geo::displayName(site, language));
        fonts.require(text);
        const bool city = site.kind == geo::SiteKind::City;
        ImFont* font = city || i == selectedIndex ? fonts.large() : fonts.ui();
        if (!font) continue;
        const float size = font->FontSize;
        const ImVec2 extent = font->CalcTextSizeA(size, std::numeric_limits<float>::max(), 0.0f, text.c_str(),
                                                  text.c_str() + text.size());
        const ImVec2 p = toIm(m_screen[i]);
        const float r = markerStyle(site.kind).radius * s + (i == selectedIndex ? 10.0f : 5.0f) * s;
        const ImVec2 candidates[4] = {
            ImVec2(p.x + r, p.y - extent.y * 0.5f),
            ImVec2(p.x - r - extent.x, p.y - extent.y * 0.5f),
            ImVec2(p.x - extent.x * 0.5f, p.y - r - extent.y),
            ImVec2(p.x - extent.x * 0.5f, p.y + r),
        };
        std::optional<ImVec4> chosen;
        for (int pass = 0; pass < 2 && !chosen; ++pass) {
            for (const ImVec2& c : candidates) {
                const ImVec4 box(c.x, c.y, c.x + extent.x, c.y + extent.y);
                const bool onScreen = box.z > 0 && box.w > 0 && box.x < static_cast<float>(viewport.x) &&
                                      box.y < static_cast<float>(viewport.y);
                if (!onScreen || overlaps(box) || (pass == 0 && coversMarker(box))) continue;
                chosen = box;
                break;
            }
        }
        if (!chosen) continue;
        placed.push_back(*chosen);
        haloText(dl, font, size, ImVec2(chosen->x, chosen->y), text, std::max(1.5f, 2.0f * s));
    }
}

void BriefingLayer::drawTooltip(FontSet& fonts, const geo::Site& site, glm::dvec2 cursor) {
    const std::string name(geo::displayName(site, language));
    std::vector<std::string> others;
    for (const std::string* n : {&site.nameZh, &site.nameJa, &site.nameEn})
        if (!n->empty() && *n != name && std::find(others.begin(), others.end(), *n) == others.end()) others.push_back(*n);
    const std::string kind = kindLabel(site.kind, language);
    const std::string hint = language == geo::Language::Zh   ? "點選查看說明"
                             : language == geo::Language::Ja ? "クリックで詳細"
                                                             : "Click for notes";
    fonts.require(name);
    for (const auto& o : others) fonts.require(o);
    fonts.require(kind);
    fonts.require(hint);

    // At the pointer we were given, not ImGui's idea of the mouse: the same in screenshots and tests.
    const float s = m_uiScale;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(cursor.x) + 18 * s, static_cast<float>(cursor.y) + 18 * s));
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts.large());
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts.ui());
    for (const auto& o : others) ImGui::TextUnformatted(o.c_str());
    ImGui::TextColored(kAccent, "%s", kind.c_str());
    ImGui::TextColored(kMuted, "%s", hint.c_str());
    ImGui::PopFont();
    ImGui::EndTooltip();
}

void BriefingLayer::drawNotesPanel(FontSet& fonts) {
    const geo::Site* site = selectedSite();
    if (!site) return;
    const Blocks blocks = buildNotes(briefing(), *site, language);
    const Words& w = words(language);
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
    const float height = std::max(io.DisplaySize.y - 2 * margin - 48.0f * s, 120.0f * s); // room for the attribution
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
        if (ImGui::SmallButton(w.copyAll)) ImGui::SetClipboardText(plainText(blocks).c_str());
        int id = 0;
        for (const Block& b : blocks) {
            ImGui::PushID(id++);
            switch (b.style) {
            case Block::Style::Title:
                ImGui::PushFont(fonts.large());
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
            ImGui::PopID();
        }
    }
    ImGui::End();
    ImGui::PopFont();
    if (!open) m_selectedId.clear();
}

} // namespace app
