"""The shipped font family: registered once, covering the names partnerships write."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from rrdesk.domain.decision_sheet.decision_sheet_template import DecisionSheetTemplate
from rrdesk.exports.pdf import fonts
from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.resource_files import resource
from tests.exports.pdf_reading import all_text
from tests.exports.samples import UNICODE_NAMES, decision_sheet_content


def test_the_licence_ships_with_the_fonts() -> None:
    licence = resource("fonts", "LICENCE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence
    assert "public domain" in licence


@pytest.mark.parametrize("face", [fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC])
def test_every_face_is_shipped(face: str) -> None:
    assert fonts.font_file_bytes(face)[:4] in (b"\x00\x01\x00\x00", b"true")


def test_registering_twice_is_harmless() -> None:
    assert fonts.register_fonts() == fonts.register_fonts() == fonts.FAMILY


@pytest.mark.parametrize(
    "name",
    [
        *UNICODE_NAMES,
        pytest.param("Zoë Gwenllïan Siôn", id="diaereses and circumflexes"),
        pytest.param("Đặng Văn Đức", id="Vietnamese D with stroke"),
        pytest.param("Ğülşen Çelik", id="Turkish capitals"),
    ],
)
def test_names_have_every_glyph(name: str) -> None:
    for face in (fonts.REGULAR, fonts.BOLD):
        assert fonts.missing_characters(name, face) == ""


def test_missing_glyphs_are_reported_once_each() -> None:
    assert fonts.missing_characters("王 王 Ann 李") == "王李"


def test_decomposed_names_print_composed(template: DecisionSheetTemplate) -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hương")
    assert decomposed != "Nguyễn Thị Hương"
    content = replace(decision_sheet_content(), chair=decomposed)
    assert "Chair Nguyễn Thị Hương" in " ".join(
        all_text(render_decision_sheet(content, template)).split()
    )
