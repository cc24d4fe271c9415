import pytest

from rrdesk.domain.meeting.criteria import (
    CRITERIA,
    CriteriaAssessment,
    CriterionAnswer,
    CriterionGroup,
)
from rrdesk.domain.meeting.meeting_error import MeetingError


def test_criteria_from_the_documents() -> None:
    keys = [c.key for c in CRITERIA]
    assert keys == [
        "improvements_needed",
        "recurrent_themes",
        "agencies_not_working_together",
        "national_panel_suggests_local_review",
        "single_agency_concern",
        "no_agency_involvement",
        "more_than_one_area",
        "institutional_setting",
        "complex_or_national_importance",
    ]
    assert len(set(keys)) == len(keys)
    assert "previously" in CRITERIA[0].question or "before" in CRITERIA[0].question


def test_answers_kept_in_the_order_of_the_criteria() -> None:
    assessment = (
        CriteriaAssessment()
        .answer("recurrent_themes", CriterionAnswer.YES, " Safer sleep again ")
        .answer("improvements_needed", CriterionAnswer.NOT_CLEAR)
    )
    assert [r.key for r in assessment.responses] == ["improvements_needed", "recurrent_themes"]
    response = assessment.response("recurrent_themes")
    assert response is not None
    assert response.note == "Safer sleep again"
    assert len(assessment.unanswered()) == len(CRITERIA) - 2


def test_answering_again_replaces_the_answer() -> None:
    assessment = (
        CriteriaAssessment()
        .answer("recurrent_themes", CriterionAnswer.YES)
        .answer("recurrent_themes", CriterionAnswer.NO, "Not recurrent after all")
    )
    assert len(assessment.responses) == 1
    assert assessment.responses[0].answer is CriterionAnswer.NO


def test_unknown_criterion() -> None:
    with pytest.raises(MeetingError, match="There is no criterion called 'weather'"):
        CriteriaAssessment().answer("weather", CriterionAnswer.YES)


def test_answered_yes_by_group() -> None:
    assessment = (
        CriteriaAssessment()
        .answer("recurrent_themes", CriterionAnswer.YES)
        .answer("more_than_one_area", CriterionAnswer.YES)
        .answer("improvements_needed", CriterionAnswer.NO)
    )
    assert [c.key for c in assessment.answered_yes()] == ["recurrent_themes", "more_than_one_area"]
    assert [c.key for c in assessment.answered_yes(CriterionGroup.CRITERIA)] == ["recurrent_themes"]


def test_labels() -> None:
    assert [a.label for a in CriterionAnswer] == ["Yes", "No", "Not clear"]


# Working Together 2023, chapter 5 (local child safeguarding practice reviews): the criteria the
# partners consider, word for word where rrdesk quotes them. The Redbridge briefing (line 29)
# still has the 2018 wording, "failing to work together".
def test_working_together_2023_criterion_3_is_concerns_about_working_together() -> None:
    question = CriteriaAssessment().criterion("agencies_not_working_together").question
    assert "concerns regarding two or more organisations or agencies working together" in question
    assert "effectively to safeguard and promote the welfare of children" in question
    assert "failed" not in question
    assert "failing" not in question


def test_working_together_2023_the_partners_should_also_have_regard_to() -> None:
    assert CriterionGroup.HAVE_REGARD.label == (
        "Circumstances the partners should also have regard to"
    )
    assert "must" not in CriterionGroup.HAVE_REGARD.label
    have_regard = [c.key for c in CRITERIA if c.group is CriterionGroup.HAVE_REGARD]
    assert have_regard == [
        "single_agency_concern",
        "no_agency_involvement",
        "more_than_one_area",
        "institutional_setting",
    ]
