"""What each feature adds to the main window, and how the features hear of each other's changes.

Each feature's ``install`` adds its sections and case tabs here and connects to
:class:`WindowEvents`; none of them reaches into another feature's widgets. The composition root
then places the sections and tabs in the order the window shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from rrdesk.ui.shell.main_window import MainWindow

CaseTab = Callable[[int], QWidget]
SectionFactory = Callable[[], QWidget]
Built = TypeVar("Built")


class WindowEvents(QObject):
    """Changes one screen makes that others show."""

    case_changed = Signal(int)  # a case's details, timetable, forms or meeting were saved
    cases_changed = Signal()  # cases were added or changed: lists and the board read them again
    calendar_changed = Signal()  # bank holidays or the process profile changed
    open_case_requested = Signal(int)  # show this case's page
    new_case_requested = Signal()  # start entering a new case


@dataclass
class Workbench:
    window: MainWindow
    events: WindowEvents
    sections: dict[str, tuple[str, QWidget | SectionFactory]] = field(default_factory=dict)
    case_tabs: list[tuple[str, CaseTab]] = field(default_factory=list)
    _after_placing: list[Callable[[], None]] = field(default_factory=list)

    def add_section(self, key: str, title: str, widget: QWidget | SectionFactory) -> None:
        if key in self.sections:
            raise ValueError(f"Two sections called {key!r}")
        self.sections[key] = (title, widget)

    def add_case_tab(self, title: str, factory: CaseTab) -> None:
        self.case_tabs.append((title, factory))

    def refresh_when_shown(self, key: str, refresh: Callable[[], None]) -> None:
        """Sections that show what other screens change read it again each time they are shown."""
        self.window.section_shown.connect(lambda shown: refresh() if shown == key else None)

    def after_placing(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the sections are in the window (menu items that follow the
        sections' own, say)."""
        self._after_placing.append(callback)

    def place(self, section_order: Sequence[str], tab_order: Sequence[str]) -> None:
        """Add the sections to the window and put the case tabs in the order given; a section or
        tab not named in the order comes after those that are."""
        for key in sorted(self.sections, key=lambda k: _position(section_order, k)):
            title, widget = self.sections[key]
            self.window.add_section(key, title, widget)
        self.case_tabs.sort(key=lambda tab: _position(tab_order, tab[0]))
        for callback in self._after_placing:
            callback()


def _position(order: Sequence[str], name: str) -> int:
    return order.index(name) if name in order else len(order)


class Lazy(Generic[Built]):
    """A screen built the first time it is wanted, then kept."""

    def __init__(self, build: Callable[[], Built]) -> None:
        self._build = build
        self.built: Built | None = None

    def __call__(self) -> Built:
        if self.built is None:
            self.built = self._build()
        return self.built
