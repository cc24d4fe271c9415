"""The letter to the referrer when the Serious Incident Notification threshold is not met.

Tower Hamlets step 7: "If the Serious Incident Notification threshold is not met, then the
referrer (if a professional) will receive a letter advising on next steps." The wording is the
partnership's, in ``forms/threshold-letter.toml``, with ``{placeholders}`` filled from the case.
A parent or member of the public who referred gets a letter of their own: about the child by
name (it goes to the family), in 12 pt, with no professional's next steps. Every letter carries
the partnership's contact details.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from datetime import date
from typing import Any

from rrdesk.domain.after_meeting.letter_greeting import greeting_name
from rrdesk.domain.cases.cases import Case, ReferralRoute
from rrdesk.domain.cases.partnership_contact import PartnershipContact
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date

PLACEHOLDERS: dict[str, str] = {
    "referrer_name": "the referrer's name as typed: 'Ms Corinne Wrenfield' (on the address)",
    "referrer_greeting": "how the letter greets the referrer: 'Ms Wrenfield' (after 'Dear')",
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
    "child": "the child by name: 'your child, Tamsin' to a parent (letters to families only)",
}

FAMILY_ROUTES = frozenset({ReferralRoute.PARENT, ReferralRoute.COMMUNITY})
"""Referrals from a parent or a member of the public: the letter goes to them, about the child
by name, in large print and without a professional's next steps."""
FAMILY_FONT_SIZE = 12.0

_FAMILY_TITLE = "The decision about your referral"
_FAMILY_PARAGRAPHS = (
    "Thank you for telling us on {referral_date} about your worries for {child}. Our reference "
    "is {case_reference}.",
    "On {threshold_date}, {participants} met to look at what happened and to decide whether it "
    "had to be reported to the national Child Safeguarding Practice Review Panel as a serious "
    "incident.",
    "They decided that it did not: {reasons}. This means there will not be a Rapid Review.",
    "This does not mean your worries were not taken seriously. We keep a record of this "
    "decision so that we can see whether the same things happen to other children, and we have "
    "told the agencies who work with {child}.",
    "If you would like to talk to us about this decision, or you have new information, please "
    "contact us using the details at the top of this letter.",
)


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
    family_title: str = _FAMILY_TITLE
    family_paragraphs: tuple[str, ...] = _FAMILY_PARAGRAPHS
    """The letter to a parent or member of the public: no professional's next steps."""


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
    contact: tuple[str, ...] = ()
    """The partnership's address, telephone and email, a line each (Partnership settings)."""
    font_size: float = 10.0
    """12 pt for a parent or member of the public."""


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
            family_title=str(data.get("family_title", _FAMILY_TITLE)),
            family_paragraphs=tuple(
                str(p).strip() for p in data.get("family_paragraphs", _FAMILY_PARAGRAPHS)
            ),
        )
    except KeyError as error:
        raise LetterTemplateError(f"The letter form needs '{error.args[0]}'") from None
    except TypeError:
        raise LetterTemplateError("'paragraphs' in the letter form must be a list") from None
    for part in (
        template.title,
        template.salutation,
        template.closing,
        *template.paragraphs,
        template.family_title,
        *template.family_paragraphs,
    ):
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


def for_family(case: Case) -> bool:
    """Whether the letter goes to a parent or a member of the public."""
    return case.referral.route in FAMILY_ROUTES


def _child_words(case: Case) -> str:
    """``your child, Tamsin Pryce`` to a parent; ``Tamsin Pryce`` to a member of the public."""
    names = [c.real_name.strip() for c in case.children if c.real_name.strip()]
    if not names:
        return ""
    named = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if case.referral.route is ReferralRoute.PARENT:
        return f"your {'child' if len(names) == 1 else 'children'}, {named}"
    return named


def letter_values(
    case: Case, details: LetterDetails, template: LetterTemplate, *, partnership: str, today: date
) -> dict[str, str]:
    referral = case.referral
    threshold = case.threshold
    return {
        "referrer_name": referral.referrer_name.strip() or "Sir or Madam",
        "referrer_greeting": greeting_name(referral.referrer_name) or "Sir or Madam",
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
        "child": _child_words(case) if for_family(case) else case.pseudonyms,
    }


def letter_problems(
    case: Case, details: LetterDetails, contact: PartnershipContact | None = None
) -> tuple[str, ...]:
    """What is missing before the letter can be sent, in plain words."""
    found: list[str] = []
    if contact is not None and not contact.recorded:
        found.append(
            "Enter the partnership's contact details under Partnership settings: every letter "
            "carries them"
        )
    if for_family(case) and not _child_words(case):
        found.append("Enter the child's name: the letter to the family names them")
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
    case: Case,
    details: LetterDetails,
    template: LetterTemplate,
    *,
    partnership: str,
    today: date,
    contact: PartnershipContact | None = None,
) -> ThresholdLetter:
    """The letter to the referrer: a professional's, or in large print and plain words, about
    the child by name and without a professional's next steps, to a parent or member of the
    public."""
    values = letter_values(case, details, template, partnership=partnership, today=today)
    family = for_family(case)

    def fill(text: str) -> str:
        return text.format_map(values).strip()

    referral = case.referral
    addressee = tuple(
        line
        for line in (
            referral.referrer_name.strip(),
            *(() if family else (referral.referrer_role.strip(), referral.referrer_agency.strip())),
        )
        if line
    )
    wording = template.family_paragraphs if family else template.paragraphs
    paragraphs = tuple(p for p in (fill(text) for text in wording) if p)
    return ThresholdLetter(
        title=fill(template.family_title if family else template.title),
        case_reference=case.reference,
        dated=today,
        addressee=addressee,
        salutation=fill(template.salutation),
        paragraphs=paragraphs,
        closing=fill(template.closing),
        signatory=values["signatory"],
        signatory_role=values["signatory_role"],
        contact=(partnership, *contact.lines) if contact is not None else (),
        font_size=FAMILY_FONT_SIZE if family else 10.0,
    )


def letter_notes(
    case: Case, details: LetterDetails | None = None, template: LetterTemplate | None = None
) -> tuple[str, ...]:
    """Things to check before sending that do not stop the letter being made, including the
    template's note on its usual next steps while they are used (no next steps written)."""
    notes: list[str] = []
    route = case.referral.route
    if for_family(case):
        source = route.label.lower().removeprefix("referral by ")
        notes.append(
            f"The referral came from {source}: the letter is written to them, in large print, "
            "about the child by name and without a professional's next steps. Read it through "
            "before it is sent."
        )
        return tuple(notes)
    if route is not ReferralRoute.PROFESSIONAL:
        source = route.label.lower().removeprefix("referral by ")
        notes.append(
            f"The referral came from {source}: the letter is for professional referrers, so "
            "check it is the right way to reply."
        )
    uses_usual_steps = details is None or not details.next_steps.strip()
    if template is not None and template.default_next_steps_note and uses_usual_steps:
        notes.append(template.default_next_steps_note)
    return tuple(notes)
