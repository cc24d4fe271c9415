"""Gathering the National Panel submission, and listing what is missing in plain words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from rrdesk.domain.after_meeting.panel_submission_content import build_submission, missing_items
from rrdesk.domain.after_meeting.submission_details import (
    AgencyContribution,
    SubmissionDetails,
    details_from_dict,
    details_to_dict,
)
from rrdesk.domain.meeting.decision import DecisionKind
from tests.domain.after_meeting.learning_samples import (
    CALENDAR,
    full_details,
    sample_case,
    sample_meeting,
    without,
)

TODAY = date(2026, 11, 22)


def _build(meeting=None, details=None, case=None):  # type: ignore[no-untyped-def]
    return build_submission(
        case or sample_case(),
        meeting if meeting is not None else sample_meeting(),
        details if details is not None else full_details(),
        partnership="Northmoor",
        prepared_on=TODAY,
        calendar=CALENDAR,
        theme_label=lambda key: key.replace("_", " ").capitalize(),
    )


def test_a_complete_record_misses_nothing() -> None:
    submission = _build()
    assert missing_items(submission) == ()
    assert submission.dates.working_days_used == 13
    assert not submission.dates.late
    assert submission.children[0].age == "2 years"
    assert submission.children[0].disability == "Hearing impairment"
    assert ("Themes", ("Invisible men", "Information sharing")) in submission.learning
    assert submission.parallel_processes == ("Police investigation",)
    assert [s.agreed for s in submission.sign_off] == [True, True, True]


def test_no_real_name_or_date_of_birth_is_carried() -> None:
    submission = _build()
    text = repr(submission.children) + repr(submission.sign_off)
    assert "Tamsin" not in text
    assert "2024-03-09" not in text


def test_late_needs_a_reason() -> None:
    late = _build(meeting=sample_meeting(sent_day=17))
    assert late.dates.late
    assert late.dates.working_days_used == 17
    assert "Say why the rapid review took more than 15 working days" in missing_items(late)
    explained = _build(
        meeting=sample_meeting(sent_day=17),
        details=replace(full_details(), lateness_reason="The police held back records."),
    )
    assert missing_items(explained) == ()


@pytest.mark.parametrize(
    ("blank", "expected"),
    [
        pytest.param({"household": ""}, "Describe the household", id="household"),
        pytest.param(
            {"family_involvement": ""},
            "Say how the family has been told and will be involved",
            id="family",
        ),
        pytest.param({"lived_experience": ""}, "Describe the child's lived experience", id="lived"),
        pytest.param(
            {"equality_and_disability": ""},
            "Say how inequality or disability affected the child's experience",
            id="inequality",
        ),
        pytest.param(
            {"key_practice_episodes": ""}, "Describe the key practice episodes", id="episodes"
        ),
        pytest.param(
            {"learning_plan": ""},
            "Say how the learning will be taken forward without a local review",
            id="learning plan",
        ),
    ],
)
def test_each_blank_detail_is_listed(blank: dict[str, str], expected: str) -> None:
    assert expected in missing_items(_build(details=without(full_details(), **blank)))


def test_local_review_needs_scope_method_reviewer_and_timetable() -> None:
    meeting = sample_meeting(kind=DecisionKind.RECOMMEND_LOCAL_REVIEW)
    details = without(full_details(), proposed_scope="", proposed_reviewer="", learning_plan="")
    missing = missing_items(_build(meeting=meeting, details=details))
    assert "Enter the proposed scope of the local review" in missing
    assert "Enter the proposed reviewer of the local review" in missing
    assert not any("without a local review" in item for item in missing)


def test_agencies_still_contacted_are_listed() -> None:
    details = replace(full_details(), agencies=(AgencyContribution("Health"),))
    assert "Record whether Health was involved or made a nil return" in missing_items(
        _build(details=details)
    )


def test_no_meeting_lists_the_meeting_decision_and_sign_off() -> None:
    submission = build_submission(
        sample_case(),
        None,
        SubmissionDetails(),
        partnership="Northmoor",
        prepared_on=TODAY,
        calendar=CALENDAR,
        theme_label=str,
    )
    missing = missing_items(submission)
    for expected in (
        "Record the date of the Rapid Review meeting",
        "Record the decision and its rationale",
        "Record the three partners' sign-off",
        "Record the emerging learning at the meeting",
    ):
        assert expected in missing


def test_details_round_trip() -> None:
    details = full_details()
    assert details_from_dict(details_to_dict(details)) == details
    assert details_from_dict(None) == SubmissionDetails()


def test_tower_hamlets_step_24_a_recorded_dissent_travels_on_the_submission() -> None:
    """A partner's dissent, with its reason and the Executive chair's decision, goes with the
    decision to the National Panel, and is not listed as missing sign-off."""
    from rrdesk.domain.cases.directory import StatutoryPartner
    from rrdesk.domain.decision_sheet.dissent import DissentRoute, DissentRule
    from rrdesk.domain.decision_sheet.sign_off import SignOff

    rule = DissentRule(DissentRoute.CHAIR_THEN_EXECUTIVE, "THSCP Executive chair", False)
    police = StatutoryPartner.POLICE
    day = date(2026, 11, 18)
    sign_off = SignOff()
    for partner in StatutoryPartner:
        sign_off = sign_off.send(partner, day)
        if partner is not police:
            sign_off = sign_off.agree(partner, day, signed_by=f"{partner.value} lead")
    sign_off = sign_off.disagree(police, day, "One call-out only", rule=rule)
    sign_off = sign_off.record_chair_meeting(police, day, "Still not agreed")
    sign_off = sign_off.record_executive_decision(police, day, "The decision stands", rule=rule)
    submission = _build(meeting=replace(sample_meeting(), sign_off=sign_off))
    (dissent,) = [s.dissent for s in submission.sign_off if s.dissent]
    assert dissent == (
        "The police did not agree on 18 November 2026: One call-out only. Meeting with the Rapid"
        " Review chair: held 18 November 2026: Still not agreed. Decided by the THSCP Executive"
        " chair on 18 November 2026: The decision stands."
    )
    assert not any("have not signed off" in item for item in missing_items(submission))


def test_wt2023_ch5_the_submission_states_how_long_the_notification_took() -> None:
    """Working Together 2023, chapter 5: the local authority notifies within 5 working days of
    becoming aware; the submission says how long it took and when that was late."""
    on_time = replace(
        sample_case(), la_aware_date=date(2026, 11, 2), notification_sent=date(2026, 11, 5)
    )
    late = replace(on_time, la_aware_date=date(2026, 10, 26))
    unknown = replace(on_time, la_aware_date=None)

    assert _build(case=on_time).dates.time_to_notify == (
        "3 working days after the local authority became aware"
    )
    assert _build(case=late).dates.time_to_notify == (
        "8 working days after the local authority became aware: later than the 5 working days"
        " the local authority has to notify"
    )
    assert _build(case=unknown).dates.time_to_notify == ""
