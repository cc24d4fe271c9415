"""The coordinator's first day on a new store, at the two laptop screens rrdesk must fit: set up
the store, enter a referral under threshold discussion (the stage asked first, the answers that
matter unchosen, "What happened" checked as it is typed), notify it, and go to its agency forms.

Each step leaves a screenshot in tests/walks/screens/coordinator-day/<size>/ (git ignores it),
for a person to look through.
"""

from __future__ import annotations

import shutil
import time

import pytest

from tests.walks.walker import ROOT, Walker, Word, no_tracebacks, shows

PASSPHRASE = "a first day at the partnership"
PARTNERSHIP = "Northmoor Safeguarding Children Partnership"
SCREENS = ROOT / "tests" / "walks" / "screens" / "coordinator-day"


class Day:
    """The walk's steps, each kept as a screenshot."""

    def __init__(self, walker: Walker) -> None:
        self.walker = walker
        self.screens = SCREENS / walker.size
        shutil.rmtree(self.screens, ignore_errors=True)
        self.screens.mkdir(parents=True)
        self.step = 0

    def keep(self, name: str) -> str:
        """Screenshot the step for a person to look at; the words on screen."""
        self.step += 1
        shot = self.walker.shot(name)
        shutil.copy(shot, self.screens / f"{self.step:02d}-{name}.png")
        return self.walker.read()

    def word(self, text: str, *, below: int = 0, above: int = 10_000) -> Word:
        """The first word on screen containing ``text``, between two heights."""
        for _ in range(20):
            for word in self.walker.words():
                if text in word.text and below <= word.top <= above:
                    return word
            time.sleep(0.5)
        raise AssertionError(f"{text!r} is not on screen:\n{self.walker.read()}")

    def click_below(self, *label: str, by: int) -> None:
        """Click the box ``by`` pixels under a field's label."""
        found = self.walker.find(*label)
        assert found, f"{' '.join(label)!r} is not on screen:\n{self.walker.read()}"
        self.walker.click(found[0].left + 60, found[0].top + by)

    def choose(self, *option: str) -> None:
        """Click a radio button on its circle, left of its words (the last place they are)."""
        found = self.walker.find(*option)
        assert found, f"{' '.join(option)!r} is not on screen:\n{self.walker.read()}"
        self.walker.click(found[-1].left - 12, found[-1].centre[1])

    def page_button(self) -> None:
        """The question page's main button (Continue, Save case), at the window's bottom right:
        light text on the house colour, which the text recognition does not read."""
        width, height = self.walker.window_sizes()[-1]
        self.walker.click(width - 58, height - 53)


def set_up_a_new_store(day: Day) -> None:
    walker = day.walker
    walker.start("--store", str(walker.folder / "partnership.rrdesk"))
    walker.wait_to_read("Set up rrdesk")
    seen = day.keep("set-up")
    assert "root" not in seen, "'Your name' is never the computer's login"
    walker.type(PARTNERSHIP)
    walker.key("Tab")
    walker.type("Rory Penhallow")
    walker.key("Return")
    walker.wait_to_read("Choose a passphrase")
    walker.type(PASSPHRASE)
    walker.key("Tab")
    walker.type(PASSPHRASE)
    walker.key("Return")
    time.sleep(3)  # the key is derived: a deliberately slow step
    day.keep("recovery-key")
    walker.key("Tab", "space", "Return")  # "I have stored the recovery key safely", Create
    walker.wait_to_read("Signed in as")
    walker.focus()
    seen = day.keep("first-run")
    assert shows(seen, "Signed in as Rory Penhallow")


def enter_a_referral(day: Day) -> None:
    walker = day.walker
    walker.key("ctrl+n")
    walker.wait_to_read("Where is the case in the process?")
    day.keep("stage-first")
    day.choose("Referred")
    day.page_button()
    walker.wait_to_read("About the child or children")
    day.click_below("Pseudonym", "used", by=43)
    walker.type("Child P")
    walker.key("Tab")
    walker.type("Poppy Walkthrough-Fictional")
    width, _height = walker.window_sizes()[-1]
    walker.wheel(width // 2, 400, "down", 3)
    day.choose("Female")  # none preset
    walker.wheel(width // 2, 400, "down", 10)
    seen = day.keep("child-answers-unchosen")
    assert shows(seen, "Seriously harmed")
    day.choose("Seriously", "harmed")
    day.choose("Early", "help")
    day.keep("child-answered")
    day.page_button()
    walker.wait_to_read("Dates")
    assert not shows(walker.read(), "There is a problem"), "a page opens with no problems"
    day.page_button()  # dates: not known yet
    day.page_button()  # authorities
    walker.wait_to_read("What happened")
    label = day.word("Summary")  # read as "‘Summary" at times
    walker.click(label.left + 60, label.top + 100)
    walker.type("A 13-year-old was found injured at home. Known to CSC.")
    seen = walker.wait_to_read("Things to look at")
    day.keep("what-happened-checked")
    assert shows(seen, "CSC")
    walker.click_text("Replace")
    day.page_button()  # what happened
    walker.wait_to_read("How did the case come in?")
    day.choose("Referral", "by", "a", "professional")  # none preset
    for _page in ("referral", "threshold", "parallel processes"):
        day.page_button()
    seen = walker.wait_to_read("Check your answers before saving the case")
    day.keep("check-your-answers")
    assert shows(seen, "Known to children's social care.")
    day.page_button()  # Save case
    seen = walker.wait_to_read("RR-2026-001")
    day.keep("referral-saved")
    assert shows(seen, "Referred, threshold not yet decided")


def notify_it(day: Day) -> None:
    walker = day.walker
    change = day.word("Change", below=150)
    walker.click(*change.centre)  # the stage's Change link, the first
    walker.wait_to_read("Where is the case in the process?")
    day.choose("Notified")
    day.page_button()
    seen = walker.wait_to_read("There is a problem")
    day.keep("notification-date-asked")
    assert shows(seen, "Enter the date the notification was sent")
    walker.click_text("Enter", "the", "date", "the", "notification")
    walker.type("4")
    walker.key("Tab")
    walker.type("12")
    walker.key("Tab")
    walker.type("2026")
    day.page_button()
    seen = walker.wait_to_read("4 December 2026")
    day.keep("notified")
    assert shows(seen, "Notification sent (day 0)")
    assert not shows(seen, "Not decided yet"), "notified: the threshold was met"


def go_to_its_agency_forms(day: Day) -> None:
    walker = day.walker
    tab = day.word("Agency", above=60)
    walker.click(*tab.centre)
    walker.wait_to_read("Agency check forms")
    day.keep("agency-forms")
    walker.click_text("Choose", "agencies")
    walker.focus()
    seen = walker.wait_to_read("directory has no agencies")
    day.keep("no-agencies-yet")
    assert shows(seen, "Directory")
    walker.key("Return")


@pytest.mark.parametrize("walker", ["1366x768", "1024x768"], indirect=True)
def test_the_coordinators_first_day(walker: Walker) -> None:
    day = Day(walker)
    set_up_a_new_store(day)
    enter_a_referral(day)
    notify_it(day)
    go_to_its_agency_forms(day)
    assert walker.alive
    no_tracebacks(walker)
