"""The criteria for a local Child Safeguarding Practice Review, each answered with a note."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from rrdesk.domain.meeting.meeting_error import MeetingError


class CriterionGroup(Enum):
    CRITERIA = "criteria"
    HAVE_REGARD = "have_regard"
    NATIONAL = "national"

    @property
    def label(self) -> str:
        return {
            "criteria": "Whether the case highlights or may highlight",
            "have_regard": "Circumstances the partners should also have regard to",
            "national": "Complexity and national importance",
        }[self.value]


class CriterionAnswer(Enum):
    YES = "yes"
    NO = "no"
    NOT_CLEAR = "not_clear"

    @property
    def label(self) -> str:
        return {"yes": "Yes", "no": "No", "not_clear": "Not clear"}[self.value]


@dataclass(frozen=True)
class Criterion:
    key: str
    question: str
    group: CriterionGroup = CriterionGroup.CRITERIA


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "improvements_needed",
        "Improvements are needed to safeguard and promote the welfare of children,"
        " including where those improvements have been identified before",
    ),
    Criterion(
        "recurrent_themes",
        "There are recurrent themes in the safeguarding and promotion of the welfare of children",
    ),
    Criterion(
        "agencies_not_working_together",
        "There are concerns regarding two or more organisations or agencies working together"
        " effectively to safeguard and promote the welfare of children",
    ),
    Criterion(
        "national_panel_suggests_local_review",
        "The Child Safeguarding Practice Review Panel has considered the case and concluded a"
        " local review may be more appropriate",
    ),
    Criterion(
        "single_agency_concern",
        "There is cause for concern about the actions of a single agency",
        CriterionGroup.HAVE_REGARD,
    ),
    Criterion(
        "no_agency_involvement",
        "There was no agency involvement with the child or family before the incident, and this"
        " causes concern",
        CriterionGroup.HAVE_REGARD,
    ),
    Criterion(
        "more_than_one_area",
        "More than one local authority, police force area or health area is involved, including"
        " where the family have moved around",
        CriterionGroup.HAVE_REGARD,
    ),
    Criterion(
        "institutional_setting",
        "The case may raise issues about safeguarding children in institutional settings"
        " (children's homes, custody, detention, residential provision)",
        CriterionGroup.HAVE_REGARD,
    ),
    Criterion(
        "complex_or_national_importance",
        "The case is possibly complex or of national importance",
        CriterionGroup.NATIONAL,
    ),
)


@dataclass(frozen=True)
class CriterionResponse:
    key: str
    answer: CriterionAnswer
    note: str = ""


@dataclass(frozen=True)
class CriteriaAssessment:
    """The criteria as worded at the meeting, and the panel's answer to each."""

    definitions: tuple[Criterion, ...] = CRITERIA
    responses: tuple[CriterionResponse, ...] = ()

    def criterion(self, key: str) -> Criterion:
        for criterion in self.definitions:
            if criterion.key == key:
                return criterion
        raise MeetingError(f"There is no criterion called '{key}'")

    def response(self, key: str) -> CriterionResponse | None:
        return next((r for r in self.responses if r.key == key), None)

    def answer(self, key: str, answer: CriterionAnswer, note: str = "") -> CriteriaAssessment:
        self.criterion(key)
        others = tuple(r for r in self.responses if r.key != key)
        response = CriterionResponse(key, answer, note.strip())
        order = {c.key: i for i, c in enumerate(self.definitions)}
        responses = sorted((*others, response), key=lambda r: order[r.key])
        return replace(self, responses=tuple(responses))

    def unanswered(self) -> tuple[Criterion, ...]:
        answered = {r.key for r in self.responses}
        return tuple(c for c in self.definitions if c.key not in answered)

    def answered_yes(self, group: CriterionGroup | None = None) -> tuple[Criterion, ...]:
        """The criteria answered yes, optionally only those of one group."""
        return tuple(
            c
            for c in self.definitions
            if (group is None or c.group is group)
            and (r := self.response(c.key)) is not None
            and r.answer is CriterionAnswer.YES
        )
