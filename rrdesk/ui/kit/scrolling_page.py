"""A page whose contents scroll when the window is too short for them, rather than squeeze."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget


def scrolling_body(page: QWidget) -> QVBoxLayout:
    """The layout to put ``page``'s contents in: they sit in a scroll area filling the page, at
    the height they need, and scroll in a short window (a 1280 by 720 laptop, say)."""
    body = QWidget()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return QVBoxLayout(body)
