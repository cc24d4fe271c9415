"""The case tabs after the meeting: submission, local review and the letter to the referrer;
and the reports screen. Built through the main window as the app builds them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.cases.cases import Stage
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.after_meeting.submission_service import SubmissionService
from rrdesk.services.session_services import SessionServices
from rrdesk.services.store.session import Session
from rrdesk.ui.after_meeting import wiring as after_meeting
from rrdesk.ui.after_meeting.local_review_tab import LocalReviewTab
from rrdesk.ui.after_meeting.reports_widget import ReportsWidget
from rrdesk.ui.after_meeting.submission_tab import SubmissionTab
from rrdesk.ui.after_meeting.threshold_letter_tab import ThresholdLetterTab
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.kit.narrative_edit import NarrativeEdit
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.shell.workbench import WindowEvents, Workbench
from tests.exports.pdf_reading import all_text
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.seams import seams_for


def _case_id(session: Session, pseudonym: str) -> int:
    case = next(c for c in session.cases.all_cases() if c.pseudonyms.startswith(pseudonym))
    assert case.case_id is not None
    return case.case_id


@pytest.fixture
def tabs(qtbot, demo_session: Session, messages: RecordingMessages, today: date, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The case tabs as this feature installs them, files saved in ``tmp_path``."""
    window = MainWindow(demo_session.partnership)
    qtbot.addWidget(window)
    bench = Workbench(window, WindowEvents(window))
    seams = seams_for(messages, lambda: today, save_folder=tmp_path)
    after_meeting.install(bench, SessionServices(demo_session), seams)
    return dict(bench.case_tabs)


def test_main_window_has_the_sections_and_tabs(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(context)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert {"Action plan", "Themes", "Reports"} <= set(titles)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(_case_id(context.session, "Child K"))
    names = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    assert names[-3:] == ["Submission", "Local review", "Letter to referrer"]


def test_submission_lists_what_is_missing_then_saves(
    qtbot, tabs, demo_session: Session, messages: RecordingMessages, tmp_path: Path, today: date
) -> None:  # type: ignore[no-untyped-def]
    case_id = _case_id(demo_session, "Child T")
    tab = tabs["Submission"](case_id)
    qtbot.addWidget(tab)
    assert isinstance(tab, SubmissionTab)
    assert "• Describe the household" in tab.missing.text()
    assert tab.missing.property("role") == "inset"  # a list of what to do, not an error
    qtbot.keyClicks(tab.texts["household"], "Child T lived with her mother and grandmother.")
    qtbot.mouseClick(tab.add_agency_button, Qt.MouseButton.LeftButton)
    tab.agencies.item(0, 0).setText("Northmoor Police Public Protection Unit")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "Describe the household" not in tab.missing.text()
    assert "Record whether Northmoor Police Public Protection Unit was involved" in (
        tab.missing.text()
    )
    assert SubmissionService(demo_session).details(case_id).household.startswith("Child T lived")
    messages.confirm_answer = False
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "national-panel-submission.pdf").exists()
    messages.confirm_answer = True
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "national-panel-submission.pdf").exists()


def test_complete_submission_and_briefing(
    qtbot, tabs, demo_session: Session, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = tabs["Submission"](_case_id(demo_session, "Child K"))
    qtbot.addWidget(tab)
    assert tab.missing.text() == "Everything the National Panel asks for is recorded."
    assert tab.missing.property("role") == "success"
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    text = all_text((tmp_path / "national-panel-submission.pdf").read_bytes())
    assert "14. Sign-off by the safeguarding partners" in text
    qtbot.mouseClick(tab.briefing_button, Qt.MouseButton.LeftButton)
    briefing = all_text((tmp_path / "7-minute-briefing.pdf").read_bytes())
    assert "Child K" not in briefing
    assert "7. Questions to reflect on" in briefing


def test_local_review_milestones_and_endorsing(
    qtbot, tabs, demo_session: Session, today: date, messages: RecordingMessages
) -> None:  # type: ignore[no-untyped-def]
    review_tab = tabs["Local review"](_case_id(demo_session, "Child D"))
    qtbot.addWidget(review_tab)
    assert isinstance(review_tab, LocalReviewTab)
    rows = review_tab.milestone_rows()
    assert [row[0] for row in rows][2] == "Review completed (within 6 months)"
    assert rows[0][2].startswith("Done on")
    case_id = _case_id(demo_session, "Child A")
    endorse_tab = tabs["Local review"](case_id)
    qtbot.addWidget(endorse_tab)
    endorse_tab.show()
    assert endorse_tab.endorse_box.isVisible()
    endorse_tab.endorse_date.set_value(date(2026, 8, 31))
    qtbot.mouseClick(endorse_tab.endorse_button, Qt.MouseButton.LeftButton)
    case = demo_session.cases.get(case_id)
    assert case is not None
    assert case.stage is Stage.LOCAL_REVIEW
    assert endorse_tab.milestone_rows()[2][1] == "28 February 2027"
    qtbot.keyClicks(endorse_tab.reviewer, "Dr Annest Carrow")
    qtbot.waitUntil(lambda: endorse_tab.save_button.height() > 0)
    qtbot.mouseClick(endorse_tab.save_button, Qt.MouseButton.LeftButton)
    assert messages.texts[-1] == "Confirm the reviewer is independent of the agencies involved"
    endorse_tab.independent.setChecked(True)
    qtbot.mouseClick(endorse_tab.save_button, Qt.MouseButton.LeftButton)
    review = LocalReviewService(demo_session).get(case_id)
    assert review is not None
    assert review.reviewer == "Dr Annest Carrow"


def test_threshold_letter(qtbot, tabs, demo_session: Session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = tabs["Letter to referrer"](_case_id(demo_session, "Child J"))
    qtbot.addWidget(tab)
    assert isinstance(tab, ThresholdLetterTab)
    assert "threshold is not met: an accident" in tab.preview.toPlainText()
    tab.next_steps.setPlainText("Talk to the school's safeguarding lead.")
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    text = all_text((tmp_path / "letter-to-the-referrer.pdf").read_bytes())
    assert "Talk to the school's safeguarding lead." in text
    assert "version 2" in tab.versions.text()
    # The day each was made, written as a person writes it (they are made now, not "today").
    assert re.search(r"version 2 \(\d{1,2} [A-Z][a-z]+ \d{4}\)", tab.versions.text())
    other = tabs["Letter to referrer"](_case_id(demo_session, "Child K"))
    qtbot.addWidget(other)
    assert "only for cases where the threshold" in other.notice.text()
    other.resize(1000, 640)
    other.show()
    qtbot.waitExposed(other)
    heading = other.findChild(QLabel, "letter_heading")
    assert heading is not None
    # At the top, as tall as its words, and the notice right under it: not spread down the page.
    assert heading.y() < 40
    assert heading.height() <= heading.sizeHint().height() + 10
    assert other.notice.y() < heading.y() + heading.sizeHint().height() + 40


def test_the_letter_and_the_action_plan_evidence_are_checked(  # type: ignore[no-untyped-def]
    qtbot, tabs, demo_session: Session, today: date
) -> None:
    tab = tabs["Letter to referrer"](_case_id(demo_session, "Child J"))
    qtbot.addWidget(tab)
    qtbot.keyClicks(tab.next_steps, "Tel the SW. Child J can be named here.")
    assert [f.text for f in tab.next_steps.findings] == ["Tel", "SW"], "its own pseudonym is fine"
    case_id = _case_id(demo_session, "Child K")
    for name, text, flagged in (
        ("Submission", "Known to CAMHS.", "CAMHS"),
        ("Local review", "Mum met the reviewer.", "Mum"),
    ):
        other = tabs[name](case_id)
        qtbot.addWidget(other)
        box = other.findChildren(NarrativeEdit)[-1]
        box.setPlainText(text)
        assert [f.text for f in box.findings] == [flagged], name
    window = MainWindow(demo_session.partnership)
    qtbot.addWidget(window)
    bench = Workbench(window, WindowEvents(window))
    after_meeting.install(
        bench, SessionServices(demo_session), seams_for(RecordingMessages(), lambda: today)
    )
    _title, build = bench.sections["action_plan"]
    assert callable(build)
    plan = build()
    qtbot.addWidget(plan)
    evidence = plan.findChild(NarrativeEdit, "action_evidence")
    assert evidence is not None
    evidence.setPlainText("Audit by the MASH.")  # enabled once an action is chosen
    assert [f.text for f in evidence.findings] == ["MASH"]
    new_action = plan.findChild(NarrativeEdit, "new_action_text")
    assert new_action is not None
    qtbot.keyClicks(new_action, "Train the GP practice staff on DV.")
    assert [f.text for f in new_action.findings] == ["DV"]


def test_reports_screen(
    qtbot, demo_session: Session, messages: RecordingMessages, today: date, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.services.after_meeting.report_service import ReportService
    from rrdesk.services.after_meeting.theme_service import ThemeService

    widget = ReportsWidget(
        ReportService(demo_session),
        ThemeService(demo_session),
        messages,
        lambda: today,
        files=ScriptedFileDialogs(save_folder=tmp_path),
    )
    qtbot.addWidget(widget)
    assert "Decided within 15 working days: 2 of 2 (100%)" in widget.figures.text()
    assert widget.chart.bars[0] == ("Information sharing", 2)
    widget.start.set_value(date(2026, 11, 1))
    qtbot.mouseClick(widget.show_button, Qt.MouseButton.LeftButton)
    assert "Cases in the period: 4" in widget.figures.text()
    qtbot.mouseClick(widget.pdf_button, Qt.MouseButton.LeftButton)
    assert next(tmp_path.glob("rapid-review-report-*.pdf")).read_bytes().startswith(b"%PDF")
    widget.end.set_value(date(2026, 1, 1))
    qtbot.mouseClick(widget.show_button, Qt.MouseButton.LeftButton)
    assert messages.texts[-1] == "The end of the period must be on or after its start"
