"""A new case's "Sex" and "How the case came in" start with nothing chosen, as its outcome and
status do: Continue without them says what to choose, and what is chosen is what is stored."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from rrdesk.app import build_main_window
from rrdesk.domain.cases.cases import Child, Referral, ReferralRoute, Sex, Stage
from tests.builders import add_case


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _new_case(qtbot, context):  # type: ignore[no-untyped-def]
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    section = window.section("cases")
    _click(qtbot, section.case_list.new_button)
    editor = section.editor
    _choose(qtbot, editor.form.stage.buttons[Stage.REFERRED.value])
    _click(qtbot, editor.continue_button)
    return editor


def test_sex_starts_unchosen_and_is_asked_for(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    editor = _new_case(qtbot, blank_context)
    block = editor.form.child_blocks[0]
    assert not any(button.isChecked() for button in block.sex.buttons.values())
    assert [button.text() for button in block.sex.buttons.values()] == [
        "Female",
        "Male",
        "Not known",
    ]
    qtbot.keyClicks(block.pseudonym, "Child U")
    _choose(qtbot, block.outcome.buttons["died"])
    _choose(qtbot, block.status.buttons["none"])
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "children"
    assert editor.summary.messages == ["Select the child's sex, or 'Not known'"]
    assert block.sex_field.error.text().endswith("Select the child's sex, or 'Not known'")
    _choose(qtbot, block.sex.buttons["female"])
    assert editor.summary.isHidden(), "the problem goes as soon as it is put right"
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "dates"


def test_how_the_case_came_in_starts_unchosen_and_is_asked_for(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    editor = _new_case(qtbot, blank_context)
    block = editor.form.child_blocks[0]
    qtbot.keyClicks(block.pseudonym, "Child U")
    _choose(qtbot, block.sex.buttons["not_known"])
    _choose(qtbot, block.outcome.buttons["died"])
    _choose(qtbot, block.status.buttons["none"])
    while editor.current_page_key != "referral":
        _click(qtbot, editor.continue_button)
    route = editor.form.route
    assert route.value() == ""
    assert not any(button.isChecked() for button in route.buttons.values())
    _click(qtbot, editor.continue_button)
    assert editor.current_page_key == "referral"
    assert editor.summary.messages == ["Select how the case came in"]
    _choose(qtbot, route.buttons[ReferralRoute.PARENT.value])
    while editor.current_page_key != "check":
        _click(qtbot, editor.continue_button)
    assert "Referral by a parent" in editor.check_answers_text()
    _click(qtbot, editor.continue_button)  # Save case
    (stored,) = blank_context.session.cases.all_cases()
    assert stored.referral.route is ReferralRoute.PARENT
    assert stored.children[0].sex is Sex.NOT_KNOWN


def test_a_saved_case_opens_with_its_answers_chosen(qtbot, blank_context, today) -> None:  # type: ignore[no-untyped-def]
    case = add_case(
        blank_context.session,
        today=today,
        notified=today,
        children=(Child("Child M", "Milo Example-Fictional", sex=Sex.MALE),),
        referral=Referral(route=ReferralRoute.COMMUNITY),
    )
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.show()
    section = window.section("cases")
    section.open_case(case.case_id)
    form = section.editor.form
    assert form.child_blocks[0].sex.value() == "male"
    assert form.child_blocks[0].sex.buttons["male"].isChecked()
    assert form.route.value() == "community"
    assert form.route.buttons["community"].isChecked()
