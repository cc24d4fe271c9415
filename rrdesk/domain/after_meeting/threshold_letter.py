"""The letter to the referrer when the Serious Incident Notification threshold is not met.

Tower Hamlets step 7: "If the Serious Incident Notification threshold is not met, then the
referrer (if a professional) will receive a letter advising on next steps." The wording is the
partnership's, in ``forms/threshold-letter.toml``, with ``{placeholders}`` filled from the case.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from datetime import date
from typing import Any

from rrdesk.domain.cases.cases import Case, ReferralRoute
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date

PLACEHOLDERS: dict[str, str] = {
    "referrer_name": "the referrer's name",
    "referrer_role": "the referrer's role",
    "referrer_agency": "the referrer's agency",
    "referral_date": "the date of the referral",
    "partnership": "the partnership's name",
    "case_reference": "the case reference",
    "pseudonyms": "the child's pseudonym",
    "threshold_date": "the date of the threshold discussion",
    "participants": "who took part in the threshold discussion",
    "reasons": "why the threshold was not met",
    "next_steps": "the next steps for the referrer",
    "signatory": "who signs the letter",
    "signatory_role": "their role",
    "today": "the date of the letter",
}


class LetterTemplateError(UserError):
    """A letter form that cannot be used, with the reason in plain words."""


@dataclass(frozen=True)
class LetterTemplate:
    title: str
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str
    default_next_steps: str
    default_next_steps_note: str = ""
    """Shown to the coordinator (never printed) while the letter uses the usual next steps."""


@dataclass(frozen=True)
class LetterDetails:
    """What the coordinator writes for the letter: the case document ``threshold_letter``."""

    next_steps: str = ""
    signatory: str = ""
    signatory_role: str = ""


@dataclass(frozen=True)
class ThresholdLetter:
    title: str
    case_reference: str
    dated: date
    addressee: tuple[str, ...]
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str
    signatory: str
    signatory_role: str


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def parse_letter_template(text: str) -> LetterTemplate:
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LetterTemplateError(f"The letter form is not valid TOML: {error}") from None
    try:
        template = LetterTemplate(
            title=str(data["title"]),
            salutation=str(data["salutation"]),
            paragraphs=tuple(str(p).strip() for p in data["paragraphs"]),
            closing=str(data["closing"]),
            default_next_steps=str(data.get("default_next_steps", "")).strip(),
            default_next_steps_note=str(data.get("default_next_steps_note", "")).strip(),
        )
    except KeyError as error:
        raise LetterTemplateError(f"The letter form needs '{error.args[0]}'") from None
    except TypeError:
        raise LetterTemplateError("'paragraphs' in the letter form must be a list") from None
    for part in (template.title, template.salutation, template.closing, *template.paragraphs):
        try:
            unknown = _fields(part) - PLACEHOLDERS.keys()
        except ValueError:
            raise LetterTemplateError(
                f"A brace in the letter form is not closed: {part[:60]}"
            ) from None
        if unknown:
            raise LetterTemplateError(
                "The letter form uses a placeholder rrdesk does not know: "
                + ", ".join(f"{{{name}}}" for name in sorted(unknown))
            )
    return template


def _mid_sentence(text: str) -> str:
    """``An accident`` becomes ``an accident`` after a colon; ``NHS England`` stays as it is."""
    text = text.strip()
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def letter_values(
    case: Case, details: LetterDetails, template: LetterTemplate, *, partnership: str, today: date
) -> dict[str, str]:
    referral = case.referral
    threshold = case.threshold
    return {
        "referrer_name": referral.referrer_name.strip() or "Sir or Madam",
        "referrer_role": referral.referrer_role.strip(),
        "referrer_agency": referral.referrer_agency.strip(),
        "referral_date": format_date(referral.referral_date) if referral.referral_date else "",
        "partnership": partnership,
        "case_reference": case.reference,
        "pseudonyms": case.pseudonyms,
        "threshold_date": format_date(threshold.held_on) if threshold.held_on else "",
        "participants": _mid_sentence(threshold.participants)
        or "the statutory safeguarding partners",
        "reasons": _mid_sentence(threshold.reasons).rstrip("."),
        "next_steps": details.next_steps.strip() or template.default_next_steps,
        "signatory": details.signatory.strip(),
        "signatory_role": details.signatory_role.strip(),
        "today": format_date(today),
    }


def letter_problems(case: Case, details: LetterDetails) -> tuple[str, ...]:
    """What is missing before the letter can be sent, in plain words."""
    found: list[str] = []
    if case.threshold.met is not False:
        found.append("Record that the threshold was not met")
    if not case.referral.referrer_name.strip():
        found.append("Enter the referrer's name")
    if case.threshold.held_on is None:
        found.append("Enter the date of the threshold discussion")
    if not case.threshold.reasons.strip():
        found.append("Enter why the threshold was not met")
    if not details.signatory.strip():
        found.append("Enter who signs the letter")
    return tuple(found)


def fill_letter(
    case: Case, details: LetterDetails, template: LetterTemplate, *, partnership: str, today: date
) -> ThresholdLetter:
    values = letter_values(case, details, template, partnership=partnership, today=today)

    def fill(text: str) -> str:
        return text.format_map(values).strip()

    referral = case.referral
    addressee = tuple(
        line
        for line in (
            referral.referrer_name.strip(),
            referral.referrer_role.strip(),
            referral.referrer_agency.strip(),
        )
        if line
    )
    paragraphs = tuple(p for p in (fill(text) for text in template.paragraphs) if p)
    return ThresholdLetter(
        title=fill(template.title),
        case_reference=case.reference,
        dated=today,
        addressee=addressee,
        salutation=fill(template.salutation),
        paragraphs=paragraphs,
        closing=fill(template.closing),
        signatory=values["signatory"],
        signatory_role=values["signatory_role"],
    )


def letter_notes(
    case: Case, details: LetterDetails | None = None, template: LetterTemplate | None = None
) -> tuple[str, ...]:
    """Things to check before sending that do not stop the letter being made, including the
    template's note on its usual next steps while they are used (no next steps written)."""
    notes: list[str] = []
    if case.referral.route is not ReferralRoute.PROFESSIONAL:
        source = case.referral.route.label.lower().removeprefix("referral by ")
        notes.append(
            f"The referral came from {source}: the letter is for professional referrers, so "
            "check it is the right way to reply."
        )
    uses_usual_steps = details is None or not details.next_steps.strip()
    if template is not None and template.default_next_steps_note and uses_usual_steps:
        notes.append(template.default_next_steps_note)
    return tuple(notes)
