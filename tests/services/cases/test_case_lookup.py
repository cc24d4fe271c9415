"""One way to find a case or say plainly that it is not there, in every service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.domain.errors import UserError
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.after_meeting.report_service import ReportService
from rrdesk.services.after_meeting.submission_service import SubmissionService
from rrdesk.services.after_meeting.threshold_letter_service import ThresholdLetterService
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.cases.case_lookup import CaseNotFoundError, find_case
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService

TODAY = date(2026, 11, 22)
NOT_IN_STORE = "That case is no longer in the store. Choose it again from the list of cases."
MISSING = 999


def _add_case(session: Session) -> Case:
    return CaseService(session).add_case(
        Case(
            reference="RR-2026-014",
            notification_sent=date(2026, 11, 16),
            children=(Child("Child T"),),
        ),
        today=TODAY,
    )


def test_a_case_in_the_store_is_found(session: Session) -> None:
    saved = _add_case(session)
    assert saved.case_id is not None

    found = find_case(session, saved.case_id)

    assert found.reference == "RR-2026-014"
    assert [child.pseudonym for child in found.children] == ["Child T"]


def test_a_case_not_in_the_store_is_a_plain_user_error(session: Session) -> None:
    _add_case(session)

    with pytest.raises(CaseNotFoundError) as raised:
        find_case(session, MISSING)

    assert isinstance(raised.value, UserError)
    assert raised.value.message == NOT_IN_STORE


LOOKUPS: dict[str, Callable[[Session], object]] = {
    "timetable deadline": lambda s: TimetableService(s).deadline(MISSING),
    "agency check form text checks": lambda s: AgencyFormsService(s).checker(MISSING),
    "meeting record": lambda s: MeetingService(s).case(MISSING),
    "local review endorsed": lambda s: LocalReviewService(s).endorse(MISSING, TODAY),
    "letter to the referrer": lambda s: ThresholdLetterService(s).problems(MISSING),
    "National Panel submission": lambda s: SubmissionService(s).build(MISSING, TODAY),
    "learning briefing": lambda s: ReportService(s).briefing_pdf(MISSING, use_pseudonym=True),
    "action added to the plan": lambda s: ActionPlanService(s).add_action(
        MISSING, "Review the referral pathway", "Northmoor Police", None
    ),
    "decision sheet reference": lambda s: decision_sheet_service_for(s).reference(MISSING),
}


@pytest.mark.parametrize("use", LOOKUPS.values(), ids=LOOKUPS.keys())
def test_every_service_says_the_same_when_the_case_is_gone(
    session: Session, use: Callable[[Session], object]
) -> None:
    _add_case(session)

    with pytest.raises(CaseNotFoundError) as raised:
        use(session)

    assert raised.value.message == NOT_IN_STORE


def test_saving_a_case_that_is_gone_changes_nothing(session: Session) -> None:
    saved = _add_case(session)

    with pytest.raises(CaseNotFoundError) as raised:
        CaseService(session).save_case(replace(saved, case_id=MISSING, summary="Changed"))

    assert raised.value.message == NOT_IN_STORE
    assert [case.summary for case in CaseService(session).all_cases()] == [saved.summary]
