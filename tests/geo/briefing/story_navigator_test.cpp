// StoryNavigator: the presenter's position in a story, driven by a clicker or keyboard.

#include <geo/briefing/story_navigator.hpp>

#include <catch2/catch.hpp>

TEST_CASE("next, previous and first move one step and stop at the ends", "[story]") {
    geo::StoryNavigator nav(3);
    CHECK(nav.count() == 3);
    CHECK(nav.current() == 0);
    CHECK_FALSE(nav.previous()); // already at the start
    CHECK(nav.current() == 0);
    CHECK(nav.next());
    CHECK(nav.current() == 1);
    CHECK(nav.next());
    CHECK(nav.current() == 2);
    CHECK_FALSE(nav.next()); // past the end: no change
    CHECK(nav.current() == 2);
    CHECK(nav.previous());
    CHECK(nav.current() == 1);
    CHECK(nav.first());
    CHECK(nav.current() == 0);
    CHECK_FALSE(nav.first()); // already there
}

TEST_CASE("a navigator without steps never moves", "[story]") {
    geo::StoryNavigator nav;
    CHECK(nav.count() == 0);
    CHECK(nav.current() == 0);
    CHECK_FALSE(nav.next());
    CHECK_FALSE(nav.previous());
    CHECK_FALSE(nav.first());
    CHECK_FALSE(nav.jumpTo(1));
    nav.typeDigit(1);
    CHECK_FALSE(nav.enter());
    CHECK(nav.current() == 0);
}

TEST_CASE("jumpTo takes the step number as the presenter says it, from 1", "[story]") {
    geo::StoryNavigator nav(5);
    CHECK(nav.jumpTo(5));
    CHECK(nav.current() == 4);
    CHECK_FALSE(nav.jumpTo(5)); // already there
    CHECK(nav.jumpTo(1));
    CHECK(nav.current() == 0);
    CHECK_FALSE(nav.jumpTo(0)); // there is no step 0
    CHECK_FALSE(nav.jumpTo(6)); // out of range
    CHECK(nav.current() == 0);
}

TEST_CASE("typing a step number: digits, then Enter", "[story]") {
    geo::StoryNavigator nav(12);
    CHECK(nav.pending().empty());
    nav.typeDigit(1);
    nav.typeDigit(2);
    CHECK(nav.pending() == "12");
    CHECK(nav.current() == 0); // nothing happens before Enter
    CHECK(nav.enter());
    CHECK(nav.current() == 11);
    CHECK(nav.pending().empty());

    SECTION("a leading zero counts for nothing") {
        nav.typeDigit(0);
        nav.typeDigit(3);
        CHECK(nav.pending() == "03");
        CHECK(nav.enter());
        CHECK(nav.current() == 2);
    }
    SECTION("0 and numbers past the end do not move, and clear the entry") {
        nav.typeDigit(0);
        CHECK_FALSE(nav.enter());
        CHECK(nav.current() == 11);
        CHECK(nav.pending().empty());
        nav.typeDigit(1);
        nav.typeDigit(3);
        CHECK_FALSE(nav.enter());
        CHECK(nav.current() == 11);
        CHECK(nav.pending().empty());
    }
    SECTION("Enter with nothing typed does nothing") {
        CHECK_FALSE(nav.enter());
        CHECK(nav.current() == 11);
    }
    SECTION("at most 4 digits are kept") {
        for (int d : {9, 8, 7, 6, 5, 4}) nav.typeDigit(d);
        CHECK(nav.pending() == "9876");
        CHECK_FALSE(nav.enter()); // step 9876 does not exist
        CHECK(nav.current() == 11);
    }
    SECTION("values that are not digits are ignored") {
        nav.typeDigit(-1);
        nav.typeDigit(10);
        nav.typeDigit(4);
        CHECK(nav.pending() == "4");
    }
    SECTION("cancel clears what was typed") {
        nav.typeDigit(3);
        nav.cancel();
        CHECK(nav.pending().empty());
        CHECK_FALSE(nav.enter());
        CHECK(nav.current() == 11);
    }
}

TEST_CASE("blanking the screen: next and previous first unblank, without moving", "[story]") {
    geo::StoryNavigator nav(3);
    nav.next();
    CHECK_FALSE(nav.blanked());
    nav.toggleBlank();
    CHECK(nav.blanked());
    CHECK_FALSE(nav.next()); // unblanks only
    CHECK_FALSE(nav.blanked());
    CHECK(nav.current() == 1);
    CHECK(nav.next());
    CHECK(nav.current() == 2);

    nav.toggleBlank();
    CHECK_FALSE(nav.previous()); // unblanks only
    CHECK_FALSE(nav.blanked());
    CHECK(nav.current() == 2);

    nav.toggleBlank();
    nav.toggleBlank(); // B again: back
    CHECK_FALSE(nav.blanked());
    CHECK(nav.previous());
    CHECK(nav.current() == 1);
}

TEST_CASE("reset on reload keeps the step when it still exists, else clamps", "[story]") {
    geo::StoryNavigator nav(5);
    nav.jumpTo(3);
    nav.typeDigit(4);
    nav.reset(6); // a step was added
    CHECK(nav.count() == 6);
    CHECK(nav.current() == 2);
    CHECK(nav.pending().empty());
    nav.reset(3); // still a step
    CHECK(nav.current() == 2);
    nav.reset(2); // the current step went away: the last one
    CHECK(nav.current() == 1);
    nav.reset(0);
    CHECK(nav.current() == 0);
    CHECK_FALSE(nav.next());
    nav.reset(4);
    CHECK(nav.current() == 0);
    CHECK(nav.next());
}
