#version 330 core
// The map's text: one quad per glyph, its signed distance field read from the glyph atlas.
layout(location = 0) in vec2 a_pos;    // pixels, origin top left
layout(location = 1) in vec2 a_texel;  // atlas texels
layout(location = 2) in vec4 a_ink;
layout(location = 3) in vec4 a_halo;
layout(location = 4) in vec4 a_params; // px per unit of the field (its spread × the glyph's scale), halo width px,
                                       // halo softness px, the glyph's scale (px per texel)
uniform vec2 u_origin;    // the display's top left, pixels
uniform vec2 u_size;      // the display's size, pixels
uniform vec2 u_atlasSize; // texels
uniform int u_pass;       // 0 the halos, 1 the glyphs
out vec2 v_uv;
flat out vec4 v_ink;
flat out vec4 v_halo;
flat out vec4 v_params;
void main() {
    // The glyphs' pass needs no more than a pixel of the field's margin: the quad is drawn
    // inset by the rest (its corners come in order: top left, top right, bottom left, bottom right).
    vec2 pos = a_pos, texel = a_texel;
    if (u_pass == 1) {
        int k = gl_VertexID % 4;
        vec2 inward = vec2((k & 1) != 0 ? -1.0 : 1.0, (k & 2) != 0 ? -1.0 : 1.0);
        float inset = max(a_params.x - 1.0, 0.0);
        pos += inward * inset;
        texel += inward * inset / a_params.w;
    }
    vec2 ndc = (pos - u_origin) / u_size * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
    v_uv = texel / u_atlasSize;
    v_ink = a_ink;
    v_halo = a_halo;
    v_params = a_params;
}
