"""Milestones the case's record already shows done, so nobody has to tick them as well: the
requests sent and the forms back (from the agency forms), the meeting held and the decision sent
(from the case's stage).

A milestone the record cannot show (a referral made within a week of a child death review, say)
is done only when the coordinator ticks it on the Timetable tab; a tick is kept as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from rrdesk.domain.agency_forms.agency_counts import AgencyCounts
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.timetable.meeting_milestone import MEETING_KEY
from rrdesk.domain.timetable.profiles import STATUTORY_DEADLINE_KEY

REQUESTS_SENT_KEY = "scoping_requests_sent"
FORMS_RETURNED_KEY = "agency_checks_returned"
DECISION_SENT_KEYS = (STATUTORY_DEADLINE_KEY, "national_panel_told_after_meeting")

# The panel has met and decided: the case is past its meeting.
DECIDED = frozenset({Stage.AWAITING_SIGN_OFF, Stage.SENT_TO_NATIONAL_PANEL, Stage.LOCAL_REVIEW})
# The decision has gone to the National Panel.
SENT = frozenset({Stage.SENT_TO_NATIONAL_PANEL, Stage.LOCAL_REVIEW})


@dataclass(frozen=True, slots=True)
class DoneByTheRecord:
    """Each milestone key the record shows done, with why, in words for the Timetable tab."""

    reasons: tuple[tuple[str, str], ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(key for key, _why in self.reasons)

    def why(self, key: str) -> str:
        """Why the record shows ``key`` done; "" when it does not."""
        return next((why for done, why in self.reasons if done == key), "")


def done_by_the_record(stage: Stage, returns: AgencyCounts | None) -> DoneByTheRecord:
    """What the case's stage and its agencies' forms show done (keys of any profile's
    milestones; a profile without one of them ignores it)."""
    why: dict[str, str] = {}
    if returns is not None and returns.chosen:
        if returns.sent == returns.chosen:
            why[REQUESTS_SENT_KEY] = "Done: every chosen agency's request has been sent."
        if returns.received == returns.chosen:
            why[FORMS_RETURNED_KEY] = "Done: every chosen agency's form is back."
    if stage in DECIDED:
        why[MEETING_KEY] = f"Done: the case is at '{stage.label}', so the panel has met."
    if stage in SENT:
        for key in DECISION_SENT_KEYS:
            why[key] = f"Done: the case is at '{stage.label}'."
    return DoneByTheRecord(tuple(why.items()))
