"""The crash dialog: says in plain English that a bug happened, with a report to copy.

It is shown by :mod:`rrdesk.ui.shell.crash_handling`, which loads this module only when there is
something to show.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from rrdesk.services.platform.crash_report import CrashReport

HEADING = "Something went wrong"
WHAT_HAPPENED = (
    "Something went wrong in rrdesk. Your work is saved up to your last change: rrdesk saves "
    "each change completely or not at all. Check that the last thing you did is there."
)
WHAT_TO_DO = (
    "You can carry on, or close rrdesk and open it again. If this keeps happening, copy the "
    "report and send it to your IT service desk. The report says where in rrdesk the problem "
    "was. It holds no case details."
)
WHAT_TO_DO_AT_START = (
    "rrdesk has to close. Open it again. If this keeps happening, copy the report and send it "
    "to your IT service desk. The report says where in rrdesk the problem was. It holds no case "
    "details."
)


def _more_text(count: int) -> str:
    if count == 1:
        return "1 more problem happened after this one."
    return f"{count} more problems happened after this one."


class CrashDialog(QDialog):
    """Says a bug happened; offers the report to copy, and closing rrdesk or carrying on."""

    def __init__(
        self,
        report: CrashReport,
        *,
        can_carry_on: bool,
        copy: Callable[[str], None],
        close_app: Callable[[], None],
    ) -> None:
        super().__init__(None)
        self.report = report
        self.more = 0
        self._copy = copy
        self._close_app = close_app
        self.setObjectName("crash_dialog")
        self.setWindowTitle(HEADING)
        self.setAccessibleName(HEADING)
        # Qt is named only when a dialog is wanted: naming it at start-up builds its whole
        # namespace (see rrdesk/ui/kit/item_roles.py).
        from PySide6.QtCore import Qt

        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.heading = self._label("crash_heading", HEADING)
        self.heading.setProperty("role", "heading")
        self.what_happened = self._label("crash_what_happened", WHAT_HAPPENED)
        self.what_to_do = self._label(
            "crash_what_to_do", WHAT_TO_DO if can_carry_on else WHAT_TO_DO_AT_START
        )
        self.more_label = self._label("crash_more", "")
        self.more_label.hide()
        self.copied_label = self._label("crash_copied", "")
        self.copy_button = self._button("copy_report_button", "Copy report")
        self.close_button = self._button("close_rrdesk_button", "Close rrdesk")
        self.carry_on_button = self._button("carry_on_button", "Carry on")
        self.carry_on_button.setVisible(can_carry_on)
        (self.carry_on_button if can_carry_on else self.close_button).setDefault(True)
        layout = QVBoxLayout(self)
        for label in (
            self.heading,
            self.what_happened,
            self.what_to_do,
            self.more_label,
            self.copied_label,
        ):
            layout.addWidget(label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.carry_on_button)
        layout.addLayout(buttons)
        self._connect_signals()

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAccessibleName(text or name.replace("_", " "))
        return label

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        return button

    def _connect_signals(self) -> None:
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.carry_on_button.clicked.connect(self._on_carry_on_button_clicked)

    def count_one_more(self) -> None:
        self.more += 1
        self.more_label.setText(_more_text(self.more))
        self.more_label.setAccessibleName(self.more_label.text())
        self.more_label.show()

    def _on_copy_button_clicked(self) -> None:
        self._copy(self.report.text())
        self.copied_label.setText("Report copied. Paste it into an email to your IT service desk.")

    def _on_close_button_clicked(self) -> None:
        self.accept()
        self._close_app()

    def _on_carry_on_button_clicked(self) -> None:
        self.reject()
