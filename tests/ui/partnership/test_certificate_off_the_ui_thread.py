"""Creating or importing the signing certificate runs on the task runner: making the key,
reading the file and locking the key under the passphrase (scrypt) never freeze the window,
which shows what it is doing meanwhile. A wrong password, a wrong passphrase or a file that is
not a certificate still gives one plain message and stores nothing."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.exports.signatures.signature_words import fingerprint_in_halves
from rrdesk.exports.signatures.signing import create_signing_identity
from rrdesk.services.partnership.signing_service import CREATED, IMPORTED, SigningService
from rrdesk.services.store.session import Session
from rrdesk.ui.partnership.certificate_progress import CREATING, IMPORTING
from rrdesk.ui.partnership.settings_widget import PartnershipSettingsWidget
from rrdesk.ui.shell.tasks import TaskRunner
from tests.conftest import PASSPHRASE
from tests.exports.pkcs12_files import pkcs12_bytes
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.slow_work_threads import SlowWorkThreads

NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
COUNCIL_PASSWORD = "Tr0ub4dor"


def _widget(
    qtbot: QtBot, session: Session, messages: RecordingMessages, dialogs: ScriptedFileDialogs
) -> tuple[PartnershipSettingsWidget, TaskRunner]:
    runner = TaskRunner()
    widget = PartnershipSettingsWidget(
        SigningService(session), messages, dialogs, runner, lambda: NOW
    )
    qtbot.addWidget(widget)
    widget.show()
    return widget, runner


def _click_and_wait(
    qtbot: QtBot, widget: PartnershipSettingsWidget, runner: TaskRunner, button: str, label: str
) -> None:
    clicked = getattr(widget, button)
    qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)
    # The click has returned with the work under way: the window answers, and says so.
    assert widget.progress.isVisible()
    assert widget.progress.label.text() == label
    assert not widget.create_button.isEnabled()
    assert not widget.import_button.isEnabled()
    qtbot.waitUntil(lambda: not widget.progress.isVisible(), timeout=30_000)
    assert runner.wait()
    assert widget.create_button.isEnabled()
    assert widget.import_button.isEnabled()


def _audit(session: Session) -> list[str]:
    return [entry.action for entry in session.audit.entries()]


@pytest.mark.parametrize("how", ["create", "import"])
def test_the_certificate_is_made_and_locked_on_the_task_runner(
    qtbot: QtBot,
    session: Session,
    messages: RecordingMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    p12 = tmp_path / "council.p12"
    p12.write_bytes(
        pkcs12_bytes(create_signing_identity("Northmoor Council", now=NOW), b"Tr0ub4dor")
    )
    if how == "create":
        dialogs = ScriptedFileDialogs(passwords=[PASSPHRASE])
    else:
        dialogs = ScriptedFileDialogs(open_=[p12], passwords=[COUNCIL_PASSWORD, PASSPHRASE])
    widget, runner = _widget(qtbot, session, messages, dialogs)
    slow = SlowWorkThreads(monkeypatch)

    if how == "create":
        _click_and_wait(qtbot, widget, runner, "create_button", CREATING)
        assert messages.shown == []
        assert widget.certificate_source.text() == (
            "Created by rrdesk for the partnership (self-signed)"
        )
        assert session.partnership in widget.certificate_subject.text()
        assert slow.ran("rsa"), "a key was made"
        assert threading.main_thread() not in slow.ran("rsa")
    else:
        _click_and_wait(qtbot, widget, runner, "import_button", IMPORTING)
        assert messages.shown == [
            (
                "info",
                "Certificate imported",
                "rrdesk will sign decision sheets with it from now on.",
            )
        ]
        assert widget.certificate_source.text() == "Imported from a certificate file"
        assert "Northmoor Council" in widget.certificate_subject.text()
        assert slow.ran("pkcs12"), "the file was read"
        assert threading.main_thread() not in slow.ran("pkcs12")
    assert slow.ran("scrypt"), "the passphrase was worked on"
    assert threading.main_thread() not in slow.ran("scrypt")

    signing = SigningService(session)
    summary = signing.summary()
    assert summary is not None
    assert summary.source == (CREATED if how == "create" else IMPORTED)
    assert widget.certificate_fingerprint.text() == fingerprint_in_halves(
        summary.details.sha256_fingerprint
    )
    action = "Created" if how == "create" else "Imported"
    assert _audit(session).count(f"{action} a signing certificate") == 1
    assert not signing.needs_passphrase(), "the key is open for the rest of the session"
    session.forget_signing_keys()  # as when the store is opened again
    assert signing.identity(PASSPHRASE) is not None, "the key is locked under the passphrase"


@pytest.mark.parametrize(
    ("how", "file_bytes", "passwords", "message"),
    [
        pytest.param(
            "import",
            "p12",
            ["wrong", PASSPHRASE],
            "The password for the certificate file is not correct. Nothing was changed.",
            id="wrong certificate password",
        ),
        pytest.param(
            "import",
            "text",
            ["anything", PASSPHRASE],
            "This file is not a PKCS#12 certificate file (.p12 or .pfx). Nothing was changed.",
            id="not a certificate file",
        ),
        pytest.param(
            "import",
            "p12",
            [COUNCIL_PASSWORD, "not the passphrase"],
            "The passphrase is not right. Nothing has been changed.",
            id="wrong passphrase on import",
        ),
        pytest.param(
            "create",
            "",
            ["not the passphrase"],
            "The passphrase is not right. Nothing has been changed.",
            id="wrong passphrase on create",
        ),
    ],
)
def test_a_wrong_password_or_file_gives_one_plain_message_and_stores_nothing(
    qtbot: QtBot,
    session: Session,
    messages: RecordingMessages,
    tmp_path: Path,
    how: str,
    file_bytes: str,
    passwords: list[str],
    message: str,
) -> None:
    chosen = tmp_path / "council.p12"
    if file_bytes == "p12":
        council = create_signing_identity("Northmoor Council", now=NOW)
        chosen.write_bytes(pkcs12_bytes(council, COUNCIL_PASSWORD.encode()))
    else:
        chosen.write_text("not a certificate", encoding="utf-8")
    dialogs = ScriptedFileDialogs(open_=[chosen], passwords=passwords)
    widget, runner = _widget(qtbot, session, messages, dialogs)
    before = _audit(session)

    if how == "create":
        _click_and_wait(qtbot, widget, runner, "create_button", CREATING)
        title = "Create a new certificate"
    else:
        _click_and_wait(qtbot, widget, runner, "import_button", IMPORTING)
        title = "Import a certificate"

    assert messages.shown == [("error", title, message)]
    assert SigningService(session).summary() is None
    assert widget.certificate_subject.text().startswith("None yet")
    assert not widget.export_button.isEnabled()
    assert _audit(session) == before
