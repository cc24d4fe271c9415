"""Exporting the signed decision sheet: frozen versions, change notes, no temp files."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from rrdesk.domain.cases.cases import Child, Stage
from rrdesk.exports.signatures.verification import verify_pdf
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.decision_sheet.decision_sheet_service import (
    SheetNotReadyError,
    decision_sheet_service_for,
    render_sheet,
    sign_sheet,
    signing_time_text,
)
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from tests.builders import add_case, add_directory, decided, meeting_held, voted
from tests.conftest import PASSPHRASE
from tests.exports.pdf_reading import all_text

NOW = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)


TODAY = date(2026, 11, 22)
NOTIFIED = date(2026, 11, 9)


@pytest.fixture
def panel_store(session: Session) -> Session:
    """The store with a small panel: Alex Chair chairs, everyone votes to recommend."""
    add_directory(session)
    return session


def _case_at(session: Session, stage: Stage) -> int:
    """A case at ``stage``; awaiting sign-off means the meeting was held and decided."""
    children = (Child("Child A", "Aria Example-Fictional", date_of_birth=date(2020, 3, 4)),)
    start = Stage.MEETING_BOOKED if stage is Stage.AWAITING_SIGN_OFF else stage
    case = add_case(
        session,
        today=TODAY,
        notified=NOTIFIED,
        stage=start,
        children=children,
        summary="A six-year-old was found alone at home with an injury.",
    )
    if stage is Stage.AWAITING_SIGN_OFF:
        members = DirectoryService(session).members()
        chair = next(m.member_id for m in members if m.name == "Alex Chair")
        assert chair is not None
        meeting = meeting_held(session, case, held_on=date(2026, 11, 20), chair=chair)
        decided(session, case, voted(session, case, meeting))
    assert case.case_id is not None
    return case.case_id


def test_first_export_is_version_one_signed_for_the_partnership(
    panel_store: Session, today: date
) -> None:
    sheets = decision_sheet_service_for(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    export = sheets.prepare(case_id, today)
    assert export.is_new_version
    assert export.version.number == 1
    assert export.content.version == 1
    assert export.file_name == f"{sheets.reference(case_id)} decision sheet v1.pdf"

    kept = sheets.export_signed(case_id, today, NOW, PASSPHRASE)
    assert kept.version == 1
    assert kept.note == "First version"
    result = verify_pdf(kept.body, sheets.signing.certificate_pem())
    assert result.valid, result.verdict
    assert result.signer == panel_store.partnership
    text = all_text(kept.body)
    assert sheets.reference(case_id) in text


def test_an_unchanged_record_re_exports_the_same_frozen_sheet(
    panel_store: Session, today: date
) -> None:
    sheets = decision_sheet_service_for(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    first = sheets.export_signed(case_id, today, NOW, PASSPHRASE)
    again = sheets.prepare(case_id, today + timedelta(days=3))
    assert not again.is_new_version
    assert again.frozen is not None
    assert again.frozen.body == first.body
    second = sheets.export_signed(
        case_id, today + timedelta(days=3), NOW + timedelta(days=3), PASSPHRASE
    )
    assert second.body == first.body
    assert [v.version for v in sheets.versions(case_id)] == [1]


def test_a_changed_record_makes_version_two_and_keeps_version_one(
    panel_store: Session, today: date
) -> None:
    sheets = decision_sheet_service_for(panel_store)
    meetings = MeetingService(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    first = sheets.export_signed(case_id, today, NOW, PASSPHRASE)

    meeting = meetings.load(case_id)
    meetings.save(case_id, replace(meeting, place="Town Hall, Committee Room 2"), "Place")
    assert sheets.pending_changes(case_id, today)

    export = sheets.prepare(case_id, today)
    assert export.is_new_version
    assert export.version.number == 2
    assert "Venue changed" in export.content.change_note
    second = sheets.export_signed(case_id, today, NOW, PASSPHRASE)
    assert second.version == 2
    assert second.note.startswith("Version 2. Changes since version 1: Venue changed")
    assert "Venue changed" in all_text(second.body)

    versions = sheets.versions(case_id)
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].body == first.body
    assert sheets.history(case_id).current is not None
    assert not sheets.pending_changes(case_id, today)
    actions = [e.action for e in panel_store.audit.entries(case_id)]
    assert "Signed the decision sheet, version 2" in actions
    assert panel_store.audit.verify()[1] is None


def test_sign_off_progress_does_not_make_a_new_version(panel_store: Session, today: date) -> None:
    sheets = decision_sheet_service_for(panel_store)
    meetings = MeetingService(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    sheets.export_signed(case_id, today, NOW, PASSPHRASE)
    meeting = meetings.load(case_id)
    sent = meeting.sign_off.partners[0]
    changed = replace(
        meeting.sign_off, partners=(replace(sent, sent_on=today), *meeting.sign_off.partners[1:])
    )
    meetings.save(case_id, meeting.with_sign_off(changed), "Sent for sign-off")
    assert not sheets.prepare(case_id, today).is_new_version


@pytest.mark.parametrize(
    ("stage", "message"),
    [
        pytest.param(Stage.NOTIFIED, "has no recorded decision", id="no meeting yet"),
        pytest.param(Stage.MEETING_BOOKED, "has no recorded decision", id="meeting booked"),
    ],
)
def test_no_sheet_without_a_recorded_decision(
    panel_store: Session, today: date, stage: Stage, message: str
) -> None:
    sheets = decision_sheet_service_for(panel_store)
    case_id = _case_at(panel_store, stage)
    with pytest.raises(SheetNotReadyError, match=message):
        sheets.prepare(case_id, today)
    assert sheets.versions(case_id) == []


def test_an_incomplete_record_says_what_is_missing(panel_store: Session, today: date) -> None:
    sheets = decision_sheet_service_for(panel_store)
    meetings = MeetingService(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    meeting = meetings.load(case_id)
    meetings.save(case_id, replace(meeting, place="", online=False), "No place")
    with pytest.raises(SheetNotReadyError, match="Enter where the meeting was held") as caught:
        sheets.prepare(case_id, today)
    assert caught.value.problems == ("Enter where the meeting was held, or that it was online",)


def test_the_sheet_never_names_a_child(panel_store: Session, today: date) -> None:
    sheets = decision_sheet_service_for(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    case = CaseService(panel_store).get(case_id)
    assert case is not None
    text = all_text(sheets.export_signed(case_id, today, NOW, PASSPHRASE).body)
    for child in case.children:
        assert child.pseudonym in text
        if child.real_name:
            assert child.real_name not in text
        if child.date_of_birth:
            assert child.date_of_birth.strftime("%d/%m/%Y") not in text


def test_render_and_sign_write_nothing_to_the_temp_folder(
    panel_store: Session, today: date, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    watched = tmp_path / "temp-folder"
    watched.mkdir()
    monkeypatch.setenv("TMPDIR", str(watched))
    monkeypatch.setenv("TEMP", str(watched))
    monkeypatch.setenv("TMP", str(watched))
    monkeypatch.setattr(tempfile, "tempdir", str(watched))
    sheets = decision_sheet_service_for(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    export = sheets.prepare(case_id, today)
    identity = sheets.signing.ensure_identity(NOW, PASSPHRASE)
    before = set(os.listdir(tmp_path))
    signed = sign_sheet(render_sheet(export.content), identity, panel_store.partnership, NOW)
    sheets.keep(export, signed)
    assert list(watched.iterdir()) == []
    assert set(os.listdir(tmp_path)) == before


def test_signing_time_reads_as_people_write_it() -> None:
    assert signing_time_text(datetime(2026, 11, 22, 9, 30)) == "22 November 2026 at 9:30am"


def test_a_changed_case_summary_makes_a_new_version_too(panel_store: Session, today: date) -> None:
    sheets = decision_sheet_service_for(panel_store)
    cases = CaseService(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    sheets.export_signed(case_id, today, NOW, PASSPHRASE)
    case = cases.get(case_id)
    assert case is not None
    cases.save_case(replace(case, summary=case.summary + " A corrected sentence."))
    export = sheets.prepare(case_id, today)
    assert export.version.number == 2
    assert export.version.changes == ("Summary of the incident changed",)
    assert sheets.export_signed(case_id, today, NOW, PASSPHRASE).note == (
        "Version 2. Changes since version 1: Summary of the incident changed"
    )
    assert not sheets.pending_changes(case_id, today)


def test_the_partnership_renamed_and_the_record_changed_are_both_noted(
    panel_store: Session, today: date
) -> None:
    sheets = decision_sheet_service_for(panel_store)
    meetings = MeetingService(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    sheets.export_signed(case_id, today, NOW, PASSPHRASE)
    sheets.signing.rename_partnership("Northmoor and Dale Partnership")
    meeting = meetings.load(case_id)
    meetings.save(case_id, replace(meeting, place="Town Hall"), "Place")
    changes = sheets.prepare(case_id, today).version.changes
    assert changes[0].startswith("Venue changed")
    assert changes[-1] == (
        "Partnership name changed from Northmoor Safeguarding Children Partnership to "
        "Northmoor and Dale Partnership"
    )


def test_wt2023_ch5_the_sheet_states_how_long_the_notification_took(
    panel_store: Session, today: date
) -> None:
    """Working Together 2023, chapter 5: notified within 5 working days of becoming aware."""
    cases = CaseService(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    case = cases.get(case_id)
    assert case is not None
    cases.save_case(replace(case, la_aware_date=date(2026, 10, 29)))

    timetable = decision_sheet_service_for(panel_store).prepare(case_id, today).content.timetable

    assert timetable.time_to_notify == (
        "7 working days after the local authority became aware: later than the 5 working days"
        " the local authority has to notify"
    )


def test_a_changed_venue_puts_the_signed_version_out_of_date_naming_no_one_new(
    panel_store: Session, today: date
) -> None:
    sheets = decision_sheet_service_for(panel_store)
    case_id = _case_at(panel_store, Stage.AWAITING_SIGN_OFF)
    assert sheets.out_of_date(case_id, 1, today) is None  # nothing signed yet
    sheets.export_signed(case_id, today, NOW, PASSPHRASE)
    meetings = MeetingService(panel_store)
    meetings.save(case_id, replace(meetings.load(case_id), place="Town Hall"), "Place")

    stale = sheets.out_of_date(case_id, 1, today)

    assert stale is not None
    assert (stale.next_version, stale.executives_changed) == (2, False)
    assert any(change.startswith("Venue changed") for change in stale.changes)
