"""Which of a case's questions its stage asks: a referral not yet notified (under threshold
discussion, or ending "threshold not met") has no notification date, and its stage already says
whether the threshold was met."""

from __future__ import annotations

from rrdesk.domain.cases.cases import Stage

THRESHOLD_FROM_STAGE: dict[Stage, bool | None] = {
    Stage.REFERRED: None,
    Stage.THRESHOLD_NOT_MET: False,
}
"""Stages that answer "Was the threshold met?" themselves, and their answer."""


def stage_is_notified(stage: Stage) -> bool:
    """Whether a case at ``stage`` has been notified to the National Panel."""
    return stage not in THRESHOLD_FROM_STAGE
