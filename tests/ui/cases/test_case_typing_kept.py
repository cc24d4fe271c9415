"""Nothing typed into a case is lost or assumed: leaving with unsaved typing asks first, email
addresses are checked, and the answers that matter start unchosen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from rrdesk.app import build_main_window
from rrdesk.domain.cases.cases import Stage
from rrdesk.ui.cases.case_editor import DISCARD, SAVE, STAY

REAL_NAME = "Wren Halfway-Fictional"


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _half_typed_case(qtbot, context):  # type: ignore[no-untyped-def]
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    section = window.section("cases")
    _click(qtbot, section.case_list.new_button)
    editor = section.editor
    _choose(qtbot, editor.form.stage.buttons[Stage.REFERRED.value])
    _click(qtbot, editor.continue_button)
    qtbot.keyClicks(editor.form.child_blocks[0].real_name, REAL_NAME)
    return section, editor


def _stored_names(context) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.real_name for case in context.session.cases.all_cases() for c in case.children]


def test_back_to_cases_on_a_half_typed_case_asks_and_stay_keeps_it(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    _section, editor = _half_typed_case(qtbot, blank_context)
    blank_context.messages.choice = STAY
    _click(qtbot, editor.close_button)
    buttons, default = blank_context.messages.choices[-1]
    assert buttons == (SAVE, DISCARD, STAY)
    assert default == STAY, "Enter never throws typing away"
    assert blank_context.messages.shown[-1][1] == "This case has not been saved"
    assert editor.isVisible()
    assert editor.form.child_blocks[0].real_name.text() == REAL_NAME


def test_discard_leaves_nothing_stored(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    section, editor = _half_typed_case(qtbot, blank_context)
    blank_context.messages.choice = DISCARD
    _click(qtbot, editor.close_button)
    assert not editor.isVisible()
    assert section.case_list.isVisible()
    assert _stored_names(blank_context) == [], "the store was empty and still is"


def test_save_with_problems_stays_and_shows_them(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    section, editor = _half_typed_case(qtbot, blank_context)
    blank_context.messages.choice = SAVE
    _click(qtbot, editor.close_button)
    assert editor.isVisible()
    assert editor.current_page_key == "children"
    assert "Enter a pseudonym, for example Child T" in editor.summary.messages
    block = editor.form.child_blocks[0]
    qtbot.keyClicks(block.pseudonym, "Child W")
    _choose(qtbot, block.sex.buttons["male"])
    _choose(qtbot, block.outcome.buttons["seriously_harmed"])
    _choose(qtbot, block.status.buttons["early_help"])
    _click(qtbot, editor.close_button)
    assert editor.current_page_key == "referral"
    _choose(qtbot, editor.form.route.buttons["professional"])
    _click(qtbot, editor.close_button)
    assert section.case_list.isVisible()
    assert _stored_names(blank_context) == [REAL_NAME]


def test_leaving_an_untouched_new_case_asks_nothing(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.show()
    section = window.section("cases")
    _click(qtbot, section.case_list.new_button)
    _click(qtbot, section.editor.close_button)
    assert blank_context.messages.choices == []
    assert section.case_list.isVisible()


def test_the_answers_that_matter_start_unchosen(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    _section, editor = _half_typed_case(qtbot, blank_context)
    block = editor.form.child_blocks[0]
    assert block.outcome.value() == ""
    assert block.status.value() == ""
    assert editor.form.threshold_met.value() == ""


def test_an_email_address_cut_short_is_refused(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    _section, editor = _half_typed_case(qtbot, blank_context)
    editor.show_page("referral")
    _choose(qtbot, editor.form.route.buttons["professional"])
    qtbot.keyClicks(editor.form.referrer_email, "jo.bloggs@")
    _click(qtbot, editor.continue_button)
    assert editor.summary.messages == [
        "Enter an email address in the correct format, like name@example.com"
    ]
