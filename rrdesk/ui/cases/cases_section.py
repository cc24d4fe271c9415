"""The Cases section: the list, and a case's page when one is opened."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from rrdesk.domain.cases.case_tabs import why_tab_does_not_apply
from rrdesk.services.cases.case_service import CaseService
from rrdesk.ui.cases.case_list_widget import CaseListWidget
from rrdesk.ui.kit.shown_tabs import ShownTabWidget
from rrdesk.ui.shell.leaving import may_leave
from rrdesk.ui.shell.messages import Messages

if TYPE_CHECKING:
    from rrdesk.ui.cases.case_editor import CaseEditorWidget

CaseTab = Callable[[int], QWidget]


class UnbuiltTab(QWidget):
    """A case tab not shown yet: its page is built the first time the tab is shown, so opening
    a case builds only its details (a case's tabs read much of the store between them)."""

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self.build = build


class CasesSection(QWidget):
    data_changed = Signal()

    def __init__(
        self,
        case_list: CaseListWidget,
        editor_factory: Callable[[], CaseEditorWidget],
        cases: CaseService,
        messages: Messages,
        *,
        case_tabs: list[tuple[str, CaseTab]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cases_section")
        self.case_list = case_list
        self._editor_factory = editor_factory
        self._editor: CaseEditorWidget | None = None
        self._cases = cases
        self._messages = messages
        self._shown_tab: QWidget | None = None
        self._placing_tabs = False
        self._case_tab_factories = case_tabs if case_tabs is not None else []
        # A wide tab never holds the window wide on the others; another tab chosen (a click,
        # the arrow keys, Ctrl+Tab) asks about unsaved typing over the tab being left.
        self.tabs = ShownTabWidget(may_change=self._may_leave_tab)
        self.tabs.setObjectName("case_tabs")
        self.stack = QStackedWidget()
        self.stack.addWidget(case_list)
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        case_list.case_opened.connect(self.open_case)
        case_list.new_case_requested.connect(self.start_new_case)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    @property
    def editor(self) -> CaseEditorWidget:
        """The case page, built when a case is first opened (it has many widgets)."""
        if self._editor is None:
            editor = self._editor_factory()
            editor.closed.connect(self.show_list)
            editor.case_saved.connect(self._on_editor_case_saved)
            self._placing_tabs = True
            self.tabs.insertTab(0, editor, "Case details")
            self._placing_tabs = False
            self._editor = editor
        return self._editor

    def resume_draft(self) -> bool:
        """Reopen what was being typed when rrdesk locked, if anything."""
        draft = self._cases.draft()
        if draft is None:
            return False
        self._set_extra_tabs(draft.case_id)
        self.editor.resume_draft(draft)
        self.tabs.setCurrentWidget(self.editor)
        self.stack.setCurrentWidget(self.tabs)
        return True

    def show_list(self) -> None:
        """The list of cases, the case just left chosen in it."""
        left = self._editor.current_case if self._editor is not None else None
        self.case_list.refresh()
        self.stack.setCurrentWidget(self.case_list)
        if left is not None and left.case_id is not None:
            self.case_list.point_at(left.case_id)

    def show_start(self) -> None:
        """Cases chosen again in the window's sections: back to the list, from whichever of a
        case's tabs is on show, once any unsaved typing there is saved or set aside."""
        if self.stack.currentWidget() is self.tabs and self.may_leave_case():
            self.show_list()

    def may_leave_case(self) -> bool:
        """Whether the case on show may be left for another: asks about unsaved typing."""
        return self.stack.currentWidget() is not self.tabs or may_leave(self.tabs, self._messages)

    def _may_leave_tab(self) -> bool:
        shown = self.tabs.currentWidget()
        return shown is None or may_leave(shown, self._messages)

    def start_new_case(self) -> None:
        if not self.may_leave_case():
            return
        self._set_extra_tabs(None)
        self.editor.start_new()
        self.tabs.setCurrentWidget(self.editor)
        self.stack.setCurrentWidget(self.tabs)

    def open_case(self, case_id: int) -> None:
        if not self.may_leave_case():
            return
        case = self._cases.get(case_id)
        if case is None:
            self.show_list()
            return
        self.editor.open_case(case)
        self._set_extra_tabs(case_id)
        self.tabs.setCurrentWidget(self.editor)
        self.stack.setCurrentWidget(self.tabs)

    def _set_extra_tabs(self, case_id: int | None) -> None:
        self._placing_tabs = True
        try:
            self._replace_extra_tabs(case_id)
        finally:
            self._placing_tabs = False
            self._shown_tab = self.tabs.currentWidget()

    def _replace_extra_tabs(self, case_id: int | None) -> None:
        while self.tabs.count() > 1:
            widget = self.tabs.widget(1)
            self.tabs.removeTab(1)
            if widget is not None:
                widget.deleteLater()
        if case_id is None:
            return
        for title, factory in self._case_tab_factories:
            self.tabs.addTab(UnbuiltTab(partial(factory, case_id)), title)
        self._apply_tab_rule(case_id)

    def _apply_tab_rule(self, case_id: int) -> None:
        """Tabs that do not apply to the case at its stage are disabled, saying why."""
        case = self._cases.get(case_id)
        if case is None:
            return
        for index in range(1, self.tabs.count()):
            why = why_tab_does_not_apply(self.tabs.tabText(index), case.stage)
            self.tabs.setTabEnabled(index, not why)
            self.tabs.setTabToolTip(index, why)

    def _on_tabs_current_changed(self, _index: int) -> None:
        """Another tab shown without the tabs asking first (a turn of the wheel over them,
        say): the one left is asked about unsaved typing now, and shown again if the person
        stays. A tab shown for the first time is built then."""
        left, self._shown_tab = self._shown_tab, self.tabs.currentWidget()
        if self._placing_tabs:
            return
        if (
            left is not None
            and left is not self._shown_tab
            and self.tabs.indexOf(left) >= 0
            and not may_leave(left, self._messages)
        ):
            self._placing_tabs = True
            self.tabs.setCurrentWidget(left)
            self._placing_tabs = False
            self._shown_tab = left
            return
        self._build_shown_tab()

    def _build_shown_tab(self) -> None:
        """Put the shown tab's page in place of the stand-in it had until now."""
        index = self.tabs.currentIndex()
        stand_in = self.tabs.widget(index)
        if not isinstance(stand_in, UnbuiltTab):
            return
        page = stand_in.build()
        self.tabs.replace_page(index, page)
        stand_in.deleteLater()
        self._shown_tab = page

    def _on_editor_case_saved(self, case_id: int) -> None:
        if self.tabs.count() == 1:
            self._set_extra_tabs(case_id)
        else:
            self._apply_tab_rule(case_id)  # its stage may have changed
        self.case_list.refresh()
        self.data_changed.emit()
