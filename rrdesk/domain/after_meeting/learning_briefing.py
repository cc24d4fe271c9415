"""The "7-minute briefing" from a case's learning, anonymised for dissemination.

No names and no dates of birth: every name recorded for the children is replaced, and the
pseudonym is used only when the partnership chooses to (otherwise "the child"); every person and
place the store knows, and the names and addresses found in the text, are replaced too
(:mod:`briefing_anonymising`). "What has changed" lists only what is done; the outcome is a
"Recommendation" until the statutory partners have signed it off; a briefing for a case with a
police investigation open carries a warning the coordinator must tick before it is saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rrdesk.domain.after_meeting.briefing_anonymising import (
    PLACE,
    identifying,
    replace_found,
    replace_known,
)
from rrdesk.domain.cases.cases import Case, ParallelProcess
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.timetable.dates import format_date

REFLECTION_QUESTIONS: dict[str, str] = {
    "information_sharing": "Who else needs to know what you know, and have you told them?",
    "risk_assessment": "When did you last review the risk, and what has changed since?",
    "professional_curiosity": "What have you accepted at face value that you could check?",
    "voice_of_the_child": "What would this child say a day in their life is like?",
    "invisible_men": "Who are the men in this child's life, and what do you know about them?",
    "parental_mental_health": "How does the parent's mental health affect the care of the child?",
    "domestic_abuse": "Have you asked about domestic abuse, safely and alone?",
    "substance_misuse": "Who looks after the child when the adult is using alcohol or drugs?",
    "neglect": "Are you seeing drift? What would change if you looked at the whole history?",
    "non_mobile_babies": "Do you follow the protocol for any bruise on a baby who cannot move?",
    "safer_sleep": "Have you talked about safer sleep, including after alcohol or on a sofa?",
    "exploitation": "What does going missing tell you, and who has the child been with?",
    "transitions": "When a family moves, what goes with them, and who checks it arrived?",
    "self_harm": "When a child self-harms, who do you tell, and how do you know it was acted on?",
    "children_in_care": "Would you accept this for your own child? Who is the corporate parent?",
    "escalation": "When you disagree with a decision, do you know how to escalate it?",
    "multi_agency_working": "Who else is working with this family, and when did you last talk?",
    "disability": "Is the child's disability explaining away signs of harm?",
    "equality_and_culture": "How do race, culture and poverty shape what you see and do?",
    "education_attendance": "What does missing school tell you about this child's life?",
    "housing": "How do housing and money shape the care this child gets?",
    "online_harm": "Who is the child talking to online?",
    "young_carers": "Is this child caring for someone, and does anyone care for them?",
}
GENERAL_QUESTIONS = (
    "What does this learning mean for your own practice?",
    "What will you do differently from tomorrow?",
)


@dataclass(frozen=True)
class BriefingBox:
    number: int
    title: str
    points: tuple[str, ...]


SHARING_MARKING = "OFFICIAL"
"""The marking of a briefing anonymised for sharing, unless the partnership sets another."""
CRIMINAL_PROCESS_WARNING = (
    "A police investigation is open in this case. Before sharing this briefing, check with the "
    "police that it cannot prejudice the investigation or a trial."
)


@dataclass(frozen=True)
class LearningBriefing:
    title: str
    partnership: str
    boxes: tuple[BriefingBox, ...]
    """Always seven, numbered 1 to 7."""
    marking: str = SHARING_MARKING
    criminal_process_warning: str = ""
    """Set when a criminal process is open: saving the briefing needs the coordinator's tick."""

    def text(self) -> str:
        """Every box as plain text, for the coordinator to review before it is saved."""
        return "\n\n".join(
            "\n".join([f"{box.number}. {box.title}", *(f"• {p}" for p in box.points)])
            for box in self.boxes
        )


def criminal_process_open(case: Case) -> bool:
    return ParallelProcess.POLICE_INVESTIGATION in case.parallel_processes


def outcome_words(decision: str, *, signed_off: bool) -> str:
    """``Decision: …`` once the statutory partners have signed it off, else ``Recommendation:
    … (awaiting the statutory partners' sign-off)``."""
    if signed_off:
        return f"Decision: {decision}."
    return f"Recommendation: {decision} (awaiting the statutory partners' sign-off)."


PRACTITIONER = "a practitioner"


def _without_people(text: str, people: Sequence[str]) -> str:
    """Each full name in ``people`` (and its surname) replaced by "a practitioner"."""
    result = text
    names: set[str] = set()
    for person in people:
        person = person.strip()
        if not person:
            continue
        names.add(person)
        parts = [
            p for p in person.split() if p.lower().rstrip(".") not in {"dr", "mr", "mrs", "ms"}
        ]
        if len(parts) > 1 and len(parts[-1]) > 2:
            names.add(parts[-1])
    for name in sorted(names, key=len, reverse=True):
        result = re.sub(rf"\b{re.escape(name)}\b", PRACTITIONER, result)
    return result


def anonymise(
    text: str,
    case: Case,
    *,
    use_pseudonym: bool,
    people: Sequence[str] = (),
    places: Sequence[str] = (),
) -> str:
    """``text`` with every name and date of birth of the children replaced.

    Whole names and their parts (longer than two letters) become the pseudonym or "the child";
    the pseudonym itself becomes "the child" unless ``use_pseudonym``. Names in ``people``
    (practitioners, the referrer) become "a practitioner".
    """
    result = _without_people(text, people)
    for child in case.children:
        stand_in = child.pseudonym if use_pseudonym and child.pseudonym else "the child"
        names = [child.real_name.strip()] if child.real_name.strip() else []
        names.extend(part for part in child.real_name.split() if len(part) > 2)
        names.extend(part for part in re.split(r"[-\s]", child.real_name) if len(part) > 2)
        if not use_pseudonym and child.pseudonym.strip():
            names.append(child.pseudonym.strip())
        for name in sorted(set(names), key=len, reverse=True):
            result = re.sub(rf"\b{re.escape(name)}\b", stand_in, result, flags=re.IGNORECASE)
        if child.date_of_birth is not None:
            for shown in (
                child.date_of_birth.isoformat(),
                child.date_of_birth.strftime("%d/%m/%Y"),
                format_date(child.date_of_birth),
            ):
                result = result.replace(shown, "[date removed]")
    return replace_known(result, identifying(places), PLACE)


def build_briefing(
    case: Case,
    meeting: Meeting,
    *,
    partnership: str,
    use_pseudonym: bool,
    theme_label: Callable[[str], str],
    people: Sequence[str] = (),
    places: Sequence[str] = (),
    completed_actions: Sequence[str] = (),
    signed_off: bool = False,
    marking: str = SHARING_MARKING,
) -> LearningBriefing:
    """The seven boxes, in the order a 7-minute briefing is read; nobody is named.

    ``completed_actions`` are the case's actions the action plan records as completed: only
    they (and what the meeting heard was already acted on) are "what has changed".
    """
    named = (*people, case.referral.referrer_name, *(a.name for a in meeting.attendees))
    known_places = (
        *places,
        case.notifying_authority,
        case.home_authority,
        case.referral.referrer_agency,
        meeting.place,
    )

    def clean(points: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        return tuple(
            replace_found(
                anonymise(p, case, use_pseudonym=use_pseudonym, people=named, places=known_places)
            )
            for p in points
            if p.strip()
        )

    learning = meeting.learning
    who = case.pseudonyms if use_pseudonym else "a child"
    background = [case.summary] if case.summary.strip() else [f"A Rapid Review about {who}."]
    themes = [theme_label(k) for k in learning.theme_keys]
    questions = [REFLECTION_QUESTIONS[k] for k in learning.theme_keys if k in REFLECTION_QUESTIONS]
    changed = [*learning.already_acted_on, *completed_actions]
    decision = meeting.decision.kind.label if meeting.decision else ""
    boxes = (
        BriefingBox(1, "Background", clean(background)),
        BriefingBox(
            2,
            "Why it matters",
            clean([f"Themes: {', '.join(themes)}."] if themes else ["This review found learning."])
            + ((outcome_words(decision, signed_off=signed_off),) if decision else ()),
        ),
        BriefingBox(3, "What went well", clean(learning.good_practice)),
        BriefingBox(4, "What could have been better", clean(learning.could_have_been_better)),
        BriefingBox(
            5, "Learning for agencies", clean([*learning.multi_agency, *learning.single_agency])
        ),
        BriefingBox(6, "What has changed", clean(changed)),
        BriefingBox(7, "Questions to reflect on", (*questions[:3], *GENERAL_QUESTIONS)),
    )
    return LearningBriefing(
        title="7-minute briefing: learning from a Rapid Review",
        partnership=partnership,
        boxes=boxes,
        marking=marking,
        criminal_process_warning=CRIMINAL_PROCESS_WARNING if criminal_process_open(case) else "",
    )
