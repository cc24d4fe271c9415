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
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session

_CANNOT_ENDORSE = frozenset({Stage.REFERRED, Stage.THRESHOLD_NOT_MET, Stage.CLOSED})


class LocalReviewService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, case_id: int) -> LocalReview | None:
        return local_review_from_dict(
            self._session.documents.get(case_id, DocumentKind.LOCAL_REVIEW)
        )

    def endorse(self, case_id: int, commissioned_on: date) -> LocalReview:
        """The Executive endorsed a local review: the case becomes a review, commissioned on
        ``commissioned_on``; its six-month countdown starts."""
        case = find_case(self._session, case_id)
        if case.stage in _CANNOT_ENDORSE:
            raise LocalReviewError(f"A case at '{case.stage.label}' cannot become a local review")
        current = self.get(case_id) or LocalReview()
        review = replace(current, commissioned_on=commissioned_on)
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
        return () if review is None else review_milestones(review)


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
        milestones = review_milestones(review)
        rows.append(
            LocalReviewBoardRow(
                case_id=case.case_id,
                reference=case.reference,
                pseudonyms=case.pseudonyms,
                milestones=milestones,
                next_milestone=next((m for m in milestones if not m.done), None),
                status=review_status(review, today),
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
