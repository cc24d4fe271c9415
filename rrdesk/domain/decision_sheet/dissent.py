"""What happens when a statutory partner does not agree the decision sheet: the route is the
partnership's own, a profile setting (``[decision] dissent_route``).

- Tower Hamlets (step 19): a meeting with the Rapid Review chair, where the decision is
  reviewed; if the partner still does not agree it escalates to the chair of the Executive, who
  has ultimate responsibility for the decision (step 24).
- Leeds (line 35) and Redbridge (line 15): the Executive agrees or disagrees and decides.
- The statutory profile, Gloucestershire and Wolverhampton name no route: the safeguarding
  partners decide (an rrdesk default).

Either way the partner's dissent, with its reason, is recorded and travels on the decision
sheet and the submission to the National Panel. It never holds the statutory submission past
day 15: from then the decision can be sent with the dissent recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.timetable.dates import format_date

DISSENT_NEVER_BLOCKS_FROM_DAY = 15
"""From this working day a recorded dissent no longer holds the submission back."""


class DissentRoute(StrEnum):
    CHAIR_THEN_EXECUTIVE = "chair_then_executive"
    EXECUTIVE_DECIDES = "executive_decides"


@dataclass(frozen=True)
class DissentRule:
    """A profile's route for a partner's disagreement, and who decides at its end."""

    route: DissentRoute = DissentRoute.EXECUTIVE_DECIDES
    decided_by: str = "Safeguarding partners"
    rrdesk_rule: bool = True
    """Set by rrdesk where no partnership document sets a route."""

    @property
    def who(self) -> str:
        """Who decides, to go in a sentence: ``the Executive chair``."""
        if self.decided_by.casefold() == "safeguarding partners":
            return "the safeguarding partners"
        return f"the {self.decided_by}"

    @property
    def chair_first(self) -> bool:
        return self.route is DissentRoute.CHAIR_THEN_EXECUTIVE

    @property
    def words(self) -> str:
        """The route in one or two sentences, for the sign-off screen."""
        if self.chair_first:
            text = (
                "A partner who does not agree meets the Rapid Review chair and the decision is"
                f" reviewed; if they still do not agree, it goes to {self.who}, who decides."
            )
        else:
            text = (
                f"A partner who does not agree has their dissent recorded, and {self.who} decide."
            )
        if self.rrdesk_rule:
            text += " (rrdesk's own rule: the process names no route.)"
        return text + (
            f" A recorded dissent never holds the decision back: from working day"
            f" {DISSENT_NEVER_BLOCKS_FROM_DAY} it can be sent to the National Panel with the"
            " dissent recorded."
        )


def email_words(rule: DissentRule) -> str:
    """What the sign-off email tells a partner about not agreeing, by the route."""
    if rule.chair_first:
        return (
            "If you do not agree, please say why: we will arrange a meeting with the Rapid Review"
            f" chair, and if you still do not agree it goes to {rule.who}, who decides."
        )
    return (
        f"If you do not agree, please say why: your dissent is recorded, goes with the decision,"
        f" and {rule.who} decide."
    )


@dataclass(frozen=True)
class ExecutiveDecision:
    """The decision taken on a partner's dissent, by whoever the route names."""

    partner: StatutoryPartner
    decided_on: date
    decided_by: str
    """As it goes in a sentence: ``the Executive chair``."""
    outcome: str


@dataclass(frozen=True)
class RecordedDissent:
    """A partner's dissent as it travels on the decision sheet and the submission."""

    partner_name: str
    on: date
    reason: str
    signed_by: str = ""
    role: str = ""
    chair_meeting: str = ""
    """What the meeting with the Rapid Review chair decided, with its date, when one was held."""
    decision: ExecutiveDecision | None = None

    @property
    def words(self) -> str:
        """``The police did not agree on 7 December 2026 (Jo Bloggs, Superintendent): ...``."""
        who = ", ".join(part for part in (self.signed_by, self.role) if part)
        text = f"{self.partner_name} did not agree on {format_date(self.on)}"
        text += f" ({who}): {self.reason}" if who else f": {self.reason}"
        if self.chair_meeting:
            text += f". Meeting with the Rapid Review chair: {self.chair_meeting}"
        if self.decision is not None:
            text += (
                f". Decided by {self.decision.decided_by} on"
                f" {format_date(self.decision.decided_on)}: {self.decision.outcome}"
            )
        return text.rstrip(".") + "."


PARTNERS_DECIDE = DissentRule()
"""The rule where no document names a route (an rrdesk default): the partners decide."""
