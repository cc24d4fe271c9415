"""After a one-click fix in the findings panel, the keyboard is back in the answer: the button
clicked is gone with its finding, and what the author types next goes in their answer rather
than nowhere."""

from __future__ import annotations

from tests.ui.agency_forms.forms_setup import click, open_police_form, open_tab


def test_typing_after_a_fix_goes_in_the_answer(qtbot, blank_context, dialogs, collecting) -> None:  # type: ignore[no-untyped-def]
    widget, service = open_tab(qtbot, blank_context, dialogs, collecting)
    entry = open_police_form(qtbot, widget)
    click(qtbot, entry.task_list.rows["prevention"])
    page = entry.current_page
    assert page is not None
    edit = page.narratives[0]
    edit.selectAll()
    qtbot.keyClicks(edit, "Child M was known to CAMHS.")
    panel = entry.findings_panel
    qtbot.waitUntil(lambda: panel.shown == edit.findings)
    click(qtbot, panel.button("finding_0_fix_0"))

    focused = widget.window().focusWidget()
    assert focused is edit, "the keyboard is in the answer, not on a button that has gone"
    qtbot.keyClicks(focused, " She missed two appointments.")
    assert edit.text() == (
        "Child M was known to child and adolescent mental health services. She missed two "
        "appointments."
    )
    entry.save_now()
    assert service.load_form(widget._case_id, "Westbury Police").answers["prevention"] == (
        edit.text()
    )
