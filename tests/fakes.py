"""Stand-ins for the seams a screen meets the world through: message boxes, file dialogs, the
desktop's own programs and background work. Tests build screens with these; the app never does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rrdesk.ui.shell.file_dialogs import DesktopOpener, FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import Result, TaskHandle, Work

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class RecordingMessages(Messages):
    """Remembers every message and answers confirmations as told."""

    def __init__(self, *, confirm_answer: bool = True) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.confirm_answer = confirm_answer
        self.confirm_defaults: list[str] = []
        """The button Enter would choose in each confirmation asked."""
        self.confirm_buttons: list[tuple[str, str]] = []
        """The yes and the no button of each confirmation asked."""
        self.choice = ""
        """The answer to the next choice asked ("" chooses the last, as closing the box does)."""
        self.choices: list[tuple[tuple[str, ...], str]] = []
        """Each choice asked: its buttons, and the one Enter would choose."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def confirm(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        yes: str,
        no: str,
        default_yes: bool = True,
    ) -> bool:
        self.shown.append(("confirm", title, text))
        self.confirm_defaults.append(yes if default_yes else no)
        self.confirm_buttons.append((yes, no))
        return self.confirm_answer

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: Sequence[str], *, default: str
    ) -> str:
        self.shown.append(("choose", title, text))
        self.choices.append((tuple(choices), default))
        return self.choice if self.choice in choices else choices[-1]

    @property
    def texts(self) -> list[str]:
        return [text for _kind, _title, text in self.shown]

    @property
    def asked(self) -> list[str]:
        """The title of each choice asked (Save, Discard or Stay, say), in order."""
        return [title for kind, title, _text in self.shown if kind == "choose"]


class ScriptedFileDialogs(FileDialogs):
    """Answers with the paths and passwords queued, and records what was asked.

    With ``save_folder``, a save that has no queued answer goes into that folder under the name
    the screen suggested, as a person accepting the suggestion would.
    """

    def __init__(
        self,
        *,
        save: list[Path | None] | None = None,
        open_: list[Path | None] | None = None,
        passwords: list[str | None] | None = None,
        save_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.save_answers = list(save or [])
        self.open_answers = list(open_ or [])
        self.password_answers = list(passwords or [])
        self.save_folder = save_folder
        self.asked: list[tuple[str, str]] = []
        self.started_in: list[Path | None] = []

    def save_file(
        self,
        parent: QWidget | None,
        title: str,
        suggested_name: str,
        file_filter: str,
        *,
        folder: Path | None = None,
    ) -> Path | None:
        self.asked.append((title, suggested_name))
        self.started_in.append(folder)
        if self.save_answers:
            return self.save_answers.pop(0)
        return None if self.save_folder is None else self.save_folder / suggested_name

    def open_file(
        self,
        parent: QWidget | None,
        title: str,
        file_filter: str,
        *,
        folder: Path | None = None,
    ) -> Path | None:
        self.asked.append((title, ""))
        self.started_in.append(folder)
        return self.open_answers.pop(0) if self.open_answers else None

    def password(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.asked.append((title, label))
        return self.password_answers.pop(0) if self.password_answers else None


class RecordingOpener(DesktopOpener):
    """Records what would be opened; ``works`` says whether opening succeeds."""

    def __init__(self, *, works: bool = True) -> None:
        self.works = works
        self.opened: list[Path] = []
        self.folders: list[Path] = []

    def open_file(self, path: Path) -> bool:
        self.opened.append(path)
        return self.works

    def show_folder(self, path: Path) -> bool:
        self.folders.append(path.parent)
        return True


class ImmediateRunner:
    """Runs the work at once on the calling thread."""

    def __init__(self) -> None:
        self.cancel_requested = False

    def start(
        self,
        work: Work[Result],
        *,
        on_done: Callable[[Result], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskHandle:
        runner = self

        class _Immediate:
            def cancel(self) -> None:
                runner.cancel_requested = True

        def report(done: int, total: int) -> None:
            if on_progress is not None:
                on_progress(done, total)

        try:
            result = work(report, lambda: runner.cancel_requested)
        except BaseException as error:
            on_error(error)
        else:
            on_done(result)
        return _Immediate()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return True
