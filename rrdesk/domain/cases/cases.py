"""The Rapid Review case: what the partnership records from notification to decision."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.bank_holidays import CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR

MAX_CHILDREN = 4
REFERENCE_PATTERN = re.compile(r"^RR-(\d{4})-(\d{3,})$")


class Stage(Enum):
    """Where a case is in the process, in the order it usually moves."""

    REFERRED = "referred"
    NOTIFIED = "notified"
    COLLECTING_RETURNS = "collecting_returns"
    MEETING_BOOKED = "meeting_booked"
    AWAITING_SIGN_OFF = "awaiting_sign_off"
    SENT_TO_NATIONAL_PANEL = "sent_to_national_panel"
    THRESHOLD_NOT_MET = "threshold_not_met"
    LOCAL_REVIEW = "local_review"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _STAGE_LABELS[self]

    @property
    def is_open(self) -> bool:
        """Open cases have a 15-day clock running."""
        return self in {
            Stage.NOTIFIED,
            Stage.COLLECTING_RETURNS,
            Stage.MEETING_BOOKED,
            Stage.AWAITING_SIGN_OFF,
        }


_STAGE_LABELS = {
    Stage.REFERRED: "Referred, threshold not yet decided",
    Stage.NOTIFIED: "Notified",
    Stage.COLLECTING_RETURNS: "Collecting agency returns",
    Stage.MEETING_BOOKED: "Meeting booked",
    Stage.AWAITING_SIGN_OFF: "Decided, awaiting sign-off",
    Stage.SENT_TO_NATIONAL_PANEL: "Sent to the National Panel",
    Stage.THRESHOLD_NOT_MET: "Threshold not met",
    Stage.LOCAL_REVIEW: "Local review",
    Stage.CLOSED: "Closed",
}


class Sex(Enum):
    FEMALE = "female"
    MALE = "male"
    NOT_KNOWN = "not_known"

    @property
    def label(self) -> str:
        return {"female": "Female", "male": "Male", "not_known": "Not known"}[self.value]


class Outcome(Enum):
    DIED = "died"
    SERIOUSLY_HARMED = "seriously_harmed"

    @property
    def label(self) -> str:
        return "Died" if self is Outcome.DIED else "Seriously harmed"


class ChildStatus(Enum):
    """The child's status with children's services at the time of the incident."""

    NONE = "none"
    EARLY_HELP = "early_help"
    CHILD_IN_NEED = "child_in_need"
    CHILD_PROTECTION_PLAN = "child_protection_plan"
    LOOKED_AFTER = "looked_after"
    CARE_LEAVER = "care_leaver"

    @property
    def label(self) -> str:
        return {
            "none": "No involvement",
            "early_help": "Early help",
            "child_in_need": "Child in need",
            "child_protection_plan": "Child protection plan",
            "looked_after": "Looked after",
            "care_leaver": "Care leaver",
        }[self.value]


class ReferralRoute(Enum):
    PROFESSIONAL = "professional"
    PARENT = "parent"
    COMMUNITY = "community"
    CHILD_DEATH_REVIEW = "child_death_review"
    JOINT_AGENCY_RESPONSE = "joint_agency_response"

    @property
    def label(self) -> str:
        return {
            "professional": "Referral by a professional",
            "parent": "Referral by a parent",
            "community": "Referral by a member of the community",
            "child_death_review": "Child death review",
            "joint_agency_response": "Joint agency response",
        }[self.value]


class ParallelProcess(Enum):
    POLICE_INVESTIGATION = "police_investigation"
    CORONER = "coroner"
    CHILD_DEATH_REVIEW = "child_death_review"
    DOMESTIC_HOMICIDE_REVIEW = "domestic_homicide_review"
    SAFEGUARDING_ADULT_REVIEW = "safeguarding_adult_review"
    DESIGNATED_OFFICER = "designated_officer"
    MEDIA_INTEREST = "media_interest"

    @property
    def label(self) -> str:
        return {
            "police_investigation": "Police investigation",
            "coroner": "Coroner's inquest",
            "child_death_review": "Child death review",
            "domestic_homicide_review": "Domestic homicide review",
            "safeguarding_adult_review": "Safeguarding adult review",
            "designated_officer": "Designated officer (allegation against a worker)",
            "media_interest": "Media interest",
        }[self.value]


def _counted(number: int, unit: str) -> str:
    return f"{number} {unit}{'' if number == 1 else 's'}"


@dataclass(frozen=True)
class Child:
    """One child named in the notification. Only the pseudonym appears in documents."""

    pseudonym: str
    real_name: str = ""
    date_of_birth: date | None = None
    age_years: int | None = None
    sex: Sex = Sex.NOT_KNOWN
    ethnicity: str = ""
    disability: str = ""
    outcome: Outcome = Outcome.SERIOUSLY_HARMED
    status: ChildStatus = ChildStatus.NONE

    def age_on(self, day: date) -> int | None:
        """Age in whole years on ``day``: from the date of birth when known."""
        if self.date_of_birth is None:
            return self.age_years
        years = day.year - self.date_of_birth.year
        if (day.month, day.day) < (self.date_of_birth.month, self.date_of_birth.day):
            years -= 1
        return max(years, 0)

    def age_in_words(self, day: date | None) -> str | None:
        """The age on ``day`` as people say it: ``4 months`` for a child under two (when the
        date of birth is known), ``6 years`` from then on; ``None`` when not known."""
        if self.date_of_birth is not None and day is not None:
            months = (
                (day.year - self.date_of_birth.year) * 12 + day.month - self.date_of_birth.month
            )
            if day.day < self.date_of_birth.day:
                months -= 1
            months = max(months, 0)
            if months < 24:
                return "under 1 month" if months == 0 else _counted(months, "month")
            return _counted(months // 12, "year")
        if self.age_years is None:
            return None
        return "under 1 year" if self.age_years == 0 else _counted(self.age_years, "year")


@dataclass(frozen=True)
class Referral:
    route: ReferralRoute = ReferralRoute.PROFESSIONAL
    referrer_name: str = ""
    referrer_role: str = ""
    referrer_agency: str = ""
    referrer_email: str = ""
    referral_date: date | None = None
    discussed_on: date | None = None
    """When a child death review or joint agency response discussed the case (Tower Hamlets
    asks for the referral within a week of it, line 125)."""


@dataclass(frozen=True)
class ThresholdDiscussion:
    held_on: date | None = None
    participants: str = ""
    met: bool | None = None
    reasons: str = ""


@dataclass(frozen=True)
class Case:
    """A Rapid Review case. ``case_id`` is ``None`` until the store has saved it."""

    reference: str
    children: tuple[Child, ...]
    notification_sent: date | None = None
    national_panel_reference: str = ""
    incident_date: date | None = None
    la_aware_date: date | None = None
    ofsted_told_on: date | None = None  # a looked-after child's death told to Ofsted and the SoS
    notifying_authority: str = ""
    home_authority: str = ""
    summary: str = ""
    referral: Referral = field(default_factory=Referral)
    threshold: ThresholdDiscussion = field(default_factory=ThresholdDiscussion)
    parallel_processes: frozenset[ParallelProcess] = frozenset()
    stage: Stage = Stage.NOTIFIED
    profile: str = "statutory"
    case_id: int | None = None

    @property
    def pseudonyms(self) -> str:
        """``Child T`` or ``Child T and Child U``: what documents and screens may show."""
        names = [child.pseudonym for child in self.children if child.pseudonym]
        if len(names) <= 1:
            return names[0] if names else "Not yet named"
        return ", ".join(names[:-1]) + " and " + names[-1]

    def private_values(self) -> tuple[str, ...]:
        """Everything about the children that must never be shown on a projector."""
        values: list[str] = []
        for child in self.children:
            values.extend(v for v in (child.real_name, child.pseudonym) if v)
            values.extend(part for part in child.real_name.split() if len(part) > 2)
            if child.date_of_birth is not None:
                values.append(child.date_of_birth.isoformat())
        return tuple(values)


class CaseError(UserError):
    """A case that breaks a rule, with a message fit to show the user."""


def validate_case(case: Case) -> list[tuple[str, str]]:
    """Problems as (field, message) pairs in GOV.UK style; an empty list means the case is valid."""
    problems: list[tuple[str, str]] = []
    if not case.children:
        problems.append(("children", "Add at least one child"))
    if len(case.children) > MAX_CHILDREN:
        problems.append(("children", f"One notification can cover up to {MAX_CHILDREN} children"))
    for index, child in enumerate(case.children):
        if not child.pseudonym.strip():
            problems.append((f"child_{index}_pseudonym", "Enter a pseudonym, for example Child T"))
        if child.age_years is not None and not 0 <= child.age_years <= 18:
            problems.append((f"child_{index}_age", "Age must be between 0 and 18"))
    if (
        case.incident_date
        and case.notification_sent
        and case.incident_date > case.notification_sent
    ):
        problems.append(
            ("incident_date", "The date of the incident must be on or before the notification date")
        )
    if (
        case.la_aware_date
        and case.notification_sent
        and case.la_aware_date > case.notification_sent
    ):
        problems.append(
            (
                "la_aware_date",
                "The date the local authority became aware must be on or before"
                " the notification date",
            )
        )
    if case.ofsted_told_on and case.incident_date and case.ofsted_told_on < case.incident_date:
        problems.append(
            ("ofsted_told_on", "Ofsted cannot have been told before the date of the incident")
        )
    if case.incident_date and case.la_aware_date and case.incident_date > case.la_aware_date:
        problems.append(
            ("la_aware_date", "The local authority cannot have become aware before the incident")
        )
    if case.notification_sent and not (
        CALENDAR_FIRST_YEAR <= case.notification_sent.year <= CALENDAR_LAST_YEAR
    ):
        problems.append(
            (
                "notification_sent",
                f"The date the notification was sent must be between {CALENDAR_FIRST_YEAR}"
                f" and {CALENDAR_LAST_YEAR}",
            )
        )
    if case.stage.is_open and case.notification_sent is None:
        problems.append(("notification_sent", "Enter the date the notification was sent"))
    return problems


def next_reference(year: int, existing: list[str]) -> str:
    """The partnership's next reference for ``year``: ``RR-2026-004`` after ``RR-2026-003``."""
    numbers = [
        int(match.group(2))
        for ref in existing
        if (match := REFERENCE_PATTERN.match(ref)) and int(match.group(1)) == year
    ]
    return f"RR-{year}-{max(numbers, default=0) + 1:03d}"


@dataclass(frozen=True)
class CaseSummary:
    """A row of the case list: enough to find a case, nothing private beyond the pseudonym."""

    case_id: int
    reference: str
    stage: Stage
    profile: str
    notification_sent: date | None
    pseudonyms: str
