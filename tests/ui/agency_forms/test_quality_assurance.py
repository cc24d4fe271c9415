"""Quality assurance on the Agency forms tab: returning a form, passing one that is unfinished
or has findings its author has not looked at, and reading a quality-assured form."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rrdesk.domain.agency_forms.agency_requests import ReturnReason
from rrdesk.ui.agency_forms.agency_dialogs import ReturnChoice
from tests.builders import HEALTH, HOUSING, LA, POLICE, SCHOOLS
from tests.ui.agency_forms.forms_setup import (
    EARLY_HELP,
    HOSPITAL,
    click,
    due_back,
    open_tab,
    status_words,
)


def test_return_a_form_from_quality_assurance(
    qtbot, blank_context, dialogs, today, collecting
) -> None:  # type: ignore[no-untyped-def]
    widget, service = open_tab(qtbot, blank_context, dialogs, collecting)
    agency = SCHOOLS
    widget.select_agency(agency)
    assert "No findings" in widget.quality.text() or "Text checks" in widget.quality.text()
    dialogs.return_choice = ReturnChoice(
        (ReturnReason.ANALYSIS_NOT_COMPLETE,),
        "Say what the school makes of it now",
        date(2026, 11, 27),
    )
    click(qtbot, widget.buttons["returned"])
    assert dialogs.suggested_due == date(2026, 11, 26), "the request's own due date, still ahead"
    assert "Returned for more information 22 November 2026" in status_words(widget)[agency]
    assert "Due back 27 November 2026" in status_words(widget)[agency]
    assert due_back(widget)[agency] == "27 November 2026"
    assert service.request(widget._case_id, agency).due_on == date(2026, 11, 27)
    assert (
        "Returned 22 November 2026: analysis not complete. Say what the school makes of it now"
        in widget.quality.text()
    )
    assert service.load_form(widget._case_id, agency).ready_on is None
    click(qtbot, widget.buttons["received"])
    click(qtbot, widget.buttons["assured"])
    assert "Quality assured 22 November 2026" in status_words(widget)[agency]
    assert blank_context.messages.shown == [], (
        "the author had confirmed they looked at the findings"
    )
    assert "History of returns" in widget.quality.text()


def test_a_received_form_with_nothing_entered_is_not_offered_for_quality_assurance(  # type: ignore[no-untyped-def]
    qtbot, blank_context, dialogs, collecting
) -> None:
    widget, service = open_tab(qtbot, blank_context, dialogs, collecting)
    case_id = widget._case_id
    service.record_received(case_id, EARLY_HELP, date(2026, 11, 22))
    widget.refresh()
    widget.select_agency(EARLY_HELP)
    assert not widget.buttons["assured"].isEnabled()
    assert widget.buttons["returned"].isEnabled()
    assert "no form entered yet" in widget.quality.text()
    assert "cannot be quality assured with nothing in it" in widget.quality.text()
    # Opened and closed with nothing typed, it is still not offered.
    click(qtbot, widget.buttons["open"])
    click(qtbot, widget.entry.close_button)
    widget.select_agency(EARLY_HELP)
    assert not widget.buttons["assured"].isEnabled()
    assert "Received" in status_words(widget)[EARLY_HELP]
    assert due_back(widget)[EARLY_HELP] == "\u2014"
    assert due_back(widget)[HOUSING] == "Not sent yet"


def test_quality_assurance_of_an_unfinished_form_names_its_sections(  # type: ignore[no-untyped-def]
    qtbot, blank_context, dialogs, collecting
) -> None:
    widget, service = open_tab(qtbot, blank_context, dialogs, collecting)
    case_id = widget._case_id
    service.record_received(case_id, EARLY_HELP, date(2026, 11, 22))
    record = service.load_form(case_id, EARLY_HELP)
    service.save_form(case_id, replace(record, answers={**record.answers, "involved": "yes"}))
    widget.refresh()
    widget.select_agency(EARLY_HELP)
    blank_context.messages.confirm_answer = False
    click(qtbot, widget.buttons["assured"])
    kind, _title, text = blank_context.messages.shown[-1]
    assert kind == "confirm"
    assert "not completed: " in text
    unfinished = service.quality_view(case_id, EARLY_HELP, widget.checker).unfinished
    assert unfinished
    for title in unfinished:
        assert title in text
    assert blank_context.messages.confirm_defaults[-1] == "Go back"
    assert "Received" in status_words(widget)[EARLY_HELP]


def test_quality_assurance_asks_before_passing_unseen_findings(
    qtbot, blank_context, dialogs, collecting
) -> None:  # type: ignore[no-untyped-def]
    widget, service = open_tab(qtbot, blank_context, dialogs, collecting)
    case_id = widget._case_id
    service.record_received(case_id, POLICE, date(2026, 11, 22))
    widget.refresh()
    widget.select_agency(POLICE)
    blank_context.messages.confirm_answer = False
    click(qtbot, widget.buttons["assured"])
    kind, _title, text = blank_context.messages.shown[-1]
    assert kind == "confirm"
    assert "has not confirmed" in text
    assert blank_context.messages.confirm_defaults[-1] == "Go back", "Enter does not pass the form"
    assert "Received" in status_words(widget)[POLICE]
    blank_context.messages.confirm_answer = True
    click(qtbot, widget.buttons["assured"])
    assert "Quality assured" in status_words(widget)[POLICE]
    entry = widget.open_form(POLICE)
    assert "quality assured on 22 November 2026" in entry.notice.text()
    assert "needs quality assurance again" in entry.notice.text()

    entry.save_now()  # opening and saving without a change keeps it quality assured
    assert service.request(case_id, POLICE).stage.kind.value == "quality_assured"
    click(qtbot, entry.task_list.rows["prevention"])
    page = entry.current_page
    assert page is not None
    edit = page.narratives[0]
    qtbot.keyClicks(edit, " Added after the check.")
    entry.save_now()
    assert "back to received" in entry.notice.text()
    widget.close_form()
    assert (
        "Changed after quality assurance on 22 November 2026, so it needs checking again"
        in status_words(widget)[POLICE]
    )
    assert any(
        e.action.startswith("Changed a quality-assured agency check form")
        for e in blank_context.session.audit.entries(case_id)
    )
    assert POLICE not in [request.agency for request, _record in service.quality_assured(case_id)]


def test_reading_every_page_of_a_quality_assured_form_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, blank_context, dialogs, booked
) -> None:
    from rrdesk.domain.agency_forms.agency_form_record import FormPosition
    from rrdesk.domain.agency_forms.check_form_answers import meaningful_answers

    widget, service = open_tab(qtbot, blank_context, dialogs, booked)
    case_id = widget._case_id
    assured = [request.agency for request, _record in service.quality_assured(case_id)]
    assert assured == [LA, HOSPITAL, HEALTH], "every form of the booked case is quality assured"
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
    assert "Quality assured" in status_words(widget)[assured[0]]
