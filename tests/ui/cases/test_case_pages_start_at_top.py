"""A case's page shown again starts at its top, with its heading in view, however far down it was
scrolled when it was left."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rrdesk.app import build_main_window
from rrdesk.domain.cases.cases import Child
from tests.builders import add_case


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _scroll_of(editor):  # type: ignore[no-untyped-def]
    return editor.stack.currentWidget().verticalScrollBar()


def _heading_in_view(editor) -> bool:  # type: ignore[no-untyped-def]
    scroll = editor.stack.currentWidget()
    heading = scroll.widget().heading
    top = heading.mapTo(scroll.viewport(), heading.rect().topLeft()).y()
    return 0 <= top < scroll.viewport().height()


def _case_open_on_a_short_window(qtbot, context):  # type: ignore[no-untyped-def]
    today = context.today()
    two_children = (Child("Child D", "Dana Example-Fictional"), Child("Child E", "Eli Example"))
    case = add_case(
        context.session, today=today, notified=today, reference="RR-2026-004", children=two_children
    )  # two children: a long page
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    section = window.section("cases")
    section.open_case(case.case_id)
    return section.editor


def test_a_question_page_opened_again_starts_at_its_top(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    editor = _case_open_on_a_short_window(qtbot, blank_context)
    editor.show_page("children")
    bar = _scroll_of(editor)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    _click(qtbot, editor.back_button)
    assert editor.current_page_key == "check"
    editor.show_page("children")
    assert _scroll_of(editor).value() == 0
    assert _heading_in_view(editor)


def test_check_your_answers_shown_again_starts_at_its_top(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    editor = _case_open_on_a_short_window(qtbot, blank_context)
    bar = _scroll_of(editor)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    editor.show_page("parallel")
    _click(qtbot, editor.back_button)
    assert editor.current_page_key == "check"
    assert _scroll_of(editor).value() == 0
    assert "RR-2026-004" in editor.check_answers_text()
