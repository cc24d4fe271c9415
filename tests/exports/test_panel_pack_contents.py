"""The panel pack's contents page: each entry names the page its section starts on."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable, PageBreak

from rrdesk.domain.agency_forms.panel_pack_content import PanelPackContent
from rrdesk.exports.pdf.house_style import contents_table, heading, para
from rrdesk.exports.pdf.page_layout import DocumentInfo, build_pdf
from rrdesk.exports.pdf.panel_pack import render_panel_pack
from tests.exports.pdf_reading import page_texts
from tests.exports.samples import PARTNERSHIP, panel_pack_content


def _flat(text: str) -> str:
    return " ".join(text.split())


def _contents_numbers(pages: list[str], contents_pages: int) -> list[int]:
    """The page numbers the contents gives, in order (each follows its dots)."""
    return [int(n) for n in re.findall(r"\. (\d+)\n", "\n".join(pages[:contents_pages]) + "\n")]


def _link_pages(pdf: bytes, contents_pages: int) -> set[int]:
    reader = PdfReader(io.BytesIO(pdf))
    targets: set[int] = set()
    for page in reader.pages[:contents_pages]:
        for annotation in page.get("/Annots", []):
            destination = annotation.get_object()["/Dest"][0]
            number = reader.get_page_number(destination.get_object())
            assert number is not None, "each contents entry links to a page in the pack"
            targets.add(number + 1)
    return targets


def _pack(agencies: int) -> PanelPackContent:
    content = panel_pack_content(forms=12)
    forms = [
        replace(form, agency=f"{form.agency} (team {number})" if agencies > 12 else form.agency)
        for number in range(1, agencies // 12 + 2)
        for form in content.forms
    ][:agencies]
    return replace(content, forms=tuple(forms))


@pytest.mark.parametrize(
    "agencies", [pytest.param(12, id="12 agencies"), pytest.param(40, id="contents over two pages")]
)
def test_each_agency_starts_on_the_page_the_contents_gives(agencies: int) -> None:
    content = _pack(agencies)
    pdf = render_panel_pack(content)
    pages = page_texts(pdf)
    contents_pages = next(n for n, page in enumerate(pages) if "Case reference" in page)
    assert contents_pages == (2 if agencies > 30 else 1)
    numbers = _contents_numbers(pages, contents_pages)
    names = [form.agency for form in content.forms]
    titles = ["Case summary", "Timetable", "Agency check forms", *names]
    assert len(numbers) == len(titles)
    contents = _flat(" ".join(pages[:contents_pages]))
    for title, page in zip(titles, numbers, strict=True):
        assert title in contents
        assert title in pages[page - 1], f"{title} is not on page {page}"
    for name, page in zip(names, numbers[3:], strict=True):
        assert f"Agency {name} " in _flat(pages[page - 1]), f"{name} does not start on {page}"
        assert f"Agency {name} " not in _flat(pages[page - 2]), f"{name} starts before {page}"
    assert _link_pages(pdf, contents_pages) == set(numbers)


class _HeadingLater(Flowable):  # type: ignore[misc]
    """Too tall for any page, so it is split: into a heading the contents did not list."""

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        return width, 10_000

    def split(self, width: float, height: float) -> list[Flowable]:
        return [PageBreak(), heading("Added while placing", 1), para("Its words.")]


def test_a_heading_placed_but_not_listed_still_gets_its_page() -> None:
    story = [
        heading("Contents", 1, contents=False),
        contents_table(),
        PageBreak(),
        heading("First section", 1),
        para("Words."),
        _HeadingLater(),
    ]
    info = DocumentInfo(title="Contents check", partnership=PARTNERSHIP, subject="Check")
    pdf = build_pdf(info, story, with_contents=True)
    pages = page_texts(pdf)
    assert _contents_numbers(pages, 1) == [2, 3]
    assert "First section" in pages[1]
    assert "Added while placing" in pages[2]
