"""The Word form on the Agency forms tab, clicked and dropped as a coordinator would: the form
saved from the agency's row and attached to its email, a returned form dropped on the row and
accepted (the usual quality view then shows it), a blank form, and the form back with comments
after "Return for more information"."""

from __future__ import annotations

import email
import io
from pathlib import Path

import docx
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from rrdesk.domain.agency_forms.agency_requests import ReturnReason
from rrdesk.ui.agency_forms.agency_dialogs import ReturnChoice
from rrdesk.ui.agency_forms.word_forms.form_dialogs import (
    FormProtectionDialog,
    PasswordShownDialog,
)
from rrdesk.ui.agency_forms.word_forms.returned_form_review import ReturnedFormReviewDialog
from tests.builders import HEALTH, HOUSING
from tests.ui.agency_forms.forms_setup import click, open_tab, status_words
from tests.ui.agency_forms.word_forms.word_form_setup import button, returned_file, shown
from tests.word_authoring import decrypt

CHILD = "Milo Example-Fictional"


def _drop_on_row(widget, agency: str, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Drag ``path`` from the desktop and drop it on ``agency``'s row."""
    table = widget.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == agency)
    place = table.visualItemRect(table.item(row, 1)).center()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        place, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(table.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(place),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(table.viewport(), drop)


def _attachment(saved: Path):  # type: ignore[no-untyped-def]
    message = email.message_from_bytes(saved.read_bytes())
    (attached,) = [part for part in message.walk() if part.get_filename()]
    body = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return attached, body.get_payload(decode=True).decode("utf-8")


def test_the_form_saved_from_the_row_and_its_email_attaches_it(
    qtbot, blank_context, dialogs, collecting
) -> None:  # type: ignore[no-untyped-def]
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting)
    widget.select_agency(HEALTH)

    click(qtbot, widget.buttons["word_form"])
    click(qtbot, button(shown(widget.word, FormProtectionDialog), "save_word_form"))
    password = shown(widget.word, PasswordShownDialog).password.text()
    widget.word.dialog.accept()
    click(qtbot, widget.buttons["email"])

    attached, body = _attachment(dialogs.folder / dialogs.saved_as)
    assert attached.get_filename().endswith("agency-check-form.docx")
    form = docx.Document(io.BytesIO(decrypt(attached.get_payload(decode=True), password)))
    assert CHILD in "\n".join(c.text for t in form.tables for r in t.rows for c in r.cells) + (
        "\n".join(p.text for p in form.paragraphs)
    )
    assert "protected with a password" in body
    assert password not in body
    assert CHILD not in body


def test_a_returned_form_dropped_on_the_row_is_checked_then_stored(
    qtbot, blank_context, dialogs, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = returned_file(blank_context.session, collecting.case_id, HEALTH, today, tmp_path)
    widget, service = open_tab(qtbot, blank_context, dialogs, collecting)
    widget.select_agency(HOUSING)
    assert not widget.buttons["add_return"].isEnabled(), "a request not sent has no return"

    _drop_on_row(widget, HEALTH, path)

    review = shown(widget.word, ReturnedFormReviewDialog)
    assert HEALTH in review.summary.text()
    assert "Due soon" in status_words(widget)[HEALTH], "nothing stored yet"
    click(qtbot, review.accept_button)

    assert "Received 22 November 2026" in status_words(widget)[HEALTH]
    assert widget.selected_agency() == HEALTH
    assert widget.quality.text().startswith(f"{HEALTH}: ")
    assert "Text checks:" in widget.quality.text()
    assert service.load_form(collecting.case_id, HEALTH).answers["author"] == "Dana Returner"


def test_a_blank_form_from_the_tab(qtbot, blank_context, dialogs, collecting) -> None:  # type: ignore[no-untyped-def]
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting)
    click(qtbot, widget.buttons["blank_form"])
    saved = dialogs.folder / dialogs.saved_as
    text = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
    assert "How to complete this form" in text
    assert blank_context.messages.shown[-1][1] == "Blank form saved"


def test_return_for_more_information_sends_the_form_back_with_comments(
    qtbot, blank_context, dialogs, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = returned_file(blank_context.session, collecting.case_id, HEALTH, today, tmp_path)
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting)
    dialogs.files.open_answers = [path]
    widget.select_agency(HEALTH)
    click(qtbot, widget.buttons["add_return"])
    click(qtbot, shown(widget.word, ReturnedFormReviewDialog).accept_button)
    dialogs.return_choice = ReturnChoice(
        (ReturnReason.CONTAINS_ACRONYMS,), "Spell out every acronym.", today
    )

    click(qtbot, widget.buttons["returned"])

    assert "Returned for more information" in status_words(widget)[HEALTH]
    titles = [title for _kind, title, _text in blank_context.messages.shown]
    assert "Send the form back with comments?" in titles
    assert titles[-1] == "Form with comments saved"
    attached, _body = _attachment(dialogs.folder / dialogs.saved_as)
    assert attached.get_filename().endswith("with-comments.docx")


def test_the_form_is_encrypted_and_read_off_the_ui_thread(
    qtbot, blank_context, dialogs, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.ui.shell.tasks import TaskRunner

    path = returned_file(blank_context.session, collecting.case_id, HEALTH, today, tmp_path)
    runner = TaskRunner()
    blank_context.runner = runner
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting)
    widget.select_agency(HEALTH)
    click(qtbot, widget.buttons["word_form"])
    click(qtbot, button(shown(widget.word, FormProtectionDialog), "save_word_form"))
    assert widget.word.busy, "encrypting on the task runner"
    qtbot.waitUntil(lambda: isinstance(widget.word.dialog, PasswordShownDialog), timeout=30_000)
    widget.word.dialog.accept()

    _drop_on_row(widget, HEALTH, path)
    assert widget.word.busy, "reading on the task runner"
    qtbot.waitUntil(
        lambda: isinstance(widget.word.dialog, ReturnedFormReviewDialog), timeout=30_000
    )
    runner.wait()
    assert "Dana Returner" in widget.word.dialog.row_texts()["Your full name"]


def test_a_file_dropped_off_the_rows_with_no_agency_selected_is_asked_about(
    qtbot, blank_context, dialogs, collecting, store_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting)
    widget.table.clearSelection()
    path = tmp_path / "returned.docx"
    path.write_bytes(b"PK\x03\x04")
    before = store_path.read_bytes()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    place = QPointF(widget.summary.geometry().center())
    enter = QDragEnterEvent(
        place.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        place, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(widget, drop)

    kind, title, text = blank_context.messages.shown[-1]
    assert (kind, title) == ("error", "Which agency's form is it?")
    assert text == "Drop the returned form on the agency's row, or select the agency first."
    assert widget.word.dialog is None
    assert store_path.read_bytes() == before
