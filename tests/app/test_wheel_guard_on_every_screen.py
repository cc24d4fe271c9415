"""The wheel guard on every screen of the demo window: turning the mouse wheel over every
drop-down, spin box, date and slider on show changes nothing, in the window or in the store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.services.store.session import Session
from rrdesk.ui.kit.wheel_guard import is_guarded
from rrdesk.ui.shell.main_window import MainWindow
from tests.ui.kit.wheel import house_style_on, turn_wheel
from tests.window_tour import every_place


@pytest.fixture
def house_style(qapp: QApplication) -> Iterator[None]:
    with house_style_on(qapp):
        yield


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    assert isinstance(widget, QAbstractSlider)
    return widget.value()


def _where(widget: QWidget) -> str:
    return widget.objectName() or widget.accessibleName() or type(widget).__name__


def _stored(session: Session) -> dict[str, Any]:
    """What the store holds that a screen can change: cases, their documents, the audit trail."""
    cases = session.cases.all_cases()
    documents = {}
    for case in cases:
        case_id = case.case_id
        assert case_id is not None
        for kind in DocumentKind:
            for name in session.documents.names(case_id, kind):
                documents[case_id, kind, name] = session.documents.get(case_id, kind, name)
    return {
        "cases": cases,
        "documents": documents,
        "audit entries": len(session.audit.entries()),
        "members": session.directory.members(),
    }


def _wheel_over_every_box(window: MainWindow, where: str) -> tuple[int, list[str]]:
    """Turn the wheel both ways over every box on show: each that changed, took the focus or
    could take it from the wheel."""
    QApplication.processEvents()
    boxes = [w for w in window.findChildren(QWidget) if is_guarded(w) and w.isVisible()]
    changed = []
    for box in boxes:
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # the pointer passes over the box; nothing was chosen
        before = _value(box)
        # Down a notch (a box at its first value would move on), then up (one at its last).
        for notches in (-1, 1):
            turn_wheel(box, notches)
            if _value(box) != before:
                changed.append(f"{where}: {_where(box)} changed from {before} to {_value(box)}")
                break
        QApplication.processEvents()
        if box.hasFocus():
            changed.append(f"{where}: {_where(box)} took the focus")
        if box.focusPolicy() != Qt.FocusPolicy.StrongFocus:
            changed.append(f"{where}: {_where(box)} could take the focus from the wheel")
    return len(boxes), changed


@pytest.mark.usefixtures("house_style")
def test_scrolling_every_page_changes_nothing(qtbot: QtBot, context: AppContext) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    before = _stored(context.session)
    problems: list[str] = []
    boxes = 0
    for where in every_place(window, context.session):
        count, found = _wheel_over_every_box(window, where)
        boxes, problems = boxes + count, problems + found
    assert problems == []
    assert boxes > 100  # every drop-down on the meeting pages, the case pages and the rest
    assert _stored(context.session) == before
