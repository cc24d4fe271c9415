"""A returned form with comments: one Word comment per finding, anchored on exactly its words,
and the reasons at the top."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from rrdesk.domain.agency_forms.check_form import FormDefinition, parse_form_definition
from rrdesk.domain.agency_forms.word_form_content import (
    FormProperties,
    WordFormContent,
    form_version,
)
from rrdesk.exports.word.check_form_document import build_check_form_document
from rrdesk.exports.word.comments_document import WordComment, add_comments
from tests.word_authoring import fill_form

ROOT = Path(__file__).resolve().parents[3]
ANSWER = "The SW visited. Later the SW and the DSL met."


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return parse_form_definition((ROOT / "forms" / "agency-check-form.toml").read_text("utf-8"))


def _anchored(data: bytes) -> dict[str, str]:
    """Each comment's text and the words between its range markers."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    words: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for element in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(element.get(qn("w:id")))
            words[element.get(qn("w:id"))] = []
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(element.get(qn("w:id")))
        else:
            for comment_id in open_ids:
                words[comment_id].append(element.text or "")
    return {c.text: "".join(words[str(c.comment_id)]) for c in document.comments}


def test_each_comment_is_on_its_own_words_across_split_runs(form: FormDefinition) -> None:
    properties = FormProperties("RR-1", "Police", "RQ-1", form_version(form))
    blank = build_check_form_document(WordFormContent("Northmoor", form, properties))
    filled = fill_form(
        blank,
        {"went_well": ANSWER, "prevention": "Nothing to add."},
        remove_controls=["prevention"],
    )
    comments = [
        WordComment("went_well", "SW", "'SW': write 'social worker'", occurrence=0),
        WordComment("went_well", "SW", "'SW' again: write 'social worker'", occurrence=1),
        WordComment("went_well", "DSL", "'DSL': write 'designated safeguarding lead'"),
        WordComment("prevention", "gone", "'gone': this word is no longer there"),
    ]

    data, on_words = add_comments(
        filled,
        form,
        comments,
        title="Returned for more information on 22 November 2026",
        reasons=["It uses acronyms: write each term out in full."],
        author="Priya Test-Coordinator",
    )

    assert on_words == 3
    anchored = _anchored(data)
    assert anchored["'SW': write 'social worker'"] == "SW"
    assert anchored["'SW' again: write 'social worker'"] == "SW"
    assert anchored["'DSL': write 'designated safeguarding lead'"] == "DSL"
    assert "'gone': 'gone': this word is no longer there" in anchored
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == "Returned for more information on 22 November 2026"
    assert document.paragraphs[1].text == "It uses acronyms: write each term out in full."
    (answer,) = [
        sdt
        for sdt in document.element.body.iter(qn("w:sdt"))
        if sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}").get(qn("w:val")) == "went_well"
    ]
    assert "".join(t.text for t in answer.iter(qn("w:t"))) == ANSWER  # split, not changed
    assert {c.author for c in document.comments} == {"Priya Test-Coordinator"}


def test_a_form_saved_by_libreoffice_gets_its_comments_and_reasons(form: FormDefinition) -> None:
    properties = FormProperties("RR-1", "Police", "RQ-1", form_version(form))
    blank = build_check_form_document(WordFormContent("Northmoor", form, properties))
    document = docx.Document(io.BytesIO(fill_form(blank, {"went_well": ANSWER})))
    for name in document.styles.element.iter(qn("w:name")):  # 'Heading 1', as LibreOffice has it
        if name.get(qn("w:val")).startswith("heading "):
            name.set(qn("w:val"), name.get(qn("w:val")).capitalize())
    saved = io.BytesIO()
    document.save(saved)

    data, on_words = add_comments(
        saved.getvalue(),
        form,
        [WordComment("went_well", "DSL", "'DSL': write 'designated safeguarding lead'")],
        title="Returned for more information on 22 November 2026",
        reasons=["It uses acronyms: write each term out in full."],
        author="Priya Test-Coordinator",
    )

    assert on_words == 1
    back = docx.Document(io.BytesIO(data))
    assert back.paragraphs[0].text == "Returned for more information on 22 November 2026"
    assert back.paragraphs[0].style is not None
    assert back.paragraphs[0].style.style_id == "Heading1"
    assert back.paragraphs[1].text == "It uses acronyms: write each term out in full."
