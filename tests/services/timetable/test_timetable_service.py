"""The timetable service against a real encrypted store."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from rrdesk.domain.agency_forms.agency_counts import AgencyCounts
from rrdesk.domain.cases.cases import Case, Child, Referral, ReferralRoute, Stage
from rrdesk.domain.timetable.bank_holiday_files import BankHolidayFileError
from rrdesk.domain.timetable.bank_holidays import packaged_holidays
from rrdesk.domain.timetable.extensions import ExtensionError
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import CALENDAR_SETTING, Session
from rrdesk.services.timetable.calendar_settings import CalendarSettings
from rrdesk.services.timetable.meeting_scheduling import SchedulingError
from rrdesk.services.timetable.timetable_service import TimetableService

TODAY = date(2026, 11, 23)  # a Monday


def add_case(session: Session, reference: str, notified: date, **changes: object) -> int:
    case = Case(
        reference=reference,
        children=(Child("Child Q", "Quentin Fictional-Name"),),
        notification_sent=notified,
        stage=Stage.NOTIFIED,
        profile="tower-hamlets",
    )
    saved = CaseService(session).add_case(case, today=TODAY)
    assert saved.case_id is not None
    return saved.case_id


def audit_actions(session: Session) -> list[str]:
    return [entry.action for entry in session.audit.entries()]


def test_board_row_counts_days_and_shows_no_requests(session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    rows = TimetableService(session).board_rows(TODAY)
    assert [row.case_id for row in rows] == [case_id]
    row = rows[0]
    assert row.day_of_total == "Day 5 of 15"
    assert row.days_left_words == "10 working days left"
    assert row.returns_words == "No requests yet"
    assert row.meeting_words == "Not booked"
    assert row.status is ReviewStatus.ON_TRACK
    # Step 10: the forms' return milestone waits for the requests to be sent
    # Not booked: the meeting named so, by the latest day the process expects it.
    assert row.next_milestone_words == (
        "Rapid Review Panel meeting (not booked yet): by 30 November 2026"
    )


def test_a_meeting_booked_later_than_the_process_expects_says_so(session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))  # Tower Hamlets: by day 10
    service = TimetableService(session)
    service.book_meeting(case_id, date(2026, 11, 30))  # working day 10
    row = service.case_row(case_id, TODAY)
    assert row is not None
    assert (row.meeting_working_day, row.meeting_late) == (10, False)
    assert row.meeting_words == "Monday 30 November 2026"
    service.book_meeting(case_id, date(2026, 12, 1))  # working day 11
    row = service.case_row(case_id, TODAY)
    assert row is not None
    assert row.meeting_late
    assert row.meeting_words == (
        "Tuesday 1 December 2026, working day 11: later than day 10, when the process expects it"
    )
    assert row.meeting_brief == "Tuesday 1 December 2026, late"  # one line on the projector


def test_board_is_most_urgent_first_and_counts_returns(session: Session) -> None:
    add_case(session, "RR-2026-001", date(2026, 11, 20))
    add_case(session, "RR-2026-002", date(2026, 11, 2))
    service = TimetableService(session, agency_returns=lambda case_id: AgencyCounts(7, 7, 5, 0))
    rows = service.board_rows(TODAY)
    assert [row.reference for row in rows] == ["RR-2026-002", "RR-2026-001"]
    assert rows[0].status is ReviewStatus.DUE_SOON
    assert rows[0].returns_words == "5 of 7 received"


def test_rows_are_cached_until_the_date_or_record_changes(session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    service = TimetableService(session)
    first = service.board_rows(TODAY)[0]
    assert service.board_rows(TODAY)[0] is first
    assert service.board_rows(date(2026, 11, 24))[0].day_of_total == "Day 6 of 15"
    service.book_meeting(case_id, date(2026, 11, 27))
    assert service.board_rows(TODAY)[0].meeting_date == date(2026, 11, 27)


def test_same_day_meeting_for_another_case_is_refused_and_nothing_saved(
    session: Session,
) -> None:
    first = add_case(session, "RR-2026-001", date(2026, 11, 16))
    second = add_case(session, "RR-2026-002", date(2026, 11, 17))
    service = TimetableService(session)
    service.book_meeting(first, date(2026, 11, 27))
    with pytest.raises(SchedulingError, match="RR-2026-001"):
        service.book_meeting(second, date(2026, 11, 27))
    assert TimetableService(session).record(second).meeting_date is None


def test_back_to_back_is_refused_in_tower_hamlets_and_a_late_meeting_warns(
    session: Session,
) -> None:
    first = add_case(session, "RR-2026-001", date(2026, 11, 16))
    second = add_case(session, "RR-2026-002", date(2026, 11, 9))
    service = TimetableService(session)
    service.book_meeting(first, date(2026, 11, 26))
    with pytest.raises(SchedulingError, match="never held back to back"):
        service.book_meeting(second, date(2026, 11, 27))
    assert service.record(second).meeting_date is None
    check = service.book_meeting(second, date(2026, 11, 24))
    assert check.allowed
    assert "expects it by day 10" in " ".join(check.warnings)


def test_booking_and_moving_the_meeting_is_stored_and_audited(session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    service = TimetableService(session)
    service.book_meeting(case_id, date(2026, 11, 26))
    service.book_meeting(case_id, date(2026, 11, 27))
    stored = session.documents.get(case_id, "timetable")
    assert stored is not None
    assert stored["meeting_date"] == "2026-11-27"
    assert stored["meeting_sequence"] == 1
    assert audit_actions(session)[-2:] == [
        "Booked the Rapid Review meeting",
        "Moved the Rapid Review meeting",
    ]


def test_extension_moves_the_deadline(session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 2))
    service = TimetableService(session)
    with pytest.raises(ExtensionError, match="Enter the reason"):
        service.agree_extension(case_id, date(2026, 12, 4), " ", TODAY)
    service.agree_extension(case_id, date(2026, 12, 4), "Police disclosure awaited", TODAY)
    row = TimetableService(session).board_rows(TODAY)[0]
    assert row.deadline == date(2026, 12, 4)
    assert row.day_of_total == "Day 15 of 24"
    assert "Recorded an extension agreed with the National Panel" in audit_actions(session)


def test_lateness_is_recorded_with_its_reason(session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 10, 26))
    service = TimetableService(session)
    assert service.record_lateness(case_id, date(2026, 11, 16), "x") is None
    late = service.record_lateness(case_id, date(2026, 11, 18), "Chair unwell")
    assert late is not None
    assert late.working_days_late == 2
    assert TimetableService(session).record(case_id).lateness == late


def test_done_decision_makes_the_row_done(session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 2))
    service = TimetableService(session)
    service.set_done(case_id, "decision_to_national_panel", True)
    assert service.board_rows(TODAY)[0].status is ReviewStatus.DONE


def test_overlap_advice_when_four_reviews_run_at_once(session: Session) -> None:
    notified = (date(2026, 11, 9), date(2026, 11, 12), date(2026, 11, 16), date(2026, 11, 20))
    ids = [add_case(session, f"RR-2026-00{n}", day) for n, day in enumerate(notified, 1)]
    closed = add_case(session, "RR-2026-005", date(2026, 11, 2))
    service = TimetableService(session)
    service.set_done(closed, "decision_to_national_panel", True)
    service.book_meeting(ids[0], date(2026, 11, 26))
    rows = service.board_rows(TODAY)
    assert len(rows) == 5
    advice = service.overlap_advice(rows)
    assert advice is not None
    assert advice.startswith("4 open reviews (RR-2026-001, RR-2026-002, RR-2026-003, RR-2026-004)")
    assert "Agree timescales with the National Panel" in advice
    assert [row.meeting_date for row in rows if row.meeting_date is not None] == [
        date(2026, 11, 26)
    ]


def test_an_open_review_past_its_deadline_still_counts_as_running(session: Session) -> None:
    add_case(session, "RR-2026-001", date(2026, 11, 2))  # due Monday 23 November: overdue
    add_case(session, "RR-2026-002", date(2026, 11, 24))
    add_case(session, "RR-2026-003", date(2026, 11, 26))
    service = TimetableService(session)
    rows = service.board_rows(date(2026, 11, 30))
    assert rows[0].status is ReviewStatus.OVERDUE
    advice = service.overlap_advice(rows)
    assert advice is not None
    assert advice.startswith(
        "3 open reviews (RR-2026-001, RR-2026-002, RR-2026-003) run at the same time, "
        "from 26 November 2026 to 30 November 2026."
    )


def newer_file(extra: date | None = None) -> str:
    data = json.loads(_packaged_text())
    events = data["england-and-wales"]["events"]
    for day, title in (
        (date(2029, 1, 1), "New Year’s Day"),
        (date(2029, 3, 30), "Good Friday"),
        (date(2029, 4, 2), "Easter Monday"),
        (date(2029, 5, 7), "Early May bank holiday"),
        (date(2029, 5, 28), "Spring bank holiday"),
        (date(2029, 8, 27), "Summer bank holiday"),
        (date(2029, 12, 25), "Christmas Day"),
        (date(2029, 12, 26), "Boxing Day"),
    ):
        events.append({"title": title, "date": day.isoformat(), "notes": "", "bunting": True})
    if extra is not None:
        events.append({"title": "Royal jubilee", "date": extra.isoformat(), "notes": ""})
    return json.dumps(data)


def _packaged_text() -> str:
    from importlib import resources

    bundled = resources.files("govuk_bank_holidays") / "bank-holidays.json"
    assert packaged_holidays().last_year == 2028
    return bundled.read_text(encoding="utf-8")


def test_importing_a_newer_file_extends_the_calendar(session: Session) -> None:
    settings = CalendarSettings(session)
    assert settings.status().covered_until == date(2028, 12, 31)
    status = settings.import_bank_holidays(newer_file(date(2029, 6, 5)))
    assert status.covered_until == date(2029, 12, 31)
    assert status.imported
    assert settings.calendar().holiday_name(date(2029, 6, 5)) == "Royal jubilee"
    assert session.settings.get(CALENDAR_SETTING)
    assert "Imported a list of bank holidays" in audit_actions(session)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("not json", "not readable JSON", id="not JSON"),
        pytest.param('{"scotland": {}}', "no list for England and Wales", id="wrong division"),
        pytest.param(
            json.dumps(
                {"england-and-wales": {"events": [{"title": "Boxing Day", "date": "2029-12-26"}]}}
            ),
            "cut short",
            id="one holiday only",
        ),
    ],
)
def test_a_bad_file_is_refused_and_nothing_changes(
    session: Session, text: str, reason: str
) -> None:
    settings = CalendarSettings(session)
    entries = len(session.audit.entries())
    with pytest.raises(BankHolidayFileError, match=reason):
        settings.import_bank_holidays(text)
    assert session.settings.get(CALENDAR_SETTING) == ""
    assert len(session.audit.entries()) == entries


def test_changing_the_profile_is_stored_and_audited(session: Session) -> None:
    settings = CalendarSettings(session)
    settings.set_profile("leeds")
    assert session.profile_name == "leeds"
    assert settings.profile().name == "leeds"
    assert "Changed the process profile" in audit_actions(session)


def test_a_booked_meeting_is_the_next_milestone_on_its_booked_date(session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    service = TimetableService(session)
    service.set_done(case_id, "agency_checks_returned", True)
    assert service.board_rows(TODAY)[0].next_milestone_words == (
        "Rapid Review Panel meeting (not booked yet): by 30 November 2026"
    )
    service.book_meeting(case_id, date(2026, 11, 26))
    assert service.board_rows(TODAY)[0].next_milestone_words == (
        "Rapid Review Panel meeting (booked): 26 November 2026"
    )


def test_tower_hamlets_line_125_the_referral_milestone_from_a_cdop_discussion(
    session: Session,
) -> None:
    """The date a child death review discussed the case is kept with its referral, and the
    timetable dates the referral within a week of it."""
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    cases = CaseService(session)
    case = cases.get(case_id)
    assert case is not None
    discussed = Referral(
        route=ReferralRoute.CHILD_DEATH_REVIEW,
        referral_date=date(2026, 11, 12),
        discussed_on=date(2026, 11, 9),
    )
    cases.save_case(replace(case, referral=discussed))
    stored = cases.get(case_id)
    assert stored is not None
    assert stored.referral.discussed_on == date(2026, 11, 9)
    row = TimetableService(session).case_row(case_id, TODAY)
    assert row is not None
    assert row.timetable.milestone("referred_after_cdop").due == date(2026, 11, 16)
