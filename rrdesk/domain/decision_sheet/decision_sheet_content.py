"""What goes on a decision sheet, as plain values ready to print.

Services fill this from the meeting record; the exports layer lays it out. It holds the case
reference and pseudonyms only: never the child's real name or date of birth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class SheetTimetable:
    notification_date: date
    meeting_date: date | None
    due_date: date | None
    """Working day 15: when the Rapid Review should reach the National Panel."""
    working_days_used: int | None
    """Working days from the notification (day 0) to the meeting."""
    extension_or_lateness: str = ""
    """Empty when on time; otherwise what happened and why, in a sentence."""
    time_to_notify: str = ""
    """How long the local authority took to notify after becoming aware, in working days (and
    when that was over its 5); empty when the date it became aware is not recorded."""


@dataclass(frozen=True)
class SheetAttendee:
    name: str
    role: str
    agency: str
    voting: bool = True
    substitute_for: str = ""
    """The member this person stands in for, if any."""


@dataclass(frozen=True)
class SheetAttendance:
    present: tuple[SheetAttendee, ...] = ()
    apologies: tuple[SheetAttendee, ...] = ()
    absent: tuple[SheetAttendee, ...] = ()


@dataclass(frozen=True)
class ConflictDeclared:
    member: str
    note: str
    recused: bool = True
    """Recused from this case's vote (never the whole meeting)."""


@dataclass(frozen=True)
class AgencyInvolvement:
    agency: str
    involved: bool
    """False for a nil return: the agency had no involvement."""
    summary: str = ""
    awaited: bool = False
    """Asked for a check form (or contacted) and its answer not back yet: neither involved nor
    a nil return."""


@dataclass(frozen=True)
class LearningPoint:
    heading: str
    """For example "Good practice" or "Multi-agency learning"."""
    text: str


@dataclass(frozen=True)
class SheetCriterion:
    question: str
    answer: str
    """"Yes", "No" or "Not clear"."""
    note: str = ""


@dataclass(frozen=True)
class VoteTally:
    recommend: int
    do_not_recommend: int
    abstain: int
    eligible: int
    outcome: str
    """The computed outcome in words, for example "Recommend a local review (majority)"."""
    decision_differs_because: str = ""
    """Why the decision went against the outcome; empty when it did not."""


@dataclass(frozen=True)
class SheetDissent:
    member: str
    words: str


@dataclass(frozen=True)
class SheetAction:
    action: str
    owner_agency: str
    due_date: date | None = None


@dataclass(frozen=True)
class SignOffParty:
    """One statutory partner's Executive sign-off: filled in by hand or in their PDF reader."""

    partner: str
    """"Local authority", "Police" or "Health"."""
    name: str = ""
    """Whose block it is: the person the sheet (and its sign-off email) is addressed to for this
    partner, its executive in the Directory; once an answer is recorded, whoever it was signed
    by. Empty when the Directory has no executive for the partner."""
    role: str = ""
    """That person's role, as the Directory or the recorded answer holds it."""
    answer: str = ""
    """The answer the partnership has recorded, ``Agreed on 3 December 2026``; empty until the
    partner has answered."""
    comments: str = ""
    """The comments recorded with that answer."""

    @property
    def recorded_words(self) -> str:
        """What the sheet says of an answer already recorded (from a reply, say); empty when
        none is."""
        if not self.answer:
            return ""
        words = f"{self.answer}, recorded by the partnership; nothing more is needed here."
        return f"{words} Comments: {self.comments}" if self.comments else words


@dataclass(frozen=True)
class DecisionSheetContent:
    partnership_name: str
    case_reference: str
    pseudonyms: tuple[str, ...]
    prepared_on: date
    timetable: SheetTimetable
    meeting_time: str = ""
    meeting_place: str = ""
    chair: str = ""
    attendance: SheetAttendance = SheetAttendance()
    conflicts: tuple[ConflictDeclared, ...] = ()
    incident_summary: str = ""
    agency_involvement: tuple[AgencyInvolvement, ...] = ()
    themes_and_learning: tuple[LearningPoint, ...] = ()
    criteria: tuple[SheetCriterion, ...] = ()
    vote: VoteTally | None = None
    dissent: tuple[SheetDissent, ...] = ()
    recommendation: str = ""
    rationale: str = ""
    immediate_actions: tuple[SheetAction, ...] = ()
    parallel_processes: tuple[str, ...] = ()
    version: int = 1
    change_note: str = ""
    """What changed since the previous version; empty for version 1."""
    sign_off: tuple[SignOffParty, ...] = (
        SignOffParty("Local authority"),
        SignOffParty("Police"),
        SignOffParty("Health"),
    )
