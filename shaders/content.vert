#version 330 core
// Content on the map (partnership arcs, trip routes, marker discs), in screen pixels.
// Lines: a strip along the polyline, `a_local` = (distance along the line, signed
// distance across it); discs: a square around the centre, `a_local` = offset from it.
layout(location = 0) in vec2 a_pos;    // pixels, origin top left
layout(location = 1) in vec2 a_local;  // pixels
layout(location = 2) in vec4 a_colour; // the line's core or the disc's fill
layout(location = 3) in vec4 a_casing; // the casing under the line, or the disc's white ring
layout(location = 4) in vec4 a_rim;    // discs: the dark rim (and, opaque, the outer ring)
layout(location = 5) in vec4 a_params; // lines: core half width, casing half width, dash, period
                                       // discs: fill, white ring, rim and outer ring radius
layout(location = 6) in float a_mode;  // 0 line with its casing under the gaps, 1 casing dashed too,
                                       // 2 disc, 3 opaque fill, 4 rounded rectangle (params: half
                                       // width and height, corner radius, outline width), 5 ring
                                       // (radius, width), 6 flat fill
uniform vec2 u_origin;   // the display's top left, pixels
uniform vec2 u_size;     // the display's size, pixels
out vec2 v_local;
flat out vec4 v_colour;
flat out vec4 v_casing;
flat out vec4 v_rim;
flat out vec4 v_params;
flat out float v_mode;
void main() {
    vec2 ndc = (a_pos - u_origin) / u_size * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
    v_local = a_local;
    v_colour = a_colour;
    v_casing = a_casing;
    v_rim = a_rim;
    v_params = a_params;
    v_mode = a_mode;
}
