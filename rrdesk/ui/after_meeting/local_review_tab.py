"""A case's local review: endorse it, record it, and see its milestones count down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.after_meeting.local_review import LocalReview, LocalReviewError
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.timetable.dates import DateError, format_date
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.agency_forms.text_checks_loader import build_text_checker
from rrdesk.services.cases.case_service import CaseService
from rrdesk.ui.kit.findings_panel import CheckedText
from rrdesk.ui.kit.form_widgets import DateInput, FormField, heading_label, name_widget
from rrdesk.ui.kit.narrative_edit import NarrativeEdit
from rrdesk.ui.kit.scrolling_page import scrolling_body
from rrdesk.ui.shell.leaving import UnsavedTyping
from rrdesk.ui.shell.messages import Messages

OVERDUE_INK = QColor("#942514")
_ENDORSABLE = frozenset({Stage.AWAITING_SIGN_OFF, Stage.SENT_TO_NATIONAL_PANEL})
_DATES = (
    ("decided_on", "Decision to initiate taken on"),
    ("commissioned_on", "Commissioned on"),
    ("family_informed_on", "Family told on"),
    ("practitioner_event_on", "Practitioner event held on"),
    ("completed_on", "Completed on"),
    ("report_shared_with_family_on", "Report shared with the family on"),
    ("report_to_panel_on", "Final report sent to the National Panel and Secretary of State on"),
    ("publication_planned", "Publication planned for"),
    ("published_on", "Published on"),
    ("learning_workshop_on", "Learning workshop held on"),
    ("implementation_workshop_on", "Implementation workshop held on"),
)


class LocalReviewTab(QWidget):
    def __init__(
        self,
        case_id: int,
        reviews: LocalReviewService,
        cases: CaseService,
        messages: Messages,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("local_review_tab")
        self._case_id = case_id
        self._reviews = reviews
        self._cases = cases
        self._messages = messages
        self._today = today
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        name_widget(self.notice, "local_review_notice", "About this tab")
        self.endorse_date = DateInput("endorse_commissioned_on", "Date commissioned")
        self.decided_date = DateInput("endorse_decided_on", "Date of the decision to initiate")
        self.below_threshold = QLineEdit()
        name_widget(self.below_threshold, "endorse_below_threshold", "Why it is reviewed")
        self.below_threshold_field = FormField(
            "Why review a case that did not meet the threshold",
            self.below_threshold,
            hint="For example, a near miss, or good practice to learn from",
        )
        self._loaded = LocalReview()
        self._shown: tuple[object, ...] | None = None
        self._endorse_shown: tuple[object, ...] | None = None
        self.endorse_button = QPushButton("Record the local review as endorsed")
        name_widget(
            self.endorse_button, "endorse_local_review", "Record the local review as endorsed"
        )
        self.endorse_box = QGroupBox("Endorse a local review")
        name_widget(self.endorse_box, "endorse_box", "Endorse a local review")
        self.milestones = QTableWidget(0, 3)
        name_widget(self.milestones, "local_review_milestones", "Milestones")
        self.milestones.verticalHeader().hide()
        self.milestones.setHorizontalHeaderLabels(["Milestone", "Due", "Status"])
        # The milestone's words wrap in the room the date and status leave, each row as tall as
        # it needs: the table fits a 1024-wide window without scrolling sideways.
        self.milestones.setWordWrap(True)
        self.milestones.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.milestones.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        columns = self.milestones.horizontalHeader()
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        rows = self.milestones.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.sectionResized.connect(self._fit_milestones_height)
        self.dates = {key: DateInput(f"review_{key}", label) for key, label in _DATES}
        self.reviewer = QLineEdit()
        name_widget(self.reviewer, "review_reviewer", "Reviewer")
        self.independent = QCheckBox("The reviewer is independent of the agencies involved")
        name_widget(self.independent, "review_independent", "Reviewer independent")
        self.method = QLineEdit()
        name_widget(self.method, "review_method", "Method")
        self.panel = QPlainTextEdit()
        name_widget(self.panel, "review_panel", "Review panel")
        self.panel.setMaximumHeight(80)
        # checked as the agency forms are; the wiring gives it the case's checker
        self.family = NarrativeEdit(
            build_text_checker(), object_name="review_family", accessible="Family involvement"
        )
        self.family.setMaximumHeight(70)
        self.save_button = QPushButton("Save the local review")
        name_widget(self.save_button, "save_local_review", "Save the local review")
        self.review_box = QGroupBox("The review")
        name_widget(self.review_box, "review_box", "The review")
        self._build()
        self.endorse_button.clicked.connect(self._on_endorse_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.load()

    def _build(self) -> None:
        layout = scrolling_body(self)
        layout.addWidget(heading_label("Local review", object_name="local_review_heading"))
        layout.addWidget(self.notice)
        endorse = QVBoxLayout(self.endorse_box)
        endorse.addWidget(
            FormField(
                "Date of the decision to initiate the review",
                self.decided_date,
                hint="Its 6 months count from here",
            )
        )
        endorse.addWidget(FormField("Date the review was commissioned", self.endorse_date))
        endorse.addWidget(self.below_threshold_field)
        endorse.addWidget(self.endorse_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.endorse_box)
        layout.addWidget(self.milestones)
        form = QVBoxLayout(self.review_box)
        form.addWidget(FormField("Reviewer", self.reviewer))
        form.addWidget(self.independent)
        form.addWidget(FormField("Method", self.method, hint="For example, a systems approach"))
        form.addWidget(FormField("Review panel", self.panel, hint="One person on each line"))
        form.addWidget(FormField("How the family are involved", CheckedText(self.family)))
        for key, label in _DATES:
            form.addWidget(FormField(label, self.dates[key]))
        form.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.review_box)
        layout.addStretch(1)

    def load(self) -> None:
        case = self._cases.get(self._case_id)
        review = self._reviews.get(self._case_id)
        is_review = case is not None and case.stage is Stage.LOCAL_REVIEW
        below = (
            case is not None
            and case.stage is Stage.THRESHOLD_NOT_MET
            and self._reviews.reviews_below_threshold(self._case_id)
        )
        can_endorse = case is not None and (case.stage in _ENDORSABLE or below)
        self.endorse_box.setVisible(can_endorse and not is_review)
        self.below_threshold_field.setVisible(below)
        self.milestones.setVisible(is_review)
        self.review_box.setVisible(is_review)
        if is_review:
            self.notice.setText(
                "A local Child Safeguarding Practice Review: it should be completed within 6"
                " months of the decision to initiate it, and the final report sent to the"
                " National Panel and the Secretary of State at least 7 working days before it is"
                " published. Milestones also show on the countdown board."
            )
        elif can_endorse:
            self.notice.setText(
                "When the partners decide to initiate a local review, record it here: the case"
                " becomes a local review and its 6 months count from the decision."
            )
            if below:
                self.notice.setText(
                    "This case did not meet the threshold. Your partnership also reviews cases"
                    " like this (a near miss, good practice): record the review here if it is"
                    " to be one."
                )
            self.endorse_date.set_value(self._today())
            self.decided_date.set_value(self._today())
            self.below_threshold.clear()
            self._endorse_shown = self._endorse_typed()
        else:
            self.notice.setText(
                "This tab is used once a local review has been recommended and endorsed."
            )
        if not is_review:
            return
        review = review or LocalReview()
        self._loaded = review
        self.reviewer.setText(review.reviewer)
        self.independent.setChecked(review.reviewer_independent)
        self.method.setText(review.method)
        self.panel.setPlainText(review.panel)
        self.family.setPlainText(review.family_involvement)
        for key, _ in _DATES:
            self.dates[key].set_value(getattr(review, key))
        self._shown = self._typed()
        self._show_milestones()

    def _show_milestones(self) -> None:
        today = self._today()
        milestones = self._reviews.milestones(self._case_id)
        self.milestones.setRowCount(len(milestones))
        for row, milestone in enumerate(milestones):
            values = (
                milestone.label,
                format_date(milestone.due) if milestone.due else "Not yet known",
                milestone.status_words(today),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 2 and milestone.is_overdue(today):
                    item.setForeground(QBrush(OVERDUE_INK))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.milestones.setItem(row, column, item)
        self._fit_milestones_height()

    def _fit_milestones_height(self) -> None:
        """Every milestone in view: the table as tall as its rows, wrapped at today's width."""
        table = self.milestones
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        if table.height() != height:
            table.setFixedHeight(height)

    def milestone_rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for r in range(self.milestones.rowCount()):
            cells = [self.milestones.item(r, c) for c in range(3)]
            texts = [cell.text() if cell else "" for cell in cells]
            rows.append((texts[0], texts[1], texts[2]))
        return rows

    def review(self) -> LocalReview:
        values: dict[str, Any] = {key: self.dates[key].value(what=label) for key, label in _DATES}
        return replace(
            self._loaded,
            reviewer=self.reviewer.text().strip(),
            reviewer_independent=self.independent.isChecked(),
            method=self.method.text().strip(),
            panel=self.panel.toPlainText().strip(),
            family_involvement=self.family.toPlainText().strip(),
            **values,
        )

    def _on_endorse_clicked(self) -> None:
        self._endorse()

    def _endorse(self) -> bool:
        try:
            commissioned = self.endorse_date.value(what="The date commissioned")
            if commissioned is None:
                raise DateError("Enter the date the review was commissioned")
            decided = self.decided_date.value(what="The date of the decision to initiate")
            self._reviews.endorse(
                self._case_id,
                commissioned,
                decided_on=decided,
                below_threshold=self.below_threshold.text(),
            )
        except (DateError, LocalReviewError) as error:
            self._messages.error(self, "The local review was not recorded", str(error))
            return False
        self.load()
        return True

    def _on_save_clicked(self) -> None:
        self._save()

    def _save(self) -> bool:
        try:
            self._reviews.save(self._case_id, self.review())
        except (DateError, LocalReviewError) as error:
            self._messages.error(self, "The local review was not saved", str(error))
            return False
        self._shown = self._typed()
        self._show_milestones()
        return True

    # Leaving with typing not yet saved (rrdesk.ui.shell.leaving)

    def _typed(self) -> tuple[object, ...]:
        """What the review's boxes hold, as typed (a date half typed included)."""
        dates = tuple(
            (box.day.text(), box.month.text(), box.year.text()) for box in self.dates.values()
        )
        return (
            self.reviewer.text().strip(),
            self.independent.isChecked(),
            self.method.text().strip(),
            self.panel.toPlainText().strip(),
            self.family.toPlainText().strip(),
            dates,
        )

    def _endorse_typed(self) -> tuple[object, ...]:
        """What the boxes for recording the review as endorsed hold, as typed."""
        dates = tuple(
            (box.day.text(), box.month.text(), box.year.text())
            for box in (self.decided_date, self.endorse_date)
        )
        return (dates, self.below_threshold.text().strip())

    def _endorsing(self) -> bool:
        """Whether the dates or reason for recording the review as endorsed have been changed."""
        return (
            self._endorse_shown is not None
            and self.endorse_box.isVisibleTo(self)
            and self._endorse_typed() != self._endorse_shown
        )

    def unsaved_typing(self) -> UnsavedTyping | None:
        if self._endorsing():
            return UnsavedTyping(
                "The local review has not been recorded as endorsed",
                "If you leave this page now, the dates and reason you typed for it are lost."
                " Save records the local review as endorsed.",
            )
        if self._shown is None or not self.review_box.isVisibleTo(self):
            return None
        if self._typed() == self._shown:
            return None
        return UnsavedTyping(
            "The local review has not been saved",
            "If you leave this page now, what you typed about it is lost.",
        )

    def save_typing(self) -> bool:
        if self._endorsing():
            return self._endorse()
        return self._save()

    def discard_typing(self) -> None:
        self.load()
