"""Tabs that ask for only the room the tab on show needs.

Qt gives a tab widget the largest minimum size of all its tabs, so one wide tab (a case's
Decision sheet, say) would hold the window wider than a small screen on every other tab too.
Here the tabs not on show ask for no room: their size policy is "ignored" until they are shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QTabWidget, QWidget


class ShownTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._on_current_changed)

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self._on_current_changed(self.currentIndex())

    def _on_current_changed(self, shown: int) -> None:
        for index in range(self.count()):
            page = self.widget(index)
            if page is None:
                continue
            if index == shown:
                page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            else:
                page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.updateGeometry()
