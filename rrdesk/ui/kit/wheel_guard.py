"""The mouse wheel changes a drop-down, spin box, date or slider only once it has been chosen.

Scrolling a long page, the pointer passes over drop-downs and spin boxes; Qt lets each take the
wheel and change its value on the way (the chair of a meeting, someone's attendance, "Died" for
"Seriously harmed"). With the guard installed on the application, such a box takes the wheel
only when it has the keyboard focus, from a click or the Tab key; otherwise the wheel scrolls
the page the box is on. The wheel alone never gives it the focus.

The guard names none of PySide6's ``Qt`` enumerations until a wheel event arrives: it is
installed before the first window is painted (see :mod:`rrdesk.ui.kit.item_roles`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

GUARD_NAME = "wheel_guard"
_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish


def is_guarded(widget: QObject) -> bool:
    """A box whose value the wheel would change: a drop-down, spin box, date or slider.

    Scroll bars are sliders too, but the wheel is for them: they stay as they are.
    """
    return isinstance(widget, QComboBox | QAbstractSpinBox | QAbstractSlider) and not isinstance(
        widget, QScrollBar
    )


def _take_focus_only_when_chosen(widget: QWidget) -> None:
    # Strong focus: from a click or Tab, never from the wheel. Set by name, as the property
    # takes it, so no Qt enumeration is named while the first window is being built.
    widget.setProperty("focusPolicy", "StrongFocus")


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def _scroll_instead(widget: QWidget, wheel: QWheelEvent) -> None:
    """Give the wheel to the nearest scroll area holding ``widget``, if there is one."""
    area = _scroll_area_around(widget)
    if area is None:
        return
    viewport = area.viewport()
    position = widget.mapTo(viewport, wheel.position())
    QApplication.sendEvent(
        viewport,
        QWheelEvent(
            position,
            wheel.globalPosition(),
            wheel.pixelDelta(),
            wheel.angleDelta(),
            wheel.buttons(),
            wheel.modifiers(),
            wheel.phase(),
            wheel.inverted(),
            wheel.source(),
        ),
    )


class WheelGuard(QObject):
    """On the application: a guarded box without the focus passes the wheel to its page."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(GUARD_NAME)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _WHEEL:
            if is_guarded(watched) and isinstance(watched, QWidget) and not watched.hasFocus():
                assert isinstance(event, QWheelEvent)
                _scroll_instead(watched, event)
                return True  # the box keeps its value
        elif kind == _POLISH and isinstance(watched, QWidget) and is_guarded(watched):
            _take_focus_only_when_chosen(watched)
        return False


def guard_wheel_edits(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` (once: calling again returns the one installed).

    Boxes made from now on are set to take the focus only from a click or Tab as they are
    first shown; those already made are set now.
    """
    installed = app.findChild(WheelGuard, GUARD_NAME)
    if isinstance(installed, WheelGuard):
        return installed
    guard = WheelGuard(app)
    for widget in app.allWidgets():
        if is_guarded(widget):
            _take_focus_only_when_chosen(widget)
    app.installEventFilter(guard)
    return guard
