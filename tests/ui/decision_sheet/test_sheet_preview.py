"""The on-screen preview and the PDF say the same thing for the same sheet."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from rrdesk.domain.decision_sheet.decision_sheet_content import (
    DecisionSheetContent,
    SheetTimetable,
)
from rrdesk.domain.decision_sheet.decision_sheet_template import DecisionSheetTemplate
from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
from rrdesk.ui.decision_sheet.sheet_preview import sheet_preview_html
from tests.exports.pdf_reading import all_text
from tests.exports.samples import decision_sheet_content

NO_MEETING_YET = DecisionSheetContent(
    partnership_name="Northmoor Safeguarding Children Partnership",
    case_reference="RR-2026-031",
    pseudonyms=(),
    prepared_on=date(2026, 11, 20),
    timetable=SheetTimetable(
        notification_date=date(2026, 11, 12),
        meeting_date=None,
        due_date=None,
        working_days_used=None,
    ),
)
SHORT_WORDS = replace(
    decision_sheet_content(agencies=4),
    incident_summary="The child was found injured at home.",
    themes_and_learning=(),
    criteria=(),
    rationale="The agencies did not share what they knew.",
    parallel_processes=("Child death review",),
    version=2,
    change_note="Corrected the meeting start time.",
)


PREVIEW_ONLY = {"What changed since the last version"}
"""The preview repeats the change note at the top, under its own heading."""


def _flat(text: str) -> str:
    return " ".join(text.split())


def _preview_lines(content: DecisionSheetContent, template: DecisionSheetTemplate) -> list[str]:
    document = QTextDocument()
    document.setHtml(sheet_preview_html(content, template))
    lines = [line.strip() for line in document.toPlainText().splitlines()]
    return [line for line in lines if line]


@pytest.fixture(scope="module")
def template() -> DecisionSheetTemplate:
    return load_decision_sheet_template()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(NO_MEETING_YET, id="no meeting yet"),
        pytest.param(SHORT_WORDS, id="a full meeting"),
    ],
)
def test_every_line_of_the_preview_is_on_the_pdf(
    qtbot: QtBot, content: DecisionSheetContent, template: DecisionSheetTemplate
) -> None:
    pdf = _flat(all_text(render_decision_sheet(content, template)))
    marking, heading, *lines = _preview_lines(content, template)
    assert marking == "OFFICIAL-SENSITIVE"
    assert heading == f"Decision sheet: {content.case_reference}, version {content.version}"
    missing = [line for line in lines if _flat(line) not in pdf and line not in PREVIEW_ONLY]
    assert missing == []
    assert len(lines) > 30


def test_a_meeting_not_yet_held_reads_the_same_in_both(
    qtbot: QtBot, template: DecisionSheetTemplate
) -> None:
    preview = "\n".join(_preview_lines(NO_MEETING_YET, template))
    pdf = _flat(all_text(render_decision_sheet(NO_MEETING_YET, template)))
    for words in (
        "Meeting Not yet held",
        "Working days used Not known",
        "Due to the National Panel (day 15) Not known",
        "Child (pseudonym) Not recorded",
        "No vote was held.",
    ):
        assert words in _flat(preview.replace("\n", " "))
        assert words in pdf
    assert "Not held" not in preview.replace("Not yet held", "")
