"""An agency's check form saves every change as it is typed (after a short pause, on leaving a
box or a page), so leaving it straight after typing, before the pause is over, loses nothing and
asks nothing: another case tab, Ctrl and a number for another section, or closing the window
store what was typed. The real main window, driven as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.domain.cases.cases import Case
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.ui.agency_forms.agency_form_entry import AgencyFormEntryWidget
from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.shell.main_window import MainWindow
from tests.builders import POLICE
from tests.ui.agency_forms.forms_setup import click, open_police_form
from tests.ui.case_tabs import window_on_screen

TYPED = " The officer's notes from the second call-out were shared the same day."


def _police_form_typed(
    qtbot: QtBot, context: AppContext, case: Case
) -> tuple[MainWindow, CasesSection, AgencyFormEntryWidget, str]:
    """The police form open on its first narrative page, typed into; the text as typed."""
    assert case.case_id is not None
    window, section = window_on_screen(qtbot, context)
    section.open_case(case.case_id)
    titles = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    section.tabs.setCurrentIndex(titles.index("Agency forms"))
    tab = section.tabs.currentWidget()
    assert isinstance(tab, AgencyFormsWidget)
    entry = open_police_form(qtbot, tab)
    entry.show_task_list()
    click(qtbot, entry.task_list.rows["went_well"])
    page = entry.current_page
    assert page is not None
    edit = page.narratives[0]
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, TYPED)
    return window, section, entry, edit.toPlainText()


def _stored_answers(context: AppContext, case: Case) -> list[object]:
    assert case.case_id is not None
    return list(
        AgencyFormsService(context.session).load_form(case.case_id, POLICE).answers.values()
    )


def test_another_case_tab_straight_after_typing_stores_it_and_asks_nothing(
    qtbot: QtBot, blank_context: AppContext, collecting: Case
) -> None:
    _window, section, _entry, typed = _police_form_typed(qtbot, blank_context, collecting)
    assert typed not in _stored_answers(blank_context, collecting), "still within the pause"
    bar = section.tabs.tabBar()
    timetable = [section.tabs.tabText(i) for i in range(section.tabs.count())].index("Timetable")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(timetable).center())
    assert section.tabs.tabText(section.tabs.currentIndex()) == "Timetable"
    assert typed in _stored_answers(blank_context, collecting)
    assert blank_context.messages.choices == []  # type: ignore[attr-defined]


def test_ctrl_and_a_number_straight_after_typing_stores_it(
    qtbot: QtBot, blank_context: AppContext, collecting: Case
) -> None:
    window, _section, entry, typed = _police_form_typed(qtbot, blank_context, collecting)
    qtbot.keyClick(entry, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section == "board"
    assert typed in _stored_answers(blank_context, collecting)
    assert blank_context.messages.choices == []  # type: ignore[attr-defined]


def test_closing_the_window_straight_after_typing_stores_it(
    qtbot: QtBot, blank_context: AppContext, collecting: Case
) -> None:
    window, _section, _entry, typed = _police_form_typed(qtbot, blank_context, collecting)
    window.close()
    assert not window.isVisible()
    assert typed in _stored_answers(blank_context, collecting)
    assert blank_context.messages.choices == []  # type: ignore[attr-defined]
