"""Guided entry of one agency's check form: the task list, question pages with Back and
Continue, "Have you completed this section?", and "Check your answers".

Every change is saved: a short pause after typing, on leaving a box, on changing page and
before the form is closed, so a draft survives a forced close. Reopening returns to the page
the author was on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.agency_form_record import (
    CHECK_ANSWERS,
    COMPLETED_PAGE,
    TASK_LIST,
    EnteredBy,
    FormPosition,
    FormRecord,
)
from rrdesk.domain.agency_forms.check_form import Section
from rrdesk.domain.agency_forms.check_form_answers import (
    SectionStatus,
    form_is_complete,
    question_is_asked,
    section_asks_if_completed,
    section_statuses,
    validate_question,
)
from rrdesk.domain.agency_forms.text_checks import TextChecker
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.ui.agency_forms.findings_panel import FindingsPanel
from rrdesk.ui.agency_forms.form_check_answers import FormCheckAnswersWidget
from rrdesk.ui.agency_forms.form_task_list import FormTaskListWidget
from rrdesk.ui.agency_forms.question_pages import CompletedPage, FormQuestionPage
from rrdesk.ui.kit.form_widgets import ErrorSummary, heading_label
from rrdesk.ui.kit.narrative_edit import LARGE_PASTE, NarrativeEdit
from rrdesk.ui.kit.question_page import QuestionButtons
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
        self._answers: dict[str, object] = dict(record.answers)
        self._pasted = dict(record.pasted)
        self._ignored = dict(record.ignored)
        self._confirmed = set(record.confirmed_sections)
        self._looked_at = record.findings_looked_at
        self._ready_on = record.ready_on
        self._entered_by = record.entered_by
        self._entered_by_name = record.entered_by_name
        self._position = record.position
        self._return_to_check = False
        self._pages: dict[str, FormQuestionPage] = {}
        self._current_page: FormQuestionPage | None = None
        self._loading = False

        self.close_button = QPushButton("Back to agency forms")
        self.close_button.setObjectName("close_form")
        self.close_button.setProperty("role", "link")
        self.title = heading_label(record.agency, level=2, object_name="form_agency")
        self.entered_by = QComboBox()
        self.entered_by.setObjectName("entered_by")
        self.entered_by.setAccessibleName("Who is entering this form")
        for who in EnteredBy:
            self.entered_by.addItem(who.label, who.value)
        self.entered_by.setCurrentIndex(list(EnteredBy).index(record.entered_by))
        self.entered_by_name = QLineEdit(record.entered_by_name)
        self.entered_by_name.setObjectName("entered_by_name")
        self.entered_by_name.setAccessibleName("Name of the person entering the form")
        self.entered_by_name.setPlaceholderText("")
        who_row = QHBoxLayout()
        who_row.addWidget(QLabel("Entered by"))
        who_row.addWidget(self.entered_by)
        who_row.addWidget(QLabel("Name"))
        who_row.addWidget(self.entered_by_name, 1)
        self.notice = QLabel(notice)
        self.notice.setObjectName("returned_notice")
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "warning")
        self.notice.setVisible(bool(notice))
        self.warning = QLabel()
        self.warning.setObjectName("large_paste_warning")
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "warning")
        self.warning.hide()
        self.errors = ErrorSummary()

        self.task_list = FormTaskListWidget(self._form)
        self.task_problem = QLabel()
        self.task_problem.setObjectName("task_list_problem")
        self.task_problem.setProperty("role", "error")
        self.task_problem.setWordWrap(True)
        self.task_problem.hide()
        self.check_answers = FormCheckAnswersWidget(self._form)
        self.completed_page = CompletedPage()
        self.page_stack = QStackedWidget()
        self.page_stack.setObjectName("question_pages")
        self.page_stack.addWidget(self.completed_page)
        buttons = QuestionButtons()
        self.back_button = buttons.back_button
        self.continue_button = buttons.continue_button
        questions = QWidget()
        q_layout = QVBoxLayout(questions)
        q_layout.addWidget(self.page_stack, 1)
        q_layout.addWidget(buttons)
        self.findings_panel = FindingsPanel()

        task_holder = QWidget()
        task_layout = QVBoxLayout(task_holder)
        task_layout.addWidget(self.task_problem)
        task_layout.addWidget(self.task_list, 1)
        self.stack = QStackedWidget()
        self.stack.setObjectName("form_stack")
        for widget in (task_holder, questions, self.check_answers):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(widget)
            self.stack.addWidget(scroll)
        self._task_index, self._questions_index, self._check_index = 0, 1, 2
        body = QHBoxLayout()
        body.addWidget(self.stack, 2)
        body.addWidget(self.findings_panel, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.title)
        layout.addLayout(who_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.warning)
        layout.addWidget(self.errors)
        layout.addLayout(body, 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._connect_signals()
        self.open_at(record.position)

    def _connect_signals(self) -> None:
        self.close_button.clicked.connect(self._on_close_clicked)
        self.entered_by.currentIndexChanged.connect(self._on_entered_by_changed)
        self.entered_by_name.textEdited.connect(self._on_entered_by_changed)
        self.task_list.section_chosen.connect(self._on_task_list_section_chosen)
        self.task_list.check_requested.connect(self._on_task_list_check_requested)
        self.check_answers.change_requested.connect(self._on_check_change_requested)
        self.check_answers.ready_requested.connect(self._on_check_ready_requested)
        self.check_answers.looked_at.toggled.connect(self._on_looked_at_toggled)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.continue_button.clicked.connect(self._on_continue_clicked)
        self._save_timer.timeout.connect(self.save_now)
        self.findings_panel.fix_applied.connect(self._on_page_changed)

    # Saving

    @property
    def record(self) -> FormRecord:
        """The form as it stands, with what is on the page now."""
        self._read_page()
        return FormRecord(
            agency=self._agency,
            answers=dict(self._answers),
            entered_by=self._entered_by,
            entered_by_name=self._entered_by_name,
            position=self._position,
            pasted={k: v for k, v in self._pasted.items() if v},
            ignored={k: v for k, v in self._ignored.items() if v},
            confirmed_sections=frozenset(self._confirmed),
            findings_looked_at=self._looked_at,
            ready_on=self._ready_on,
        )

    def save_now(self) -> None:
        """Save the draft at once (also called before the form is closed or the store locked)."""
        self._save_timer.stop()
        if self._service.save_form(self._case_id, self.record, self._today()):
            self.show_notice(
                "You changed this form after it was quality assured, so it is back to received. "
                "It goes in the panel pack again once it is quality assured again."
            )

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def save_pending(self) -> None:
        """Called by the lock controller before the store is locked."""
        self.save_now()

    def _schedule_save(self) -> None:
        self._save_timer.start()

    def _read_page(self) -> None:
        page = self._current_page
        if page is None or self._loading:
            return
        self._answers[page.question.key] = page.value()
        for edit in page.narratives:
            key = str(edit.property("field_key"))
            self._pasted[key] = edit.pasted_spans
            self._ignored[key] = edit.ignored

    def _on_page_changed(self) -> None:
        if self._loading:
            return
        self._read_page()
        self._schedule_save()

    def _on_entered_by_changed(self) -> None:
        self._entered_by = EnteredBy(self.entered_by.currentData())
        self._entered_by_name = self.entered_by_name.text().strip()
        self._schedule_save()

    # Narrative boxes

    def _narrative(self, key: str, accessible: str) -> NarrativeEdit:
        edit = NarrativeEdit(
            self._checker, object_name="answer_" + key.replace(".", "_"), accessible=accessible
        )
        edit.setProperty("field_key", key)
        edit.focus_entered.connect(lambda e=edit: self.findings_panel.show_for(e))
        edit.focus_left.connect(self._on_narrative_focus_left)
        edit.pasted.connect(self._on_narrative_pasted)
        return edit

    def _on_narrative_focus_left(self) -> None:
        """Leaving a box saves what is waiting at once."""
        if self._save_timer.isActive():
            self.save_now()

    def _on_narrative_pasted(self, length: int) -> None:
        if length >= LARGE_PASTE:
            size = f"{length / 1_000_000:.1f} million" if length >= 1_000_000 else f"{length:,}"
            self.warning.setText(
                f"You pasted a lot of text ({size} characters). It has been kept and is marked "
                "as pasted. Check that the answer is a summary in your own words, not a copy of "
                "case notes."
            )
            self.warning.show()

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
        pages = [q.key for q in section.questions if question_is_asked(q, self._answers)]
        if section_asks_if_completed(section, self._answers):
            pages.append(COMPLETED_PAGE)
        return pages

    def _leave_page(self) -> None:
        self._read_page()
        self._current_page = None
        self.errors.clear()

    def show_task_list(self) -> None:
        self._leave_page()
        self._return_to_check = False
        self._position = FormPosition(TASK_LIST)
        statuses = self.statuses()
        who = self._entered_by.label + (
            f": {self._entered_by_name}" if self._entered_by_name else ""
        )
        self.task_list.show_statuses(statuses, f"Entered by {who[0].lower()}{who[1:]}.")
        self.stack.setCurrentIndex(self._task_index)
        self.findings_panel.hide()
        self.save_now()

    def statuses(self) -> dict[str, SectionStatus]:
        return section_statuses(
            self._form, self._answers, confirmed_sections=self._confirmed, today=self._today()
        )

    def show_check_answers(self) -> None:
        self._leave_page()
        self._return_to_check = False
        self._position = FormPosition(CHECK_ANSWERS)
        record = self.record
        findings = self._service.form_findings(self._checker, record)
        pasted = record.pasted_words
        self.check_answers.show_answers(self._answers, findings, pasted, self._looked_at)
        self.stack.setCurrentIndex(self._check_index)
        self.findings_panel.hide()
        self.save_now()

    def _show_page(self, section_key: str, page_key: str) -> None:
        self._leave_page()
        section = self._form.section(section_key)
        self._position = FormPosition(section_key, page_key)
        self._loading = True
        try:
            if page_key == COMPLETED_PAGE:
                self.completed_page.set_caption(section.title)
                answer = "yes" if section_key in self._confirmed else ""
                self.completed_page.choice.set_value(answer)
                self.completed_page.clear_problems()
                self.page_stack.setCurrentWidget(self.completed_page)
                narratives: list[NarrativeEdit] = []
            else:
                page = self._page(section, page_key)
                page.load(self._answers, self._pasted, self._ignored)
                page.clear_problems()
                self.page_stack.setCurrentWidget(page)
                self._current_page = page
                narratives = page.narratives
        finally:
            self._loading = False
        self.stack.setCurrentIndex(self._questions_index)
        self.findings_panel.setVisible(bool(narratives))
        self.findings_panel.show_for(narratives[0] if narratives else None)
        if self._current_page is not None:
            self._current_page.focus_first()
        self.save_now()

    def _page(self, section: Section, key: str) -> FormQuestionPage:
        page = self._pages.get(key)
        if page is None:
            page = FormQuestionPage(section, self._form.question(key), self._narrative)
            page.changed.connect(self._on_page_changed)
            for box in page.findChildren(QLineEdit):
                box.editingFinished.connect(self._on_narrative_focus_left)
            self._pages[key] = page
            self.page_stack.addWidget(page)
        return page

    @property
    def current_page(self) -> FormQuestionPage | None:
        return self._current_page

    @property
    def position(self) -> FormPosition:
        return self._position

    def _on_task_list_section_chosen(self, key: str) -> None:
        self.task_problem.hide()
        self._show_page(key, self._section_pages(self._form.section(key))[0])

    def _on_task_list_check_requested(self) -> None:
        if form_is_complete(
            self._form, self._answers, confirmed_sections=self._confirmed, today=self._today()
        ):
            self.task_problem.hide()
            self.show_check_answers()
            return
        titles = {s.key: s.title for s in self._form.sections}
        waiting = [
            titles[k]
            for k, s in self.statuses().items()
            if s not in (SectionStatus.COMPLETED, SectionStatus.NOT_NEEDED)
        ]
        self.task_problem.setText(
            "Complete every section before you check your answers. Not completed yet: "
            + ", ".join(waiting)
            + "."
        )
        self.task_problem.show()

    def _on_check_change_requested(self, section: str, question: str) -> None:
        self._show_page(section, question)
        self._return_to_check = True

    def _on_looked_at_toggled(self, checked: bool) -> None:
        self._looked_at = checked
        self._schedule_save()

    def _on_check_ready_requested(self) -> None:
        if not form_is_complete(
            self._form, self._answers, confirmed_sections=self._confirmed, today=self._today()
        ):
            self.show_task_list()
            self._on_task_list_check_requested()
            return
        record = self.record
        has_findings = bool(self._service.form_findings(self._checker, record)) or any(
            self._pasted.values()
        )
        if has_findings and not self._looked_at:
            self.check_answers.show_looked_at_error()
            return
        saved = self._service.mark_ready(self._case_id, record, self._today())
        self._ready_on = saved.ready_on
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
                self._confirmed.add(section_key)
            else:
                self._confirmed.discard(section_key)
            if self._return_to_check:
                self.show_check_answers()
            else:
                self.show_task_list()
            return
        page = self._current_page
        assert page is not None
        self._read_page()
        problems = validate_question(page.question, self._answers, today=self._today())
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
