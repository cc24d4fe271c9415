"""Partnership forms: the wording of the agency check form, the decision sheet and the letter
to the referrer, and the word lists the text checks use, edited as a copy and given back to
rrdesk."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.services.chosen_files import UnreadableFileError, read_chosen_file
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.services.partnership.partnership_forms import (
    EDITABLE_FORMS,
    EditableForm,
    FormRefused,
    PartnershipForms,
)
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.kit.scrolling_page import scrolling_body
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages

TOML_FILES = "Form files (*.toml);;All files (*)"
HOW_TO = (
    "To change a form's wording: save a copy, edit it in a text editor such as Notepad (keep "
    "the lines that say which section or question each piece of text belongs to), then use the "
    "edited copy. rrdesk checks it first: if something is wrong it says which line and why, "
    "and keeps using the form it had. The edited copy is kept in the encrypted store.\n\n"
    "The text checks' word lists are changed the same way: for example, add an acronym that "
    "everyone who reads the forms knows to the 'allowed' list, or a meaning your area uses."
)


class _FormRow(QGroupBox):
    def __init__(
        self,
        editable: EditableForm,
        forms: PartnershipForms,
        messages: Messages,
        dialogs: FileDialogs,
    ) -> None:
        super().__init__(editable.title)
        self.setObjectName(f"form_{editable.key}")
        self._editable = editable
        self._forms = forms
        self._messages = messages
        self._dialogs = dialogs
        self.status = QLabel()
        self.status.setObjectName(f"{editable.key}_status")
        self.status.setAccessibleName(f"{editable.title}: which form is in use")
        self.save_button = QPushButton("Save a copy to edit…")
        self.save_button.setObjectName(f"{editable.key}_save")
        self.use_button = QPushButton("Use an edited copy…")
        self.use_button.setObjectName(f"{editable.key}_use")
        self.standard_button = QPushButton(f"Go back to the standard {editable.noun}")
        self.standard_button.setObjectName(f"{editable.key}_standard")
        buttons = QHBoxLayout()
        for button in (self.save_button, self.use_button, self.standard_button):
            button.setAccessibleName(f"{button.text()} ({editable.title})")
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.use_button.clicked.connect(self._on_use_clicked)
        self.standard_button.clicked.connect(self._on_standard_clicked)
        self.refresh()

    def refresh(self) -> None:
        edited = self._forms.is_edited(self._editable)
        self.status.setText(
            "The partnership's edited copy is in use."
            if edited
            else f"The standard {self._editable.noun} is in use."
        )
        self.standard_button.setEnabled(edited)

    def _on_save_clicked(self) -> None:
        path = self._dialogs.save_file(
            self,
            f"Save a copy of the {self._editable.title.lower()}",
            self._editable.file_name,
            TOML_FILES,
        )
        if path is None:
            return
        try:
            write_exported_file(path, self._forms.text(self._editable).encode("utf-8"))
        except FileNotSavedError as error:
            self._messages.error(self, "The copy was not saved", error.message)
            return
        self._messages.info(self, "Copy saved", f"Saved to {path}. Edit it, then use it here.")

    def _on_use_clicked(self) -> None:
        path = self._dialogs.open_file(
            self, f"Use an edited {self._editable.title.lower()}", TOML_FILES
        )
        if path is None:
            return
        try:
            raw = read_chosen_file(path, "file")
            self._forms.use_edited(self._editable, raw)
        except (UnreadableFileError, FormRefused) as error:
            self._messages.error(self, f"The {self._editable.noun} was not used", error.message)
            return
        self.refresh()
        self._messages.info(
            self,
            f"Edited {self._editable.noun} in use",
            f"The {self._editable.title.lower()} now uses your copy.",
        )

    def _on_standard_clicked(self) -> None:
        noun = self._editable.noun
        if not self._messages.confirm(
            self,
            f"Go back to the standard {noun}",
            f"Stop using the partnership's edited {self._editable.title.lower()}? Save a copy "
            "first if you may want it again.",
            yes=f"Use the standard {noun}",
            no="Keep the edited copy",
        ):
            return
        self._forms.use_standard(self._editable)
        self.refresh()


class PartnershipFormsWidget(QWidget):
    def __init__(
        self,
        forms: PartnershipForms,
        messages: Messages,
        dialogs: FileDialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partnership_forms")
        self.setAccessibleName("Partnership forms")
        layout = scrolling_body(self)  # five forms are taller than a small laptop's window
        layout.addWidget(heading_label("Partnership forms"))
        layout.addWidget(hint_label(HOW_TO))
        self.rows = {
            editable.key: _FormRow(editable, forms, messages, dialogs)
            for editable in EDITABLE_FORMS
        }
        for row in self.rows.values():
            layout.addWidget(row)
        layout.addStretch(1)
