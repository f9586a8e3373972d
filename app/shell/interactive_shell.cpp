#include "shell/interactive_shell.hpp"

#include "present/presenter_view.hpp"
#include "shell/display_choice.hpp"
#include "shell/imgui_sfml.hpp"

#include <geo/base/settings.hpp>

#include <SFML/System/Clock.hpp>
#include <SFML/Window/VideoMode.hpp>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <thread>

namespace app {

namespace {
constexpr const char* kTitle = "Taiwan–Kyushu cooperation map";
} // namespace

InteractiveShell::InteractiveShell(ViewerOptions options) : m_options(std::move(options)) {}

InteractiveShell::~InteractiveShell() = default;

bool InteractiveShell::loadSettings() {
    // What the last session left: the view, the language, the sidebar, reduced motion. The
    // command line wins; a settings file that cannot be read is set aside, with a message.
    m_settingsFile = m_options.rememberSettings ? geo::settingsPath() : std::filesystem::path();
    if (m_settingsFile.empty()) return false;
    geo::Diagnostics messages;
    const geo::SettingsLoad remembered = geo::loadSettings(m_settingsFile);
    for (const auto& d : remembered.diagnostics) spdlog::warn("{}", d.format());
    messages = remembered.diagnostics; // shown with the other messages
    const geo::Settings& s = remembered.settings;
    if (s.view && !m_options.view && m_options.trips.empty() && !m_options.present)
        m_options.view = InitialView{s.view->lon, s.view->lat, s.view->zoom};
    if (s.language && !m_options.languageGiven)
        m_options.language = *s.language == geo::Language::Zh ? "zh" : *s.language == geo::Language::Ja ? "ja" : "en";
    if (s.sidebar && !*s.sidebar) m_options.noSidebar = true;
    if (s.reducedMotion && *s.reducedMotion) m_options.reducedMotion = true;
    // A settings folder that cannot be written (a read-only home, XDG_CONFIG_HOME through a
    // file): said once now, in the window, and not tried again on quitting.
    bool save = true;
    if (std::string why; !geo::settingsWritable(m_settingsFile, why)) {
        spdlog::warn("settings will not be remembered: {}", why);
        messages.push_back({geo::Severity::Warning, m_settingsFile.string(), 0, 0, "the view and language will not be remembered: " + why,
                            "check XDG_CONFIG_HOME, or that the folder can be written"});
        save = false;
    }
    m_session = std::make_unique<Session>(m_options);
    m_session->setSettingsMessages(std::move(messages));
    return save;
}

void InteractiveShell::saveSettings() {
    Session& s = *m_session;
    geo::Settings settings;
    const glm::dvec2 ll = s.projection().inverse(s.camera().center());
    if (std::isfinite(ll.x) && std::isfinite(ll.y)) settings.view = geo::Settings::View{ll.x, ll.y, s.camera().zoom()};
    if (s.document().hasContent()) {
        settings.language = s.content().state.language;
        settings.sidebar = s.content().state.sidebar;
    }
    settings.reducedMotion = s.presentation().reducedMotion;
    std::string error;
    if (!geo::saveSettings(m_settingsFile, settings, error)) spdlog::warn("settings not saved: {}", error);
}

int InteractiveShell::run() {
    const bool saveOnQuit = loadSettings();
    if (!m_session) m_session = std::make_unique<Session>(m_options);
    Session& s = *m_session;
    s.setFollowDisplay(true);
    s.presenting().setHost(this);
    m_fullscreen = m_options.fullscreen;
    if (m_fullscreen) {
        const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
        s.camera().setViewport({static_cast<double>(desktop.width), static_cast<double>(desktop.height)});
    }
    s.startLoading(); // the data loads while the window and its GL context come up
    createWindow();   // (it must not touch the camera: loading is using it)
    s.finishLoading();
    fitCameraToWindow();
    if (!m_arrow.loadFromSystem(sf::Cursor::Arrow)) spdlog::debug("no system arrow cursor");
    if (!s.initGraphics(m_window.get())) return 1;
    if (m_options.present) s.presenting().enter(m_options.presentStory, static_cast<std::size_t>(std::max(m_options.step - 1, 0)));
    // --capture-windows: every level of detail first, so that the frames do not depend on timing.
    int captureIn = m_options.captureDir.empty() ? -1 : 4;
    if (captureIn > 0) s.waitForAllLevels();
    // The presenter window is redrawn after input and when its clock ticks, not with every
    // frame of a flight or of playback (it would halve the projector's frame rate on llvmpipe).
    std::time_t presenterSecond = 0;
    int presenterRedraw = 0;
    auto drawPresenter = [&](float dt, bool capture, std::time_t second) {
        sf::Image image;
        if (!m_presenterWindow.isOpen() || (!capture && presenterRedraw <= 0 && second == presenterSecond)) return image;
        presenterSecond = second;
        presenterRedraw = std::max(presenterRedraw - 1, 0);
        image = drawPresenterWindow(dt, capture);
        if (s.fonts().rebuildIfNeeded()) presenterRedraw = std::max(presenterRedraw, 1); // its text needed new glyphs
        return image;
    };

    sf::Clock clock;
    sf::Clock frameClock; // animation time (flights, playback), also while idle
    int redraw = 3;       // frames still to draw: ImGui needs a couple to settle after input
    while (!m_quit) {
        sf::Event event;
        bool any = false;
        while (m_window->pollEvent(event)) {
            // Tab always shows or hides the sidebar, even while a text field has the keyboard
            // (ImGui would move the focus instead).
            if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Tab) {
                s.content().state.sidebar = !s.content().state.sidebar;
                any = true;
                continue;
            }
            if (event.type == sf::Event::KeyReleased && event.key.code == sf::Keyboard::Tab) continue;
            imgui_sfml::processEvent(event);
            handleEvent(event);
            any = true;
        }
        // The presenter window: the same keys; closing it leaves presentation mode.
        while (m_presenterWindow.isOpen() && m_presenterWindow.window().pollEvent(event)) {
            m_presenterWindow.processEvent(event);
            if (event.type == sf::Event::Closed) s.presenting().leave();
            else if (event.type == sf::Event::KeyPressed) handleKey(event.key);
            any = true;
        }
        if (any) presenterRedraw = 3;
        if (m_quit) break;
        s.presentation().presenterWindow = m_presenterWindow.isOpen();
        // The laser stands in for the system cursor while it shows.
        if (const bool hide = s.presentation().active() && s.tools().hidesCursor(); hide != m_cursorHidden) {
            imgui_sfml::setCursorHidden(hide);
            m_cursorHidden = hide;
        }
        if (const auto story = s.takePresentRequest()) s.presenting().enter(*story);
        const double dt = std::min(frameClock.restart().asSeconds(), 0.1f);
        if (s.update(dt)) any = true;
        if (captureIn > 0) any = true;
        if (any) redraw = 3;
        const std::time_t second = std::time(nullptr);
        if (redraw <= 0) {
            drawPresenter(static_cast<float>(dt), false, second);
            // Nothing changed: don't spend the presenter's battery redrawing the same picture.
            std::this_thread::sleep_for(std::chrono::milliseconds(8));
            continue;
        }
        --redraw;
        const sf::Vector2u size = m_window->getSize();
        if (size.x == 0 || size.y == 0) continue; // minimised
        const float frameDt = clock.restart().asSeconds();
        s.renderFrame({static_cast<int>(size.x), static_cast<int>(size.y)}, frameDt);
        const bool capture = captureIn > 0 && --captureIn == 0;
        const sf::Image mapFrame = capture ? readBackBuffer(size) : sf::Image();
        m_window->display();
        const sf::Image presenterFrame = drawPresenter(frameDt, capture, second);
        if (capture) {
            writeCapture(mapFrame, presenterFrame);
            m_quit = true;
        }
    }
    if (s.presentation().active()) s.presenting().leave(); // the everyday sidebar state is the one to keep
    if (saveOnQuit) saveSettings();
    s.presenting().setHost(nullptr);
    imgui_sfml::shutdown(&m_arrow);
    s.shutdownGraphics();
    m_presenterWindow.close();
    m_window->close();
    return 0;
}

void InteractiveShell::createWindow() {
    const sf::VideoMode mode = m_fullscreen ? sf::VideoMode::getDesktopMode()
                                            : sf::VideoMode(static_cast<unsigned>(m_options.width), static_cast<unsigned>(m_options.height));
    if (!m_window) m_window = std::make_unique<sf::Window>();
    const sf::String title = sf::String::fromUtf8(kTitle, kTitle + std::char_traits<char>::length(kTitle));
    if (m_projectorMonitor) {
        // Several displays share one X screen: sf::Style::Fullscreen would switch the video mode
        // of all of them. Borderless, exactly over the projector's monitor, instead.
        const Monitor& m = *m_projectorMonitor;
        m_window->create(sf::VideoMode(static_cast<unsigned>(m.width), static_cast<unsigned>(m.height)), title, sf::Style::None,
                         Session::contextSettings());
        m_window->setPosition({m.x, m.y});
    } else {
        m_window->create(mode, title, m_fullscreen ? sf::Style::Fullscreen : sf::Style::Default, Session::contextSettings());
        if (!m_fullscreen) {
            std::string error; // (no monitor list: centred on the whole screen)
            const sf::VideoMode screen = sf::VideoMode::getDesktopMode();
            const WindowPosition p = centredWindow(platform::queryMonitors(error), static_cast<int>(mode.width), static_cast<int>(mode.height),
                                                   static_cast<int>(screen.width), static_cast<int>(screen.height));
            m_window->setPosition({p.x, p.y});
        }
    }
    m_window->setVerticalSyncEnabled(true);
    m_window->setKeyRepeatEnabled(true);
    m_window->setActive(true);
}

void InteractiveShell::fitCameraToWindow() {
    // As a resize: presenting (F11 in a story), the step is framed again for the new shape.
    const sf::Vector2u size = m_window->getSize();
    m_session->resized(static_cast<int>(size.x), static_cast<int>(size.y));
}

void InteractiveShell::toggleFullscreen() {
    m_fullscreen = !m_fullscreen;
    createWindow(); // GL objects live on: SFML's contexts share them
    fitCameraToWindow();
    imgui_sfml::setWindow(m_window.get());
}

void InteractiveShell::handleEvent(const sf::Event& event) {
    Session& s = *m_session;
    const ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case sf::Event::Closed: m_quit = true; break;
    case sf::Event::Resized:
        // Keeps the centre and the scale: the map does not jump.
        s.resized(static_cast<int>(event.size.width), static_cast<int>(event.size.height));
        break;
    case sf::Event::MouseButtonPressed:
        if (!io.WantCaptureMouse && event.mouseButton.button == sf::Mouse::Left) {
            m_dragging = true;
            m_dragMoved = false;
            m_lastMouse = m_pressAt = {event.mouseButton.x, event.mouseButton.y};
            // Presenting: ink and the zoom box (Shift) take the drag instead of panning.
            const bool shift =
                m_shiftDown || sf::Keyboard::isKeyPressed(sf::Keyboard::LShift) || sf::Keyboard::isKeyPressed(sf::Keyboard::RShift);
            m_toolDrag = s.presentation().active() &&
                         s.tools().press({static_cast<double>(event.mouseButton.x), static_cast<double>(event.mouseButton.y)}, shift);
        }
        break;
    case sf::Event::MouseButtonReleased:
        if (event.mouseButton.button == sf::Mouse::Left && m_dragging) {
            m_dragging = false;
            const glm::dvec2 at{static_cast<double>(event.mouseButton.x), static_cast<double>(event.mouseButton.y)};
            const bool tool = s.presentation().active() && (s.tools().release(at, m_dragMoved) || m_toolDrag);
            m_toolDrag = false;
            // Presenting, a click on a site or a link opens it (a detour; Z comes back); one on
            // nothing (a clicker in mouse mode, a touchpad tap) changes nothing.
            if (!tool && !m_dragMoved) s.click(at);
        }
        break;
    case sf::Event::MouseMoved: {
        const sf::Vector2i p{event.mouseMove.x, event.mouseMove.y};
        if (s.presentation().active() && !io.WantCaptureMouse) s.tools().move({static_cast<double>(p.x), static_cast<double>(p.y)});
        if (m_dragging && (std::abs(p.x - m_pressAt.x) > 3 || std::abs(p.y - m_pressAt.y) > 3)) m_dragMoved = true;
        if (m_dragging && m_dragMoved && !m_toolDrag) {
            s.camera().panPixels({static_cast<double>(p.x - m_lastMouse.x), static_cast<double>(p.y - m_lastMouse.y)});
            m_lastMouse = p;
        }
        s.setPointer(io.WantCaptureMouse && !m_dragging ? std::nullopt : std::optional<glm::dvec2>(glm::dvec2(p.x, p.y)), m_dragging);
        break;
    }
    case sf::Event::MouseLeft:
        s.setPointer(std::nullopt);
        s.tools().pointerLeft();
        break;
    case sf::Event::MouseWheelScrolled:
        if (!io.WantCaptureMouse && event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel &&
            !(s.presentation().active() && s.tools().wheel(event.mouseWheelScroll.delta)))
            s.camera().zoomAbout({static_cast<double>(event.mouseWheelScroll.x), static_cast<double>(event.mouseWheelScroll.y)},
                                 std::pow(1.25, static_cast<double>(event.mouseWheelScroll.delta)));
        break;
    case sf::Event::KeyPressed:
        if (event.key.code == sf::Keyboard::LShift || event.key.code == sf::Keyboard::RShift) m_shiftDown = true;
        if (!io.WantCaptureKeyboard) handleKey(event.key);
        break;
    case sf::Event::KeyReleased:
        if (event.key.code == sf::Keyboard::LShift || event.key.code == sf::Keyboard::RShift) m_shiftDown = false;
        break;
    case sf::Event::LostFocus:
        m_dragging = false;
        m_shiftDown = false;
        break;
    default: break;
    }
}

bool InteractiveShell::handleScaleKey(const sf::Event::KeyEvent& key) {
    if (!key.control) return false;
    Session& s = *m_session;
    float base = s.baseUiScale();
    switch (key.code) {
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal: base += 0.25f; break;
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen: base -= 0.25f; break;
    case sf::Keyboard::Num0:
    case sf::Keyboard::Numpad0: base = 1.0f; break;
    default: return false;
    }
    s.setBaseUiScale(base);
    char text[48];
    std::snprintf(text, sizeof text, "interface scale %.2fx (Ctrl+0: 1x)", static_cast<double>(s.uiScale()));
    if (s.presentation().active()) {
        s.presentation().flash(text);
        s.applyCurrentStep(false); // the caption and panels changed size
    }
    spdlog::info("{}", text);
    return true;
}

void InteractiveShell::handleKey(const sf::Event::KeyEvent& key) {
    if (handleScaleKey(key)) return;
    Session& s = *m_session;
    if (s.presentation().active()) {
        if (s.presenting().handleKey(key.code)) return;
        if (key.code == sf::Keyboard::F11 && !m_projectorMonitor) toggleFullscreen();
        else if (key.code == sf::Keyboard::Q && key.control) m_quit = true;
        return;
    }
    const glm::dvec2 vp = s.camera().viewport();
    const double step = std::min(vp.x, vp.y) / 6.0;
    switch (key.code) {
    case sf::Keyboard::Left: s.camera().panPixels({step, 0}); break;
    case sf::Keyboard::Right: s.camera().panPixels({-step, 0}); break;
    case sf::Keyboard::Up: s.camera().panPixels({0, step}); break;
    case sf::Keyboard::Down: s.camera().panPixels({0, -step}); break;
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal: s.camera().zoomAbout(vp * 0.5, 1.5); break;
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen: s.camera().zoomAbout(vp * 0.5, 1.0 / 1.5); break;
    case sf::Keyboard::Home: s.homeView(); break;
    case sf::Keyboard::F11: toggleFullscreen(); break;
    case sf::Keyboard::Escape: geo::escape(s.content().state); break;
    case sf::Keyboard::L: s.overlay().showLayers = !s.overlay().showLayers; break;
    case sf::Keyboard::P:
    case sf::Keyboard::F5: s.presenting().enter(s.presentation().storyId()); break;
    case sf::Keyboard::Space: geo::togglePlay(s.content().state, s.document().scene()); break;
    case sf::Keyboard::M: s.overlay().showMessages = !s.overlay().showMessages; break;
    case sf::Keyboard::F1: s.overlay().showHelp = !s.overlay().showHelp; break;
    case sf::Keyboard::Q:
        if (key.control) m_quit = true;
        break;
    default: break;
    }
}

void InteractiveShell::presentingStarts() {
    if (!m_window) return;
    if (!m_saved) m_saved = SavedWindow{m_fullscreen, m_window->getPosition(), m_window->getSize()};
    // Rehearsing at a desk: the map window and the presenter window side by side.
    if (m_options.rehearse && !m_projectorMonitor && openPresenterBeside()) return;
    // Two displays: the map on the projector, the presenter window on the laptop. One: full screen.
    const bool onTwoDisplays = m_projectorMonitor || presentOnTwoDisplays();
    if (!m_fullscreen && !onTwoDisplays) toggleFullscreen();
}

void InteractiveShell::togglePresenterWindow() {
    if (m_projectorMonitor) return; // two displays: it is on the laptop's already
    if (m_presenterWindow.isOpen()) {
        m_presenterWindow.close();
        m_window->setActive(true);
        return;
    }
    if (!openPresenterBeside()) m_session->presentation().flash("the presenter window cannot open; O shows the overlay");
}

bool InteractiveShell::openPresenterBeside() {
    // The screen split: the map on the left three fifths (16:9 where it fits), the presenter
    // window on the rest, both on the display the map window is on.
    const sf::VideoMode screen = sf::VideoMode::getDesktopMode();
    std::string error;
    const std::vector<Monitor> monitors = platform::queryMonitors(error);
    Monitor area{"screen", 0, 0, static_cast<int>(screen.width), static_cast<int>(screen.height), true};
    const sf::Vector2i at = m_window->getPosition();
    for (const Monitor& m : monitors)
        if (at.x >= m.x && at.x < m.x + m.width && at.y >= m.y && at.y < m.y + m.height) area = m;
    if (m_fullscreen) toggleFullscreen();
    const int mapWidth = area.width * 3 / 5;
    const int mapHeight = std::min(area.height - 40, mapWidth * 9 / 16);
    m_window->setSize({static_cast<unsigned>(mapWidth), static_cast<unsigned>(mapHeight)});
    m_window->setPosition({area.x, area.y});
    fitCameraToWindow();
    Monitor beside = area;
    beside.name = "beside the map";
    beside.x = area.x + mapWidth;
    beside.width = area.width - mapWidth;
    beside.height = std::max(mapHeight, area.height * 2 / 3);
    const bool open = m_presenterWindow.open(beside, m_session->uiScale());
    if (!open) spdlog::warn("presenter window: cannot open it beside the map window");
    m_window->setActive(true);
    return open;
}

void InteractiveShell::presentingEnds() {
    if (!m_window || !m_saved) return;
    if (m_presenterWindow.isOpen() && !m_projectorMonitor) { // rehearsing: the window beside goes
        m_presenterWindow.close();
        m_window->setActive(true);
        if (m_saved->size.x > 0 && m_saved->size.y > 0 && !m_saved->fullscreen) {
            m_window->setSize(m_saved->size);
            m_window->setPosition(m_saved->position);
            fitCameraToWindow();
        }
    }
    if (m_projectorMonitor) {
        // Back from the projector's display to the window as it was.
        m_presenterWindow.close();
        m_projectorMonitor.reset();
        m_fullscreen = m_saved->fullscreen;
        createWindow();
        if (!m_fullscreen && m_saved->size.x > 0 && m_saved->size.y > 0) {
            m_window->setSize(m_saved->size);
            m_window->setPosition(m_saved->position);
        }
        fitCameraToWindow();
        imgui_sfml::setWindow(m_window.get());
    } else if (m_fullscreen != m_saved->fullscreen) {
        toggleFullscreen();
    }
    m_saved.reset();
}

bool InteractiveShell::presentOnTwoDisplays() {
    std::string error;
    const std::vector<Monitor> monitors = platform::queryMonitors(error);
    if (!error.empty()) spdlog::info("displays: {}; presenting full screen", error);
    const DisplayChoice choice = chooseDisplays(monitors, m_options.display);
    if (!choice.message.empty()) {
        spdlog::warn("{}", choice.message);
        m_session->addMessage(choice.message, "give a number or a name from the list");
    }
    if (!choice.twoDisplays()) return false;
    const Monitor& projector = monitors[static_cast<std::size_t>(choice.projector)];
    const Monitor& laptop = monitors[static_cast<std::size_t>(choice.presenter)];
    spdlog::info("displays: {}; the map on {}, the presenter window on {}", describeMonitors(monitors), projector.name, laptop.name);
    m_projectorMonitor = projector;
    createWindow();
    fitCameraToWindow();
    imgui_sfml::setWindow(m_window.get());
    if (!m_presenterWindow.open(laptop, m_session->uiScale()))
        spdlog::warn("presenter window: cannot open it on {}; O shows the presenter overlay on the projector", laptop.name);
    m_window->setActive(true);
    return true;
}

sf::Image InteractiveShell::drawPresenterWindow(float dt, bool capture) {
    sf::Image image;
    Session& s = *m_session;
    if (!m_presenterWindow.isOpen() || !s.document().hasContent()) return image;
    s.updateNextPicture(); // on the map's context: a new step's picture, once
    const NextPicture next = s.hasNextPicture()
                                 ? NextPicture{s.nextPicture().texture(), s.nextPicture().width(), s.nextPicture().height()}
                                 : NextPicture{};
    m_presenterWindow.frame(
        [&] {
            drawPresenterView(s.presentation(), s.tools(), s.document().briefing(), s.fonts(), s.palette(), s.content().state.language,
                              s.uiScale(), next);
        },
        dt);
    if (capture) image = m_presenterWindow.capture();
    m_presenterWindow.display();
    m_window->setActive(true); // the map's context again
    return image;
}

void InteractiveShell::writeCapture(const sf::Image& map, const sf::Image& presenter) {
    const std::filesystem::path& dir = m_options.captureDir;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::ofstream placement(dir / "windows.txt");
    auto line = [&](const char* what, sf::Window* window) {
        if (!window) {
            placement << what << " none\n";
            return;
        }
        // Where X has the window (SFML asks the server: XTranslateCoordinates to the root window).
        const sf::Vector2i p = window->getPosition();
        const sf::Vector2u size = window->getSize();
        placement << what << ' ' << size.x << 'x' << size.y << '+' << p.x << '+' << p.y << '\n';
    };
    line("map", m_window.get());
    line("presenter", m_presenterWindow.isOpen() ? &m_presenterWindow.window() : nullptr);
    if (!placement) spdlog::error("--capture-windows: cannot write {}", (dir / "windows.txt").string());
    if (!map.saveToFile((dir / "map.png").string())) spdlog::error("--capture-windows: cannot write map.png in {}", dir.string());
    if (presenter.getSize().x > 0 && !presenter.saveToFile((dir / "presenter.png").string()))
        spdlog::error("--capture-windows: cannot write presenter.png in {}", dir.string());
    spdlog::info("wrote the windows' frames and placement to {}", dir.string());
}

} // namespace app
