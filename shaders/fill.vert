#version 330 core
// Polygon fill. Positions are metres relative to the layer's mesh origin.
layout(location = 0) in vec2 a_pos;
uniform vec2 u_offset; // mesh origin - camera centre, metres
uniform vec2 u_scale;  // metres -> clip space: 2 / (viewport pixels * metres per pixel)
void main() {
    gl_Position = vec4((a_pos + u_offset) * u_scale, 0.0, 1.0);
}
