"""A case's free text that reaches documents (what happened, the threshold discussion's reasons)
is checked as the agency forms are, with the same panel and one-click fixes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.cases.test_case_typing_kept import _half_typed_case


def test_what_happened_is_checked_and_fixed_in_one_click(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    _section, editor = _half_typed_case(qtbot, blank_context)
    editor.show_page("summary")
    form = editor.form
    box = form.summary_box
    assert box.panel.isHidden(), "nothing to look at yet"
    qtbot.keyClicks(form.summary, "Tel call from school. Mum disclosed DV.")
    assert [f.text for f in form.summary.findings] == ["Tel", "Mum", "DV"]
    assert box.summary.text().startswith("3 things to look at")
    assert box.panel.isVisible()
    qtbot.waitUntil(lambda: len(box.panel.shown) == 3)
    fix = next(b for b in box.panel.buttons if "domestic abuse" in b.text())
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert form.summary.toPlainText() == "Tel call from school. Mum disclosed domestic abuse."


def test_the_threshold_reasons_are_checked(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    _section, editor = _half_typed_case(qtbot, blank_context)
    editor.show_page("threshold")
    qtbot.keyClicks(editor.form.threshold_reasons, "Known to CSC. NFA last year.")
    assert [f.text for f in editor.form.threshold_reasons.findings] == ["CSC", "NFA"]
