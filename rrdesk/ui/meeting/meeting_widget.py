"""The Meeting tab of a case: the whole panel meeting, recorded live, every change saved at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.after_meeting.themes import recurrence_sentence
from rrdesk.domain.cases.cases import CaseError
from rrdesk.domain.meeting.agenda import AgendaItem
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.errors import StoreError
from rrdesk.ui.decision_sheet.panel_response_panel import PanelResponsePanel
from rrdesk.ui.decision_sheet.sign_off_panel import SignOffPanel
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.kit.scrolling_page import page_scroll
from rrdesk.ui.meeting.actions_panel import ActionsPanel
from rrdesk.ui.meeting.agenda_panel import AgendaPanel
from rrdesk.ui.meeting.attendance_panel import AttendancePanel
from rrdesk.ui.meeting.criteria_panel import CriteriaPanel
from rrdesk.ui.meeting.decision_panel import DecisionPanel
from rrdesk.ui.meeting.details_panel import DetailsPanel
from rrdesk.ui.meeting.learning_panel import LearningPanel
from rrdesk.ui.meeting.meeting_panel import (
    Change,
    MeetingPanel,
    MeetingView,
    status_label,
)
from rrdesk.ui.meeting.typed_boxes import NoteBox, TypedBox, line_and_added_boxes
from rrdesk.ui.meeting.vote_panel import VotePanel
from rrdesk.ui.shell.leaving import UnsavedTyping


def _short_problems(problems: tuple[str, ...]) -> list[str]:
    """The record's gaps, with the unanswered criteria counted rather than listed."""
    criteria = [p for p in problems if p.startswith("Answer the criterion")]
    shown = [p for p in problems if not p.startswith("Answer the criterion")]
    if criteria:
        count = len(criteria)
        text = "Answer the last criterion" if count == 1 else f"Answer the {count} open criteria"
        later = ("Hold the vote", "Close the vote", "Record the decision")
        at = next((i for i, p in enumerate(shown) if p.startswith(later)), len(shown))
        shown.insert(at, text)
    return shown


CONTENTS_WIDTH = 190  # the list of the meeting's parts, at most


class _WrappedWithinWidth(QStyledItemDelegate):
    """Wraps each part's name within the list's width, its padding included.

    The style sheet's padding is added after the words are wrapped to the whole width, which
    made the longest name a few pixels wider than the list, and the list scroll sideways.
    """

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        width = option.rect.width()
        if width <= 0 or size.width() <= width:
            return size
        narrower = QStyleOptionViewItem(option)
        narrower.rect.setWidth(max(1, 2 * width - size.width()))
        return QSize(width, super().sizeHint(narrower, index).height())


class MeetingWidget(QWidget):
    """Every part of the meeting on one scrolling page, with a list of parts to jump to."""

    meeting_saved = Signal(str)

    def __init__(
        self,
        service: MeetingService,
        case_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meeting")
        self.setAccessibleName("Panel meeting")
        self._service = service
        self.case_id = case_id
        self._today = today
        case = service.case(case_id)
        self._quorum_rule = service.quorum_rule(case)
        self._vote_rule = service.vote_rule(case)
        self._partners = service.partners()
        self._agencies = tuple(service.agencies())
        self._meeting = service.load(case_id)

        self.heading = heading_label("Panel meeting", object_name="meeting_heading")
        self.case_line = status_label("meeting_case", "Case")
        self.saved = status_label("meeting_saved_status", "Saved")
        self.saved.setProperty("role", "hint")
        self.problems = status_label("meeting_problems", "Still to do")
        self.problems.setProperty("role", "inset")
        self.sheet = status_label("meeting_sheet_status", "Decision sheet")
        apply = self.apply
        self.details = DetailsPanel(apply)
        self.attendance = AttendancePanel(
            apply, service.substitute_candidates, service.with_substitute
        )
        self.agenda_panel = AgendaPanel(
            apply, lambda m: service.agenda_for(service.case(case_id), m)
        )
        themes = ThemeService(service.session)
        taxonomy = themes.taxonomy()
        self.learning = LearningPanel(
            apply,
            [(theme.key, theme.label) for theme in taxonomy.themes],
            lambda chosen: [
                recurrence_sentence(others, label)
                for others, (_key, label) in zip(
                    themes.others_with_themes(case_id, [key for key, _ in chosen], today()),
                    chosen,
                    strict=True,
                )
            ],
        )
        self.criteria = CriteriaPanel(apply)
        self.actions_panel = ActionsPanel(apply)
        self.vote = VotePanel(apply)
        self.decision = DecisionPanel(apply)
        self.sign_off = SignOffPanel(apply)
        self.panel_response = PanelResponsePanel(apply, service.calendar.add_working_days)
        self.panels: tuple[MeetingPanel, ...] = (
            self.details,
            self.attendance,
            self.agenda_panel,
            self.learning,
            self.criteria,
            self.actions_panel,
            self.vote,
            self.decision,
            self.sign_off,
            self.panel_response,
        )

        page = QWidget()
        page.setObjectName("meeting_page")
        column = QVBoxLayout(page)
        column.addWidget(self.heading)
        column.addWidget(self.case_line)
        column.addWidget(
            hint_label(
                "A live record: each choice is saved as you make it, and each box when you "
                "move on from it (Tab, Enter or a click elsewhere). There is no Save button."
            )
        )
        column.addWidget(self.saved)
        column.addWidget(self.problems)
        column.addWidget(self.sheet)
        for panel in self.panels:
            column.addWidget(panel)
        column.addStretch(1)
        self.scroll_area = page_scroll(page)
        self.scroll_area.setObjectName("meeting_scroll")
        self.contents = QListWidget()
        self.contents.setObjectName("meeting_contents")
        self.contents.setAccessibleName("Parts of the meeting")
        for panel in self.panels:
            self.contents.addItem(panel.title_text)
        # Narrow enough to leave the meeting's form its room in a 1024-wide window: a long
        # part's name wraps onto a second line rather than being cut.
        self.contents.setWordWrap(True)
        self.contents.setItemDelegate(_WrappedWithinWidth(self.contents))
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.setFixedWidth(min(self.contents.sizeHintForColumn(0) + 24, CONTENTS_WIDTH))
        layout = QHBoxLayout(self)
        layout.addWidget(self.contents)
        layout.addWidget(self.scroll_area, 1)
        self.contents.currentRowChanged.connect(self._on_contents_row_changed)
        self._show()

    # --- what others may read -------------------------------------------------------------

    def meeting(self) -> Meeting:
        return self._meeting

    def agenda(self) -> tuple[AgendaItem, ...]:
        """The running order, for the projector's agenda timer."""
        return self._meeting.agenda

    def view(self) -> MeetingView:
        case = self._service.case(self.case_id)
        try:
            working_day_of: Callable[[date], int] | None = self._service.working_day_of(case)
        except MeetingError:
            working_day_of = None
        return MeetingView(
            case=case,
            meeting=self._meeting,
            quorum=self._meeting.quorum(self._quorum_rule, self._partners),
            quorum_rule=self._quorum_rule,
            vote_rule=self._vote_rule,
            agencies=self._agencies,
            today=self._today(),
            working_day_of=working_day_of,
            dissent=self._service.dissent_rule(case),
        )

    # --- making a change ------------------------------------------------------------------

    def apply(self, change: Change, what: str) -> str:
        """Make ``change``, save it at once and show it; the error message if it is refused."""
        try:
            updated = change(self._meeting)
        except MeetingError as error:
            return str(error)
        if updated == self._meeting:
            return ""
        try:
            self._service.save(self.case_id, updated, what)
        except (MeetingError, CaseError) as error:
            return str(error)
        except StoreError as error:
            return error.message
        self._meeting = updated
        self.saved.setText(f"Saved: {what}")
        self._show()
        self.meeting_saved.emit(what)
        return ""

    # --- leaving with typing not yet saved (rrdesk.ui.shell.leaving) -----------------------

    def _typed_boxes(self) -> list[TypedBox]:
        """The boxes that can hold typing not yet saved, in the page's order."""
        notes: list[TypedBox] = [
            NoteBox(edit, self.learning) for edit in self.learning.edits.values()
        ]
        decision = self.decision
        notes += [NoteBox(decision.rationale, decision), NoteBox(decision.differs, decision)]
        others = line_and_added_boxes(
            self.meeting, self.details, self.criteria, self.vote, self.actions_panel
        )
        return others + notes

    def unsaved_typing(self) -> UnsavedTyping | None:
        if not any(box.typed() for box in self._typed_boxes()):
            return None
        return UnsavedTyping(
            "Your notes have not been saved",
            "If you leave this page now, what you typed in the meeting record is lost.",
        )

    def save_typing(self) -> bool:
        for box in self._typed_boxes():
            if box.typed() and not box.save():  # refused: its problem is shown, typing kept
                self.scroll_area.ensureWidgetVisible(box.panel.errors)
                return False
        return True

    def discard_typing(self) -> None:
        for box in self._typed_boxes():
            if box.typed():
                box.put_back()

    def reload(self) -> None:
        """Read the record again: another tab (the decision sheet's email) may have changed it."""
        stored = self._service.load(self.case_id)
        if stored != self._meeting:
            self._meeting = stored
            self._show()

    def reload_case(self, case_id: int) -> None:
        """Read the record again when this case changed elsewhere."""
        if case_id == self.case_id:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()
        super().showEvent(event)

    def _show(self) -> None:
        view = self.view()
        case = view.case
        self.case_line.setText(f"{case.reference}: {case.pseudonyms}. Stage: {case.stage.label}")
        problems = _short_problems(view.meeting.problems())
        self.problems.setText(
            "Still to do before the decision sheet:\n" + "\n".join(f"• {p}" for p in problems)
            if problems
            else "The record is complete: the decision sheet can be exported."
        )
        self.problems.setAccessibleName(self.problems.text())
        self.sheet.setText(self._sheet_text())
        self.sheet.setAccessibleName(self.sheet.text())
        for panel in self.panels:
            panel.show_view(view)

    def _sheet_text(self) -> str:
        history = self._service.sheet_history(self.case_id)
        current = history.current
        if current is None:
            return "The decision sheet has not been exported yet."
        exported = format_date(current.exported_on)
        text = f"Decision sheet version {current.number} exported on {exported}."
        changes = history.pending_changes(self._meeting)
        if changes:
            text += (
                f" The record has changed since, so the next export is version"
                f" {current.number + 1}: " + "; ".join(changes)
            )
        return text

    def _on_contents_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.panels):
            panel = self.panels[row]
            self.scroll_area.verticalScrollBar().setValue(panel.y())
