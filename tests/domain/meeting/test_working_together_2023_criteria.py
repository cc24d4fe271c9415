"""Working Together 2023, chapter 5 (local child safeguarding practice reviews): the criteria the
partners consider, word for word where rrdesk quotes them. The Redbridge briefing (line 29)
still has the 2018 wording, "failing to work together"."""

from __future__ import annotations

from rrdesk.domain.meeting.criteria import CRITERIA, CriteriaAssessment, CriterionGroup


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
