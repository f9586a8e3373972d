#version 330 core
// A glyph and its halo from one signed distance field (FreeType's: 128 on the outline, more
// inside, 0 and 255 at the spread's distance out and in). The distance is turned into screen
// pixels with the glyph's own scale, so every edge has one pixel of anti-aliasing at any size;
// the halo is the same field `halo` px further out, fading over `softness` px. The same quads are
// drawn twice, halos then glyphs (u_pass 0, 1), so that a glyph's halo never covers its
// neighbour's ink where their quads overlap.
in vec2 v_uv;
flat in vec4 v_ink;
flat in vec4 v_halo;
flat in vec4 v_params;
uniform sampler2D u_atlas;
uniform int u_pass; // 0 the halo, 1 the ink
out vec4 o_color; // premultiplied alpha
void main() {
    float d = (texture(u_atlas, v_uv).r * 255.0 - 128.0) / 128.0 * v_params.x; // px, positive inside
    if (u_pass == 1) {
        float ink = v_ink.a * clamp(d + 0.5, 0.0, 1.0);
        o_color = vec4(v_ink.rgb * ink, ink);
    } else {
        float soft = max(v_params.z, 1.0);
        float halo = v_params.y > 0.0 ? v_halo.a * clamp((d + v_params.y) / soft + 0.5, 0.0, 1.0) : 0.0;
        o_color = vec4(v_halo.rgb * halo, halo);
    }
}
