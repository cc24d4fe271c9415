"""The directory: the agencies and people the partnership works with, kept up to date here."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.cases.cases import CaseError
from rrdesk.domain.cases.directory import Member, StatutoryPartner, voting_for_role
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.ui.kit.form_widgets import (
    ErrorSummary,
    FormField,
    fits_the_page,
    heading_label,
    hint_label,
)
from rrdesk.ui.kit.scrolling_page import DownwardScrollArea
from rrdesk.ui.shell.leaving import UnsavedTyping, may_leave
from rrdesk.ui.shell.messages import Messages

COLUMNS = ("Name", "Agency", "Role", "Email", "Panel", "Voting", "Substitute for", "Executive")
EXECUTIVE_CHOICES: tuple[tuple[str, tuple[StatutoryPartner | None, bool]], ...] = (
    ("Not an executive", (None, False)),
    *(
        (f"{post}, {partner.short_label.lower()}", (partner, deputy))
        for partner in StatutoryPartner
        for post, deputy in (("Executive lead", False), ("Deputy executive", True))
    ),
)
"""What the "Signs off decisions" choice offers: each partner's executive lead and deputy."""


class DirectoryWidget(QWidget):
    directory_changed = Signal()

    def __init__(
        self, directory: DirectoryService, messages: Messages, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("directory")
        self._directory = directory
        self._messages = messages
        self._members: list[Member] = []
        self._editing: Member | None = None
        self._loaded: Member | None = None

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("directory_table")
        self.table.setAccessibleName("People in the directory")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(False)

        self.summary = ErrorSummary()
        self.name = QLineEdit()
        self.agency = fits_the_page(QComboBox())
        self.agency_edit = QLineEdit()  # editable: an agency not listed yet can be typed
        self.agency.setLineEdit(self.agency_edit)
        self.agency.setObjectName("member_agency")
        self.agency.setAccessibleName("Agency")
        self.role = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.on_panel = QCheckBox("Sits on the Rapid Review panel")
        self.on_panel.setObjectName("member_on_panel")
        self.voting = QCheckBox("Voting member")
        self.voting.setObjectName("member_voting")
        self.substitute_for = fits_the_page(QComboBox())
        self.substitute_for.setObjectName("member_substitute_for")
        self.substitute_for.setAccessibleName("Substitute for")
        self.executive = fits_the_page(QComboBox())
        self.executive.setObjectName("member_executive")
        self.executive.setAccessibleName("Signs off decisions")
        for label, _post in EXECUTIVE_CHOICES:
            self.executive.addItem(label)
        self.name_field = FormField("Name", self.name, object_name="member_name")
        self.agency_field = FormField("Agency", self.agency)
        self.email_field = FormField("Email address", self.email, object_name="member_email")
        self.form_heading = heading_label("Add a person", level=2, object_name="member_heading")
        self.save_button = QPushButton("Save person")
        self.save_button.setObjectName("save_member")
        self.save_button.setProperty("role", "primary")
        self.new_button = QPushButton("Add a new person")
        self.new_button.setObjectName("new_member")
        self.remove_button = QPushButton("Remove from the directory")
        self.remove_button.setObjectName("remove_member")
        self.remove_button.setProperty("role", "warning")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        editor = QVBoxLayout()
        editor.addWidget(self.form_heading)
        editor.addWidget(self.summary)
        for widget in (
            self.name_field,
            self.agency_field,
            FormField("Role", self.role, object_name="member_role"),
            self.email_field,
            FormField("Phone", self.phone, object_name="member_phone"),
        ):
            editor.addWidget(widget)
        editor.addWidget(self.on_panel)
        editor.addWidget(self.voting)
        self._non_voting_roles = directory.non_voting_roles()
        named = ", ".join(self._non_voting_roles) or "none"
        title = directory.process_title()
        process = f"the {title} process" if title else "the process profile"
        self.voting_hint = hint_label(
            f"A person added to the panel votes unless their role is one {process} names as"
            f" non-voting ({named})."
        )
        self.voting_hint.setObjectName("member_voting_hint")
        editor.addWidget(self.voting_hint)
        editor.addWidget(
            FormField(
                "Can stand in for",
                self.substitute_for,
                hint="A substitute votes in place of the member they replace",
            )
        )
        editor.addWidget(
            FormField(
                "Signs off decisions",
                self.executive,
                hint="Each statutory partner's executive lead is sent the decision sheet to sign "
                "off; the deputy when there is no lead",
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        editor.addLayout(buttons)
        # Set apart on a line of its own, so the three buttons side by side do not make the
        # form so wide that the table beside it is squeezed on a 1024 by 768 screen.
        removing = QHBoxLayout()
        removing.addStretch(1)
        removing.addWidget(self.remove_button)
        editor.addLayout(removing)
        editor.addLayout(form)
        editor.addStretch(1)
        editor_holder = QWidget()
        editor_holder.setLayout(editor)
        # The form scrolls in a short window (and when its problems are shown) instead of making
        # the window taller than the screen.
        editor_scroll = DownwardScrollArea(editor_holder)
        editor_scroll.setObjectName("member_form_scroll")
        editor_scroll.setMaximumWidth(540)
        # Not a stop of its own for Tab (nor for a click between the boxes), which would take the
        # keyboard somewhere nothing shows it: Tab goes from the table straight to Name, and the
        # form scrolls to each box as Tab reaches it.
        editor_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.editor_scroll = editor_scroll

        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(editor_scroll, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Directory"))
        layout.addWidget(
            hint_label("Agencies and people: Rapid Review panel members, substitutes and contacts.")
        )
        layout.addLayout(body, 1)
        self._connect_signals()
        self.refresh()
        self._start_new()

    def _connect_signals(self) -> None:
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.role.textEdited.connect(self._on_role_or_panel_changed)
        self.on_panel.toggled.connect(self._on_role_or_panel_changed)

    def refresh(self) -> None:
        self._members = self._directory.members()
        names = {m.member_id: m.name for m in self._members}
        blocker = QSignalBlocker(self.table)  # the rows change under the selection: load nobody
        self.table.setRowCount(len(self._members))
        for row, member in enumerate(self._members):
            values = (
                member.name,
                member.agency,
                member.role,
                member.email,
                "Yes" if member.on_panel else "No",
                "Voting" if member.voting else "Non-voting",
                names.get(member.substitute_for, "") if member.substitute_for else "",
                member.executive_words,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        blocker.unblock()
        agencies = sorted(
            {a.name for a in self._directory.agencies()} | {m.agency for m in self._members}
        )
        current, cursor = self.agency.currentText(), self.agency_edit.cursorPosition()
        self.agency.clear()
        self.agency.addItems(agencies)
        self.agency.setCurrentText(current)
        self.agency_edit.setCursorPosition(cursor)  # not moved to the end by the new list
        self.substitute_for.clear()
        self.substitute_for.addItem("Nobody", None)
        for member in self._members:
            if member.on_panel:
                self.substitute_for.addItem(f"{member.name} ({member.agency})", member.member_id)

    def _start_new(self) -> None:
        with QSignalBlocker(self.table):
            self.table.clearSelection()
        self._load(None)

    def _on_new_clicked(self) -> None:
        """A blank form, its Name box in view and ready for typing (the button is below the
        form, so the form would otherwise stay scrolled down to it). Typing not yet saved about
        the person on the form is asked about first."""
        if not may_leave(self, self._messages):
            return
        self._start_new()
        self.editor_scroll.verticalScrollBar().setValue(0)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load(self, member: Member | None) -> None:
        self._editing = member
        self.summary.clear()
        for field in (self.name_field, self.agency_field, self.email_field):
            field.set_error("")
        self.form_heading.setText("Add a person" if member is None else f"Change {member.name}")
        self.name.setText(member.name if member else "")
        self.agency.setCurrentText(member.agency if member else "")
        self.role.setText(member.role if member else "")
        self.email.setText(member.email if member else "")
        self.phone.setText(member.phone if member else "")
        # Each box filled shows the beginning of its words, as a person reads them, not the end
        # of a name longer than the box ("...Police Public Protection Unit").
        for edit in (self.name, self.agency_edit, self.role, self.email, self.phone):
            edit.setCursorPosition(0)
        self.on_panel.setChecked(member.on_panel if member else False)
        self.voting.setChecked(member.voting if member else False)
        index = self.substitute_for.findData(member.substitute_for if member else None)
        self.substitute_for.setCurrentIndex(max(index, 0))
        post = (member.executive_for, member.executive_deputy) if member else (None, False)
        posts = [choice for _label, choice in EXECUTIVE_CHOICES]
        self.executive.setCurrentIndex(posts.index(post) if post in posts else 0)
        self.remove_button.setEnabled(member is not None)
        self._loaded = self._member_on_form()

    def _on_role_or_panel_changed(self) -> None:
        """A person being added to the panel votes unless the profile names their role as
        non-voting; a person already in the directory keeps the vote they have."""
        if self._editing is None:
            self.voting.setChecked(
                self.on_panel.isChecked()
                and voting_for_role(self.role.text(), self._non_voting_roles)
            )

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _select_quietly(self, member: Member | None) -> None:
        """Show ``member``'s row as selected (none for a new person) without loading it."""
        with QSignalBlocker(self.table):
            self.table.clearSelection()
            for row, listed in enumerate(self._members):
                if member is not None and listed.member_id == member.member_id:
                    self.table.selectRow(row)
                    break

    def _on_table_selection_changed(self) -> None:
        """Another person chosen: typing not yet saved about the person on the form is asked
        about first (Save, Discard or Stay), and Stay keeps their row selected."""
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return
        chosen = self._members[rows.pop()]
        if self._editing is not None and chosen.member_id == self._editing.member_id:
            return
        if not may_leave(self, self._messages):
            self._select_quietly(self._editing)
            return
        # Saving refreshes the table, so the person chosen is found again by their id.
        chosen = next((m for m in self._members if m.member_id == chosen.member_id), chosen)
        self._select_quietly(chosen)
        self._load(chosen)

    # Leaving with typing not yet saved (rrdesk.ui.shell.leaving)

    def unsaved_typing(self) -> UnsavedTyping | None:
        if self._member_on_form() == self._loaded:
            return None
        if self._editing is None:
            return UnsavedTyping(
                "This person has not been saved",
                "If you leave this page now, what you typed about them is lost.",
            )
        return UnsavedTyping(
            f"Your changes to {self._editing.name} have not been saved",
            "If you leave this page now, your changes are lost.",
        )

    def save_typing(self) -> bool:
        return self._save()

    def discard_typing(self) -> None:
        if self._editing is None:
            self._start_new()
        else:
            self._load(self._editing)

    def _member_on_form(self) -> Member:
        return Member(
            name=self.name.text().strip()[:200],
            agency=self.agency.currentText().strip()[:200],
            role=self.role.text().strip()[:200],
            email=self.email.text().strip()[:200],
            phone=self.phone.text().strip()[:60],
            on_panel=self.on_panel.isChecked(),
            voting=self.voting.isChecked(),
            substitute_for=self.substitute_for.currentData(),
            executive_for=EXECUTIVE_CHOICES[self.executive.currentIndex()][1][0],
            executive_deputy=EXECUTIVE_CHOICES[self.executive.currentIndex()][1][1],
            member_id=self._editing.member_id if self._editing else None,
        )

    def _on_save_clicked(self) -> None:
        self._save()

    def _save(self) -> bool:
        """Save the person on the form; False when they cannot be (the problems shown)."""
        member = self._member_on_form()
        fields = {"name": self.name_field, "agency": self.agency_field, "email": self.email_field}
        problems = [(fields[key], message) for key, message in member.validation_problems()]
        for field in fields.values():
            field.set_error("")
        if problems:
            for field, message in problems:
                field.set_error(message)
            self.summary.show_errors(problems)
            return False
        try:
            saved = self._directory.save_member(member)
        except CaseError as error:
            self._messages.error(self, "Not saved", str(error))
            return False
        self.refresh()
        self.directory_changed.emit()
        self._select_quietly(saved)
        self._load(saved)  # what is on the form is what is stored
        return True

    def _on_remove_clicked(self) -> None:
        if self._editing is None:
            return
        if not self._messages.confirm(
            self,
            "Remove from the directory",
            f"Remove {self._editing.name} from the directory? Past meetings keep their record.",
            yes="Remove",
            no="Keep",
        ):
            return
        self._directory.archive_member(self._editing)
        self.refresh()
        self.directory_changed.emit()
        self._start_new()
