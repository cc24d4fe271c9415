"""Adding a returned Word form: its password asked for when rrdesk does not hold it (a wrong
one said under the box), what was read shown beside the current answers with the checks'
findings before anything is stored; Accept stores it, Cancel and every refusal change nothing
(the store file byte for byte)."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

from rrdesk.domain.agency_forms.agency_requests import EventKind
from rrdesk.domain.agency_forms.check_form_answers import DateAnswer
from rrdesk.ui.agency_forms.word_forms.form_dialogs import PasswordAskDialog
from rrdesk.ui.agency_forms.word_forms.returned_form_review import ReturnedFormReviewDialog
from tests.builders import HEALTH, LA, add_case, requests_sent
from tests.ui.agency_forms.forms_setup import open_tab
from tests.ui.agency_forms.word_forms.word_form_setup import (
    ACRONYMS,
    OWN_PASSWORD,
    PASTED,
    HeldRunner,
    actions_on_host,
    button,
    click,
    returned_file,
    shown,
    word_forms,
)
from tests.word_authoring import as_libreoffice_saves, decrypt, encrypt, fill_form

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_a_returned_form_is_shown_beside_the_answers_and_stored_on_accept(
    qtbot, session, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case_id = collecting.case_id
    path = returned_file(session, case_id, HEALTH, today, tmp_path)
    actions, messages, files, _ = actions_on_host(qtbot, session, case_id, today, tmp_path)
    files.open_answers = [path]
    stored: list[str] = []
    actions.return_accepted.connect(stored.append)

    actions.add_returned_form(HEALTH)

    review = shown(actions, ReturnedFormReviewDialog)
    summary = review.summary.text()
    assert f"Version 1 of {HEALTH}'s form, from {path.name} (opened with its password)" in summary
    assert "The highlighted rows change when you accept; nothing is stored until then" in summary
    assert not review.warning.isVisible()
    rows = review.row_texts()
    assert rows["Your full name"][:2] == ("Dana Returner", "Not answered")
    returned, now, looks = rows["How could a similar incident be prevented in the future?"]
    assert returned == ACRONYMS
    assert now == "Not answered"
    assert "\u201cDSL\u201d" in looks
    assert "\u201cSW\u201d" in looks
    assert rows["What could have worked better?"][0].startswith(
        "The referral reached us two days late. (its answer box was deleted"
    )
    assert not review.reading_note.isVisible(), "one box deleted is said on its row alone"
    assert rows["What went well?"][0] == PASTED
    assert rows["What went well?"][2], "the pasted case notes are found"
    review.table.setCurrentCell(list(rows).index("What went well?"), 0)
    assert "In the returned form:\n" + PASTED in review.details.toPlainText()
    assert word_forms(session).return_versions(case_id, HEALTH) == [], "nothing stored yet"

    click(qtbot, review.accept_button)

    assert stored == [HEALTH]
    record = word_forms(session).forms.load_form(case_id, HEALTH)
    assert record.answers["author"] == "Dana Returner"
    assert record.answers["completed_on"] == DateAnswer("21", "11", "2026")
    assert record.answers["prevention"] == ACRONYMS
    request = word_forms(session).request(case_id, HEALTH)
    assert request.stage is not None
    assert request.stage.kind is EventKind.RECEIVED
    assert word_forms(session).return_versions(case_id, HEALTH) == [(1, today, path.name)]
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("info", "Returned form added")
    assert "stored as version 1, and recorded as received on 22 November 2026." in text


def test_sections_answered_in_a_returned_form_count_as_completed_as_typed_ones(
    qtbot, session, blank_context, dialogs, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case_id = collecting.case_id
    path = returned_file(session, case_id, HEALTH, today, tmp_path)
    actions, _, files, _ = actions_on_host(qtbot, session, case_id, today, tmp_path)
    files.open_answers = [path]
    actions.add_returned_form(HEALTH)
    click(qtbot, shown(actions, ReturnedFormReviewDialog).accept_button)

    answered = ("What went well", "What could have worked better", "Preventing a similar incident")
    forms = word_forms(session).forms
    unfinished = forms.quality_view(case_id, HEALTH, forms.checker(case_id)).unfinished
    assert [title for title in answered if title in unfinished] == []
    assert "Chronology of significant contacts" in unfinished, "a section left empty is named"

    widget, _ = open_tab(qtbot, blank_context, dialogs, collecting)
    widget.select_agency(HEALTH)
    (named,) = [
        line
        for line in widget.quality.text().splitlines()
        if line.startswith("Sections not completed: ")
    ]
    assert "Chronology of significant contacts" in named
    assert [title for title in answered if title in named] == []


def test_a_form_saved_by_libreoffice_says_once_above_the_rows_how_it_was_read(
    qtbot, session, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case_id = collecting.case_id
    sent = word_forms(session).write_form(
        case_id, HEALTH, tmp_path / "sent.docx", identifying=True, today=today
    )
    assert sent.password is not None
    plain = decrypt((tmp_path / "sent.docx").read_bytes(), sent.password)
    filled = fill_form(plain, {"author": "Dana Returner", "went_well": PASTED})
    path = tmp_path / f"{HEALTH} returned.docx"
    path.write_bytes(encrypt(as_libreoffice_saves(filled, "involved"), sent.password))
    actions, _messages, files, _ = actions_on_host(qtbot, session, case_id, today, tmp_path)
    files.open_answers = [path]

    actions.add_returned_form(HEALTH)

    review = shown(actions, ReturnedFormReviewDialog)
    assert review.reading_note.isVisible()
    assert review.reading_note.text() == (
        "This form was saved by a program that removed its answer boxes, so rrdesk read each "
        "answer from under its question heading. Check each one."
    )
    assert review.reading_note.y() < review.table.mapTo(review, review.table.rect().topLeft()).y()
    rows = review.row_texts()
    assert len(rows) > 20
    assert rows["Your full name"][0] == "Dana Returner"
    assert rows["What went well?"][0] == PASTED
    assert not [q for q, (returned, *_) in rows.items() if "read from under" in returned]
    review.table.setCurrentCell(list(rows).index("Your full name"), 0)
    assert "read from under" not in review.details.toPlainText()


def test_its_own_password_is_asked_for_a_wrong_one_said_and_cancel_changes_nothing(
    qtbot, session, collecting, today, tmp_path: Path, store_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case_id = collecting.case_id
    path = returned_file(session, case_id, HEALTH, today, tmp_path, password=OWN_PASSWORD)
    actions, messages, files, _ = actions_on_host(qtbot, session, case_id, today, tmp_path)
    files.open_answers = [path]
    before = store_path.read_bytes()

    actions.add_returned_form(HEALTH)

    asking = shown(actions, PasswordAskDialog)
    qtbot.keyClicks(asking.edit, "not-it")
    click(qtbot, asking.open_button)
    assert asking.isVisible(), "asked again"
    assert asking.field.error.text().startswith(f"Error: The password does not open {path.name}")
    assert "\n" not in asking.field.error.text()
    assert asking.edit.selectedText() == "not-it", "ready to be typed over"
    assert store_path.read_bytes() == before
    qtbot.keyClicks(asking.edit, OWN_PASSWORD)
    click(qtbot, asking.open_button)

    assert not asking.isVisible()
    review = shown(actions, ReturnedFormReviewDialog)
    click(qtbot, review.cancel_button)

    assert not review.isVisible()
    assert messages.shown == []
    assert store_path.read_bytes() == before
    assert word_forms(session).return_versions(case_id, HEALTH) == []


def test_replacing_a_quality_assured_form_is_said_before_and_after(
    qtbot, session, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case_id = collecting.case_id
    path = returned_file(session, case_id, LA, today, tmp_path)
    actions, messages, files, _ = actions_on_host(qtbot, session, case_id, today, tmp_path)
    files.open_answers = [path]

    actions.add_returned_form(LA)

    review = shown(actions, ReturnedFormReviewDialog)
    assert review.warning.isVisible()
    assert "is quality assured. Accepting this return replaces it" in review.warning.text()
    assert review.accept_button.text() == "Accept and replace the quality-assured form"
    click(qtbot, review.accept_button)
    assert "It replaced the quality-assured form" in messages.texts[-1]
    request = word_forms(session).request(case_id, LA)
    assert request.stage is not None
    assert request.stage.kind is EventKind.RECEIVED


def test_the_tab_is_free_while_the_form_is_read_and_a_cancelled_question_drops_it(
    qtbot, session, collecting, today, tmp_path: Path, store_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case_id = collecting.case_id
    path = returned_file(session, case_id, HEALTH, today, tmp_path, password=OWN_PASSWORD)
    runner = HeldRunner()
    actions, messages, files, _ = actions_on_host(qtbot, session, case_id, today, tmp_path, runner)
    files.open_answers = [path]
    before = store_path.read_bytes()
    actions.add_returned_form(HEALTH)
    assert actions.busy, "reading on the task runner"
    runner.finish()
    asking = shown(actions, PasswordAskDialog)
    qtbot.keyClicks(asking.edit, OWN_PASSWORD)
    click(qtbot, asking.open_button)
    assert asking.open_button.text() == "Opening\u2026"
    assert not asking.open_button.isEnabled()

    click(qtbot, button(asking, "open_returned_form_cancel"))
    runner.finish()

    assert not isinstance(actions.dialog, ReturnedFormReviewDialog)
    assert not actions.busy
    assert messages.shown == []
    assert store_path.read_bytes() == before


def _with_macros(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as package:
        for item in source.infolist():
            package.writestr(item, source.read(item.filename))
        package.writestr("word/vbaProject.bin", b"macro")
    return buffer.getvalue()


def test_every_refused_file_is_one_line_and_changes_nothing(
    qtbot, session, collecting, today, tmp_path: Path, store_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case_id = collecting.case_id
    other = add_case(session, today=today, notified=date(2026, 11, 16), reference="RR-2026-077")
    requests_sent(session, other, [HEALTH], sent_on=date(2026, 11, 17))
    assert other.case_id is not None
    service = word_forms(session)
    mine = service.write_form(
        case_id, HEALTH, tmp_path / "mine.docx", identifying=True, today=today
    )
    assert mine.password is not None
    plain = decrypt((tmp_path / "mine.docx").read_bytes(), mine.password)
    service.write_form(
        other.case_id, HEALTH, tmp_path / "theirs.docx", identifying=False, today=today
    )
    refused = {
        "form.pdf": (b"%PDF-1.7\n" + b"x" * 200, "is a PDF"),
        "form.doc": (OLE + bytes(600), "old Word document"),
        "letter.docx": (b"Dear panel, " * 30, "is not a Word document"),
        "form.docm": (plain, "macros"),
        "macros.docx": (_with_macros(plain), "macros"),
        "damaged.docx": (plain[:3000], "damaged"),
        "theirs.docx": ((tmp_path / "theirs.docx").read_bytes(), "not RR-"),
    }
    actions, messages, files, _ = actions_on_host(qtbot, session, case_id, today, tmp_path)
    before = store_path.read_bytes()
    for name, (data, reason) in refused.items():
        path = tmp_path / "returned" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        files.open_answers = [path]

        actions.add_returned_form(HEALTH)

        kind, title, text = messages.shown[-1]
        assert (kind, title) == ("error", "The returned form was not added"), name
        assert reason in text, (name, text)
        assert "\n" not in text, name
        assert not isinstance(actions.dialog, ReturnedFormReviewDialog), name
        assert store_path.read_bytes() == before, name
    assert len(messages.shown) == len(refused)
