"""The Calendar screen: which bank holidays are in use and how far the official list reaches,
importing a newer GOV.UK list, the day-0 convention, and the process profile in use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.deadlines import DAY_ZERO_CONVENTION
from rrdesk.services.chosen_files import UnreadableFileError, read_chosen_file
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages

_LARGEST_FILE_BYTES = 4_000_000


def _label(name: str, *, role: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class CalendarWidget(QWidget):
    calendar_changed = Signal()
    profile_changed = Signal()

    def __init__(
        self,
        timetables: TimetableService,
        messages: Messages,
        *,
        today: Callable[[], date],
        files: FileDialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_widget")
        self._timetables = timetables
        self._settings = timetables.settings
        self._messages = messages
        self._today = today
        self._files = files
        self.source_label = _label("calendar_source")
        self.reach_label = _label("calendar_reach", role="summary_key")
        self.convention_label = _label("calendar_convention", role="inset")
        self.convention_label.setText(DAY_ZERO_CONVENTION)
        self.warning_label = _label("calendar_warning", role="banner")
        self.import_button = QPushButton("Import bank-holidays.json")
        self.import_button.setObjectName("import_bank_holidays_button")
        self.import_button.setProperty("role", "primary")
        self.remove_button = QPushButton("Go back to the list shipped with rrdesk")
        self.remove_button.setObjectName("remove_import_button")
        self.profile_choice = QComboBox()
        self.profile_choice.setObjectName("profile_choice")
        self.profile_choice.setAccessibleName("Process profile")
        self.profile_summary = _label("profile_summary")
        self.profile_button = QPushButton("Use this profile")
        self.profile_button.setObjectName("use_profile_button")
        self._build_layout()
        self._connect_signals()
        self.refresh()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading_label("Calendar and process", object_name="calendar_heading"))
        layout.addWidget(self.convention_label)
        holidays = QGroupBox("Bank holidays in England and Wales")
        box = QVBoxLayout(holidays)
        box.addWidget(self.reach_label)
        box.addWidget(self.source_label)
        box.addWidget(self.warning_label)
        box.addWidget(
            hint_label(
                "When the government announces a one-off bank holiday, ask IT for the newest "
                "bank-holidays.json from www.gov.uk/bank-holidays.json and import it here. "
                "rrdesk never goes online for it."
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        layout.addWidget(holidays)
        process = QGroupBox("Process profile")
        pbox = QVBoxLayout(process)
        pbox.addWidget(
            hint_label(
                "New cases follow this profile's milestones and meeting rules. Each case keeps "
                "the profile it was started with."
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.profile_choice, 1)
        row.addWidget(self.profile_button)
        pbox.addLayout(row)
        pbox.addWidget(self.profile_summary)
        layout.addWidget(process)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.profile_button.clicked.connect(self._on_profile_button_clicked)
        self.profile_choice.currentIndexChanged.connect(self._on_profile_choice_changed)

    def refresh(self) -> None:
        status = self._settings.status()
        self.reach_label.setText(status.reach_words)
        self.source_label.setText(status.description)
        self.remove_button.setVisible(status.imported)
        rows = self._timetables.board_rows(self._today())
        beyond = [
            f"{row.reference}: {row.coverage_warning}" for row in rows if row.coverage_warning
        ]
        self.warning_label.setText("\n".join(beyond))
        self.warning_label.setVisible(bool(beyond))
        self._fill_profiles()

    def _fill_profiles(self) -> None:
        self.profile_choice.blockSignals(True)
        self.profile_choice.clear()
        current = self._settings.profile_name
        for name, title in self._settings.profile_titles().items():
            suffix = " (in use)" if name == current else ""
            self.profile_choice.addItem(f"{title}{suffix}", name)
        self.profile_choice.setCurrentIndex(max(0, self.profile_choice.findData(current)))
        self.profile_choice.blockSignals(False)
        self._on_profile_choice_changed()

    def _on_profile_choice_changed(self, _index: int = 0) -> None:
        name = self.profile_choice.currentData()
        if name is None:
            return
        profile = self._settings.profile(str(name))
        deadline = profile.milestone("decision_to_national_panel")
        meeting = profile.latest_meeting_working_day
        self.profile_summary.setText(
            f"{profile.summary}\nRecommended by: {profile.decision.recommended_by}. Decided by: "
            f"{profile.decision.decided_by}. Meeting by working day {meeting}; decision to the "
            f"National Panel on working day {deadline.working_days}.\nSource: {profile.source}"
        )
        self.profile_button.setEnabled(name != self._settings.profile_name)

    def _on_profile_button_clicked(self) -> None:
        name = self.profile_choice.currentData()
        if name is None:
            return
        try:
            self._settings.set_profile(str(name))
        except UserError as error:
            self._messages.error(self, "The profile was not changed", str(error))
            return
        self.refresh()
        self.profile_changed.emit()

    def _on_import_button_clicked(self) -> None:
        path = self._files.open_file(
            self, "Import a GOV.UK bank holidays file", "GOV.UK bank holidays (*.json)"
        )
        if path is None:
            return
        try:
            raw = read_chosen_file(path, "bank holidays file", max_bytes=_LARGEST_FILE_BYTES)
        except UnreadableFileError as error:
            self._refuse(f"{error.message}. Nothing was changed.")
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            self._refuse("This is not a GOV.UK bank holidays file: it is not text.")
            return
        try:
            status = self._settings.import_bank_holidays(text)
        except UserError as error:
            self._refuse(error.message)
            return
        self._timetables.invalidate()
        self.refresh()
        self.calendar_changed.emit()
        self._messages.info(
            self,
            "Bank holidays imported",
            f"{status.reach_words} Every deadline is now worked out with it.",
        )

    def _refuse(self, reason: str) -> None:
        if "Nothing was changed" not in reason:
            reason = f"{reason} Nothing was changed."
        self._messages.error(self, "The bank holidays file was not imported", reason)

    def _on_remove_button_clicked(self) -> None:
        if not self._messages.confirm(
            self,
            "Go back to the shipped list?",
            "Deadlines will use the list of bank holidays shipped with rrdesk.",
            yes="Go back",
            no="Keep the imported list",
        ):
            return
        self._settings.remove_import()
        self._timetables.invalidate()
        self.refresh()
        self.calendar_changed.emit()
