"""The house style with its wheel guard, and a turn of the mouse wheel, for wheel guard tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from rrdesk.ui.kit.wheel_guard import GUARD_NAME, WheelGuard
from rrdesk.ui.shell.application import apply_house_style

NOTCH = 120  # one notch of an ordinary mouse wheel


@contextmanager
def house_style_on(qapp: QApplication) -> Iterator[None]:
    """The house style as rrdesk starts with it, the wheel guard included; taken off after."""
    apply_house_style(qapp)
    try:
        yield
    finally:
        qapp.setStyleSheet("")
        guard = qapp.findChild(WheelGuard, GUARD_NAME)
        if guard is not None:
            qapp.removeEventFilter(guard)
            guard.setParent(None)


def turn_wheel(widget: QWidget, notches: int) -> None:
    """Turn the wheel over the middle of ``widget``, as a mouse does."""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle)),
        QPoint(),
        QPoint(0, notches * NOTCH),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
