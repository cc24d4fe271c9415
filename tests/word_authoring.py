"""An agency's author filling in the Word form, as Word would leave it: answers typed into the
content controls (placeholders gone), boxes ticked, a date picked, a drop-down chosen,
chronology rows typed, a control removed (its text kept, as Word's "Remove content control"
does) or deleted outright with the answer typed under the heading; then encrypted again with
msoffcrypto-tool, as Word saves a protected document."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree
from msoffcrypto.format.ooxml import OOXMLFile

from rrdesk.domain.timetable.dates import format_date

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
Answer = str | date | Sequence[Sequence[str]]


def _tag(sdt: etree._Element) -> str:
    found = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
    return "" if found is None else str(found.get(qn("w:val")))


def _paragraph(text: str, pieces: int = 1) -> etree._Element:
    """A paragraph in the answer style; text split into ``pieces`` runs as Word does when an
    author edits in places."""
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), "AnswerBox")
    properties.append(style)
    paragraph.append(properties)
    size = max(1, len(text) // pieces + 1)
    for start in range(0, len(text), size):
        run = OxmlElement("w:r")
        item = OxmlElement("w:t")
        item.text = text[start : start + size]
        item.set(qn("xml:space"), "preserve")
        run.append(item)
        paragraph.append(run)
    return paragraph


def _type_into(sdt: etree._Element, value: Answer) -> None:
    properties = sdt.find(qn("w:sdtPr"))
    placeholder = properties.find(qn("w:showingPlcHdr"))
    if placeholder is not None:
        properties.remove(placeholder)
    content = sdt.find(qn("w:sdtContent"))
    if isinstance(value, date):
        properties.find(qn("w:date")).set(qn("w:fullDate"), f"{value.isoformat()}T00:00:00Z")
        value = format_date(value)
    if isinstance(value, str):
        for child in list(content):
            content.remove(child)
        for line in value.split("\n"):
            content.append(_paragraph(line, pieces=3))
        return
    rows = content.find(qn("w:tbl")).findall(qn("w:tr"))[1:]
    for row, cells in zip(rows, value, strict=False):
        for cell, text in zip(row.findall(qn("w:tc")), cells, strict=True):
            paragraph = cell.find(qn("w:p"))
            run = OxmlElement("w:r")
            item = OxmlElement("w:t")
            item.text = text
            run.append(item)
            paragraph.append(run)


def _tick(sdt: etree._Element) -> None:
    checked = sdt.find(f"{qn('w:sdtPr')}/{{{W14}}}checkbox/{{{W14}}}checked")
    checked.set(f"{{{W14}}}val", "1")
    sdt.find(f".//{qn('w:t')}").text = "\u2612"


def _unwrap(sdt: etree._Element) -> None:
    """Word's "Remove content control": the control goes, what was typed in it stays."""
    parent = sdt.getparent()
    at = parent.index(sdt)
    for offset, child in enumerate(list(sdt.find(qn("w:sdtContent")))):
        parent.insert(at + offset, child)
    parent.remove(sdt)


def fill_form(
    data: bytes,
    answers: Mapping[str, Answer],
    *,
    ticks: Mapping[str, str] = {},
    remove_controls: Sequence[str] = (),
    delete_and_retype: Mapping[str, str] = {},
) -> bytes:
    """The form with ``answers`` typed in by question key, ``ticks`` (key to option value)
    ticked, the controls in ``remove_controls`` removed after typing (text kept), and the
    controls in ``delete_and_retype`` deleted with that answer typed under the heading."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    removed: list[etree._Element] = []
    for sdt in list(body.iter(qn("w:sdt"))):
        tag = _tag(sdt)
        key, _, option = tag.partition(".")
        if option:
            if ticks.get(key) == option:
                _tick(sdt)
        elif key in delete_and_retype:
            paragraph = _paragraph(delete_and_retype[key])
            paragraph.remove(paragraph.find(qn("w:pPr")))
            sdt.addprevious(paragraph)
            sdt.getparent().remove(sdt)
        elif key in answers:
            _type_into(sdt, answers[key])
            if key in remove_controls:
                removed.append(sdt)
    for sdt in removed:
        _unwrap(sdt)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def encrypt(data: bytes, password: str) -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()


def decrypt(data: bytes, password: str) -> bytes:
    office = OOXMLFile(io.BytesIO(data))
    office.load_key(password=password)
    out = io.BytesIO()
    office.decrypt(out)
    return out.getvalue()


def as_libreoffice_saves(data: bytes, tick: str) -> bytes:
    """The form as LibreOffice 7.4 saves it, seen on a real round trip: every tag gone, each
    answer box a plain paragraph, the first check box of ``tick`` ticked in its state but not its
    glyph, and that question's paragraph wrapped with the whole question after it in one
    untagged control."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    (box,) = [t.getparent().getparent() for t in body.iter(qn("w:tag"))
              if t.get(qn("w:val")) == f"{tick}.yes"]  # fmt: skip
    box.find(f"{qn('w:sdtPr')}/{qn('w14:checkbox')}/{qn('w14:checked')}").set(qn("w14:val"), "1")
    for tag in list(body.iter(qn("w:tag"))):
        tag.getparent().remove(tag)
    for sdt in [e for e in body if e.tag == qn("w:sdt")]:
        for element in list(sdt.find(qn("w:sdtContent"))):
            sdt.addprevious(element)
        body.remove(sdt)
    paragraph = next(box.iterancestors(qn("w:p")))
    wrapper = body.makeelement(qn("w:sdt"), {})
    content = wrapper.makeelement(qn("w:sdtContent"), {})
    wrapper.append(content)
    paragraph.addprevious(wrapper)
    for element in [paragraph, *list(paragraph.itersiblings())[:4]]:
        content.append(element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
