"""The coordinator's main window: a list of sections on the left, the section on the right.

Choosing the section on show again (a click on it in the list, or its Ctrl+number) takes it back
to where it starts, if it has a start to go back to (:class:`StartsOver`): the Cases section
from an open case to the list of cases.

The window title names the partnership only, never a case. Size and position are remembered
(nothing else is kept outside the encrypted store).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QByteArray, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QMouseEvent,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rrdesk.ui.kit.item_roles import USER_ROLE
from rrdesk.ui.shell.leaving import may_leave
from rrdesk.ui.shell.messages import Messages

if TYPE_CHECKING:
    # Named only in annotations: the Qt namespace is built after the window is first painted
    # (rrdesk.ui.kit.item_roles).
    from PySide6.QtCore import QModelIndex, Qt

FIRST_SIZE = (1280, 800)
"""The window's size the first time rrdesk opens on a computer, where the screen has room."""
FRAME_ALLOWANCE = (16, 48)
"""Room kept for the window's frame and title bar, which its size does not include."""


def first_size(available_width: int, available_height: int) -> tuple[int, int]:
    """The first size on a screen whose work area (less the taskbar) is this big: 1280 by 800,
    or less, so that the whole window, title bar and status bar too, is on a smaller screen
    (a 1366 by 768 laptop, say)."""
    return (
        max(1, min(FIRST_SIZE[0], available_width - FRAME_ALLOWANCE[0])),
        max(1, min(FIRST_SIZE[1], available_height - FRAME_ALLOWANCE[1])),
    )


def once_on_screen(window: QWidget, callback: Callable[[], object]) -> None:
    """``callback`` once ``window`` is on screen if it is a :class:`MainWindow`, else now."""
    if isinstance(window, MainWindow):
        window.when_on_screen(callback)
    else:
        callback()


@dataclass
class _Section:
    key: str
    title: str
    widget: QWidget
    item: QListWidgetItem
    factory: Callable[[], QWidget] | None = None
    when_built: list[Callable[[QWidget], None]] = field(default_factory=list)


class SectionStack(QStackedWidget):
    """The sections, one on show at a time. Only the one on show says how small the window may
    be: a wide section seen once would otherwise hold the window at its width for good, past the
    edge of a small screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        if shown is None:
            return super().minimumSizeHint()
        return shown.minimumSizeHint().expandedTo(shown.minimumSize())

    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        return super().sizeHint() if shown is None else shown.sizeHint()


@runtime_checkable
class StartsOver(Protocol):
    """A section that goes back to its start when chosen again (its list, say), after asking
    about unsaved typing; it stays as it is if the person chooses to stay."""

    def show_start(self) -> None: ...


class SectionList(QListWidget):
    """The list of sections. Before another section is chosen in it (a click, the arrow keys or
    typing a title's first letter) it asks ``may_change``, which may ask the person about unsaved
    typing; the choice is refused, the section on show staying, when it answers False."""

    chosen_again = Signal()
    """The section on show was clicked again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.may_change: Callable[[], bool] = lambda: True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.indexAt(event.position().toPoint()).row()
        if 0 <= row != self.currentRow() and not self.may_change():
            event.accept()
            return
        again = row >= 0 and row == self.currentRow()
        super().mousePressEvent(event)
        if again:
            self.chosen_again.emit()

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        moved = super().moveCursor(cursorAction, modifiers)
        if moved.isValid() and moved.row() != self.currentRow() and not self.may_change():
            return self.currentIndex()
        return moved

    def keyboardSearch(self, search: str) -> None:
        if self.may_change():
            super().keyboardSearch(search)


class MainWindow(QMainWindow):
    section_shown = Signal(str)
    lock_requested = Signal()
    closing = Signal()
    on_screen_at_the_latest_ms = 2000

    def __init__(
        self,
        partnership: str,
        *,
        status: str = "",
        banner: str = "",
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(f"rrdesk: {partnership}")
        self._settings = settings
        self._sections: dict[str, _Section] = {}
        self._painted = False
        self._when_on_screen: list[Callable[[], object]] = []
        self._messages: Messages | None = None
        self.nav = SectionList()
        self.nav.setObjectName("nav_list")
        self.nav.setAccessibleName("Sections")
        self.nav.setFixedWidth(210)
        self.stack = SectionStack()
        self.stack.setObjectName("section_stack")
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = QLabel(banner)
        self.banner.setObjectName("demo_banner")
        self.banner.setProperty("role", "demo_banner")
        self.banner.setVisible(bool(banner))
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self._body = central  # replaced by the lock screen while locked
        self.status_label = QLabel(status)
        self.status_label.setObjectName("status_label")
        self.statusBar().addWidget(self.status_label, 1)
        self.file_menu = self.menuBar().addMenu("&File")
        self.view_menu = self.menuBar().addMenu("&View")
        self.help_menu = self.menuBar().addMenu("&Help")
        self.lock_action = self.add_action(
            self.file_menu, "Lock", "lock", QKeySequence("Ctrl+L"), self.lock_requested.emit
        )
        self.file_menu.addSeparator()
        self.quit_action = self.add_action(
            self.file_menu, "Quit", "quit", QKeySequence(QKeySequence.StandardKey.Quit), self.close
        )
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self.nav.chosen_again.connect(self._start_over)
        self._restore_geometry()

    def add_action(
        self,
        menu: object,
        text: str,
        name: str,
        shortcut: QKeySequence | None,
        slot: object,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            # The list form: setShortcut's overloads would build the Qt namespace to be told
            # apart (rrdesk.ui.kit.item_roles).
            action.setShortcuts([shortcut])
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        self.addAction(action)
        return action

    def add_section(self, key: str, title: str, widget: QWidget | Callable[[], QWidget]) -> None:
        """Add a section; given a factory, the section is built when it is first shown."""
        item = QListWidgetItem(title)
        item.setData(USER_ROLE, key)
        self.nav.addItem(item)
        factory = None if isinstance(widget, QWidget) else widget
        placed = widget if isinstance(widget, QWidget) else QWidget()
        self.stack.addWidget(placed)
        number = len(self._sections) + 1
        self._sections[key] = _Section(key, title, placed, item, factory)
        if number <= 9:
            self.add_action(
                self.view_menu,
                title,
                f"show_{key}",
                QKeySequence(f"Ctrl+{number}"),
                lambda _=False, k=key: self.choose_section(k),
            )
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def ask_before_leaving(self, messages: Messages) -> None:
        """From now on, leaving the section on show (for another, or by closing the window) with
        unsaved typing on it asks Save, Discard or Stay first, through ``messages``."""
        self._messages = messages
        self.nav.may_change = self.may_leave_section

    def may_leave_section(self) -> bool:
        """Whether the section on show may be left: True at once if nothing typed is unsaved,
        else as the person answers Save, Discard or Stay."""
        if self._messages is None or self.centralWidget() is not self._body:
            return True  # locked: the typing was kept as the lock began
        shown = self.stack.currentWidget()
        return shown is None or may_leave(shown, self._messages)

    def section(self, key: str) -> QWidget:
        """The section's widget, built now if it has not been shown yet."""
        section = self._sections[key]
        if section.factory is not None:
            built = section.factory()
            section.factory = None
            index = self.stack.indexOf(section.widget)
            self.stack.insertWidget(index, built)
            self.stack.removeWidget(section.widget)
            section.widget.deleteLater()
            section.widget = built
            waiting, section.when_built = section.when_built, []
            for callback in waiting:
                callback(built)
        return section.widget

    def when_section_built(self, key: str, callback: Callable[[QWidget], None]) -> None:
        """Call ``callback`` with the section's widget once it is built (now, if it is)."""
        section = self._sections[key]
        if section.factory is None:
            callback(section.widget)
        else:
            section.when_built.append(callback)

    def when_on_screen(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the window is first on screen (soon, if it is already): for
        work that need not keep the person waiting for the window.

        "On screen" is the window's first paint, or, for a window shown but not painted (opened
        minimised, say), ``on_screen_at_the_latest_ms`` after it is shown.
        """
        if self._painted:
            QTimer.singleShot(0, self, callback)  # dropped if the window is gone by then
        else:
            self._when_on_screen.append(callback)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._painted:
            QTimer.singleShot(self.on_screen_at_the_latest_ms, self, self._now_on_screen)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._now_on_screen()

    def _now_on_screen(self) -> None:
        if self._painted:
            return
        self._painted = True
        waiting, self._when_on_screen = self._when_on_screen, []
        for callback in waiting:  # once everything in the window is painted, if it still is
            QTimer.singleShot(0, self, callback)

    @property
    def current_section(self) -> str:
        item = self.nav.currentItem()
        return "" if item is None else str(item.data(USER_ROLE))

    def show_section(self, key: str) -> bool:
        """Show the section; False if the person chose to stay on unsaved typing instead."""
        section = self._sections[key]
        if key != self.current_section and not self.may_leave_section():
            return False
        self.nav.setCurrentItem(section.item)
        return True

    def choose_section(self, key: str) -> None:
        """The person chose the section (its shortcut): shown, or if it is on show already,
        taken back to its start."""
        if key == self.current_section:
            self._start_over()
        else:
            self.show_section(key)

    def _start_over(self) -> None:
        shown = self.stack.currentWidget()
        if isinstance(shown, StartsOver):
            shown.show_start()

    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = str(self.nav.item(row).data(USER_ROLE))
        self.stack.setCurrentWidget(self.section(key))
        self.section_shown.emit(key)

    def _restore_geometry(self) -> None:
        if self._settings is not None:
            geometry = self._settings.value("main_window/geometry")
            if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
                return
        area = self.screen().availableGeometry()
        self.resize(*first_size(area.width(), area.height()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_leave_section():
            event.ignore()
            return
        if self._settings is not None:
            self._settings.setValue("main_window/geometry", self.saveGeometry())
        self.closing.emit()
        super().closeEvent(event)
