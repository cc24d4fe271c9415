"""The question pages of an agency's check form while it is entered: one page on show at a time
(a question, or "Have you completed this section?"), with Back and Continue under it. Pages are
built the first time they are shown and kept."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from rrdesk.domain.agency_forms.check_form import FormDefinition, Section
from rrdesk.domain.agency_forms.text_checks import IgnoredFinding, TextChecker, TextSpan
from rrdesk.ui.agency_forms.question_pages import CompletedPage, FormQuestionPage
from rrdesk.ui.kit.narrative_edit import NarrativeEdit
from rrdesk.ui.kit.question_page import PageStack, QuestionButtons


class FormQuestionArea(QWidget):
    """The page on show, and Back and Continue."""

    changed = Signal()
    """An answer on the page changed."""
    box_left = Signal()
    """The person left a box."""
    narrative_focused = Signal(object)
    """A narrative box (a :class:`NarrativeEdit`) took the focus."""
    pasted = Signal(int)
    """Text of this length was pasted into a narrative box."""

    def __init__(
        self, form: FormDefinition, checker: TextChecker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._checker = checker
        self._pages: dict[str, FormQuestionPage] = {}
        self.completed_page = CompletedPage()
        self.page_stack = PageStack()
        self.page_stack.setObjectName("question_pages")
        self.page_stack.addWidget(self.completed_page)
        buttons = QuestionButtons()
        self.back_button = buttons.back_button
        self.continue_button = buttons.continue_button
        layout = QVBoxLayout(self)
        layout.addWidget(self.page_stack)
        layout.addWidget(buttons)
        layout.addStretch(1)

    def _narrative(self, key: str, accessible: str) -> NarrativeEdit:
        """A narrative box for the answer ``key`` (``key.row.column`` in a chronology)."""
        edit = NarrativeEdit(
            self._checker, object_name="answer_" + key.replace(".", "_"), accessible=accessible
        )
        edit.setProperty("field_key", key)
        edit.focus_entered.connect(lambda e=edit: self.narrative_focused.emit(e))
        edit.focus_left.connect(self.box_left)
        edit.pasted.connect(self.pasted)
        return edit

    def show_completed(self, section: Section, confirmed: bool) -> None:
        """ "Have you completed this section?", answered "yes" when it was."""
        page = self.completed_page
        page.set_caption(section.title)
        page.choice.set_value("yes" if confirmed else "")
        page.clear_problems()
        self.page_stack.setCurrentWidget(page)

    def show_question(
        self,
        section: Section,
        key: str,
        answers: Mapping[str, object],
        pasted: Mapping[str, tuple[TextSpan, ...]],
        ignored: Mapping[str, tuple[IgnoredFinding, ...]],
    ) -> FormQuestionPage:
        """The question's page, filled in from the answers and on show, with no problems."""
        page = self._pages.get(key)
        if page is None:
            page = FormQuestionPage(section, self._form.question(key), self._narrative)
            page.changed.connect(self.changed)
            for box in page.findChildren(QLineEdit):
                box.editingFinished.connect(self.box_left)
            self._pages[key] = page
            self.page_stack.addWidget(page)
        page.load(answers, pasted, ignored)
        page.clear_problems()
        self.page_stack.setCurrentWidget(page)
        return page
