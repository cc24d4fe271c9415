"""Reading a returned form: every control as an author fills it, controls removed or deleted,
and the form's answers as rrdesk stores them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rrdesk.domain.agency_forms.check_form import FormDefinition, parse_form_definition
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.agency_forms.returned_form import FoundBy, read_answers
from rrdesk.domain.agency_forms.word_form_content import (
    FormProperties,
    WordFormContent,
    form_version,
)
from rrdesk.exports.word.check_form_document import build_check_form_document
from rrdesk.exports.word.form_reading import read_check_form_document
from rrdesk.exports.word.office_files import open_word_file
from tests.word_authoring import as_libreoffice_saves, encrypt, fill_form

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return parse_form_definition((ROOT / "forms" / "agency-check-form.toml").read_text("utf-8"))


@pytest.fixture(scope="module")
def blank(form: FormDefinition) -> bytes:
    properties = FormProperties("RR-2026-031", "Westbury Police", "RQ-ABCD2345", form_version(form))
    return build_check_form_document(WordFormContent("Northmoor", form, properties))


def test_every_kind_of_control_reads_back_as_answers(form: FormDefinition, blank: bytes) -> None:
    filled = fill_form(
        blank,
        {
            "agency": "Westbury Police",
            "completed_on": date(2026, 11, 20),
            "went_well": "The school raised the concern the same day.\nIt was followed up.",
            "themes_elsewhere": "Not known",
            "chronology": [["4 September 2024", "Officer", "Visit", "Referral"]],
        },
        ticks={"involved": "yes", "records_secured": "no"},
    )
    opened = open_word_file(encrypt(filled, "pass-word"), "back.docx", "pass-word")
    document = read_check_form_document(opened.docx, form)
    read = read_answers(form, document)

    assert opened.encrypted
    assert document.properties.request_id == "RQ-ABCD2345"
    assert read.answers["completed_on"] == DateAnswer("20", "11", "2026")
    assert read.answers["went_well"] == (
        "The school raised the concern the same day.\nIt was followed up."
    )
    assert read.answers["involved"] == "yes"
    assert read.answers["records_secured"] == "no"
    assert read.answers["themes_elsewhere"] == "not_known"
    assert read.answers["chronology"] == (
        ChronologyRow(DateAnswer("4", "9", "2024"), "Officer", "Visit", "Referral"),
    )
    assert read.answers["author"] == ""  # the placeholder is not an answer
    assert set(read.found_by.values()) == {FoundBy.CONTROL}


def test_answers_are_found_under_their_questions_when_controls_are_gone(
    form: FormDefinition, blank: bytes
) -> None:
    filled = fill_form(
        blank,
        {"went_well": "Quick sharing.", "themes": "Neglect"},
        remove_controls=["went_well"],
        delete_and_retype={"could_be_better": "Earlier visits.", "prevention": "Training."},
    )
    document = read_check_form_document(filled, form)
    read = read_answers(form, document)

    assert read.found_by["went_well"] is FoundBy.HEADING
    assert read.answers["went_well"] == "Quick sharing."
    assert read.answers["could_be_better"] == "Earlier visits."
    assert read.answers["prevention"] == "Training."
    assert read.found_by["themes"] is FoundBy.CONTROL


def test_a_form_saved_by_libreoffice_is_read_under_its_questions(
    form: FormDefinition, blank: bytes
) -> None:
    filled = fill_form(
        blank,
        {"went_well": "Quick sharing.", "records_checked": "The crime system."},
    )
    document = read_check_form_document(as_libreoffice_saves(filled, "involved"), form)
    read = read_answers(form, document)

    assert read.answers["involved"] == "yes"
    assert read.answers["records_checked"] == "The crime system."
    assert read.answers["went_well"] == "Quick sharing."
    assert read.answers["author"] == ""
    assert read.answers["records_secured"] == ""
    assert set(read.found_by.values()) == {FoundBy.HEADING}


def test_both_boxes_ticked_is_no_answer_and_says_why(form: FormDefinition, blank: bytes) -> None:
    both = fill_form(blank, {}, ticks={"involved": "yes"})
    both = fill_form(both, {}, ticks={"involved": "no"})
    read = read_answers(form, read_check_form_document(both, form))
    assert read.answers["involved"] == ""
    assert read.problems["involved"] == "Both Yes and No are ticked"


def test_a_word_document_that_is_not_an_rrdesk_form_has_no_properties(form: FormDefinition) -> None:
    import io

    import docx

    out = io.BytesIO()
    other = docx.Document()
    other.add_paragraph("Our own form")
    other.save(out)
    document = read_check_form_document(out.getvalue(), form)
    assert not document.has_properties
