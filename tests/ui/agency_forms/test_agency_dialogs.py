"""The real dialogs of the Agency forms tab, answered as a person would."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
)

from rrdesk.domain.agency_forms.agency_requests import ReturnReason
from rrdesk.ui.agency_forms.agency_dialogs import AgencyFormsDialogs, ReturnChoice
from rrdesk.ui.kit.form_widgets import ErrorSummary


def _answer(qtbot, act) -> None:  # type: ignore[no-untyped-def]
    """Run ``act`` on the dialog once it is open; the dialog is closed if it stays open."""

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, later)
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible():  # a step failed: close it, so the test fails and goes on
                dialog.reject()

    QTimer.singleShot(0, later)


def _ok(dialog) -> None:  # type: ignore[no-untyped-def]
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_choose_agencies(qtbot) -> None:  # type: ignore[no-untyped-def]
    def act(dialog) -> None:  # type: ignore[no-untyped-def]
        items = dialog.findChild(QListWidget, "agency_choices")
        items.item(1).setCheckState(Qt.CheckState.Checked)
        _ok(dialog)

    _answer(qtbot, act)
    chosen = AgencyFormsDialogs().choose_agencies(None, ["Housing", "Police"], {"Housing"})
    assert chosen == ["Housing", "Police"]


def test_ask_date_refuses_a_date_that_does_not_exist(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def act(dialog) -> None:  # type: ignore[no-untyped-def]
        day = dialog.findChild(QLineEdit, "dialog_date_day")
        day.setText("31")
        dialog.findChild(QLineEdit, "dialog_date_month").setText("2")
        _ok(dialog)
        seen.extend(dialog.findChild(ErrorSummary, "error_summary").messages)
        day.setText("27")
        _ok(dialog)

    _answer(qtbot, act)
    chosen = AgencyFormsDialogs().ask_date(None, "Sent", "When was it sent?", date(2026, 11, 22))
    assert chosen == date(2026, 2, 27)
    assert len(seen) == 1
    assert "real date" in seen[0]


def test_ask_return_needs_a_reason_a_note_for_other_and_when_it_comes_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[list[str]] = []
    suggested: list[str] = []

    def act(dialog) -> None:  # type: ignore[no-untyped-def]
        summary = dialog.findChild(ErrorSummary, "error_summary")
        day = dialog.findChild(QLineEdit, "return_due_day")
        suggested.append(
            " ".join(
                dialog.findChild(QLineEdit, f"return_due_{part}").text()
                for part in ("day", "month", "year")
            )
        )
        day.selectAll()
        qtbot.keyClick(day, Qt.Key.Key_Backspace)
        _ok(dialog)
        seen.append(list(summary.messages))
        boxes = {box.text(): box for box in dialog.findChildren(QCheckBox)}
        boxes["Other"].setFocus()
        qtbot.keyClick(boxes["Other"], Qt.Key.Key_Space)
        qtbot.keyClicks(day, "30")
        _ok(dialog)
        seen.append(list(summary.messages))
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "return_note"), "Add the dates")
        boxes["Information missing"].setFocus()
        qtbot.keyClick(boxes["Information missing"], Qt.Key.Key_Space)
        _ok(dialog)

    _answer(qtbot, act)
    choice = AgencyFormsDialogs().ask_return(None, "Northmoor Housing", date(2026, 11, 26))
    assert suggested == ["26 11 2026"]
    assert choice == ReturnChoice(
        (ReturnReason.INFORMATION_MISSING, ReturnReason.OTHER),
        "Add the dates",
        date(2026, 11, 30),
    )
    assert seen[0][0] == "Select at least one reason for returning the form"
    assert "come back" in seen[0][1]
    assert seen[1] == ["Enter the reason for returning the form"]
