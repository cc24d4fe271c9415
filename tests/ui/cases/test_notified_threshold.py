"""A referral notified after it was entered shows, and stores, that the threshold for a serious
incident notification was met: the local authority notifies the National Panel because it was."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt

from rrdesk.app import build_main_window
from rrdesk.domain.cases.cases import Case, Child, Stage, ThresholdDiscussion
from rrdesk.ui.cases.case_summary import case_summary_rows
from tests.builders import add_case


def _at(case: Case, stage: Stage) -> Case:
    """``case`` at ``stage``, with its threshold never answered (as a referral is entered)."""
    return replace(case, stage=stage, threshold=ThresholdDiscussion(met=None))


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _threshold_row(editor) -> str:  # type: ignore[no-untyped-def]
    lines = editor.check_answers_text().splitlines()
    last = len(lines) - 1 - lines[::-1].index("Threshold")  # the page as filled last
    return lines[last + 1]


def test_a_referral_notified_later_shows_the_threshold_met(qtbot, blank_context, today) -> None:  # type: ignore[no-untyped-def]
    context = blank_context
    referral = add_case(
        context.session,
        today=today,
        notified=None,
        stage=Stage.REFERRED,
        children=(Child("Child N", "Noor Example-Fictional"),),
    )
    assert referral.threshold.met is None
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    section = window.section("cases")
    section.open_case(referral.case_id)
    editor = section.editor
    assert _threshold_row(editor).startswith("Not decided yet")

    editor.show_page("stage")
    _choose(qtbot, editor.form.stage.buttons[Stage.NOTIFIED.value])
    _click(qtbot, editor.continue_button)
    notified = editor.form.notified.field
    qtbot.keyClicks(notified.day, str(today.day))
    qtbot.keyClicks(notified.month, str(today.month))
    qtbot.keyClicks(notified.year, str(today.year))
    _click(qtbot, editor.continue_button)

    assert editor.current_page_key == "check"
    assert _threshold_row(editor).startswith("Met")
    stored = context.session.cases.get(referral.case_id)
    assert stored.stage is Stage.NOTIFIED
    assert stored.threshold.met is True


@pytest.mark.parametrize(
    ("stage", "shown"),
    [
        (Stage.REFERRED, "Not decided yet"),
        (Stage.THRESHOLD_NOT_MET, "Not met"),
        (Stage.NOTIFIED, "Met"),
        (Stage.COLLECTING_RETURNS, "Met"),
        (Stage.SENT_TO_NATIONAL_PANEL, "Met"),
        (Stage.LOCAL_REVIEW, "Met"),
    ],
    ids=lambda value: value.value if isinstance(value, Stage) else value,
)
def test_the_threshold_shown_follows_the_stage(session, today, stage: Stage, shown: str) -> None:  # type: ignore[no-untyped-def]
    notified = add_case(session, today=today, notified=today)
    case = _at(notified, stage)
    rows = {label: value for label, value, _page in case_summary_rows(case, notification_gap=None)}
    assert rows["Threshold"].startswith(shown)
