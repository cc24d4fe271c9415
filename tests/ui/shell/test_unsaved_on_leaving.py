"""Leaving a case with unsaved typing asks Save, Discard or Stay, however it is left: another
section (a click in the list on the left, or Ctrl+number), another case tab, another case, or
closing the window. The real main window, driven as a person would."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from rrdesk.app import build_main_window
from rrdesk.domain.cases.cases import Case, Child, Stage
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from tests.builders import add_case

REAL_NAME = "Wren Elsewhere-Fictional"
SUMMARY = "Changed and then left for another section."
SAVED_SUMMARY = "Child R was taken to hospital with a head injury."


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _click_section(qtbot, window, title: str) -> None:  # type: ignore[no-untyped-def]
    (item,) = window.nav.findItems(title, Qt.MatchFlag.MatchExactly)
    centre = window.nav.visualItemRect(item).center()
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _window(qtbot, context):  # type: ignore[no-untyped-def]
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _new_case_half_typed(qtbot, context):  # type: ignore[no-untyped-def]
    window = _window(qtbot, context)
    section = window.section("cases")
    _click(qtbot, section.case_list.new_button)
    editor = section.editor
    _choose(qtbot, editor.form.stage.buttons[Stage.REFERRED.value])
    _click(qtbot, editor.continue_button)
    block = editor.form.child_blocks[0]
    qtbot.keyClicks(block.real_name, REAL_NAME)
    return window, section, editor


def _two_cases(context) -> tuple[Case, Case]:  # type: ignore[no-untyped-def]
    """The case a test changes, and another to open instead."""
    today = context.today()
    changed = add_case(
        context.session,
        today=today,
        notified=today,
        reference="RR-2026-012",
        children=(Child("Child R", "Rory Example-Fictional"),),
        summary=SAVED_SUMMARY,
    )
    other = add_case(
        context.session,
        today=today,
        notified=today,
        reference="RR-2026-013",
        children=(Child("Child S", "Sol Example-Fictional"),),
        summary="Child S was found at home.",
    )
    return changed, other


def _existing_case_changed(qtbot, context):  # type: ignore[no-untyped-def]
    case, _other = _two_cases(context)
    window = _window(qtbot, context)
    section = window.section("cases")
    section.open_case(case.case_id)
    editor = section.editor
    editor.show_page("summary")
    editor.form.summary.selectAll()
    qtbot.keyClicks(editor.form.summary, SUMMARY)
    return window, section, editor, case


def _stored_names(context) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.real_name for case in context.session.cases.all_cases() for c in case.children]


def _asked(context) -> list[str]:  # type: ignore[no-untyped-def]
    return [title for kind, title, _text in context.messages.shown if kind == "choose"]


def test_another_section_with_stay_keeps_the_page_and_the_typing(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    window, _section, editor = _new_case_half_typed(qtbot, blank_context)
    blank_context.messages.choice = STAY
    _click_section(qtbot, window, "Audit trail")
    assert _asked(blank_context) == ["This case has not been saved"]
    assert blank_context.messages.choices[-1] == ((SAVE, DISCARD, STAY), STAY)
    assert window.current_section == "cases"
    assert window.nav.currentItem().text() == "Cases"
    assert window.nav.selectedItems() == [window.nav.currentItem()]
    assert editor.isVisible()
    assert editor.form.child_blocks[0].real_name.text() == REAL_NAME


def test_another_section_with_discard_forgets_the_typing(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    window, section, editor = _new_case_half_typed(qtbot, blank_context)
    blank_context.messages.choice = DISCARD
    _click_section(qtbot, window, "Audit trail")
    assert window.current_section == "audit"
    assert REAL_NAME not in _stored_names(blank_context)
    assert blank_context.session.settings.get("draft_case") == ""
    _click_section(qtbot, window, "Cases")
    assert section.case_list.isVisible()
    assert editor.form.child_blocks[0].real_name.text() == ""
    assert _asked(blank_context) == ["This case has not been saved"], "asked once only"


def test_ctrl_and_a_number_asks_too_and_save_stores_the_change(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    window, _section, editor, case = _existing_case_changed(qtbot, blank_context)
    blank_context.messages.choice = SAVE
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(editor.form.summary, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert _asked(blank_context) == ["Your changes have not been saved"]
    assert window.current_section == "board"
    assert blank_context.session.cases.get(case.case_id).summary == SUMMARY


def test_a_change_that_cannot_be_saved_stays_with_its_problem(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    window, _section, editor, case = _existing_case_changed(qtbot, blank_context)
    editor.show_page("children")
    editor.form.child_blocks[0].pseudonym.clear()
    blank_context.messages.choice = SAVE
    _click_section(qtbot, window, "Directory")
    assert window.current_section == "cases"
    assert editor.current_page_key == "children"
    assert "Enter a pseudonym, for example Child T" in editor.summary.messages
    stored = blank_context.session.cases.get(case.case_id)
    assert (stored.children[0].pseudonym, stored.summary) == ("Child R", SAVED_SUMMARY)


def test_another_case_tab_asks_and_stay_keeps_case_details(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    context = blank_context
    _, section, editor, case = _existing_case_changed(qtbot, context)
    context.messages.choice = STAY
    tab_bar = section.tabs.tabBar()
    timetable = next(
        i for i in range(section.tabs.count()) if section.tabs.tabText(i) == "Timetable"
    )
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(timetable).center())
    assert _asked(context) == ["Your changes have not been saved"]
    assert section.tabs.currentWidget() is editor
    assert editor.form.summary.toPlainText() == SUMMARY
    context.messages.choice = DISCARD
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(timetable).center())
    assert section.tabs.tabText(section.tabs.currentIndex()) == "Timetable"
    assert context.session.cases.get(case.case_id).summary == SAVED_SUMMARY
    assert editor.form.summary.toPlainText() == SAVED_SUMMARY


def test_choosing_another_case_asks_first(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    """As when a case is opened from another screen (the board, the action plan)."""
    context = blank_context
    _, section, editor, case = _existing_case_changed(qtbot, context)
    other = context.session.cases.get_by_reference("RR-2026-013")
    context.messages.choice = STAY
    section.open_case(other.case_id)
    assert editor.current_case.case_id == case.case_id
    assert editor.form.summary.toPlainText() == SUMMARY
    context.messages.choice = DISCARD
    section.open_case(other.case_id)
    assert editor.current_case.case_id == other.case_id
    assert editor.form.summary.toPlainText() == "Child S was found at home."
    assert context.session.cases.get(case.case_id).summary == SAVED_SUMMARY


def test_closing_the_window_asks_and_stay_keeps_it_open(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    window, _section, editor = _new_case_half_typed(qtbot, blank_context)
    blank_context.messages.choice = STAY
    window.close()
    assert window.isVisible()
    assert editor.form.child_blocks[0].real_name.text() == REAL_NAME
    blank_context.messages.choice = DISCARD
    window.close()
    assert not window.isVisible()
    assert REAL_NAME not in _stored_names(blank_context)


def test_nothing_typed_asks_nothing(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    context = blank_context
    case, _other = _two_cases(context)
    window = _window(qtbot, context)
    section = window.section("cases")
    section.open_case(case.case_id)
    section.editor.show_page("summary")
    _click_section(qtbot, window, "Directory")
    assert window.current_section == "directory"
    assert context.messages.choices == []
