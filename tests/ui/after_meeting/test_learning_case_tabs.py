"""The case tabs after the meeting: submission, local review and the letter to the referrer;
and the reports screen. Built through the main window as the app builds them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.cases.cases import Child, ReferralRoute, Stage
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.after_meeting.submission_service import SubmissionService
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.cases.case_service import CaseService
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
from tests import builders
from tests.builders import HEALTH, POLICE, Directory
from tests.exports.pdf_reading import all_text
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.seams import seams_for
from tests.ui.after_meeting.after_meeting_cases import threshold_not_met


@pytest.fixture
def people(session: Session) -> Directory:
    return builders.add_directory(session)


def _notified(session: Session, today: date, pseudonym: str, on: date) -> int:
    child = Child(pseudonym, f"{pseudonym} Real-Name")
    case = builders.add_case(session, today=today, notified=on, children=(child,))
    assert case.case_id is not None
    return case.case_id


def _complete(
    session: Session,
    people: Directory,
    today: date,
    pseudonym: str = "Child K",
    notified: date = date(2026, 11, 2),
) -> int:
    """Everything the National Panel asks for, and an action from the meeting."""
    action = ImmediateAction("Review declined referrals", HEALTH, date(2026, 12, 11))
    case = builders.ready_to_submit(
        session, people, today=today, notified=notified, pseudonym=pseudonym, actions=(action,)
    )
    assert case.case_id is not None
    return case.case_id


@pytest.fixture
def tabs(qtbot, session: Session, messages: RecordingMessages, today: date, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The case tabs as this feature installs them, files saved in ``tmp_path``."""
    window = MainWindow(session.partnership)
    qtbot.addWidget(window)
    bench = Workbench(window, WindowEvents(window))
    seams = seams_for(messages, lambda: today, save_folder=tmp_path)
    after_meeting.install(bench, SessionServices(session), seams)
    return dict(bench.case_tabs)


def test_main_window_has_the_sections_and_tabs(
    qtbot, blank_context: AppContext, today: date
) -> None:  # type: ignore[no-untyped-def]
    case_id = _notified(blank_context.session, today, "Child K", date(2026, 11, 2))
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert {"Action plan", "Themes", "Reports"} <= set(titles)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(case_id)
    names = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    assert names[-3:] == ["Submission", "Local review", "Letter to referrer"]


def test_submission_lists_what_is_missing_then_saves(
    qtbot, tabs, session: Session, messages: RecordingMessages, tmp_path: Path, today: date
) -> None:  # type: ignore[no-untyped-def]
    case_id = _notified(session, today, "Child T", date(2026, 11, 9))
    tab = tabs["Submission"](case_id)
    qtbot.addWidget(tab)
    assert isinstance(tab, SubmissionTab)
    assert "• Describe the household" in tab.missing.text()
    assert tab.missing.property("role") == "inset"  # a list of what to do, not an error
    qtbot.keyClicks(tab.texts["household"], "Child T lived with her mother and grandmother.")
    qtbot.mouseClick(tab.add_agency_button, Qt.MouseButton.LeftButton)
    tab.agencies.item(0, 0).setText(POLICE)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "Describe the household" not in tab.missing.text()
    assert f"Record whether {POLICE} was involved" in tab.missing.text()
    details = SubmissionService(session).details(case_id)
    assert details.household == "Child T lived with her mother and grandmother."
    assert [a.agency for a in details.agencies] == [POLICE]
    messages.confirm_answer = False
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "national-panel-submission.pdf").exists()
    messages.confirm_answer = True
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "national-panel-submission.pdf").exists()


def test_complete_submission_and_briefing(
    qtbot, tabs, session: Session, people: Directory, today: date, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = tabs["Submission"](_complete(session, people, today))
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
    qtbot, tabs, session: Session, people: Directory, today: date, messages: RecordingMessages
) -> None:  # type: ignore[no-untyped-def]
    child_d = builders.add_case(
        session, today=today, notified=date(2026, 9, 1), children=(Child("Child D", "Dara"),)
    )
    review = builders.local_review(session, child_d, commissioned_on=date(2026, 10, 1))
    assert child_d.case_id is not None
    told = replace(review, family_informed_on=date(2026, 10, 7))
    LocalReviewService(session).save(child_d.case_id, told)
    review_tab = tabs["Local review"](child_d.case_id)
    qtbot.addWidget(review_tab)
    assert isinstance(review_tab, LocalReviewTab)
    rows = review_tab.milestone_rows()
    assert [row[0] for row in rows][:5] == [
        "Decision to initiate the review",
        "Review commissioned",
        "Family told about the review",
        "Practitioner event held",
        "Review completed (within 6 months of the decision to initiate)",
    ]
    assert rows[0][2] == "Done on 1 October 2026"
    assert rows[2][2] == "Done on 7 October 2026"
    assert rows[4][1] == "1 April 2027"
    case_id = _complete(session, people, today, "Child A", date(2026, 8, 3))
    endorse_tab = tabs["Local review"](case_id)
    qtbot.addWidget(endorse_tab)
    endorse_tab.show()
    assert endorse_tab.endorse_box.isVisible()
    endorse_tab.decided_date.set_value(date(2026, 8, 24))
    endorse_tab.endorse_date.set_value(date(2026, 8, 31))
    qtbot.mouseClick(endorse_tab.endorse_button, Qt.MouseButton.LeftButton)
    case = session.cases.get(case_id)
    assert case is not None
    assert case.stage is Stage.LOCAL_REVIEW
    # Working Together 2023: 6 months from the decision to initiate, not from commissioning
    assert endorse_tab.milestone_rows()[4][1] == "24 February 2027"
    qtbot.keyClicks(endorse_tab.reviewer, "Dr Annest Carrow")
    qtbot.waitUntil(lambda: endorse_tab.save_button.height() > 0)
    qtbot.mouseClick(endorse_tab.save_button, Qt.MouseButton.LeftButton)
    assert messages.texts[-1] == "Confirm the reviewer is independent of the agencies involved"
    endorse_tab.independent.setChecked(True)
    qtbot.mouseClick(endorse_tab.save_button, Qt.MouseButton.LeftButton)
    review = LocalReviewService(session).get(case_id)
    assert review is not None
    assert review.reviewer == "Dr Annest Carrow"


def test_threshold_letter(  # type: ignore[no-untyped-def]
    qtbot, tabs, session: Session, people: Directory, today: date, tmp_path: Path
) -> None:
    tab = tabs["Letter to referrer"](threshold_not_met(session, today))
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
    other = tabs["Letter to referrer"](_complete(session, people, today))
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


def test_a_family_letter_asks_for_no_next_steps(  # type: ignore[no-untyped-def]
    qtbot, tabs, session: Session, today: date
) -> None:
    """The letter to a parent has no professional's next steps, so the tab does not ask for
    them; a professional's letter does."""
    case_id = threshold_not_met(session, today)
    cases = CaseService(session)
    case = cases.get(case_id)
    assert case is not None
    family = replace(case.referral, route=ReferralRoute.PARENT, referrer_name="Ms Ada Wren")
    cases.save_case(replace(case, referral=family))
    tab = tabs["Letter to referrer"](case_id)
    qtbot.addWidget(tab)
    tab.resize(1000, 640)
    tab.show()
    qtbot.waitExposed(tab)
    assert not tab.next_steps.isVisible()
    shown = [label.text() for label in tab.findChildren(QLabel) if label.isVisible()]
    assert "Next steps for the referrer" not in shown
    assert "without a professional's next steps" in tab.notice.text()
    assert "Dear Ms Wren," in tab.preview.toPlainText()
    assert "Next steps" not in tab.preview.toPlainText()
    assert any("change it under Partnership forms" in text for text in shown)
    assert not any("Tower Hamlets" in text for text in shown)  # every partnership's tab

    professional = tabs["Letter to referrer"](threshold_not_met(session, today))
    qtbot.addWidget(professional)
    professional.resize(1000, 640)
    professional.show()
    qtbot.waitExposed(professional)
    assert professional.next_steps.isVisible()


def test_the_letter_and_the_action_plan_evidence_are_checked(  # type: ignore[no-untyped-def]
    qtbot, tabs, session: Session, people: Directory, today: date
) -> None:
    tab = tabs["Letter to referrer"](threshold_not_met(session, today))
    qtbot.addWidget(tab)
    qtbot.keyClicks(tab.next_steps, "Tel the SW. Child J can be named here.")
    assert [f.text for f in tab.next_steps.findings] == ["Tel", "SW"], "its own pseudonym is fine"
    case_id = _complete(session, people, today)
    for name, text, flagged in (
        ("Submission", "Known to CAMHS.", "CAMHS"),
        ("Local review", "Mum met the reviewer.", "Mum"),
    ):
        other = tabs[name](case_id)
        qtbot.addWidget(other)
        box = other.findChildren(NarrativeEdit)[-1]
        box.setPlainText(text)
        assert [f.text for f in box.findings] == [flagged], name
    window = MainWindow(session.partnership)
    qtbot.addWidget(window)
    bench = Workbench(window, WindowEvents(window))
    after_meeting.install(
        bench, SessionServices(session), seams_for(RecordingMessages(), lambda: today)
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
    qtbot,
    session: Session,
    people: Directory,
    messages: RecordingMessages,
    today: date,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.services.after_meeting.report_service import ReportService

    themes = ThemeService(session)
    decided = (_complete(session, people, today), _complete(session, people, today, "Child L"))
    for case_id in decided:  # both sent to the National Panel on working day 12
        themes.record_theme(case_id, "information_sharing", today)
    themes.record_theme(decided[0], "neglect", today)
    threshold_not_met(session, today)  # dated by its discussion, 23 October 2026
    for pseudonym, notified in (("Child T", date(2026, 11, 9)), ("Child M", date(2026, 11, 16))):
        _notified(session, today, pseudonym, notified)
    widget = ReportsWidget(
        ReportService(session),
        ThemeService(session),
        messages,
        lambda: today,
        files=ScriptedFileDialogs(save_folder=tmp_path),
    )
    qtbot.addWidget(widget)
    assert "Cases in the period: 5" in widget.figures.text()
    assert "Decided within 15 working days: 2 of 2 (100%)" in widget.figures.text()
    assert widget.chart.bars == (("Information sharing", 2), ("Neglect", 1))
    widget.start.set_value(date(2026, 11, 1))
    qtbot.mouseClick(widget.show_button, Qt.MouseButton.LeftButton)
    assert "Cases in the period: 4" in widget.figures.text()
    qtbot.mouseClick(widget.pdf_button, Qt.MouseButton.LeftButton)
    assert next(tmp_path.glob("rapid-review-report-*.pdf")).read_bytes().startswith(b"%PDF")
    widget.end.set_value(date(2026, 1, 1))
    qtbot.mouseClick(widget.show_button, Qt.MouseButton.LeftButton)
    assert messages.texts[-1] == "The end of the period must be on or after its start"


def test_redbridge_line_39_a_case_below_the_threshold_can_become_a_local_review(
    qtbot, tabs, session: Session, today: date, messages: RecordingMessages
) -> None:  # type: ignore[no-untyped-def]
    session.settings.set("profile", "redbridge")
    case = builders.add_case(session, today=today, notified=None, stage=Stage.THRESHOLD_NOT_MET)
    assert case.case_id is not None
    tab = tabs["Local review"](case.case_id)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.endorse_box.isVisible()
    assert tab.below_threshold_field.isVisible()
    assert "did not meet the threshold" in tab.notice.text()
    qtbot.mouseClick(tab.endorse_button, Qt.MouseButton.LeftButton)
    assert messages.texts[-1].startswith("Say why this case is reviewed")
    qtbot.keyClicks(tab.below_threshold, "Good practice in a near miss")
    qtbot.mouseClick(tab.endorse_button, Qt.MouseButton.LeftButton)
    stored = session.cases.get(case.case_id)
    assert stored is not None
    assert stored.stage is Stage.LOCAL_REVIEW
    assert tab.milestone_rows()[0][0] == "Decision to initiate the review"
