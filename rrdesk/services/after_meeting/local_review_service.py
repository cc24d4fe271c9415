"""Local review follow-through: endorse, record the review, and its milestones for the board."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from rrdesk.domain.after_meeting.learning_documents import (
    local_review_from_dict,
    local_review_to_dict,
)
from rrdesk.domain.after_meeting.local_review import (
    LocalReview,
    LocalReviewError,
    ReviewMilestone,
    check_local_review,
    review_milestones,
    review_status,
)
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.profiles import ProcessProfile
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.calendar_settings import CalendarSettings
from rrdesk.services.timetable.profile_catalogue import (
    UnknownProfileError,
    load_profile,
)


def _profile(name: str, session: Session) -> ProcessProfile:
    try:
        return load_profile(name)
    except UnknownProfileError:
        return load_profile(session.profile_name)


_CANNOT_ENDORSE = frozenset({Stage.REFERRED, Stage.THRESHOLD_NOT_MET, Stage.CLOSED})
BELOW_THRESHOLD_NOT_IN_PROFILE = (
    "A case that did not meet the threshold becomes a local review only where the partnership "
    "reviews cases below it (a near miss, good practice), as Redbridge does"
)


class LocalReviewService:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._calendar: BankHolidayCalendar | None = None

    def _is_working_day(self, day: date) -> bool:
        if self._calendar is None:
            self._calendar = CalendarSettings(self._session).calendar()
        return self._calendar.is_working_day(day)

    def reviews_below_threshold(self, case_id: int) -> bool:
        """Whether the case's profile records reviews of cases below the threshold
        (Redbridge, line 39: near misses and good practice)."""
        case = find_case(self._session, case_id)
        return _profile(case.profile, self._session).decision.local_review_below_threshold

    def get(self, case_id: int) -> LocalReview | None:
        return local_review_from_dict(
            self._session.documents.get(case_id, DocumentKind.LOCAL_REVIEW)
        )

    def endorse(
        self,
        case_id: int,
        commissioned_on: date,
        *,
        decided_on: date | None = None,
        below_threshold: str = "",
    ) -> LocalReview:
        """The partners decided to initiate a local review (on ``decided_on``, the
        commissioning date when not given) and commissioned it: the case becomes a review; its
        six months count from the decision. A case below the threshold becomes one only where
        the profile allows it, with why (``below_threshold``: a near miss, good practice)."""
        case = find_case(self._session, case_id)
        reason = below_threshold.strip()
        if case.stage is Stage.THRESHOLD_NOT_MET:
            if not self.reviews_below_threshold(case_id):
                raise LocalReviewError(BELOW_THRESHOLD_NOT_IN_PROFILE)
            if not reason:
                raise LocalReviewError(
                    "Say why this case is reviewed though it did not meet the threshold: a near"
                    " miss, or good practice"
                )
        elif case.stage in _CANNOT_ENDORSE:
            raise LocalReviewError(f"A case at '{case.stage.label}' cannot become a local review")
        current = self.get(case_id) or LocalReview()
        review = replace(
            current,
            commissioned_on=commissioned_on,
            decided_on=decided_on or commissioned_on,
            below_threshold=reason if case.stage is Stage.THRESHOLD_NOT_MET else "",
        )
        problems = check_local_review(review)
        if problems:
            raise LocalReviewError(problems[0])
        session = self._session
        with session.db.transaction():
            if case.stage is not Stage.LOCAL_REVIEW:
                CaseService(session).move_to_stage(case, Stage.LOCAL_REVIEW)
            session.documents.put(case_id, DocumentKind.LOCAL_REVIEW, local_review_to_dict(review))
            session.record(
                "local_review",
                "Endorsed a local review",
                case_id=case_id,
                detail={"note": f"Commissioned on {format_date(commissioned_on)}"},
            )
        return review

    def save(self, case_id: int, review: LocalReview) -> LocalReview:
        problems = check_local_review(review)
        if problems:
            raise LocalReviewError(problems[0])
        session = self._session
        with session.db.transaction():
            session.documents.put(case_id, DocumentKind.LOCAL_REVIEW, local_review_to_dict(review))
            session.record("local_review", "Changed the local review", case_id=case_id)
        return review

    def milestones(self, case_id: int) -> tuple[ReviewMilestone, ...]:
        review = self.get(case_id)
        return () if review is None else review_milestones(review, self._is_working_day)


def local_review_milestones(session: Session, case_id: int) -> tuple[ReviewMilestone, ...]:
    """For the countdown board: each milestone's key, label, due date and whether it is done.

    Empty when the case has no local review. Dates are calendar dates (months, not working
    days): completion 6 months after commissioning; the implementation workshop a year after
    publication.
    """
    return LocalReviewService(session).milestones(case_id)


@dataclass(frozen=True)
class LocalReviewBoardRow:
    """One local review on the countdown board."""

    case_id: int
    reference: str
    pseudonyms: str
    milestones: tuple[ReviewMilestone, ...]
    next_milestone: ReviewMilestone | None
    status: ReviewStatus


def local_review_board_rows(session: Session, today: date) -> list[LocalReviewBoardRow]:
    """Every case at "Local review", with its milestones and status, most urgent first."""
    service = LocalReviewService(session)
    rows: list[LocalReviewBoardRow] = []
    for case in session.cases.cases_at({Stage.LOCAL_REVIEW}):
        if case.case_id is None:
            continue
        review = service.get(case.case_id) or LocalReview()
        milestones = review_milestones(review, service._is_working_day)
        rows.append(
            LocalReviewBoardRow(
                case_id=case.case_id,
                reference=case.reference,
                pseudonyms=case.pseudonyms,
                milestones=milestones,
                next_milestone=next((m for m in milestones if not m.done), None),
                status=review_status(review, today, service._is_working_day),
            )
        )
    order = {
        ReviewStatus.OVERDUE: 0,
        ReviewStatus.DUE_SOON: 1,
        ReviewStatus.ON_TRACK: 2,
        ReviewStatus.DONE: 3,
    }
    return sorted(
        rows,
        key=lambda r: (
            order[r.status],
            r.next_milestone.due if r.next_milestone and r.next_milestone.due else date.max,
        ),
    )
