"""The themes screen: both logs, recording a theme shows recurrence, editing the taxonomy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rrdesk.services.after_meeting.theme_catalogue import load_taxonomy
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.store.session import Session
from rrdesk.ui.after_meeting.themes_widget import ThemesWidget
from tests.fakes import RecordingMessages, ScriptedFileDialogs


@pytest.fixture
def widget(qtbot, demo_session: Session, messages: RecordingMessages, today: date, tmp_path: Path):  # type: ignore[no-untyped-def]
    shown = ThemesWidget(
        demo_session,
        messages,
        lambda: today,
        files=ScriptedFileDialogs(save_folder=tmp_path),
    )
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_review_log_and_notification_log(widget: ThemesWidget) -> None:
    rows = widget.log_rows()
    assert "Child J" not in {row[1] for row in rows}
    assert rows[[r[0] for r in rows].index("RR-2026-003")][:2] == ["RR-2026-003", "Child K"]
    assert any("Safer sleep" in row[3] for row in rows)
    widget.log_choice.setCurrentIndex(1)
    rows = widget.log_rows()
    assert [row[1] for row in rows] == ["Child J"]
    assert "Multi-agency working" in rows[0][3]


def test_recording_a_theme_shows_other_cases_in_24_months(
    qtbot, widget: ThemesWidget, demo_session: Session
) -> None:  # type: ignore[no-untyped-def]
    case = next(c for c in demo_session.cases.all_cases() if c.pseudonyms == "Child T")
    widget.case_choice.setCurrentIndex(widget.case_choice.findData(case.case_id))
    widget.theme_choice.setCurrentIndex(widget.theme_choice.findData("information_sharing"))
    qtbot.mouseClick(widget.record_button, Qt.MouseButton.LeftButton)
    text = widget.recurrence.text()
    assert text.startswith("'Information sharing' has come up in 2 other cases")
    assert "RR-2026-004 (Child A and Child B" in text
    assert "RR-2026-001 (Child D" in text
    assert "information_sharing" in ThemeService(demo_session).recorded_keys(case.case_id)
    row = [r[0] for r in widget.log_rows()].index(case.reference)
    assert "Information sharing" in widget.log_rows()[row][3]


def test_choosing_a_case_in_the_log_shows_its_recurrences(widget: ThemesWidget) -> None:
    row = [r[1] for r in widget.log_rows()].index("Child D")
    widget.log_table.selectRow(row)
    text = widget.recurrence.text()
    assert "'Information sharing' has come up in 1 other case" in text
    assert "No other case has had 'Risk assessment' in the last 24 months." in text


def test_the_partnership_can_add_a_theme(
    qtbot, widget: ThemesWidget, demo_session: Session, messages: RecordingMessages
) -> None:  # type: ignore[no-untyped-def]
    widget.tabs.setCurrentIndex(1)
    qtbot.mouseClick(widget.add_theme_button, Qt.MouseButton.LeftButton)
    row = widget.taxonomy_table.rowCount() - 1
    widget.taxonomy_table.item(row, 0).setText("bullying")
    widget.taxonomy_table.item(row, 1).setText("Bullying")
    qtbot.mouseClick(widget.save_taxonomy_button, Qt.MouseButton.LeftButton)
    assert load_taxonomy(demo_session).label_of("bullying") == "Bullying"
    assert widget.theme_choice.findData("bullying") >= 0
    widget.taxonomy_table.item(0, 1).setText("")
    qtbot.mouseClick(widget.save_taxonomy_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][0] == "error"
    qtbot.mouseClick(widget.reset_taxonomy_button, Qt.MouseButton.LeftButton)
    assert load_taxonomy(demo_session).get("bullying") is None


def test_saves_the_logs_as_csv(qtbot, widget: ThemesWidget, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget.export_button, Qt.MouseButton.LeftButton)
    saved = next(tmp_path.glob("themes-*.csv")).read_text(encoding="utf-8-sig")
    assert "Themes from cases considered at Serious Incident Notification" in saved
