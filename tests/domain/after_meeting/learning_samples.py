"""A case and a decided, signed-off meeting for the after-the-meeting tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.after_meeting.submission_details import (
    AgencyContribution,
    Involvement,
    SubmissionDetails,
)
from rrdesk.domain.cases.cases import Case, Child, ChildStatus, Outcome, ParallelProcess, Sex, Stage
from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.sign_off import SignOff
from rrdesk.domain.meeting.decision import Decision, DecisionKind, LearningRoute
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.timetable.bank_holidays import packaged_calendar

NOTIFIED = date(2026, 10, 5)
CALENDAR = packaged_calendar()


def sample_case() -> Case:
    return Case(
        reference="RR-2026-014",
        children=(
            Child(
                "Child T",
                "Tamsin Quellyn-Fictional",
                date(2024, 3, 9),
                None,
                Sex.FEMALE,
                "White British",
                "Hearing impairment",
                Outcome.SERIOUSLY_HARMED,
                ChildStatus.CHILD_IN_NEED,
            ),
        ),
        notification_sent=NOTIFIED,
        national_panel_reference="SIN-2026-0999",
        incident_date=date(2026, 9, 30),
        la_aware_date=date(2026, 10, 1),
        notifying_authority="Northmoor Council",
        home_authority="Northmoor Council",
        summary="Tamsin was found with a fractured arm. Tamsin Quellyn's mother was not at home.",
        parallel_processes=frozenset({ParallelProcess.POLICE_INVESTIGATION}),
        stage=Stage.SENT_TO_NATIONAL_PANEL,
        case_id=1,
    )


def signed_off(sent_day: int) -> SignOff:
    sent = CALENDAR.add_working_days(NOTIFIED, sent_day - 1)
    agreed = CALENDAR.add_working_days(NOTIFIED, sent_day)
    sign_off = SignOff()
    for partner in StatutoryPartner:
        sign_off = sign_off.send(partner, sent).agree(
            partner, agreed, signed_by=f"{partner.value} lead"
        )
    return sign_off.record_sent_to_national_panel(
        agreed, lambda day: CALENDAR.working_days_between(NOTIFIED, day)
    )


def sample_meeting(
    *, kind: DecisionKind = DecisionKind.DO_NOT_RECOMMEND, sent_day: int = 13
) -> Meeting:
    route = LearningRoute.LEARNING_BRIEFING if kind is DecisionKind.DO_NOT_RECOMMEND else None
    return Meeting(
        "RR-2026-014",
        held_on=CALENDAR.add_working_days(NOTIFIED, 9),
        place="Civic Centre",
        learning=Learning(
            good_practice=("The school noticed Tamsin's bruising quickly.",),
            could_have_been_better=("Nobody asked about the mother's new partner.",),
            multi_agency=("Share concerns about new adults.",),
            theme_keys=("invisible_men", "information_sharing"),
            already_acted_on=("Health visitors now ask about new adults.",),
        ),
        actions=(ImmediateAction("Check the partner's history", "Police", date(2026, 10, 30)),),
        decision=Decision(kind, "The criteria are not met.", route),
        sign_off=signed_off(sent_day),
    )


def full_details() -> SubmissionDetails:
    return SubmissionDetails(
        household="Tamsin lived with her mother and her mother's partner.",
        agencies=(
            AgencyContribution("Police", Involvement.INVOLVED, "Two call-outs."),
            AgencyContribution("Housing", Involvement.NIL_RETURN),
        ),
        key_practice_episodes="A referral in June was closed without a visit.",
        lived_experience="Tamsin was often late to school and hungry.",
        equality_and_disability="Her hearing impairment meant she was rarely asked directly.",
        family_involvement="Her mother has been told and will meet the reviewer.",
        learning_plan="A learning briefing for all agencies.",
        proposed_scope="Twelve months before the incident.",
        proposed_method="Systems approach.",
        proposed_reviewer="An independent reviewer.",
        proposed_timetable="Six months.",
    )


def without(details: SubmissionDetails, **blank: str) -> SubmissionDetails:
    return replace(details, **blank)
