"""The statutory review action plan across all cases: filter, track, add and export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.after_meeting.action_plan import (
    ActionFilter,
    ActionPlanError,
    PlanAction,
    ShownStatus,
    agencies_in,
    filter_actions,
)
from rrdesk.domain.timetable.dates import DateError
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.ui.after_meeting.action_forms import ActionAddForm, ActionTrackingForm
from rrdesk.ui.after_meeting.action_plan_export import export_action_plan
from rrdesk.ui.after_meeting.action_plan_table import ActionPlanTable
from rrdesk.ui.after_meeting.action_plan_table_model import ActionPlanTableModel
from rrdesk.ui.kit.form_widgets import heading_label, hint_label, name_widget
from rrdesk.ui.kit.page_bar import PageBar
from rrdesk.ui.kit.scrolling_page import page_scroll
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY, UnsavedTyping
from rrdesk.ui.shell.messages import Messages

ALL_AGENCIES = "All agencies"
PAGE = 100
"""Actions shown at a time: each row as tall as its wrapped words is measured before it is
drawn, which for ten years' 2,000 actions took seconds."""
STATUS_CHOICES: tuple[tuple[str, frozenset[ShownStatus]], ...] = (
    ("Every status", frozenset()),
    ("Not completed", frozenset({ShownStatus.OPEN, ShownStatus.IN_PROGRESS, ShownStatus.OVERDUE})),
    ("Overdue", frozenset({ShownStatus.OVERDUE})),
    ("Open", frozenset({ShownStatus.OPEN})),
    ("In progress", frozenset({ShownStatus.IN_PROGRESS})),
    ("Completed", frozenset({ShownStatus.COMPLETED})),
)


class ActionPlanWidget(QWidget):
    def __init__(
        self,
        plan: ActionPlanService,
        cases: CaseService,
        directory: DirectoryService,
        messages: Messages,
        today: Callable[[], date],
        *,
        partnership: str,
        files: FileDialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("action_plan_widget")
        self._plan = plan
        self._cases = cases
        self._directory = directory
        self._messages = messages
        self._today = today
        self._partnership = partnership
        self._files = files
        self._all: tuple[PlanAction, ...] = ()
        self._shown: tuple[PlanAction, ...] = ()  # every action the filters let through
        self._tracked: PlanAction | None = None  # the action the tracking form shows
        self._asking = False  # a row change is being asked about: selections are not choices
        self.pages = PageBar("actions", page_size=PAGE, object_name="action_pages")
        self.agency_filter = QComboBox()
        name_widget(self.agency_filter, "action_agency_filter", "Owner agency")
        # As wide as the room allows, not as its longest agency's name: that held the window
        # wider than a 1024-wide screen (the list itself still shows names in full).
        self.agency_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.agency_filter.setMinimumContentsLength(12)
        self.status_filter = QComboBox()
        name_widget(self.status_filter, "action_status_filter", "Status")
        for label, _ in STATUS_CHOICES:
            self.status_filter.addItem(label)
        self.summary = QLabel()
        self.summary.setObjectName("action_summary")
        self.summary.setAccessibleName("Summary of the actions shown")
        self.model = ActionPlanTableModel(today(), plan.calendar)
        self.table = ActionPlanTable(self.model)
        self.tracking_form = ActionTrackingForm()
        self.add_form = ActionAddForm()
        self.export_buttons: dict[str, QPushButton] = {}
        self._build()
        self._connect_signals()
        self.refresh()

    def _build(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Owner agency"))
        filters.addWidget(self.agency_filter, 1)
        filters.addWidget(QLabel("Status"))
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        exports = QHBoxLayout()
        for key, text in (
            ("xlsx", "Save as Excel"),
            ("csv", "Save as CSV"),
            ("pdf", "Save as PDF"),
        ):
            button = QPushButton(text)
            name_widget(button, f"export_action_plan_{key}", text)
            button.clicked.connect(lambda _=False, k=key: self._on_export_clicked(k))
            exports.addWidget(button)
            self.export_buttons[key] = button
        exports.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(
            heading_label("Statutory review action plan", object_name="action_plan_heading")
        )
        left.addWidget(
            hint_label(
                "Every action from Rapid Reviews and local reviews: the immediate actions agreed "
                "at each meeting, and actions added here. Overdue actions are shaded and say "
                "'Overdue'."
            )
        )
        left.addLayout(filters)
        left.addWidget(self.summary)
        left.addWidget(self.table, 1)
        left.addWidget(self.pages)
        left.addLayout(exports)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.tracking_form)
        side_layout.addWidget(self.add_form)
        side_layout.addStretch(1)
        scroll = page_scroll(side)
        scroll.setMinimumWidth(290)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table_side = QWidget()
        table_side.setLayout(left)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("action_plan_splitter")
        splitter.addWidget(table_side)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1200, 330])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def _connect_signals(self) -> None:
        self.agency_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.status_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.pages.page_changed.connect(self._show_page)
        self.tracking_form.save_requested.connect(self._on_tracking_save_requested)
        self.tracking_form.remove_requested.connect(self._on_tracking_remove_requested)
        self.add_form.add_requested.connect(self._on_add_requested)

    # --- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._all = self._plan.actions()
        agencies = agencies_in(self._all)
        chosen = self.agency_filter.currentText()
        self.agency_filter.blockSignals(True)
        self.agency_filter.clear()
        self.agency_filter.addItem(ALL_AGENCIES)
        self.agency_filter.addItems(list(agencies))
        index = self.agency_filter.findText(chosen)
        self.agency_filter.setCurrentIndex(max(index, 0))
        self.agency_filter.blockSignals(False)
        known = sorted({*agencies, *(a.name for a in self._directory.agencies())}, key=str.lower)
        self.add_form.set_choices(self._cases.summaries(), known)
        self._apply_filter()

    def current_filter(self) -> ActionFilter:
        agency = self.agency_filter.currentText()
        statuses = STATUS_CHOICES[max(self.status_filter.currentIndex(), 0)][1]
        return ActionFilter("" if agency == ALL_AGENCIES else agency, statuses)

    def filter_words(self) -> str:
        return f"{self.agency_filter.currentText()}, {self.status_filter.currentText().lower()}"

    def _apply_filter(self) -> None:
        today = self._today()
        shown = self._shown = tuple(filter_actions(self._all, self.current_filter(), today))
        overdue = sum(1 for a in shown if a.is_overdue(today))
        self.summary.setText(
            f"{len(shown):,} action{'' if len(shown) == 1 else 's'} chosen, {overdue:,} overdue"
            f" ({len(self._all):,} in the plan)"
        )
        self.pages.set_total(len(shown))
        self._show_page()

    def _show_page(self) -> None:
        self.model.set_actions(self._shown[self.pages.start : self.pages.stop], self._today())
        self._track(None)

    def _track(self, action: PlanAction | None) -> None:
        self._tracked = action
        self.tracking_form.show_action(action)

    def selected_action(self) -> PlanAction | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.action_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # --- slots ----------------------------------------------------------------------------

    def _on_filter_changed(self, _index: int) -> None:
        self._apply_filter()

    def _on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        """Another action chosen: changes to the one on the tracking form not yet saved are
        asked about first (Save, Discard or Stay), and Stay keeps its row selected."""
        if self._asking:
            return
        chosen, left = self.selected_action(), self._tracked
        moved = left is not None and chosen is not None and not _same(chosen, left)
        if left is not None and moved and self._tracking_changed():
            self._asking = True
            try:
                choice = self._messages.choose(
                    self,
                    "Your changes to the chosen action have not been saved",
                    f"If you choose another action now, your changes to '{left.action}' are lost.",
                    (SAVE, DISCARD, STAY),
                    default=STAY,
                )
                if choice == STAY or (choice == SAVE and not self._save_tracking()):
                    self._reselect(left)
                    return
                if chosen is not None:
                    self._reselect(chosen)
            finally:
                self._asking = False
            chosen = self.selected_action()
        self._track(chosen)

    def _on_tracking_save_requested(self, _unused: object) -> None:
        self._save_tracking()

    def _save_tracking(self) -> bool:
        action = self._tracked
        if action is None:
            return True
        try:
            tracking = self.tracking_form.tracking()
            self._plan.update_tracking(action.case_id, action.key, tracking)
        except (ActionPlanError, DateError) as error:
            self._messages.error(self, "The action was not saved", str(error))
            return False
        self.refresh()
        self._reselect(action)
        return True

    def _on_tracking_remove_requested(self) -> None:
        action = self.selected_action()
        if action is None or not self._messages.confirm(
            self,
            "Remove the action",
            f"Remove '{action.action}' from the plan? Its status and evidence go with it.",
            yes="Remove the action",
            no="Keep it",
        ):
            return
        try:
            self._plan.remove_added_action(action.case_id, action.key)
        except ActionPlanError as error:
            self._messages.error(self, "The action was not removed", str(error))
            return
        self.refresh()

    def _reselect(self, action: PlanAction) -> None:
        for row, shown in enumerate(self._shown):
            if shown.case_id == action.case_id and shown.key == action.key:
                if not self.pages.start <= row < self.pages.stop:
                    self.pages.show_row(row)
                    self._show_page()
                self.table.selectRow(row - self.pages.start)
                return

    def _on_add_requested(self) -> None:
        self._add()

    def _add(self) -> bool:
        form = self.add_form
        case_id = form.case.currentData()
        try:
            if case_id is None:
                raise ActionPlanError("Choose the case the action comes from")
            added = self._plan.add_action(
                int(case_id), form.text.text(), form.owner.currentText(), form.due_date()
            )
        except (ActionPlanError, DateError) as error:
            self._messages.error(self, "The action was not added", str(error))
            return False
        form.clear()
        self.refresh()
        self._reselect(added)
        return True

    # --- leaving with typing not yet saved (rrdesk.ui.shell.leaving) -----------------------

    def _tracking_changed(self) -> bool:
        action = self._tracked
        if action is None:
            return False
        try:
            return self.tracking_form.tracking() != action.tracking
        except DateError:
            return True  # a date half typed

    def _action_typed(self) -> bool:
        form = self.add_form
        typed = (form.text.toPlainText(), form.owner.currentText())
        return any(text.strip() for text in typed) or not form.due.is_blank()

    def unsaved_typing(self) -> UnsavedTyping | None:
        changed, typed = self._tracking_changed(), self._action_typed()
        if not (changed or typed):
            return None
        lost = [
            *(["your changes to the chosen action"] if changed else []),
            *(["the action you were adding"] if typed else []),
        ]
        return UnsavedTyping(
            "Your changes to the action plan have not been saved",
            f"If you leave this page now, you lose {' and '.join(lost)}.",
        )

    def save_typing(self) -> bool:
        if self._tracking_changed() and not self._save_tracking():
            return False
        return not self._action_typed() or self._add()

    def discard_typing(self) -> None:
        self._track(self._tracked)
        self.add_form.clear()

    def _on_export_clicked(self, kind: str) -> None:
        export_action_plan(
            self,
            kind,
            plan=self._plan,
            actions=self._shown,  # on every page
            today=self._today(),
            partnership=self._partnership,
            chosen=self.filter_words(),
            messages=self._messages,
            files=self._files,
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Meetings change actions elsewhere: read the plan again whenever it is shown."""
        self.refresh()
        super().showEvent(event)


def _same(one: PlanAction, other: PlanAction) -> bool:
    return (one.case_id, one.key) == (other.case_id, other.key)
