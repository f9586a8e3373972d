#version 330 core
uniform vec4 u_color;
uniform float u_lineHalf; // half the line's own width in pixels (at least 0.5)
uniform float u_opacity;  // lines thinner than a pixel are drawn 1 px wide and fainter
in float v_dist;
out vec4 o_color;
void main() {
    // Coverage of this pixel by the line: 1 inside, ramping to 0 over one pixel at the edge.
    float coverage = clamp(u_lineHalf + 0.5 - abs(v_dist), 0.0, 1.0);
    o_color = vec4(u_color.rgb, u_color.a * coverage * u_opacity);
}
