"""Who came, who votes, who stands in for whom, and conflicts of interest; quorum shown live.

Each member takes two lines, so the list fits a 1024-wide window without sideways scrolling: their
name, role and agency with what they are on this case, then their attendance, whether they vote
and their conflict of interest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from rrdesk.domain.cases.directory import Member
from rrdesk.domain.meeting.attendance import AttendanceStatus, Attendee, non_voting_reason
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.ui.kit.form_widgets import FormField, fits_the_page, hint_label, set_role
from rrdesk.ui.meeting.meeting_panel import (
    Apply,
    MeetingPanel,
    MeetingView,
    compact,
    discard,
    name,
    set_text_quietly,
    status_label,
)

SubstituteCandidates = Callable[[Meeting], list[Member]]
AddSubstitute = Callable[[Meeting, int, int], Meeting]


class _AttendeeRow:
    """The widgets of one person on the list."""

    def __init__(self, attendee: Attendee) -> None:
        member_id = attendee.member_id
        self.name = QLabel()
        self.name.setWordWrap(True)
        name(self.name, f"attendee_name_{member_id}", attendee.name)
        self.status = QComboBox()
        name(self.status, f"attendance_status_{member_id}", f"Attendance of {attendee.name}")
        for status in AttendanceStatus:
            self.status.addItem(status.label, status)
        self.voting = QCheckBox("Voting")
        name(self.voting, f"attendance_voting_{member_id}", f"{attendee.name} is a voting member")
        self.conflict = QLineEdit()
        name(
            self.conflict, f"conflict_note_{member_id}", f"Conflict of interest of {attendee.name}"
        )
        self.conflict.setPlaceholderText("No conflict declared")
        self.conflict_field = FormField("", self.conflict)
        self.conflict_field.label.hide()
        self.note = status_label(f"attendance_note_{member_id}", f"Note on {attendee.name}")
        self.remove = compact(QPushButton("Remove"))
        name(self.remove, f"remove_attendee_{member_id}", f"Remove {attendee.name} from the list")
        self.rule = QFrame()
        self.rule.setFrameShape(QFrame.Shape.HLine)
        self.rule.setFrameShadow(QFrame.Shadow.Sunken)

    def widgets(self) -> tuple[QWidget, ...]:
        return (
            self.rule,
            self.name,
            self.note,
            self.status,
            self.voting,
            self.conflict_field,
            self.remove,
        )

    def place(self, grid: QGridLayout, first_row: int) -> None:
        """A rule, then the name with the note on this case, then the answers under them."""
        grid.addWidget(self.rule, first_row, 0, 1, COLUMNS)
        grid.addWidget(self.name, first_row + 1, 0, 1, 2)
        grid.addWidget(self.note, first_row + 1, 2, 1, 2)  # over the conflict it may follow from
        grid.addWidget(self.status, first_row + 2, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.voting, first_row + 2, 1)
        grid.addWidget(self.conflict_field, first_row + 2, 2)
        grid.addWidget(self.remove, first_row + 2, 3)


COLUMNS = 4
LINES_PER_MEMBER = 3  # the rule, the name, the answers


class AttendancePanel(MeetingPanel):
    def __init__(
        self,
        apply: Apply,
        substitute_candidates: SubstituteCandidates,
        add_substitute: AddSubstitute,
    ) -> None:
        super().__init__("attendance", "Attendance and conflicts of interest", apply)
        self._candidates = substitute_candidates
        self._add_substitute = add_substitute
        self.quorum_label = status_label("quorum_status", "Quorum")
        self.quorum_rule = hint_label("")
        self.quorum_rule.setObjectName("quorum_rule")
        self.body.addWidget(self.quorum_label)
        self.body.addWidget(self.quorum_rule)
        self.everyone_present_button = compact(QPushButton("Mark everyone present"))
        name(
            self.everyone_present_button,
            "everyone_present_button",
            "Mark everyone not yet recorded as present",
        )
        self.everyone_present_field = FormField(
            "Take attendance",
            self.everyone_present_button,
            hint="Everyone starts as not recorded. Record apologies and absences first: marking"
            " everyone present leaves those as they are.",
        )
        self.body.addWidget(self.everyone_present_field)
        self.body.addWidget(
            hint_label(
                "A member who declares a conflict of interest is recused from this case's vote,"
                " not from the meeting. Type the note of the conflict and press Enter."
            )
        )
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, heading in enumerate(("Attendance", "Votes", "Conflict of interest")):
            label = QLabel(f"<b>{heading}</b>")
            self.grid.addWidget(label, 0, column)
        self.grid.setColumnStretch(0, 1)  # the name (over the first two columns) and the
        self.grid.setColumnStretch(2, 1)  # conflict of interest share the width
        self.body.addWidget(self.grid_host)
        self.rows: dict[int, _AttendeeRow] = {}
        self._order: tuple[int, ...] = ()
        self.substitute_person = fits_the_page(QComboBox())
        name(self.substitute_person, "substitute_person", "Substitute")
        self.substitute_for = fits_the_page(QComboBox())
        name(self.substitute_for, "substitute_for", "Attending in place of")
        self.add_substitute_button = compact(QPushButton("Add substitute"))
        name(self.add_substitute_button, "add_substitute_button", "Add substitute")
        # Two lines, so the long names in the lists still fit a laptop screen.
        host = QWidget()
        rows = QGridLayout(host)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addWidget(QLabel("Substitute"), 0, 0)
        rows.addWidget(self.substitute_person, 0, 1)
        rows.addWidget(QLabel("in place of"), 1, 0)
        rows.addWidget(self.substitute_for, 1, 1)
        rows.addWidget(self.add_substitute_button, 1, 2)
        rows.setColumnStretch(1, 1)
        self.substitute_field = FormField(
            "Add a substitute",
            host,
            hint="A substitute votes in place of the member they replace, if that member is absent",
        )
        self.body.addWidget(self.substitute_field)
        self.add_substitute_button.clicked.connect(self._on_add_substitute_clicked)
        self.everyone_present_button.clicked.connect(self._on_everyone_present_clicked)

    # --- showing ------------------------------------------------------------------------

    def refresh(self, view: MeetingView) -> None:
        meeting = view.meeting
        self.quorum_label.setText(view.quorum.summary)
        self.quorum_label.setAccessibleName(view.quorum.summary)
        set_role(self.quorum_label, "success" if view.quorum.met else "banner")
        self.quorum_rule.setText(f"Quorum: {view.quorum_rule.describe()}.")
        self.everyone_present_button.setEnabled(not meeting.attendance_taken)
        order = tuple(a.member_id for a in meeting.attendees)
        if order != self._order:
            self._rebuild(meeting.attendees)
        for attendee in meeting.attendees:
            self._show_row(meeting, attendee)
        self._fill_substitute_choices(meeting)

    def _rebuild(self, attendees: tuple[Attendee, ...]) -> None:
        for row in self.rows.values():
            for widget in row.widgets():
                self.grid.removeWidget(widget)
                discard(widget)
        self.rows = {}
        for number, attendee in enumerate(attendees):
            row = _AttendeeRow(attendee)
            self.rows[attendee.member_id] = row
            row.place(self.grid, 1 + number * LINES_PER_MEMBER)
            member_id = attendee.member_id
            row.status.activated.connect(lambda _i, m=member_id: self._on_status_activated(m))
            row.voting.toggled.connect(lambda on, m=member_id: self._on_voting_toggled(m, on))
            row.conflict.editingFinished.connect(
                lambda m=member_id: self._on_conflict_editing_finished(m)
            )
            row.remove.clicked.connect(lambda _c=False, m=member_id: self._on_remove_clicked(m))
        self._order = tuple(a.member_id for a in attendees)

    def _show_row(self, meeting: Meeting, attendee: Attendee) -> None:
        row = self.rows[attendee.member_id]
        text = f"<b>{attendee.name}</b>, {attendee.role}, {attendee.agency}"
        if attendee.substitute_for is not None:
            text += f". <i>Substitute for {meeting.name_of(attendee.substitute_for)}</i>"
        if attendee.member_id == meeting.chair_id:
            text += ". <i>Chair</i>"
        row.name.setText(text)
        blocked = row.status.blockSignals(True)
        row.status.setCurrentIndex(row.status.findData(attendee.status))
        row.status.blockSignals(blocked)
        blocked = row.voting.blockSignals(True)
        row.voting.setChecked(attendee.voting)
        row.voting.blockSignals(blocked)
        conflict = next((c for c in meeting.conflicts if c.member_id == attendee.member_id), None)
        set_text_quietly(row.conflict, "" if conflict is None else conflict.note)
        if conflict is not None:
            note = "Recused from this case's vote: conflict of interest"
        elif attendee.present:
            note = non_voting_reason(attendee, meeting.attendees) or "Votes"
        else:
            note = attendee.status.label
        row.note.setText(note)
        row.note.setAccessibleName(f"{attendee.name}: {note}")
        row.remove.setVisible(attendee.substitute_for is not None)

    def _fill_substitute_choices(self, meeting: Meeting) -> None:
        for combo in (self.substitute_person, self.substitute_for):
            combo.blockSignals(True)
            combo.clear()
        for member in self._candidates(meeting):
            self.substitute_person.addItem(f"{member.name}, {member.agency}", member.member_id)
        for attendee in meeting.attendees:
            if attendee.substitute_for is None:
                self.substitute_for.addItem(attendee.name, attendee.member_id)
        for combo in (self.substitute_person, self.substitute_for):
            combo.blockSignals(False)
        self.add_substitute_button.setEnabled(self.substitute_person.count() > 0)

    # --- changing -----------------------------------------------------------------------

    def _field(self, member_id: int) -> FormField:
        return self.rows[member_id].conflict_field

    def _on_status_activated(self, member_id: int) -> None:
        status = self.rows[member_id].status.currentData()
        assert isinstance(status, AttendanceStatus)
        who = self.view.meeting.name_of(member_id)
        self.change(
            lambda m: m.with_attendance(member_id, status),
            f"{who}: {status.label.lower()}",
            self._field(member_id),
        )

    def _on_everyone_present_clicked(self) -> None:
        self.change(
            lambda m: m.with_everyone_present(),
            "Everyone not yet recorded marked present",
            self.everyone_present_field,
        )

    def _on_voting_toggled(self, member_id: int, voting: bool) -> None:
        who = self.view.meeting.name_of(member_id)
        self.change(
            lambda m: m.with_voting(member_id, voting),
            f"{who}: {'voting' if voting else 'non-voting'}",
            self._field(member_id),
        )

    def _on_conflict_editing_finished(self, member_id: int) -> None:
        note = self.rows[member_id].conflict.text().strip()
        meeting = self.view.meeting
        current = next((c.note for c in meeting.conflicts if c.member_id == member_id), "")
        if note == current:
            return
        who = meeting.name_of(member_id)
        if note:
            self.change(
                lambda m: m.with_conflict(member_id, note),
                f"{who} declared a conflict of interest",
                self._field(member_id),
            )
        else:
            self.change(
                lambda m: m.without_conflict(member_id),
                f"{who}'s conflict of interest withdrawn",
                self._field(member_id),
            )

    def _on_remove_clicked(self, member_id: int) -> None:
        who = self.view.meeting.name_of(member_id)
        self.change(
            lambda m: m.without_attendee(member_id),
            f"{who} removed from the attendance list",
            self.substitute_field,
        )

    def _on_add_substitute_clicked(self) -> None:
        person = self.substitute_person.currentData()
        replaced = self.substitute_for.currentData()
        if person is None or replaced is None:
            self.show_error(self.substitute_field, "Choose the substitute and whom they replace")
            return
        add = self._add_substitute
        self.change(
            lambda m: add(m, int(person), int(replaced)),
            f"Substitute {self.substitute_person.currentText()} for "
            f"{self.view.meeting.name_of(int(replaced))}",
            self.substitute_field,
        )
