"""The demo's decided cases, signed and sent: each decision sheet signed as the app signs it
(version 1, kept with its audit entry), emailed to the statutory partners, and their answers
recorded as the Decision sheet tab's sign-off panel records them.

The signing key must be open in the session (the demo opens it when it creates its certificate),
so nothing here asks for the passphrase. Every name here is fictional.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session

SIGNERS = {
    StatutoryPartner.LOCAL_AUTHORITY: ("Marisol Treharne", "Director of Children's Services"),
    StatutoryPartner.POLICE: ("Ch Supt Oluwaseun Pryce", "Head of Public Protection"),
    StatutoryPartner.HEALTH: ("Dr Ingrid Halvorsen-Kaur", "Chief Nursing Officer"),
}
"""Who signs for each partner in the demo (the executive leads of the demo's Directory)."""


def sign_and_send(session: Session, case_id: int, on: date) -> None:
    """Sign version 1 of the case's sheet on ``on`` and record it emailed for sign-off that day.

    One render and one signature, with the key already open: the stamp names ``on`` (the
    signature itself carries the computer's clock time, as every signature does)."""
    meetings = MeetingService(session)
    sheets = decision_sheet_service_for(session, meetings)
    sheets.export_signed(case_id, on, datetime.combine(on, time(16, 0), tzinfo=UTC))
    meetings.record_sent_for_sign_off(case_id, on)


def record_agreed(
    session: Session,
    case_id: int,
    partner: StatutoryPartner,
    on: date,
    signers: dict[StatutoryPartner, tuple[str, str]] = SIGNERS,
) -> None:
    """``partner``'s agreement, signed by whoever ``signers`` names for it, saved as the sign-off
    panel saves it."""
    meetings = MeetingService(session)
    meeting = meetings.load(case_id)
    signed_by, role = signers[partner]
    sign_off = meeting.sign_off.agree(partner, on, signed_by=signed_by, role=role)
    who = partner.label.split(" (")[0]
    meetings.save(
        case_id,
        meeting.with_sign_off(sign_off),
        f"Sign-off, {who}: agreed on {format_date(on)}",
    )


def signed_off_and_sent(
    session: Session,
    case_id: int,
    sent: date,
    agreed: date,
    to_panel: date,
    signers: dict[StatutoryPartner, tuple[str, str]] = SIGNERS,
) -> None:
    """Version 1 signed and sent on ``sent``, all three partners agreeing on ``agreed``, and
    the decision sent to the National Panel on ``to_panel``."""
    sign_and_send(session, case_id, sent)
    for partner in signers:
        record_agreed(session, case_id, partner, agreed, signers)
    meetings = MeetingService(session)
    meetings.record_sent_to_national_panel(case_id, meetings.load(case_id), to_panel)


def add_demo_sign_off(session: Session, decided: int, sent: int, *, today: date) -> None:
    """The case awaiting sign-off: version 1 signed and sent the working day after its meeting,
    the local authority's agreement back the day after. The case sent to the National Panel:
    signed and sent the day after its meeting, all three agreed two days later, and sent to the
    National Panel the day after that."""
    meetings = MeetingService(session)
    add = meetings.calendar.add_working_days
    with session.db.transaction():  # one write to disk for all of it, each step audited
        held = meetings.load(decided).held_on or today
        sign_and_send(session, decided, min(add(held, 1), today))
        on = min(add(held, 2), today)
        record_agreed(session, decided, StatutoryPartner.LOCAL_AUTHORITY, on)

        held = meetings.load(sent).held_on or today
        signed_off_and_sent(session, sent, add(held, 1), add(held, 3), add(held, 4))
