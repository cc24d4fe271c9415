"""A returned form sent back for more information: the agency's own document with a comment on
each finding, protected with the same password, and the chaser email attaching it."""

from __future__ import annotations

import email
import io
from pathlib import Path

import docx

from rrdesk.domain.agency_forms.agency_requests import ReturnReason
from rrdesk.ui.agency_forms.word_forms.returned_form_review import ReturnedFormReviewDialog
from tests.builders import HEALTH, SCHOOLS
from tests.ui.agency_forms.word_forms.word_form_setup import (
    actions_on_host,
    click,
    kept_password,
    returned_file,
    shown,
    word_forms,
)
from tests.word_authoring import decrypt


def test_the_agency_gets_its_own_form_back_with_comments_and_the_email_attaches_it(
    qtbot, session, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case_id = collecting.case_id
    path = returned_file(session, case_id, HEALTH, today, tmp_path)
    actions, messages, files, opener = actions_on_host(qtbot, session, case_id, today, tmp_path)
    files.open_answers = [path]
    actions.add_returned_form(HEALTH)
    click(qtbot, shown(actions, ReturnedFormReviewDialog).accept_button)
    word_forms(session).forms.record_returned(
        case_id, HEALTH, today, (ReturnReason.CONTAINS_ACRONYMS,), "Add the dates of the visits"
    )

    actions.offer_return_with_comments(HEALTH)

    kind, title, question = messages.shown[-2]
    assert (kind, title) == ("confirm", "Send the form back with comments?")
    assert "a comment on each thing to look at" in question
    comments_name, email_name = (name for _title, name in files.asked[-2:])
    assert comments_name.endswith("agency check form with comments.docx")
    assert messages.shown[-1][1] == "Form with comments saved"
    assert "It is protected with the same password as before" in messages.shown[-1][2]
    sent_password = kept_password(session, case_id, HEALTH, today)
    document = docx.Document(
        io.BytesIO(decrypt((tmp_path / comments_name).read_bytes(), sent_password))
    )
    assert len(list(document.comments)) >= 3
    assert "Add the dates of the visits" in "\n".join(p.text for p in document.paragraphs[:6])
    message = email.message_from_bytes((tmp_path / email_name).read_bytes())
    (attached,) = [part for part in message.walk() if part.get_filename()]
    assert attached.get_filename().endswith("with-comments.docx")
    body = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    words = body.get_payload(decode=True).decode("utf-8")
    assert sent_password not in words
    assert "Milo" not in words
    assert opener.opened == [tmp_path / email_name]


def test_no_offer_for_a_form_entered_by_hand(
    qtbot, session, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    actions, messages, files, _ = actions_on_host(
        qtbot, session, collecting.case_id, today, tmp_path
    )
    actions.offer_return_with_comments(SCHOOLS)
    assert messages.shown == []
    assert files.asked == []
