#pragma once
// The balloons of the Google Earth export: HTML built as an element tree (pugixml), so that
// every text is escaped where it is written and no markup is pieced together by hand.

#include <geo/base/language.hpp>
#include <geo/briefing/briefing.hpp>

#include <pugixml.hpp>

#include <string>
#include <vector>

namespace app {

// A small HTML builder: one function per element kind, each taking plain text.
class HtmlBuilder {
public:
    HtmlBuilder();
    void heading(const std::string& text);                                  // <h3>
    void subheading(const std::string& text);                               // <h4>
    void paragraph(const std::string& text, const std::string& lang = "");  // <p lang=…>
    void detail(const std::string& label, const std::string& value);        // <p><b>label</b> value</p>
    void list(const std::vector<std::string>& items);                       // <ul><li>…
    struct Item {
        std::string text;
        std::vector<std::string> children;
    };
    void outline(const std::vector<Item>& items);                           // <ul><li>…<ul><li>…
    std::string html() const;                                                // the fragment, serialized

private:
    pugi::xml_document m_doc;
    pugi::xml_node m_root;
};

// Writes the balloons in `language` first, then English (when it is another text).
class BalloonWriter {
public:
    BalloonWriter(const geo::Briefing& briefing, geo::Language language);

    std::string site(const geo::Site& site) const;
    std::string stop(const geo::Trip& trip, std::size_t stopIndex) const;
    std::string leg(const geo::Trip& trip, std::size_t fromStop, std::size_t toStop) const;
    std::string partnership(const geo::Partnership& partnership) const;
    std::string caption(const geo::Story& story, std::size_t stepIndex) const;

    // The texts a balloon shows: the one in the language, then the English one if it differs.
    std::vector<std::pair<std::string, std::string>> texts(const std::string& source, const std::string& english) const;
    std::string siteName(const std::string& siteId) const;
    std::string tripTitle(const geo::Trip& trip) const;
    std::string partnershipName(const geo::Partnership& partnership) const;
    std::string storyTitle(const geo::Story& story) const;

private:
    void notes(HtmlBuilder& html, const std::string& source, const std::string& english) const;
    void sources(HtmlBuilder& html, const std::vector<geo::SourceRef>& refs) const;
    std::string when(const geo::Stop& stop) const;
    std::string stopLine(const geo::Stop& stop) const;
    std::vector<std::string> milestones(const geo::Partnership& partnership) const;
    std::string sourceLanguage() const;

    const geo::Briefing& m_briefing;
    geo::Language m_language;
};

} // namespace app
