"""Change a widget only when what it shows changes.

Screens that tick (the board's clock, the agenda timer) call these many times a minute; most
calls change nothing, and skipping them keeps the event loop quiet. It also sidesteps a reference
leak of ``None`` in PySide6 6.12 on Python 3.11, where every call of a Qt method returning
nothing loses one reference.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def show_text(widget: QLabel | QAbstractButton, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def show_style(widget: QWidget, style: str) -> None:
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def show_enabled(widget: QWidget, enabled: bool) -> None:
    if widget.isEnabled() != enabled:
        widget.setEnabled(enabled)


def show_accessible_name(widget: QWidget, name: str) -> None:
    if widget.accessibleName() != name:
        widget.setAccessibleName(name)
