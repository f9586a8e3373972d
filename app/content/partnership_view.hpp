#pragma once
// Partnerships on the map: a curved arc between the parties of each partnership,
// coloured and dashed by kind (with a legend), several links between the same places
// bowed apart; hover highlights, a click opens the partnership's notes and milestones.
// Filters: by kind, and by year (the network as it stood in that year).

#include "content/map_context.hpp"

#include <geo/briefing/partnership_links.hpp>

#include <imgui.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace app {

class PartnershipView {
public:
    static constexpr std::size_t kKinds = 9; // geo::PartnershipKind values

    void rebuild(const geo::Briefing& briefing, const geo::Projection& projection);

    // Arcs into the background draw list (below the site markers). `left`/`right`: what the
    // panels cover; a selected or highlighted link to a place beyond them gets an edge callout.
    void drawMap(ImDrawList* dl, const MapContext& ctx, const geo::Briefing& briefing, std::optional<glm::dvec2> cursor,
                 float left = 0.0f, float right = 0.0f);
    // This frame's edge callouts (the trip view draws them with its own, above the routes).
    const std::vector<EdgeCallout>& callouts() const { return m_callouts; }
    // The sidebar section: show/hide, kinds (the legend), year.
    void drawPanel(const MapContext& ctx, const geo::Briefing& briefing, ContentActions& actions);
    // The notes panel of the selected partnership (right side), if any.
    void drawNotes(const MapContext& ctx, const geo::Briefing& briefing, ContentActions& actions);

    // The partnership whose link is under `screen` (from the last drawn frame).
    std::optional<std::string> linkAt(glm::dvec2 screen) const;

    bool select(const geo::Briefing& briefing, std::string_view id);
    const std::string& selectedId() const { return m_selected; }
    void clearSelection() { m_selected.clear(); }

    bool visible = true;
    bool dimmed = false; // drawn faint and thin (a trip is on the map)
    // Presentation: only these partnerships are drawn (a story step's), unless showAll.
    bool onlyHighlighted = false;
    bool showAll = false;
    std::vector<std::string> highlighted;
    std::array<bool, kKinds> kindVisible{{true, true, true, true, true, true, true, true, true}};
    bool yearFilter = false;
    int year = 0;

    static ImU32 colour(geo::PartnershipKind kind);
    // Draws a short sample of the kind's line (legend swatch) at the cursor.
    static void swatch(geo::PartnershipKind kind, float width, float scale);

private:
    bool linkVisible(const geo::Briefing& briefing, const geo::PartnershipLink& link) const;

    std::vector<geo::PartnershipLink> m_links;
    std::vector<std::string> m_linkIds;                 // the partnership id of each link
    std::vector<std::vector<glm::dvec2>> m_world;       // one arc per link, projected metres
    std::vector<std::vector<glm::dvec2>> m_screen;      // last frame's, for hit tests (empty when hidden)
    std::string m_selected;
    geo::YearSpan m_years;
    std::vector<EdgeCallout> m_callouts;
};

} // namespace app
