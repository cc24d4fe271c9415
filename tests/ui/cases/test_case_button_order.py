"""A new case's pages keep the one button order: Back (where there is one), then Continue beside
it at the left. The first page has no Back, so Continue starts the row; the pages after it have
Continue right beside Back; Check your answers has Save case in Continue's place."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from rrdesk.app import build_main_window
from rrdesk.domain.cases.cases import Stage


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _left(button: QWidget, editor: QWidget) -> int:
    return button.mapTo(editor, QPoint(0, 0)).x()


def _right(button: QWidget, editor: QWidget) -> int:
    return button.mapTo(editor, QPoint(button.width(), 0)).x()


def test_continue_is_at_the_left_after_back_on_a_new_cases_pages(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    section = window.section("cases")
    _click(qtbot, section.case_list.new_button)
    editor = section.editor
    back, go_on = editor.back_button, editor.continue_button
    row_left = _left(back.parentWidget(), editor)

    assert back.isHidden(), "the first page of a new case has nothing to go back to"
    assert go_on.text() == "Continue"
    assert _left(go_on, editor) == row_left, "Continue starts the row"
    assert _right(go_on, editor) < editor.width() // 2

    qtbot.mouseClick(
        editor.form.stage.buttons[Stage.REFERRED.value],
        Qt.MouseButton.LeftButton,
        pos=QPoint(8, editor.form.stage.buttons[Stage.REFERRED.value].height() // 2),
    )
    _click(qtbot, go_on)
    assert editor.current_page_key == "children"
    assert back.isVisible()
    assert _left(back, editor) == row_left, "Back starts the row"
    gap = _left(go_on, editor) - _right(back, editor)
    assert 0 <= gap <= 12, f"Continue is beside Back ({gap} pixels between)"
    assert _right(go_on, editor) < editor.width() // 2
