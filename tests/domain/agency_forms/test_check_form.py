"""Parsing the agency check form definition; a broken file is refused with the line and reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rrdesk.domain.agency_forms.check_form import (
    Condition,
    FormDefinitionError,
    QuestionKind,
    parse_form_definition,
)
from rrdesk.resource_files import form

MINIMAL = """\
title = "Agency check form"

[[section]]
key = "about"
title = "About your agency"

[[section.question]]
key = "agency"
label = "Name of the agency"
kind = "text"
required = true
error_required = "Enter the name of the agency"

[[section]]
key = "involvement"
title = "Involvement"

[[section.question]]
key = "involved"
label = "Was your agency involved?"
kind = "yes_no"
required = true

[[section]]
key = "story"
title = "What went well"
required_if = { question = "involved", answer = "yes" }

[[section.question]]
key = "went_well"
label = "What went well?"
kind = "narrative"
required = true
"""


def test_minimal_form() -> None:
    definition = parse_form_definition(MINIMAL)
    assert definition.title == "Agency check form"
    assert [s.key for s in definition.sections] == ["about", "involvement", "story"]
    assert definition.question("involved").kind is QuestionKind.YES_NO
    assert [o.value for o in definition.question("involved").options] == ["yes", "no"]
    assert definition.section("story").required_if == Condition("involved", "yes")
    assert definition.section("story").has_narrative
    assert not definition.section("about").has_narrative
    assert definition.section_of("went_well").key == "story"


def test_shipped_form_covers_the_issue() -> None:
    definition = parse_form_definition(form("agency-check-form.toml").read_text(encoding="utf-8"))
    keys = {q.key for s in definition.sections for q in s.questions}
    assert {
        "agency",
        "author",
        "role",
        "contact",
        "completed_on",
        "involved",
        "involved_from",
        "chronology",
        "went_well",
        "could_be_better",
        "prevention",
        "practice_episodes",
        "lived_experience",
        "themes",
        "themes_elsewhere",
        "immediate_actions",
        "records_secured",
        "records_secured_on",
    } <= keys
    assert "racism" in definition.question("lived_experience").hint
    assert definition.question("chronology").kind is QuestionKind.CHRONOLOGY
    assert definition.question("agency").required_message == "Enter the name of the agency"


BROKEN = {
    "not TOML": (MINIMAL.replace('kind = "text"', 'kind = "text'), 10, "not valid TOML"),
    "unknown kind": (
        MINIMAL.replace('kind = "narrative"', 'kind = "essay"'),
        32,
        "Kind 'essay' is not one of",
    ),
    "missing label": (
        MINIMAL.replace('label = "What went well?"\n', ""),
        29,
        "Label is missing",
    ),
    "unknown setting": (
        MINIMAL.replace("required = true\nerror_required", "requird = true\nerror_required"),
        11,
        "Unknown setting 'requird'",
    ),
    "question key used twice": (
        MINIMAL.replace('key = "went_well"', 'key = "agency"'),
        30,
        "Question key 'agency' is used twice",
    ),
    "condition on a later question": (
        MINIMAL.replace('question = "involved"', 'question = "went_well"'),
        27,
        "depends on 'went_well'",
    ),
    "condition with an impossible answer": (
        MINIMAL.replace('answer = "yes"', 'answer = "maybe"'),
        27,
        "not one of its answers",
    ),
    "section without questions": (
        MINIMAL[: MINIMAL.index('[[section.question]]\nkey = "went_well"')],
        24,
        "has no questions",
    ),
    "choice without options": (
        MINIMAL.replace('kind = "yes_no"', 'kind = "choice"'),
        18,
        "Options must be a list",
    ),
}


@pytest.mark.parametrize(("text", "line", "reason"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_form_is_refused_with_line_and_reason(text: str, line: int, reason: str) -> None:
    with pytest.raises(FormDefinitionError) as caught:
        parse_form_definition(text)
    assert caught.value.line == line
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"Line {line}: ")


def test_form_without_sections_is_refused() -> None:
    with pytest.raises(FormDefinitionError, match="no sections"):
        parse_form_definition('title = "Agency check form"\n')


def test_form_without_title_is_refused() -> None:
    with pytest.raises(FormDefinitionError, match="title is missing"):
        parse_form_definition(MINIMAL.replace('title = "Agency check form"', ""))


SHIPPED = form("agency-check-form.toml").read_text(encoding="utf-8")


def outcome(text: str) -> str:
    """ "used", or the plain reason the form was refused; any other error fails the test."""
    try:
        parse_form_definition(text)
    except FormDefinitionError as error:
        return error.reason
    return "used"


@pytest.mark.parametrize("line", range(len(SHIPPED.splitlines())))
def test_any_line_deleted_is_used_or_refused_plainly(line: int) -> None:
    lines = SHIPPED.splitlines()
    assert outcome("\n".join(lines[:line] + lines[line + 1 :]))


@given(st.text())
def test_any_text_is_used_or_refused_plainly(text: str) -> None:
    assert outcome(text)


@given(st.lists(st.sampled_from(SHIPPED.splitlines()), max_size=60))
def test_shuffled_lines_are_used_or_refused_plainly(lines: list[str]) -> None:
    assert outcome("\n".join(lines))


def test_a_section_hint_that_is_not_text_is_refused_with_its_line() -> None:
    from rrdesk.domain.agency_forms.check_form import FormDefinitionError, parse_form_definition

    text = """title = "Form"
[[section]]
key = "about"
title = "About"
hint = 0
[[section.question]]
key = "agency"
label = "Agency"
kind = "text"
"""
    with pytest.raises(FormDefinitionError, match=r"^Line 5: Hint must be text in quotes"):
        parse_form_definition(text)
