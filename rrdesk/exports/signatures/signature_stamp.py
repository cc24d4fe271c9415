"""The visible signature stamp: drawn with reportlab in the house font, placed by pyHanko.

pyHanko's own text stamps use a standard font it does not embed; this one embeds DejaVu Sans
like the rest of the document, so names such as Ŵyn or Nguyễn show correctly.
"""

from __future__ import annotations

import io
from typing import Any


def stamp_appearance(width: float, height: float, lines: tuple[str, str, str]) -> bytes:
    """The visible signature's appearance, drawn with the embedded house font."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame, KeepInFrame

    from rrdesk.exports.pdf import fonts
    from rrdesk.exports.pdf.house_style import INK, SHADE, para, styles

    fonts.register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), initialFontName=fonts.REGULAR)
    canvas.setFillColor(SHADE)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(1)
    canvas.rect(0.5, 0.5, width - 1, height - 1, fill=1)
    house = styles()
    caption, partnership, when = lines
    frame = Frame(
        2 * mm,
        1 * mm,
        width - 4 * mm,
        height - 2 * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=1 * mm,
        bottomPadding=0,
    )
    # A long name shrinks the text rather than pushing the time out of the box.
    content = KeepInFrame(
        width - 4 * mm,
        height - 3 * mm,
        [para(caption, house.small), para(partnership, house.cell_header), para(when, house.small)],
        mode="shrink",
    )
    frame.addFromList([content], canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def stamp_style(appearance: bytes) -> Any:
    """A pyHanko stamp style that shows ``appearance`` (a one-page PDF) as the signature."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.stamp import StaticStampStyle

    class _StampAppearance(PdfContent):
        """A page of a PDF held in memory, placed as the stamp (pyHanko only reads files)."""

        def render(self) -> bytes:
            writer = self._ensure_writer
            xobject = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(appearance)))
            self.resources.xobject["/RrdeskStamp"] = xobject
            x1, y1, x2, y2 = xobject.get_object()["/BBox"]
            self.box = layout.BoxConstraints(width=abs(x2 - x1), height=abs(y2 - y1))
            return b"/RrdeskStamp Do"

    return StaticStampStyle(
        background=_StampAppearance(),
        background_opacity=1.0,
        border_width=0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),  # type: ignore[no-untyped-call]
        ),
    )
