"""The agency check form as a Word document (``.docx``), from :class:`WordFormContent`.

The marking and the partnership are in every page's header and footer; then the case, the due
date, how to complete the form, who it is about (only in an encrypted form), and every section
and question with its hint, each answer area a content control tagged with the question's key.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from rrdesk.domain.agency_forms.check_form import (
    CHRONOLOGY_COLUMNS,
    Condition,
    FormDefinition,
    Question,
    QuestionKind,
)
from rrdesk.domain.agency_forms.word_form_content import MARKING, WordFormContent
from rrdesk.exports.word.content_controls import (
    ANSWER_STYLE,
    check_box_control,
    date_control,
    drop_down_control,
    table_control,
    text_control,
)
from rrdesk.exports.word.document_properties import set_form_properties

HINT_STYLE = "Question hint"
ANSWER_STYLE_NAME = "Answer box"
CHRONOLOGY_ROWS = 8
_GREY = RGBColor(0x50, 0x5A, 0x5F)


def _styles(document: Document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    for name, size in (("Title", 22), ("Heading 1", 16), ("Heading 2", 12)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)
        fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if fonts is not None and fonts.get(qn(theme)) is not None:
                del fonts.attrib[qn(theme)]
    hint = styles.add_style(HINT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    hint.base_style = normal
    hint.font.color.rgb = _GREY
    hint.paragraph_format.space_after = Pt(4)
    answer = styles.add_style(ANSWER_STYLE_NAME, WD_STYLE_TYPE.PARAGRAPH)
    answer.base_style = normal
    answer.element.set(qn("w:styleId"), ANSWER_STYLE)
    answer.paragraph_format.space_after = Pt(10)
    _shade(answer.element.get_or_add_pPr())


def _shade(paragraph_properties: BaseOxmlElement) -> None:
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        border = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "6"), ("space", "4"), ("color", "B1B4B6")):
            border.set(qn(f"w:{name}"), value)
        borders.append(border)
    paragraph_properties.append(borders)
    shading = OxmlElement("w:shd")
    for name, value in (("val", "clear"), ("color", "auto"), ("fill", "F3F2F1")):
        shading.set(qn(f"w:{name}"), value)
    paragraph_properties.append(shading)


def _page_number(paragraph: Paragraph) -> None:
    paragraph.add_run("    Page ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _header_and_footer(document: Document, content: WordFormContent) -> None:
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)
    header = section.header.paragraphs[0]
    header.text = content.header
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.runs[0].bold = True
    footer = section.footer.paragraphs[0]
    footer.add_run(content.footer).bold = True
    _page_number(footer)
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _facts_table(document: Document, rows: tuple[tuple[str, str], ...]) -> Table:
    table: Table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        cells[0].text = label
        cells[0].paragraphs[0].runs[0].bold = True
        cells[1].text = value
        cells[0].width = Cm(6)
        cells[1].width = Cm(10.5)
    return table


def _condition_words(form: FormDefinition, condition: Condition) -> str:
    question = form.question(condition.question)
    labels = {o.value: o.label for o in question.options}
    answer = labels.get(condition.answer, condition.answer)
    return f"Answer this only if you answered {answer} to: {question.label}"


def _chronology_table(document: Document) -> Table:
    table: Table = document.add_table(rows=1 + CHRONOLOGY_ROWS, cols=len(CHRONOLOGY_COLUMNS))
    table.style = "Table Grid"
    for cell, (_key, label) in zip(table.rows[0].cells, CHRONOLOGY_COLUMNS, strict=True):
        cell.text = label
        cell.paragraphs[0].runs[0].bold = True
    return table


def _answer_area(document: Document, form: FormDefinition, question: Question) -> None:
    body = document.element.body
    alias = question.label
    kind = question.kind
    if kind is QuestionKind.YES_NO:
        paragraph = document.add_paragraph()
        for option in question.options:
            paragraph._p.append(check_box_control(f"{question.key}.{option.value}", option.label))
            paragraph.add_run(f" {option.label}     ")
        return
    if kind is QuestionKind.CHOICE:
        options = [(o.value, o.label) for o in question.options]
        document.add_paragraph(
            "Choose one: " + "; ".join(o.label for o in question.options), style=HINT_STYLE
        )
        control = drop_down_control(question.key, alias, options)
    elif kind is QuestionKind.DATE:
        control = date_control(question.key, alias)
    elif kind is QuestionKind.CHRONOLOGY:
        table = _chronology_table(document)
        control = table_control(question.key, alias, table._tbl)
    else:
        control = text_control(question.key, alias, multiline=kind is QuestionKind.NARRATIVE)
    sentinel = body.sectPr if body.sectPr is not None else None
    if sentinel is not None:
        sentinel.addprevious(control)
    else:  # pragma: no cover - python-docx's template always has section properties
        body.append(control)


def _question(document: Document, form: FormDefinition, question: Question) -> None:
    document.add_heading(question.label, level=2)
    if question.required_if is not None:
        document.add_paragraph(_condition_words(form, question.required_if), style=HINT_STYLE)
    if question.hint:
        document.add_paragraph(question.hint, style=HINT_STYLE)
    if question.kind is QuestionKind.CHRONOLOGY:
        document.add_paragraph(
            "One row for each significant contact, oldest first. Press Tab in the last box to "
            "add a row.",
            style=HINT_STYLE,
        )
    _answer_area(document, form, question)


def build_check_form_document(content: WordFormContent) -> bytes:
    """The form as the bytes of a ``.docx`` file (not encrypted)."""
    document = docx.Document()
    _styles(document)
    _header_and_footer(document, content)
    core = document.core_properties
    core.title = content.title
    core.subject = f"{MARKING}: agency check form"
    core.author = content.partnership
    core.comments = ""
    document.add_heading(content.title, level=0)
    document.add_paragraph(content.partnership)
    _facts_table(document, content.facts)
    if content.identifying:
        document.add_heading("Who it is about", level=1)
        document.add_paragraph(
            "Use these details to search your agency's records. Do not copy them into your "
            "answers: the panel reads the form without names.",
            style=HINT_STYLE,
        )
        _facts_table(document, content.identifying)
    document.add_heading("How to complete this form", level=1)
    for line in content.instructions:
        document.add_paragraph(line, style="List Bullet")
    form = content.form
    for number, section in enumerate(form.sections, start=1):
        document.add_heading(f"Section {number}: {section.title}", level=1)
        if section.required_if is not None:
            document.add_paragraph(
                _condition_words(form, section.required_if).replace(
                    "Answer this", "Complete this section"
                ),
                style=HINT_STYLE,
            )
        if section.hint:
            document.add_paragraph(section.hint, style=HINT_STYLE)
        for question in section.questions:
            _question(document, form, question)
    document.add_paragraph("End of form. Send it back by secure email.", style=HINT_STYLE)
    set_form_properties(document, content.properties)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
