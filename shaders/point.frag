#version 330 core
uniform vec4 u_color;
uniform float u_radius;
in vec2 v_corner;
out vec4 o_color;
void main() {
    float d = length(v_corner);
    // A disc with a dark 1.5 px rim, anti-aliased over one pixel at its edge.
    float coverage = clamp(u_radius - 0.5 - d, 0.0, 1.0);
    float rim = smoothstep(u_radius - 3.5, u_radius - 2.5, d);
    vec3 rgb = mix(u_color.rgb, u_color.rgb * 0.35, rim);
    o_color = vec4(rgb, u_color.a * coverage);
}
