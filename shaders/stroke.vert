#version 330 core
// Anti-aliased lines of constant pixel width: each centre-line point comes twice,
// once per side (+ at an even index, - at the odd one after it: geo::StrokeVertex);
// the vertex moves along its miter normal by the half width in pixels.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_normal; // unit miter direction times miter length (world axes)
uniform vec2 u_offset;
uniform vec2 u_scale;
uniform vec2 u_viewport;    // pixels
uniform float u_halfWidth;  // half the drawn width in pixels, including the anti-aliasing fringe
out float v_dist;           // signed distance from the centre line, pixels
void main() {
    float a_side = (gl_VertexID & 1) == 0 ? 1.0 : -1.0;
    vec2 clip = (a_pos + u_offset) * u_scale;
    clip += a_normal * a_side * u_halfWidth * 2.0 / u_viewport;
    v_dist = a_side * u_halfWidth;
    gl_Position = vec4(clip, 0.0, 1.0);
}
