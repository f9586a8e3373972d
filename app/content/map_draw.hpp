#pragma once
// Drawing primitives for content on the map (ImGui draw lists, screen pixels):
// cased and dashed polylines, arrowheads, numbered badges. ImGui anti-aliases the
// edges of what it fills, so lines look clean without MSAA.

#include <glm/vec2.hpp>
#include <imgui.h>

#include <string>
#include <vector>

namespace app {

// The parts of a polyline inside the box [lo, hi] (Liang–Barsky per segment), each with the
// distance along the whole line at which it starts (so that dashes do not shift when the
// view moves). Lines far outside the screen cost nothing to draw.
struct ClippedRun {
    std::vector<ImVec2> points;
    float startLength = 0.0f;
};
std::vector<ClippedRun> clipPolyline(const std::vector<ImVec2>& pts, ImVec2 lo, ImVec2 hi);
// The screen box lines are clipped to: the display with a margin wider than any stroke.
void setClipBox(ImVec2 lo, ImVec2 hi);
// clipPolyline to that box.
std::vector<ClippedRun> clipToScreen(const std::vector<ImVec2>& pts);

// A solid polyline of `width` px over a casing `casingWidth` px wide (0: none).
void drawCasedLine(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour, float width, ImU32 casing, float casingWidth);
// A dashed polyline: `dash` px on, `gap` px off, measured along the line.
void drawDashedLine(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour, float width, float dash, float gap,
                    float phase = 0.0f);
// The point at `fraction` (0..1) of the polyline's length, and the direction there (unit).
bool pointAlong(const std::vector<ImVec2>& pts, float fraction, ImVec2& at, ImVec2& dir);
float polylineLength(const std::vector<ImVec2>& pts);
// The first `fraction` (0..1) of the polyline by length (the travelled part of a leg).
std::vector<ImVec2> polylineHead(const std::vector<ImVec2>& pts, float fraction);
// A filled arrowhead whose tip is at `tip`, pointing along `dir` (unit), `size` px long.
void drawArrowhead(ImDrawList* dl, ImVec2 tip, ImVec2 dir, float size, ImU32 fill, ImU32 outline);
// A rounded badge with centred text (stop numbers): returns its half size.
ImVec2 drawBadge(ImDrawList* dl, ImFont* font, float fontSize, ImVec2 centre, const std::string& text, ImU32 fill, ImU32 ink,
                 ImU32 outline, float minRadius);

ImU32 withAlpha(ImU32 colour, float alpha);
// "11,410 km", rounded to 10 km from 100 km on.
std::string formatKm(double km);

} // namespace app
