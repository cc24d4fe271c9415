"""The panel pack: contents, case summary, timetable and every quality-assured form."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from typing import Any

import pytest
from pypdf import PdfReader

from rrdesk.domain.agency_forms.agency_counts import MissingForm
from rrdesk.exports.pdf.house_style import DAY_ZERO_SENTENCE, MARKING
from rrdesk.exports.pdf.panel_pack import RenderCancelled, render_panel_pack
from tests.exports.pdf_reading import all_text, fonts_embedded, page_texts, pdffonts_rows
from tests.exports.samples import AGENCY_NAMES, PARTNERSHIP, UNICODE_NAMES, panel_pack_content


@pytest.fixture(scope="module")
def pack() -> bytes:
    return render_panel_pack(panel_pack_content(forms=4))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _outline(reader: PdfReader, items: list[Any]) -> list[tuple[str, int]]:
    entries: list[tuple[str, int]] = []
    for item in items:
        if isinstance(item, list):
            entries.extend(_outline(reader, item))
        else:
            entries.append((item.title, reader.get_destination_page_number(item) + 1))
    return entries


def test_contents_and_bookmarks_list_every_section_with_its_page(pack: bytes) -> None:
    reader = PdfReader(io.BytesIO(pack))
    entries = _outline(reader, reader.outline)
    titles = [title for title, _ in entries]
    assert titles == ["Case summary", "Timetable", "Agency check forms", *AGENCY_NAMES[:4]]
    pages = page_texts(pack)
    contents = pages[0]
    page_numbers = re.findall(r"\. (\d+)\n", contents)
    assert [int(number) for number in page_numbers] == [page for _, page in entries]
    for title, page in entries:
        assert title in contents
        assert title in pages[page - 1], f"{title} is not on page {page}"


@pytest.mark.parametrize(
    "expected",
    [
        pytest.param("Case reference RR-2026-014", id="case reference"),
        pytest.param("Child (pseudonym) Child T", id="pseudonym"),
        pytest.param("Incident Seriously harmed", id="case summary row"),
        pytest.param("Rapid Review meeting Day 10 16 November 2026", id="milestone"),
        pytest.param("Sent to the National Panel Day 15 23 November 2026", id="last milestone"),
        pytest.param(DAY_ZERO_SENTENCE, id="day 0 sentence"),
        pytest.param("4 quality-assured forms", id="form count"),
        pytest.param("Quality assured 11 November 2026", id="quality assured date"),
        pytest.param("Chronology of significant contacts", id="form section"),
        pytest.param("What was decided", id="chronology columns"),
        pytest.param("Milestone Working day Due", id="timetable columns"),
        pytest.param("9 April 2026 Nguyễn Thị Hương Home visit None", id="chronology row"),
    ],
)
def test_pack_shows(pack: bytes, expected: str) -> None:
    assert _flat(expected) in _flat(all_text(pack))


@pytest.mark.parametrize("name", UNICODE_NAMES[:4])
def test_unicode_names_come_back_out(pack: bytes, name: str) -> None:
    assert name in _flat(all_text(pack))


def test_each_form_starts_on_a_new_page(pack: bytes) -> None:
    pages = page_texts(pack)
    starts = [text for text in pages if "Completed by" in text]
    assert len(starts) == 4


def test_every_page_is_marked_and_numbered(pack: bytes) -> None:
    pages = page_texts(pack)
    for number, text in enumerate(pages, start=1):
        assert text.count(MARKING) >= 2
        assert f"Page {number} of {len(pages)}" in _flat(text)


def test_every_font_is_embedded(pack: bytes) -> None:
    fonts = fonts_embedded(pack)
    assert fonts
    assert all(fonts.values()), fonts
    rows = pdffonts_rows(pack)
    if rows is not None:
        assert all(row[-5] == "yes" for row in rows), rows


def test_metadata_and_outline(pack: bytes) -> None:
    reader = PdfReader(io.BytesIO(pack))
    assert reader.metadata is not None
    assert reader.metadata.author == PARTNERSHIP
    assert reader.metadata.creator == "rrdesk"
    assert reader.metadata.title == "Rapid Review panel pack: RR-2026-014"
    assert reader.outline, "bookmarks let readers jump to each agency"


def test_progress_is_reported_up_to_the_end() -> None:
    calls: list[tuple[int, int]] = []
    render_panel_pack(panel_pack_content(forms=2), progress=lambda d, t: calls.append((d, t)))
    assert len(calls) > 3
    assert calls[-1][0] == calls[-1][1]
    assert all(done <= total for done, total in calls)


def test_cancelling_stops_the_build() -> None:
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 5

    with pytest.raises(RenderCancelled):
        render_panel_pack(panel_pack_content(forms=3), cancelled=cancelled)


def test_cancelled_before_starting() -> None:
    with pytest.raises(RenderCancelled):
        render_panel_pack(panel_pack_content(forms=1), cancelled=lambda: True)


def test_pack_without_forms_says_so() -> None:
    text = _flat(all_text(render_panel_pack(replace(panel_pack_content(), forms=()))))
    assert "No forms have been quality assured yet." in text


def test_unanswered_questions_and_empty_tables_are_shown_as_such() -> None:
    from rrdesk.domain.agency_forms.panel_pack_content import FormAnswer, FormSection, FormTable

    content = panel_pack_content(forms=1)
    form = replace(
        content.forms[0],
        sections=(
            FormSection(
                "What went well",
                answers=(FormAnswer("What went well", "  "),),
                tables=(FormTable(columns=("Date", "What happened"), rows=()),),
            ),
        ),
    )
    text = _flat(all_text(render_panel_pack(replace(content, forms=(form,)))))
    assert "Not answered." in text
    assert "No entries." in text


def test_forms_still_outstanding_are_listed_with_why() -> None:
    content = replace(
        panel_pack_content(),
        missing=(
            MissingForm("Northmoor Housing", "Overdue since 20 November 2026"),
            MissingForm("Northmoor Schools", "The request has not been sent"),
        ),
    )
    text = " ".join(all_text(render_panel_pack(content)).split())
    assert (
        "Forms not in this pack Agency Why its form is not here "
        "Northmoor Housing Overdue since 20 November 2026 "
        "Northmoor Schools The request has not been sent"
    ) in text
    assert "Forms not in this pack" not in " ".join(
        all_text(render_panel_pack(panel_pack_content())).split()
    )


def test_a_form_quality_assured_anyway_says_so_under_its_heading() -> None:
    content = panel_pack_content(forms=2)
    first, second = content.forms
    said = "Quality assured with 9 sections not completed"
    forms = (replace(first, assured_with=said), second)
    text = _flat(all_text(render_panel_pack(replace(content, forms=forms))))
    assert f"{first.agency} {said}. Agency {first.agency}" in text
    assert text.count("Quality assured with") == 1, "only the form marked anyway says so"
