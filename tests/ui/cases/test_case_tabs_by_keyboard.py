"""Changing a case's tab with the keyboard (Ctrl+Tab, Ctrl+Shift+Tab, or the arrow keys on the
tabs) with unsaved typing asks Save, Discard or Stay before the tab changes, as a click does: the
question is asked over the page being left, and Stay never shows the other tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.cases.cases import Child
from rrdesk.ui.cases.case_editor import CaseEditorWidget
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from tests.builders import add_case
from tests.fakes import RecordingMessages

SAVED = "Child R was taken to hospital with a head injury."
TYPED = "Changed and then left for another tab by the keyboard."


def _case_changed(
    qtbot: QtBot, context: AppContext
) -> tuple[CasesSection, CaseEditorWidget, int, list[int]]:
    """A case open on its summary page, changed and not saved; and every tab shown since."""
    today = context.today()
    case = add_case(
        context.session,
        today=today,
        notified=today,
        children=(Child("Child R", "Rory Example-Fictional"),),
        summary=SAVED,
    )
    assert case.case_id is not None
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(case.case_id)
    editor = section.editor
    editor.show_page("summary")
    editor.form.summary.setFocus()
    editor.form.summary.selectAll()
    qtbot.keyClicks(editor.form.summary, TYPED)
    shown: list[int] = []
    section.tabs.currentChanged.connect(shown.append)
    return section, editor, case.case_id, shown


def _tab_title(section: CasesSection) -> str:
    return section.tabs.tabText(section.tabs.currentIndex())


def _asked(messages: RecordingMessages) -> list[str]:
    return [title for kind, title, _text in messages.shown if kind == "choose"]


def test_ctrl_tab_with_stay_never_shows_the_next_tab(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    section, editor, case_id, shown = _case_changed(qtbot, blank_context)
    messages.choice = STAY
    qtbot.keyClick(editor.form.summary, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert _asked(messages) == ["Your changes have not been saved"]
    assert messages.choices == [((SAVE, DISCARD, STAY), STAY)]
    assert shown == [], "the tab never changed, even for a moment"
    assert _tab_title(section) == "Case details"
    assert editor.form.summary.toPlainText() == TYPED
    assert blank_context.session.cases.get(case_id).summary == SAVED  # type: ignore[union-attr]


def test_ctrl_tab_with_save_stores_the_change_then_shows_the_next_tab(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    section, editor, case_id, shown = _case_changed(qtbot, blank_context)
    messages.choice = SAVE
    qtbot.keyClick(editor.form.summary, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert _asked(messages) == ["Your changes have not been saved"]
    assert blank_context.session.cases.get(case_id).summary == TYPED  # type: ignore[union-attr]
    assert shown == [1]
    assert _tab_title(section) == section.tabs.tabText(1)


def test_ctrl_shift_tab_with_discard_goes_round_to_the_last_tab_that_applies(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    section, editor, case_id, shown = _case_changed(qtbot, blank_context)
    messages.choice = DISCARD
    qtbot.keyClick(
        editor.form.summary,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    tabs = section.tabs
    last = max(i for i in range(tabs.count()) if tabs.isTabEnabled(i))  # the last that applies
    assert shown == [last]
    assert _tab_title(section) == section.tabs.tabText(last)
    assert blank_context.session.cases.get(case_id).summary == SAVED  # type: ignore[union-attr]
    assert editor.form.summary.toPlainText() == SAVED
    assert len(_asked(messages)) == 1, "asked once only"


def test_the_arrow_keys_on_the_tabs_ask_first(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    section, editor, _case_id, shown = _case_changed(qtbot, blank_context)
    tab_bar = section.tabs.tabBar()
    tab_bar.setFocus()
    qtbot.keyClick(tab_bar, Qt.Key.Key_Left)  # the first tab: nothing to its left
    assert _asked(messages) == []
    messages.choice = STAY
    qtbot.keyClick(tab_bar, Qt.Key.Key_Right)
    assert _asked(messages) == ["Your changes have not been saved"]
    assert shown == []
    assert section.tabs.currentWidget() is editor
    messages.choice = DISCARD
    qtbot.keyClick(tab_bar, Qt.Key.Key_Right)
    assert shown == [1]
    assert editor.form.summary.toPlainText() == SAVED


def test_nothing_typed_moves_at_once(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    section, editor, _case_id, shown = _case_changed(qtbot, blank_context)
    messages.choice = DISCARD
    qtbot.keyClick(editor.form.summary, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    tab_bar = section.tabs.tabBar()
    tab_bar.setFocus()
    qtbot.keyClick(tab_bar, Qt.Key.Key_Right)
    qtbot.keyClick(tab_bar, Qt.Key.Key_Left)
    assert shown == [1, 2, 1]
    assert len(_asked(messages)) == 1, "asked only while the typing was unsaved"
