"""Agency check forms for the demo's cases whose meeting has been held and the decision sent to
the National Panel: every agency asked, its form back and quality assured before the meeting, as
the Rapid Review needs. The answers are in :mod:`rrdesk.demo.decided_form_answers`.

The dates follow each case's own timetable, not today: the requests sent the working day after
the notification, each due back within the profile's return window and before the meeting, the
forms back at the window's start and quality assured the next working day, all before the
meeting. The agencies are those the case's meeting record and National Panel submission speak of
(a nil return from housing for the child in the children's home, whose submission records it).
"""

from __future__ import annotations

from rrdesk.demo.decided_form_answers import CHILD_D, CHILD_K, DemoForm
from rrdesk.demo.form_records import ALL_SECTIONS, NIL_RETURN_SECTIONS, put_form, put_requests
from rrdesk.demo.form_records import record as form_record
from rrdesk.demo.meetings import LOCAL_REVIEW_MEETING_DAY, SENT_CASE_MEETING_DAY
from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    record_quality_assured,
    record_received,
    record_sent,
)
from rrdesk.domain.cases.cases import Case
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.calendar_settings import CalendarSettings


def _add_forms(
    session: Session, case: Case, forms: tuple[DemoForm, ...], meeting_day: int, window: range
) -> None:
    """Each request sent on working day 1 and due at the end of the return ``window`` (or the
    working day before the meeting, if sooner); each form back on the window's first day or the
    next, and quality assured the working day after, all before the meeting on working day
    ``meeting_day``."""
    assert case.case_id is not None
    assert case.notification_sent is not None
    notified = case.notification_sent
    add = session.calendar.add_working_days
    sent_on = add(notified, 1)
    due = add(notified, min(1 + window[-1], meeting_day - 1))
    requests = []
    for number, form in enumerate(forms):
        back_day = min(1 + window[0] + number % 2, meeting_day - 2)
        received = add(notified, back_day)
        sections = NIL_RETURN_SECTIONS if form.nil_return else ALL_SECTIONS
        entered = form.answers(notified, received)
        put_form(
            session, case.case_id, form_record(form.agency, entered, received, sections=sections)
        )
        request = record_received(record_sent(AgencyRequest(form.agency), sent_on, due), received)
        requests.append(record_quality_assured(request, add(received, 1)))
    put_requests(session, case.case_id, requests)


def add_decided_case_forms(session: Session, sent: Case, review: Case) -> None:
    """The forms of the case sent to the National Panel (Child K) and of the case with a local
    review (Child D), dated by their own timetables and their profile's return window."""
    settings = CalendarSettings(session)
    for case, forms, meeting_day in (
        (sent, CHILD_K, SENT_CASE_MEETING_DAY),
        (review, CHILD_D, LOCAL_REVIEW_MEETING_DAY),
    ):
        profile = settings.profile(case.profile)
        window = range(
            profile.agency_return_min_working_days, profile.agency_return_max_working_days + 1
        )
        _add_forms(session, case, forms, meeting_day, window)
