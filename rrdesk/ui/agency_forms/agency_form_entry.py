"""Guided entry of one agency's check form: the task list, question pages with Back and
Continue, "Have you completed this section?", and "Check your answers".

Every change is saved: a short pause after typing, on leaving a box, on changing page and
before the form is closed, so a draft survives a forced close. Reopening returns to the page
the author was on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.agency_form_record import (
    CHECK_ANSWERS,
    COMPLETED_PAGE,
    TASK_LIST,
    FormPosition,
    FormRecord,
)
from rrdesk.domain.agency_forms.check_form import Section
from rrdesk.domain.agency_forms.check_form_answers import (
    SectionStatus,
    section_pages,
    validate_question,
)
from rrdesk.domain.agency_forms.check_form_findings import sections_with_warnings
from rrdesk.domain.agency_forms.text_checks import TextChecker
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.ui.agency_forms.form_check_answers import FormCheckAnswersWidget
from rrdesk.ui.agency_forms.form_draft import FormDraft
from rrdesk.ui.agency_forms.form_entry_header import FormEntryHeader
from rrdesk.ui.agency_forms.form_question_area import FormQuestionArea
from rrdesk.ui.agency_forms.form_task_list import FormTaskListWidget
from rrdesk.ui.agency_forms.question_pages import FormQuestionPage
from rrdesk.ui.kit.findings_panel import FindingsPanel
from rrdesk.ui.kit.form_widgets import ErrorSummary
from rrdesk.ui.kit.narrative_edit import LARGE_PASTE, NarrativeEdit
from rrdesk.ui.kit.question_page import scroll_to_top
from rrdesk.ui.kit.scrolling_page import page_scroll
from rrdesk.ui.shell.messages import Messages

SAVE_DELAY_MS = 300
COMPLETED_ERROR = "Select whether you have completed this section"


class AgencyFormEntryWidget(QWidget):
    closed = Signal()
    form_ready = Signal(str)

    def __init__(
        self,
        service: AgencyFormsService,
        case_id: int,
        record: FormRecord,
        checker: TextChecker,
        messages: Messages,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        notice: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agency_form_entry")
        self._service = service
        self._form = service.form
        self._case_id = case_id
        self._checker = checker
        self._messages = messages
        self._today = today
        self._agency = record.agency
        self._draft = FormDraft.of(record)
        self._position = record.position
        self._return_to_check = False
        self._current_page: FormQuestionPage | None = None
        self._loading = False

        self.header = FormEntryHeader(record, notice)
        self.close_button = self.header.close_button
        self.entered_by = self.header.entered_by
        self.entered_by_name = self.header.entered_by_name
        self.notice = self.header.notice
        self.warning = self.header.warning
        self.errors = ErrorSummary()

        self.task_list = FormTaskListWidget(self._form)
        self.check_answers = FormCheckAnswersWidget(self._form)
        self.questions = FormQuestionArea(self._form, checker)
        self.completed_page = self.questions.completed_page
        self.page_stack = self.questions.page_stack
        self.back_button = self.questions.back_button
        self.continue_button = self.questions.continue_button
        self.findings_panel = FindingsPanel()

        self.stack = QStackedWidget()
        self.stack.setObjectName("form_stack")
        self._scrolls: list[QScrollArea] = []
        for widget in (self.task_list, self.questions, self.check_answers):
            scroll = page_scroll(widget)
            self.stack.addWidget(scroll)
            self._scrolls.append(scroll)
        self._task_index, self._questions_index, self._check_index = 0, 1, 2
        body = QHBoxLayout()
        body.addWidget(self.stack, 2)
        body.addWidget(self.findings_panel, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.errors)
        layout.addLayout(body, 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._connect_signals()
        self.open_at(record.position)

    def _connect_signals(self) -> None:
        self.close_button.clicked.connect(self._on_close_clicked)
        self.header.who_changed.connect(self._on_entered_by_changed)
        self.task_list.section_chosen.connect(self._on_task_list_section_chosen)
        self.task_list.check_requested.connect(self._on_task_list_check_requested)
        self.check_answers.change_requested.connect(self._on_check_change_requested)
        self.check_answers.ready_requested.connect(self._on_check_ready_requested)
        self.check_answers.looked_at.toggled.connect(self._on_looked_at_toggled)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.continue_button.clicked.connect(self._on_continue_clicked)
        self._save_timer.timeout.connect(self.save_now)
        self.questions.changed.connect(self._on_page_changed)
        self.questions.box_left.connect(self._on_narrative_focus_left)
        self.questions.narrative_focused.connect(self.findings_panel.show_for)
        self.questions.pasted.connect(self._on_narrative_pasted)
        self.findings_panel.fix_applied.connect(self._on_page_changed)

    # Saving

    @property
    def record(self) -> FormRecord:
        """The form as it stands, with what is on the page now."""
        self._read_page()
        return self._draft.record(self._position)

    def save_now(self) -> None:
        """Save the draft at once (also called before the form is closed or the store locked)."""
        self._save_timer.stop()
        if self._service.save_form(self._case_id, self.record, self._today()):
            self.show_notice(
                "You changed this form after it was quality assured, so it is back to received. "
                "It goes in the panel pack again once it is quality assured again."
            )

    def show_notice(self, text: str) -> None:
        self.header.show_notice(text)

    def save_pending(self) -> None:
        """Called by the lock controller before the store is locked."""
        self.save_now()

    def _schedule_save(self) -> None:
        self._save_timer.start()

    def _read_page(self) -> None:
        page = self._current_page
        if page is None or self._loading:
            return
        self._draft.read(page)

    def _on_page_changed(self) -> None:
        if self._loading:
            return
        self._read_page()
        self._schedule_save()

    def _on_entered_by_changed(self) -> None:
        self._draft.entered_by = self.header.who
        self._draft.entered_by_name = self.header.name
        self._schedule_save()

    # Narrative boxes

    def _on_narrative_focus_left(self) -> None:
        """Leaving a box saves what is waiting at once."""
        if self._save_timer.isActive():
            self.save_now()

    def _on_narrative_pasted(self, length: int) -> None:
        if length >= LARGE_PASTE:
            self.header.show_large_paste(length)

    # Navigation

    def open_at(self, position: FormPosition) -> None:
        if position.section == CHECK_ANSWERS:
            self.show_check_answers()
        elif position.section == TASK_LIST or position.section not in {
            s.key for s in self._form.sections
        }:
            self.show_task_list()
        else:
            pages = self._section_pages(self._form.section(position.section))
            self._show_page(position.section, position.page if position.page in pages else pages[0])

    def _section_pages(self, section: Section) -> list[str]:
        return section_pages(section, self._draft.answers)

    def _leave_page(self) -> None:
        self._read_page()
        self._current_page = None
        self.errors.clear()

    def show_task_list(self) -> None:
        self._leave_page()
        self._return_to_check = False
        self._position = FormPosition(TASK_LIST)
        self.task_list.show_statuses(
            self.statuses(), self._draft.entered_by_words, self._sections_with_warnings()
        )
        self._show_in_stack(self._task_index)
        self.findings_panel.hide()
        self.save_now()

    def _sections_with_warnings(self) -> frozenset[str]:
        """The sections whose answers have findings not ignored, or pasted text."""
        record = self.record
        fields = [*self._service.form_findings(self._checker, record), *record.pasted]
        return sections_with_warnings(self._form, fields)

    def _show_in_stack(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        scroll_to_top(self._scrolls[index])

    def statuses(self) -> dict[str, SectionStatus]:
        return self._draft.statuses(self._form, self._today())

    def show_check_answers(self) -> None:
        self._leave_page()
        self._return_to_check = False
        self._position = FormPosition(CHECK_ANSWERS)
        record = self.record
        findings = self._service.form_findings(self._checker, record)
        pasted = record.pasted_words
        self.check_answers.show_answers(
            self._draft.answers, findings, pasted, self._draft.looked_at
        )
        self._show_in_stack(self._check_index)
        self.findings_panel.hide()
        self.save_now()

    def _show_page(self, section_key: str, page_key: str) -> None:
        self._leave_page()
        section = self._form.section(section_key)
        self._position = FormPosition(section_key, page_key)
        self._loading = True
        try:
            if page_key == COMPLETED_PAGE:
                self.questions.show_completed(section, section_key in self._draft.confirmed)
                narratives: list[NarrativeEdit] = []
            else:
                page = self.questions.show_question(
                    section, page_key, self._draft.answers, self._draft.pasted, self._draft.ignored
                )
                self._current_page = page
                narratives = page.narratives
        finally:
            self._loading = False
        self._show_in_stack(self._questions_index)
        self.findings_panel.setVisible(bool(narratives))
        self.findings_panel.show_for(narratives[0] if narratives else None)
        if self._current_page is not None:
            self._current_page.focus_first()
        self.save_now()

    @property
    def current_page(self) -> FormQuestionPage | None:
        return self._current_page

    @property
    def position(self) -> FormPosition:
        return self._position

    def _on_task_list_section_chosen(self, key: str) -> None:
        self._show_page(key, self._section_pages(self._form.section(key))[0])

    def _on_task_list_check_requested(self) -> None:
        if self._draft.is_complete(self._form, self._today()):
            self.show_check_answers()
            return
        titles = {s.key: s.title for s in self._form.sections}
        waiting = [
            (self.task_list.rows[k], f"Complete the section \u201c{titles[k]}\u201d")
            for k, s in self.statuses().items()
            if s not in (SectionStatus.COMPLETED, SectionStatus.NOT_NEEDED)
        ]
        self.errors.show_errors(waiting)

    def _on_check_change_requested(self, section: str, question: str) -> None:
        self._show_page(section, question)
        self._return_to_check = True

    def _on_looked_at_toggled(self, checked: bool) -> None:
        self._draft.looked_at = checked
        self._schedule_save()

    def _on_check_ready_requested(self) -> None:
        if not self._draft.is_complete(self._form, self._today()):
            self.show_task_list()
            self._on_task_list_check_requested()
            return
        record = self.record
        has_findings = bool(self._service.form_findings(self._checker, record)) or any(
            self._draft.pasted.values()
        )
        if has_findings and not self._draft.looked_at:
            self.check_answers.show_looked_at_error()
            return
        saved = self._service.mark_ready(self._case_id, record, self._today())
        self._draft.ready_on = saved.ready_on
        self.form_ready.emit(self._agency)
        self.closed.emit()

    def _on_back_clicked(self) -> None:
        if self._return_to_check:
            self.show_check_answers()
            return
        section_key, page_key = self._position.section, self._position.page
        self._read_page()
        pages = self._section_pages(self._form.section(section_key))
        index = pages.index(page_key) if page_key in pages else 0
        if index == 0:
            self.show_task_list()
        else:
            self._show_page(section_key, pages[index - 1])

    def _on_continue_clicked(self) -> None:
        section_key, page_key = self._position.section, self._position.page
        section = self._form.section(section_key)
        if page_key == COMPLETED_PAGE:
            choice = self.completed_page.choice.value()
            if not choice:
                self.completed_page.report(
                    [(self.completed_page.field, COMPLETED_ERROR)], self.errors
                )
                return
            if choice == "yes":
                self._draft.confirmed.add(section_key)
            else:
                self._draft.confirmed.discard(section_key)
            if self._return_to_check:
                self.show_check_answers()
            else:
                self.show_task_list()
            return
        page = self._current_page
        assert page is not None
        self._read_page()
        problems = validate_question(page.question, self._draft.answers, today=self._today())
        if problems:
            page.value()  # the chronology's fields as they now stand
            fallback = page.fields[page.question.key]
            shown = [(page.fields.get(p.field) or fallback, p.message) for p in problems]
            page.report(shown, self.errors)
            return
        page.clear_problems()
        if self._return_to_check:
            self.show_check_answers()
            return
        pages = self._section_pages(section)
        index = pages.index(page_key) if page_key in pages else len(pages) - 1
        if index + 1 < len(pages):
            self._show_page(section_key, pages[index + 1])
        else:
            self.show_task_list()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the tab, closing the case or the window: save what is waiting."""
        if self._save_timer.isActive():
            self.save_now()
        super().hideEvent(event)

    def _on_close_clicked(self) -> None:
        self._read_page()
        self.save_now()
        self.closed.emit()
