"""The rows of a case's "Check your answers": each question, its answer and a Change link."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from rrdesk.ui.cases.case_summary import Row


def check_answers_grid(rows: Sequence[Row], change: Callable[[str], None]) -> QWidget:
    """A grid of ``rows``; each Change link calls ``change`` with its page's key."""
    holder = QWidget()
    grid = QGridLayout(holder)
    grid.setColumnStretch(1, 1)
    for row, (question, answer, page_key) in enumerate(rows):
        key_label = QLabel(question)
        key_label.setProperty("role", "summary_key")
        value_label = QLabel(answer)
        value_label.setWordWrap(True)
        value_label.setObjectName(f"answer_{row}")
        button = QPushButton("Change")
        button.setObjectName(f"change_{page_key}_{row}")
        button.setAccessibleName(f"Change {question.lower()}")
        button.setProperty("role", "link")
        button.setFlat(True)
        button.clicked.connect(lambda _=False, k=page_key: change(k))
        grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value_label, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
    return holder
