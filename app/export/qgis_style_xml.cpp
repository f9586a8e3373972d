// The looks of qgis_styles.cpp as QGIS's XML (QML, the body of a project's <maplayer>) and as SLD.
#include "export/qgis_styles.hpp"

#include <sstream>

namespace app::qgis {

namespace {

std::string number(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

std::string dashText(const std::vector<double>& dash, const char* separator) {
    std::string out;
    for (double d : dash) out += (out.empty() ? "" : separator) + number(d);
    return out;
}

// A symbol layer's properties, in both of QGIS's forms: the <Option> map it reads since 3.20
// and the <prop> list that older versions read.
class Props {
public:
    explicit Props(pugi::xml_node layer) : m_layer(layer) {
        m_map = layer.append_child("Option");
        m_map.append_attribute("type") = "Map";
    }
    Props& set(const char* key, const std::string& value) {
        pugi::xml_node o = m_map.append_child("Option");
        o.append_attribute("type") = "QString";
        o.append_attribute("name") = key;
        o.append_attribute("value") = value.c_str();
        pugi::xml_node p = m_layer.append_child("prop");
        p.append_attribute("k") = key;
        p.append_attribute("v") = value.c_str();
        return *this;
    }

private:
    pugi::xml_node m_layer, m_map;
};

// A QGIS property collection (<data_defined_properties>, <dd_properties>): each named property
// an expression.
void propertyCollection(pugi::xml_node parent, const char* element,
                        const std::vector<std::pair<const char*, std::string>>& expressions) {
    pugi::xml_node map = parent.append_child(element).append_child("Option");
    map.append_attribute("type") = "Map";
    auto option = [](pugi::xml_node at, const char* type, const char* name, const std::string& value) {
        pugi::xml_node o = at.append_child("Option");
        o.append_attribute("type") = type;
        o.append_attribute("name") = name;
        if (std::string(type) != "Map") o.append_attribute("value") = value.c_str();
        return o;
    };
    option(map, "QString", "name", "");
    pugi::xml_node properties = map.append_child("Option");
    properties.append_attribute("name") = "properties";
    for (const auto& [name, expression] : expressions) {
        if (expression.empty()) continue;
        if (!properties.attribute("type")) properties.append_attribute("type") = "Map";
        pugi::xml_node property = option(properties, "Map", name, "");
        option(property, "bool", "active", "true");
        option(property, "QString", "expression", expression);
        option(property, "int", "type", "3"); // an expression
    }
    option(map, "QString", "type", "collection");
}

void writeSymbolLayer(pugi::xml_node symbol, const SymbolPart& part) {
    pugi::xml_node layer = symbol.append_child("layer");
    layer.append_attribute("class") = part.kind == SymbolPart::Circle ? "SimpleMarker"
                                      : part.kind == SymbolPart::Fill ? "SimpleFill"
                                                                      : "SimpleLine";
    layer.append_attribute("enabled") = "1";
    layer.append_attribute("locked") = "0";
    layer.append_attribute("pass") = "0";
    Props props(layer);
    const bool outline = part.width > 0 && part.stroke.visible();
    switch (part.kind) {
    case SymbolPart::Circle:
        props.set("name", "circle").set("color", colourText(part.fill)).set("size", number(part.size)).set("size_unit", "Pixel");
        props.set("outline_color", colourText(part.stroke)).set("outline_style", outline ? "solid" : "no");
        props.set("outline_width", number(part.width)).set("outline_width_unit", "Pixel");
        break;
    case SymbolPart::Fill:
        props.set("color", colourText(part.fill)).set("style", part.fill.visible() ? "solid" : "no");
        props.set("outline_color", colourText(part.stroke)).set("outline_style", outline ? "solid" : "no");
        props.set("outline_width", number(part.width)).set("outline_width_unit", "Pixel").set("joinstyle", "round");
        break;
    case SymbolPart::Line:
        props.set("line_color", colourText(part.stroke)).set("line_style", "solid");
        props.set("line_width", number(part.width)).set("line_width_unit", "Pixel");
        props.set("capstyle", part.dash.empty() ? "round" : "flat").set("joinstyle", "round");
        props.set("use_custom_dash", part.dash.empty() ? "0" : "1");
        props.set("customdash", part.dash.empty() ? "5;2" : dashText(part.dash, ";")).set("customdash_unit", "Pixel");
        break;
    }
    propertyCollection(layer, "data_defined_properties", {{"enabled", part.enabledWhen}, {"size", part.sizeExpression}});
}

const char* symbolType(Geometry g) { return g == Geometry::Point ? "marker" : g == Geometry::Line ? "line" : "fill"; }

void writeSymbol(pugi::xml_node symbols, const std::string& name, Geometry geometry, const std::vector<SymbolPart>& parts) {
    pugi::xml_node symbol = symbols.append_child("symbol");
    symbol.append_attribute("type") = symbolType(geometry);
    symbol.append_attribute("name") = name.c_str();
    symbol.append_attribute("alpha") = "1";
    symbol.append_attribute("clip_to_extent") = "1";
    symbol.append_attribute("force_rhr") = "0";
    for (const SymbolPart& part : parts) writeSymbolLayer(symbol, part);
}

void writeLabels(pugi::xml_node layer, const Labels& labels, Geometry geometry) {
    pugi::xml_node labeling = layer.append_child("labeling");
    labeling.append_attribute("type") = "simple";
    pugi::xml_node settings = labeling.append_child("settings");
    settings.append_attribute("calloutType") = "simple";
    pugi::xml_node text = settings.append_child("text-style");
    text.append_attribute("fieldName") = labels.expression.c_str();
    text.append_attribute("isExpression") = "1";
    text.append_attribute("fontFamily") = labels.font.c_str();
    text.append_attribute("fontSize") = number(labels.size).c_str();
    text.append_attribute("fontSizeUnit") = "Point";
    text.append_attribute("fontWeight") = labels.centred ? "75" : "50";
    text.append_attribute("textColor") = colourText(labels.colour).c_str();
    text.append_attribute("textOpacity") = "1";
    pugi::xml_node buffer = text.append_child("text-buffer");
    buffer.append_attribute("bufferDraw") = labels.halo.visible() ? "1" : "0";
    buffer.append_attribute("bufferSize") = number(labels.haloSize).c_str();
    buffer.append_attribute("bufferSizeUnits") = "MM";
    buffer.append_attribute("bufferColor") = colourText(labels.halo).c_str();
    buffer.append_attribute("bufferOpacity") = "1";
    buffer.append_attribute("bufferJoinStyle") = "128";
    pugi::xml_node placement = settings.append_child("placement");
    // OverPoint (1) for a stop's number on its badge; else cartographic positions around the marker (6).
    placement.append_attribute("placement") = labels.centred ? "1" : geometry == Geometry::Point ? "6" : "2";
    placement.append_attribute("dist") = labels.centred ? "0" : "1";
    placement.append_attribute("distUnits") = "MM";
    placement.append_attribute("predefinedPositionOrder") = "TR,TL,BR,BL,R,L,TSR,BSR";
    pugi::xml_node rendering = settings.append_child("rendering");
    rendering.append_attribute("drawLabels") = "1";
    rendering.append_attribute("obstacle") = "1";
    rendering.append_attribute("displayAll") = labels.centred ? "1" : "0";
    propertyCollection(settings, "dd_properties", {{"Size", labels.sizeExpression}, {"Priority", labels.priorityExpression}});
}

} // namespace

void writeLook(pugi::xml_node layer, const LayerLook& look) {
    const bool scaled = look.minScale > 0;
    layer.append_attribute("hasScaleBasedVisibilityFlag") = scaled ? "1" : "0";
    layer.append_attribute("minScale") = number(scaled ? look.minScale : 1e8).c_str();
    layer.append_attribute("maxScale") = "0";
    layer.append_attribute("labelsEnabled") = look.labels ? "1" : "0";

    pugi::xml_node renderer = layer.append_child("renderer-v2");
    renderer.append_attribute("type") = look.attribute.empty() ? "singleSymbol" : "categorizedSymbol";
    if (!look.attribute.empty()) renderer.append_attribute("attr") = look.attribute.c_str();
    renderer.append_attribute("symbollevels") = "0";
    renderer.append_attribute("enableorderby") = "0";
    renderer.append_attribute("forceraster") = "0";
    if (!look.attribute.empty()) {
        pugi::xml_node categories = renderer.append_child("categories");
        for (std::size_t i = 0; i < look.categories.size(); ++i) {
            pugi::xml_node c = categories.append_child("category");
            c.append_attribute("render") = "true";
            c.append_attribute("symbol") = std::to_string(i).c_str();
            c.append_attribute("value") = look.categories[i].value.c_str();
            c.append_attribute("label") = look.categories[i].label.c_str();
        }
    }
    pugi::xml_node symbols = renderer.append_child("symbols");
    if (look.attribute.empty()) writeSymbol(symbols, "0", look.geometry, look.symbol);
    for (std::size_t i = 0; i < look.categories.size(); ++i)
        writeSymbol(symbols, std::to_string(i), look.geometry, look.categories[i].symbol);
    if (look.labels) writeLabels(layer, *look.labels, look.geometry);
    layer.append_child("layerGeometryType").text() =
        look.geometry == Geometry::Point ? "0" : look.geometry == Geometry::Line ? "1" : "2";
}

std::string qmlText(const LayerLook& look) {
    pugi::xml_document doc;
    doc.append_child(pugi::node_doctype).set_value("qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'");
    pugi::xml_node root = doc.append_child("qgis");
    root.append_attribute("version") = "3.22.16-Białowieża";
    root.append_attribute("styleCategories") = "AllStyleCategories";
    writeLook(root, look);
    std::ostringstream out;
    doc.save(out, " ", pugi::format_default | pugi::format_no_declaration);
    return out.str();
}

namespace {

pugi::xml_node svgParameter(pugi::xml_node parent, const char* name, const std::string& value) {
    pugi::xml_node p = parent.append_child("se:SvgParameter");
    p.append_attribute("name") = name;
    p.text() = value.c_str();
    return p;
}

void sldStroke(pugi::xml_node parent, geo::Color colour, double width, const std::vector<double>& dash) {
    pugi::xml_node stroke = parent.append_child("se:Stroke");
    svgParameter(stroke, "stroke", hexColour(colour));
    if (colour.a != 255) svgParameter(stroke, "stroke-opacity", number(colour.a / 255.0));
    svgParameter(stroke, "stroke-width", number(width));
    svgParameter(stroke, "stroke-linejoin", "round");
    if (!dash.empty()) svgParameter(stroke, "stroke-dasharray", dashText(dash, " "));
}

void sldFill(pugi::xml_node parent, geo::Color colour) {
    pugi::xml_node fill = parent.append_child("se:Fill");
    svgParameter(fill, "fill", hexColour(colour));
    if (colour.a != 255) svgParameter(fill, "fill-opacity", number(colour.a / 255.0));
}

// SLD has no per-feature switch of a symbolizer: a trip's flights and other legs both show solid
// and dashed; the parts that QGIS switches by an expression are given as the solid ones only.
void sldSymbolizers(pugi::xml_node rule, const std::vector<SymbolPart>& parts) {
    for (const SymbolPart& part : parts) {
        if (!part.enabledWhen.empty() && part.enabledWhen.rfind("NOT", 0) != 0) continue;
        if (part.kind == SymbolPart::Circle) {
            pugi::xml_node graphic = rule.append_child("se:PointSymbolizer").append_child("se:Graphic");
            pugi::xml_node mark = graphic.append_child("se:Mark");
            mark.append_child("se:WellKnownName").text() = "circle";
            sldFill(mark, part.fill);
            if (part.width > 0) sldStroke(mark, part.stroke, part.width, {});
            graphic.append_child("se:Size").text() = number(part.size).c_str();
        } else if (part.kind == SymbolPart::Fill) {
            pugi::xml_node sym = rule.append_child("se:PolygonSymbolizer");
            if (part.fill.visible()) sldFill(sym, part.fill);
            if (part.width > 0) sldStroke(sym, part.stroke, part.width, {});
        } else {
            sldStroke(rule.append_child("se:LineSymbolizer"), part.stroke, part.width, part.dash);
        }
    }
}

void sldRule(pugi::xml_node style, const std::string& name, const std::string& attribute, const std::string& value,
             const std::vector<SymbolPart>& parts) {
    pugi::xml_node rule = style.append_child("se:Rule");
    rule.append_child("se:Name").text() = name.c_str();
    rule.append_child("se:Description").append_child("se:Title").text() = name.c_str();
    if (!attribute.empty()) {
        pugi::xml_node eq = rule.append_child("ogc:Filter").append_child("ogc:PropertyIsEqualTo");
        eq.append_child("ogc:PropertyName").text() = attribute.c_str();
        eq.append_child("ogc:Literal").text() = value.c_str();
    }
    sldSymbolizers(rule, parts);
}

} // namespace

std::string sldText(const LayerLook& look) {
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("StyledLayerDescriptor");
    root.append_attribute("xmlns") = "http://www.opengis.net/sld";
    root.append_attribute("xmlns:ogc") = "http://www.opengis.net/ogc";
    root.append_attribute("xmlns:se") = "http://www.opengis.net/se";
    root.append_attribute("xmlns:xlink") = "http://www.w3.org/1999/xlink";
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    root.append_attribute("version") = "1.1.0";
    root.append_attribute("xsi:schemaLocation") =
        "http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd";
    pugi::xml_node layer = root.append_child("NamedLayer");
    layer.append_child("se:Name").text() = look.table.c_str();
    pugi::xml_node user = layer.append_child("UserStyle");
    user.append_child("se:Name").text() = look.name.c_str();
    pugi::xml_node style = user.append_child("se:FeatureTypeStyle");
    if (look.attribute.empty()) sldRule(style, look.name, "", "", look.symbol);
    for (const Category& c : look.categories) sldRule(style, c.label, look.attribute, c.value, c.symbol);
    if (look.labels) {
        // SLD labels name one field: the expression's first (the language asked for).
        const std::string& e = look.labels->expression;
        const std::size_t q = e.find('"');
        const std::string fieldName = q == std::string::npos ? "name" : e.substr(q + 1, e.find('"', q + 1) - q - 1);
        pugi::xml_node text = style.append_child("se:Rule").append_child("se:TextSymbolizer");
        text.append_child("se:Label").append_child("ogc:PropertyName").text() = fieldName.c_str();
        pugi::xml_node font = text.append_child("se:Font");
        svgParameter(font, "font-family", look.labels->font);
        svgParameter(font, "font-size", number(look.labels->size * 96.0 / 72.0));
        if (look.labels->halo.visible()) {
            pugi::xml_node halo = text.append_child("se:Halo");
            halo.append_child("se:Radius").text() = number(look.labels->haloSize * 96.0 / 25.4).c_str();
            sldFill(halo, look.labels->halo);
        }
        sldFill(text, look.labels->colour);
    }
    std::ostringstream out;
    doc.save(out, " ");
    return out.str();
}

} // namespace app::qgis
