"""Which of a case's tabs apply at its stage (the one case-tab rule)."""

from __future__ import annotations

import pytest

from rrdesk.domain.cases.case_tabs import why_tab_does_not_apply
from rrdesk.domain.cases.cases import Stage

ALWAYS = ("Timetable", "Agency forms", "Meeting", "Decision sheet", "History")


@pytest.mark.parametrize(
    ("title", "stage", "applies"),
    [
        pytest.param("Submission", Stage.REFERRED, False, id="no submission before notifying"),
        pytest.param("Submission", Stage.THRESHOLD_NOT_MET, False, id="no submission, not met"),
        pytest.param("Submission", Stage.COLLECTING_RETURNS, True, id="submission once notified"),
        pytest.param("Letter to referrer", Stage.THRESHOLD_NOT_MET, True, id="letter, not met"),
        pytest.param("Letter to referrer", Stage.NOTIFIED, False, id="no letter once notified"),
        pytest.param("Local review", Stage.MEETING_BOOKED, False, id="no review before deciding"),
        pytest.param("Local review", Stage.AWAITING_SIGN_OFF, True, id="review once decided"),
        pytest.param("Local review", Stage.LOCAL_REVIEW, True, id="review under way"),
    ],
)
def test_a_tab_applies_by_the_cases_stage(title: str, stage: Stage, applies: bool) -> None:
    why = why_tab_does_not_apply(title, stage)
    assert (why == "") is applies
    if not applies:
        assert why.endswith(".")


@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_the_other_tabs_apply_at_every_stage(stage: Stage) -> None:
    assert all(why_tab_does_not_apply(title, stage) == "" for title in ALWAYS)
