"""Entering and changing a case: question pages, then Check your answers.

A new case goes through each page with Continue, then "Check your answers" and Save. An existing
case opens on its answers; each Change link opens one page and Continue saves it and comes back.
Nothing typed is lost on an error: the page stays as it was with the problems listed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.text_checks import TextChecker
from rrdesk.domain.cases.cases import Case, CaseError
from rrdesk.services.cases.case_service import CaseService
from rrdesk.ui.cases.case_pages import CaseForm
from rrdesk.ui.cases.case_summary import case_summary_rows
from rrdesk.ui.cases.check_answers_grid import check_answers_grid
from rrdesk.ui.cases.child_block import Errors
from rrdesk.ui.kit.form_widgets import ErrorSummary, heading_label, hint_label
from rrdesk.ui.kit.question_page import QuestionButtons
from rrdesk.ui.kit.scrolling_page import page_scroll
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY, UnsavedTyping, may_leave
from rrdesk.ui.shell.messages import Messages

__all__ = ["DISCARD", "SAVE", "STAY", "CaseEditorWidget"]

CHECK_PAGE = "check"


class CaseEditorWidget(QWidget):
    case_saved = Signal(int)
    closed = Signal()

    def __init__(
        self,
        cases: CaseService,
        messages: Messages,
        today: Callable[[], date],
        *,
        default_profile: str,
        checker: TextChecker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("case_editor")
        self._cases = cases
        self._messages = messages
        self._today = today
        self._default_profile = default_profile
        self._case: Case | None = None
        self._returning_to_check = False
        self._editing = False
        self.form = CaseForm(checker)
        self._loaded = self.form.read(today())[0]
        self.summary = ErrorSummary()
        self.stack = QStackedWidget()
        self.stack.setObjectName("case_pages")
        for page in self.form.pages:
            scroll = page_scroll(page)
            scroll.setObjectName(f"scroll_{page.key}")
            self.stack.addWidget(scroll)
        self.check_page = QWidget()
        self.check_page.setObjectName("page_check")
        self._check_layout = QVBoxLayout(self.check_page)
        check_scroll = page_scroll(self.check_page)
        self.stack.addWidget(check_scroll)

        buttons = QuestionButtons()
        self.back_button = buttons.back_button
        self.continue_button = buttons.continue_button
        self.close_button = QPushButton("Back to cases")
        self.close_button.setObjectName("close_case")
        self.close_button.setProperty("role", "link")

        self.draft_note = hint_label(
            "rrdesk kept what you were typing when it locked. Check it, then continue."
        )
        self.draft_note.setObjectName("draft_note")
        self.draft_note.setProperty("role", "banner")
        self.draft_note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        layout.addWidget(buttons)
        self._connect_signals()
        self._watch_edits()

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self._on_back_clicked)
        self.continue_button.clicked.connect(self._on_continue_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)

    def _on_close_clicked(self) -> None:
        if not may_leave(self, self._messages):
            return
        self._editing = False
        self._cases.clear_draft()
        self.closed.emit()

    def has_unsaved_typing(self) -> bool:
        """Whether the pages hold anything typed since the case was opened or last saved."""
        return self.form.read(self._today())[0] != self._loaded

    def _remember_loaded(self) -> None:
        self._loaded = self.form.read(self._today())[0]

    # Leaving with unsaved typing (rrdesk.ui.shell.leaving)

    def unsaved_typing(self) -> UnsavedTyping | None:
        if not (self._editing and self.has_unsaved_typing()):
            return None
        if self._case is None:
            return UnsavedTyping(
                "This case has not been saved",
                "If you leave this page now, what you typed is lost.",
            )
        return UnsavedTyping(
            "Your changes have not been saved",
            "If you leave this page now, your changes to the case are lost.",
        )

    def save_typing(self) -> bool:
        """Save what is typed; False (the page staying, its problems shown) when it cannot be."""
        case, errors = self.form.read(self._today())
        if self._show_first_problem(errors):
            return False
        if self._case is None:
            self._save_new()
        else:
            self._save_existing(case)
        return not self.has_unsaved_typing()

    def discard_typing(self) -> None:
        """Forget what was typed: a case goes back to its answers as saved, a new case back to
        the list of cases."""
        self._editing = False
        self._cases.clear_draft()
        self.draft_note.hide()
        if self._case is None:
            self.form.load(Case(reference="", children=(), profile=self._default_profile), new=True)
            self._remember_loaded()
            self._show(0)
            self.closed.emit()
            return
        self.form.load(self._case)
        self._remember_loaded()
        self._show_check()

    # Keeping what was typed

    def save_pending(self) -> None:
        """Before rrdesk locks: save an existing case whose answers are all valid; keep anything
        else as a draft in the store, offered again after unlocking."""
        if not self._editing:
            return
        case, errors = self.form.read(self._today())
        if self._case is not None and not self._all_errors(errors):
            try:
                self._cases.save_case(case)
            except CaseError:
                self._cases.save_draft(case)
            else:
                self._cases.clear_draft()
            return
        self._cases.save_draft(case)

    def resume_draft(self, draft: Case) -> None:
        """Open a draft kept when rrdesk locked, on its first page, with a note saying so."""
        if draft.case_id is not None:
            saved = self._cases.get(draft.case_id)
            if saved is None:
                self._cases.clear_draft()
                return
            self._case = saved
        else:
            self._case = None
        self.form.load(draft)
        if self._case is not None:
            self.form.load(self._case)
            self._remember_loaded()
            self.form.load(draft)
        else:
            self._loaded = Case(reference="", children=(), profile=self._default_profile)
        self._editing = True
        self._returning_to_check = self._case is not None
        self._show(0)
        self.draft_note.show()

    # Opening

    def start_new(self) -> None:
        self._case = None
        self.form.load(Case(reference="", children=(), profile=self._default_profile), new=True)
        self._remember_loaded()
        self._returning_to_check = False
        self._editing = True
        self.draft_note.hide()
        self._show(0)

    def open_case(self, case: Case) -> None:
        self._case = case
        self._editing = False
        self.draft_note.hide()
        self.form.load(case)
        self._remember_loaded()
        self._show_check()

    @property
    def current_case(self) -> Case | None:
        return self._case

    @property
    def current_page_key(self) -> str:
        index = self.stack.currentIndex()
        return self.form.pages[index].key if index < len(self.form.pages) else CHECK_PAGE

    # Navigation

    def _show(self, index: int) -> None:
        self.summary.clear()
        self.stack.setCurrentIndex(index)
        scroll = self.stack.currentWidget()
        assert isinstance(scroll, QScrollArea)
        scroll.verticalScrollBar().setValue(0)  # a page shown again starts at its top
        on_check = index == len(self.form.pages)
        existing = self._case is not None
        first_of_new = index == 0 and not existing
        self.back_button.setVisible(not ((on_check and existing) or first_of_new))
        if on_check:
            self.continue_button.setText("Save case" if not existing else "Done")
            self.continue_button.setVisible(not existing)
        else:
            self.continue_button.setVisible(True)
            self.continue_button.setText("Continue")

    def show_page(self, key: str) -> None:
        """Open one question page (as a Change link does)."""
        for index, page in enumerate(self.form.pages):
            if page.key == key:
                self._returning_to_check = True
                self._editing = True
                self._show(index)
                return

    def _show_check(self) -> None:
        case, _errors = self.form.read(self._today())
        self._fill_check(case)
        self._returning_to_check = True
        self._show(len(self.form.pages))

    def _fill_check(self, case: Case) -> None:
        while self._check_layout.count():
            item = self._check_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if self._case is None:
            title = "Check your answers before saving the case"
        else:
            title = f"{case.reference}: {case.pseudonyms}"
        self._check_layout.addWidget(heading_label(title, object_name="check_heading"))
        if self._case is not None:
            self._check_layout.addWidget(hint_label(f"Stage: {case.stage.label}"))
        rows = case_summary_rows(case, notification_gap=self._cases.notification_gap(case))
        self._check_layout.addWidget(check_answers_grid(rows, self.show_page))
        self._check_layout.addStretch(1)

    def check_answers_text(self) -> str:
        """Everything on the Check your answers page, as a person would read it."""
        texts = [label.text() for label in self.check_page.findChildren(QLabel)]
        return "\n".join(texts)

    def _on_back_clicked(self) -> None:
        index = self.stack.currentIndex()
        if self._case is not None and index < len(self.form.pages):
            if may_leave(self, self._messages) and self._editing:
                self.discard_typing()  # nothing typed: back to the answers as they are
            return
        if index == len(self.form.pages):
            self._show(index - 1)
            return
        self._show(max(0, index - 1))

    def _on_continue_clicked(self) -> None:
        index = self.stack.currentIndex()
        if index == len(self.form.pages):
            self._save_new()
            return
        case, errors = self.form.read(self._today())
        if self._report(index, errors):
            return
        if self._returning_to_check and self._show_first_problem(errors):
            return
        if self._case is not None:
            self._save_existing(case)
            return
        if self._returning_to_check or index == len(self.form.pages) - 1:
            self._show_check()
        else:
            self._show(index + 1)

    def _report(self, index: int, errors: dict[str, Errors]) -> bool:
        """Show the problems on page ``index`` by their fields and in the summary; True when
        there were any. Only Continue shows them: a page never opens with problems on it."""
        page = self.form.pages[index]
        problems = errors.get(page.key, [])
        page.show_problems(problems)
        self.summary.show_errors(problems)
        return bool(problems)

    def _show_first_problem(self, errors: dict[str, Errors]) -> bool:
        """Open the first page with a problem (a stage changed to one that needs a date, say),
        with its problems shown; True when there was one."""
        for index, page in enumerate(self.form.pages):
            if errors.get(page.key):
                self._show(index)
                self._report(index, errors)
                return True
        return False

    def _watch_edits(self) -> None:
        for page in self.form.pages:
            for edit in page.findChildren(QLineEdit):
                edit.textChanged.connect(self._on_page_edited)
            for text in page.findChildren(QPlainTextEdit):
                text.textChanged.connect(self._on_page_edited)
            for combo in page.findChildren(QComboBox):
                combo.currentIndexChanged.connect(self._on_page_edited)
            for spin in page.findChildren(QSpinBox):
                spin.valueChanged.connect(self._on_page_edited)
            for button in page.findChildren(QAbstractButton):
                button.toggled.connect(self._on_page_edited)

    def _on_page_edited(self) -> None:
        """A problem shown goes as soon as it is put right; no new one appears until Continue."""
        index = self.stack.currentIndex()
        if self.summary.isHidden() or index >= len(self.form.pages):
            return
        page = self.form.pages[index]
        shown = {id(field) for field in page.form_fields() if field.error.isVisible()}
        _case, errors = self.form.read(self._today())
        remaining = [(f, m) for f, m in errors.get(page.key, []) if id(f) in shown]
        page.show_problems(remaining)
        self.summary.show_errors(remaining, focus=False)

    def _all_errors(self, errors: dict[str, Errors]) -> Errors:
        return [item for page in self.form.pages for item in errors.get(page.key, [])]

    def _save_new(self) -> None:
        case, errors = self.form.read(self._today())
        if self._show_first_problem(errors):
            return
        try:
            saved = self._cases.add_case(case, today=self._today())
        except CaseError as error:
            self._messages.error(self, "The case was not saved", str(error))
            return
        self._after_saving(saved)

    def _save_existing(self, case: Case) -> None:
        try:
            saved = self._cases.save_case(case)
        except CaseError as error:
            self._messages.error(self, "The change was not saved", str(error))
            return
        self._after_saving(saved)

    def _after_saving(self, saved: Case) -> None:
        assert saved.case_id is not None
        self._case = saved
        self._editing = False
        self._cases.clear_draft()
        self.draft_note.hide()
        self.form.load(saved)
        self._remember_loaded()
        self._show_check()
        self.case_saved.emit(saved.case_id)
