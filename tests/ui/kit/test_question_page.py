"""The question page every feature builds on: heading, hint, problems, Back and Continue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from rrdesk.ui.kit.form_widgets import DateInput, ErrorSummary, FormField
from rrdesk.ui.kit.question_page import QuestionButtons, QuestionPage


def _visible_texts(widget: QWidget) -> list[str]:
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if label.isVisibleTo(widget) and label.text()
    ]


class _Screen(QWidget):
    """A summary above one page, as the features lay them out."""

    def __init__(self, page: QuestionPage) -> None:
        super().__init__()
        self.summary = ErrorSummary()
        self.page = page
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(page)


def _page_with_two_fields() -> tuple[QuestionPage, FormField, FormField]:
    page = QuestionPage("people", "Who took part", "List everyone at the discussion.")
    name = page.add_field("name", FormField("Name", QLineEdit(), object_name="person_name"))
    when = page.add_field(
        "when", FormField("Date of the discussion", DateInput("when", "Date of the discussion"))
    )
    page.finish()
    return page, name, when


def test_the_page_shows_its_heading_and_hint(qtbot: QtBot) -> None:
    page, _name, _when = _page_with_two_fields()
    qtbot.addWidget(page)
    page.show()
    assert page.objectName() == "page_people"
    heading = page.findChild(QLabel, "page_heading")
    assert heading is not None
    assert heading.text() == "Who took part"
    assert heading.accessibleName() == "Who took part"
    texts = _visible_texts(page)
    assert texts[:2] == ["Who took part", "List everyone at the discussion."]
    assert "Name" in texts
    assert page.findChild(QLabel, "section_caption").isHidden()


def test_a_caption_names_the_part_of_the_form_above_the_heading(qtbot: QtBot) -> None:
    page = QuestionPage("role", "Your role", caption="About you")
    qtbot.addWidget(page)
    page.show()
    assert _visible_texts(page)[:2] == ["About you", "Your role"]
    page.set_caption("About the child")
    assert _visible_texts(page)[:2] == ["About the child", "Your role"]
    page.set_caption("")
    assert _visible_texts(page)[0] == "Your role"


def test_problems_show_in_the_summary_and_by_each_field(qtbot: QtBot) -> None:
    page, name, when = _page_with_two_fields()
    screen = _Screen(page)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.summary.isHidden()
    assert page.report(
        [(name, "Enter a name"), (when, "The date of the discussion must be a real date")],
        screen.summary,
    )
    assert screen.summary.isVisible()
    assert screen.summary.messages == [
        "Enter a name",
        "The date of the discussion must be a real date",
    ]
    assert "Error: Enter a name" in _visible_texts(page)
    assert "Error: The date of the discussion must be a real date" in _visible_texts(page)
    screen.summary.follow(1)
    assert screen.focusWidget() is when.field.findChild(QLineEdit, "when_day")


def test_a_problem_put_right_no_longer_shows_by_its_field(qtbot: QtBot) -> None:
    page, name, when = _page_with_two_fields()
    screen = _Screen(page)
    qtbot.addWidget(screen)
    screen.show()
    page.report([(name, "Enter a name"), (when, "Enter the date")], screen.summary)
    qtbot.keyClicks(name.field, "Ana Kovac")
    assert page.report([(when, "Enter the date")], screen.summary)
    texts = _visible_texts(page)
    assert "Error: Enter a name" not in texts
    assert "Error: Enter the date" in texts
    assert not page.report([], screen.summary)
    assert screen.summary.isHidden()
    assert not any(text.startswith("Error:") for text in _visible_texts(page))


def test_clear_problems_clears_fields_inside_groups_too(qtbot: QtBot) -> None:
    page = QuestionPage("children", "About the child")
    group = QWidget()
    inner = FormField("Pseudonym", QLineEdit(), object_name="pseudonym")
    QVBoxLayout(group).addWidget(inner)
    page.add(group)
    qtbot.addWidget(page)
    page.show()
    page.show_problems([(inner, "Enter a pseudonym, for example Child T")])
    assert "Error: Enter a pseudonym, for example Child T" in _visible_texts(page)
    page.clear_problems()
    assert not any(text.startswith("Error:") for text in _visible_texts(page))


def test_focus_first_puts_the_cursor_in_the_first_field(qtbot: QtBot) -> None:
    page, name, _when = _page_with_two_fields()
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    page.focus_first()
    assert page.focusWidget() is name.field


def test_back_and_continue(qtbot: QtBot) -> None:
    buttons = QuestionButtons()
    qtbot.addWidget(buttons)
    buttons.resize(600, 60)
    buttons.show()
    assert buttons.back_button.text() == "Back"
    assert buttons.continue_button.text() == "Continue"
    assert buttons.back_button.objectName() == "back_button"
    assert buttons.continue_button.objectName() == "continue_button"
    assert buttons.continue_button.geometry().right() < 300  # beside Back
    with qtbot.waitSignal(buttons.continue_button.clicked):
        qtbot.mouseClick(buttons.continue_button, Qt.MouseButton.LeftButton)
    with qtbot.waitActive(buttons):
        buttons.activateWindow()
    with qtbot.waitSignal(buttons.back_button.clicked):
        qtbot.keyClick(buttons.continue_button, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
