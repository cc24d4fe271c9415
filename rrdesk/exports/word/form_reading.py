"""Reading a returned agency check form: each answer area by its content control's tag, and
where an author deleted a control, the text under the question's heading.

Takes ``.docx`` bytes already checked by :func:`rrdesk.exports.word.office_files.open_word_file`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.oxml.ns import qn
from lxml import etree

from rrdesk.domain.agency_forms.check_form import FormDefinition, QuestionKind
from rrdesk.domain.agency_forms.returned_form import (
    FoundBy,
    ReadDocument,
    ReadValue,
    heading_key,
)
from rrdesk.domain.agency_forms.word_form_content import FormProperties
from rrdesk.exports.word.check_form_document import HINT_STYLE
from rrdesk.exports.word.document_properties import form_properties

_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_TRUE = {"1", "true", "on"}
_SDT, _P, _TBL, _TR, _TC = qn("w:sdt"), qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_DEL = qn("w:del")


def _tag(sdt: etree._Element) -> str:
    found = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
    return "" if found is None else str(found.get(qn("w:val"), ""))


def _run_text(element: etree._Element) -> Iterator[str]:
    """The text in document order, tracked deletions left out and a check box as its state:
    LibreOffice keeps a box's ticked state but not always its glyph."""
    for child in element:
        if child.tag == _DEL:
            continue
        if child.tag == _SDT and child.find(f"{qn('w:sdtPr')}/{{{_W14}}}checkbox") is not None:
            yield "\u2612" if _check_box(child) else "\u2610"
        elif child.tag == _T:
            yield child.text or ""
        elif child.tag == _TAB:
            yield "\t"
        elif child.tag in (_BR, _CR):
            yield "\n"
        else:
            yield from _run_text(child)


def paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's text as the author sees it (tracked deletions left out)."""
    return "".join(_run_text(paragraph))


def _paragraphs_text(elements: list[etree._Element]) -> str:
    texts = []
    for element in elements:
        if element.tag == _P:
            texts.append(paragraph_text(element))
        elif element.tag == _SDT or element.tag == qn("w:sdtContent"):
            texts.extend(paragraph_text(p) for p in element.iter(_P))
    return "\n".join(texts)


def _table_rows(table: etree._Element) -> tuple[tuple[str, ...], ...]:
    rows = []
    for row in table.iter(_TR):
        cells = row.findall(_TC)
        rows.append(tuple("\n".join(paragraph_text(p) for p in c.iter(_P)).strip() for c in cells))
    return tuple(rows)


def _without_header(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    from rrdesk.domain.agency_forms.check_form import CHRONOLOGY_COLUMNS

    labels = tuple(label.casefold() for _key, label in CHRONOLOGY_COLUMNS)
    return tuple(r for r in rows if tuple(c.casefold() for c in r) != labels)


def _check_box(sdt: etree._Element) -> bool:
    checked = sdt.find(f"{qn('w:sdtPr')}/{{{_W14}}}checkbox/{{{_W14}}}checked")
    if checked is not None:
        return str(checked.get(f"{{{_W14}}}val", "0")).lower() in _TRUE
    return "\u2612" in "".join(_run_text(sdt))


def _control_value(key: str, kind: QuestionKind, sdt: etree._Element) -> ReadValue:
    content = sdt.find(qn("w:sdtContent"))
    elements = [] if content is None else list(content)
    if sdt.find(f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}") is not None:
        return ReadValue(key, FoundBy.CONTROL)
    if kind is QuestionKind.CHRONOLOGY:
        tables = [t for e in elements for t in e.iter(_TBL)]
        rows = tuple(r for t in tables for r in _without_header(_table_rows(t)))
        rest = [e for e in elements if e.tag == _P]
        return ReadValue(key, FoundBy.CONTROL, text=_paragraphs_text(rest), rows=rows)
    iso = ""
    picker = sdt.find(f"{qn('w:sdtPr')}/{qn('w:date')}")
    if picker is not None:
        iso = str(picker.get(qn("w:fullDate"), ""))
    return ReadValue(key, FoundBy.CONTROL, text=_paragraphs_text(elements), iso_date=iso)


def _style(paragraph: etree._Element, styles: dict[str, str]) -> str:
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    style_id = "" if found is None else str(found.get(qn("w:val"), ""))
    return styles.get(style_id, style_id)


def _blocks(parent: etree._Element) -> Iterator[etree._Element]:
    """The body's paragraphs and tables in order, looking inside a block-level control that
    carries no tag: LibreOffice saves a form that way, wrapping a check-box paragraph and the
    question after it in one control and dropping every tag."""
    for element in parent:
        content = element.find(qn("w:sdtContent")) if element.tag == _SDT else None
        if content is not None and not _tag(element):
            yield from _blocks(content)
        else:
            yield element


def _under_headings(
    form: FormDefinition, body: etree._Element, styles: dict[str, str], wanted: set[str]
) -> dict[str, ReadValue]:
    """The text under each wanted question's heading, up to the next heading or answer box."""
    keys = {heading_key(q.label): q.key for s in form.sections for q in s.questions}
    kinds = {q.key: q.kind for s in form.sections for q in s.questions}
    found: dict[str, ReadValue] = {}
    current: str | None = None
    collected: list[etree._Element] = []

    def close() -> None:
        if current is None:
            return
        paragraphs = [e for e in collected if e.tag in (_P, _SDT)]
        rows: tuple[tuple[str, ...], ...] = ()
        if kinds[current] is QuestionKind.CHRONOLOGY:
            rows = tuple(
                r for e in collected if e.tag == _TBL for r in _without_header(_table_rows(e))
            )
        found[current] = ReadValue(
            current, FoundBy.HEADING, text=_paragraphs_text(paragraphs).strip(), rows=rows
        )

    for element in _blocks(body):
        style = _style(element, styles) if element.tag == _P else ""
        is_heading = style.lower().startswith(("heading", "title"))
        if is_heading or (element.tag == _SDT and _tag(element)):
            close()
            current = None
            collected = []
            if is_heading:
                key = keys.get(heading_key(paragraph_text(element)))
                current = key if key in wanted else None
            continue
        if current is not None and style != HINT_STYLE:
            collected.append(element)
    close()
    return found


def read_check_form_document(data: bytes, form: FormDefinition) -> ReadDocument:
    """Every question's value in a returned form, by tag or by heading."""
    document = docx.Document(io.BytesIO(data))
    properties = form_properties(document)
    body = document.element.body
    styles = {s.style_id: s.name or "" for s in document.styles}
    kinds = {q.key: q.kind for s in form.sections for q in s.questions}
    values: dict[str, ReadValue] = {}
    ticked: dict[str, list[str]] = {}
    for sdt in body.iter(_SDT):
        tag = _tag(sdt)
        key, _, option = tag.partition(".")
        if key not in kinds:
            continue
        if option:
            ticked.setdefault(key, [])
            if _check_box(sdt):
                ticked[key].append(option)
        elif key not in values:
            values[key] = _control_value(key, kinds[key], sdt)
    for key, options in ticked.items():
        values[key] = ReadValue(key, FoundBy.CONTROL, checked=tuple(options))
    missing = {key for key in kinds if key not in values}
    if missing:
        values.update(_under_headings(form, body, styles, missing))
    for key in kinds:
        values.setdefault(key, ReadValue(key, FoundBy.MISSING))
    return ReadDocument(
        properties=properties or FormProperties(),
        values=values,
        has_properties=properties is not None,
    )
