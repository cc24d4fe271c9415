"""A backup begun on the store's thread and written on another ("Back up now" in the window):
what is saved meanwhile stays in the store and out of the backup, and a store closed meanwhile
(a lock) leaves no backup and no work files."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.store import store_access
from rrdesk.services.store.backups import (
    check_backup,
    finish_backup,
    finish_rolling_backup,
    rolling_backups,
    set_keep_count,
    start_backup,
    start_rolling_backup,
    unchanged_since_rolling_backup,
)
from rrdesk.services.store.rolling_backups import BACKUP_MADE
from rrdesk.services.store.session import Session
from rrdesk.storage.errors import NotSavedError, StoreLocationError


def add_case(session: Session, reference: str) -> None:
    with session.db.transaction():
        session.cases.add(Case(reference=reference, children=(Child("Child C", "Fictional"),)))


def written_elsewhere(write: object) -> object:
    """``write()`` run on a thread of its own, as the window's task runner runs it."""
    assert callable(write)
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(write())
        except BaseException as error:  # handed back, as the runner hands it to the window
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return outcome[0]


def work_files(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir() if path.name.startswith(".")]


def test_what_is_saved_while_the_backup_is_written_is_kept_in_the_store_only(
    session: Session, passphrase: str, tmp_path: Path
) -> None:
    add_case(session, "RR-2026-001")
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = start_backup(session, usb / "now.rrbackup")
    add_case(session, "RR-2026-002")  # saved in the window while the copy is being written

    written = written_elsewhere(backup.write)
    finish_backup(session, backup, made=True)

    assert written == usb / "now.rrbackup"
    assert check_backup(usb / "now.rrbackup", passphrase, work_folder=tmp_path).cases == 1
    assert [c.reference for c in session.cases.all_cases()] == ["RR-2026-001", "RR-2026-002"]
    assert session.audit.entries()[-1].summary == f"{BACKUP_MADE}: now.rrbackup"
    assert session.db.holds == []
    assert work_files(usb) == []
    session.close()
    again = store_access.unlock_with_passphrase(session.path, passphrase)
    assert len(again.cases.all_cases()) == 2
    again.close()


def test_a_store_locked_while_the_backup_is_written_gets_no_backup(
    session: Session, passphrase: str, tmp_path: Path
) -> None:
    add_case(session, "RR-2026-001")
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = start_backup(session, usb / "locked.rrbackup")
    add_case(session, "RR-2026-002")
    session.close()  # as a lock does: what was saved is written into the store's file

    failed = written_elsewhere(backup.write)
    finish_backup(session, backup, made=False)

    assert isinstance(failed, NotSavedError)
    assert failed.message.startswith("Not saved: rrdesk locked or closed while the backup")
    assert list(usb.iterdir()) == []
    again = store_access.unlock_with_passphrase(session.path, passphrase)
    assert len(again.cases.all_cases()) == 2
    again.close()


def test_a_second_backup_meanwhile_is_written_on_a_connection_of_its_own(
    session: Session, passphrase: str, tmp_path: Path
) -> None:
    add_case(session, "RR-2026-001")
    usb = tmp_path / "usb"
    usb.mkdir()
    first = start_backup(session, usb / "first.rrbackup")
    add_case(session, "RR-2026-002")  # in the log, which the first backup keeps out of the file
    second = start_backup(session, usb / "second.rrbackup")
    session.close()  # a lock does not stop a copy made on a connection of its own

    failed = written_elsewhere(first.write)
    written = written_elsewhere(second.write)
    finish_backup(session, first, made=False)
    finish_backup(session, second, made=True)

    assert isinstance(failed, NotSavedError)
    assert written == usb / "second.rrbackup"
    assert check_backup(usb / "second.rrbackup", passphrase, work_folder=tmp_path).cases == 2
    assert work_files(usb) == []


def test_a_folder_that_is_not_there_is_said_before_anything_is_held(
    session: Session, tmp_path: Path
) -> None:
    with pytest.raises(StoreLocationError, match="does not exist"):
        start_backup(session, tmp_path / "gone" / "b.rrbackup")
    add_case(session, "RR-2026-001")  # nothing is held: the store saves as before
    assert session.db.holds == []


def test_a_rolling_backup_written_elsewhere_is_recorded_and_the_oldest_removed_as_it_ends(
    session: Session, passphrase: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    set_keep_count(session, 1)
    add_case(session, "RR-2026-001")
    first = start_rolling_backup(session, datetime(2026, 11, 21, 9, 0), folder)
    assert written_elsewhere(first.write) == folder / "partnership-20261121-090000.rrbackup"
    finish_rolling_backup(session, first, made=True)
    assert unchanged_since_rolling_backup(session, folder)  # nothing saved meanwhile
    add_case(session, "RR-2026-002")

    second = start_rolling_backup(session, datetime(2026, 11, 22, 9, 0), folder)
    assert rolling_backups(folder, session.path) == [first.destination]  # not written yet
    add_case(session, "RR-2026-003")  # saved in the window while the copy is being written,
    set_keep_count(session, 1)  # and audited, as every change made in the window is
    written = written_elsewhere(second.write)
    assert rolling_backups(folder, session.path) == [first.destination, second.destination]
    finish_rolling_backup(session, second, made=True)

    assert written == folder / "partnership-20261122-090000.rrbackup"
    assert rolling_backups(folder, session.path) == [written]  # one kept
    assert check_backup(written, passphrase, work_folder=tmp_path).cases == 2
    assert session.audit.entries()[-1].summary == f"{BACKUP_MADE}: {written.name}"
    assert not unchanged_since_rolling_backup(session, folder)  # so a closing one is made
    assert session.db.holds == []
    assert work_files(folder) == []


def test_a_rolling_backup_that_failed_is_not_recorded_and_removes_nothing(
    session: Session, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    set_keep_count(session, 1)
    add_case(session, "RR-2026-001")
    backup = start_rolling_backup(session, datetime(2026, 11, 22, 9, 0), folder)
    session.db.close()  # the store closed under the copy, as it must never be
    failed = written_elsewhere(backup.write)
    finish_rolling_backup(session, backup, made=False)

    assert isinstance(failed, NotSavedError)
    assert list(folder.iterdir()) == []


def test_a_key_change_waits_for_a_rolling_backup_being_written(
    session: Session, passphrase: str, tmp_path: Path
) -> None:
    """The key change closes the store and puts a re-encrypted file in its place: it begins
    only once the copy being written on another thread is written, so the copy is kept."""
    folder = tmp_path / "backups"
    add_case(session, "RR-2026-001")
    backup = start_rolling_backup(session, datetime(2026, 11, 22, 9, 0), folder)
    happened: list[str] = []
    outcome: list[object] = []

    def write() -> None:
        asked.wait()  # the copy is still being written when the key change is asked for
        try:
            outcome.append(backup.write())
        except BaseException as error:
            outcome.append(error)
        happened.append("copy written")

    def progress(_done: int, _total: int) -> None:
        if "key change copying" not in happened:
            happened.append("key change copying")

    asked = threading.Event()
    writer = threading.Thread(target=write)
    writer.start()
    threading.Timer(0.3, asked.set).start()
    store_access.change_passphrase(session, "a brand new long passphrase", progress=progress)
    writer.join()
    finish_rolling_backup(session, backup, made=True)

    assert happened == ["copy written", "key change copying"]
    assert outcome == [folder / "partnership-20261122-090000.rrbackup"]
    assert check_backup(backup.destination, passphrase, work_folder=tmp_path).cases == 1
    assert session.audit.entries()[-1].summary == f"{BACKUP_MADE}: {backup.destination.name}"
    assert not unchanged_since_rolling_backup(session, folder)  # the key changed since
