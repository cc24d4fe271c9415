"""A long list shown a page at a time: which rows are shown, and buttons to the pages either side.

A table with thousands of rows whose heights follow their wrapped words (ten years of actions,
say) measures every cell before it can be drawn, which takes seconds; a page of them is drawn at
once. The bar is hidden while everything fits on one page.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from rrdesk.ui.kit.form_widgets import name_widget


class PageBar(QWidget):
    page_changed = Signal()

    def __init__(
        self, noun: str, *, page_size: int, object_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        name_widget(self, object_name, f"Pages of {noun}")
        self._noun = noun
        self.page_size = page_size
        self.start = 0
        self.total = 0
        self.label = QLabel()
        self.label.setObjectName(f"{object_name}_shown")
        self.previous_button = QPushButton(f"Previous {page_size}")
        name_widget(self.previous_button, f"{object_name}_previous", f"Previous {page_size}")
        self.next_button = QPushButton(f"Next {page_size}")
        name_widget(self.next_button, f"{object_name}_next", f"Next {page_size}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addStretch(1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        self.previous_button.clicked.connect(self._on_previous_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self._show()

    @property
    def stop(self) -> int:
        return min(self.start + self.page_size, self.total)

    def set_total(self, total: int) -> None:
        """A new list of ``total`` rows: its first page is shown (no signal)."""
        self.total = total
        self.start = 0
        self._show()

    def show_row(self, row: int) -> None:
        """Turn to the page holding ``row`` of the whole list (no signal)."""
        if 0 <= row < self.total:
            self.start = row - row % self.page_size
            self._show()

    def _turn_to(self, start: int) -> None:
        self.start = start
        self._show()
        self.page_changed.emit()

    def _on_previous_clicked(self) -> None:
        self._turn_to(max(0, self.start - self.page_size))

    def _on_next_clicked(self) -> None:
        if self.stop < self.total:
            self._turn_to(self.stop)

    def _show(self) -> None:
        self.setVisible(self.total > self.page_size)
        self.label.setText(
            f"Showing {self.start + 1:,} to {self.stop:,} of {self.total:,} {self._noun}"
        )
        self.previous_button.setEnabled(self.start > 0)
        self.next_button.setEnabled(self.stop < self.total)
