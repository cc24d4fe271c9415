"""Word content controls (structured document tags, ``w:sdt``) built with python-docx's oxml
helpers, which have no high-level API for them.

Each answer area is a control whose ``w:tag`` is the question's key, so it survives an author's
edits: plain text, rich text (several paragraphs, or a table), a drop-down list, a date picker,
and check boxes (tagged ``key.value``, one per option).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

TEXT_PLACEHOLDER = "Click or tap here to enter text."
CHOICE_PLACEHOLDER = "Choose an item."
DATE_PLACEHOLDER = "Enter a date."
DATE_FORMAT = "d MMMM yyyy"
UNCHECKED = "\u2610"
CHECKED = "\u2612"
ANSWER_STYLE = "AnswerBox"
"""The style id of an answer area's paragraphs (a grey box)."""

_ids = itertools.count(1000)


def _element(tag: str, **attributes: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(name.replace("__", ":")), value)
    return element


def _run(text: str, *, placeholder: bool = False) -> BaseOxmlElement:
    run = _element("w:r")
    if placeholder:
        properties = _element("w:rPr")
        properties.append(_element("w:color", w__val="595959"))
        run.append(properties)
    text_element = _element("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    return run


def answer_paragraph(text: str = "", *, placeholder: bool = False) -> BaseOxmlElement:
    """A paragraph in the answer box style, holding ``text``."""
    paragraph = _element("w:p")
    properties = _element("w:pPr")
    properties.append(_element("w:pStyle", w__val=ANSWER_STYLE))
    paragraph.append(properties)
    if text:
        paragraph.append(_run(text, placeholder=placeholder))
    return paragraph


def _properties(tag: str, alias: str, *, placeholder: bool) -> BaseOxmlElement:
    properties = _element("w:sdtPr")
    properties.append(_element("w:alias", w__val=alias[:250]))
    properties.append(_element("w:tag", w__val=tag))
    properties.append(_element("w:id", w__val=str(next(_ids))))
    lock = _element("w:lock", w__val="sdtLocked")
    properties.append(lock)
    if placeholder:
        properties.append(_element("w:showingPlcHdr"))
    return properties


def _control(properties: BaseOxmlElement, content: Sequence[BaseOxmlElement]) -> BaseOxmlElement:
    sdt = _element("w:sdt")
    sdt.append(properties)
    sdt_content = _element("w:sdtContent")
    for item in content:
        sdt_content.append(item)
    sdt.append(sdt_content)
    return sdt


def text_control(tag: str, alias: str, *, multiline: bool) -> BaseOxmlElement:
    """A block-level answer box: plain text on one line, or rich text over paragraphs."""
    properties = _properties(tag, alias, placeholder=True)
    if not multiline:
        properties.append(_element("w:text"))
    return _control(properties, [answer_paragraph(TEXT_PLACEHOLDER, placeholder=True)])


def drop_down_control(tag: str, alias: str, options: Sequence[tuple[str, str]]) -> BaseOxmlElement:
    """A block-level drop-down list of ``(value, label)`` options."""
    properties = _properties(tag, alias, placeholder=True)
    listing = _element("w:dropDownList")
    for value, label in options:
        listing.append(_element("w:listItem", w__displayText=label, w__value=value))
    properties.append(listing)
    return _control(properties, [answer_paragraph(CHOICE_PLACEHOLDER, placeholder=True)])


def date_control(tag: str, alias: str) -> BaseOxmlElement:
    """A block-level date picker, shown like 22 November 2026."""
    properties = _properties(tag, alias, placeholder=True)
    picker = _element("w:date")
    picker.append(_element("w:dateFormat", w__val=DATE_FORMAT))
    picker.append(_element("w:lid", w__val="en-GB"))
    picker.append(_element("w:storeMappedDataAs", w__val="dateTime"))
    picker.append(_element("w:calendar", w__val="gregorian"))
    properties.append(picker)
    return _control(properties, [answer_paragraph(DATE_PLACEHOLDER, placeholder=True)])


def check_box_control(tag: str, alias: str) -> BaseOxmlElement:
    """An inline check box, not ticked."""
    properties = _properties(tag, alias, placeholder=False)
    box = _element("w14:checkbox")
    box.append(_element("w14:checked", w14__val="0"))
    box.append(_element("w14:checkedState", w14__val="2612", w14__font="MS Gothic"))
    box.append(_element("w14:uncheckedState", w14__val="2610", w14__font="MS Gothic"))
    properties.append(box)
    run = _run(UNCHECKED)
    fonts = _element("w:rPr")
    fonts.append(
        _element("w:rFonts", w__ascii="MS Gothic", w__eastAsia="MS Gothic", w__hAnsi="MS Gothic")
    )
    run.insert(0, fonts)
    return _control(properties, [run])


def table_control(tag: str, alias: str, table: BaseOxmlElement) -> BaseOxmlElement:
    """A block-level rich text control around a table (the chronology)."""
    properties = _properties(tag, alias, placeholder=False)
    return _control(properties, [table, _element("w:p")])
