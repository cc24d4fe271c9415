"""A page whose contents scroll when the window is too short for them, rather than squeeze.

Every scroll area here is no stop of its own for Tab: nothing shows the keyboard on a scroll
area, so a person pressing Tab would seem to lose it for one press. Tab goes to the contents
instead, and the area scrolls to each widget as it is reached."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def page_scroll(contents: QWidget) -> QScrollArea:
    """``contents`` in a scroll area, at the width of the area and the height they need."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(contents)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


def scrolling_body(page: QWidget) -> QVBoxLayout:
    """The layout to put ``page``'s contents in: they sit in a scroll area filling the page, at
    the height they need, and scroll in a short window (a 1280 by 720 laptop, say)."""
    body = QWidget()
    scroll = page_scroll(body)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return QVBoxLayout(body)


def plain_scrolling(contents: QWidget) -> QScrollArea:
    """``contents`` scrolling up and down when the window is too short for them, looking as the
    page around them does: no frame, no background of its own, and no stop of its own for Tab
    (Tab goes to the contents, which scroll to each widget as it is reached)."""
    scroll = page_scroll(contents)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
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
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        contents = self.widget()
        if contents is None:
            return hint
        frame = 2 * self.frameWidth()
        needed = contents.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), needed + frame), hint.height())
