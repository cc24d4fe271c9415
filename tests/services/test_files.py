"""Exported files: written whole or not at all, private to their owner, one plain error."""

from __future__ import annotations

import os
import signal
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from rrdesk.services.files import FileNotSavedError, write_exported_file

OLD = b"the decision sheet saved last week"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _names(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_an_exported_file_is_written_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "RR-2026-001 decision sheet.pdf"

    write_exported_file(path, b"%PDF-1.7 signed")

    assert path.read_bytes() == b"%PDF-1.7 signed"
    assert _mode(path) == 0o600
    assert _names(tmp_path) == ["RR-2026-001 decision sheet.pdf"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_replacing_a_file_others_could_read_leaves_it_private(tmp_path: Path) -> None:
    path = tmp_path / "meeting.ics"
    path.write_bytes(OLD)
    path.chmod(0o644)

    write_exported_file(path, b"BEGIN:VCALENDAR")

    assert path.read_bytes() == b"BEGIN:VCALENDAR"
    assert _mode(path) == 0o600


def test_a_missing_folder_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "Rapid reviews"

    with pytest.raises(FileNotSavedError) as raised:
        write_exported_file(folder / "letter.pdf", b"%PDF")

    assert raised.value.message == f"The folder {folder} does not exist. Nothing was saved."
    assert not folder.exists()


@pytest.mark.skipif(os.name != "posix", reason="folder permissions are POSIX")
def test_a_read_only_folder_keeps_the_old_file_and_says_choose_another(tmp_path: Path) -> None:
    path = tmp_path / "panel pack.pdf"
    path.write_bytes(OLD)
    tmp_path.chmod(0o500)
    try:
        if os.access(tmp_path, os.W_OK):
            pytest.skip("this user may write in any folder (the superuser, for one)")
        with pytest.raises(FileNotSavedError) as raised:
            write_exported_file(path, b"%PDF new pack")
    finally:
        tmp_path.chmod(0o700)

    assert raised.value.message == (
        f"Not saved: rrdesk is not allowed to write in {tmp_path}. Choose another folder."
    )
    assert path.read_bytes() == OLD
    assert _names(tmp_path) == ["panel pack.pdf"]


@contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """This process may write no file bigger than ``limit`` bytes, as on a disk that is full."""
    import resource

    before_signal = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    before_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, before_limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, before_limit)
        signal.signal(signal.SIGXFSZ, before_signal)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE as on Linux")
def test_a_full_disk_keeps_the_old_file_and_says_there_is_no_room(tmp_path: Path) -> None:
    path = tmp_path / "action plan.xlsx"
    path.write_bytes(OLD)

    with _file_size_limit(4096), pytest.raises(FileNotSavedError) as raised:
        write_exported_file(path, b"x" * 100_000)

    assert raised.value.message == (
        "Not saved: there is no room left to write action plan.xlsx. "
        "Free some space and try again. Nothing saved before has been lost."
    )
    assert path.read_bytes() == OLD
    assert _names(tmp_path) == ["action plan.xlsx"]


def test_a_folder_where_the_file_should_be_is_refused_plainly(tmp_path: Path) -> None:
    (tmp_path / "themes.csv").mkdir()

    with pytest.raises(FileNotSavedError) as raised:
        write_exported_file(tmp_path / "themes.csv", b"case,theme\n")

    assert raised.value.message.startswith("Not saved: ")
    assert (tmp_path / "themes.csv").is_dir()
    assert _names(tmp_path) == ["themes.csv"]
