"""A case's "Referrer's name" says to give their title: the letter to the referrer greets a name
with a title by title and surname, and the hint's example is what the letter does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.after_meeting.letter_greeting import greeting_name
from rrdesk.domain.cases.cases import Stage
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.kit.form_widgets import FormField
from rrdesk.ui.shell.main_window import first_size

HINT = (
    "With their title if you know it, for example Ms Corinne Wren: the letter greets them as "
    "Dear Ms Wren"
)


@pytest.mark.usefixtures("styled")
def test_the_referrers_name_asks_for_their_title_in_words_whole_at_1024(
    qtbot: QtBot, blank_context: AppContext
) -> None:
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.resize(*first_size(1024, 768))
    window.show()
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    qtbot.mouseClick(section.case_list.new_button, Qt.MouseButton.LeftButton)
    editor = section.editor
    stage = editor.form.stage.buttons[Stage.REFERRED.value]
    qtbot.mouseClick(stage, Qt.MouseButton.LeftButton, pos=QPoint(8, stage.height() // 2))
    qtbot.mouseClick(editor.continue_button, Qt.MouseButton.LeftButton)
    editor.show_page("referral")
    QApplication.processEvents()

    field = editor.findChild(FormField, "referrer_name_field")
    assert isinstance(field, FormField)
    hint = field.hint
    assert hint is not None
    assert hint.isVisible()
    assert hint.text() == HINT
    assert hint.property("role") == "hint"
    box = editor.form.referrer_name
    assert field.label.geometry().bottom() <= hint.geometry().top()
    assert hint.geometry().bottom() <= box.geometry().top()  # under the label, over the box
    assert hint.visibleRegion().boundingRect().width() == hint.width()  # not cut across
    assert box.accessibleDescription() == HINT  # read out with the box
    assert f"Dear {greeting_name('Ms Corinne Wren')}" == "Dear Ms Wren"  # what the letter says
