"""Executive sign-off by the three statutory partners, then the National Panel."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.sign_off import CLOCK_WORKING_DAYS, PartnerSignOff
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.timetable.dates import format_date
from rrdesk.ui.kit.form_widgets import DateInput, FormField, hint_label, read_date, set_role
from rrdesk.ui.meeting.meeting_panel import (
    Apply,
    MeetingPanel,
    MeetingView,
    compact,
    name,
    status_label,
)


class SignOffStep(Enum):
    SENT = "sent"
    AGREED = "agreed"
    NOT_AGREED = "not_agreed"
    CHAIR_MEETING = "chair_meeting"
    DECIDED = "decided"

    @property
    def label(self) -> str:
        return {
            "sent": "Sent for sign-off",
            "agreed": "Agreed",
            "not_agreed": "Did not agree",
            "chair_meeting": "Met with the Rapid Review chair",
            "decided": "Decision taken on the dissent",
        }[self.value]


def describe_partner(sign_off: PartnerSignOff) -> str:
    """``Police: Agreed on 3 December 2026 (Jo Bloggs) – comments``."""
    text = f"{sign_off.partner.label.split(' (')[0]}: {sign_off.answer_words}"
    if sign_off.agreed is not None and sign_off.signed_by:
        text += f" by {sign_off.signed_by}"
        if sign_off.role:
            text += f", {sign_off.role}"
    if sign_off.comments:
        text += f". Comments: {sign_off.comments}"
    return text


class SignOffPanel(MeetingPanel):
    def __init__(self, apply: Apply) -> None:
        super().__init__("sign_off", "Executive sign-off and the National Panel", apply)
        self.route_hint = hint_label("Each statutory partner signs off the decision sheet.")
        self.route_hint.setObjectName("dissent_route")
        self.body.addWidget(self.route_hint)
        self.partner_labels = {
            partner: status_label(f"sign_off_status_{partner.value}", partner.label)
            for partner in StatutoryPartner
        }
        for label in self.partner_labels.values():
            self.body.addWidget(label)
        self.chair_meetings = status_label("chair_meetings", "Meetings with the chair")
        self.body.addWidget(self.chair_meetings)
        self.dissents = status_label("sign_off_dissents", "Dissent recorded")
        set_role(self.dissents, "warning")
        self.body.addWidget(self.dissents)
        self.next_steps = status_label("sign_off_next_steps", "Next steps")
        self.next_steps.setProperty("role", "inset")
        self.body.addWidget(self.next_steps)

        self.partner_combo = QComboBox()
        name(self.partner_combo, "sign_off_partner", "Partner")
        for partner in StatutoryPartner:
            self.partner_combo.addItem(partner.label, partner)
        self.step_combo = QComboBox()
        name(self.step_combo, "sign_off_step", "What happened")
        for step in SignOffStep:
            self.step_combo.addItem(step.label, step)
        pick = QWidget()
        pick_row = QHBoxLayout(pick)
        pick_row.setContentsMargins(0, 0, 0, 0)
        pick_row.addWidget(self.partner_combo, 1)
        pick_row.addWidget(self.step_combo, 1)
        self.step_field = FormField("Record a sign-off step", pick)
        self.date_input = DateInput("sign_off_date", "Date")
        self.date_field = FormField("Date", self.date_input)
        self.signed_by = QLineEdit()
        name(self.signed_by, "sign_off_name", "Name of the executive")
        self.signed_by.setPlaceholderText("Name")
        self.role = QLineEdit()
        name(self.role, "sign_off_role", "Role of the executive")
        self.role.setPlaceholderText("Role")
        people = QWidget()
        people_row = QHBoxLayout(people)
        people_row.setContentsMargins(0, 0, 0, 0)
        people_row.addWidget(self.signed_by, 1)
        people_row.addWidget(self.role, 1)
        self.people_field = FormField(
            "Executive's name and role", people, hint="When recording an answer"
        )
        self.comments = QLineEdit()
        name(
            self.comments,
            "sign_off_comments",
            "Comments, or what the meeting with the chair or the decision on a dissent decided",
        )
        self.comments_field = FormField(
            "Comments",
            self.comments,
            hint="Needed when a partner does not agree, for a meeting with the chair, and for"
            " the decision taken on a dissent",
        )
        self.record_button = compact(QPushButton("Record"))
        self.record_button.setProperty("role", "primary")
        name(self.record_button, "record_sign_off_button", "Record the sign-off step")
        for widget in (
            self.step_field,
            self.date_field,
            self.people_field,
            self.comments_field,
            self.record_button,
        ):
            self.body.addWidget(widget)

        self.national_status = status_label("national_panel_status", "National Panel")
        self.national_date = DateInput("national_panel_date", "Date sent to the National Panel")
        self.national_field = FormField("Date sent to the National Panel", self.national_date)
        self.national_button = compact(QPushButton("Record sent to the National Panel"))
        self.national_button.setProperty("role", "primary")
        name(
            self.national_button,
            "record_national_panel_button",
            "Record sent to the National Panel",
        )
        self.body.addWidget(self.national_status)
        self.body.addWidget(self.national_field)
        self.body.addWidget(self.national_button)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.national_button.clicked.connect(self._on_national_clicked)

    def refresh(self, view: MeetingView) -> None:
        sign_off = view.meeting.sign_off
        rule = view.dissent
        self.route_hint.setText(
            f"Each statutory partner signs off the decision sheet. {rule.words}"
        )
        dissents = [
            f"Dissent recorded: {d.words} It goes on the decision sheet and the submission."
            for d in sign_off.dissents
        ]
        self.dissents.setText("\n".join(dissents))
        self.dissents.setVisible(bool(dissents))
        for partner_sign_off in sign_off.partners:
            label = self.partner_labels[partner_sign_off.partner]
            label.setText(describe_partner(partner_sign_off))
            label.setAccessibleName(label.text())
        meetings = [
            f"Meeting with the chair for {m.partner.label.split(' (')[0].lower()}: "
            + (
                f"held {format_date(m.held_on)}: {m.outcome}"
                if m.held_on
                else f"to be held (did not agree on {format_date(m.opened_on)}: {m.reason})"
            )
            for m in sign_off.chair_meetings
        ]
        self.chair_meetings.setText("\n".join(meetings))
        self.chair_meetings.setVisible(bool(meetings))
        steps = sign_off.next_steps(rule)
        self.next_steps.setText("Next:\n" + "\n".join(f"• {step}" for step in steps))
        self.next_steps.setVisible(bool(steps))
        if self.date_input.is_blank():
            self.date_input.set_value(view.today)
        sent = sign_off.national_panel_sent_on
        set_role(self.national_status, "hint" if sent is None else "success")
        if sent is None:
            self.national_status.setText("Not yet sent to the National Panel.")
        else:
            day = sign_off.national_panel_working_day
            within = "within" if sign_off.within_clock else "after"
            self.national_status.setText(
                f"Sent to the National Panel on {format_date(sent)}: working day {day},"
                f" {within} the {CLOCK_WORKING_DAYS}-day clock."
            )
        self.national_status.setAccessibleName(self.national_status.text())
        for widget in (
            self.national_field,
            self.national_button,
            self.step_field,
            self.date_field,
            self.people_field,
            self.comments_field,
            self.record_button,
        ):
            widget.setVisible(sent is None)
        if sent is None and self.national_date.is_blank():
            self.national_date.set_value(view.today)

    def _on_record_clicked(self) -> None:
        partner = self.partner_combo.currentData()
        step = self.step_combo.currentData()
        assert isinstance(partner, StatutoryPartner)
        assert isinstance(step, SignOffStep)
        on, error = read_date(self.date_field, what="The date", required=True)
        if error or on is None:
            self.show_error(self.date_field, error)
            return
        signed_by, role, comments = self.signed_by.text(), self.role.text(), self.comments.text()
        rule = self.view.dissent

        def record(m: Meeting) -> Meeting:
            s = m.sign_off
            if step is SignOffStep.SENT:
                return m.with_sign_off(s.send(partner, on))
            if step is SignOffStep.AGREED:
                return m.with_sign_off(
                    s.agree(partner, on, signed_by=signed_by, role=role, comments=comments)
                )
            if step is SignOffStep.NOT_AGREED:
                return m.with_sign_off(
                    s.disagree(partner, on, comments, signed_by=signed_by, role=role, rule=rule)
                )
            if step is SignOffStep.DECIDED:
                return m.with_sign_off(
                    s.record_executive_decision(partner, on, comments, rule=rule)
                )
            return m.with_sign_off(s.record_chair_meeting(partner, on, comments))

        field = self.comments_field if step is not SignOffStep.SENT else self.step_field
        who = partner.label.split(" (")[0]
        if self.change(
            record, f"Sign-off, {who}: {step.label.lower()} on {format_date(on)}", field
        ):
            for box in (self.signed_by, self.role, self.comments):
                box.clear()

    def _on_national_clicked(self) -> None:
        on, error = read_date(self.national_field, what="The date", required=True)
        if error or on is None:
            self.show_error(self.national_field, error)
            return
        working_day_of = self.view.working_day_of
        if working_day_of is None:
            self.show_error(
                self.national_field, "Enter the date the notification was sent on the case first"
            )
            return
        rule = self.view.dissent
        self.change(
            lambda m: m.with_sign_off(
                m.sign_off.record_sent_to_national_panel(on, working_day_of, rule=rule)
            ),
            f"Sent to the National Panel on {format_date(on)}, working day {working_day_of(on)}",
            self.national_field,
        )
