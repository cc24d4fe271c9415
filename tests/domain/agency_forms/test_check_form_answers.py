"""Answers to the agency check form: GOV.UK messages, task list statuses, check your answers."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.agency_forms.check_form import FormDefinition, parse_form_definition
from rrdesk.domain.agency_forms.check_form_answers import (
    NOT_ANSWERED,
    AnswerError,
    ChronologyRow,
    DateAnswer,
    SectionStatus,
    form_is_complete,
    meaningful_answers,
    section_status,
    section_statuses,
    summary_rows,
    validate_question,
    validate_section,
)
from rrdesk.resource_files import form

TODAY = date(2026, 11, 22)
NARRATIVE_SECTIONS = (
    "chronology",
    "went_well",
    "could_be_better",
    "prevention",
    "practice_episodes",
    "lived_experience",
    "themes",
    "immediate_actions",
)


@pytest.fixture(scope="module")
def definition() -> FormDefinition:
    return parse_form_definition(form("agency-check-form.toml").read_text(encoding="utf-8"))


ABOUT = {
    "agency": "Northfield Primary School",
    "author": "Amira Shah",
    "role": "Designated safeguarding lead",
    "contact": "01632 960 123",
    "completed_on": DateAnswer("20", "11", "2026"),
}
FULL = {
    **ABOUT,
    "involved": "yes",
    "involved_from": DateAnswer("4", "9", "2024"),
    "chronology": (
        ChronologyRow(
            DateAnswer("12", "3", "2026"),
            "Class teacher and T",
            "Bruising seen on T's arm",
            "Told the designated safeguarding lead",
        ),
    ),
    "went_well": "The teacher noticed and acted the same day.",
    "could_be_better": "The referral could have been made sooner.",
    "prevention": "Training on sharing concerns at once.",
    "practice_episodes": "The decision on 12 March not to refer.",
    "lived_experience": "T often came to school hungry.",
    "themes": "Neglect and missed signs of hunger.",
    "themes_elsewhere": "not_known",
    "immediate_actions": "All staff reminded of the referral route.",
    "other_children": "no",
    "own_processes": "no",
    "records_secured": "yes",
    "records_secured_on": date(2026, 11, 18),
}


QUESTION_ERRORS = {
    "empty agency": ("agency", {}, "Enter the name of the agency"),
    "blank agency": ("agency", {"agency": "   "}, "Enter the name of the agency"),
    "agency too long": ("agency", {"agency": "x" * 501}, "must be 500 characters or fewer"),
    "no date": ("completed_on", {}, "Enter the date you completed the form"),
    "date without a month": (
        "completed_on",
        {"completed_on": DateAnswer("20", "", "2026")},
        "must include a month",
    ),
    "date in the future": (
        "completed_on",
        {"completed_on": DateAnswer("1", "1", "2027")},
        "The date you completed the form must be today or in the past",
    ),
    "involvement not chosen": (
        "involved",
        {},
        "Select yes if your agency was involved with the child or family",
    ),
    "nil return without records checked": (
        "records_checked",
        {"involved": "no"},
        "Enter which records you checked",
    ),
    "records secured with no date": (
        "records_secured_on",
        {"records_secured": "yes"},
        "Enter the date the records were secured",
    ),
    "an email address cut short": (
        "contact",
        {"contact": "01632 960555 or jo.bloggs@"},
        "Enter an email address in the correct format, like name@example.com",
    ),
    "choice not one of the options": (
        "themes_elsewhere",
        {"themes_elsewhere": "perhaps"},
        "Select whether these themes are coming up in other cases",
    ),
}


@pytest.mark.parametrize(
    ("key", "answers", "message"), QUESTION_ERRORS.values(), ids=QUESTION_ERRORS.keys()
)
def test_question_errors(
    definition: FormDefinition, key: str, answers: dict[str, object], message: str
) -> None:
    errors = validate_question(definition.question(key), answers, today=TODAY)
    assert len(errors) == 1
    assert message in errors[0].message
    assert errors[0].field == key


@pytest.mark.parametrize(
    ("key", "answers"),
    [
        ("records_checked", {"involved": "yes"}),
        ("records_secured_on", {"records_secured": "no"}),
        ("involved_to", {}),
        ("completed_on", {"completed_on": date(2026, 11, 22)}),
        ("completed_on", {"completed_on": "2026-11-01"}),
        ("contact", {"contact": "01632 960555 or jo.bloggs@northmoor.example."}),
    ],
    ids=[
        "records checked only for a nil return",
        "no date when records not secured",
        "optional end date",
        "a date object",
        "an ISO date",
        "a telephone number and an email address",
    ],
)
def test_no_error(definition: FormDefinition, key: str, answers: dict[str, object]) -> None:
    assert validate_question(definition.question(key), answers, today=TODAY) == ()


def test_chronology_rows_are_checked_box_by_box(definition: FormDefinition) -> None:
    answers = {
        "chronology": (
            ChronologyRow(DateAnswer("12", "3", "2026"), "Nurse", "Home visit", ""),
            ChronologyRow(),
            ChronologyRow(DateAnswer("31", "2", "2026"), "", "Phone call", ""),
            ChronologyRow("", "Teacher", "", ""),
        )
    }
    errors = validate_question(definition.question("chronology"), answers, today=TODAY)
    assert [(e.field, e.message) for e in errors] == [
        ("chronology.3.date", "The date of entry 3 must be a real date"),
        ("chronology.3.who", "Enter who was involved in entry 3"),
        ("chronology.4.date", "Enter the date of entry 4"),
        ("chronology.4.what_happened", "Enter what happened in entry 4"),
    ]


def test_empty_chronology_is_required(definition: FormDefinition) -> None:
    answers = {"involved": "yes", "chronology": (ChronologyRow(),)}
    assert validate_question(definition.question("chronology"), answers) == (
        AnswerError(
            "chronology", "chronology", "Add at least one significant contact", missing=True
        ),
    )


def test_validate_section(definition: FormDefinition) -> None:
    errors = validate_section(definition, "about", {"agency": "School"}, today=TODAY)
    assert [e.message for e in errors] == [
        "Enter your full name",
        "Enter your role",
        "Enter a telephone number or email address",
        "Enter the date you completed the form",
    ]


def test_statuses_of_a_new_form(definition: FormDefinition) -> None:
    statuses = section_statuses(definition, {})
    assert set(statuses.values()) == {
        SectionStatus.NOT_YET_STARTED,
        SectionStatus.CANNOT_START_YET,
    }
    assert statuses["about"] is SectionStatus.NOT_YET_STARTED
    assert statuses["went_well"] is SectionStatus.CANNOT_START_YET  # until involvement is answered
    assert not form_is_complete(definition, {})


def test_statuses_move_from_started_to_completed(definition: FormDefinition) -> None:
    about = definition.section("about")
    assert section_status(about, {"agency": "School"}) is SectionStatus.IN_PROGRESS
    assert section_status(about, ABOUT, today=TODAY) is SectionStatus.COMPLETED
    bad_date = {**ABOUT, "completed_on": DateAnswer("40", "1", "2026")}
    assert section_status(about, bad_date) is SectionStatus.THERE_IS_A_PROBLEM


def test_narrative_sections_need_the_author_to_say_they_are_done(
    definition: FormDefinition,
) -> None:
    went_well = definition.section("went_well")
    assert section_status(went_well, FULL) is SectionStatus.IN_PROGRESS
    assert section_status(went_well, FULL, confirmed=True) is SectionStatus.COMPLETED


def test_a_full_form_is_complete(definition: FormDefinition) -> None:
    assert not form_is_complete(definition, FULL, today=TODAY)
    assert form_is_complete(definition, FULL, confirmed_sections=NARRATIVE_SECTIONS, today=TODAY)


def test_a_nil_return_needs_only_the_agency_and_the_records_checked(
    definition: FormDefinition,
) -> None:
    nil_return = {**ABOUT, "involved": "no", "records_checked": "The school's pupil records."}
    statuses = section_statuses(
        definition, nil_return, confirmed_sections={"involvement"}, today=TODAY
    )
    assert statuses["about"] is SectionStatus.COMPLETED
    assert statuses["involvement"] is SectionStatus.COMPLETED
    assert all(
        status is SectionStatus.NOT_NEEDED
        for key, status in statuses.items()
        if key not in ("about", "involvement")
    )
    assert form_is_complete(definition, nil_return, confirmed_sections={"involvement"})
    assert validate_section(definition, "went_well", nil_return) == ()


def test_check_your_answers_rows(definition: FormDefinition) -> None:
    rows = {row.question: row for row in summary_rows(definition, FULL)}
    assert rows["agency"].value == "Northfield Primary School"
    assert rows["completed_on"].value == "20 November 2026"
    assert rows["involved"].value == "Yes"
    assert rows["themes_elsewhere"].value == "Not known"
    assert rows["records_secured_on"].value == "18 November 2026"
    assert rows["chronology"].value == (
        "12 March 2026 \u2014 Class teacher and T \u2014 Bruising seen on T's arm \u2014 "
        "Told the designated safeguarding lead"
    )
    assert rows["involved_to"].value == NOT_ANSWERED
    assert not rows["involved_to"].answered
    assert "records_checked" not in rows  # asked only for a nil return
    assert "themes_elsewhere_detail" not in rows
    assert rows["went_well"].section == "went_well"


def test_check_your_answers_for_a_nil_return(definition: FormDefinition) -> None:
    nil_return = {**ABOUT, "involved": "no", "records_checked": "Pupil records."}
    assert [row.question for row in summary_rows(definition, nil_return)] == [
        "agency",
        "author",
        "role",
        "contact",
        "completed_on",
        "involved",
        "records_checked",
    ]


def test_a_half_typed_chronology_row_is_in_progress_not_a_problem(
    definition: FormDefinition,
) -> None:
    section = definition.section("chronology")
    half = {"involved": "yes", "chronology": (ChronologyRow(DateAnswer("12", "3", "2026")),)}
    assert section_status(section, half) is SectionStatus.IN_PROGRESS
    wrong = {"involved": "yes", "chronology": (ChronologyRow(DateAnswer("32", "3", "2026")),)}
    assert section_status(section, wrong) is SectionStatus.THERE_IS_A_PROBLEM
    whole = {
        "involved": "yes",
        "chronology": (ChronologyRow(DateAnswer("12", "3", "2026"), "Nurse", "Home visit"),),
    }
    assert section_status(section, whole, confirmed=True) is SectionStatus.COMPLETED


def test_blank_answers_are_left_out_when_comparing() -> None:
    contact = ChronologyRow(DateAnswer("3", "11", "2026"), "School nurse", "Home visit", "Referral")
    kept = {"involved": "yes", "contacts": (contact,)}
    with_blanks = {
        **kept,
        "involved_to": DateAnswer(),
        "notes": "   ",
        "contacts": (contact, ChronologyRow()),
        "episodes": (),
    }
    assert meaningful_answers(with_blanks) == meaningful_answers(kept)
    assert meaningful_answers({**kept, "involved": "no"}) != meaningful_answers(kept)
    assert meaningful_answers({**kept, "involved_to": DateAnswer("1", "", "")}) != (
        meaningful_answers(kept)
    )


def test_working_together_immediate_safety_other_children_and_the_agency_own_processes(
    definition: FormDefinition,
) -> None:
    """Working Together 2023, chapter 5: a rapid review asks whether action is needed now to
    keep children safe (other children in the household, brothers and sisters) and takes
    account of other processes running beside it (the agency's own)."""
    at_risk = {**FULL, "other_children": "yes", "own_processes": "yes"}
    for key, section, message in (
        (
            "other_children_detail",
            "other_children",
            "Enter which children may be at risk and what is being done to keep them safe",
        ),
        (
            "own_processes_detail",
            "own_processes",
            "Enter what your agency's own review or investigation is and when it should finish",
        ),
    ):
        assert [e.message for e in validate_section(definition, section, at_risk)] == [message]
        assert definition.question(key).kind.value == "narrative"  # checked for acronyms
    unanswered = {k: v for k, v in FULL.items() if k not in ("other_children", "own_processes")}
    assert [e.message for e in validate_section(definition, "other_children", unanswered)] == [
        "Select whether other children may be at risk now"
    ]
    assert definition.section("own_processes").title == "Your agency's own processes"
