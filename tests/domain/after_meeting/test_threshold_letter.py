"""The letter to the referrer: its form, its placeholders and what must be recorded first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from rrdesk.domain.after_meeting.threshold_letter import (
    LetterDetails,
    LetterTemplateError,
    fill_letter,
    letter_notes,
    letter_problems,
    parse_letter_template,
)
from rrdesk.domain.cases.cases import Case, Referral, ReferralRoute, ThresholdDiscussion
from rrdesk.domain.cases.partnership_contact import PartnershipContact
from rrdesk.resource_files import form
from tests.domain.after_meeting.learning_samples import sample_case

TODAY = date(2026, 11, 22)


def _case() -> Case:
    return replace(
        sample_case(),
        referral=Referral(
            referrer_name="Gethin ap Rhys",
            referrer_role="Lead Named Nurse",
            referrer_agency="Northmoor General Hospital",
            referral_date=date(2026, 10, 20),
        ),
        threshold=ThresholdDiscussion(
            date(2026, 10, 23), "Local authority, police and health", False, "An accident."
        ),
    )


def test_the_shipped_form_fills_in() -> None:
    template = parse_letter_template(form("threshold-letter.toml").read_text(encoding="utf-8"))
    letter = fill_letter(
        _case(),
        LetterDetails("", "Harriet Vale", "Rapid Review Chair"),
        template,
        partnership="Northmoor",
        today=TODAY,
    )
    text = " ".join(letter.paragraphs)
    assert letter.salutation == "Dear Gethin ap Rhys,"
    assert "20 October 2026 about Child T" in text
    assert "threshold is not met: an accident." in text
    assert "local authority, police and health met" in text
    assert f"Next steps: {template.default_next_steps}" in text
    assert letter.addressee == (
        "Gethin ap Rhys",
        "Lead Named Nurse",
        "Northmoor General Hospital",
    )
    assert "Tamsin" not in text + letter.title


def test_a_referrer_with_a_title_is_greeted_by_title_and_surname_and_addressed_in_full() -> None:
    template = parse_letter_template(form("threshold-letter.toml").read_text(encoding="utf-8"))
    case = replace(_case(), referral=replace(_case().referral, referrer_name="Dr Siân Ó Briain"))
    letter = fill_letter(case, LetterDetails("", "HV"), template, partnership="N", today=TODAY)
    assert letter.salutation == "Dear Dr Ó Briain,"
    assert letter.addressee[0] == "Dr Siân Ó Briain"


def test_a_partnerships_own_wording_may_still_greet_the_referrer_by_the_name_as_typed() -> None:
    template = parse_letter_template(
        "title='Your referral'\nsalutation='Dear {referrer_name},'\nparagraphs=['{reasons}.']\n"
        "closing='Yours sincerely,'"
    )
    case = replace(_case(), referral=replace(_case().referral, referrer_name="Ms Ada Example"))
    letter = fill_letter(case, LetterDetails("", "HV"), template, partnership="N", today=TODAY)
    assert letter.salutation == "Dear Ms Ada Example,"


@pytest.mark.parametrize("placeholder", ["{referrer_greeting}", "{referrer_name}"])
def test_a_letter_without_the_referrers_name_greets_sir_or_madam(placeholder: str) -> None:
    template = parse_letter_template(
        f"title='x'\nsalutation='Dear {placeholder},'\nparagraphs=[]\nclosing='x'"
    )
    case = replace(_case(), referral=replace(_case().referral, referrer_name="  "))
    letter = fill_letter(case, LetterDetails("", "HV"), template, partnership="N", today=TODAY)
    assert letter.salutation == "Dear Sir or Madam,"


def test_the_coordinator_can_write_the_next_steps() -> None:
    template = parse_letter_template(form("threshold-letter.toml").read_text(encoding="utf-8"))
    letter = fill_letter(
        _case(), LetterDetails("Talk to the school.", "HV"), template, partnership="N", today=TODAY
    )
    assert "Next steps: Talk to the school." in letter.paragraphs


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("title = ", "not valid TOML", id="bad TOML"),
        pytest.param("title = 'x'", "needs 'salutation'", id="missing key"),
        pytest.param(
            "title='x'\nsalutation='Dear {name}'\nparagraphs=[]\nclosing='x'",
            r"\{name\}",
            id="unknown placeholder",
        ),
        pytest.param(
            "title='x'\nsalutation='Dear {referrer_name'\nparagraphs=[]\nclosing='x'",
            "not closed",
            id="open brace",
        ),
    ],
)
def test_broken_forms_are_refused(text: str, message: str) -> None:
    with pytest.raises(LetterTemplateError, match=message):
        parse_letter_template(text)


def test_problems_before_the_letter() -> None:
    case = replace(sample_case(), threshold=ThresholdDiscussion(None, "", None, ""))
    assert letter_problems(case, LetterDetails()) == (
        "Record that the threshold was not met",
        "Enter the referrer's name",
        "Enter the date of the threshold discussion",
        "Enter why the threshold was not met",
        "Enter who signs the letter",
    )
    assert letter_problems(_case(), LetterDetails(signatory="HV")) == ()


def test_a_family_referral_gets_a_note_but_not_a_block() -> None:
    assert letter_notes(_case()) == ()
    parent = replace(_case(), referral=replace(_case().referral, route=ReferralRoute.PARENT))
    (note,) = letter_notes(parent)
    assert note.startswith("The referral came from a parent: the letter is written to them")
    assert letter_problems(parent, LetterDetails(signatory="HV")) == ()


CONTACT = PartnershipContact(
    ("Northmoor Town Hall", "Northmoor NM1 1AA"), "01632 960000", "p@n.example"
)


def _family_letter(route: ReferralRoute):  # type: ignore[no-untyped-def]
    case = replace(
        _case(),
        referral=replace(_case().referral, route=route, referrer_name="Mrs Carys Pryce"),
    )
    template = parse_letter_template(form("threshold-letter.toml").read_text(encoding="utf-8"))
    return fill_letter(
        case,
        LetterDetails("Talk to the school.", "Harriet Vale", "Rapid Review Chair"),
        template,
        partnership="Northmoor",
        today=TODAY,
        contact=CONTACT,
    )


def test_a_parent_gets_a_letter_about_their_child_by_name_in_large_print() -> None:
    letter = _family_letter(ReferralRoute.PARENT)
    text = " ".join(letter.paragraphs)
    assert letter.salutation == "Dear Mrs Pryce,"
    assert letter.addressee == ("Mrs Carys Pryce",)  # no role or agency
    assert "your worries for your child, Tamsin Quellyn-Fictional." in text
    assert "Child T" not in text
    assert "Next steps" not in text
    assert "Talk to the school." not in text
    assert "Rapid Review Chair know the outcome" not in text
    assert letter.font_size == 12
    assert "Tamsin" not in letter.title  # the title goes into the file's footers and metadata
    assert letter.contact == (
        "Northmoor",
        "Northmoor Town Hall",
        "Northmoor NM1 1AA",
        "Telephone 01632 960000",
        "Email p@n.example",
    )


def test_a_member_of_the_public_gets_the_family_letter_naming_the_child() -> None:
    letter = _family_letter(ReferralRoute.COMMUNITY)
    text = " ".join(letter.paragraphs)
    assert "your worries for Tamsin Quellyn-Fictional." in text
    assert letter.font_size == 12


def test_a_professional_letter_carries_the_contact_details_at_10_pt() -> None:
    template = parse_letter_template(form("threshold-letter.toml").read_text(encoding="utf-8"))
    letter = fill_letter(
        _case(), LetterDetails("", "HV"), template, partnership="N", today=TODAY, contact=CONTACT
    )
    assert letter.contact[1:] == CONTACT.lines
    assert letter.font_size == 10


def test_no_letter_without_the_partnerships_contact_details_or_the_childs_name() -> None:
    parent = replace(
        _case(),
        referral=replace(_case().referral, route=ReferralRoute.PARENT),
        children=(replace(_case().children[0], real_name=""),),
    )
    assert letter_problems(parent, LetterDetails(signatory="HV"), PartnershipContact()) == (
        "Enter the partnership's contact details under Partnership settings: every letter "
        "carries them",
        "Enter the child's name: the letter to the family names them",
    )
