"""The panel meeting of a case: kept as the case document ``meeting``, every change audited."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, time

from rrdesk.domain.cases.cases import Case, Stage
from rrdesk.domain.cases.directory import Member, StatutoryPartner
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.decision_sheet.dissent import DissentRule
from rrdesk.domain.decision_sheet.sheet_version import SheetHistory
from rrdesk.domain.errors import UserError
from rrdesk.domain.meeting.agenda import AgendaItem
from rrdesk.domain.meeting.attendance import AttendanceStatus, Attendee
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_document import (
    meeting_from_dict,
    meeting_to_dict,
    sheet_history_from_dict,
)
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.meeting_rules import (
    agenda_from_profile,
    quorum_rule_from_profile,
    vote_rule_from_profile,
)
from rrdesk.domain.meeting.quorum import QuorumResult, QuorumRule, partner_map
from rrdesk.domain.meeting.vote import ProjectorTally, VoteRule
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.deadlines import working_days_between
from rrdesk.domain.timetable.profiles import ProcessProfile
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.meeting_scheduling import MeetingScheduling
from rrdesk.services.timetable.profile_catalogue import (
    DEFAULT_PROFILE,
    UnknownProfileError,
    load_profile,
)


def _when(meeting: Meeting) -> tuple[date | None, time | None, str, bool]:
    return meeting.held_on, meeting.starts_at, meeting.place, meeting.online


_BEFORE_DECISION = frozenset({Stage.NOTIFIED, Stage.COLLECTING_RETURNS, Stage.MEETING_BOOKED})


def _stage_after(stage: Stage, meeting: Meeting) -> Stage:
    """Where the case goes when this record is saved (cases already further on stay put)."""
    if meeting.sign_off.national_panel_sent_on is not None and (
        stage in _BEFORE_DECISION or stage is Stage.AWAITING_SIGN_OFF
    ):
        return Stage.SENT_TO_NATIONAL_PANEL
    if meeting.decision is not None and stage in _BEFORE_DECISION:
        return Stage.AWAITING_SIGN_OFF
    return stage


class MeetingService:
    """Load, change and save the meeting record of a case.

    Each save is one transaction with its audit entry. Recording the decision moves the case to
    "Decided, awaiting sign-off"; recording it sent to the National Panel moves it on again.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._cases = CaseService(session)

    # --- the case and its rules -----------------------------------------------------------

    @property
    def calendar(self) -> BankHolidayCalendar:
        return self._session.calendar

    def case(self, case_id: int) -> Case:
        return find_case(self._session, case_id)

    def profile(self, case: Case) -> ProcessProfile:
        """The case's process profile, or the store's when the case names one not shipped."""
        try:
            return load_profile(case.profile)
        except UnknownProfileError:
            return load_profile(self._session.profile_name)

    def quorum_rule(self, case: Case) -> QuorumRule:
        return quorum_rule_from_profile(self.profile(case).quorum)

    def vote_rule(self, case: Case) -> VoteRule:
        return vote_rule_from_profile(self.profile(case).vote)

    def dissent_rule(self, case: Case) -> DissentRule:
        """What follows a partner not agreeing the decision sheet, by the case's profile."""
        return self.profile(case).decision.dissent

    def partners(self) -> dict[int, StatutoryPartner]:
        """Member id to statutory partner, from the directory."""
        return partner_map(self._session.directory.members(), self._session.directory.agencies())

    def quorum(self, case: Case, meeting: Meeting) -> QuorumResult:
        return meeting.quorum(self.quorum_rule(case), self.partners())

    def agencies(self) -> list[str]:
        return [agency.name for agency in self._session.directory.agencies()]

    def directory_members(self) -> list[Member]:
        return self._session.directory.members()

    # --- loading and saving ---------------------------------------------------------------

    def load(self, case_id: int) -> Meeting:
        """The saved record, or a new one with the panel's attendance and the profile's agenda."""
        body = self._session.documents.get(case_id, DocumentKind.MEETING)
        if body is not None:
            return meeting_from_dict(body)
        case = self.case(case_id)
        booked = self._session.documents.get(case_id, DocumentKind.TIMETABLE) or {}
        held_on, starts_at = None, None
        with contextlib.suppress(ValueError, TypeError):  # the date, time and place booked
            held_on = date.fromisoformat(booked.get("meeting_date"))  # type: ignore[arg-type]
            starts_at = time.fromisoformat(booked.get("meeting_start"))  # type: ignore[arg-type]
        place = booked.get("meeting_place")
        meeting = Meeting(
            case_reference=case.reference,
            held_on=held_on,
            starts_at=starts_at,
            place=place if isinstance(place, str) else "",
        )
        meeting = self.with_panel_attendance(meeting)
        return meeting.with_agenda(self.agenda_for(case, meeting))

    def record_sent_for_sign_off(self, case_id: int, on: date) -> tuple[str, ...]:
        """After the signed sheet is emailed: each partner not yet asked is recorded as sent.
        Returns the partners recorded (none when the record has no decision yet)."""
        if not self.is_saved(case_id):
            return ()
        meeting = self.load(case_id)
        sign_off = meeting.sign_off
        sent: list[str] = []
        for partner in StatutoryPartner:
            current = sign_off.of(partner)
            if current.sent_on is not None or current.agreed is not None:
                continue
            try:
                sign_off = sign_off.send(partner, on)
            except MeetingError:
                continue
            sent.append(partner.label)
        if sent:
            self.save(
                case_id,
                meeting.with_sign_off(sign_off),
                f"Decision sheet emailed for sign-off to {', '.join(sent)}",
            )
        return tuple(sent)

    @property
    def session(self) -> Session:
        return self._session

    def is_saved(self, case_id: int) -> bool:
        return self._session.documents.get(case_id, DocumentKind.MEETING) is not None

    def save(self, case_id: int, meeting: Meeting, what: str) -> Meeting:
        """Save the record and say ``what`` changed in the audit trail, in one transaction.

        The first decision recorded moves the case on to "Decided, awaiting sign-off"; the
        record of the decision sent to the National Panel moves it on to that stage.
        """
        session = self._session
        with session.db.transaction():
            case = self.case(case_id)
            before = session.documents.get(case_id, DocumentKind.MEETING)
            session.documents.put(case_id, DocumentKind.MEETING, meeting_to_dict(meeting))
            session.record(
                "meeting", "Changed the meeting record", case_id=case_id, detail={"note": what}
            )
            if before is None or _when(meeting_from_dict(before)) != _when(meeting):
                self._booking_follows(case, meeting)
            stage = _stage_after(case.stage, meeting)
            if stage is not case.stage:
                self._cases.move_to_stage(case, stage)
        return meeting

    def _booking_follows(self, case: Case, meeting: Meeting) -> None:
        """The Timetable's booking takes the date, start time and place recorded here."""
        if case.case_id is None or case.notification_sent is None:
            return
        place = meeting.place or ("Online" if meeting.online else "")
        try:
            MeetingScheduling(self._session).follow_meeting_record(
                case.case_id, meeting.held_on, meeting.starts_at, place
            )
        except UserError as error:
            raise MeetingError(str(error)) from None

    # --- attendance and agenda ------------------------------------------------------------

    def panel_attendees(self) -> list[Attendee]:
        """Every panel member in the directory, attendance not yet recorded: it is taken at the
        meeting, never assumed."""
        return [
            Attendee.from_member(member)
            for member in self._session.directory.members()
            if member.on_panel
        ]

    def with_panel_attendance(self, meeting: Meeting) -> Meeting:
        """Add panel members not yet on the attendance list."""
        for attendee in self.panel_attendees():
            if all(a.member_id != attendee.member_id for a in meeting.attendees):
                meeting = meeting.with_attendee(attendee)
        return meeting

    def substitute_candidates(self, meeting: Meeting) -> list[Member]:
        """People in the directory who are not on the attendance list."""
        listed = {a.member_id for a in meeting.attendees}
        return [m for m in self._session.directory.members() if m.member_id not in listed]

    def with_substitute(self, meeting: Meeting, member_id: int, for_member_id: int) -> Meeting:
        member = self._session.directory.member(member_id)
        if member is None:
            raise MeetingError("That person is no longer in the directory")
        attendee = Attendee.from_member(member, AttendanceStatus.PRESENT)
        return meeting.with_substitute(attendee, for_member_id)

    def agenda_for(self, case: Case, meeting: Meeting) -> tuple[AgendaItem, ...]:
        """The profile's agenda, with an account from each agency on the attendance list that
        is expected (not recorded yet) or present: not from those who sent apologies or are
        absent."""
        agencies = list(
            dict.fromkeys(
                a.agency.strip() for a in meeting.attendees if a.present or not a.status.recorded
            )
        )
        return agenda_from_profile(self.profile(case).agenda, agencies)

    # --- what the projector shows ----------------------------------------------------------

    def projector_agenda(self, case_id: int) -> tuple[AgendaItem, ...]:
        """The agenda the chair runs: an account from each agency present, or, while attendance
        is not yet taken, from each agency on the panel."""
        case = self._cases.get(case_id)
        if case is not None:
            meeting = self.load(case_id)
            if any(attendee.present for attendee in meeting.attendees):
                return self.agenda_for(case, meeting)
        profile = self.profile(case) if case is not None else self._store_profile()
        on_panel = {member.agency for member in self.directory_members() if member.on_panel}
        return agenda_from_profile(profile.agenda, [a for a in self.agencies() if a in on_panel])

    def projector_tally(self, case_id: int) -> ProjectorTally | None:
        """The case's vote as the projector shows it: counts only, unless the chair chose to show
        names; ``None`` before a vote is recorded."""
        if not self.is_saved(case_id):
            return None
        vote = self.load(case_id).vote
        return None if vote is None else vote.projector_view()

    def _store_profile(self) -> ProcessProfile:
        try:
            return load_profile(self._session.profile_name)
        except UnknownProfileError:
            return load_profile(DEFAULT_PROFILE)

    # --- the 15-day clock -----------------------------------------------------------------

    def working_day_of(self, case: Case) -> Callable[[date], int]:
        """The working day of the case's 15-day clock a date falls on (notification is day 0)."""
        notified = case.notification_sent
        if notified is None:
            raise MeetingError("Enter the date the notification was sent first")
        return lambda day: working_days_between(notified, day, self.calendar)

    def record_sent_to_national_panel(self, case_id: int, meeting: Meeting, on: date) -> Meeting:
        """Record the decision sent to the National Panel: each partner having agreed or had
        their dissent recorded, as the profile's route allows."""
        case = self.case(case_id)
        sign_off = meeting.sign_off.record_sent_to_national_panel(
            on, self.working_day_of(case), rule=self.dissent_rule(case)
        )
        return self.save(
            case_id,
            meeting.with_sign_off(sign_off),
            f"Sent to the National Panel on {format_date(on)},"
            f" working day {sign_off.national_panel_working_day}",
        )

    # --- versions of the decision sheet ---------------------------------------------------

    def sheet_history(self, case_id: int) -> SheetHistory:
        body = self._session.documents.get(case_id, DocumentKind.DECISION_SHEET_HISTORY)
        return SheetHistory() if body is None else sheet_history_from_dict(body)
