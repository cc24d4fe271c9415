"""Reading a file the person chose: its bytes, or a plain reason why not."""

from __future__ import annotations

from pathlib import Path

import pytest

from rrdesk.services.chosen_files import UnreadableFileError, read_chosen_file


def test_a_chosen_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "partnership.pem"
    path.write_bytes(b"-----BEGIN CERTIFICATE-----")

    assert read_chosen_file(path, "certificate file") == b"-----BEGIN CERTIFICATE-----"


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gone.pdf"

    with pytest.raises(UnreadableFileError) as raised:
        read_chosen_file(path, "PDF")

    assert raised.value.message == f"There is no PDF at {path}"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError) as raised:
        read_chosen_file(tmp_path, "PDF")

    assert raised.value.message == f"{tmp_path} is a folder, not a PDF"


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b"x" * 11)

    with pytest.raises(UnreadableFileError) as raised:
        read_chosen_file(path, "bank holidays file", max_bytes=10)

    assert raised.value.message == "The bank holidays file huge.json is too large"
    assert read_chosen_file(path, "bank holidays file", max_bytes=11) == b"x" * 11
