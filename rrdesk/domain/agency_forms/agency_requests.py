"""Requests for agency check forms: sent, chased, received, returned and quality assured.

Each agency's request is a history of dated events; its status is worked out from that history
and today's date. The due date follows from the case's process profile: the sent date plus the
return window in working days, counted by a calendar passed in as ``add_working_days``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date

AddWorkingDays = Callable[[date, int], date]


class RequestStatus(StrEnum):
    """Where an agency's form has got to, as the words shown."""

    NOT_SENT = "Not sent"
    SENT = "Sent"
    DUE_SOON = "Due soon"
    OVERDUE = "Overdue"
    RECEIVED = "Received"
    RETURNED = "Returned for more information"
    QUALITY_ASSURED = "Quality assured"


class ReturnReason(StrEnum):
    """Why quality assurance sent a form back."""

    INFORMATION_MISSING = "Information missing"
    ANALYSIS_NOT_COMPLETE = "Analysis not complete"
    CONTAINS_ACRONYMS = "Contains acronyms"
    COPIED_FROM_CASE_NOTES = "Copied from case notes"
    OTHER = "Other"


class EventKind(StrEnum):
    SENT = "sent"
    REMINDER = "reminder"
    RECEIVED = "received"
    RETURNED = "returned"
    QUALITY_ASSURED = "quality_assured"


@dataclass(frozen=True)
class RequestEvent:
    """One dated step. ``due_on`` is set when a request is sent or a form returned, and when a
    reminder asks for an overdue form by a new date."""

    kind: EventKind
    on: date
    due_on: date | None = None
    reasons: tuple[ReturnReason, ...] = ()
    note: str = ""
    recorded_by: str = ""


@dataclass(frozen=True)
class AgencyRequest:
    """One agency's request within a case, with its history."""

    agency: str
    agency_id: int | None = None
    events: tuple[RequestEvent, ...] = ()
    request_id: str = ""
    """A stable identifier, carried in the Word form sent, so a returned form is matched to
    this request without trusting its file name."""

    def _last(self, *kinds: EventKind) -> RequestEvent | None:
        for event in reversed(self.events):
            if event.kind in kinds:
                return event
        return None

    @property
    def stage(self) -> RequestEvent | None:
        """The latest event other than a reminder."""
        return self._last(
            EventKind.SENT, EventKind.RECEIVED, EventKind.RETURNED, EventKind.QUALITY_ASSURED
        )

    @property
    def sent_on(self) -> date | None:
        event = self._last(EventKind.SENT)
        return event.on if event else None

    @property
    def due_on(self) -> date | None:
        """When the form (or the returned form) is due back: the new date of the latest
        reminder that gave one since it was sent or returned."""
        for event in reversed(self.events):
            if event.kind in (EventKind.SENT, EventKind.RETURNED):
                return event.due_on
            if event.kind is EventKind.REMINDER and event.due_on is not None:
                return event.due_on
        return None

    @property
    def first_due_on(self) -> date | None:
        """The due date the request (or the return) set, before any reminder's new date."""
        event = self._last(EventKind.SENT, EventKind.RETURNED)
        return event.due_on if event else None

    @property
    def received_on(self) -> date | None:
        event = self._last(EventKind.RECEIVED)
        return event.on if event else None

    @property
    def quality_assured_on(self) -> date | None:
        event = self._last(EventKind.QUALITY_ASSURED)
        return event.on if event else None

    @property
    def reminders(self) -> tuple[RequestEvent, ...]:
        """The reminder log, oldest first."""
        return tuple(e for e in self.events if e.kind is EventKind.REMINDER)

    @property
    def returns(self) -> tuple[RequestEvent, ...]:
        """Every return for more information, oldest first, with reasons."""
        return tuple(e for e in self.events if e.kind is EventKind.RETURNED)


class RequestError(UserError):
    """A step that cannot be recorded, with a message fit to show the user."""


@dataclass(frozen=True)
class StatusView:
    """A request's status as words with dates ("Overdue: was due 24 November 2026")."""

    status: RequestStatus
    words: str
    due_on: date | None = None
    overdue: bool = False


def due_date(sent_on: date, working_days: int, add_working_days: AddWorkingDays) -> date:
    """The date a form is due: ``working_days`` working days after it was sent."""
    if working_days < 1:
        raise RequestError("The return window must be at least 1 working day")
    return add_working_days(sent_on, working_days)


def _add(request: AgencyRequest, event: RequestEvent, what: str) -> AgencyRequest:
    if request.events and event.on < request.events[-1].on:
        raise RequestError(
            f"The date {what} cannot be before {format_date(request.events[-1].on)}, "
            "the date of the last step recorded"
        )
    return replace(request, events=(*request.events, event))


def _awaiting(request: AgencyRequest) -> bool:
    stage = request.stage
    return stage is not None and stage.kind in (EventKind.SENT, EventKind.RETURNED)


def record_sent(
    request: AgencyRequest, on: date, due_on: date, *, recorded_by: str = ""
) -> AgencyRequest:
    """The request was sent on ``on``, due back on ``due_on``."""
    if request.stage is not None:
        raise RequestError(f"The request to {request.agency} has already been sent")
    if due_on < on:
        raise RequestError("The due date must be on or after the date the request was sent")
    event = RequestEvent(EventKind.SENT, on, due_on=due_on, recorded_by=recorded_by)
    return _add(request, event, "sent")


def record_reminder(
    request: AgencyRequest,
    on: date,
    note: str = "",
    *,
    due_on: date | None = None,
    recorded_by: str = "",
) -> AgencyRequest:
    """A reminder was sent: logged, with the new date it asks for the form by (``due_on``) when
    it gives one; the form is then due on that date."""
    if not _awaiting(request):
        raise RequestError("A reminder can only be sent while the form is awaited")
    if due_on is not None and due_on < on:
        raise RequestError("The new due date must be on or after the date of the reminder")
    event = RequestEvent(
        EventKind.REMINDER, on, due_on=due_on, note=note.strip(), recorded_by=recorded_by
    )
    return _add(request, event, "of the reminder")


def record_received(request: AgencyRequest, on: date, *, recorded_by: str = "") -> AgencyRequest:
    """The completed form (or a form returned for more information) came back."""
    if not _awaiting(request):
        raise RequestError("A form can only be received after the request was sent")
    return _add(request, RequestEvent(EventKind.RECEIVED, on, recorded_by=recorded_by), "received")


def record_returned(
    request: AgencyRequest,
    on: date,
    reasons: Iterable[ReturnReason],
    note: str = "",
    *,
    due_on: date | None = None,
    recorded_by: str = "",
) -> AgencyRequest:
    """Quality assurance sent the form back for more information, with reasons."""
    stage = request.stage
    if stage is None or stage.kind is not EventKind.RECEIVED:
        raise RequestError("Only a received form can be returned for more information")
    chosen = tuple(dict.fromkeys(reasons))
    if not chosen:
        raise RequestError("Select at least one reason for returning the form")
    if ReturnReason.OTHER in chosen and not note.strip():
        raise RequestError("Enter the reason for returning the form")
    if due_on is not None and due_on < on:
        raise RequestError("The new due date must be on or after the date the form was returned")
    event = RequestEvent(
        EventKind.RETURNED,
        on,
        due_on=due_on,
        reasons=chosen,
        note=note.strip(),
        recorded_by=recorded_by,
    )
    return _add(request, event, "returned")


def record_quality_assured(
    request: AgencyRequest, on: date, *, recorded_by: str = ""
) -> AgencyRequest:
    """Quality assurance accepted the form: it goes in the panel pack."""
    stage = request.stage
    if stage is None or stage.kind is not EventKind.RECEIVED:
        raise RequestError("Only a received form can be marked quality assured")
    event = RequestEvent(EventKind.QUALITY_ASSURED, on, recorded_by=recorded_by)
    return _add(request, event, "of quality assurance")


CHANGED_AFTER_ASSURANCE = "Changed after quality assurance"


def record_changed_after_assurance(
    request: AgencyRequest, on: date, *, recorded_by: str = ""
) -> AgencyRequest:
    """A quality-assured form was changed: it is back to received, to be checked again before
    it goes in the panel pack."""
    stage = request.stage
    if stage is None or stage.kind is not EventKind.QUALITY_ASSURED:
        raise RequestError("Only a quality-assured form goes back to received when it is changed")
    event = RequestEvent(
        EventKind.RECEIVED,
        max(on, stage.on),
        note=CHANGED_AFTER_ASSURANCE,
        recorded_by=recorded_by,
    )
    return _add(request, event, "of the change")


def _reminder_words(request: AgencyRequest) -> str:
    reminders = request.reminders
    if not reminders:
        return ""
    if len(reminders) == 1:
        return f" Reminder sent {format_date(reminders[0].on)}."
    return f" {len(reminders)} reminders sent, the last on {format_date(reminders[-1].on)}."


def request_status(
    request: AgencyRequest,
    today: date,
    *,
    due_soon_working_days: int = 2,
    add_working_days: AddWorkingDays | None = None,
) -> StatusView:
    """The status on ``today``, in words with dates.

    "Due soon" means due within ``due_soon_working_days`` working days (calendar days when no
    ``add_working_days`` is given); "Overdue" means the due date has passed.
    """
    stage = request.stage
    if stage is None:
        return StatusView(RequestStatus.NOT_SENT, "Not sent")
    if stage.kind is EventKind.QUALITY_ASSURED:
        return StatusView(RequestStatus.QUALITY_ASSURED, f"Quality assured {format_date(stage.on)}")
    if stage.kind is EventKind.RECEIVED:
        if stage.note == CHANGED_AFTER_ASSURANCE:
            words = (
                f"Changed after quality assurance on {format_date(stage.on)}, "
                "so it needs checking again"
            )
            return StatusView(RequestStatus.RECEIVED, words)
        return StatusView(RequestStatus.RECEIVED, f"Received {format_date(stage.on)}")
    due = request.due_on
    overdue = due is not None and today > due
    reminders = _reminder_words(request)
    first_due = request.first_due_on
    if due is not None and first_due is not None and first_due != due:
        reminders = f" First due {format_date(first_due)}." + reminders
    if stage.kind is EventKind.RETURNED:
        reasons = ", ".join(r.value.lower() for r in stage.reasons)
        words = f"Returned for more information {format_date(stage.on)} ({reasons})."
        if due is not None:
            words += f" {'Was due back' if overdue else 'Due back'} {format_date(due)}."
        return StatusView(RequestStatus.RETURNED, words + reminders, due, overdue)
    if due is None:
        return StatusView(RequestStatus.SENT, f"Sent {format_date(stage.on)}." + reminders)
    if overdue:
        words = f"Overdue: was due {format_date(due)} (sent {format_date(stage.on)})."
        return StatusView(RequestStatus.OVERDUE, words + reminders, due, True)
    if add_working_days is not None:
        soon_limit = add_working_days(today, due_soon_working_days)
    else:
        soon_limit = today + timedelta(days=due_soon_working_days)
    if due <= soon_limit:
        when = "today" if due == today else format_date(due)
        words = f"Due soon: due {when} (sent {format_date(stage.on)})."
        return StatusView(RequestStatus.DUE_SOON, words + reminders, due)
    words = f"Sent {format_date(stage.on)}, due {format_date(due)}."
    return StatusView(RequestStatus.SENT, words + reminders, due)
