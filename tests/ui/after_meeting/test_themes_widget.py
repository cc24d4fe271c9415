"""The themes screen: both logs, recording a theme shows recurrence, editing the taxonomy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rrdesk.domain.cases.cases import Case, Child, Referral, Stage, ThresholdDiscussion
from rrdesk.services.after_meeting.theme_catalogue import load_taxonomy
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.store.session import Session
from rrdesk.ui.after_meeting.themes_widget import ThemesWidget
from tests import builders
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.ui.case_tabs import yellow_share


@pytest.fixture
def cases(session: Session, today: date) -> dict[str, Case]:
    """Five cases by pseudonym, four with themes: Child J's threshold was not met."""
    themes = ThemeService(session)
    recorded: dict[str, Case] = {}
    for pseudonyms, notified, keys in (
        (("Child K",), date(2026, 11, 2), ("safer_sleep",)),
        (("Child A", "Child B"), date(2026, 3, 2), ("information_sharing",)),
        (("Child D",), date(2025, 1, 6), ("information_sharing", "risk_assessment")),
        (("Child T",), date(2026, 11, 9), ()),
    ):
        children = tuple(Child(name, f"{name} Real-Name") for name in pseudonyms)
        case = builders.add_case(session, today=today, notified=notified, children=children)
        for key in keys:
            themes.record_theme(case.case_id or 0, key, today)
        recorded[pseudonyms[0]] = case
    recorded["Child J"] = builders.add_case(
        session,
        today=today,
        notified=None,
        stage=Stage.THRESHOLD_NOT_MET,
        children=(Child("Child J", "Jade Real-Name"),),
        referral=Referral(referrer_name="A parent", referral_date=date(2026, 10, 20)),
        threshold=ThresholdDiscussion(date(2026, 10, 23), "The partners", False, "An accident."),
    )
    themes.record_theme(recorded["Child J"].case_id or 0, "multi_agency_working", today)
    return recorded


@pytest.fixture
def widget(
    qtbot,
    session: Session,
    cases: dict[str, Case],
    messages: RecordingMessages,
    today: date,
    tmp_path: Path,
):  # type: ignore[no-untyped-def]
    shown = ThemesWidget(
        session,
        messages,
        lambda: today,
        files=ScriptedFileDialogs(save_folder=tmp_path),
    )
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_review_log_and_notification_log(widget: ThemesWidget, cases: dict[str, Case]) -> None:
    rows = widget.log_rows()
    assert "Child J" not in {row[1] for row in rows}
    child_k = cases["Child K"].reference
    assert rows[[r[0] for r in rows].index(child_k)][:2] == [child_k, "Child K"]
    assert [row[1] for row in rows if "Safer sleep" in row[3]] == ["Child K"]
    widget.log_choice.setCurrentIndex(1)
    rows = widget.log_rows()
    assert [row[1] for row in rows] == ["Child J"]
    assert "Multi-agency working" in rows[0][3]


def test_recording_a_theme_shows_other_cases_in_24_months(
    qtbot, widget: ThemesWidget, session: Session, cases: dict[str, Case]
) -> None:  # type: ignore[no-untyped-def]
    case = cases["Child T"]
    widget.case_choice.setCurrentIndex(widget.case_choice.findData(case.case_id))
    widget.theme_choice.setCurrentIndex(widget.theme_choice.findData("information_sharing"))
    qtbot.mouseClick(widget.record_button, Qt.MouseButton.LeftButton)
    text = widget.recurrence.text()
    assert text.startswith("'Information sharing' has come up in 2 other cases")
    assert f"{cases['Child A'].reference} (Child A and Child B" in text
    assert f"{cases['Child D'].reference} (Child D" in text
    assert case.case_id is not None
    assert ThemeService(session).recorded_keys(case.case_id) == ("information_sharing",)
    row = [r[0] for r in widget.log_rows()].index(case.reference)
    assert "Information sharing" in widget.log_rows()[row][3]


def test_choosing_a_case_in_the_log_shows_its_recurrences(widget: ThemesWidget) -> None:
    row = [r[1] for r in widget.log_rows()].index("Child D")
    widget.log_table.selectRow(row)
    text = widget.recurrence.text()
    assert "'Information sharing' has come up in 1 other case" in text
    assert "No other case has had 'Risk assessment' in the last 24 months." in text


def test_the_partnership_can_add_a_theme(
    qtbot, widget: ThemesWidget, session: Session, messages: RecordingMessages
) -> None:  # type: ignore[no-untyped-def]
    widget.tabs.setCurrentIndex(1)
    qtbot.mouseClick(widget.add_theme_button, Qt.MouseButton.LeftButton)
    row = widget.taxonomy_table.rowCount() - 1
    widget.taxonomy_table.item(row, 0).setText("bullying")
    widget.taxonomy_table.item(row, 1).setText("Bullying")
    qtbot.mouseClick(widget.save_taxonomy_button, Qt.MouseButton.LeftButton)
    assert load_taxonomy(session).label_of("bullying") == "Bullying"
    assert widget.theme_choice.findData("bullying") >= 0
    widget.taxonomy_table.item(0, 1).setText("")
    qtbot.mouseClick(widget.save_taxonomy_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][0] == "error"
    qtbot.mouseClick(widget.reset_taxonomy_button, Qt.MouseButton.LeftButton)
    assert load_taxonomy(session).get("bullying") is None


def test_saves_the_logs_as_csv(  # type: ignore[no-untyped-def]
    qtbot, widget: ThemesWidget, tmp_path: Path, cases: dict[str, Case]
) -> None:
    qtbot.mouseClick(widget.export_button, Qt.MouseButton.LeftButton)
    saved = next(tmp_path.glob("themes-*.csv")).read_text(encoding="utf-8-sig")
    assert "Themes from cases considered at Serious Incident Notification" in saved
    assert f"{cases['Child K'].reference},Child K," in saved


@pytest.mark.usefixtures("styled")
def test_the_themes_tabs_show_the_keyboards_focus(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """Tabbed onto, the tab on show turns the focus yellow, as a case's tabs do; clicked, not."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    bar = widget.tabs.tabBar()
    widget.log_choice.setFocus()
    for _ in range(10):  # back from the log's choice, by the keyboard, to the tabs
        if bar.hasFocus():
            break
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert bar.hasFocus()
    assert yellow_share(bar, 0) > 0.5
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert bar.currentIndex() == 1
    assert yellow_share(bar, 1) == 0
