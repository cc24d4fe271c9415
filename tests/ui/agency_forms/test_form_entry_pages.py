"""Guided entry of an agency's check form: what the task list counts and marks, the "There is
a problem" summary on it, and question pages opening at their top."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
from tests.builders import HOUSING
from tests.ui.agency_forms.forms_setup import click, open_police_form, open_tab


def _new_housing_form(qtbot, context, dialogs, case):  # type: ignore[no-untyped-def]
    widget, _service = open_tab(qtbot, context, dialogs, case, height=700)
    dialogs.agencies = [HOUSING]
    click(qtbot, widget.buttons["choose"])
    widget.select_agency(HOUSING)
    click(qtbot, widget.buttons["sent"])
    click(qtbot, widget.buttons["open"])
    return widget.entry


def test_a_new_form_counts_only_the_sections_that_need_an_answer(  # type: ignore[no-untyped-def]
    qtbot, blank_context, dialogs, notified
) -> None:
    entry = _new_housing_form(qtbot, blank_context, dialogs, notified)
    sections = len(entry.task_list.rows)
    assert entry.task_list.progress.text() == f"You have completed 0 of {sections} sections."
    assert entry.task_list.tags["went_well"].text() == "Cannot start yet"
    assert not entry.task_list.rows["went_well"].isEnabled()

    click(qtbot, entry.task_list.rows["involvement"])
    radio = entry.current_page.fields["involved"].field.buttons["no"]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    click(qtbot, entry.back_button)
    assert entry.task_list.tags["went_well"].text() == "Not needed"
    assert entry.task_list.progress.text() == "You have completed 0 of 2 sections."


def test_sections_with_findings_or_pasted_text_say_has_warnings(  # type: ignore[no-untyped-def]
    qtbot, blank_context, dialogs, collecting
) -> None:
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting, height=700)
    entry = open_police_form(qtbot, widget)
    entry.show_task_list()
    warned = [k for k, tag in entry.task_list.warning_tags.items() if tag.isVisible()]
    assert {"could_be_better", "prevention", "themes"} <= set(warned), (
        "the police form has acronyms and pasted text"
    )
    assert all(entry.task_list.warning_tags[k].text() == "Has warnings" for k in warned)
    assert "warnings to look at" in entry.task_list.progress.text()
    assert entry.task_list.rows[warned[0]].accessibleName().endswith(", has warnings")

    click(qtbot, entry.task_list.rows["went_well"])
    edit = entry.current_page.narratives[0]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, "The school nurse was told about the DV.")
    click(qtbot, entry.back_button)
    assert entry.task_list.warning_tags["went_well"].isVisible()


def test_check_answers_with_sections_missing_shows_the_error_summary(  # type: ignore[no-untyped-def]
    qtbot, blank_context, dialogs, notified
) -> None:
    entry = _new_housing_form(qtbot, blank_context, dialogs, notified)
    click(qtbot, entry.task_list.check_button)
    assert entry.errors.isVisible()
    assert entry.errors.messages[0] == "Complete the section \u201cAbout your agency and you\u201d"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry.errors)
    entry.errors.follow(0)
    assert QApplication.focusWidget() is entry.task_list.rows["about"]
    click(qtbot, entry.task_list.rows["about"])
    assert entry.errors.isHidden(), "a new page opens with no problems on it"


def test_a_question_page_opens_at_its_top_and_no_taller_than_it_needs(  # type: ignore[no-untyped-def]
    qtbot, blank_context, dialogs, collecting
) -> None:
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting, height=700)
    entry = open_police_form(qtbot, widget)
    entry.show_task_list()
    click(qtbot, entry.task_list.rows["chronology"])
    scroll = entry.stack.currentWidget()
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    click(qtbot, entry.continue_button)  # on to "Have you completed this section?"
    assert scroll.verticalScrollBar().value() == 0
    page = entry.page_stack.currentWidget()
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() == 0)  # it is short
    assert not page.heading.visibleRegion().isEmpty(), "the heading is in view"


def test_choosing_agencies_with_none_in_the_directory_says_where_to_add_them(  # type: ignore[no-untyped-def]
    qtbot, session, messages, dialogs, today
) -> None:
    from datetime import date

    from tests.builders import add_case
    from tests.fakes import ImmediateRunner

    case = add_case(session, today=today, notified=date(2026, 11, 16))
    widget = AgencyFormsWidget(
        AgencyFormsService(session),
        int(case.case_id),
        messages,
        lambda: today,
        ImmediateRunner(),
        dialogs,
        files=dialogs.files,
        opener=dialogs.opener,
    )
    qtbot.addWidget(widget)
    dialogs.agencies = None
    click(qtbot, widget.buttons["choose"])
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("info", "No agencies to choose from yet")
    assert "Add the agencies your partnership works with under Directory" in text
