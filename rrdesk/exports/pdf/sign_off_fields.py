"""The executives' part of the decision sheet as a form: per statutory partner, an agree or do
not agree choice, a comments box, a date box and an empty signature field that Acrobat Reader
can fill and sign.

The partnership's certification signature allows exactly this (form filling and signing), so a
sheet an executive has answered and signed still verifies. Both are added after layout by
pyHanko, where the layout left space for them (:func:`field_placements` collects where that was).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from rrdesk.exports.pdf.house_style import RULE

SIGNATURE_FIELD_PREFIX = "ExecutiveSignature"
DECISION_FIELD_PREFIX = "ExecutiveDecision"
COMMENTS_FIELD_PREFIX = "ExecutiveComments"
DATE_FIELD_PREFIX = "ExecutiveDate"


def field_key(partner: str) -> str:
    """``Local authority`` → ``LocalAuthority``: the part of a field name that names a partner."""
    return "".join(word.capitalize() for word in re.findall(r"[A-Za-z0-9]+", partner)) or "Partner"


@dataclass(frozen=True)
class FieldPlacement:
    name: str
    page: int
    """From 0."""
    box: tuple[int, int, int, int]
    """Left, bottom, right, top in points."""
    options: tuple[str, ...] = ()
    """A drop-down list's choices; none for a signature or text field."""
    text: str = ""
    """For a text box, what a reader says it is for ("Comments", "Date"); empty otherwise."""
    multiline: bool = False


_PLACEMENTS: ContextVar[list[FieldPlacement] | None] = ContextVar("sign_off_fields", default=None)


@contextmanager
def field_placements() -> Iterator[list[FieldPlacement]]:
    """Collect where the signature spaces of a document laid out inside the block fell."""
    placements: list[FieldPlacement] = []
    token = _PLACEMENTS.set(placements)
    try:
        yield placements
    finally:
        _PLACEMENTS.reset(token)


class _FieldSpace(Flowable):  # type: ignore[misc]
    """A ruled space whose place on the page is recorded for a form field to go there."""

    def __init__(self, name: str, height: float, width: float | None = None) -> None:
        super().__init__()
        self._name = name
        self._fixed_width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(available_width, self._fixed_width or available_width)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setDash(2, 2)
        canvas.rect(0, 0, self.width, self.height)
        canvas.restoreState()
        placements = _PLACEMENTS.get()
        if placements is None:
            return
        left, bottom = canvas.absolutePosition(0, 0)
        right, top = canvas.absolutePosition(self.width, self.height)
        placement = FieldPlacement(
            self._name,
            canvas.getPageNumber() - 1,
            (round(left), round(bottom), round(right), round(top)),
            self._options(),
            *self._text(),
        )
        # A document laid out twice (for its contents) places every field again: keep the last.
        placements[:] = [p for p in placements if p.name != self._name]
        placements.append(placement)

    def _options(self) -> tuple[str, ...]:
        return ()

    def _text(self) -> tuple[str, bool]:
        return "", False


class DecisionChoice(_FieldSpace):
    """A drop-down list, agree or do not agree, one per partner, left blank."""

    def __init__(self, partner: str, agree: str, do_not_agree: str) -> None:
        super().__init__(f"{DECISION_FIELD_PREFIX}_{field_key(partner)}", 7 * mm, 70 * mm)
        self._choices = (agree, do_not_agree)

    def _options(self) -> tuple[str, ...]:
        return self._choices


class TextSpace(_FieldSpace):
    """A box to type in, left empty: the partner's comments (several lines) or the date."""

    def __init__(
        self,
        prefix: str,
        partner: str,
        label: str,
        height: float,
        *,
        multiline: bool = False,
        width: float | None = None,
    ) -> None:
        super().__init__(f"{prefix}_{field_key(partner)}", height, width)
        self._label = f"{label} ({partner})"
        self._multiline = multiline

    def _text(self) -> tuple[str, bool]:
        return self._label, self._multiline


def comments_space(partner: str, label: str) -> TextSpace:
    return TextSpace(COMMENTS_FIELD_PREFIX, partner, label, 20 * mm, multiline=True)


def date_space(partner: str, label: str) -> TextSpace:
    return TextSpace(DATE_FIELD_PREFIX, partner, label, 7 * mm, width=45 * mm)


class SignatureSpace(_FieldSpace):
    """A ruled box where the partner's signature field goes."""

    def __init__(self, partner: str, height: float = 16 * mm) -> None:
        super().__init__(f"{SIGNATURE_FIELD_PREFIX}_{field_key(partner)}", height)


def _generic() -> Any:
    from pyhanko.pdf_utils import generic

    return generic


def _add_choice(writer: Any, placement: FieldPlacement) -> None:
    """A blank drop-down list (or an empty text box). Its blank appearance draws no text, so it
    needs no font; the reader that fills it in draws the answer with the form's default font."""
    generic: Any = _generic()

    left, bottom, right, top = placement.box
    blank = generic.StreamObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/XObject"),
            generic.NameObject("/Subtype"): generic.NameObject("/Form"),
            generic.NameObject("/BBox"): generic.ArrayObject(
                [generic.NumberObject(value) for value in (0, 0, right - left, top - bottom)]
            ),
        },
        stream_data=b"",
    )
    page_ref = writer.find_page_for_modification(placement.page)[0]
    if placement.options:
        kind = {
            generic.NameObject("/FT"): generic.NameObject("/Ch"),
            generic.NameObject("/Ff"): generic.NumberObject(1 << 17),  # a drop-down list
            generic.NameObject("/TU"): generic.TextStringObject(" or ".join(placement.options)),
            generic.NameObject("/Opt"): generic.ArrayObject(
                [generic.TextStringObject(option) for option in placement.options]
            ),
        }
    else:
        kind = {
            generic.NameObject("/FT"): generic.NameObject("/Tx"),
            # several lines for comments; one line, no spell check, for the date
            generic.NameObject("/Ff"): generic.NumberObject(
                1 << 12 if placement.multiline else 1 << 22
            ),
            generic.NameObject("/TU"): generic.TextStringObject(placement.text),
        }
    field = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/Widget"),
            **kind,
            generic.NameObject("/T"): generic.TextStringObject(placement.name),
            generic.NameObject("/V"): generic.TextStringObject(""),
            generic.NameObject("/DA"): generic.TextStringObject("/Helv 10 Tf 0 g"),
            generic.NameObject("/F"): generic.NumberObject(4),  # printed
            generic.NameObject("/P"): page_ref,
            generic.NameObject("/Rect"): generic.ArrayObject(
                [generic.NumberObject(value) for value in placement.box]
            ),
            generic.NameObject("/MK"): generic.DictionaryObject(
                {generic.NameObject("/BC"): generic.ArrayObject([generic.NumberObject(0)])}
            ),
            generic.NameObject("/AP"): generic.DictionaryObject(
                {generic.NameObject("/N"): writer.add_object(blank)}
            ),
        }
    )
    field_ref = writer.add_object(field)
    writer.register_annotation(page_ref, field_ref)
    form = writer.root["/AcroForm"]
    form["/Fields"].append(field_ref)
    if "/DR" not in form:
        helvetica = generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Font"),
                generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
                generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
                generic.NameObject("/Encoding"): generic.NameObject("/WinAnsiEncoding"),
            }
        )
        form["/DR"] = generic.DictionaryObject(
            {
                generic.NameObject("/Font"): generic.DictionaryObject(
                    {generic.NameObject("/Helv"): writer.add_object(helvetica)}
                )
            }
        )
    writer.update_container(form)


def add_executive_fields(pdf_bytes: bytes, placements: list[FieldPlacement]) -> bytes:
    """The PDF with an empty signature field, blank drop-down list or empty text box at each
    placement."""
    if not placements:
        return pdf_bytes
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    for placement in placements:
        if not placement.options and not placement.text:
            fields.append_signature_field(
                writer,
                fields.SigFieldSpec(placement.name, on_page=placement.page, box=placement.box),
            )
    for placement in placements:
        if placement.options or placement.text:
            _add_choice(writer, placement)
    output = io.BytesIO()
    writer.write(output)  # type: ignore[no-untyped-call]
    return output.getvalue()
