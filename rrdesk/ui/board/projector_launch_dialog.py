"""Which case to project, and on which screen: asked before the projector view opens."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from rrdesk.services.timetable.board_rows import BoardRow


def screen_label(screen: QScreen, number: int) -> str:
    size = screen.geometry()
    name = screen.name() or f"Screen {number}"
    return f"Screen {number}: {name} ({size.width()} × {size.height()})"


class ProjectorLaunchDialog(QDialog):
    """Which case to project, and on which screen (every attached screen is offered)."""

    def __init__(
        self,
        rows: Sequence[BoardRow],
        *,
        case_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projector_launch_dialog")
        self.setWindowTitle("Project the countdown")
        self.case_choice = QComboBox()
        self.case_choice.setObjectName("projector_case_choice")
        self.case_choice.setAccessibleName("Case being discussed")
        for row in rows:
            self.case_choice.addItem(f"{row.reference} ({row.stage.label})", row.case_id)
        if case_id is not None:
            self.case_choice.setCurrentIndex(max(0, self.case_choice.findData(case_id)))
        self.screen_choice = QComboBox()
        self.screen_choice.setObjectName("projector_screen_choice")
        self.screen_choice.setAccessibleName("Screen to show it on")
        screens = QGuiApplication.screens()
        for number, screen in enumerate(screens, start=1):
            self.screen_choice.addItem(screen_label(screen, number), number - 1)
        if len(screens) > 1:
            primary = QGuiApplication.primaryScreen()
            others = [n for n, s in enumerate(screens) if s is not primary]
            self.screen_choice.setCurrentIndex(others[0] if others else 0)
        buttons = QDialogButtonBox()
        self.project_button = buttons.addButton("Project", QDialogButtonBox.ButtonRole.AcceptRole)
        self.project_button.setObjectName("projector_start_button")
        buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Case being discussed", self.case_choice)
        form.addRow("Show it on", self.screen_choice)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("The projector shows the case reference and stage only, never a child's name.")
        )
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_case(self) -> int | None:
        value = self.case_choice.currentData()
        return None if value is None else int(value)

    def chosen_screen(self) -> QScreen:
        screens = QGuiApplication.screens()
        index = self.screen_choice.currentData()
        if isinstance(index, int) and 0 <= index < len(screens):
            return screens[index]
        return QGuiApplication.primaryScreen()
