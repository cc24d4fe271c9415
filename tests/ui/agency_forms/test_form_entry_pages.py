"""Guided entry of an agency's check form: what the task list counts and marks, the "There is
a problem" summary on it, and question pages opening at their top."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from rrdesk.domain.cases.cases import Stage
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
from tests.ui.agency_forms.test_agency_forms import FakeDialogs

POLICE = "Northmoor Police Public Protection Unit"
HOUSING = "Northmoor Housing"


@pytest.fixture
def dialogs(tmp_path: Path) -> FakeDialogs:
    folder = tmp_path / "chosen"
    folder.mkdir()
    return FakeDialogs(folder)


def _tab(qtbot, context, dialogs, stage: Stage):  # type: ignore[no-untyped-def]
    case_id = next(c for c in context.session.cases.all_cases() if c.stage is stage).case_id
    widget = AgencyFormsWidget(
        AgencyFormsService(context.session),
        int(case_id),
        context.messages,
        context.today,
        context.runner,
        dialogs,
        files=dialogs.files,
        opener=dialogs.opener,
    )
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _new_housing_form(qtbot, context, dialogs):  # type: ignore[no-untyped-def]
    widget = _tab(qtbot, context, dialogs, Stage.NOTIFIED)
    dialogs.agencies = [HOUSING]
    _click(qtbot, widget.buttons["choose"])
    widget.select_agency(HOUSING)
    _click(qtbot, widget.buttons["sent"])
    _click(qtbot, widget.buttons["open"])
    return widget.entry


def test_a_new_form_counts_only_the_sections_that_need_an_answer(  # type: ignore[no-untyped-def]
    qtbot, context, dialogs
) -> None:
    entry = _new_housing_form(qtbot, context, dialogs)
    sections = len(entry.task_list.rows)
    assert entry.task_list.progress.text() == f"You have completed 0 of {sections} sections."
    assert entry.task_list.tags["went_well"].text() == "Cannot start yet"
    assert not entry.task_list.rows["went_well"].isEnabled()

    _click(qtbot, entry.task_list.rows["involvement"])
    radio = entry.current_page.fields["involved"].field.buttons["no"]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    _click(qtbot, entry.back_button)
    assert entry.task_list.tags["went_well"].text() == "Not needed"
    assert entry.task_list.progress.text() == "You have completed 0 of 2 sections."


def test_sections_with_findings_or_pasted_text_say_has_warnings(  # type: ignore[no-untyped-def]
    qtbot, context, dialogs
) -> None:
    widget = _tab(qtbot, context, dialogs, Stage.COLLECTING_RETURNS)
    widget.select_agency(POLICE)
    _click(qtbot, widget.buttons["open"])
    entry = widget.entry
    entry.show_task_list()
    warned = [k for k, tag in entry.task_list.warning_tags.items() if tag.isVisible()]
    assert warned, "the demo police form has acronyms and pasted text"
    assert all(entry.task_list.warning_tags[k].text() == "Has warnings" for k in warned)
    assert "warnings to look at" in entry.task_list.progress.text()
    assert entry.task_list.rows[warned[0]].accessibleName().endswith(", has warnings")

    _click(qtbot, entry.task_list.rows["went_well"])
    edit = entry.current_page.narratives[0]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, "The school nurse was told about the DV.")
    _click(qtbot, entry.back_button)
    assert entry.task_list.warning_tags["went_well"].isVisible()


def test_check_answers_with_sections_missing_shows_the_error_summary(  # type: ignore[no-untyped-def]
    qtbot, context, dialogs
) -> None:
    entry = _new_housing_form(qtbot, context, dialogs)
    _click(qtbot, entry.task_list.check_button)
    assert entry.errors.isVisible()
    assert entry.errors.messages[0] == "Complete the section \u201cAbout your agency and you\u201d"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry.errors)
    entry.errors.follow(0)
    assert QApplication.focusWidget() is entry.task_list.rows["about"]
    _click(qtbot, entry.task_list.rows["about"])
    assert entry.errors.isHidden(), "a new page opens with no problems on it"


def test_a_question_page_opens_at_its_top_and_no_taller_than_it_needs(  # type: ignore[no-untyped-def]
    qtbot, context, dialogs
) -> None:
    widget = _tab(qtbot, context, dialogs, Stage.COLLECTING_RETURNS)
    widget.select_agency(POLICE)
    _click(qtbot, widget.buttons["open"])
    entry = widget.entry
    entry.show_task_list()
    _click(qtbot, entry.task_list.rows["chronology"])
    scroll = entry.stack.currentWidget()
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    _click(qtbot, entry.continue_button)  # on to "Have you completed this section?"
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
    _click(qtbot, widget.buttons["choose"])
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("info", "No agencies to choose from yet")
    assert "Add the agencies your partnership works with under Directory" in text
