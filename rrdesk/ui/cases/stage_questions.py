"""Which of a case's questions its stage asks: a referral not yet notified (under threshold
discussion, or ending "threshold not met") has no notification date, and a case's stage says
whether the threshold for a serious incident notification was met: not decided yet while it is
referred, not met when it ended there, and met once it is notified (the local authority notifies
the National Panel because it was). Only a closed case is asked."""

from __future__ import annotations

from rrdesk.domain.cases.cases import Stage

NOT_NOTIFIED: dict[Stage, bool | None] = {
    Stage.REFERRED: None,
    Stage.THRESHOLD_NOT_MET: False,
}
"""Stages before or instead of a notification, and whether the threshold was met."""
THRESHOLD_FROM_STAGE: dict[Stage, bool | None] = {
    **NOT_NOTIFIED,
    **{stage: True for stage in Stage if stage not in NOT_NOTIFIED and stage is not Stage.CLOSED},
}
"""Stages that answer "Was the threshold met?" themselves, and their answer."""


def stage_is_notified(stage: Stage) -> bool:
    """Whether a case at ``stage`` has been notified to the National Panel."""
    return stage not in NOT_NOTIFIED


def threshold_met(stage: Stage, answered: bool | None) -> bool | None:
    """Whether the threshold was met at ``stage``, given the answer to the question if asked."""
    return THRESHOLD_FROM_STAGE.get(stage, answered)
