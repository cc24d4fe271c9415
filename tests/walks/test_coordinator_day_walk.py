"""The coordinator's first day on a new store, walked the whole way at each of the two laptop
screens rrdesk must fit, 1366 by 768 and 1024 by 768, with the same steps: set up
the store, enter a referral under threshold discussion (the stage asked first, the answers that
matter unchosen, "What happened" checked as it is typed), notify it, add a person from each
agency to the directory, choose and request the agencies, enter the police's form with case
notes pasted into it (the checks name them, the author rewrites them), return it for more
information, and ask to quality assure it when it comes back unchanged (the question names the
sections not done, and Enter chooses Go back) before marking it anyway. Between times the
coordinator reads the Help menu's guide, saves social care's Word form with its password, and
adds it when it comes back filled in (checked beside the current answers, then accepted); the
day ends with the panel pack, read back: it counts the agencies as the tab does and names the
two forms not in it, with why.

Each step leaves a screenshot in tests/walks/screens/coordinator-day/<size>/ (git ignores it),
for a person to look through.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from rrdesk.domain.timetable.dates import format_date
from tests.walks.coordinator_day import Day
from tests.walks.coordinator_day_papers import (
    add_the_returned_word_form,
    build_the_panel_pack,
    fill_in_the_word_form,
    read_the_guide,
    save_the_word_form,
)
from tests.walks.screen_reading import shows
from tests.walks.walker import Walker, no_tracebacks

PASSPHRASE = "a first day at the partnership"
PARTNERSHIP = "Northmoor Safeguarding Children Partnership"
POLICE = "Northmoor Police"
SOCIAL_CARE = "Northmoor Social Care"
HEALTH = "Northmoor Health Visiting"
AGENCIES = (HEALTH, POLICE, SOCIAL_CARE)
RETURN_NOTE = "Please complete the other sections."


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
    assert shows(seen, "No cases yet"), "the empty list says how to start"


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
    # The page's heading: the reader can split the question's line from its words when a long
    # hint sits below it (Referrer's name's), as if the page had two columns.
    walker.wait_to_read("How the case came in")
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
    tab = day.word("gency", above=60)  # the tab row; its capital A is at times read as "a"
    walker.click(*tab.centre)
    walker.wait_to_read("Agency check forms")
    day.keep("agency-forms")
    walker.click_text("Choose", "agencies")
    walker.focus()
    seen = walker.wait_to_read("directory has no agencies")
    day.keep("no-agencies-yet")
    assert shows(seen, "Directory")
    walker.key("Return")


PEOPLE = (
    ("Dana Okafor", POLICE, "Detective sergeant", "dana.okafor@northmoor.example"),
    ("Sam Reid", SOCIAL_CARE, "Team manager", "sam.reid@northmoor.example"),
    ("Ife Adebayo", HEALTH, "Named nurse", "ife.adebayo@northmoor.example"),
)
# What a police officer copies from the force's system into "What went well?".
CASE_NOTES = (
    "12/10/2026 14:32 Case Note\n"
    "Contact Type: Home visit\n"
    "Recorded by: PC 4471\n"
    "Attended address re MISPER. Child P returned home, NFA."
)
OWN_WORDS = (
    "Officers went to the home the same day Child P was reported missing, found her safe and "
    "told children's social care."
)


def add_people_to_the_directory(day: Day) -> None:
    """The Directory screen: a person from each agency, their agency typed with them."""
    walker = day.walker
    walker.focus()  # the message about the directory has gone
    walker.key("ctrl+3")
    # The reader runs the form's heading into the table's headings beside it: it reads the
    # form by a line further down.
    walker.wait_to_read("Sits on the Rapid Review panel")
    for number, (name, agency, role, email) in enumerate(PEOPLE):
        if number:  # from Save person to Add a new person, which puts the keyboard in Name
            walker.key("Tab", "space")
        else:
            heading = walker.find("Add", "a", "person")
            assert heading, f"the form is not on screen:\n{walker.read()}"
            x = heading[-1].left + 100
            day.click_box(x, day.box_under(x, heading[-1].top))  # Name, the first box under it
        walker.type(name)
        for value in (agency, role, email):
            walker.key("Tab")
            walker.type(value)
        # On past phone, the panel, voting, stands in for and signs off, until Save person is
        # yellow with the keyboard.
        day.tab_to_main_button(right_of=walker.window_sizes()[-1][0] // 2, most=6)
        walker.key("space")
    walker.key("Tab", "space")  # Add a new person: the Name box, empty, in view and ready
    day.keep("directory")
    # Each agency is checked where it is offered, in Choose agencies: the reader does not read
    # every row of the table beside a form with the keyboard's yellow in its Name box.


def choose_and_request_the_agencies(day: Day) -> None:
    walker = day.walker
    walker.key("ctrl+1")  # Cases, where the case is as it was left
    walker.wait_to_read("Agency check forms")
    empty = walker.find("No", "agencies", "chosen", "yet")
    assert empty, walker.read()
    # A click in the empty table, to take the keyboard from Choose agencies: the reader cannot
    # read the words of a button in the yellow of the keyboard's focus.
    walker.click(empty[0].left + 200, empty[0].top + 150)
    walker.click_text("Choose", "agencies")
    walker.focus()
    walker.wait_to_read("Which agencies should complete a check form?")
    for agency in AGENCIES:
        day.choose(*agency.split())
    day.keep("agencies-chosen")
    walker.key("Return")  # OK
    walker.focus()
    walker.wait_to_read("3 agencies chosen")
    # The three chosen are selected. The keyboard is back on Choose agencies, whose yellow
    # spoils the reading of the buttons beside it: Tab and Space press Record request sent.
    walker.key("Tab", "space")
    walker.focus()
    # The reader loses the question's first line over the selected rows: read its last.
    walker.wait_to_read(f"Police and {SOCIAL_CARE}?")
    day.keep("requests-sent-together")
    walker.key("Return")  # today, as it starts
    walker.focus()
    seen = walker.wait_to_read("3 agencies chosen: 3 sent")
    day.keep("requests-sent")
    assert not shows(seen, "Not sent")
    # A click in the table under its rows clears the selection of the three, whose light words
    # on the selection's colour the reader does not read.
    summary = walker.find("3", "agencies", "chosen")
    assert summary, walker.read()
    walker.click(summary[0].left + 200, summary[0].top + 250)


def enter_the_police_form(day: Day) -> None:
    """The police sent their account on paper: the coordinator enters it, pasting what the
    officer copied from the force's case notes."""
    walker = day.walker
    day.press(POLICE, "Mark", "received")
    walker.wait_to_read("When was the form from")
    walker.key("Return")
    walker.focus()
    walker.wait_to_read("1 received")
    # Marking it received hands the keyboard on to the next step, Open form, whose yellow
    # highlight the reader cannot read: Space presses it, as a person at the keyboard would.
    walker.key("space")
    walker.wait_to_read("You have completed 0 of")
    day.keep("new-form-task-list")
    walker.click_text("Whether", "your", "agency", "was", "involved")
    walker.wait_to_read("Was your agency involved")
    day.choose("Yes")
    day.continue_under()  # involved: no records to name, and the section is done
    walker.wait_to_read("You have completed 1 of")
    walker.click_text("What", "went", "well")
    walker.wait_to_read("What went well?")
    walker.paste(CASE_NOTES)  # the question's box has the keyboard as the page opens
    # (the line ends "(marked in yellow).": the reader can split its end off, beside the box)
    seen = walker.wait_to_read("Contains pasted text in 1 place")
    day.keep("pasted-notes-flagged")
    assert shows(seen, "MISPER"), "the acronym is named"
    assert shows(seen, "looks copied from case notes")
    walker.click_text("Replace", "with")  # the first one-click fix
    walker.key("ctrl+a")
    walker.type(OWN_WORDS)
    walker.wait_to_read("found her safe")
    seen = day.keep("notes-rewritten")
    assert not shows(seen, "Contains pasted text"), "nothing pasted is left"
    assert not shows(seen, "things to look at:"), "nothing for the checks to name"
    day.continue_under()
    walker.wait_to_read("Have you completed this section?")
    walker.click_text("have", "completed", "this", "section")  # "Yes, I have…" ("I" read as |)
    walker.key("Tab", "Tab", "space")  # from the answer past Back to Continue
    seen = walker.wait_to_read("You have completed 2 of")
    day.keep("form-part-entered")
    assert not shows(seen, "Has warnings")
    walker.click_text("Back", "to", "agency", "forms")
    walker.wait_to_read("Agency check forms")


def return_the_form(day: Day) -> None:
    walker = day.walker
    # Beside the keyboard's yellow on Open form the reader misreads "for" ("fr") at 1024 by 768.
    day.press(POLICE, "more", "information")  # Return for more information…
    walker.wait_to_read("Information missing")
    day.choose("Information", "missing")
    day.click_below("What", "is", "needed", by=40)
    walker.type(RETURN_NOTE)
    day.keep("return-asked")
    cancel = walker.find("Cancel")  # OK, with its icon, is not read: it is left of Cancel
    assert cancel, walker.read()
    walker.click(cancel[-1].left - 85, cancel[-1].centre[1])
    walker.focus()
    walker.wait_to_read(RETURN_NOTE)  # in the form's history of returns
    seen = day.keep("returned")
    assert shows(seen, "History of returns")


def quality_assure_it(day: Day) -> None:
    """The police send it back as it was: quality assurance names what is not done, and marking
    it is not the choice Enter makes."""
    walker = day.walker
    day.press(POLICE, "Mark", "received")
    walker.wait_to_read("When was the form from")
    walker.key("Return")
    walker.focus()
    walker.wait_to_read("1 received")
    # The keyboard is handed on to Open form, whose yellow spoils the reading of the buttons
    # beside it: Tab goes on to Quality assured, and Space presses it.
    walker.key("Tab", "space")
    walker.focus()
    seen = walker.wait_to_read("not ready for the panel pack")
    day.keep("quality-assurance-asks")
    assert shows(seen, "sections not completed")
    assert shows(seen, "Chronology of significant contacts")
    walker.key("Return")  # Go back, the default
    walker.focus()
    walker.wait_to_read("1 received, 0 quality assured")
    walker.key("space")  # the keyboard is back on Quality assured
    walker.focus()
    walker.wait_to_read("not ready for the panel pack")
    # The reader does not always read the question's buttons: the keyboard goes back from Go
    # back to the button left of it, as a person at the keyboard would.
    walker.key("shift+Tab", "space")
    walker.focus()
    seen = walker.wait_to_read("1 received, 1 quality assured")
    day.keep("quality-assured-anyway")
    assert shows(seen, "3 agencies chosen: 3 sent, 1 received, 1 quality assured")


@pytest.mark.parametrize("walker", ["1366x768", "1024x768"], indirect=True)
def test_the_coordinators_first_day(walker: Walker) -> None:
    day = Day(walker)
    set_up_a_new_store(day)
    read_the_guide(day)
    enter_a_referral(day)
    notify_it(day)
    go_to_its_agency_forms(day)
    add_people_to_the_directory(day)
    choose_and_request_the_agencies(day)
    password = save_the_word_form(day, SOCIAL_CARE)
    enter_the_police_form(day)
    return_the_form(day)
    quality_assure_it(day)
    add_the_returned_word_form(day, SOCIAL_CARE, fill_in_the_word_form(day, SOCIAL_CARE, password))
    today = format_date(date.today())
    build_the_panel_pack(
        day,
        "3 agencies chosen: 3 sent, 2 received, 1 quality assured",
        {
            HEALTH: f"Sent {today}, due",
            SOCIAL_CARE: f"Received {today}, not yet quality assured",
        },
        "found her safe and told children's social care",
    )
    assert walker.alive
    no_tracebacks(walker)
