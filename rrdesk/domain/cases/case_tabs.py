"""Which of a case's tabs apply to it at its stage: a tab that does not apply is shown disabled
with the reason, never opened on a page that only says it does not apply (docs/architecture.md,
"One case-tab rule")."""

from __future__ import annotations

from rrdesk.domain.cases.cases import Stage

NOT_NOTIFIED = frozenset({Stage.REFERRED, Stage.THRESHOLD_NOT_MET})
AFTER_THE_DECISION = frozenset(
    {
        Stage.AWAITING_SIGN_OFF,
        Stage.SENT_TO_NATIONAL_PANEL,
        Stage.THRESHOLD_NOT_MET,
        Stage.LOCAL_REVIEW,
        Stage.CLOSED,
    }
)


def why_tab_does_not_apply(title: str, stage: Stage) -> str:
    """Why the tab ``title`` does not apply to a case at ``stage``; "" when it does."""
    if title == "Submission" and stage in NOT_NOTIFIED:
        return "Only for a case notified to the National Panel: this one has not been notified."
    if title == "Letter to referrer" and stage is not Stage.THRESHOLD_NOT_MET:
        return (
            "Only for a referral whose threshold for a Serious Incident Notification was not met."
        )
    if title == "Local review" and stage not in AFTER_THE_DECISION:
        return "Once the partners have decided whether to hold a local review."
    return ""
