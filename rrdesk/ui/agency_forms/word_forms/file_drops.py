"""A returned form dropped on the Agency forms tab: on an agency's row, it is that agency's; on
the rest of the tab, the selected agency's. Anything else is said in one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from rrdesk.ui.shell.messages import Messages

AgencyAt = Callable[[QWidget, QDropEvent], str | None]
"""The agency a drop on a widget is for (its row's, or the one selected), or ``None``."""


class FileDrops(QObject):
    """Watches ``targets`` for files dragged from the desktop or a mail program."""

    def __init__(
        self,
        targets: list[QWidget],
        agency_at: AgencyAt,
        messages: Messages,
        on_file: Callable[[str, Path], None],
        parent: QWidget | QObject,
    ) -> None:
        super().__init__(parent)
        self._agency_at = agency_at
        self._messages = messages
        self._on_file = on_file
        for target in targets:
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
