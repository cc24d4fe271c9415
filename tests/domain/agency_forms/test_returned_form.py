"""Reading a returned Word form's values as answers, and matching it to its request."""

from __future__ import annotations

import pytest

from rrdesk.domain.agency_forms.check_form_answers import DateAnswer
from rrdesk.domain.agency_forms.form_matching import ReturnMismatchError, check_return_matches
from rrdesk.domain.agency_forms.returned_form import (
    ReadDocument,
    date_from_text,
    heading_key,
)
from rrdesk.domain.agency_forms.word_form_content import FormProperties


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        pytest.param("22 November 2026", DateAnswer("22", "11", "2026"), id="as the picker writes"),
        pytest.param("3rd Sept 2025", DateAnswer("3", "9", "2025"), id="ordinal, short month"),
        pytest.param("22/11/2026", DateAnswer("22", "11", "2026"), id="UK numeric"),
        pytest.param("2026-11-22", DateAnswer("22", "11", "2026"), id="ISO"),
        pytest.param("Enter a date.", DateAnswer(), id="the placeholder"),
        pytest.param("last spring", DateAnswer(day="last spring"), id="kept as typed"),
    ],
)
def test_dates_as_typed_in_word(typed: str, expected: DateAnswer) -> None:
    assert date_from_text(typed) == expected


def test_headings_match_whatever_was_done_to_spacing_case_and_end_marks() -> None:
    assert heading_key("  What went  WELL ? ") == heading_key("What went well?")


EXPECTED = FormProperties("RR-1", "Westbury Police", "RQ-AAAA2222", "form-1")


@pytest.mark.parametrize(
    ("found", "reason"),
    [
        pytest.param(
            FormProperties("RR-2", "Westbury Police", "RQ-AAAA2222", "form-1"),
            "This form is for Rapid Review RR-2, not RR-1.",
            id="another case",
        ),
        pytest.param(
            FormProperties("RR-1", "Westbury Schools", "RQ-AAAA2222", "form-1"),
            "This form is for Westbury Schools, not Westbury Police.",
            id="another agency",
        ),
        pytest.param(
            FormProperties("RR-1", "Westbury Police", "RQ-BBBB3333", "form-1"),
            "This form was sent for another request (RQ-BBBB3333), not this one (RQ-AAAA2222).",
            id="another request",
        ),
        pytest.param(
            FormProperties("RR-1", "Westbury Police", "RQ-AAAA2222", "form-0"),
            "This form is an older version",
            id="an older form version",
        ),
        pytest.param(FormProperties(), "is not an agency check form from rrdesk", id="not ours"),
    ],
)
def test_a_form_for_anything_else_is_refused_with_the_reason(
    found: FormProperties, reason: str
) -> None:
    with pytest.raises(ReturnMismatchError) as refused:
        check_return_matches(ReadDocument(found), EXPECTED)
    assert reason in refused.value.message


def test_a_blank_form_of_the_current_version_matches_any_request() -> None:
    check_return_matches(ReadDocument(FormProperties(form_version="form-1")), EXPECTED)


def test_an_emptied_agency_box_is_not_a_change_as_accepting_keeps_the_name() -> None:
    from pathlib import Path

    from rrdesk.domain.agency_forms.check_form import parse_form_definition
    from rrdesk.domain.agency_forms.form_matching import merged_answers, return_rows
    from rrdesk.domain.agency_forms.returned_form import FoundBy, ReadAnswers

    text = (Path(__file__).parents[3] / "forms" / "agency-check-form.toml").read_text("utf-8")
    form = parse_form_definition(text)
    current = {"agency": "Northmoor Primary School", "author": "Ann Example"}
    read = ReadAnswers(
        answers={"agency": "", "author": "Ann Example-Fictional"},
        found_by={"agency": FoundBy.CONTROL, "author": FoundBy.CONTROL},
        problems={},
    )

    rows = {row.question: row for row in return_rows(form, read, current)}

    assert rows["agency"].read == "Northmoor Primary School"
    assert not rows["agency"].changed
    assert rows["author"].changed
    assert merged_answers(current, read)["agency"] == "Northmoor Primary School"


def test_a_section_answered_in_a_returned_form_counts_as_confirmed_as_a_typed_one() -> None:
    from pathlib import Path

    from rrdesk.domain.agency_forms.check_form import parse_form_definition
    from rrdesk.domain.agency_forms.check_form_answers import SectionStatus, section_statuses
    from rrdesk.domain.agency_forms.form_matching import confirmed_after_return, merged_answers
    from rrdesk.domain.agency_forms.returned_form import FoundBy, ReadAnswers

    text = (Path(__file__).parents[3] / "forms" / "agency-check-form.toml").read_text("utf-8")
    form = parse_form_definition(text)
    typed = {"went_well": "The health visitor saw the family weekly."}
    current = {"agency": "Westbury Health", "involved": "yes", **typed}
    read = ReadAnswers(
        answers={"could_be_better": "The referral reached us two days late.", "prevention": ""},
        found_by={"could_be_better": FoundBy.HEADING, "prevention": FoundBy.CONTROL},
        problems={},
    )

    confirmed = confirmed_after_return(form, {"went_well"}, read)
    statuses = section_statuses(form, merged_answers(current, read), confirmed_sections=confirmed)

    assert confirmed == {"went_well", "could_be_better"}
    assert statuses["could_be_better"] is SectionStatus.COMPLETED
    assert statuses["went_well"] is SectionStatus.COMPLETED, "confirmed when typed, kept"
    assert statuses["prevention"] is SectionStatus.NOT_YET_STARTED
