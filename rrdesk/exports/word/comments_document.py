"""A returned form sent back with comments: the agency's own document, each finding a Word
comment anchored on the words it concerns, and the coordinator's reasons at the top."""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from rrdesk.domain.agency_forms.check_form import FormDefinition
from rrdesk.domain.agency_forms.returned_form import heading_key
from rrdesk.exports.word.form_reading import paragraph_text

_SDT, _P, _R, _T, _TR, _TC = (qn(t) for t in ("w:sdt", "w:p", "w:r", "w:t", "w:tr", "w:tc"))


@dataclass(frozen=True)
class WordComment:
    """One comment: on the ``occurrence``-th (from 0) ``text`` in a question's answer area, or
    in a chronology's ``row`` (from 1, after the headings) and ``column`` (from 0)."""

    question: str
    text: str
    message: str
    occurrence: int = 0
    row: int | None = None
    column: int | None = None


def _answer_area(document: Document, form: FormDefinition, key: str) -> list[etree._Element]:
    body = document.element.body
    for sdt in body.iter(_SDT):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        if tag is not None and tag.get(qn("w:val")) == key:
            return [sdt]
    label = heading_key(form.question(key).label)
    area: list[etree._Element] = []
    collecting = False
    for element in body:
        if element.tag == _P and heading_key(paragraph_text(element)) == label:
            collecting = True
            area = [element]
            continue
        if collecting:
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            name = "" if style is None else str(style.get(qn("w:val"), ""))
            if name.lower().startswith("heading") or element.tag == _SDT:
                break
            area.append(element)
    return area


def _paragraphs(area: list[etree._Element], comment: WordComment) -> list[etree._Element]:
    if comment.row is None:
        return [p for element in area for p in element.iter(_P)]
    rows = [r for element in area for r in element.iter(_TR)]
    body_rows = rows[1:]
    if not 1 <= comment.row <= len(body_rows):
        return [p for element in area for p in element.iter(_P)]
    cells = body_rows[comment.row - 1].findall(_TC)
    column = comment.column or 0
    return list(cells[column].iter(_P)) if column < len(cells) else []


def _text_of(run: etree._Element) -> str:
    return paragraph_text(run)


def _split(run: etree._Element, at: int) -> etree._Element:
    """Split ``run`` ``at`` characters in; returns the second part (inserted after it)."""
    texts = run.findall(_T)
    if len(texts) != 1 or len(list(run)) > 2:
        return run
    text = texts[0].text or ""
    second = copy.deepcopy(run)
    texts[0].text = text[:at]
    texts[0].set(qn("xml:space"), "preserve")
    second_text = second.find(_T)
    assert second_text is not None
    second_text.text = text[at:]
    second_text.set(qn("xml:space"), "preserve")
    run.addnext(second)
    return second


def _anchor(paragraph: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs of ``paragraph`` covering ``start`` to ``end``, split so they cover no more."""
    for boundary in (start, end):
        at = 0
        for run in paragraph.findall(_R):
            length = len(_text_of(run))
            if at < boundary < at + length:
                _split(run, boundary - at)
                break
            at += length
    covering, at = [], 0
    for run in paragraph.findall(_R):
        length = len(_text_of(run))
        if length and at < end and at + length > start:
            covering.append(run)
        at += length
    return covering


def _find(paragraphs: list[etree._Element], comment: WordComment) -> list[etree._Element]:
    seen = 0
    for paragraph in paragraphs:
        text = "".join(_text_of(r) for r in paragraph.findall(_R))
        at = text.find(comment.text)
        while at != -1:
            if seen == comment.occurrence:
                return _anchor(paragraph, at, at + len(comment.text))
            seen += 1
            at = text.find(comment.text, at + 1)
    return []


def _paragraph_style(document: Document, style_id: str) -> ParagraphStyle | None:
    """The document's own paragraph style by its identifier. Looking it up by name fails on a
    form saved by LibreOffice, which writes 'Heading 1' where Word writes 'heading 1'."""
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.style_id == style_id:
            return cast(ParagraphStyle, style)
    return None


def _reasons_at_top(document: Document, title: str, lines: Sequence[str]) -> None:
    body = document.element.body
    style = _paragraph_style(document, "Heading1")
    heading = document.add_paragraph(style=style)
    heading.add_run(title).bold = True if style is None else None
    added = [heading._p]
    bullet = _paragraph_style(document, "ListBullet")
    for line in lines:
        added.append(document.add_paragraph(line if bullet else f"\u2022 {line}", bullet)._p)
    for element in reversed(added):
        body.insert(0, element)


def add_comments(
    data: bytes,
    form: FormDefinition,
    comments: Sequence[WordComment],
    *,
    title: str,
    reasons: Sequence[str],
    author: str,
) -> tuple[bytes, int]:
    """The document with each comment anchored on its words (or, where the words are no longer
    there, on the start of the answer), and the reasons at the top. Returns the ``.docx`` bytes
    and how many comments were anchored on their own words."""
    document = docx.Document(io.BytesIO(data))
    initials = "".join(part[0] for part in author.split()[:3]).upper()
    on_words = 0
    for comment in comments:
        area = _answer_area(document, form, comment.question)
        runs = _find(_paragraphs(area, comment), comment)
        message = comment.message
        if runs:
            on_words += 1
        else:
            runs = [r for element in area for p in element.iter(_P) for r in p.findall(_R)][:1]
            message = f"'{comment.text}': {comment.message}"
        if not runs:
            continue
        paragraph = Paragraph(runs[0].getparent(), document._body)
        anchored = [Run(r, paragraph) for r in (runs[0], runs[-1])]
        document.add_comment(anchored, text=message, author=author, initials=initials)
    _reasons_at_top(document, title, reasons)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), on_words
