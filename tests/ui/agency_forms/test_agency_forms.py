"""The Agency forms tab: requests, guided entry with live checks and paste marking, against a
real encrypted store holding the cases of ``forms_setup``."""

from __future__ import annotations

import email
from datetime import date

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from rrdesk.domain.agency_forms.agency_form_record import EnteredBy
from rrdesk.domain.agency_forms.check_form_answers import SectionStatus
from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
from rrdesk.ui.kit.narrative_edit import NarrativeEdit
from tests.builders import HEALTH, HOUSING, LA, POLICE
from tests.ui.agency_forms.forms_setup import (
    EARLY_HELP,
    MENTAL_HEALTH,
    RETURN_NOTE,
    click,
    open_police_form,
    open_tab,
    status_words,
)


def _choose(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button on its circle, as a person would."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    assert radio.isChecked()


def test_requests_table_shows_every_status_in_words(
    qtbot, blank_context, dialogs, collecting
) -> None:  # type: ignore[no-untyped-def]
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting)
    words = status_words(widget)
    assert words[HOUSING].endswith("Not sent")
    assert "Overdue: was due 12 November 2026 (sent 2 November 2026)" in words[MENTAL_HEALTH]
    assert "Due soon: due 25 November 2026 (sent 13 November 2026)" in words[HEALTH]
    assert "Returned for more information 20 November 2026" in words[POLICE]
    assert "Quality assured 20 November 2026" in words[LA]
    assert "Sent 20 November 2026, due 2 December 2026" in words[EARLY_HELP]
    assert widget.summary.text() == ("7 agencies chosen: 6 sent, 2 received, 1 quality assured."), (
        "counted as the board and the panel pack count"
    )


def test_choose_send_and_email_draft(qtbot, blank_context, dialogs, notified) -> None:  # type: ignore[no-untyped-def]
    widget, _service = open_tab(qtbot, blank_context, dialogs, notified)
    assert "No agencies chosen yet" in widget.summary.text()
    dialogs.agencies = [HOUSING, EARLY_HELP]
    click(qtbot, widget.buttons["choose"])
    assert widget.table.rowCount() == 2
    widget.select_agency(HOUSING)
    dialogs.date = date(2026, 11, 20)
    click(qtbot, widget.buttons["sent"])
    assert status_words(widget)[HOUSING].endswith("Sent 20 November 2026, due 2 December 2026.")
    dialogs.open_works = False
    click(qtbot, widget.buttons["email"])
    saved = dialogs.folder / str(dialogs.saved_as)
    message = email.message_from_bytes(saved.read_bytes())
    assert message["X-Unsent"] == "1"
    assert "Reminder" in message["Subject"]
    text = next(part for part in message.walk() if part.get_content_type() == "text/plain")
    body = text.get_payload(decode=True).decode("utf-8")
    assert "Wednesday 2 December 2026" in body
    (form,) = [part for part in message.walk() if part.get_filename()]
    assert form.get_filename().endswith("agency-check-form.docx"), "the Word form is attached"
    case = blank_context.session.cases.get(widget._case_id)
    assert "Poppy Example-Fictional" in case.private_values()
    for private in (*case.private_values(), case.pseudonyms):
        assert private not in body
    assert dialogs.folders == [saved.parent], "where the mail program fails, the folder is shown"
    assert blank_context.messages.shown[-1] == (
        "info",
        "Email draft saved",
        "Your mail program did not open the draft, so rrdesk has opened the folder that holds "
        f"it: {saved.parent}. Open {saved.name} from there.",
    )
    assert not list(dialogs.folder.glob(".*partial"))


def test_type_into_a_narrative_answer_and_follow_a_fix(
    qtbot, blank_context, dialogs, collecting
) -> None:  # type: ignore[no-untyped-def]
    widget, service = open_tab(qtbot, blank_context, dialogs, collecting)
    entry = open_police_form(qtbot, widget)
    assert entry.notice.text() == (
        "Returned for more information on 20 November 2026: contains acronyms, copied from "
        f"case notes. {RETURN_NOTE}"
    )
    click(qtbot, entry.task_list.rows["prevention"])
    page = entry.current_page
    assert page is not None
    assert page.question.key == "prevention"
    edit = page.narratives[0]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, "Child M was known to CAMHS and the LSCB.")
    assert [f.text for f in edit.findings] == ["CAMHS", "LSCB"]
    findings_line = page.findChild(QLabel, "answer_prevention_findings")
    assert "2 things to look at" in findings_line.text()
    panel = entry.findings_panel
    qtbot.waitUntil(lambda: panel.shown == edit.findings)
    fix = panel.button("finding_0_fix_0")
    assert "child and adolescent mental health services" in fix.text()
    click(qtbot, fix)
    assert edit.text().startswith(
        "Child M was known to child and adolescent mental health services and the LSCB."
    )
    qtbot.waitUntil(lambda: panel.shown == edit.findings)
    assert [f.text for f in panel.shown] == ["LSCB"]
    click(qtbot, panel.button("finding_0_ignore"))
    assert edit.findings == ()
    entry.save_now()
    saved = service.load_form(widget._case_id, POLICE)
    assert saved.answers["prevention"] == edit.text()
    assert [i.text for i in saved.ignored["prevention"]] == ["LSCB"]
    assert saved.position.page == "prevention"


def test_paste_is_marked_and_seen_by_quality_assurance(
    qtbot, blank_context, dialogs, collecting
) -> None:  # type: ignore[no-untyped-def]
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting)
    entry = open_police_form(qtbot, widget)
    click(qtbot, entry.task_list.rows["went_well"])
    edit = entry.current_page.narratives[0]
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QApplication.clipboard().setText(" Contact Type: Home visit. Recorded by: PC 1.")
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.text().endswith("Recorded by: PC 1.")
    assert len(edit.pasted_spans) == 1
    mime = QMimeData()
    mime.setText(" Mum said عربي 👩‍👩‍👧 e\u0301.")
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    edit.insertFromMimeData(mime)
    spans = edit.pasted_spans
    assert edit.text()[spans[0].start : spans[0].end] == " Mum said عربي 👩‍👩‍👧 e\u0301."
    pasted_line = entry.current_page.findChild(QLabel, "answer_went_well_pasted")
    assert pasted_line.text().startswith("Contains pasted text in 2 places")
    click(qtbot, entry.close_button)
    widget.select_agency(POLICE)
    assert "Contains pasted text in 3 places" in widget.quality.text()


def test_a_large_paste_is_accepted_with_a_warning(
    qtbot, blank_context, dialogs, collecting
) -> None:  # type: ignore[no-untyped-def]
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting)
    entry = open_police_form(qtbot, widget)
    click(qtbot, entry.task_list.rows["themes"])
    edit = entry.current_page.narratives[0]
    assert isinstance(edit, NarrativeEdit)
    line = "24.11.25 Case Note. Mum seen by SW at home, NFA. Child M was settled and calm.\n"
    mime = QMimeData()
    mime.setText(line * (1_000_000 // len(line) + 1))
    edit.insertFromMimeData(mime)
    assert entry.warning.isVisible()
    assert "1.0 million characters" in entry.warning.text()
    assert edit.checking, "a large paste is checked a slice at a time"
    qtbot.waitUntil(lambda: not edit.checking, timeout=20_000)
    assert len(edit.findings) > 10_000
    qtbot.keyClicks(edit, "x")
    assert not edit.checking


def test_sections_questions_and_check_answers(
    qtbot, blank_context, dialogs, today, notified
) -> None:  # type: ignore[no-untyped-def]
    widget, service = open_tab(qtbot, blank_context, dialogs, notified)
    dialogs.agencies = [HOUSING]
    click(qtbot, widget.buttons["choose"])
    widget.select_agency(HOUSING)
    click(qtbot, widget.buttons["sent"])
    click(qtbot, widget.buttons["open"])
    entry = widget.entry
    assert entry.statuses()["about"] is SectionStatus.IN_PROGRESS
    click(qtbot, entry.task_list.rows["about"])
    assert entry.current_page.question.key == "agency"
    click(qtbot, entry.continue_button)
    page = entry.current_page
    assert page.question.key == "author"
    click(qtbot, entry.continue_button)
    assert entry.errors.messages == ["Enter your full name"]
    entry.errors.follow(0)
    assert entry.focusWidget() is page.fields["author"].field
    qtbot.keyClicks(page.fields["author"].field, "Ana Kova")
    page.fields["author"].field.insert("\u010d")  # QTest types ASCII only
    click(qtbot, entry.continue_button)
    qtbot.keyClicks(entry.current_page.fields["role"].field, "Housing officer")
    click(qtbot, entry.continue_button)
    qtbot.keyClicks(entry.current_page.fields["contact"].field, "01632 960555")
    click(qtbot, entry.continue_button)
    date_input = entry.current_page.fields["completed_on"].field
    qtbot.keyClicks(date_input.day, "21")
    qtbot.keyClicks(date_input.month, "11")
    qtbot.keyClicks(date_input.year, "2026")
    click(qtbot, entry.continue_button)
    assert entry.position.section == "task_list"
    assert entry.statuses()["about"] is SectionStatus.COMPLETED

    # A nil return: not involved, which records were checked, then "completed?".
    click(qtbot, entry.task_list.rows["involvement"])
    _choose(qtbot, entry.current_page.fields["involved"].field.buttons["no"])
    click(qtbot, entry.continue_button)
    assert entry.current_page.question.key == "records_checked"
    qtbot.keyClicks(
        entry.current_page.narratives[0], "We searched the tenancy and repairs records."
    )
    click(qtbot, entry.continue_button)
    assert entry.position.page == "completed"
    click(qtbot, entry.continue_button)
    assert entry.errors.messages == ["Select whether you have completed this section"]
    _choose(qtbot, entry.completed_page.choice.buttons["yes"])
    click(qtbot, entry.continue_button)
    statuses = entry.statuses()
    assert statuses["involvement"] is SectionStatus.COMPLETED
    assert statuses["went_well"] is SectionStatus.NOT_NEEDED
    assert entry.task_list.tags["went_well"].text() == "Not needed"

    click(qtbot, entry.task_list.check_button)
    assert entry.position.section == "check"
    assert entry.check_answers.looked_at_field.isHidden()
    # Change returns to the page and comes straight back.
    click(qtbot, entry.check_answers.change_buttons["role"])
    assert entry.current_page.question.key == "role"
    qtbot.keyClicks(entry.current_page.fields["role"].field, " (tenancy)")
    click(qtbot, entry.continue_button)
    assert entry.position.section == "check"
    assert entry.check_answers.values["role"].text() == "Housing officer (tenancy)"
    click(qtbot, entry.check_answers.ready_button)
    assert widget.entry is None
    assert "Received 22 November 2026" in status_words(widget)[HOUSING]
    saved = service.load_form(widget._case_id, HOUSING)
    assert saved.ready_on == today
    assert saved.answers["author"] == "Ana Kovač"


def test_check_answers_asks_the_author_to_confirm_findings(
    qtbot, blank_context, dialogs, collecting
) -> None:  # type: ignore[no-untyped-def]
    widget, service = open_tab(qtbot, blank_context, dialogs, collecting)
    entry = open_police_form(qtbot, widget)
    entry.show_check_answers()
    summary = entry.check_answers.findings_summary
    assert "acronyms" in summary.text()
    assert "Contains pasted text in 1 place" in summary.text()
    click(qtbot, entry.check_answers.ready_button)
    assert entry.check_answers.errors.messages == ["Confirm that you have looked at every finding"]
    entry.check_answers.looked_at.setChecked(True)
    click(qtbot, entry.check_answers.ready_button)
    assert widget.entry is None
    assert service.load_form(widget._case_id, POLICE).findings_looked_at


def test_reopening_returns_to_the_same_page(qtbot, blank_context, dialogs, collecting) -> None:  # type: ignore[no-untyped-def]
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting)
    entry = open_police_form(qtbot, widget)
    click(qtbot, entry.task_list.rows["lived_experience"])
    qtbot.keyClicks(entry.current_page.narratives[0], " He liked football.")
    # A forced close: no Back, no close button; the draft was saved as it was typed.
    qtbot.waitUntil(lambda: not entry._save_timer.isActive())
    qtbot.keyClicks(entry.current_page.narratives[0], " And art.")
    entry.save_pending()  # as the lock controller does before locking
    widget.entry = None
    reopened = widget.open_form(POLICE)
    assert reopened.current_page.question.key == "lived_experience"
    assert reopened.current_page.narratives[0].text().endswith("He liked football. And art.")


def test_who_entered_the_form_is_recorded(qtbot, blank_context, dialogs, collecting) -> None:  # type: ignore[no-untyped-def]
    widget, service = open_tab(qtbot, blank_context, dialogs, collecting)
    entry = open_police_form(qtbot, widget)
    entry.entered_by.setCurrentIndex(1)
    qtbot.keyClicks(entry.entered_by_name, "Sergeant Ana Blake")
    click(qtbot, entry.close_button)
    saved = service.load_form(widget._case_id, POLICE)
    assert saved.entered_by is EnteredBy.AGENCY_REPRESENTATIVE
    assert saved.entered_by_name == "Sergeant Ana Blake"
    reopened = widget.open_form(POLICE)
    assert reopened.entered_by.currentData() == EnteredBy.AGENCY_REPRESENTATIVE.value
    assert reopened.entered_by_name.text() == "Sergeant Ana Blake"
    reopened.show_task_list()
    assert "representative of the agency" in reopened.task_list.entered_by.text()


def test_the_case_page_has_an_agency_forms_tab(qtbot, blank_context, collecting) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.app import build_main_window
    from rrdesk.ui.cases.cases_section import CasesSection

    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(collecting.case_id)
    titles = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    assert "Agency forms" in titles
    section.tabs.setCurrentIndex(titles.index("Agency forms"))  # built when first shown
    tab = section.tabs.currentWidget()
    assert isinstance(tab, AgencyFormsWidget)
    assert tab.table.rowCount() == 7, "the seven agencies chosen"
