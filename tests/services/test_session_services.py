"""One set of services per open store: each built once, and all counting with the same bank
holidays, so a list imported on the Calendar screen reaches every screen at once."""

from __future__ import annotations

from datetime import date

from rrdesk.services.session_services import SessionServices
from rrdesk.services.store.session import Session
from tests.services.timetable.test_timetable_service import add_case, newer_file

NOTIFIED = date(2026, 11, 16)
JUBILEE = date(2026, 11, 25)  # a Wednesday inside the 15 working days, made a bank holiday
FRIDAY = date(2026, 11, 27)  # after it


def test_each_service_is_built_once_and_shared(session: Session) -> None:
    services = SessionServices(session)
    assert services.timetables_if_built() is None  # nothing built before it is wanted
    assert services.meetings is services.meetings
    assert services.timetables is services.timetables_if_built()
    assert services.sign_off_drafts is services.sign_off_drafts
    assert services.agency_forms.settings is services.timetables.settings


def test_an_imported_bank_holiday_reaches_every_service_at_once(session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", NOTIFIED)
    services = SessionServices(session)
    drafts, meetings, timetables = services.sign_off_drafts, services.meetings, services.timetables
    before = drafts.deadline(case_id)
    assert before is not None
    assert timetables.deadline(case_id) == before
    day_before = meetings.working_day_of(meetings.case(case_id))(FRIDAY)

    services.calendar_settings.import_bank_holidays(newer_file(JUBILEE))

    assert services.calendar.holiday_name(JUBILEE) == "Royal jubilee"
    after = services.calendar.add_working_days(before, 1)
    assert drafts.deadline(case_id) == after  # the sign-off email's deadline moves a day
    assert timetables.deadline(case_id) == after
    assert meetings.working_day_of(meetings.case(case_id))(FRIDAY) == day_before - 1


def test_going_back_to_the_shipped_list_reaches_every_service(session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", NOTIFIED)
    services = SessionServices(session)
    shipped = services.sign_off_drafts.deadline(case_id)
    services.calendar_settings.import_bank_holidays(newer_file(JUBILEE))
    assert services.sign_off_drafts.deadline(case_id) != shipped
    services.calendar_settings.remove_import()
    assert services.sign_off_drafts.deadline(case_id) == shipped
    assert services.calendar.holiday_name(JUBILEE) is None
