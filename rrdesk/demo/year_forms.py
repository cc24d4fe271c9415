"""Agency check forms, requests and actions for the ten-year demo store. Everything is fictional.

A returned form's narrative sections hold a few hundred words each, built from sentences a
practitioner might write, so the store holds text of a real form's size.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from rrdesk.demo.form_records import answers as form_answers
from rrdesk.demo.form_records import day, put_form, put_requests, record
from rrdesk.demo.partnership import AGENCIES, PARTNERSHIP_AGENCY
from rrdesk.domain.after_meeting.action_plan import (
    ActionStatus,
    ActionTracking,
    AddedAction,
    SourceReview,
)
from rrdesk.domain.after_meeting.learning_documents import CaseActionRecord, action_record_to_dict
from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    record_quality_assured,
    record_received,
    record_sent,
)
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow
from rrdesk.domain.cases.cases import Case
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.services.store.session import Session

# Twelve agencies: the demo partnership's own (but the partnership itself) and three more.
YEAR_AGENCIES = (
    *(a.name for a in AGENCIES if a.name != PARTNERSHIP_AGENCY),
    "Northmoor Ambulance Service",
    "Northmoor Probation Service",
    "Northmoor Youth Justice Service",
    "Northmoor Children and Young People's Mental Health Service",
)

_NARRATIVE = (
    "went_well",
    "could_be_better",
    "prevention",
    "practice_episodes",
    "lived_experience",
    "themes",
    "immediate_actions",
)

_SENTENCES = (
    "{child} was known to the service for several months before the incident.",
    "Staff recorded each contact on the day it happened and shared concerns with the family's "
    "social worker.",
    "The family moved house twice in the year, and each move meant a new team and a new worker.",
    "Looking back, the pattern of missed appointments was a sign that something was wrong at home.",
    "Practitioners saw the mother often but rarely spoke to the father or to her new partner.",
    "The school noticed that {child} arrived hungry and tired on most Monday mornings.",
    "Information was held in separate records, so no single practitioner saw the whole picture.",
    "When concerns were raised, the response was quick and the child was seen the same day.",
    "A strategy discussion was held, but the health visitor was not invited to it.",
    "The team's supervision notes show that the worker asked for advice and was given it.",
    "{child} told a teaching assistant that home was loud at night and that they could not sleep.",
    "The referral was passed between two teams for a week before it was picked up.",
    "Workers found the family warm and willing to engage, which made the concerns harder to see.",
    "The service did not check whether other agencies were already involved before closing the "
    "case.",
    "Records show that the child's own words were written down on three occasions.",
    "The plan relied on the parent's own account of how things were going.",
    "Caseloads in the team were high that winter and two posts were held by agency staff.",
    "The learning from an earlier review about invisible men in the household applies here.",
    "Since the incident the service has changed how it records who lives in the home.",
    "Managers have briefed every team on asking who else cares for the child.",
)


def form_text(rng: random.Random, child: str, words: int) -> str:
    """A section's text of about ``words`` words, in sentences a practitioner might write."""
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(_SENTENCES).format(child=child)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def agencies_for(index: int) -> tuple[str, ...]:
    """Six to twelve agencies (ten on average); the first case of each year has all twelve."""
    if index == 0:
        return YEAR_AGENCIES
    return YEAR_AGENCIES[: (6, 8, 10, 11, 12, 12)[index % 6]]


def add_year_forms(
    session: Session,
    case: Case,
    agencies: tuple[str, ...],
    notified: date,
    add: Callable[[date, int], date],
    rng: random.Random,
) -> None:
    """Every agency asked, its form received and quality assured, with a returned form's text."""
    assert case.case_id is not None
    child = case.children[0].pseudonym
    sent = add(notified, 1)
    received = add(sent, 6)
    assured = add(received, 1)
    requests = []
    for number, agency in enumerate(agencies):
        request = record_sent(AgencyRequest(agency), sent, add(sent, 8))
        requests.append(record_quality_assured(record_received(request, received), assured))
        narrative = {key: form_text(rng, child, rng.randint(200, 420)) for key in _NARRATIVE}
        answers = form_answers(
            agency,
            f"Practitioner {number + 1} (fictional)",
            "Safeguarding lead",
            received,
            notified - timedelta(days=rng.randint(60, 700)),
            tuple(
                ChronologyRow(
                    day(notified - timedelta(days=30 * row + 5)),
                    "Practitioner and parent",
                    form_text(rng, child, 40),
                    form_text(rng, child, 20),
                )
                for row in range(rng.randint(2, 6))
            ),
            **narrative,
        )
        put_form(session, case.case_id, record(agency, answers, received))
    put_requests(session, case.case_id, requests)


_ACTIONS = (
    "Brief every team on asking who else lives in the home",
    "Audit ten child protection plans for unlinked domestic abuse reports",
    "Add the child's own words to every review record",
    "Share attendance concerns with early help after three unexplained absences",
    "Check that fathers and partners are invited to every core group",
    "Review the escalation policy with the teams that used it",
    "Give safer sleep advice to every carer at each contact",
    "Tell children's social care when a new adult joins a tenancy",
)


def add_year_actions(
    session: Session,
    case: Case,
    agencies: tuple[str, ...],
    held_on: date,
    today: date,
    count: int,
    meeting_actions: tuple[ImmediateAction, ...] = (),
) -> None:
    """``count`` actions added to the plan; these and the meeting's own immediate actions are
    completed once due two months ago, as a working group sees them done."""
    assert case.case_id is not None
    added = []
    tracking: dict[str, ActionTracking] = {}
    for index, immediate in enumerate(meeting_actions):
        if immediate.due is not None and immediate.due < today - timedelta(days=60):
            tracking[f"meeting-{index}"] = ActionTracking(
                ActionStatus.COMPLETED, "Briefings held; attendance lists seen.", immediate.due
            )
    for number in range(1, count + 1):
        due = held_on + timedelta(days=30 * number)
        added.append(
            AddedAction(
                number,
                _ACTIONS[(case.case_id + number) % len(_ACTIONS)],
                agencies[number % len(agencies)],
                due,
                SourceReview.RAPID_REVIEW,
            )
        )
        if due < today - timedelta(days=60):
            tracking[f"added-{number}"] = ActionTracking(
                ActionStatus.COMPLETED, "Done; evidence seen by the working group.", due
            )
    session.documents.put(
        case.case_id,
        DocumentKind.ACTION_PLAN,
        action_record_to_dict(CaseActionRecord(tracking, tuple(added))),
    )
