"""The agency check form as a Word document: what the agency sees and what rrdesk reads back."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from rrdesk.domain.agency_forms.check_form import (
    FormDefinition,
    QuestionKind,
    parse_form_definition,
)
from rrdesk.domain.agency_forms.word_form_content import (
    FormProperties,
    WordFormContent,
    form_version,
)
from rrdesk.exports.word.check_form_document import build_check_form_document
from rrdesk.exports.word.document_properties import form_properties

ROOT = Path(__file__).resolve().parents[3]
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
PARTNERSHIP = "Northmoor Safeguarding Children Partnership"


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return parse_form_definition((ROOT / "forms" / "agency-check-form.toml").read_text("utf-8"))


def _content(
    form: FormDefinition, identifying: tuple[tuple[str, str], ...] = ()
) -> WordFormContent:
    return WordFormContent(
        partnership=PARTNERSHIP,
        form=form,
        properties=FormProperties(
            "RR-2026-031", "Westbury Police", "RQ-ABCD2345", form_version(form)
        ),
        due_on=date(2026, 12, 2),
        identifying=identifying,
    )


def _controls(document: docx.document.Document) -> dict[str, object]:
    found = {}
    for sdt in document.element.body.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        found[tag.get(qn("w:val"))] = sdt
    return found


def test_every_question_has_an_answer_control_tagged_with_its_key(form: FormDefinition) -> None:
    document = docx.Document(io.BytesIO(build_check_form_document(_content(form))))
    controls = _controls(document)
    for section in form.sections:
        for question in section.questions:
            properties = None
            if question.kind is QuestionKind.YES_NO:
                for option in question.options:
                    box = controls[f"{question.key}.{option.value}"]
                    assert box.find(f"{qn('w:sdtPr')}/{W14}checkbox") is not None
                continue
            properties = controls[question.key].find(qn("w:sdtPr"))
            if question.kind is QuestionKind.CHOICE:
                items = properties.findall(f"{qn('w:dropDownList')}/{qn('w:listItem')}")
                assert [i.get(qn("w:value")) for i in items] == [o.value for o in question.options]
            elif question.kind is QuestionKind.DATE:
                assert properties.find(qn("w:date")) is not None
            elif question.kind is QuestionKind.CHRONOLOGY:
                assert controls[question.key].find(f".//{qn('w:tbl')}") is not None


def test_the_marking_case_instructions_and_hints_are_there_to_read(form: FormDefinition) -> None:
    document = docx.Document(io.BytesIO(build_check_form_document(_content(form))))
    section = document.sections[0]
    assert section.header.paragraphs[0].text.startswith("OFFICIAL-SENSITIVE")
    assert PARTNERSHIP in section.header.paragraphs[0].text
    assert "OFFICIAL-SENSITIVE: Rapid Review RR-2026-031" in section.footer.paragraphs[0].text
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Wednesday 2 December 2026" in cells
    assert "Westbury Police" in cells
    assert "do not use acronyms" in text
    assert "A nil return is a valid answer" in text
    assert "Do not copy or paste from case notes" in text
    for question in form.sections[0].questions:
        assert question.label in text
        assert question.hint in text
    assert "Who it is about" not in text


def test_identifying_details_appear_only_when_given_and_properties_are_hidden(
    form: FormDefinition,
) -> None:
    content = _content(form, (("Child: name", "Poppy Example-Fictional"),))
    document = docx.Document(io.BytesIO(build_check_form_document(content)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Who it is about" in text
    assert "Poppy Example-Fictional" in cells
    assert form_properties(document) == content.properties
    assert "RQ-ABCD2345" not in text
    assert "RQ-ABCD2345" not in cells


def test_the_form_version_follows_what_answers_mean_not_the_wording(form: FormDefinition) -> None:
    text = (ROOT / "forms" / "agency-check-form.toml").read_text("utf-8")
    reworded = parse_form_definition(text.replace("For example, the name", "Say the name"))
    assert form_version(reworded) == form_version(form)
    fewer = parse_form_definition(text.replace('key = "role"', 'key = "job"'))
    assert form_version(fewer) != form_version(form)
