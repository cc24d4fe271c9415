"""How far a case's agencies have got, counted one way for every screen and document: the
countdown board, the case's Agency forms tab and the panel pack all count from here.

An agency is *chosen* when the coordinator picks it for the case, *sent* once its request has
gone, *received* while its form is back (received or quality assured: a form returned for more
information is not), and *assured* once quality assurance accepted the form. A form sent or
returned and not yet back is *awaited*, with its due date: the board and the timetable warn of
one due after the meeting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rrdesk.domain.agency_forms.agency_requests import (
    CHANGED_AFTER_ASSURANCE,
    AddWorkingDays,
    AgencyRequest,
    EventKind,
    request_status,
)


@dataclass(frozen=True)
class AgencyCounts:
    chosen: int
    sent: int
    received: int
    assured: int
    last_sent: date | None = None
    """The last day a request was sent: Tower Hamlets' return milestone counts from it."""
    awaited: tuple[tuple[str, date], ...] = ()
    """Each agency whose form is awaited (sent, or returned with a new due date) and when."""

    @property
    def words(self) -> str:
        """``4 agencies chosen: 3 sent, 2 received, 1 quality assured``."""
        agencies = "agency" if self.chosen == 1 else "agencies"
        return (
            f"{self.chosen} {agencies} chosen: {self.sent} sent, {self.received} received, "
            f"{self.assured} quality assured"
        )

    @property
    def short_words(self) -> str:
        """``2 of 4 received`` for a narrow column; ``1 of 4 assured`` once one is."""
        if self.assured:
            return f"{self.received} of {self.chosen} received, {self.assured} assured"
        return f"{self.received} of {self.chosen} received"


def count_agencies(requests: Iterable[AgencyRequest]) -> AgencyCounts:
    chosen = sent = received = assured = 0
    last_sent: date | None = None
    awaited: list[tuple[str, date]] = []
    for request in requests:
        chosen += 1
        stage = request.stage
        if stage is None:
            continue
        sent += 1
        received += stage.kind in (EventKind.RECEIVED, EventKind.QUALITY_ASSURED)
        assured += stage.kind is EventKind.QUALITY_ASSURED
        sent_on = request.sent_on
        if sent_on is not None and (last_sent is None or sent_on > last_sent):
            last_sent = sent_on
        due_on = request.due_on
        if stage.kind in (EventKind.SENT, EventKind.RETURNED) and due_on is not None:
            awaited.append((request.agency, due_on))
    return AgencyCounts(chosen, sent, received, assured, last_sent, tuple(awaited))


@dataclass(frozen=True)
class MissingForm:
    """A chosen agency whose form is not (yet) in the panel pack, and why."""

    agency: str
    why: str


def missing_forms(
    requests: Iterable[AgencyRequest],
    today: date,
    *,
    add_working_days: AddWorkingDays | None = None,
) -> tuple[MissingForm, ...]:
    """Every chosen agency whose form has not been quality assured, with where it has got to:
    "The request has not been sent", "Overdue: was due 24 November 2026 (sent 17 November
    2026)", "Received 25 November 2026, not yet quality assured", "Changed after quality
    assurance on 26 November 2026, so it needs checking again". The reasons fill a table's
    cells, so none ends with a full stop (GOV.UK style), whatever the status words end with."""
    missing = []
    for request in requests:
        stage = request.stage
        if stage is not None and stage.kind is EventKind.QUALITY_ASSURED:
            continue
        words = request_status(request, today, add_working_days=add_working_days).words
        if stage is None:
            words = "The request has not been sent"
        elif stage.kind is EventKind.RECEIVED and stage.note != CHANGED_AFTER_ASSURANCE:
            # A form changed after quality assurance says why in its status words alone
            # ("Changed after quality assurance on ..., so it needs checking again").
            words = words.rstrip(".") + ", not yet quality assured"
        missing.append(MissingForm(request.agency, words.strip().rstrip(".")))
    return tuple(missing)
