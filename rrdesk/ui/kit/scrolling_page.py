"""A page whose contents scroll when the window is too short for them, rather than squeeze."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


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


def plain_scrolling(contents: QWidget) -> QScrollArea:
    """``contents`` scrolling up and down when the window is too short for them, looking as the
    page around them does: no frame, no background of its own, and no stop of its own for Tab
    (Tab goes to the contents, which scroll to each widget as it is reached)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(contents)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.viewport().setAutoFillBackground(False)
    contents.setAutoFillBackground(False)
    return scroll


class DownwardScrollArea(QScrollArea):
    """Scrolls its contents up and down, never sideways: it is as wide as they need (so they are
    never cut off at the side), and as short as the window allows."""

    def __init__(self, contents: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setWidget(contents)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        contents = self.widget()
        if contents is None:
            return hint
        frame = 2 * self.frameWidth()
        needed = contents.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), needed + frame), hint.height())
