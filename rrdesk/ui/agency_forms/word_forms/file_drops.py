"""A returned form dropped on the Agency forms tab: on an agency's row (the agency's name is
the row's first cell), it is that agency's; on the rest of the tab, the selected agency's.
Anything else is said in one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QTableWidget, QWidget

from rrdesk.ui.shell.messages import Messages


class FileDrops(QObject):
    """Watches the table and the tab for files dragged from the desktop or a mail program."""

    def __init__(
        self,
        table: QTableWidget,
        tab: QWidget,
        selected: Callable[[], str | None],
        messages: Messages,
        on_file: Callable[[str, Path], None],
    ) -> None:
        super().__init__(tab)
        self._table = table
        self._selected = selected
        self._messages = messages
        self._on_file = on_file
        for target in (table.viewport(), tab):
            target.setAcceptDrops(True)
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            moving = cast(QDragMoveEvent, event)
            if local_files(moving):
                moving.acceptProposedAction()
                return True
        if kind == QEvent.Type.Drop and isinstance(watched, QWidget):
            drop = cast(QDropEvent, event)
            files = local_files(drop)
            if not files:
                return False
            drop.acceptProposedAction()
            self._on_dropped(watched, drop, files)
            return True
        return super().eventFilter(watched, event)

    def _agency_at(self, target: QWidget, drop: QDropEvent) -> str | None:
        if target is self._table.viewport():
            row = self._table.indexAt(drop.position().toPoint()).row()
            item = self._table.item(row, 0) if row >= 0 else None
            if item is not None:
                return item.text()
        return self._selected()

    def _on_dropped(self, target: QWidget, drop: QDropEvent, files: list[Path]) -> None:
        agency = self._agency_at(target, drop)
        if agency is None:
            self._messages.error(
                target,
                "Which agency's form is it?",
                "Drop the returned form on the agency's row, or select the agency first.",
            )
        elif len(files) > 1:
            self._messages.error(
                target,
                "One form at a time",
                "Drop one returned form at a time, on its agency's row.",
            )
        else:
            self._on_file(agency, files[0])


def local_files(event: QDropEvent) -> list[Path]:
    """The files on this computer that ``event`` carries."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
