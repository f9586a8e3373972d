#version 330 core
// Round point markers of constant pixel size: four corners per point.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_corner; // (-1,-1) .. (1,1)
uniform vec2 u_offset;
uniform vec2 u_scale;
uniform vec2 u_viewport;
uniform float u_radius; // pixels, including the anti-aliasing fringe
out vec2 v_corner;
void main() {
    vec2 clip = (a_pos + u_offset) * u_scale + a_corner * u_radius * 2.0 / u_viewport;
    v_corner = a_corner * u_radius;
    gl_Position = vec4(clip, 0.0, 1.0);
}
