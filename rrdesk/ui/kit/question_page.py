"""A question page in the GOV.UK pattern, shaped for the desktop, with its Back and Continue.

A :class:`QuestionPage` is an optional caption (the part of the form it belongs to), the heading
(the question itself, or the topic of a few questions), hint text, then the fields. Problems
found on Continue show twice, as on GOV.UK: in the "There is a problem" summary
(:class:`~rrdesk.ui.kit.form_widgets.ErrorSummary`), each a link to its field, and by each
field. :class:`QuestionButtons` are the page's Back and Continue.

Each feature adds only its own questions: a case has a few topics to a page, an agency's check
form one question to a page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rrdesk.ui.kit.form_widgets import ErrorSummary, FormField, heading_label, hint_label

Problems = Sequence[tuple[FormField, str]]
"""Each field with a problem and what to say about it."""


class QuestionPage(QWidget):
    """Caption, heading, hint and fields. ``key`` names the page (its object name is
    ``page_<key>``); ``title`` is the heading, which also names the page in Check your answers.
    """

    def __init__(
        self,
        key: str,
        title: str,
        hint: str = "",
        *,
        caption: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.title = title
        self.setObjectName(f"page_{key}")
        self.fields: dict[str, FormField] = {}
        """The page's fields by key, for features that read them by name."""
        self.body = QVBoxLayout(self)
        self.caption = hint_label(caption)
        self.caption.setObjectName("section_caption")
        self.caption.setVisible(bool(caption))
        self.body.addWidget(self.caption)
        self.heading = heading_label(title)
        self.body.addWidget(self.heading)
        self.hint = hint_label(hint)
        self.hint.setVisible(bool(hint))
        self.body.addWidget(self.hint)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setVisible(bool(text))

    def add(self, widget: QWidget) -> None:
        self.body.addWidget(widget)

    def add_field(self, key: str, field: FormField) -> FormField:
        """Add a field the feature reads back by ``key``."""
        self.fields[key] = field
        self.add(field)
        return field

    def finish(self) -> None:
        """Keep the questions at the top when the page is taller than they need."""
        self.body.addStretch(1)

    def form_fields(self) -> list[FormField]:
        """Every field on the page, those inside groups too, in the order they were made."""
        return self.findChildren(FormField)

    def show_problems(self, problems: Problems) -> None:
        """Show each problem by its field, and clear any field on this page not named."""
        flagged = {id(field) for field, _message in problems}
        for field in self.form_fields():
            if id(field) not in flagged:
                field.set_error("")
        for field, message in problems:
            field.set_error(message)

    def clear_problems(self) -> None:
        self.show_problems(())

    def report(self, problems: Problems, summary: ErrorSummary) -> bool:
        """Show ``problems`` by their fields and in ``summary``; True when there were any."""
        self.show_problems(problems)
        summary.show_errors(problems)
        return bool(problems)

    def focus_first(self) -> None:
        """Put the cursor in the page's first field."""
        fields = list(self.fields.values()) or self.form_fields()
        if fields:
            fields[0].focus()


class ChoiceInput(QWidget):
    """Radio buttons, one per (value, label) option. None is chosen until the person chooses,
    as on GOV.UK: an answer that matters is never preset."""

    changed = Signal()

    def __init__(self, object_name: str, options: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QRadioButton] = {}
        for value, label in options:
            button = QRadioButton(label)
            button.setObjectName(f"{object_name}_{value}")
            button.setAccessibleName(label)
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())

    def value(self) -> str:
        """The value chosen, or "" when none is."""
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return ""

    def set_value(self, value: str) -> None:
        """Choose ``value``; "" leaves every option unchosen."""
        self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key == value)
        self.group.setExclusive(True)

    def setFocus(self, *args: object) -> None:
        chosen = self.buttons.get(self.value()) or next(iter(self.buttons.values()))
        chosen.setFocus()


class QuestionButtons(QWidget):
    """Back and Continue under a question page. Alt+Left also goes back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QPushButton("Back")
        self.back_button.setObjectName("back_button")
        self.back_button.setShortcut(QKeySequence("Alt+Left"))
        self.continue_button = QPushButton("Continue")
        self.continue_button.setObjectName("continue_button")
        self.continue_button.setProperty("role", "primary")
        self.continue_button.setDefault(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.back_button)
        layout.addWidget(self.continue_button)
        layout.addStretch(1)


class PageStack(QWidget):
    """Question pages one at a time, as tall as the page on show rather than the tallest page
    (as a ``QStackedWidget`` is), so a short page is not followed by a screen of empty space
    to scroll through. Only the page on show is in the layout's sums: the others are hidden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:
        page.hide()
        self._layout.addWidget(page)

    def currentWidget(self) -> QWidget | None:
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:
        if page is self._current:
            return
        if self._current is not None:
            self._current.hide()
        self._current = page
        page.show()


def scroll_to_top(scroll: QScrollArea) -> None:
    """Show the top of a page (its heading), as a new page does, whatever was scrolled before."""
    scroll.verticalScrollBar().setValue(0)
    scroll.horizontalScrollBar().setValue(0)
