"""The reliability promises, proven with small counts (reliability_report.py runs the full ones)."""

from __future__ import annotations

import hashlib
import socket
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from rrdesk.cli import main as cli_main
from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.platform.logging_setup import configure_logging, stop_logging
from rrdesk.services.store import store_access
from rrdesk.services.store.backups import back_up_to, make_rolling_backup, restore_backup
from rrdesk.storage.database import Database
from tests.reliability import key_scenarios, scenarios, tamper_scenarios

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL and /proc")

MARKERS = ["Philippa Crashmarker-Oyelaran", "Barnaby Quillon-Treve"]
TODAY = date(2026, 11, 22)


@pytest.mark.slow
def test_kill_9_loses_no_acknowledged_save(tmp_path: Path) -> None:
    figures = scenarios.crash_trials(tmp_path, kills=10, seed=6)
    assert figures.kills == 10
    assert figures.acknowledged > 0
    assert figures.lost == 0
    assert figures.integrity_problems == 0, figures.problems
    assert figures.problems == []
    # a save committed in the instant before the kill, not yet acknowledged, may be there too
    assert figures.acknowledged <= figures.cases_in_store <= figures.acknowledged + figures.kills


@pytest.mark.slow
def test_killed_backup_is_whole_or_absent(tmp_path: Path) -> None:
    figures = scenarios.backup_kill_trials(tmp_path, kills=4, seed=6)
    assert figures.broken == 0
    assert figures.whole + figures.absent == figures.kills
    assert figures.stray_after_tidying == 0


@pytest.mark.slow
def test_killed_change_of_key_leaves_one_whole_store_that_no_earlier_key_opens(
    tmp_path: Path,
) -> None:
    figures = key_scenarios.rekey_kill_trials(tmp_path, kills=4, seed=6)
    assert figures.kills == 4
    assert figures.changes > 0
    assert figures.opened == figures.kills
    assert figures.unopenable == 0
    assert figures.integrity_problems == 0
    assert figures.audit_breaks == 0
    assert figures.cases_lost == 0
    assert figures.earlier_key_file_opened == 0
    assert figures.stray_work_files == 0
    assert figures.signing_key_lost == 0


@pytest.mark.slow
def test_killed_restore_always_leaves_a_store_that_opens(tmp_path: Path) -> None:
    figures = key_scenarios.restore_kill_trials(tmp_path, kills=4, seed=6)
    assert figures.kills == 4
    assert figures.restores > 0
    assert figures.nothing_there == 0
    assert figures.unopenable == 0
    assert figures.integrity_problems == 0
    assert figures.stray_work_files == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE as on Linux")
def test_full_disk_says_not_saved_and_keeps_everything(tmp_path: Path) -> None:
    figures = scenarios.full_disk(tmp_path)
    assert figures.acknowledged > 0
    assert figures.refusal.startswith("refused NotSavedError: Not saved:"), figures.refusal
    assert "Everything saved before is kept" in figures.refusal
    assert figures.lost == 0
    assert figures.integrity_problems == 0


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_no_marker_anywhere_at_rest_or_in_temp(tmp_path: Path) -> None:
    figures = scenarios.plaintext_search(tmp_path, control=False, markers=MARKERS)
    assert figures.search_found == 1
    assert {"partnership.rrdesk-wal", "partnership.rrdesk"} <= set(figures.live_files_searched)
    assert any(name.endswith(".rrbackup") for name in figures.files_searched)
    assert any(name.endswith("rrdesk.log") for name in figures.files_searched)
    assert figures.found_in_files == []
    assert figures.found_in_live_files == []
    assert figures.found_in_open_temp_files == []


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_the_search_catches_a_temp_store_file_control(tmp_path: Path) -> None:
    figures = scenarios.plaintext_search(tmp_path, control=True, markers=MARKERS)
    assert figures.found_in_open_temp_files, "the control run should spill the sort to disk"


def test_second_process_is_told_where_the_store_is_open(
    new_store, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(passphrase, encoding="utf-8")
    before = hashlib.sha256(store_path.read_bytes()).hexdigest()
    message = scenarios.second_process_message(store_path, passphrase_file)
    assert message.startswith("refused StoreInUseError: This store is already open")
    assert f"on {socket.gethostname()}" in message
    assert "Nothing has been changed" in message
    assert hashlib.sha256(store_path.read_bytes()).hexdigest() == before
    assert not store_path.with_name(store_path.name + "-journal").exists()


class _NetworkAttempt(AssertionError):
    pass


def _signed_sheet() -> bytes:
    """A decision sheet rendered and signed in memory, as the app does (no fetching)."""
    from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
    from rrdesk.exports.signatures.signing import create_signing_identity, sign_pdf
    from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
    from tests.exports.samples import PARTNERSHIP, decision_sheet_content

    identity = create_signing_identity(PARTNERSHIP, now=datetime(2026, 11, 22, 14, 5))
    sheet = render_decision_sheet(decision_sheet_content(), load_decision_sheet_template())
    return sign_pdf(
        sheet,
        identity,
        reason="Rapid Review decision sheet",
        location="Northmoor",
        signing_time_text="22 November 2026 at 2:05pm",
    )


def test_a_whole_session_never_touches_the_network(
    tmp_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[str] = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def fail(*args: object, **kwargs: object) -> None:
            attempts.append(name)
            raise _NetworkAttempt(f"rrdesk tried the network: {name}")

        return fail

    real_init = socket.socket.__init__

    def network_sockets_refused(self, family=-1, *args, **kwargs):  # type: ignore[no-untyped-def]
        # asyncio (used by the PDF signer) makes a local AF_UNIX socket pair to wake itself;
        # that is not the network. Every other family is refused.
        if family == socket.AF_UNIX:
            return real_init(self, family, *args, **kwargs)
        return refuse(f"socket family {family}")()

    monkeypatch.setattr(socket.socket, "__init__", network_sockets_refused)
    with pytest.raises(_NetworkAttempt):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    attempts.clear()
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    configure_logging(tmp_path / "logs")
    try:
        store = tmp_path / "partnership.rrdesk"
        created = store_access.create_store(
            store, partnership="Northmoor", owner="Priya", passphrase=passphrase
        )
        session = created.session
        case = CaseService(session).add_case(
            Case(reference="", notification_sent=TODAY, children=(Child("Child N", MARKERS[0]),)),
            today=TODAY,
        )
        assert case.case_id is not None
        with session.db.transaction():
            session.documents.put(case.case_id, "agency_form", {"answers": {"a": MARKERS[1]}})
        pdf = _signed_sheet()
        with session.db.transaction():
            session.documents.add_export(case.case_id, "decision_sheet", pdf, "signed")
        make_rolling_backup(session, datetime(2026, 11, 22, 9, 0), tmp_path / "backups")
        chosen = back_up_to(session, tmp_path / "copy.rrbackup")
        session.close()
        restore_backup(chosen, store, passphrase, recovery=False, now=datetime(2026, 11, 22))
        store_access.unlock_with_passphrase(store, passphrase).close()
    finally:
        stop_logging()
    assert attempts == []


def test_logs_hold_no_case_data(tmp_path: Path, passphrase: str) -> None:
    log_file = configure_logging(tmp_path / "logs")
    try:
        created = store_access.create_store(
            tmp_path / "p.rrdesk", partnership="Northmoor", owner="Priya", passphrase=passphrase
        )
        service = CaseService(created.session)
        saved = service.add_case(
            Case(
                reference="",
                notification_sent=TODAY,
                children=(Child("Child M", MARKERS[0]),),
                summary=MARKERS[1],
            ),
            today=TODAY,
        )
        service.save_case(
            Case(
                reference=saved.reference,
                notification_sent=TODAY,
                children=(Child("Child M", MARKERS[1]),),
                case_id=saved.case_id,
            )
        )
        make_rolling_backup(created.session, datetime(2026, 11, 22, 9, 0), tmp_path / "b")
        created.session.close()
        try:
            raise ValueError(f"a message quoting {MARKERS[0]}")
        except ValueError:
            from rrdesk.services.platform.logging_setup import log_uncaught

            log_uncaught(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        stop_logging()
    text = log_file.read_bytes()
    assert b"case 1 created" in text
    assert b"case 1 changed" in text
    assert b"uncaught builtins.ValueError at" in text
    for marker in MARKERS:
        assert marker.encode() not in text
        assert marker.encode("utf-16-le") not in text
    assert saved.reference.encode() not in text


def _audit_store(store_path: Path, passphrase: str) -> bytes:
    created = store_access.create_store(
        store_path, partnership="Northmoor", owner="Priya", passphrase=passphrase
    )
    service = CaseService(created.session)
    for number in range(3):
        service.add_case(
            Case(reference="", notification_sent=TODAY, children=(Child(f"Child {number}"),)),
            today=TODAY,
        )
    key = created.session.key_bytes()
    created.session.close()
    return key


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        ("UPDATE audit SET action = 'Looked at nothing' WHERE id = 3", "number 3 (entry 3)"),
        ("DELETE FROM audit WHERE id = 2", "number 2"),
    ],
    ids=["an entry changed", "an entry deleted"],
)
def test_audit_tamper_is_reported(
    tmp_path: Path, passphrase: str, tamper: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "p.rrdesk"
    key = _audit_store(store, passphrase)
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(passphrase, encoding="utf-8")
    arguments = [
        "audit",
        "verify",
        "--store",
        str(store),
        "--passphrase-file",
        str(passphrase_file),
    ]
    assert cli_main(arguments) == 0
    assert "The audit trail is whole" in capsys.readouterr().out
    outside = Database.open(store, key)
    outside.execute(tamper)
    outside.close()
    assert cli_main(arguments) == 1
    out = capsys.readouterr().out
    assert "The audit trail has been tampered with: the first broken entry is" in out
    assert expected in out


def test_random_tamperings_of_the_audit_trail_are_all_caught(tmp_path: Path) -> None:
    figures = tamper_scenarios.audit_tamper_trials(tmp_path, trials=16, seed=6)
    assert figures.trials == 16
    assert set(figures.by_attack) == set(tamper_scenarios.ATTACKS)
    assert figures.missed == []
    assert figures.caught == 16


def test_older_copies_of_the_store_put_back_are_all_caught(tmp_path: Path) -> None:
    figures = tamper_scenarios.rollback_trials(tmp_path, copies=8, pages=0, seed=6)
    assert figures.whole_copies == 8
    assert figures.whole_caught == 8
    assert figures.missed == []


def test_pages_put_back_from_an_older_copy_are_all_caught(tmp_path: Path) -> None:
    figures = tamper_scenarios.rollback_trials(tmp_path, copies=0, pages=16, seed=6)
    assert figures.pages == 16
    assert figures.missed == []


def test_after_changes_of_key_no_earlier_key_file_secret_or_backup_opens_the_store(
    tmp_path: Path,
) -> None:
    figures = tamper_scenarios.revocation_trials(tmp_path, changes=4, seed=6)
    assert figures.changes == 4
    # each earlier key file with all six secrets, and the current key file with the four earlier
    assert figures.tries == 4 * 6 + 4
    assert figures.opened == 0
    assert figures.restores > 0
    assert figures.restored_opened_by_earlier == 0
    assert figures.current_failed == 0
