"""The coordinator's first day in the real main window, driven as a person would (the offscreen
counterpart of tests/walks/test_coordinator_day_walk.py): a referral under threshold
discussion entered on a new store and then notified, a person from each of three agencies added
to the directory, the agencies chosen and their requests recorded together, social care's Word
form saved with its password, the police form entered with case notes pasted into it, returned
for more information, quality assured when it comes back (the question names what is not done
and is not the default), social care's form added when it comes back filled in, and the panel
pack built: it counts the agencies as the tab does and names the forms not in it, with why.

Today is Sunday 22 November 2026 (``tests.conftest.TODAY``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.cases.cases import Stage
from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
from rrdesk.ui.agency_forms.word_forms.form_dialogs import (
    FormProtectionDialog,
    PasswordShownDialog,
)
from rrdesk.ui.agency_forms.word_forms.returned_form_review import ReturnedFormReviewDialog
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.shell.main_window import MainWindow
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.services.agency_forms.pack_reading import pack_pages
from tests.word_authoring import decrypt, encrypt, fill_form

POLICE = "Northmoor Police"
SOCIAL_CARE = "Northmoor Social Care"
HEALTH = "Northmoor Health Visiting"
PEOPLE = (
    ("Dana Okafor", POLICE, "dana.okafor@northmoor.example"),
    ("Sam Reid", SOCIAL_CARE, "sam.reid@northmoor.example"),
    ("Ife Adebayo", HEALTH, "ife.adebayo@northmoor.example"),
)
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
WORD_ANSWERS = {
    "author": "Sam Reid",
    "role": "Team manager",
    "completed_on": date(2026, 11, 22),
    "went_well": "A social worker visited the family the day after the referral.",
    "could_be_better": "The referral reached the MASH two days after the police visit.",
}


def _click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot: QtBot, radio) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _when_asked(qtbot: QtBot, answer: Callable[[QDialog], None]) -> list[QDialog]:
    """Answer the next modal question the screen asks (its ``exec`` waits for the person);
    the dialog answered, once it has been."""
    answered: list[QDialog] = []

    def look(tries: int = 200) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            answered.append(dialog)
            try:
                answer(dialog)
            finally:
                if dialog.isVisible():  # not answered: closed, so the test goes on to fail
                    dialog.reject()
        elif tries:
            QTimer.singleShot(10, lambda: look(tries - 1))

    QTimer.singleShot(0, look)
    return answered


def _ok(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    _click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))


def _window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _enter_the_referral_and_notify_it(qtbot: QtBot, window: MainWindow) -> CasesSection:
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    assert section.case_list.count_label.text().startswith("No cases yet")
    _click(qtbot, section.case_list.new_button)
    editor = section.editor
    form = editor.form
    assert editor.current_page_key == "stage", "the stage is asked first"
    _choose(qtbot, form.stage.buttons[Stage.REFERRED.value])
    _click(qtbot, editor.continue_button)
    block = form.child_blocks[0]
    qtbot.keyClicks(block.pseudonym, "Child P")
    qtbot.keyClicks(block.real_name, "Poppy Walkthrough-Fictional")
    _choose(qtbot, block.sex.buttons["female"])
    _choose(qtbot, block.outcome.buttons["seriously_harmed"])
    _choose(qtbot, block.status.buttons["early_help"])
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "dates"
    assert editor.summary.isHidden(), "a page opens with no problems"
    for page in ("dates", "authorities", "summary", "referral", "threshold", "parallel"):
        assert editor.current_page_key == page
        if page == "summary":
            qtbot.keyClicks(form.summary, "A 13-year-old was found injured at home.")
        if page == "referral":
            _choose(qtbot, form.route.buttons["professional"])
        _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "check"
    _click(qtbot, editor.continue_button)  # Save case
    assert "RR-2026-001: Child P" in editor.check_answers_text()
    editor.show_page("stage")  # the stage's Change link
    _choose(qtbot, form.stage.buttons[Stage.NOTIFIED.value])
    _click(qtbot, editor.continue_button)
    assert editor.summary.messages == ["Enter the date the notification was sent"]
    notified = form.notified.field
    qtbot.keyClicks(notified.day, "20")
    qtbot.keyClicks(notified.month, "11")
    qtbot.keyClicks(notified.year, "2026")
    _click(qtbot, editor.continue_button)
    assert "20 November 2026" in editor.check_answers_text()
    return section


def _add_people(qtbot: QtBot, window: MainWindow) -> None:
    window.show_section("directory")
    directory = window.section("directory")
    for name, agency, email in PEOPLE:
        _click(qtbot, directory.new_button)
        qtbot.keyClicks(directory.name, name)
        directory.agency.setCurrentText(agency)
        qtbot.keyClicks(directory.email, email)
        _click(qtbot, directory.save_button)
        assert directory.summary.isHidden(), directory.summary.messages


def _agency_forms(window: MainWindow, section: CasesSection) -> AgencyFormsWidget:
    window.show_section("cases")
    titles = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    section.tabs.setCurrentIndex(titles.index("Agency forms"))
    tab = section.tabs.currentWidget()
    assert isinstance(tab, AgencyFormsWidget)
    return tab


def _choose_and_request(qtbot: QtBot, tab: AgencyFormsWidget) -> None:
    def tick_three(dialog: QDialog) -> None:
        items = dialog.findChild(QListWidget, "agency_choices")
        assert items is not None
        for number in range(items.count()):
            items.setCurrentRow(number)
            qtbot.keyClick(items, Qt.Key.Key_Space)
        _ok(qtbot, dialog)

    _when_asked(qtbot, tick_three)
    _click(qtbot, tab.buttons["choose"])
    assert tab.summary.text() == "3 agencies chosen: 0 sent, 0 received, 0 quality assured."
    assert tab.selected_agencies() == [HEALTH, POLICE, SOCIAL_CARE], "the three, to send"
    _when_asked(qtbot, lambda dialog: _ok(qtbot, dialog))  # today, as it starts
    _click(qtbot, tab.buttons["sent"])
    assert tab.summary.text() == "3 agencies chosen: 3 sent, 0 received, 0 quality assured."


def _save_the_word_form(qtbot: QtBot, tab: AgencyFormsWidget, folder: Path) -> Path:
    """Social care's Word form, with the child's details and so a password, which the
    coordinator copies to pass on. The form as the agency's author returns it."""
    tab.select_agency(SOCIAL_CARE)
    _click(qtbot, tab.buttons["word_form"])
    protection = tab.word.dialog
    assert isinstance(protection, FormProtectionDialog)
    assert protection.identifying.isChecked()
    _click(qtbot, protection.save_button)
    shown = tab.word.dialog
    assert isinstance(shown, PasswordShownDialog)
    _click(qtbot, shown.password.copy_button)
    password = QGuiApplication.clipboard().text()
    assert password == shown.password.text()
    shown.accept()
    sent = folder / f"RR-2026-001 {SOCIAL_CARE} agency check form.docx"
    filled = fill_form(
        decrypt(sent.read_bytes(), password), WORD_ANSWERS, ticks={"involved": "yes"}
    )
    returned = folder / f"{SOCIAL_CARE} returned.docx"
    returned.write_bytes(encrypt(filled, password))
    return returned


def _enter_the_police_form(qtbot: QtBot, tab: AgencyFormsWidget) -> None:
    tab.select_agency(POLICE)
    _when_asked(qtbot, lambda dialog: _ok(qtbot, dialog))
    _click(qtbot, tab.buttons["received"])
    _click(qtbot, tab.buttons["open"])
    entry = tab.entry
    assert entry is not None
    _click(qtbot, entry.task_list.rows["involvement"])
    _choose(qtbot, entry.current_page.fields["involved"].field.buttons["yes"])
    _click(qtbot, entry.continue_button)
    entry.show_task_list()
    _click(qtbot, entry.task_list.rows["went_well"])
    edit = entry.current_page.narratives[0]
    QGuiApplication.clipboard().setText(CASE_NOTES)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(f.text == "MISPER" for f in edit.findings))
    assert edit.pasted_spans, "the paste is marked"
    edit.selectAll()
    qtbot.keyClicks(edit, OWN_WORDS)
    qtbot.waitUntil(lambda: edit.findings == ())
    _click(qtbot, entry.close_button)
    assert tab.entry is None


def _return_it(qtbot: QtBot, tab: AgencyFormsWidget) -> None:
    def information_missing(dialog: QDialog) -> None:
        box = next(b for b in dialog.findChildren(QCheckBox) if b.text() == "Information missing")
        _choose(qtbot, box)
        note = dialog.findChild(QPlainTextEdit, "return_note")
        assert note is not None
        qtbot.keyClicks(note, "Please complete the other sections.")
        _ok(qtbot, dialog)

    tab.select_agency(POLICE)
    _when_asked(qtbot, information_missing)
    _click(qtbot, tab.buttons["returned"])
    assert "Please complete the other sections." in tab.quality.text()


def _quality_assure_it(qtbot: QtBot, tab: AgencyFormsWidget, messages: RecordingMessages) -> None:
    tab.select_agency(POLICE)
    _when_asked(qtbot, lambda dialog: _ok(qtbot, dialog))
    _click(qtbot, tab.buttons["received"])
    assert "Text checks: No findings." in tab.quality.text()
    assert "looked at the findings" not in tab.quality.text(), "nothing found to look at"
    messages.confirm_answer = False
    _click(qtbot, tab.buttons["assured"])
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("confirm", "Mark quality assured?")
    assert "sections not completed" in text
    assert "Chronology of significant contacts" in text
    assert messages.confirm_defaults[-1] == "Go back"
    assert tab.summary.text() == "3 agencies chosen: 3 sent, 1 received, 0 quality assured."
    messages.confirm_answer = True  # Mark quality assured anyway
    _click(qtbot, tab.buttons["assured"])
    assert tab.summary.text() == "3 agencies chosen: 3 sent, 1 received, 1 quality assured."


def _add_the_returned_form(
    qtbot: QtBot, tab: AgencyFormsWidget, files: ScriptedFileDialogs, path: Path
) -> None:
    files.open_answers.append(path)
    tab.select_agency(SOCIAL_CARE)
    _click(qtbot, tab.buttons["add_return"])
    review = tab.word.dialog
    assert isinstance(review, ReturnedFormReviewDialog)
    words = review.summary.text()
    assert "(opened with its password)" in words
    assert "1 thing to look at" in words
    assert any("MASH" in cells[2] for cells in review.row_texts().values())
    _click(qtbot, review.accept_button)
    tab.select_agency(SOCIAL_CARE)
    assert "Text checks: 1 acronym." in tab.quality.text()
    assert "The author has not confirmed they looked at the findings." in tab.quality.text()


def test_the_coordinators_first_day(
    qtbot: QtBot, blank_context: AppContext, tmp_path: Path
) -> None:
    files = ScriptedFileDialogs(save_folder=tmp_path)
    blank_context.dialogs = files
    messages = blank_context.messages
    assert isinstance(messages, RecordingMessages)
    window = _window(qtbot, blank_context)
    section = _enter_the_referral_and_notify_it(qtbot, window)
    _add_people(qtbot, window)
    tab = _agency_forms(window, section)
    _choose_and_request(qtbot, tab)
    returned = _save_the_word_form(qtbot, tab, tmp_path)
    _enter_the_police_form(qtbot, tab)
    _return_it(qtbot, tab)
    _quality_assure_it(qtbot, tab, messages)
    _add_the_returned_form(qtbot, tab, files, returned)
    counted = "3 agencies chosen: 3 sent, 2 received, 1 quality assured"
    assert tab.summary.text() == f"{counted}."

    _click(qtbot, tab.pack.build_button)
    assert tab.pack.status.text() == f"Saved RR-2026-001 panel pack.pdf in {tmp_path}."
    pages = pack_pages((tmp_path / "RR-2026-001 panel pack.pdf").read_bytes())
    opening = " ".join(pages[:2])
    assert f"{counted}." in opening
    assert "1 quality-assured form follows" in opening
    assert f"Forms not in this pack Agency Why its form is not here {HEALTH} Sent" in opening
    assert f"{SOCIAL_CARE} Received 22 November 2026, not yet quality assured" in opening
    assert any("found her safe and told children's social care" in page for page in pages[1:])
