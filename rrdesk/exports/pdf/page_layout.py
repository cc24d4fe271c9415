"""The page around the content: marking, first-page band, page x of y, contents, metadata.

Documents are built into memory and returned as bytes; nothing is written to disk here.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from rrdesk import __version__
from rrdesk.exports.pdf import fonts
from rrdesk.exports.pdf.contents_page import ContentsMoved, OnePassContents
from rrdesk.exports.pdf.house_style import (
    CONTENT_WIDTH,
    CREATOR,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MARKING,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    SECONDARY_INK,
    para,
    styles,
)

_BAND_GAP = 6 * mm
_SIGNATURE_WIDTH = 75 * mm
_SIGNATURE_HEIGHT = 24 * mm
_BAND_TOP = PAGE_HEIGHT - MARGIN_TOP
SIGNATURE_BOX = (
    int(PAGE_WIDTH - MARGIN_X - _SIGNATURE_WIDTH),
    int(_BAND_TOP - 3 * mm - _SIGNATURE_HEIGHT),
    int(PAGE_WIDTH - MARGIN_X),
    int(_BAND_TOP - 3 * mm),
)
"""Where the visible signature goes on the first page: (left, bottom, right, top) in points."""

_SECTION_KEY = "section-{}"

ProgressCallback = Callable[[int, int], None]
CancelCallback = Callable[[], bool]


class RenderCancelled(Exception):
    """The person asked to stop while the document was being built."""


@dataclass(frozen=True)
class DocumentInfo:
    """What a document says about itself, on its first page and in its metadata."""

    title: str
    partnership: str
    subject: str
    subtitle: str = ""
    reserve_signature_box: bool = False
    heading: str = ""
    """The large heading on the first page; the title when empty."""
    status: str = ""
    """``DRAFT`` or ``PREVIEW — NOT SIGNED`` for a document that is not the final one: it is
    put before the title (in the metadata too), across every page and at each page's head
    and foot."""
    marking: str = MARKING
    """The security marking at each page's head and foot."""

    @property
    def full_title(self) -> str:
        return f"{self.status}: {self.title}" if self.status else self.title

    @property
    def first_heading(self) -> str:
        shown = self.heading or self.title
        return f"{self.status}: {shown}" if self.status else shown


DRAFT = "DRAFT"
PREVIEW_NOT_SIGNED = "PREVIEW — NOT SIGNED"
_STATUS_INK = colors.HexColor("#b0240f")
_WATERMARK_INK = colors.HexColor("#f0d2cc")


_FOOTER_WIDTH = CONTENT_WIDTH - 30 * mm
"""The footer's words stop short of "Page x of y" at the right."""
_FOOTER_SIZES = (8.5, 8.0, 7.5)


def footer_lines(title: str, partnership: str) -> tuple[list[str], float]:
    """The footer's words and their size: the title and the partnership's name, never cut.

    On one line at the largest size that fits; when neither fits, the partnership's name goes on
    a second line (and a title too long for a line of its own wraps between words).
    """
    joined = f"{title} · {partnership}"
    for size in _FOOTER_SIZES:
        if stringWidth(joined, fonts.REGULAR, size) <= _FOOTER_WIDTH:
            return [joined], size
    size = _FOOTER_SIZES[-1]
    return [
        *simpleSplit(title, fonts.REGULAR, size, _FOOTER_WIDTH),
        *simpleSplit(partnership, fonts.REGULAR, size, _FOOTER_WIDTH),
    ], size


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Writes "Page x of y" on each page; y is a form filled in once the last page is known."""

    _TOTAL_FORM = "rrdeskPageTotal"
    _SIZE = 8.5

    def showPage(self) -> None:
        text = f"Page {self._pageNumber} of "
        x = PAGE_WIDTH - MARGIN_X - 26 * mm
        y = MARGIN_BOTTOM - 9 * mm
        self.saveState()
        self.setFont(fonts.REGULAR, self._SIZE)
        self.setFillColor(SECONDARY_INK)
        self.drawString(x, y, text)
        self.translate(x + self.stringWidth(text, fonts.REGULAR, self._SIZE), y)
        self.doForm(self._TOTAL_FORM)
        self.restoreState()
        super().showPage()

    def save(self) -> None:
        contents: OnePassContents | None = getattr(self, "rrdesk_contents", None)
        if contents is not None:
            contents.number_pages(self)
        self.beginForm(self._TOTAL_FORM)
        self.setFont(fonts.REGULAR, self._SIZE)
        self.setFillColor(SECONDARY_INK)
        self.drawString(0, 0, str(self._pageNumber - 1))
        self.endForm()
        super().save()


class _HouseDocument(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self,
        buffer: io.BytesIO,
        info: DocumentInfo,
        progress: ProgressCallback | None,
        cancelled: CancelCallback | None,
        expected_flowables: int,
        contents: OnePassContents | None = None,
    ) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=info.full_title,
            author=info.partnership,
            subject=info.subject,
            creator=CREATOR,
            producer=f"rrdesk {__version__}",
            initialFontName=fonts.REGULAR,
            initialFontSize=10,
            lang="en-GB",
            displayDocTitle=1,
        )
        self._info = info
        self._progress = progress
        self._cancelled = cancelled
        self._expected = max(expected_flowables, 1)
        self._done = 0
        self._outline_keys = 0
        self._contents = contents
        frame_height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        first = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            CONTENT_WIDTH,
            frame_height - self._band()[1],
            id="first",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        later = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            CONTENT_WIDTH,
            frame_height,
            id="later",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(
                    id="First",
                    frames=[first],
                    onPage=self._draw_first_page,
                    autoNextPageTemplate="Later",
                ),
                PageTemplate(id="Later", frames=[later], onPage=self._draw_marking),
            ]
        )

    def _draw_status(self, canvas: Canvas) -> None:
        """A document that is not the final one says so across the page and at its corners."""
        status = self._info.status
        canvas.saveState()
        canvas.setFillColor(_WATERMARK_INK)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(52)
        size = 64.0
        while canvas.stringWidth(status, fonts.BOLD, size) > PAGE_HEIGHT * 0.8:
            size -= 4
        canvas.setFont(fonts.BOLD, size)
        canvas.drawCentredString(0, -size / 3, status)
        canvas.restoreState()
        canvas.saveState()
        canvas.setFillColor(_STATUS_INK)
        canvas.setFont(fonts.BOLD, 10)
        canvas.drawString(MARGIN_X, PAGE_HEIGHT - 11 * mm, status)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 11 * mm, status)
        canvas.drawString(MARGIN_X, 7 * mm, status)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, 7 * mm, status)
        canvas.restoreState()

    def _draw_marking(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if self._info.status:
            self._draw_status(canvas)
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setFont(fonts.BOLD, 10)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 11 * mm, self._info.marking)
        canvas.drawCentredString(PAGE_WIDTH / 2, 7 * mm, self._info.marking)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, PAGE_HEIGHT - 14 * mm, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 14 * mm)
        lines, size = footer_lines(self._info.full_title, self._info.partnership)
        # Two lines of footer lift the rule, clear of the marking below them.
        rule_y = MARGIN_BOTTOM - (5 if len(lines) == 1 else 2.5) * mm
        canvas.line(MARGIN_X, rule_y, PAGE_WIDTH - MARGIN_X, rule_y)
        canvas.setFillColor(SECONDARY_INK)
        canvas.setFont(fonts.REGULAR, size)
        baselines = [rule_y - 4 * mm - step * (size + 1) for step in range(len(lines))]
        for line, y in zip(lines, baselines, strict=True):
            canvas.drawString(MARGIN_X, y, line)
        canvas.restoreState()

    def _band(self) -> tuple[list[Paragraph], float]:
        """The first page's heading paragraphs, wrapped, and the height the band needs."""
        house = styles()
        width = CONTENT_WIDTH
        needed = 0.0
        if self._info.reserve_signature_box:
            width -= _SIGNATURE_WIDTH + 6 * mm
            needed = _SIGNATURE_HEIGHT + 3 * mm
        paragraphs = []
        text_height = 2 * mm
        for text, style in (
            (self._info.first_heading, house.title),
            (self._info.subtitle, house.subtitle),
        ):
            if text:
                paragraph = para(text, style)
                text_height += paragraph.wrap(width, PAGE_HEIGHT)[1] + style.spaceAfter
                paragraphs.append(paragraph)
        return paragraphs, max(needed, text_height) + _BAND_GAP

    def _draw_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._draw_marking(canvas, doc)
        if self._info.reserve_signature_box:
            left, bottom, right, top = SIGNATURE_BOX
            canvas.saveState()
            canvas.setStrokeColor(RULE)
            canvas.setDash(2, 2)
            canvas.rect(left, bottom, right - left, top - bottom)
            canvas.setFont(fonts.REGULAR, 8)
            canvas.setFillColor(SECONDARY_INK)
            canvas.drawCentredString(
                (left + right) / 2,
                (bottom + top) / 2 - 3,
                "Not signed" if self._info.status else "Partnership signature",
            )
            canvas.restoreState()
        paragraphs, band_height = self._band()
        y = _BAND_TOP - 2 * mm
        for paragraph in paragraphs:
            y -= paragraph.height
            paragraph.drawOn(canvas, MARGIN_X, y)
            y -= paragraph.style.spaceAfter
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1.5)
        rule_y = _BAND_TOP - band_height + _BAND_GAP / 2
        canvas.line(MARGIN_X, rule_y, PAGE_WIDTH - MARGIN_X, rule_y)
        canvas.restoreState()

    def beforeDocument(self) -> None:
        self._outline_keys = 0
        if self._contents is not None:
            self.canv.rrdesk_contents = self._contents

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "_rrdesk_outline_level", None)
        if level is not None and isinstance(flowable, Paragraph):
            text = flowable.getPlainText()
            self._outline_keys += 1
            key = _SECTION_KEY.format(self._outline_keys)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
            if self._contents is not None:
                self._contents.addEntry(level, text, self.page, key)
            else:
                self.notify("TOCEntry", (level, text, self.page, key))
        self._done += 1
        if self._progress is not None:
            self._progress(min(self._done, self._expected - 1), self._expected)
        if self._cancelled is not None and self._cancelled():
            raise RenderCancelled


def build_pdf(
    info: DocumentInfo,
    story: list[Flowable],
    *,
    with_contents: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: CancelCallback | None = None,
) -> bytes:
    """Lay the story out in the house style and return the PDF as bytes.

    ``progress(done, total)`` is called as flowables are placed; ``cancelled()`` is polled as
    often and, when it returns true, :class:`RenderCancelled` is raised.
    """
    styles()
    if with_contents:
        contents = next((item for item in story if isinstance(item, OnePassContents)), None)
        if contents is not None:
            # Laid out once, the contents page numbered after the last page is placed.
            contents.list_headings(story, _SECTION_KEY)
            try:
                return _build(info, list(story), progress, cancelled, 1, contents)
            except ContentsMoved:
                contents.one_pass = False
    return _build(info, story, progress, cancelled, 2 if with_contents else 1, None)


def _build(
    info: DocumentInfo,
    story: list[Flowable],
    progress: ProgressCallback | None,
    cancelled: CancelCallback | None,
    passes: int,
    contents: OnePassContents | None,
) -> bytes:
    buffer = io.BytesIO()
    document = _HouseDocument(buffer, info, progress, cancelled, len(story) * passes, contents)
    if passes > 1:
        document.multiBuild(story, canvasmaker=_NumberedCanvas)
    else:
        document.build(story, canvasmaker=_NumberedCanvas)
    if progress is not None:
        progress(document._expected, document._expected)
    return buffer.getvalue()
