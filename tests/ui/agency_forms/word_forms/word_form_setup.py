"""What the Word form screens' tests start from: the actions on a plain host, the store file, a
form saved through the service and filled in by an author as Word would leave it, and the
dialog the screen shows, answered as a person would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget

from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.agency_forms.word_forms import WordForms
from rrdesk.services.store.session import Session
from rrdesk.ui.agency_forms.word_forms.word_form_actions import WordFormActions
from tests.fakes import ImmediateRunner, RecordingMessages, RecordingOpener, ScriptedFileDialogs
from tests.word_authoring import decrypt, encrypt, fill_form

PASTED = "14/10/2026 10:32 PC 4471 attended. Mum present. NFA. Referred to MASH."
ACRONYMS = "The DSL spoke to the SW and the HV about the CIN plan."
OWN_PASSWORD = "Agency-own-2026"


def word_forms(session: Session) -> WordForms:
    return WordForms(AgencyFormsService(session))


def actions_on_host(qtbot, session: Session, case_id: int, today: date, folder: Path, runner=None):  # type: ignore[no-untyped-def]
    """The Word form actions on a plain window, with recorded messages and scripted files (and
    an immediate runner unless given another)."""
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1200, 800)
    host.show()
    messages = RecordingMessages()
    files = ScriptedFileDialogs(save_folder=folder)
    opener = RecordingOpener()
    actions = WordFormActions(
        word_forms(session),
        case_id,
        messages,
        lambda: today,
        runner or ImmediateRunner(),
        files,
        opener,
        host,
    )
    return actions, messages, files, opener


def returned_file(
    session: Session,
    case_id: int,
    agency: str,
    today: date,
    folder: Path,
    *,
    password: str | None = None,
) -> Path:
    """The agency's form (with identifying details) filled in by its author: one answer full of
    acronyms, one pasted from case notes, one control deleted and its answer typed under the
    heading; saved encrypted with ``password`` (the request's own when ``None``)."""
    sent = word_forms(session).write_form(
        case_id, agency, folder / "sent.docx", identifying=True, today=today
    )
    assert sent.password is not None
    plain = decrypt((folder / "sent.docx").read_bytes(), sent.password)
    filled = fill_form(
        plain,
        {
            "author": "Dana Returner",
            "role": "Safeguarding lead",
            "completed_on": date(2026, 11, 21),
            "prevention": ACRONYMS,
            "went_well": PASTED,
        },
        ticks={"involved": "yes"},
        delete_and_retype={"could_be_better": "The referral reached us two days late."},
    )
    path = folder / f"{agency} returned.docx"
    path.write_bytes(encrypt(filled, password or sent.password))
    return path


class HeldRunner:
    """Holds each task until :meth:`finish`, as the thread pool would while it works."""

    def __init__(self) -> None:
        self.held: list[tuple[Callable[..., object], Callable[..., None], Callable[..., None]]] = []

    def start(self, work, *, on_done, on_error, on_progress=None):  # type: ignore[no-untyped-def]
        self.held.append((work, on_done, on_error))
        return self

    def cancel(self) -> None:
        """Nothing to stop: the tasks here are never cancelled."""

    def finish(self) -> None:
        work, on_done, on_error = self.held.pop(0)
        try:
            result = work(lambda _done, _total: None, lambda: False)
        except BaseException as error:
            on_error(error)
        else:
            on_done(result)


def kept_password(session: Session, case_id: int, agency: str, today: date) -> str:
    """The password rrdesk keeps for the agency's request (reading it changes nothing)."""
    password = word_forms(session).prepare_form(case_id, agency, identifying=True, today=today)
    assert password.password is not None
    assert not password.password_is_new
    return password.password


def click(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    assert button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot, radio: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button on its circle, as a person would."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    assert radio.isChecked()


def shown(actions: WordFormActions, kind: type[QDialog]):  # type: ignore[no-untyped-def]
    dialog = actions.dialog
    assert isinstance(dialog, kind), dialog
    assert dialog.isVisible()
    return dialog


def button(dialog: QDialog, name: str) -> QAbstractButton:
    found = dialog.findChild(QAbstractButton, name)
    assert found is not None, name
    return found
