"""A contents page laid out in the same pass as the pages it lists.

The headings a story will place are known before it is laid out, so the contents is laid out with
them from the start; only each entry's dots and page number wait, drawn as a named form that is
filled in once the last page is placed (as "Page x of y" is). A story whose placed headings differ
from those listed up front raises :class:`ContentsMoved`, and is then built the usual way, twice.
"""

from __future__ import annotations

from ast import literal_eval
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

_FORM = "rrdeskContents"
_REACH = 10_000
"""How far around an entry its form may draw, in points (a form clips to its bounding box)."""

_Listed = tuple[int, str, str]
"""A contents entry: its level, its words and the key of the place it links to."""


class ContentsMoved(Exception):
    """The headings placed were not the ones listed up front."""


def _headings(story: Sequence[Flowable]) -> Iterator[tuple[int, str]]:
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            yield from _headings(flowable._content)
        level = getattr(flowable, "_rrdesk_outline_level", None)
        if level is not None and isinstance(flowable, Paragraph):
            yield level, flowable.getPlainText()


class OnePassContents(TableOfContents):  # type: ignore[misc]
    """A table of contents whose page numbers are written after the pages are placed."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._listed: list[_Listed] = []
        self._drawn: list[tuple[str, str, int, float, float, float]] = []
        self.one_pass = False

    def list_headings(self, story: Sequence[Flowable], key: str) -> None:
        """Lay out with every heading the story holds; ``key`` numbers the places they link to."""
        self._listed = [
            (level, text, key.format(number))
            for number, (level, text) in enumerate(_headings(story), start=1)
        ]
        self._lastEntries = [(level, text, 0, place) for level, text, place in self._listed]
        self._entries: list[tuple[int, str, int, str]] = []
        self._drawn = []
        self.one_pass = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if self.one_pass:
            self.canv.setNamedCB("drawTOCEntryEnd", partial(self._draw_later, availWidth))
        return size

    def _draw_later(self, width: float, canvas: Canvas, _kind: str, label: str) -> None:
        _page, level, key = label.split(",")
        place = canvas._curr_tx_info
        x, y = place["cur_x"], place["cur_y"]
        name = f"{_FORM}{len(self._drawn)}"
        self._drawn.append((name, literal_eval(key), int(level), x, y, width))
        canvas.doForm(name)
        # A form holds no links: the dots and the number link from the page itself.
        leading = self.getLevelStyle(int(level)).leading
        canvas.linkRect("", literal_eval(key), (x, y, width, y + leading), relative=1)

    def number_pages(self, canvas: Canvas) -> None:
        """Write each entry's dots and page number, now that every heading has been placed."""
        if [(level, text, key) for level, text, _page, key in self._entries] != self._listed:
            raise ContentsMoved
        pages = {key: page for _level, _text, page, key in self._entries}
        for name, key, level, x, y, width in self._drawn:
            page = pages[key]
            dot = " . " if 0 <= self.dotsMinLevel <= level else ""
            canvas.beginForm(name, -_REACH, -_REACH, _REACH, _REACH)
            canvas._curr_tx_info = {"cur_x": x, "cur_y": y}
            shown = self.formatter(page) if self.formatter else page
            drawPageNumbers(canvas, self.getLevelStyle(level), [(shown, None)], width, 0, dot)
            canvas.endForm()
