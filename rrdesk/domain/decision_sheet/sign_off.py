"""Executive sign-off of the decision sheet by the statutory partners, then the National Panel.

A partner who does not agree follows the profile's route (``dissent.DissentRule``); their dissent
is recorded and travels with the decision, and never holds it back past day 15.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.dissent import (
    DISSENT_NEVER_BLOCKS_FROM_DAY,
    PARTNERS_DECIDE,
    DissentRule,
    ExecutiveDecision,
    RecordedDissent,
)
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.timetable.dates import format_date

CLOCK_WORKING_DAYS = 15

_NAMES = {
    StatutoryPartner.LOCAL_AUTHORITY: "the local authority",
    StatutoryPartner.POLICE: "the police",
    StatutoryPartner.HEALTH: "health",
}


def partner_name(partner: StatutoryPartner, *, start: bool = False) -> str:
    """``the police``, or ``The police`` at the start of a sentence."""
    name = _NAMES[partner]
    return name[0].upper() + name[1:] if start else name


class SignOffStatus(Enum):
    NOT_SENT = "not_sent"
    AWAITING = "awaiting"
    AGREED = "agreed"
    NOT_AGREED = "not_agreed"

    @property
    def label(self) -> str:
        return {
            "not_sent": "Not sent",
            "awaiting": "Awaiting an answer",
            "agreed": "Agreed",
            "not_agreed": "Not agreed",
        }[self.value]


@dataclass(frozen=True)
class PartnerSignOff:
    partner: StatutoryPartner
    sent_on: date | None = None
    agreed: bool | None = None
    answered_on: date | None = None
    comments: str = ""
    signed_by: str = ""
    role: str = ""

    @property
    def status(self) -> SignOffStatus:
        if self.agreed is True:
            return SignOffStatus.AGREED
        if self.agreed is False:
            return SignOffStatus.NOT_AGREED
        if self.sent_on is not None:
            return SignOffStatus.AWAITING
        return SignOffStatus.NOT_SENT

    @property
    def answer_words(self) -> str:
        """``Agreed on 3 December 2026``: the answer as the screen and the sheet both say it."""
        if self.status is SignOffStatus.AWAITING and self.sent_on is not None:
            return f"{self.status.label} (sent {format_date(self.sent_on)})"
        on = "" if self.answered_on is None else f" on {format_date(self.answered_on)}"
        return f"{self.status.label}{on}"


@dataclass(frozen=True)
class ChairMeeting:
    """The meeting with the Rapid Review chair that follows a partner not agreeing."""

    partner: StatutoryPartner
    opened_on: date
    reason: str
    held_on: date | None = None
    outcome: str = ""

    @property
    def held(self) -> bool:
        return self.held_on is not None


def _initial() -> tuple[PartnerSignOff, ...]:
    return tuple(PartnerSignOff(p) for p in StatutoryPartner)


@dataclass(frozen=True)
class SignOff:
    partners: tuple[PartnerSignOff, ...] = _initial()
    chair_meetings: tuple[ChairMeeting, ...] = ()
    national_panel_sent_on: date | None = None
    national_panel_working_day: int | None = None
    executive_decisions: tuple[ExecutiveDecision, ...] = ()

    def of(self, partner: StatutoryPartner) -> PartnerSignOff:
        return next(p for p in self.partners if p.partner is partner)

    def _with(self, updated: PartnerSignOff) -> SignOff:
        partners = tuple(updated if p.partner is updated.partner else p for p in self.partners)
        return replace(self, partners=partners)

    def open_chair_meeting(self, partner: StatutoryPartner) -> ChairMeeting | None:
        return next((m for m in self.chair_meetings if m.partner is partner and not m.held), None)

    def _check_not_sent_to_panel(self) -> None:
        if self.national_panel_sent_on is not None:
            raise MeetingError("The decision has already been sent to the National Panel")

    def send(self, partner: StatutoryPartner, on: date) -> SignOff:
        """Record the sheet sent to ``partner`` for sign-off (again, after a chair meeting)."""
        self._check_not_sent_to_panel()
        current = self.of(partner)
        name = partner_name(partner)
        if current.status is SignOffStatus.AGREED:
            raise MeetingError(f"{partner_name(partner, start=True)} have already agreed")
        if self.open_chair_meeting(partner) is not None:
            raise MeetingError(
                f"Hold the meeting with the chair before sending the sheet to {name} again"
            )
        return self._with(PartnerSignOff(partner, sent_on=on))

    def _check_answerable(self, partner: StatutoryPartner, on: date) -> PartnerSignOff:
        self._check_not_sent_to_panel()
        current = self.of(partner)
        name = partner_name(partner)
        if current.status is not SignOffStatus.AWAITING or current.sent_on is None:
            if current.status is SignOffStatus.NOT_SENT:
                raise MeetingError(
                    f"Send the decision sheet to {name} before recording their answer"
                )
            raise MeetingError(
                f"{partner_name(partner, start=True)} have already answered; send the sheet again"
                " to record a new answer"
            )
        if on < current.sent_on:
            raise MeetingError(
                f"The date of the answer must be on or after {format_date(current.sent_on)},"
                " when the sheet was sent"
            )
        return current

    def agree(
        self,
        partner: StatutoryPartner,
        on: date,
        *,
        signed_by: str = "",
        role: str = "",
        comments: str = "",
    ) -> SignOff:
        current = self._check_answerable(partner, on)
        return self._with(
            replace(
                current,
                agreed=True,
                answered_on=on,
                comments=comments.strip(),
                signed_by=signed_by.strip(),
                role=role.strip(),
            )
        )

    def disagree(
        self,
        partner: StatutoryPartner,
        on: date,
        comments: str,
        *,
        signed_by: str = "",
        role: str = "",
        rule: DissentRule = PARTNERS_DECIDE,
    ) -> SignOff:
        """Record that ``partner`` does not agree, with why. On a route that starts with the
        Rapid Review chair (Tower Hamlets step 19) this opens a meeting with the chair."""
        current = self._check_answerable(partner, on)
        if not comments.strip():
            raise MeetingError(f"Enter why {partner_name(partner)} do not agree")
        updated = replace(
            current,
            agreed=False,
            answered_on=on,
            comments=comments.strip(),
            signed_by=signed_by.strip(),
            role=role.strip(),
        )
        if not rule.chair_first:
            return self._with(updated)
        meeting = ChairMeeting(partner, opened_on=on, reason=comments.strip())
        return replace(self._with(updated), chair_meetings=(*self.chair_meetings, meeting))

    def decision_on_dissent(self, partner: StatutoryPartner) -> ExecutiveDecision | None:
        """The decision taken on ``partner``'s present dissent, if one was recorded."""
        current = self.of(partner)
        if current.status is not SignOffStatus.NOT_AGREED or current.answered_on is None:
            return None
        answered = current.answered_on
        return next(
            (
                d
                for d in reversed(self.executive_decisions)
                if d.partner is partner and d.decided_on >= answered
            ),
            None,
        )

    def record_executive_decision(
        self,
        partner: StatutoryPartner,
        on: date,
        outcome: str,
        *,
        rule: DissentRule = PARTNERS_DECIDE,
    ) -> SignOff:
        """The decision taken on ``partner``'s dissent by whoever the route names: after the
        meeting with the Rapid Review chair (Tower Hamlets step 24: the Executive chair), or
        straight away (Leeds, Redbridge: the Executive)."""
        self._check_not_sent_to_panel()
        current = self.of(partner)
        name = partner_name(partner)
        if current.status is not SignOffStatus.NOT_AGREED or current.answered_on is None:
            raise MeetingError(f"{partner_name(partner, start=True)} have not disagreed")
        if rule.chair_first and self.open_chair_meeting(partner) is not None:
            raise MeetingError(
                f"Hold the meeting with the Rapid Review chair first: it reviews the decision"
                f" before it goes to {rule.who}"
            )
        if on < current.answered_on:
            raise MeetingError(
                f"The decision must be on or after {format_date(current.answered_on)}, when"
                f" {name} did not agree"
            )
        if not outcome.strip():
            raise MeetingError(f"Enter what {rule.who} decided")
        decision = ExecutiveDecision(partner, on, rule.who, outcome.strip())
        return replace(self, executive_decisions=(*self.executive_decisions, decision))

    @property
    def dissents(self) -> tuple[RecordedDissent, ...]:
        """Each partner's dissent as it stands, with the chair meeting and the decision on it,
        for the decision sheet and the submission."""
        found = []
        for p in self.partners:
            if p.status is not SignOffStatus.NOT_AGREED or p.answered_on is None:
                continue
            held = [
                m
                for m in self.chair_meetings
                if m.partner is p.partner and m.held_on is not None and m.opened_on >= p.answered_on
            ]
            chair = (
                f"held {format_date(held[-1].held_on)}: {held[-1].outcome}"
                if held and held[-1].held_on is not None
                else ""
            )
            found.append(
                RecordedDissent(
                    partner_name(p.partner, start=True),
                    p.answered_on,
                    p.comments,
                    p.signed_by,
                    p.role,
                    chair,
                    self.decision_on_dissent(p.partner),
                )
            )
        return tuple(found)

    def record_chair_meeting(
        self, partner: StatutoryPartner, held_on: date, outcome: str
    ) -> SignOff:
        meeting = self.open_chair_meeting(partner)
        if meeting is None:
            raise MeetingError(
                f"There is no meeting with the chair to hold for {partner_name(partner)}"
            )
        if held_on < meeting.opened_on:
            raise MeetingError(
                f"The meeting with the chair must be on or after {format_date(meeting.opened_on)}"
            )
        if not outcome.strip():
            raise MeetingError("Enter what the meeting with the chair decided")
        held = replace(meeting, held_on=held_on, outcome=outcome.strip())
        meetings = tuple(held if m is meeting else m for m in self.chair_meetings)
        return replace(self, chair_meetings=meetings)

    @property
    def all_agreed(self) -> bool:
        return all(p.status is SignOffStatus.AGREED for p in self.partners)

    def record_sent_to_national_panel(
        self,
        on: date,
        working_day_of: Callable[[date], int],
        *,
        rule: DissentRule = PARTNERS_DECIDE,
    ) -> SignOff:
        """Record the date the decision went to the National Panel, once each partner has
        answered. A partner who did not agree goes with their dissent recorded: before day 15
        once the route has ended in a decision on it; from day 15 whatever its stage, so the
        dissent never holds the statutory submission back.

        ``working_day_of`` gives the working day of the 15-day clock a date falls on (the
        calendar module supplies it); it is kept with the date.
        """
        self._check_not_sent_to_panel()
        for p in self.partners:
            if p.status in (SignOffStatus.NOT_SENT, SignOffStatus.AWAITING):
                raise MeetingError(f"{partner_name(p.partner, start=True)} have not agreed yet")
            if (
                p.status is SignOffStatus.NOT_AGREED
                and self.decision_on_dissent(p.partner) is None
                and working_day_of(on) < DISSENT_NEVER_BLOCKS_FROM_DAY
            ):
                raise MeetingError(self._dissent_open_words(p.partner, rule))
        last = max(p.answered_on for p in self.partners if p.answered_on is not None)
        if on < last:
            raise MeetingError(
                f"The date sent to the National Panel must be on or after {format_date(last)},"
                " the last agreement"
            )
        return replace(
            self, national_panel_sent_on=on, national_panel_working_day=working_day_of(on)
        )

    def _dissent_open_words(self, partner: StatutoryPartner, rule: DissentRule) -> str:
        name = partner_name(partner, start=True)
        if rule.chair_first and self.open_chair_meeting(partner) is not None:
            step = "hold the meeting with the Rapid Review chair, then record"
        else:
            step = "record"
        return (
            f"{name} did not agree: {step} what {rule.who} decided, or send the sheet"
            f" to them again. From working day {DISSENT_NEVER_BLOCKS_FROM_DAY} you can send the"
            " decision with their dissent recorded"
        )

    @property
    def within_clock(self) -> bool | None:
        """Whether the National Panel was told within 15 working days; ``None`` if not yet sent."""
        if self.national_panel_working_day is None:
            return None
        return self.national_panel_working_day <= CLOCK_WORKING_DAYS

    def next_steps(
        self,
        rule: DissentRule = PARTNERS_DECIDE,
    ) -> tuple[str, ...]:
        """What the coordinator has to do next, in plain words."""
        if self.national_panel_sent_on is not None:
            return ()
        steps: list[str] = []
        dissenting: list[str] = []
        for p in self.partners:
            name = partner_name(p.partner)
            if p.status is SignOffStatus.NOT_SENT:
                steps.append(f"Send the decision sheet to {name} for sign-off")
            elif p.status is SignOffStatus.AWAITING:
                steps.append(f"Wait for {name} to agree or not")
            elif p.status is SignOffStatus.NOT_AGREED:
                dissenting.append(name)
                if self.open_chair_meeting(p.partner) is not None:
                    steps.append(
                        f"Hold a meeting with the Rapid Review chair, because {name} did not agree"
                    )
                elif self.decision_on_dissent(p.partner) is None:
                    again = "Send the reviewed decision sheet" if rule.chair_first else "Send it"
                    steps.append(
                        f"Record what {rule.who} decided on {name}'s dissent, or"
                        f" {again[0].lower()}{again[1:]} to {name} again"
                    )
        if not steps:
            with_dissent = " and ".join(dissenting)
            steps.append(
                "Send the decision to the National Panel"
                + (f", with {with_dissent}'s dissent recorded" if dissenting else "")
            )
        elif dissenting:
            steps.append(
                f"From working day {DISSENT_NEVER_BLOCKS_FROM_DAY} the decision can go to the"
                f" National Panel with {' and '.join(dissenting)}'s dissent recorded"
            )
        return tuple(steps)
