"""Saving a request's Word form from the Agency forms tab: with the child's details (encrypted,
its password shown once to pass on, and kept) or without them, and a blank form."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from PySide6.QtWidgets import QApplication

from rrdesk.ui.agency_forms.word_forms.form_dialogs import (
    FormProtectionDialog,
    PasswordShownDialog,
)
from tests.builders import HEALTH
from tests.ui.agency_forms.word_forms.word_form_setup import (
    actions_on_host,
    button,
    choose,
    click,
    shown,
    word_forms,
)
from tests.ui.kit.test_shown_secret import CLOUD, HISTORY
from tests.word_authoring import decrypt

CHILD = "Milo Example-Fictional"


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_the_form_with_details_is_encrypted_and_its_password_shown_once_and_kept(
    qtbot, session, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    actions, messages, files, _ = actions_on_host(
        qtbot, session, collecting.case_id, today, tmp_path
    )

    actions.save_form(HEALTH)
    protection = shown(actions, FormProtectionDialog)
    assert protection.identifying.isChecked(), "the form an agency can search with comes first"
    click(qtbot, button(protection, "save_word_form"))

    assert files.asked == [
        ("Save the Word form", f"{collecting.reference} {HEALTH} agency check form.docx")
    ]
    dialog = shown(actions, PasswordShownDialog)
    password = dialog.password.text()
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", password)
    advice = dialog.advice.text()
    assert "by telephone or in a separate message, never in the email" in advice
    assert "rrdesk keeps it, encrypted in the store" in advice
    click(qtbot, dialog.password.copy_button)
    clipboard = QApplication.clipboard()
    assert clipboard.text() == password
    copied = clipboard.mimeData()
    assert bytes(copied.data(HISTORY).data()) == b"\x00\x00\x00\x00", "kept out of history"
    assert bytes(copied.data(CLOUD).data()) == b"\x00\x00\x00\x00", "and the cloud clipboard"
    assert dialog.password.copy_button.text() == "Copied: the clipboard is emptied in a minute"
    clipboard.clear()  # so the minute's timer, still waiting, finds nothing of ours to empty
    click(qtbot, button(dialog, "close_form_password"))
    assert not dialog.isVisible()

    saved = tmp_path / files.asked[0][1]
    assert CHILD in _text(decrypt(saved.read_bytes(), password))
    rows = {r.agency: r for r in word_forms(session).form_rows(collecting.case_id, today)}
    assert rows[HEALTH].encrypted, "the password is kept in the store"
    assert messages.shown == []


def test_the_form_without_details_has_no_password_and_names_nobody(
    qtbot, session, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    actions, messages, files, _ = actions_on_host(
        qtbot, session, collecting.case_id, today, tmp_path
    )

    actions.save_form(HEALTH)
    protection = shown(actions, FormProtectionDialog)
    choose(qtbot, protection.plain)
    click(qtbot, button(protection, "save_word_form"))

    saved = tmp_path / files.asked[0][1]
    text = _text(saved.read_bytes())  # opens without a password
    assert collecting.reference in text
    assert CHILD not in text
    assert messages.shown[-1][1] == "Word form saved"
    assert "no password and no names" in messages.texts[-1]
    assert not isinstance(actions.dialog, PasswordShownDialog)
    rows = {r.agency: r for r in word_forms(session).form_rows(collecting.case_id, today)}
    assert not rows[HEALTH].encrypted


def test_cancelling_the_choice_or_the_file_dialog_saves_nothing(
    qtbot, session, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    actions, messages, files, _ = actions_on_host(
        qtbot, session, collecting.case_id, today, tmp_path
    )
    actions.save_form(HEALTH)
    click(qtbot, button(shown(actions, FormProtectionDialog), "save_word_form_cancel"))
    assert files.asked == []
    files.save_answers = [None]
    actions.save_form(HEALTH)
    click(qtbot, button(shown(actions, FormProtectionDialog), "save_word_form"))
    assert list(tmp_path.glob("*.docx")) == []
    assert messages.shown == []
    rows = {r.agency: r for r in word_forms(session).form_rows(collecting.case_id, today)}
    assert not rows[HEALTH].encrypted, "no password made for a form never saved"


def test_a_blank_form_for_a_covering_letter(
    qtbot, session, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    actions, messages, files, _ = actions_on_host(
        qtbot, session, collecting.case_id, today, tmp_path
    )
    actions.save_blank_form()
    saved = tmp_path / files.asked[0][1]
    text = _text(saved.read_bytes())
    assert "How to complete this form" in text
    assert collecting.reference not in text
    assert messages.shown[-1][1] == "Blank form saved"
