"""The Agency forms tab: requests, guided entry with live checks and paste marking, quality
assurance and the panel pack, against a real encrypted store with the demo data."""

from __future__ import annotations

import email
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from rrdesk.domain.agency_forms.agency_form_record import EnteredBy
from rrdesk.domain.agency_forms.agency_requests import ReturnReason
from rrdesk.domain.agency_forms.check_form_answers import SectionStatus
from rrdesk.domain.cases.cases import Stage
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.ui.agency_forms.agency_dialogs import AgencyFormsDialogs, ReturnChoice
from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
from rrdesk.ui.kit.narrative_edit import NarrativeEdit
from tests.fakes import ImmediateRunner, RecordingOpener, ScriptedFileDialogs

POLICE = "Northmoor Police Public Protection Unit"
HOUSING = "Northmoor Housing"
EARLY_HELP = "Northmoor Early Help"  # sent, no form entered yet


class FakeDialogs(AgencyFormsDialogs):
    """The agency questions answered as told; files saved under the suggested name in
    ``folder``; opening files recorded (and failing when ``open_works`` is False)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.agencies: list[str] | None = None
        self.date: date | None = None
        self.return_choice: ReturnChoice | None = None
        self.files = ScriptedFileDialogs(save_folder=folder)
        self.opener = RecordingOpener()

    def choose_agencies(self, parent, names, chosen):  # type: ignore[no-untyped-def]
        return self.agencies

    def ask_date(self, parent, title, question, default):  # type: ignore[no-untyped-def]
        return self.date or default

    def ask_return(self, parent, agency):  # type: ignore[no-untyped-def]
        return self.return_choice

    @property
    def saved_as(self) -> str:
        """The file name of the last save, as suggested by the screen."""
        return self.files.asked[-1][1]

    @property
    def opened(self) -> list[Path]:
        return self.opener.opened

    @property
    def folders(self) -> list[Path]:
        return self.opener.folders

    @property
    def open_works(self) -> bool:
        return self.opener.works

    @open_works.setter
    def open_works(self, works: bool) -> None:
        self.opener.works = works


def _case_id(session, stage: Stage) -> int:  # type: ignore[no-untyped-def]
    return int(next(c for c in session.cases.all_cases() if c.stage is stage).case_id)


@pytest.fixture
def dialogs(tmp_path: Path) -> FakeDialogs:
    folder = tmp_path / "chosen"
    folder.mkdir()
    return FakeDialogs(folder)


def _tab(qtbot, context, dialogs, stage: Stage = Stage.COLLECTING_RETURNS):  # type: ignore[no-untyped-def]
    service = AgencyFormsService(context.session)
    widget = AgencyFormsWidget(
        service,
        _case_id(context.session, stage),
        context.messages,
        context.today,
        context.runner,
        dialogs,
        files=dialogs.files,
        opener=dialogs.opener,
    )
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    return widget, service


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button on its circle, as a person would."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    assert radio.isChecked()


def _status_words(widget: AgencyFormsWidget) -> dict[str, str]:
    return {
        widget.table.item(r, 0).text(): widget.table.item(r, 1).text()
        for r in range(widget.table.rowCount())
    }


def test_requests_table_shows_every_status_in_words(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    widget, _service = _tab(qtbot, context, dialogs)
    words = _status_words(widget)
    assert words[HOUSING].endswith("Not sent")
    assert "Overdue: was due" in words["Northmoor Community Mental Health Trust"]
    assert "Due soon" in words["Northmoor Integrated Care Board"]
    assert "Returned for more information" in words[POLICE]
    assert "Quality assured" in words["Northmoor Council Children's Social Care"]
    assert widget.summary.text() == ("7 agencies chosen: 6 sent, 2 received, 1 quality assured."), (
        "counted as the board and the panel pack count"
    )


def test_choose_send_and_email_draft(qtbot, context, dialogs, today) -> None:  # type: ignore[no-untyped-def]
    widget, _service = _tab(qtbot, context, dialogs, Stage.NOTIFIED)
    assert "No agencies chosen yet" in widget.summary.text()
    dialogs.agencies = [HOUSING, "Northmoor Early Help"]
    _click(qtbot, widget.buttons["choose"])
    assert widget.table.rowCount() == 2
    widget.select_agency(HOUSING)
    dialogs.date = date(2026, 11, 20)
    _click(qtbot, widget.buttons["sent"])
    assert _status_words(widget)[HOUSING].endswith("Sent 20 November 2026, due 2 December 2026.")
    dialogs.open_works = False
    _click(qtbot, widget.buttons["email"])
    saved = dialogs.folder / str(dialogs.saved_as)
    message = email.message_from_bytes(saved.read_bytes())
    assert message["X-Unsent"] == "1"
    assert "Reminder" in message["Subject"]
    body = message.get_payload(decode=True).decode("utf-8")
    assert "Wednesday 2 December 2026" in body
    case = context.session.cases.get(widget._case_id)
    for private in (*case.private_values(), case.pseudonyms):
        assert private not in body
    assert dialogs.folders == [saved.parent], "where the mail program fails, the folder is shown"
    assert not list(dialogs.folder.glob(".*partial"))


def _open_police_form(qtbot, widget):  # type: ignore[no-untyped-def]
    widget.select_agency(POLICE)
    _click(qtbot, widget.buttons["open"])
    entry = widget.entry
    assert entry is not None
    return entry


def test_type_into_a_narrative_answer_and_follow_a_fix(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    widget, service = _tab(qtbot, context, dialogs)
    entry = _open_police_form(qtbot, widget)
    assert entry.notice.text() == (
        "Returned for more information on 20 November 2026: contains acronyms, copied from "
        "case notes. Please summarise the contacts in your own words."
    )
    _click(qtbot, entry.task_list.rows["prevention"])
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
    _click(qtbot, fix)
    assert edit.text().startswith(
        "Child M was known to child and adolescent mental health services and the LSCB."
    )
    qtbot.waitUntil(lambda: panel.shown == edit.findings)
    assert [f.text for f in panel.shown] == ["LSCB"]
    _click(qtbot, panel.button("finding_0_ignore"))
    assert edit.findings == ()
    entry.save_now()
    saved = service.load_form(widget._case_id, POLICE)
    assert saved.answers["prevention"] == edit.text()
    assert [i.text for i in saved.ignored["prevention"]] == ["LSCB"]
    assert saved.position.page == "prevention"


def test_paste_is_marked_and_seen_by_quality_assurance(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    widget, _service = _tab(qtbot, context, dialogs)
    entry = _open_police_form(qtbot, widget)
    _click(qtbot, entry.task_list.rows["went_well"])
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
    _click(qtbot, entry.close_button)
    widget.select_agency(POLICE)
    assert "Contains pasted text in 3 places" in widget.quality.text()


def test_a_large_paste_is_accepted_with_a_warning(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    widget, _service = _tab(qtbot, context, dialogs)
    entry = _open_police_form(qtbot, widget)
    _click(qtbot, entry.task_list.rows["themes"])
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


def test_sections_questions_and_check_answers(qtbot, context, dialogs, today) -> None:  # type: ignore[no-untyped-def]
    widget, service = _tab(qtbot, context, dialogs, Stage.NOTIFIED)
    dialogs.agencies = [HOUSING]
    _click(qtbot, widget.buttons["choose"])
    widget.select_agency(HOUSING)
    _click(qtbot, widget.buttons["sent"])
    _click(qtbot, widget.buttons["open"])
    entry = widget.entry
    assert entry.statuses()["about"] is SectionStatus.IN_PROGRESS
    _click(qtbot, entry.task_list.rows["about"])
    assert entry.current_page.question.key == "agency"
    _click(qtbot, entry.continue_button)
    page = entry.current_page
    assert page.question.key == "author"
    _click(qtbot, entry.continue_button)
    assert entry.errors.messages == ["Enter your full name"]
    entry.errors.follow(0)
    assert entry.focusWidget() is page.fields["author"].field
    qtbot.keyClicks(page.fields["author"].field, "Ana Kova")
    page.fields["author"].field.insert("\u010d")  # QTest types ASCII only
    _click(qtbot, entry.continue_button)
    qtbot.keyClicks(entry.current_page.fields["role"].field, "Housing officer")
    _click(qtbot, entry.continue_button)
    qtbot.keyClicks(entry.current_page.fields["contact"].field, "01632 960555")
    _click(qtbot, entry.continue_button)
    date_input = entry.current_page.fields["completed_on"].field
    qtbot.keyClicks(date_input.day, "21")
    qtbot.keyClicks(date_input.month, "11")
    qtbot.keyClicks(date_input.year, "2026")
    _click(qtbot, entry.continue_button)
    assert entry.position.section == "task_list"
    assert entry.statuses()["about"] is SectionStatus.COMPLETED

    # A nil return: not involved, which records were checked, then "completed?".
    _click(qtbot, entry.task_list.rows["involvement"])
    _choose(qtbot, entry.current_page.fields["involved"].field.buttons["no"])
    _click(qtbot, entry.continue_button)
    assert entry.current_page.question.key == "records_checked"
    qtbot.keyClicks(
        entry.current_page.narratives[0], "We searched the tenancy and repairs records."
    )
    _click(qtbot, entry.continue_button)
    assert entry.position.page == "completed"
    _click(qtbot, entry.continue_button)
    assert entry.errors.messages == ["Select whether you have completed this section"]
    _choose(qtbot, entry.completed_page.choice.buttons["yes"])
    _click(qtbot, entry.continue_button)
    statuses = entry.statuses()
    assert statuses["involvement"] is SectionStatus.COMPLETED
    assert statuses["went_well"] is SectionStatus.NOT_NEEDED
    assert entry.task_list.tags["went_well"].text() == "Not needed"

    _click(qtbot, entry.task_list.check_button)
    assert entry.position.section == "check"
    assert entry.check_answers.looked_at_field.isHidden()
    # Change returns to the page and comes straight back.
    _click(qtbot, entry.check_answers.change_buttons["role"])
    assert entry.current_page.question.key == "role"
    qtbot.keyClicks(entry.current_page.fields["role"].field, " (tenancy)")
    _click(qtbot, entry.continue_button)
    assert entry.position.section == "check"
    assert entry.check_answers.values["role"].text() == "Housing officer (tenancy)"
    _click(qtbot, entry.check_answers.ready_button)
    assert widget.entry is None
    assert "Received 22 November 2026" in _status_words(widget)[HOUSING]
    saved = service.load_form(widget._case_id, HOUSING)
    assert saved.ready_on == today
    assert saved.answers["author"] == "Ana Kovač"


def test_check_answers_asks_the_author_to_confirm_findings(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    widget, service = _tab(qtbot, context, dialogs)
    entry = _open_police_form(qtbot, widget)
    entry.show_check_answers()
    summary = entry.check_answers.findings_summary
    assert "acronyms" in summary.text()
    assert "Contains pasted text in 1 place" in summary.text()
    _click(qtbot, entry.check_answers.ready_button)
    assert entry.check_answers.errors.messages == ["Confirm that you have looked at every finding"]
    entry.check_answers.looked_at.setChecked(True)
    _click(qtbot, entry.check_answers.ready_button)
    assert widget.entry is None
    assert service.load_form(widget._case_id, POLICE).findings_looked_at


def test_return_a_form_from_quality_assurance(qtbot, context, dialogs, today) -> None:  # type: ignore[no-untyped-def]
    widget, service = _tab(qtbot, context, dialogs)
    agency = "Northmoor Education Safeguarding Service"
    widget.select_agency(agency)
    assert "No findings" in widget.quality.text() or "Text checks" in widget.quality.text()
    dialogs.return_choice = ReturnChoice(
        (ReturnReason.ANALYSIS_NOT_COMPLETE,), "Say what the school makes of it now"
    )
    _click(qtbot, widget.buttons["returned"])
    assert "Returned for more information 22 November 2026" in _status_words(widget)[agency]
    assert (
        "Returned 22 November 2026: analysis not complete. Say what the school makes of it now"
        in widget.quality.text()
    )
    assert service.load_form(widget._case_id, agency).ready_on is None
    _click(qtbot, widget.buttons["received"])
    _click(qtbot, widget.buttons["assured"])
    assert "Quality assured 22 November 2026" in _status_words(widget)[agency]
    assert context.messages.shown == [], "the author had confirmed they looked at the findings"
    assert "History of returns" in widget.quality.text()


def test_build_the_panel_pack(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    widget, _service = _tab(qtbot, context, dialogs, Stage.MEETING_BOOKED)
    _click(qtbot, widget.pack.build_button)
    saved = dialogs.folder / str(dialogs.saved_as)
    assert saved.name.endswith("panel pack.pdf")
    reader = PdfReader(io.BytesIO(saved.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "OFFICIAL-SENSITIVE" in text
    assert "Northmoor Integrated Care Board" in text
    assert "Child R" in text
    assert "Rosie" not in text
    assert "Gethin ap Rhys" in text
    assert sorted(p.name for p in dialogs.folder.iterdir()) == [saved.name]
    assert "Saved" in widget.pack.status.text()
    actions = [e.action for e in context.session.audit.entries(widget._case_id)]
    assert "Built the panel pack" in actions


def test_cancelled_panel_pack_saves_nothing(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    runner = context.runner
    assert isinstance(runner, ImmediateRunner)
    runner.cancel_requested = True
    widget, _service = _tab(qtbot, context, dialogs, Stage.MEETING_BOOKED)
    _click(qtbot, widget.pack.build_button)
    assert list(dialogs.folder.iterdir()) == []
    assert widget.pack.status.text() == "The panel pack was not built. Nothing was saved."


def test_reopening_returns_to_the_same_page(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    widget, _service = _tab(qtbot, context, dialogs)
    entry = _open_police_form(qtbot, widget)
    _click(qtbot, entry.task_list.rows["lived_experience"])
    qtbot.keyClicks(entry.current_page.narratives[0], " He liked football.")
    # A forced close: no Back, no close button; the draft was saved as it was typed.
    qtbot.waitUntil(lambda: not entry._save_timer.isActive())
    qtbot.keyClicks(entry.current_page.narratives[0], " And art.")
    entry.save_pending()  # as the lock controller does before locking
    widget.entry = None
    reopened = widget.open_form(POLICE)
    assert reopened.current_page.question.key == "lived_experience"
    assert reopened.current_page.narratives[0].text().endswith("He liked football. And art.")


def test_who_entered_the_form_is_recorded(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    widget, service = _tab(qtbot, context, dialogs)
    entry = _open_police_form(qtbot, widget)
    entry.entered_by.setCurrentIndex(1)
    qtbot.keyClicks(entry.entered_by_name, "Sergeant Ana Blake")
    _click(qtbot, entry.close_button)
    saved = service.load_form(widget._case_id, POLICE)
    assert saved.entered_by is EnteredBy.AGENCY_REPRESENTATIVE
    assert saved.entered_by_name == "Sergeant Ana Blake"
    reopened = widget.open_form(POLICE)
    assert reopened.entered_by.currentData() == EnteredBy.AGENCY_REPRESENTATIVE.value
    assert reopened.entered_by_name.text() == "Sergeant Ana Blake"
    reopened.show_task_list()
    assert "representative of the agency" in reopened.task_list.entered_by.text()


def test_the_case_page_has_an_agency_forms_tab(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.app import build_main_window
    from rrdesk.ui.cases.cases_section import CasesSection

    window = build_main_window(context)
    qtbot.addWidget(window)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(_case_id(context.session, Stage.COLLECTING_RETURNS))
    titles = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    assert "Agency forms" in titles
    tab = section.tabs.widget(titles.index("Agency forms"))
    assert isinstance(tab, AgencyFormsWidget)
    assert tab.table.rowCount() == 7


def test_panel_pack_builds_off_the_ui_thread(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.ui.shell.tasks import TaskRunner

    runner = TaskRunner()
    context.runner = runner
    widget, _service = _tab(qtbot, context, dialogs, Stage.MEETING_BOOKED)
    _click(qtbot, widget.pack.build_button)
    assert widget.pack.building
    assert widget.pack.cancel_button.isVisible()
    assert not widget.pack.build_button.isEnabled()
    qtbot.waitUntil(lambda: not widget.pack.building, timeout=30_000)
    runner.wait()
    saved = dialogs.folder / str(dialogs.saved_as)
    assert saved.read_bytes().startswith(b"%PDF")
    assert widget.pack.build_button.isEnabled()


def test_quality_assurance_of_an_unfinished_form_names_its_sections(  # type: ignore[no-untyped-def]
    qtbot, context, dialogs
) -> None:
    widget, service = _tab(qtbot, context, dialogs)
    case_id = widget._case_id
    service.record_received(case_id, EARLY_HELP, date(2026, 11, 22))
    widget.refresh()
    widget.select_agency(EARLY_HELP)
    context.messages.confirm_answer = False
    _click(qtbot, widget.buttons["assured"])
    kind, _title, text = context.messages.shown[-1]
    assert kind == "confirm"
    assert "not completed: " in text
    unfinished = service.quality_view(case_id, EARLY_HELP, widget.checker).unfinished
    assert unfinished
    for title in unfinished:
        assert title in text
    assert context.messages.confirm_defaults[-1] == "Go back"
    assert "Received" in _status_words(widget)[EARLY_HELP]


def test_quality_assurance_asks_before_passing_unseen_findings(qtbot, context, dialogs) -> None:  # type: ignore[no-untyped-def]
    widget, service = _tab(qtbot, context, dialogs)
    case_id = widget._case_id
    service.record_received(case_id, POLICE, date(2026, 11, 22))
    widget.refresh()
    widget.select_agency(POLICE)
    context.messages.confirm_answer = False
    _click(qtbot, widget.buttons["assured"])
    kind, _title, text = context.messages.shown[-1]
    assert kind == "confirm"
    assert "has not confirmed" in text
    assert context.messages.confirm_defaults[-1] == "Go back", "Enter does not pass the form"
    assert "Received" in _status_words(widget)[POLICE]
    context.messages.confirm_answer = True
    _click(qtbot, widget.buttons["assured"])
    assert "Quality assured" in _status_words(widget)[POLICE]
    entry = widget.open_form(POLICE)
    assert "quality assured on 22 November 2026" in entry.notice.text()
    assert "needs quality assurance again" in entry.notice.text()

    entry.save_now()  # opening and saving without a change keeps it quality assured
    assert service.request(case_id, POLICE).stage.kind.value == "quality_assured"
    _click(qtbot, entry.task_list.rows["prevention"])
    page = entry.current_page
    assert page is not None
    edit = page.narratives[0]
    qtbot.keyClicks(edit, " Added after the check.")
    entry.save_now()
    assert "back to received" in entry.notice.text()
    widget.close_form()
    assert (
        "Received; changed after quality assurance on 22 November 2026, so it needs checking again"
        in _status_words(widget)[POLICE]
    )
    assert any(
        e.action.startswith("Changed a quality-assured agency check form")
        for e in context.session.audit.entries(case_id)
    )
    assert POLICE not in [request.agency for request, _record in service.quality_assured(case_id)]


def test_reading_every_page_of_a_quality_assured_form_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, context, dialogs
) -> None:
    from rrdesk.domain.agency_forms.agency_form_record import FormPosition
    from rrdesk.domain.agency_forms.check_form_answers import meaningful_answers

    widget, service = _tab(qtbot, context, dialogs, Stage.MEETING_BOOKED)
    case_id = widget._case_id
    assured = [request.agency for request, _record in service.quality_assured(case_id)]
    assert assured, "the demo has quality-assured forms for the booked meeting"
    before = service.load_form(case_id, assured[0])
    entry = widget.open_form(assured[0])
    for section in service.form.sections:
        for question in section.questions:
            entry.open_at(FormPosition(section.key, question.key))
            entry.save_now()
    entry.show_check_answers()
    widget.close_form()
    assert [r.agency for r, _ in service.quality_assured(case_id)] == assured
    after = service.load_form(case_id, assured[0])
    assert meaningful_answers(after.answers) == meaningful_answers(before.answers)
    assert "Quality assured" in _status_words(widget)[assured[0]]
