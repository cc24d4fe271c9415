"""The coordinator's day walk, its papers: the Help menu's guide, an agency's Word form saved with
its password and added back when the agency returns it filled in, and the panel pack built and
read back."""

from __future__ import annotations

import subprocess
import time
from datetime import date
from pathlib import Path

from tests.walks.coordinator_day import Day
from tests.walks.screen_reading import shows
from tests.walks.walker import Walker
from tests.word_authoring import decrypt, encrypt, fill_form

# What the agency's author types into the Word form: short, in plain words but for one acronym,
# which the review of the returned form names.
WORD_ANSWERS = {
    "author": "Sam Reid",
    "role": "Team manager",
    "completed_on": date(2026, 12, 7),
    "went_well": "A social worker visited the family the day after the referral.",
    "could_be_better": "The referral reached the MASH two days after the police visit.",
}


def clipboard(walker: Walker) -> str:
    """What is on the clipboard of rrdesk's screen, once something is."""
    for _ in range(20):
        held = subprocess.run(
            ["xclip", "-selection", "clipboard", "-out"],
            capture_output=True,
            text=True,
            env=walker.environment,
            check=False,
            timeout=30,
        ).stdout
        if held:
            return held
        time.sleep(0.5)
    return ""


def read_the_guide(day: Day) -> None:
    """Help › Guide for coordinators, read and closed."""
    walker = day.walker
    walker.click_text("Help")
    walker.wait_to_read("Guide for coordinators")
    walker.click_text("Guide", "for", "coordinators")
    walker.focus()
    seen = walker.wait_to_read("Your day")
    day.keep("coordinators-guide")
    assert shows(seen, "Start at the Countdown board")
    assert shows(seen, "Build the panel pack")
    walker.key("Escape")
    walker.focus()
    walker.wait_to_read("Signed in as")


def save_the_word_form(day: Day, agency: str) -> str:
    """The agency works in Word: its form is saved with the child's details, so with a
    password, which the coordinator copies to pass on by telephone. The password."""
    walker = day.walker
    (walker.home / "Documents").mkdir(exist_ok=True)
    day.press(agency, "Save", "the", "Word", "form")
    walker.wait_to_read("protected with a password (recommended)")
    seen = day.keep("word-form-protection")
    assert shows(seen, "Without identifying details, no password")
    walker.key("Return")  # with the details, as it starts: Choose where to save…
    walker.focus()
    walker.wait_to_read("File name")
    walker.key("Return")  # the name it suggests, in Documents
    walker.focus()
    walker.wait_to_read("Give the agency this password separately")
    seen = day.keep("word-form-password")
    # (the reader can drop the words at the end of the message's first line, beside the table
    # showing through behind the dialog: "…form.docx is protected [with a password]")
    assert shows(seen, "is protected"), seen
    assert shows(seen, "because it names the child and family"), seen
    # The keyboard is on Copy the password, whose yellow highlight (and its "Copied" after)
    # is not read back: Space presses it, and the password is on the clipboard.
    walker.key("space")
    password = clipboard(walker)
    assert len(password) >= 12, f"the password copied is {password!r}"
    walker.key("Escape")  # Close
    walker.focus()
    walker.wait_to_read("Agency check forms")
    return password


def fill_in_the_word_form(day: Day, agency: str, password: str) -> Path:
    """The agency's author fills the form in with Word and saves it, still with its password.
    The returned file's path."""
    folder = day.walker.home / "Documents"
    sent = folder / f"RR-2026-001 {agency} agency check form.docx"
    assert sent.is_file(), f"no form saved in {folder}: {sorted(p.name for p in folder.iterdir())}"
    plain = decrypt(sent.read_bytes(), password)
    filled = fill_form(plain, WORD_ANSWERS, ticks={"involved": "yes"})
    returned = folder / f"{agency} returned.docx"
    returned.write_bytes(encrypt(filled, password))
    return returned


def add_the_returned_word_form(day: Day, agency: str, path: Path) -> None:
    """The agency's form comes back: added on its row, checked beside the current answers with
    the text checks' findings, and accepted."""
    walker = day.walker
    day.press(agency, "Add", "the", "returned", "form")
    walker.wait_to_read("Files of type")
    walker.type(path.name)  # in Documents, where the form was saved
    walker.key("Return")
    walker.focus()
    seen = walker.wait_to_read(f"Check the form returned by {agency}")
    day.keep("returned-word-form-review")
    assert shows(seen, "with its password)"), "opened with the password rrdesk made"
    assert shows(seen, "1 thing to look at")
    assert shows(seen, "MASH")
    walker.click_text("Accept", "the", "returned", "form")
    walker.focus()
    walker.wait_to_read("returned form is stored as version 1")  # the box's title is not shown
    seen = day.keep("returned-word-form-added")
    assert shows(seen, "1 thing to look at: see Quality assurance")
    walker.key("Return")
    walker.focus()


def build_the_panel_pack(day: Day, counted: str, missing: dict[str, str], form: str) -> None:
    """The panel pack, saved where the dialog suggests and read back: it counts the agencies as
    the tab does (``counted``), names every chosen agency whose form is not in it, with why
    (``missing``: agency and the start of its reason), and carries the form assured (words of
    it, ``form``)."""
    walker = day.walker
    seen = walker.read()
    assert shows(seen, counted), f"the tab does not say {counted!r}:\n{seen}"
    walker.click_text("Build", "the", "panel", "pack")
    walker.focus()
    walker.wait_to_read("File name")
    day.keep("panel-pack-where")
    walker.key("Return")
    walker.focus()
    name = "RR-2026-001 panel pack.pdf"
    # The reader sometimes drops the file name's full stop ("panel pack pdf"); the file itself is
    # read back by its whole name below.
    seen = walker.wait_to_read("Saved RR-2026-001 panel pack")
    day.keep("panel-pack-saved")
    pages = day.pack_pages(name)
    opening = " ".join(pages[:2])
    assert f"{counted}." in opening, opening
    assert "1 quality-assured form follows" in opening, opening
    assert "Forms not in this pack" in opening, opening
    for agency, why in missing.items():
        assert f"{agency} {why}" in opening, f"{agency}: {why!r} is not in\n{opening}"
    assert any(form in page for page in pages[1:]), f"{form!r} is not in the pack"
