"""Tabs that ask for only the room the tab on show needs, and that can ask before another tab
is shown.

Qt gives a tab widget the largest minimum size of all its tabs, so one wide tab (a case's
Decision sheet, say) would hold the window wider than a small screen on every other tab too.
Here the tabs not on show ask for no room: their size policy is "ignored" until they are shown.

Given ``may_change``, the tabs ask it before another tab is shown, however it is chosen: a click
on a tab, the mouse wheel over the tabs, the left and right arrow keys on the tabs, or Ctrl+Tab
and Ctrl+Shift+Tab anywhere in the tab on show. When it answers False the tab on show stays, and
is never left, even for a moment, so a question it asks is asked over the tab being left.

When the tabs with the house padding would not all fit across, the tab bar is marked
``narrow`` and the stylesheet gives its tabs less padding, so every tab stays on show with its
words whole (a case's nine tabs in a window on a 1024 by 768 screen) rather than behind scroll
arrows; given the room, the tabs have the usual padding again.

The tab bar is marked ``keyboard_focus`` while it has the focus and the person is using the
keyboard on it (it was reached by Tab, Shift+Tab or a shortcut, or a key was pressed on it), so
the stylesheet shows the tab on show in the focus yellow then, as a browser's ``:focus-visible``
does, and not when a case is opened with a click or a tab is clicked.

A tab that cannot be shown (disabled) is greyed with a dashed edge, as a button that cannot be
used is, and a click on it shows its tip, which says why, at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QTabBar,
    QTabWidget,
    QToolTip,
    QWidget,
)

from rrdesk.ui.kit.form_widgets import restyle


def _always() -> bool:
    return True


class AskingTabBar(QTabBar):
    """A tab bar that asks ``may_change`` before a click or an arrow key shows another tab."""

    def __init__(self, may_change: Callable[[], bool]) -> None:
        super().__init__()
        self._may_change = may_change

    def focusInEvent(self, event: QFocusEvent) -> None:
        from PySide6.QtCore import Qt  # named only once on screen (see kit/item_roles.py)

        by_keys = (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        self._show_keyboard_focus(event.reason() in by_keys)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._show_keyboard_focus(False)
        super().focusOutEvent(event)

    def _show_keyboard_focus(self, shown: bool) -> None:
        if bool(self.property("keyboard_focus")) == shown:
            return
        self.setProperty("keyboard_focus", shown)
        restyle(self)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._show_keyboard_focus(False)
        index = self.tabAt(event.position().toPoint())
        if 0 <= index != self.currentIndex() and not self._may_change():
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        index = self.tabAt(event.position().toPoint())
        if index >= 0 and not self.isTabEnabled(index):
            self._say_why_not(index)  # on release: a tip shown on the press goes as it ends

    def _say_why_not(self, index: int) -> None:
        """A click on a tab that cannot be shown says why at once, under the tab (its tip),
        rather than doing nothing until the pointer rests there."""
        why = self.tabToolTip(index)
        if why:
            below = self.tabRect(index).bottomLeft()
            QToolTip.showText(self.mapToGlobal(below), why, self, self.tabRect(index))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._show_keyboard_focus(True)
        if self._arrow_moves(event) and not self._may_change():
            event.accept()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel over the tabs shows the next or previous tab, once ``may_change`` says so:
        asked before the tab changes, never after."""
        turn = event.angleDelta().y() or event.angleDelta().x()
        if turn and self._moves(-1 if turn > 0 else 1) and not self._may_change():
            event.accept()
            return
        super().wheelEvent(event)

    def _arrow_moves(self, event: QKeyEvent) -> bool:
        """Whether ``event`` is an arrow key that shows another tab (Qt's tabs do not wrap)."""
        from PySide6.QtCore import Qt  # named only once on screen (see kit/item_roles.py)

        if event.key() not in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            return False
        backwards = (event.key() == Qt.Key.Key_Left) != self.isRightToLeft()
        return self._moves(-1 if backwards else 1)

    def _moves(self, step: int) -> bool:
        """Whether there is an enabled tab to show ``step`` (-1 or 1) from the one on show."""
        index = self.currentIndex() + step
        while 0 <= index < self.count():
            if self.isTabEnabled(index):
                return True
            index += step
        return False


class ShownTabWidget(QTabWidget):
    def __init__(
        self, parent: QWidget | None = None, *, may_change: Callable[[], bool] = _always
    ) -> None:
        super().__init__(parent)
        self._may_change = may_change
        self.setTabBar(AskingTabBar(may_change))
        self._wide_width: int | None = None  # the tabs' width with the usual padding
        self.currentChanged.connect(self._on_current_changed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Tab and Ctrl+Shift+Tab show the next or previous tab, once ``may_change`` says
        so."""
        if self._ctrl_tab_moves(event) and not self._may_change():
            event.accept()
            return
        super().keyPressEvent(event)

    def _ctrl_tab_moves(self, event: QKeyEvent) -> bool:
        """Whether ``event`` is Ctrl+Tab or Ctrl+Shift+Tab with another tab to show (they wrap
        round)."""
        from PySide6.QtCore import Qt  # named only once on screen (see kit/item_roles.py)

        tab_keys = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if (
            event.key() not in tab_keys
            or not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            return False
        current = self.currentIndex()
        return any(self.isTabEnabled(i) for i in range(self.count()) if i != current)

    def replace_page(self, index: int, page: QWidget) -> None:
        """Put ``page`` in the place of the tab at ``index``, with its title, tip and whether it
        is enabled, shown if that tab was: the same tab stays on show, so no change of tab is
        signalled."""
        shown = index == self.currentIndex()
        blocked = self.blockSignals(True)
        try:
            # Put in before the old page (which stays on show meanwhile), shown, then the old
            # page taken out: no other tab is shown between.
            self.insertTab(index, page, self.tabText(index))
            self.setTabToolTip(index, self.tabToolTip(index + 1))
            self.setTabEnabled(index, self.isTabEnabled(index + 1))
            if shown:
                self.setCurrentIndex(index)
            self.removeTab(index + 1)
        finally:
            self.blockSignals(blocked)
        self._on_current_changed(self.currentIndex())

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self._on_current_changed(self.currentIndex())

    def tabRemoved(self, index: int) -> None:
        super().tabRemoved(index)
        self._fit_tabs(measure=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_tabs()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_tabs(measure=True)

    def _fit_tabs(self, *, measure: bool = False) -> None:
        """Mark the tab bar ``narrow`` when its tabs with the usual padding are wider than the
        room across, so the stylesheet pads them less; unmark it when they fit."""
        bar = self.tabBar()
        narrow = bool(bar.property("narrow"))
        if measure or self._wide_width is None:
            if narrow:
                self._pad(bar, narrow=False)
            # The tab on show is set in bold, so the width is measured with each tab's own.
            self._wide_width = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
            if narrow:
                self._pad(bar, narrow=True)
        wanted = self._wide_width > self.width()
        if wanted != narrow:
            self._pad(bar, narrow=wanted)

    @staticmethod
    def _pad(bar: QTabBar, *, narrow: bool) -> None:
        bar.setProperty("narrow", narrow)
        restyle(bar)
        QApplication.sendEvent(bar, QEvent(QEvent.Type.StyleChange))  # the tabs laid out again

    def _on_current_changed(self, shown: int) -> None:
        for index in range(self.count()):
            page = self.widget(index)
            if page is None:
                continue
            if index == shown:
                page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            else:
                page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._fit_tabs(measure=True)  # the tab on show is in bold, so the tabs' width changes
        self.updateGeometry()
