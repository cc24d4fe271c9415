"""The one seam through which rrdesk asks for files and opens them. Tests replace both.

:class:`FileDialogs` asks where to save, what to open, and for a certificate file's password.
:class:`DesktopOpener` hands a file to the user's own program (PDF reader, mail program), or
shows the folder holding it.

The Qt classes behind them are loaded when a dialog is first shown or a file first opened: the
app makes both at start-up, when neither is needed yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

PDF_FILES = "PDF documents (*.pdf)"
EMAIL_FILES = "Email drafts (*.eml)"
CERTIFICATE_FILES = "Certificates (*.pem)"
PKCS12_FILES = "Certificate files with a key (*.p12 *.pfx)"


class FileDialogs:
    """Asks the person; remembers the last folder used while the app runs.

    The app makes one and every screen asks through it, so each dialog starts where the person
    last saved or opened a file. Until then it starts in their Documents folder, or their home
    folder if there is none (never the program's own folder, which they cannot write to on a
    managed laptop). A screen may name a
    ``folder`` to start in instead (the backups folder, say).
    """

    def __init__(self) -> None:
        self._folder: Path | None = None

    @property
    def folder(self) -> Path:
        """Where the next dialog starts."""
        if self._folder is None:
            from PySide6.QtCore import QStandardPaths

            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            # A Documents folder not made yet would start the dialog in the program's folder.
            self._folder = (
                Path(documents) if documents and Path(documents).is_dir() else Path.home()
            )
        return self._folder

    def save_file(
        self,
        parent: QWidget | None,
        title: str,
        suggested_name: str,
        file_filter: str,
        *,
        folder: Path | None = None,
    ) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        start = folder if folder is not None else self.folder
        chosen, _ = QFileDialog.getSaveFileName(
            parent, title, str(start / suggested_name), file_filter
        )
        return self._remember(chosen)

    def open_file(
        self,
        parent: QWidget | None,
        title: str,
        file_filter: str,
        *,
        folder: Path | None = None,
    ) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        start = folder if folder is not None else self.folder
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start), file_filter)
        return self._remember(chosen)

    def password(self, parent: QWidget | None, title: str, label: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        return str(text) if accepted else None

    def _remember(self, chosen: str) -> Path | None:
        if not chosen:
            return None
        path = Path(chosen)
        self._folder = path.parent
        return path


class DesktopOpener:
    """Opens files and folders with the user's own programs."""

    def open_file(self, path: Path) -> bool:
        return _open_with_desktop(path)

    def show_folder(self, path: Path) -> bool:
        return _open_with_desktop(path.parent)


def _open_with_desktop(path: Path) -> bool:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
