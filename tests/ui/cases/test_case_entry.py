"""Entering and changing a case in the main window, as a coordinator would."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from rrdesk.app import build_main_window
from rrdesk.domain.cases.cases import Child, Stage
from rrdesk.ui.cases.cases_section import CasesSection
from tests.builders import HOUSING, add_case, add_directory


def _window(qtbot, context):  # type: ignore[no-untyped-def]
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button on its circle, as a person does."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def test_case_list_shows_the_cases_and_filters(qtbot, blank_context, session, today) -> None:  # type: ignore[no-untyped-def]
    twins = (Child("Child A"), Child("Child B"))
    add_case(session, today=today, notified=date(2026, 11, 9), children=twins)
    add_case(
        session,
        today=today,
        notified=date(2026, 11, 16),
        children=(Child("Child M"),),
        stage=Stage.COLLECTING_RETURNS,
    )
    add_case(
        session,
        today=today,
        notified=date(2026, 9, 1),
        children=(Child("Child D"),),
        stage=Stage.LOCAL_REVIEW,
    )
    add_case(
        session, today=today, notified=None, children=(Child("Child Q"),), stage=Stage.REFERRED
    )
    window = _window(qtbot, blank_context)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    listing = section.case_list
    assert listing.count_label.text() == "4 cases"
    shown = {listing.model.index(r, 1).data() for r in range(listing.model.rowCount())}
    assert shown == {"Child A and Child B", "Child M", "Child D", "Child Q"}
    qtbot.keyClicks(listing.search, "Child M")
    assert listing.model.rowCount() == 1
    assert listing.model.index(0, 2).data() == "Collecting agency returns"
    listing.search.clear()
    listing.stage_filter.setCurrentIndex(listing.stage_filter.findData(Stage.LOCAL_REVIEW.value))
    assert listing.count_label.text() == "1 case"
    assert listing.model.index(0, 1).data() == "Child D"
    assert "rrdesk: Northmoor" in window.windowTitle()
    assert "Child M" not in window.windowTitle()


def test_the_case_list_fits_a_1024_screen_without_scrolling_sideways(  # type: ignore[no-untyped-def]
    qtbot, blank_context, session, today, qapp
) -> None:
    from rrdesk.ui.shell.application import apply_house_style

    add_case(session, today=today, notified=date(2026, 11, 16), stage=Stage.COLLECTING_RETURNS)
    apply_house_style(qapp)  # its padding makes every heading wider
    try:
        window = _window(qtbot, blank_context)
        window.resize(1008, 700)  # a 1024 by 768 screen, less the window's frame
        table = window.section("cases").case_list.table
        qtbot.waitUntil(lambda: table.viewport().width() < 800)
        assert table.horizontalScrollBar().maximum() == 0
        header = table.horizontalHeader()
        assert header.sectionSize(4) >= 110, "Working day, its heading whole"
    finally:
        qapp.setStyleSheet("")


def test_case_list_sorts_when_a_column_heading_is_clicked(
    qtbot, blank_context, session, today
) -> None:  # type: ignore[no-untyped-def]
    for reference, notified, stage in (
        ("RR-2025-014", date(2025, 12, 1), Stage.CLOSED),
        ("RR-2026-001", date(2026, 11, 2), Stage.MEETING_BOOKED),
        ("RR-2026-002", None, Stage.REFERRED),
        ("RR-2026-003", date(2026, 11, 16), Stage.NOTIFIED),
        ("RR-2026-004", None, Stage.THRESHOLD_NOT_MET),
    ):
        add_case(session, today=today, notified=notified, stage=stage, reference=reference)
    window = _window(qtbot, blank_context)
    listing = window.section("cases").case_list
    model = listing.model

    def column(number: int) -> list[str]:
        return [model.index(row, number).data() for row in range(model.rowCount())]

    references = column(0)
    assert references == [
        "RR-2026-004",
        "RR-2026-003",
        "RR-2026-002",
        "RR-2026-001",
        "RR-2025-014",
    ], "the newest case first at the start"
    header = listing.table.horizontalHeader()

    def click_heading(number: int) -> None:
        middle = QPoint(header.sectionViewportPosition(number) + 20, header.height() // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)

    click_heading(3)
    notified = [model.case_at(row).notification_sent for row in range(model.rowCount())]
    known = [day for day in notified if day is not None]
    assert len(known) == 3
    assert known in (sorted(known), sorted(known, reverse=True))
    assert notified[: len(known)] == known or notified[-len(known) :] == known
    click_heading(0)
    first = column(0)
    assert first in (references, list(reversed(references)))
    click_heading(0)
    assert column(0) == list(reversed(first))
    listing.search.setText("RR-2026")  # a new list of cases keeps the order chosen
    assert column(0) == [ref for ref in reversed(first) if "RR-2026" in ref]
    assert len(column(0)) == 4
    listing.search.clear()
    listing.table.selectRow(0)
    chosen = model.case_at(0).case_id
    click_heading(0)
    selected = listing.table.selectionModel().selectedRows()
    assert [model.case_at(index.row()).case_id for index in selected] == [chosen]


def test_new_case_with_errors_then_saved(qtbot, blank_context, session, today: date) -> None:  # type: ignore[no-untyped-def]
    add_case(session, today=today, notified=date(2026, 11, 2), reference="RR-2026-007")
    window = _window(qtbot, blank_context)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    _click(qtbot, section.case_list.new_button)
    editor = section.editor
    form = editor.form
    assert editor.current_page_key == "stage", "the stage is asked first"
    assert form.stage.value() == "", "no stage is chosen for the coordinator"
    _click(qtbot, editor.continue_button)
    assert editor.summary.messages == ["Select where the case is in the process"]
    _choose(qtbot, form.stage.buttons[Stage.NOTIFIED.value])
    assert editor.summary.isHidden(), "the problem goes once it is put right"
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "children"
    assert editor.summary.isHidden()

    _click(qtbot, editor.continue_button)
    assert editor.summary.isVisible()
    assert editor.summary.messages == [
        "Enter a pseudonym, for example Child T",
        "Select the child's sex, or 'Not known'",
        "Select whether the child died or was seriously harmed",
        "Select the child's status with children's services",
    ]
    editor.summary.follow(0)
    assert editor.focusWidget() is form.child_blocks[0].pseudonym

    block = form.child_blocks[0]
    qtbot.keyClicks(block.pseudonym, "Child Z")
    qtbot.keyClicks(block.real_name, "Zara Fictional-Example")
    qtbot.keyClicks(block.date_of_birth.day, "31")
    qtbot.keyClicks(block.date_of_birth.month, "2")
    qtbot.keyClicks(block.date_of_birth.year, "2020")
    _choose(qtbot, block.sex.buttons["not_known"])
    _choose(qtbot, block.outcome.buttons["seriously_harmed"])
    _choose(qtbot, block.status.buttons["none"])
    _click(qtbot, editor.continue_button)
    assert editor.summary.messages == ["The date of birth must be a real date"]
    assert block.pseudonym.text() == "Child Z", "nothing typed is lost on an error"
    block.date_of_birth.day.clear()
    qtbot.keyClicks(block.date_of_birth.day, "28")
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "dates"
    assert editor.summary.isHidden(), "a page opens with no problems on it"
    assert not form.notified.error.isVisible()

    notified = form.notified.field
    qtbot.keyClicks(notified.day, "20")
    qtbot.keyClicks(notified.month, "Nov")
    qtbot.keyClicks(notified.year, "2026")
    incident = form.incident.field
    qtbot.keyClicks(incident.day, "21")
    qtbot.keyClicks(incident.month, "11")
    qtbot.keyClicks(incident.year, "2026")
    _click(qtbot, editor.continue_button)
    assert editor.summary.messages == [
        "The date of the incident must be on or before the notification date"
    ]
    incident.day.clear()
    qtbot.keyClicks(incident.day, "17")
    assert editor.summary.isHidden(), "the date put right clears its problem at once"
    assert not form.incident.error.isVisible()
    _click(qtbot, editor.continue_button)
    for expected in ("authorities", "summary", "referral", "threshold", "parallel"):
        assert editor.current_page_key == expected
        if expected == "summary":
            qtbot.keyClicks(form.summary, "A six-year-old was hurt at home.")
        if expected == "referral":
            _choose(qtbot, form.route.buttons["professional"])
        _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "check"
    text = editor.check_answers_text()
    assert "Check your answers before saving the case" in text
    assert "Child Z, aged 6 years, not known, seriously harmed" in text
    assert "20 November 2026" in text
    assert editor.continue_button.text() == "Save case"
    _click(qtbot, editor.continue_button)

    stored = session.cases.get_by_reference("RR-2026-008")  # the next after RR-2026-007
    assert stored is not None
    assert stored.children[0].real_name == "Zara Fictional-Example"
    assert stored.children[0].date_of_birth == date(2020, 2, 28)
    assert stored.notification_sent == date(2026, 11, 20)
    assert stored.summary == "A six-year-old was hurt at home."
    assert "RR-2026-008: Child Z" in editor.check_answers_text()
    history = session.audit.entries(stored.case_id)
    assert [entry.action for entry in history] == ["Created the case"]


def _enter_referral(qtbot, editor, stage: Stage, pseudonym: str):  # type: ignore[no-untyped-def]
    """A new case at ``stage`` through the pages, as far as Check your answers."""
    form = editor.form
    _choose(qtbot, form.stage.buttons[stage.value])
    _click(qtbot, editor.continue_button)
    qtbot.keyClicks(form.child_blocks[0].pseudonym, pseudonym)
    _choose(qtbot, form.child_blocks[0].sex.buttons["female"])
    _choose(qtbot, form.child_blocks[0].outcome.buttons["died"])
    _choose(qtbot, form.child_blocks[0].status.buttons["child_in_need"])
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "dates"
    assert form.notified.isHidden(), "a case not notified is not asked the notification date"
    assert form.np_reference_field.isHidden()
    assert "notification" not in form.dates_page.hint.text()
    for expected in ("dates", "authorities", "summary", "referral", "threshold", "parallel"):
        assert editor.current_page_key == expected
        if expected == "referral":
            _choose(qtbot, form.route.buttons["child_death_review"])
        if expected == "threshold":
            assert form.threshold_met_field.isHidden(), "the stage says whether it was met"
        _click(qtbot, editor.continue_button)
        assert editor.summary.isHidden(), expected
    assert editor.current_page_key == "check"
    text = editor.check_answers_text()
    assert "Notification sent" not in text
    assert f"Stage\n{stage.label}" in text
    _click(qtbot, editor.continue_button)


@pytest.mark.parametrize(
    ("stage", "met"),
    [(Stage.REFERRED, None), (Stage.THRESHOLD_NOT_MET, False)],
    ids=["under threshold discussion", "threshold not met"],
)
def test_a_referral_not_notified_is_entered_through_the_pages(  # type: ignore[no-untyped-def]
    qtbot, blank_context, session, stage: Stage, met: bool | None
) -> None:
    window = _window(qtbot, blank_context)
    section = window.section("cases")
    _click(qtbot, section.case_list.new_button)
    _enter_referral(qtbot, section.editor, stage, "Child Q")
    stored = session.cases.get_by_reference("RR-2026-001")  # the first case in a new store
    assert stored is not None
    assert stored.stage is stage
    assert stored.notification_sent is None
    assert stored.threshold.met is met
    assert "RR-2026-001: Child Q" in section.editor.check_answers_text()


def test_a_stage_changed_to_notified_asks_for_the_date(qtbot, blank_context, session) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, blank_context)
    section = window.section("cases")
    _click(qtbot, section.case_list.new_button)
    editor = section.editor
    _enter_referral(qtbot, editor, Stage.REFERRED, "Child R")
    editor.show_page("stage")
    _choose(qtbot, editor.form.stage.buttons[Stage.NOTIFIED.value])
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "dates"
    assert editor.summary.messages == ["Enter the date the notification was sent"]
    notified = editor.form.notified.field
    qtbot.keyClicks(notified.day, "20")
    qtbot.keyClicks(notified.month, "11")
    qtbot.keyClicks(notified.year, "2026")
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "check"
    stored = session.cases.get_by_reference("RR-2026-001")
    assert stored.stage is Stage.NOTIFIED
    assert stored.notification_sent == date(2026, 11, 20)


def test_change_link_saves_and_returns(qtbot, blank_context, session, today) -> None:  # type: ignore[no-untyped-def]
    case = add_case(
        session,
        today=today,
        notified=date(2026, 11, 16),
        stage=Stage.COLLECTING_RETURNS,
        children=(Child("Child M"),),
        reference="RR-2026-006",
    )
    window = _window(qtbot, blank_context)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(case.case_id)
    editor = section.editor
    assert "RR-2026-006: Child M" in editor.check_answers_text()
    change = editor.findChild(type(editor.continue_button), "change_stage_21")
    assert change is None or change.text() == "Change"
    editor.show_page("stage")
    _choose(qtbot, editor.form.stage.buttons[Stage.MEETING_BOOKED.value])
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "check"
    assert "Stage: Meeting booked" in editor.check_answers_text()
    stored = session.cases.get(case.case_id)
    assert stored.stage is Stage.MEETING_BOOKED
    last = session.audit.entries(case.case_id)[-1]
    assert last.detail["changed"] == ["stage"]
    assert last.actor == "Priya Test-Coordinator"


def test_directory_add_person(qtbot, blank_context, session) -> None:  # type: ignore[no-untyped-def]
    add_directory(session)
    window = _window(qtbot, blank_context)
    window.show_section("directory")
    directory = window.section("directory")
    _click(qtbot, directory.new_button)
    _click(qtbot, directory.save_button)
    assert directory.summary.messages == ["Enter the person's name", "Enter the agency"]
    qtbot.keyClicks(directory.name, "Mx Jordan Fictional")
    directory.agency.setCurrentText(HOUSING)
    qtbot.keyClicks(directory.email, "not an email")
    _click(qtbot, directory.save_button)
    assert directory.summary.messages == [
        "Enter an email address in the correct format, like name@example.com"
    ]
    directory.email.clear()
    qtbot.keyClicks(directory.email, "jordan@northmoor.example")
    directory.on_panel.setChecked(True)
    _click(qtbot, directory.save_button)
    saved = [m for m in session.directory.members() if m.name == "Mx Jordan Fictional"]
    assert [(m.agency, m.email, m.on_panel) for m in saved] == [
        (HOUSING, "jordan@northmoor.example", True)
    ]
    shown = [directory.table.item(r, 0).text() for r in range(directory.table.rowCount())]
    assert "Mx Jordan Fictional" in shown


def test_case_list_counts_with_an_imported_bank_holiday(
    qtbot, blank_context, session, today
) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.services.timetable.calendar_settings import CalendarSettings
    from tests.services.timetable.test_timetable_service import newer_file

    # Notified on Friday 13 November: the 5 working days to Sunday 22 November become 4 once
    # Wednesday 18 November is a bank holiday.
    add_case(session, today=today, notified=date(2026, 11, 13), reference="RR-2026-006")
    window = _window(qtbot, blank_context)
    listing = window.section("cases").case_list
    listing.search.setText("RR-2026-006")
    assert listing.model.index(0, 4).data() == "Day 5"
    CalendarSettings(session).import_bank_holidays(newer_file(date(2026, 11, 18)))
    window.section("calendar").calendar_changed.emit()
    assert listing.model.index(0, 4).data() == "Day 4"


def test_the_case_shows_a_late_notification_and_asks_when_ofsted_was_told(  # type: ignore[no-untyped-def]
    qtbot, blank_context, session, today
) -> None:
    """Working Together 2023, chapter 5: notified within 5 working days of becoming aware; a
    looked-after child's death is told to Ofsted and the Secretary of State."""
    from rrdesk.domain.cases.cases import ChildStatus, Outcome

    child = Child("Child M", status=ChildStatus.LOOKED_AFTER, outcome=Outcome.DIED)
    stored = add_case(
        session,
        today=today,
        notified=date(2026, 11, 12),
        children=(child,),
        incident_date=date(2026, 11, 2),
        la_aware_date=date(2026, 11, 2),
    )
    window = _window(qtbot, blank_context)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(stored.case_id)
    editor = section.editor
    text = editor.check_answers_text()
    assert (
        "8 working days after the local authority became aware: later than the 5 working days"
        in text
    )
    assert "the local authority must tell Ofsted and the Secretary of State" in text

    editor.show_page("dates")
    told = editor.form.ofsted_told.field
    qtbot.keyClicks(told.day, "13")
    qtbot.keyClicks(told.month, "11")
    qtbot.keyClicks(told.year, "2026")
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "check"
    assert "Ofsted and the Secretary of State told on 13 November 2026" in (
        editor.check_answers_text()
    )
    assert session.cases.get(stored.case_id).ofsted_told_on == date(2026, 11, 13)
