#version 330 core
// One pass per line or disc: the casing and the core (or a marker's rings) are composited
// here, with one pixel of anti-aliasing at every edge, instead of being drawn over each other.
in vec2 v_local;
flat in vec4 v_colour;
flat in vec4 v_casing;
flat in vec4 v_rim;
flat in vec4 v_params;
flat in float v_mode;
out vec4 o_color; // premultiplied alpha

// Coverage of a pixel at distance d from the centre by a shape of radius r (1 px ramp).
float cover(float r, float d) { return clamp(r - d + 0.5, 0.0, 1.0); }

// `layer` (straight alpha, times coverage a) over `below` (premultiplied).
vec4 over(vec4 below, vec3 rgb, float a) { return vec4(rgb * a + below.rgb * (1.0 - a), a + below.a * (1.0 - a)); }

void main() {
    vec4 result = vec4(0.0);
    if (v_mode > 5.5) {
        result = vec4(v_colour.rgb * v_colour.a, v_colour.a); // a flat fill (an arrowhead's, under its outline)
    } else if (v_mode > 4.5) {
        // A ring `width` px wide centred on `radius`.
        float d = abs(length(v_local) - v_params.x);
        result = over(result, v_colour.rgb, v_colour.a * clamp(v_params.y * 0.5 - d + 0.5, 0.0, 1.0));
    } else if (v_mode > 3.5) {
        // A rounded rectangle (half size, corner radius) and its outline, centred 0.5 px
        // inside the edge as ImGui strokes one.
        vec2 q = abs(v_local) - v_params.xy + v_params.z;
        float sd = length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - v_params.z; // negative inside
        result = over(result, v_colour.rgb, v_colour.a * clamp(0.5 - sd, 0.0, 1.0));
        if (v_params.w > 0.0) result = over(result, v_casing.rgb, v_casing.a * clamp(v_params.w * 0.5 - abs(sd + 0.5) + 0.5, 0.0, 1.0));
    } else if (v_mode > 2.5) {
        result = vec4(v_colour.rgb, 1.0);
    } else if (v_mode > 1.5) {
        float d = length(v_local);
        if (v_params.w > 0.0) result = over(result, v_rim.rgb, cover(v_params.w, d));
        result = over(result, v_rim.rgb, v_rim.a * cover(v_params.z, d));
        result = over(result, v_casing.rgb, v_casing.a * cover(v_params.y, d));
        result = over(result, v_colour.rgb, v_colour.a * cover(v_params.x, d));
    } else {
        float d = abs(v_local.y);
        float core = cover(v_params.x, d);
        float casing = cover(v_params.y, d);
        if (v_params.z > 0.0) {
            // Signed distance to the nearest dash along the line: positive inside one.
            float m = mod(v_local.x, v_params.w);
            float s = m < v_params.z ? min(m, v_params.z - m) : -min(m - v_params.z, v_params.w - m);
            float along = clamp(s + 0.5, 0.0, 1.0);
            core *= along;
            if (v_mode > 0.5) casing *= along;
        }
        result = over(result, v_casing.rgb, v_casing.a * casing);
        result = over(result, v_colour.rgb, v_colour.a * core);
    }
    o_color = result;
}
