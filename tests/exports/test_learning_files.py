"""The action plan as Excel (round trip with openpyxl) and CSV, the themes CSV, and the PDFs of
the plan, the threshold letter, the 7-minute briefing and the report."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from rrdesk.domain.after_meeting.action_plan import (
    ActionStatus,
    ActionTracking,
    AddedAction,
    PlanAction,
    plan_for_case,
)
from rrdesk.domain.after_meeting.learning_briefing import build_briefing
from rrdesk.domain.after_meeting.review_reports import (
    PeriodReport,
    ReportCase,
    ReportPeriod,
    build_report,
)
from rrdesk.domain.after_meeting.themes import CaseThemes, Theme, ThemeTaxonomy
from rrdesk.domain.after_meeting.threshold_letter import ThresholdLetter
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.exports.pdf.action_plan_pdf import render_action_plan
from rrdesk.exports.pdf.house_style import MARKING
from rrdesk.exports.pdf.learning_briefing import render_learning_briefing
from rrdesk.exports.pdf.review_report import render_report
from rrdesk.exports.pdf.threshold_letter import render_threshold_letter
from rrdesk.exports.spreadsheets.action_plan_files import (
    ACTION_COLUMNS,
    OVERDUE_FILL,
    action_plan_csv,
    action_plan_workbook,
    themes_csv,
)
from tests.domain.after_meeting.learning_samples import sample_case, sample_meeting
from tests.exports.pdf_reading import all_text, page_texts

TODAY = date(2026, 11, 22)
CALENDAR = packaged_calendar()


def _plan() -> tuple[PlanAction, ...]:
    return plan_for_case(
        case_id=1,
        case_reference="RR-2026-014",
        meeting_actions=(
            ImmediateAction("Share the partner's history", "Police", date(2026, 11, 2)),
        ),
        added=(
            AddedAction(1, "=SUM(A1) audit of ‘new adults’ questions", "Health", date(2027, 1, 5)),
            AddedAction(2, "Training for staff", "Nguyễn's team", None),
        ),
        tracking={
            "added-1": ActionTracking(
                ActionStatus.COMPLETED,
                "Audit of 20 records",
                date(2026, 10, 1),
                "Fern Ashdown",
                date(2026, 11, 1),
            )
        },
    )


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_action_plan_csv() -> None:
    rows = _rows(action_plan_csv(_plan(), TODAY, CALENDAR))
    assert rows[0] == list(ACTION_COLUMNS)
    first, second, third = rows[1:]
    assert first[:8] == [
        "RR-2026-014",
        "Rapid Review",
        "Immediate action from the meeting",
        "Share the partner's history",
        "Police",
        "2026-11-02",
        "Overdue",
        "14",  # working days from Monday 2 November to Sunday 22 November
    ]
    assert second[3].startswith("'=SUM(A1)"), "formulas are never run"
    assert second[6:] == [
        "Completed",
        "",
        "Audit of 20 records",
        "2026-10-01",
        "Yes",
        "Fern Ashdown",
        "2026-11-01",
    ]
    assert third[4] == "Nguyễn's team"
    assert third[5] == ""


def test_action_plan_workbook_round_trip() -> None:
    book = load_workbook(io.BytesIO(action_plan_workbook(_plan(), TODAY, "Northmoor", CALENDAR)))
    sheet = book["Action plan"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ACTION_COLUMNS
    assert rows[1][3] == "Share the partner's history"
    assert rows[1][5].date() == date(2026, 11, 2)
    assert rows[1][6] == "Overdue"
    assert rows[1][7] == 14
    assert rows[2][3] == "'=SUM(A1) audit of ‘new adults’ questions"
    assert sheet.cell(3, 4).data_type == "s", "stored as text, not a formula"
    assert rows[2][10] == "Yes"
    assert rows[2][12].date() == date(2026, 11, 1)
    assert sheet.cell(2, 7).fill.start_color.rgb.endswith(OVERDUE_FILL)
    assert sheet.cell(2, 7).font.color.rgb.endswith("942514")
    assert not sheet.cell(3, 7).fill.start_color.rgb.endswith(OVERDUE_FILL)
    summary = list(book["By agency"].iter_rows(values_only=True))
    assert summary[0] == ("Agency", "Open", "Of which overdue", "Completed", "Embedded")
    assert ("Police", 1, 1, 0, 0) in summary
    assert ("Health", 0, 0, 1, 1) in summary


DANGEROUS = ("=cmd|' /C calc'!A0", "+1+cmd", "-2+3", "@SUM(A1)", "|calc", "\tx", "\rx")
FULL_WIDTH = ("\uff1dcmd()", "\uff0b1", "\uff0d1", "\uff20SUM(A1)", "\uff5ccalc")


def _hostile_plan(start: str) -> tuple[PlanAction, ...]:
    """A plan with ``start`` typed at the start of every text a person can enter."""
    return plan_for_case(
        case_id=1,
        case_reference=start + "RR-2026-014",
        meeting_actions=(ImmediateAction(start + " meeting", start + " agency", None),),
        added=(AddedAction(1, start + " action", start + " owner", date(2026, 1, 5)),),
        tracking={
            "added-1": ActionTracking(
                ActionStatus.COMPLETED,
                start + " evidence",
                date(2026, 10, 1),
                start + " confirmer",
                date(2026, 11, 1),
            )
        },
    )


@pytest.mark.parametrize("start", DANGEROUS + FULL_WIDTH)
def test_no_typed_text_becomes_a_formula_in_any_sheet_or_the_csv(start: str) -> None:
    plan = _hostile_plan(start)
    book = load_workbook(io.BytesIO(action_plan_workbook(plan, TODAY, "Northmoor", CALENDAR)))
    typed = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and start.strip() in cell.value:
                    typed.append(cell.value)
                    assert cell.value.startswith("'" + start), (sheet.title, cell.coordinate)
    # The case on 2 rows, 2 actions, 2 owners, evidence, confirmer; 2 agencies by agency.
    assert len(typed) == 10, typed
    assert {sheet.title for sheet in book.worksheets} == {"Action plan", "By agency"}
    for row in _rows(action_plan_csv(plan, TODAY, CALENDAR))[1:]:
        for value in row:
            assert value[:1] not in "=+-@|\t\r\uff1d\uff0b\uff0d\uff20\uff5c" or value == ""


def test_every_sheet_is_marked_and_set_up_to_print() -> None:
    book = load_workbook(
        io.BytesIO(action_plan_workbook(_plan(), TODAY, "Northmoor & Vale", CALENDAR))
    )
    for sheet in book.worksheets:
        assert sheet.oddHeader.center.text == "OFFICIAL-SENSITIVE", sheet.title
        assert sheet.oddFooter.center.text == "OFFICIAL-SENSITIVE", sheet.title
        assert sheet.oddFooter.left.text == "Northmoor && Vale"
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
    assert book.properties.title.startswith("OFFICIAL-SENSITIVE")


def test_themes_csv() -> None:
    taxonomy = ThemeTaxonomy((Theme("neglect", "Neglect"), Theme("safer_sleep", "Safer sleep")))
    entries = [
        CaseThemes(
            1, "RR-1", "Child A", Stage.CLOSED, date(2026, 1, 2), ("neglect", "safer_sleep")
        ),
        CaseThemes(2, "RR-2", "Child J", Stage.THRESHOLD_NOT_MET, None, ()),
    ]
    rows = _rows(themes_csv(entries, taxonomy))
    assert rows[1][1:] == ["RR-1", "Child A", "Closed", "2026-01-02", "neglect", "Neglect"]
    assert rows[2][5:] == ["safer_sleep", "Safer sleep"]
    assert rows[3][0].startswith("Themes from cases considered at Serious Incident Notification")
    assert rows[3][5:] == ["", ""]


@pytest.mark.parametrize("start", DANGEROUS + FULL_WIDTH)
def test_no_typed_text_starts_a_formula_in_the_themes_csv(start: str) -> None:
    """The reference, the pseudonyms, the theme's key and label a partnership types."""
    taxonomy = ThemeTaxonomy((Theme(start + "key", start + " label"),))
    entry = CaseThemes(1, start + "RR-1", start + " Child A", Stage.CLOSED, None, (start + "key",))
    row = _rows(themes_csv([entry], taxonomy))[1]
    typed = [row[1], row[2], row[5], row[6]]
    assert all(value.startswith("'" + start) for value in typed), row


def test_action_plan_pdf_marks_overdue_in_words() -> None:
    pdf = render_action_plan(_plan(), TODAY, "Northmoor", chosen="All agencies", calendar=CALENDAR)
    text = " ".join(all_text(pdf).split())
    assert "OVERDUE by 14 working days" in text
    assert "3 actions; 1 overdue" in text
    assert "embedded (confirmed by Fern Ashdown, 1 November 2026)" in text
    assert MARKING in text


def test_threshold_letter_pdf() -> None:
    letter = ThresholdLetter(
        "Your referral",
        "RR-2026-006",
        TODAY,
        ("Gethin ap Rhys", "Lead Named Nurse"),
        "Dear Gethin ap Rhys,",
        ("The threshold is not met.", "Next steps: talk to the school."),
        "Yours sincerely,",
        "Harriet Vale",
        "Rapid Review Chair",
    )
    pdf = render_threshold_letter(letter, "Northmoor")
    text = " ".join(all_text(pdf).split())
    for words in ("Dear Gethin ap Rhys,", "Next steps: talk to the school.", "Harriet Vale"):
        assert words in text
    assert "22 November 2026" in text
    assert len(page_texts(pdf)) == 1


def test_briefing_is_one_page_with_seven_boxes() -> None:
    briefing = build_briefing(
        sample_case(),
        sample_meeting(),
        partnership="Northmoor",
        use_pseudonym=False,
        theme_label=str,
    )
    pdf = render_learning_briefing(briefing)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = " ".join(all_text(pdf).split())
    for number, title in enumerate(
        (
            "Background",
            "Why it matters",
            "What went well",
            "What could have been better",
            "Learning for agencies",
            "What has changed",
            "Questions to reflect on",
        ),
        start=1,
    ):
        assert f"{number}. {title}" in text
    assert "Tamsin" not in text
    assert "Child T" not in text


@pytest.fixture
def report() -> PeriodReport:
    cases = [
        ReportCase(1, "RR-1", Stage.SENT_TO_NATIONAL_PANEL, date(2026, 3, 1), 14),
        ReportCase(2, "RR-2", Stage.LOCAL_REVIEW, date(2026, 4, 1), 16, date(2026, 5, 1)),
    ]
    themes = [
        CaseThemes(1, "RR-1", "Child A", Stage.CLOSED, None, ("neglect", "safer_sleep")),
        CaseThemes(2, "RR-2", "Child B", Stage.CLOSED, None, ("neglect",)),
    ]
    return build_report(
        ReportPeriod(date(2026, 1, 1), date(2026, 6, 30)), cases, themes, _plan(), TODAY
    )


def test_report_pdf(report: PeriodReport) -> None:
    pdf = render_report(report, "Northmoor", lambda key: key.replace("_", " ").capitalize())
    text = " ".join(all_text(pdf).split())
    assert "1 of 2 (50%)" in text
    assert "15 working days" in text
    assert "Local reviews commissioned 1" in text
    assert "Neglect" in text
    assert "Safer sleep" in text


def test_no_word_in_the_action_plan_pdf_is_broken_across_lines() -> None:
    """Every word typed, and every status, reads back whole: a narrow column broke the case
    reference as 'RR-2026-01' above '4'."""
    owners = ("Metropolitan Police Service", "Integrated Care Board", "Children's Social Care")
    plan = plan_for_case(
        case_id=1,
        case_reference="RR-2026-014",
        meeting_actions=tuple(
            ImmediateAction(f"Safeguarding supervision for {owner}", owner, date(2026, 11, 2))
            for owner in owners
        ),
        added=(AddedAction(1, "Multi-agency chronology", "Housing", date(2026, 11, 20)),),
        tracking={
            "added-1": ActionTracking(
                ActionStatus.COMPLETED,
                "Chronology reviewed by the partnership",
                date(2026, 11, 10),
                "Fern Ashdown",
                date(2026, 11, 12),
            )
        },
    )
    pdf = render_action_plan(plan, TODAY, "Northmoor", calendar=CALENDAR)
    read = set(all_text(pdf).split())
    typed = " ".join(
        f"{a.case_reference} {a.review.label} {a.action} {a.owner_agency} {a.tracking.evidence}"
        for a in plan
    )
    words = set(typed.split()) | {"OVERDUE", "14", "working", "days", "(confirmed", "Ashdown,"}
    assert words - read == set()
